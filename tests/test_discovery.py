"""Which files a directory means: excludes, .gitignore, hulifa's other YAML files, FIFOs and devices, stdin."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from clihelp import HULI_DATA, ROOT, run_cli
from hulifa.cli import app
from hulifa.discovery import Selection, discover, not_report_data
from hulifa.model import Severity
from hulifa.runner import check_paths

DEVIATIONS = "deviations:\n  - {rule: x, reason: r, approved_by: 局, expires: 2030-01-01}\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository of reports, as an office keeps it: CI files, a venv, a build folder, ignores."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "reports").mkdir()
    shutil.copy(HULI_DATA, tmp_path / "reports" / "huli-2024.yaml")
    for folder in (".github/workflows", ".venv/lib", "build", "node_modules/x", "scratch"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / ".github/workflows/ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    for folder in (".venv/lib", "build", "node_modules/x", "scratch"):
        (tmp_path / folder / "junk.yaml").write_text("not: [report\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    return tmp_path


def paths(found: Iterator[object], root: Path) -> list[str]:
    return [os.path.relpath(f.path, root) for f in found]  # type: ignore[attr-defined]


def test_scan_skips_hidden_build_and_ignored(repo: Path) -> None:
    assert paths(discover([str(repo)]), repo) == ["reports/huli-2024.yaml"]
    run = run_cli("check", str(repo), "--format", "parsable")
    assert run.exit_code == 1, run.stderr  # the Huli data's own finding, not exit 2 for ci.yml
    assert "ci.yml" not in run.stdout + run.stderr and "junk" not in run.stdout + run.stderr


def test_gitignore_only_inside_a_repository_and_can_be_turned_off(repo: Path) -> None:
    assert "scratch/junk.yaml" in paths(discover([str(repo)], Selection(gitignore=False)), repo)
    (repo / ".git").rmdir()
    assert "scratch/junk.yaml" in paths(discover([str(repo)]), repo)


def test_nested_gitignore_and_negation(repo: Path) -> None:
    (repo / "reports" / "draft.yaml").write_text("x: 1\n", encoding="utf-8")
    (repo / "reports" / "keep.yaml").write_text("x: 1\n", encoding="utf-8")
    (repo / "reports" / ".gitignore").write_text("*.yaml\n!huli-*.yaml\n", encoding="utf-8")
    assert paths(discover([str(repo / "reports")]), repo) == ["reports/huli-2024.yaml"]


def test_exclude_replaces_and_extend_exclude_adds(repo: Path) -> None:
    found = paths(discover([str(repo)], Selection(exclude=("reports/",), gitignore=False)), repo)
    assert "reports/huli-2024.yaml" not in found and ".github/workflows/ci.yml" in found
    assert [f.error is not None for f in discover([str(repo)], Selection(extend_exclude=("huli-*",)))] == [True]
    run = run_cli("check", str(repo), "--extend-exclude", "huli-*", "--lang", "en")
    assert run.exit_code == 2 and "no report-data files" in run.stderr


def test_a_named_file_is_always_checked(repo: Path) -> None:
    named = repo / "build" / "junk.yaml"
    run = run_cli("check", str(named), "--extend-exclude", "build/", "--lang", "en")
    assert run.exit_code == 2 and f"{named}:2:1: YAML syntax error" in run.stderr
    # --force-exclude, as the pre-commit hook passes it, applies the excludes to named files too
    run = run_cli("check", str(named), "--force-exclude", "--lang", "en")
    assert run.exit_code == 0 and "skipped: excluded" in run.stderr


def test_walk_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(HULI_DATA, tmp_path / "a" / "2024.yaml")
    found = discover([str(tmp_path)])
    first = next(found)
    # made after the walk began: a walk that listed every file up front would miss it
    shutil.copy(HULI_DATA, tmp_path / "b" / "2024.yaml")
    assert first.path.endswith("a/2024.yaml") and next(found).path.endswith("b/2024.yaml")


def test_other_hulifa_yaml_is_skipped_in_a_scan_with_a_note(tmp_path: Path) -> None:
    shutil.copy(HULI_DATA, tmp_path / "2024.yaml")
    (tmp_path / "deviations.yaml").write_text(DEVIATIONS, encoding="utf-8")
    (tmp_path / "list-deviations.yaml").write_text(DEVIATIONS.split("\n", 1)[1].lstrip(), encoding="utf-8")
    shutil.copy(ROOT / "rules" / "xiamen.yaml", tmp_path / "local-pack.yaml")
    (tmp_path / "hulifa-settings.yaml").write_text("fail-on: warning\nlang: en\n", encoding="utf-8")
    for jobs in ("1", "2"):
        run = run_cli("check", str(tmp_path), "--format", "json", "--lang", "en", "--jobs", jobs)
        assert run.exit_code == 1, run.stderr
        assert run.stdout.count('"file":') >= 1 and "deviations.yaml" not in run.stdout
        for name, kind in [
            ("deviations.yaml", "a deviations file"),
            ("list-deviations.yaml", "a deviations file"),
            ("local-pack.yaml", "a rule pack"),
            ("hulifa-settings.yaml", "a hulifa configuration file"),
        ]:
            assert f"{name}: skipped: this is {kind}, not report data" in run.stderr, run.stderr
    # named explicitly, the deviations file is what the user asked for: an error says what it is not
    run = run_cli("check", str(tmp_path / "deviations.yaml"), "--lang", "en")
    assert run.exit_code == 2 and "not a report-data file" in run.stderr


def test_precommit_over_reports_does_not_fail_on_the_deviations_file(tmp_path: Path) -> None:
    (tmp_path / "deviations.yaml").write_text(DEVIATIONS, encoding="utf-8")
    run = run_cli("check", "--force-exclude", "--format", "parsable", str(tmp_path / "deviations.yaml"))
    assert run.exit_code == 0 and "偏差清单" in run.stderr


def test_shapes() -> None:
    assert not_report_data(HULI_DATA.read_text(encoding="utf-8")) is None
    assert not_report_data("region: x\npack: y\n") is None  # a report with a stray key stays an error
    assert not_report_data("foo: 1\n") is None


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


@needs_fifo
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fifo_and_device_link_in_a_scan_are_skipped(tmp_path: Path, jobs: str) -> None:
    shutil.copy(HULI_DATA, tmp_path / "2024.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    run = subprocess.run(
        [sys.executable, "-m", "hulifa.cli", "check", str(tmp_path), "--jobs", jobs, "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    assert "pipe.yaml: skipped: not a regular file (FIFO)" in run.stderr
    assert "zero.yaml: skipped: not a regular file (device)" in run.stderr


@needs_fifo
def test_named_fifo_and_device_are_refused_never_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "2023.yaml")
    for args in (
        ["check", str(HULI_DATA), "--previous", str(tmp_path / "2023.yaml")],
        ["check", str(tmp_path / "2023.yaml")],
        ["check", "/dev/zero"],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "hulifa.cli", *args, "--lang", "en", "-f", "json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "not a regular file" in run.stdout + run.stderr, (args, run.stderr)
        assert run.returncode in (1, 2)


@pytest.mark.skipif(not Path("/dev/fd").exists() or not shutil.which("bash"), reason="needs bash and /dev/fd")
def test_process_substitution_is_read_as_a_stream() -> None:
    run = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m hulifa.cli check <(cat "{HULI_DATA}") --format parsable'],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    assert "part_shortcomings_causes" in run.stdout and "文件为空" not in run.stderr


def test_stdin_with_and_without_a_name() -> None:
    data = HULI_DATA.read_bytes()
    result = CliRunner().invoke(app, ["check", "-", "--format", "parsable"], input=data)
    assert result.exit_code == 1 and result.stdout.startswith("-:"), result.stdout
    result = CliRunner().invoke(
        app, ["check", "-", "--stdin-filename", "reports/huli.yaml", "--format", "parsable"], input=data
    )
    assert result.exit_code == 1 and result.stdout.startswith("reports/huli.yaml:")
    text = (ROOT / "tests" / "data" / "huli-2024-report.txt").read_bytes()
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename", "huli.txt", "--format", "json"], input=text)
    assert result.exit_code in (0, 1) and '"huli.txt"' in result.stdout, result.stderr
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename", "bad.yaml", "--lang", "en"], input=b"a: [")
    assert result.exit_code == 2 and result.stderr.startswith("bad.yaml:")


def test_a_folder_named_alone_holds_no_path_per_file(tmp_path: Path) -> None:
    """Memory flat in the number of files found (tracemalloc): a walk holds listings, not every path.

    What is counted is what the walk still holds when it is paused: blocks allocated with
    hulifa.discovery on the stack that are still reachable after a collection. Not the process's total,
    which other threads (a process pool's manager thread left by an earlier test) and uncollected
    garbage move at will, and which once failed this test under load."""
    import gc
    import tracemalloc

    import hulifa.discovery

    walker = tracemalloc.Filter(True, hulifa.discovery.__file__, all_frames=True)

    def held(count: int) -> int:
        root = tmp_path / str(count)
        for i in range(count):
            folder = root / f"d{i // 100:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{i:05d}.yaml").write_text("", encoding="utf-8")
        found = discover([str(root)])
        next(found)  # the walk set up (pathspec imported) before tracing
        tracemalloc.start(64)  # deep enough that every block the walk allocates has discovery on its stack
        try:
            for _ in range(count - 1):  # every other file, stopping before the walk ends and frees its state
                next(found)
            gc.collect()
            snapshot = tracemalloc.take_snapshot().filter_traces([walker])
            return sum(stat.size for stat in snapshot.statistics("filename"))
        finally:
            tracemalloc.stop()
            found.close()

    few, many = held(200), held(2000)
    assert many < few + 32 * 1024, (few, many)


def test_a_file_named_twice_is_checked_once_whichever_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r").mkdir()
    shutil.copy(HULI_DATA, tmp_path / "r" / "2024.yaml")
    monkeypatch.chdir(tmp_path)
    folder, file = "r", "r/2024.yaml"
    assert len(list(discover([folder, file]))) == 1
    assert len(list(discover([file, folder]))) == 1
    assert len(list(discover([folder, folder]))) == 1


def test_repeats_are_dropped_across_overlapping_inputs_and_separate_folders_are_not_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file met twice (a folder and a file in it, a folder inside another, the same folder twice, a
    pattern) is checked once; folders that no other input reaches are walked without keeping their
    paths (memory stays flat in a batch of many folders)."""
    from hulifa.discovery import _alone

    for name in ("a/1.yaml", "a/sub/2.yaml", "b/3.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("region: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cases = {
        ("a", "a/1.yaml"): ["a/1.yaml", "a/sub/2.yaml"],
        ("a/1.yaml", "a"): ["a/1.yaml", "a/sub/2.yaml"],
        ("a/sub", "a"): ["a/sub/2.yaml", "a/1.yaml"],
        ("a", "a", "b"): ["a/1.yaml", "a/sub/2.yaml", "b/3.yaml"],
        ("*/1.yaml", "a"): ["a/1.yaml", "a/sub/2.yaml"],
        ("a", "b"): ["a/1.yaml", "a/sub/2.yaml", "b/3.yaml"],
    }
    for inputs, want in cases.items():
        assert [f.path for f in discover(list(inputs))] == want, inputs
    assert _alone(["a", "b"]) == {"a", "b"} and _alone(["a", "a/sub", "b"]) == {"b"}
    assert _alone(["a", "a"]) == set() and _alone(["a", "*/1.yaml"]) == set() and _alone(["a", "-"]) == {"a"}


def test_a_file_reached_by_two_spellings_is_checked_once_and_hard_links_each_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the CLI: a report named by its absolute path (or through `..`, or by a link to its folder)
    and found again in a scanned folder is checked once; two hard links to one report are two files a
    user named, and both are checked (compared by resolved path, not inode)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(HULI_DATA, folder / "a.yaml")
    os.link(folder / "a.yaml", folder / "b.yaml")
    (tmp_path / "alias").symlink_to(folder, target_is_directory=True)
    monkeypatch.chdir(tmp_path)

    def checked(*inputs: str) -> list[str]:
        run = run_cli("check", *inputs, "--format", "json", "--fail-on", "never")
        assert run.exit_code == 0, run.stderr
        return [report["file"] for report in json.loads(run.stdout)["reports"]]

    absolute = str(folder / "a.yaml")
    assert checked(absolute, "reports") == [absolute, "reports/b.yaml"]  # the first spelling met is kept
    assert checked("reports", absolute) == ["reports/a.yaml", "reports/b.yaml"]
    assert checked("reports/../reports/a.yaml", "reports") == ["reports/../reports/a.yaml", "reports/b.yaml"]
    assert checked("alias/a.yaml", "reports") == ["alias/a.yaml", "reports/b.yaml"]
    assert checked("alias", "reports") == ["alias/a.yaml", "alias/b.yaml"]
    assert checked("reports") == ["reports/a.yaml", "reports/b.yaml"]


def test_a_link_to_a_report_the_scan_also_meets_is_checked_once_under_the_reports_own_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the CLI, as a folder named alone (which remembers no paths) and beside another input,
    with one job and two: links before and after their target in sorted order, and from a subfolder,
    are second names for a report the scan checks anyway. A link whose target is outside the folder,
    hidden or git-ignored is the only way the scan reaches that report: it is checked, as is a
    dangling link (reported as an error)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    reports, outside = tmp_path / "reports", tmp_path / "outside"
    for folder in (reports / "sub", reports / ".drafts", reports / "scratch", outside):
        folder.mkdir(parents=True)
    for target in (
        reports / "m.yaml",
        outside / "x.yaml",
        reports / ".drafts" / "d.yaml",
        reports / "scratch" / "s.yaml",
    ):
        shutil.copy(HULI_DATA, target)
    (reports / "0-first.yaml").symlink_to("m.yaml")
    (reports / "z-last.yaml").symlink_to("m.yaml")
    (reports / "sub" / "up.yaml").symlink_to("../m.yaml")
    (reports / "out.yaml").symlink_to("../outside/x.yaml")
    (reports / "draft.yaml").symlink_to(".drafts/d.yaml")
    (reports / "scratch-link.yaml").symlink_to("scratch/s.yaml")
    (reports / "gone.yaml").symlink_to("nothing-here.yaml")
    monkeypatch.chdir(tmp_path)
    want = [
        "reports/draft.yaml",
        "reports/gone.yaml",
        "reports/m.yaml",
        "reports/out.yaml",
        "reports/scratch-link.yaml",
    ]
    assert [f.path for f in discover(["reports"])] == want
    for jobs in ("1", "2"):
        run = run_cli("check", "reports", "--format", "parsable", "--fail-on", "never", "--jobs", jobs)
        assert run.exit_code == 2, run.stderr  # the dangling link is an input error
        named = sorted({line.split(":", 1)[0] for line in run.stdout.splitlines()})
        assert named == want, run.stdout  # the dangling link too: its error is a finding of its own
        assert "reports/gone.yaml:1:1:" in run.stderr
    both = run_cli("check", "reports", "outside", "--format", "json", "--fail-on", "never")
    files = [report["file"] for report in json.loads(both.stdout)["reports"]]
    assert files.count("reports/m.yaml") == 1 and not any("first" in f or "last" in f or "up.yaml" in f for f in files)


@pytest.fixture
def linked_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two folders named side by side: a/ holds links to b/'s report and to one report outside both
    (twice, as a/ and c/ each link to it); b/ holds the report itself."""
    for folder in ("a", "b", "c", "outside"):
        (tmp_path / folder).mkdir()
    shutil.copy(HULI_DATA, tmp_path / "b" / "r.yaml")
    shutil.copy(HULI_DATA, tmp_path / "outside" / "x.yaml")
    (tmp_path / "a" / "to-b.yaml").symlink_to("../b/r.yaml")
    (tmp_path / "a" / "to-x.yaml").symlink_to("../outside/x.yaml")
    (tmp_path / "c" / "to-x.yaml").symlink_to("../outside/x.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("inputs", "want"),
    [
        (["a", "b"], ["a/to-x.yaml", "b/r.yaml"]),  # the link before its target's folder
        (["b", "a"], ["b/r.yaml", "a/to-x.yaml"]),  # and after it
        (["a", "b/r.yaml"], ["a/to-x.yaml", "b/r.yaml"]),  # the target named as a file
        (["a", "c"], ["a/to-b.yaml", "a/to-x.yaml"]),  # two links to one report outside: the first met
        (["a", "b", "c"], ["a/to-x.yaml", "b/r.yaml"]),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_report_reached_through_a_link_in_another_named_folder_is_checked_once(
    linked_folders: Path, inputs: list[str], want: list[str], lang: str
) -> None:
    """By its real path, however it is reached (`hulifa check a b`: a folder named alone remembers no
    paths, and a link to another named folder was checked twice); the link passed over is named on
    stderr, in the language asked for. Through CliRunner and a process, one job and two."""
    from hostile.helpers import run_process

    args = ["check", *inputs, "--format", "json", "--fail-on", "never", "--lang", lang]
    for run in (run_cli(*args), run_process(*args, cwd=linked_folders), run_cli(*args, "--jobs", "2")):
        assert run.exit_code == 0, run.stderr
        assert [report["file"] for report in json.loads(run.stdout)["reports"]] == want
        passed_over = {f"{folder}/{name}" for folder in inputs for name in ("to-b.yaml", "to-x.yaml")} - set(want)
        passed_over &= {"a/to-b.yaml", "a/to-x.yaml", "c/to-x.yaml"}
        note = "同一份报告只检查一次" if lang == "zh" else "one report is checked once"
        for link in passed_over:
            assert any(line.startswith(f"{link}: ") and note in line for line in run.stderr.splitlines()), run.stderr


# Paths as a user or a script may pass them: control characters, NUL, lone surrogates (an undecodable
# byte, as Python receives it from argv), wildcards, separators, and names or paths past the system's
# limits (ENAMETOOLONG from stat, which pathlib's exists() and is_dir() raise).
ODD_PATHS = st.one_of(
    st.text(max_size=12),
    st.text(alphabet=st.sampled_from("/.*?[]!-~ \\\x00\x01\n\udcff\ud800"), max_size=12),
    st.builds(lambda n, tail: "x" * n + tail, st.integers(250, 5000), st.sampled_from(["", ".yaml", "/", "/*"])),
    st.builds(lambda n: "d/" * n, st.integers(100, 3000)),
)


@pytest.fixture(scope="module")
def odd_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder to run in: one report and a sub-folder, so `.`, `*` and `**/*` find something."""
    folder = tmp_path_factory.mktemp("odd")
    (folder / "sub").mkdir()
    shutil.copy(HULI_DATA, folder / "sub" / "2024.yaml")
    return folder


@given(raw=ODD_PATHS)
@example(raw="\x00")
@example(raw="x" * 5000)
@example(raw="")
@example(raw="a\udcffb.yaml")
@example(raw="*")  # matches only a folder: it said nothing and exited 2
@settings(max_examples=60, deadline=None)
def test_an_odd_path_is_a_file_with_an_error_never_a_traceback(raw: str, odd_folder: Path) -> None:
    """discover yields what it finds or the path itself (refused when read), through the library and
    the command line: exit 1 or 2 with the path's problem said, never an internal error."""
    with contextlib.chdir(odd_folder):
        found = list(discover([raw]))
        result = check_paths([raw])
        run = run_cli("check", raw, "--isolated", "--lang", "en", "-f", "parsable")
    assert all(f.path == raw or f.error is None for f in found)
    assert len(result.reports) == len(found)
    for report in result.reports:
        assert report.checked or report.worst() is Severity.ERROR
    assert run.exit_code in (1, 2), run.stderr
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr
    if not any(report.checked for report in result.reports):  # nothing found, or the path refused
        assert run.exit_code == 2 and run.stderr.strip(), run


def test_an_empty_path_is_no_file_not_the_current_folder(odd_folder: Path) -> None:
    with contextlib.chdir(odd_folder):
        run = run_cli("check", "", "--isolated", "--lang", "en")
    assert run.exit_code == 2 and run.stderr == ":1:1: no such file\n"
    assert "2024.yaml" not in run.stdout


def test_a_pattern_matching_only_folders_matches_no_file(odd_folder: Path) -> None:
    with contextlib.chdir(odd_folder):
        run = run_cli("check", "s*", "--isolated", "--lang", "en")
    assert run.exit_code == 2 and run.stderr == "s*:1:1: no file matches this pattern\n"
