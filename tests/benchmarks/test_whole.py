"""benchmarks/whole.py: its readers find every planted finding in every format, and a tiny run
prints the table. Structure only: no timing is asserted (speed lives in the benchmark)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from clihelp import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))

import generate
import whole


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[list[str]]]]:
    """25 generated reports: over 20, so the table and markdown give their batch forms."""
    data = tmp_path_factory.mktemp("reports")
    manifest = generate.generate(data, 25, 2024)
    return data, {rel: [list(item) for item in items] for rel, items in manifest.items()}


@pytest.mark.parametrize("fmt", whole.FORMATS)
def test_each_format_gives_back_exactly_the_planted_findings(
    fmt: str, planted: tuple[Path, dict[str, list[list[str]]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, manifest = planted
    assert sum(len(items) for items in manifest.values()) > 20  # something to lose
    monkeypatch.chdir(data)
    run = run_cli("check", "b00", "--isolated", "--fail-on", "never", "-f", fmt, *whole.VERIFY_ARGS.get(fmt, []))
    assert run.exit_code == 0, run.stderr
    got = whole.reader(fmt, sorted(manifest))(run.stdout.splitlines())
    want = whole.expected_pairs(manifest, by_file_only=fmt == "table")
    github = fmt == "github"  # GitHub shows 10 of each type per step: the last notice counts the rest
    assert not github or got[whole.HIDDEN] > 0
    assert whole.judge(want, got, fmt).endswith(" ok")
    assert (not got - want) if github else got == want  # judge took the hidden count out of got


def test_a_lost_finding_is_counted_as_lost() -> None:
    want = whole.expected_pairs({"b00/1.yaml": [["r1", "missing"], ["r2", "shortfall"]]}, by_file_only=False)
    got = whole.reader("parsable", [])(["b00/1.yaml:3:1: [info] 未填报 (r1)", "b00/2.yaml:3:1: [info] x (r9)"])
    assert whole.compare(want, got) == (2, 1, 1)


def test_sizes_read_as_people_write_them() -> None:
    assert [whole.parse_size(s) for s in ("200", "1k", "10K", "100k")] == [200, 1000, 10_000, 100_000]
    assert whole.label(10_000) == "10k" and whole.label(200) == "200"


def test_a_tiny_run_prints_one_table_with_the_machine_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = whole.main(["12", "--rounds", "1", "--cold", "1", "--formats", "parsable", "--data-root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "usable cores" in out and "load average" in out
    rows = [line.split(" | ")[1] for line in out.splitlines() if line.startswith("| 12 |")]
    assert rows == ["floor", "parsable"]
    assert out.count(" ok |") == 1  # every planted finding, nothing else
    assert "cold start `hulifa check one.yaml`" in out


def test_the_memory_row_links_one_report_and_compares_peak_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = whole.main(["--memory", "1200", "--formats", "parsable", "--data-root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    linked = tmp_path / "hulifa-bench-linked"
    assert sorted(p.name for p in linked.iterdir()) == ["l000", "l001"]
    # links, not copies: one copy a folder (a file system caps a file's links near 65,000)
    assert (linked / "l000" / "000000.yaml").stat().st_nlink == 1000
    assert (linked / "l001" / "001000.yaml").stat().st_nlink == 200
    row = next(line for line in out.splitlines() if line.startswith("| parsable |"))
    assert row.count("MiB") == 2 and re.fullmatch(r"\d+\.\d\dx (met|NOT met)", row.split(" | ")[3])


def test_a_baseline_runs_beside_each_format_and_gets_a_before_after_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # both copies are this hulifa: the pairing and the table are under test, not pip
    monkeypatch.setattr(whole, "installed_copy", lambda: whole.hulifa_cmd())
    monkeypatch.setattr(whole, "baseline_copy", lambda rev: whole.hulifa_cmd())
    argv = ["12", "--rounds", "2", "--cold", "0", "--formats", "parsable", "--baseline", "HEAD"]
    code = whole.main([*argv, "--data-root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    rev = whole.git_rev("HEAD")
    rows = [line.split(" | ")[1] for line in out.splitlines() if line.startswith("| 12 |")]
    assert rows == ["floor", "parsable", f"parsable @{rev}", "parsable"]  # the last: the before/after table
    pair = [line for line in out.splitlines() if line.startswith("| 12 | parsable |")][-1]
    now, then, ratio, paired = (cell.strip() for cell in pair.split("|")[3:7])
    assert re.fullmatch(r"\d+\.\d{3}", ratio) and re.fullmatch(r"\d+\.\d{3}", paired)
    low, high = (
        (float(now[:-2]) - 0.005) / (float(then[:-2]) + 0.005),
        (float(now[:-2]) + 0.005) / (float(then[:-2]) - 0.005),
    )
    assert low <= float(ratio) <= high  # the times are shown to 0.01 s, the ratio comes from the times measured
    assert out.count(" ok |") == 1  # the baseline's output is not read back: it is the code before


def test_a_baseline_times_its_cold_start_beside_this_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--baseline with --cold: the baseline's `hulifa check one.yaml` runs in the same rounds, and the
    before/after table has the cold start's line, paired run by run."""
    monkeypatch.setattr(whole, "installed_copy", lambda: whole.hulifa_cmd())
    monkeypatch.setattr(whole, "baseline_copy", lambda rev: whole.hulifa_cmd())
    argv = ["12", "--rounds", "1", "--cold", "2", "--formats", "parsable", "--baseline", "HEAD", "--no-verify"]
    code = whole.main([*argv, "--data-root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    rev = whole.git_rev("HEAD")
    starts = [line for line in out.splitlines() if line.startswith("| 1 | cold start")]
    assert [line.split("`")[1] for line in starts] == ["hulifa check one.yaml", f"hulifa check one.yaml @{rev}"]
    assert all("(2 runs)" in line for line in starts)
    pair = [line for line in out.splitlines() if line.startswith("| 1 | hulifa check one.yaml |")]
    assert len(pair) == 1 and re.search(r"\| \d+\.\d{3} \| \d+\.\d{3} \|$", pair[0]), out


def test_the_cold_start_is_judged_on_cpu_time_as_every_target() -> None:
    """Wall time on a shared machine holds others' load: the verdict reads the CPU column, as the table's
    head says of every target."""
    waited = whole.Row(1, whole.COLD, [], walls=[0.30, 0.31, 0.29], cpus=[0.14, 0.15, 0.13])
    busy = whole.Row(1, whole.COLD, [], walls=[0.18, 0.18, 0.18], cpus=[0.16, 0.15, 0.17])
    assert whole.cold_target(waited) == "<= 150 ms CPU: met"
    assert whole.cold_target(busy) == "<= 150 ms CPU: NOT met"


def test_a_baseline_is_the_project_at_that_revision(tmp_path: Path) -> None:
    source = whole.source_at("HEAD", tmp_path / "src")
    assert (source / "pyproject.toml").read_bytes() == (ROOT / "pyproject.toml").read_bytes()
    assert (source / "src" / "hulifa" / "runner.py").is_file()
    with pytest.raises(SystemExit, match="no-such-revision"):
        whole.source_at("no-such-revision", tmp_path / "other")


def test_instructions_stand_beside_the_cpu_ratio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--instructions N: each row's per-report count against the floor's, in a column right of the CPU
    ratio, from counts given by a stand-in for callgrind (the real ones take minutes under valgrind)."""
    import instructions

    costs = {"floor": (100e6, 10e6), "parsable": (300e6, 12e6)}  # to start, and each further report

    def fake_count(job: instructions.Job, cwd: object, env: object, cache: bool = False) -> tuple[int, int]:
        start, each = costs[job.name]
        return int(start + (job.size - 1) * each), 0

    monkeypatch.setattr(instructions, "count", fake_count)
    monkeypatch.setattr(whole.shutil, "which", lambda name: "/usr/bin/" + name)
    argv = ["12", "--rounds", "1", "--cold", "1", "--formats", "parsable", "--no-verify", "--instructions", "5"]
    code = whole.main([*argv, "--data-root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    table = [line.split(" | ") for line in out.splitlines() if line.startswith("| ")]
    head = table[0]
    assert head[5:7] == ["CPU vs floor", "instructions vs floor"]
    rows = {cells[1]: cells for cells in table if cells[0] == "| 12"}
    assert rows["floor"][6] == "1.00x (10.0M)" and rows["parsable"][6] == "1.20x"
    assert all(len(cells) == len(head) for cells in table)  # the cold start's rows have the column too


def test_instructions_need_valgrind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whole.shutil, "which", lambda name: None)
    with pytest.raises(SystemExit) as stop:
        whole.main(["12", "--instructions", "100", "--data-root", str(tmp_path)])
    assert stop.value.code == 2
