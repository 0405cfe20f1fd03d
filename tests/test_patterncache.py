"""The script's store of compiled regular expressions: a second start compiles none, and what it finds
in re's cache is what re itself would have compiled."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clihelp import HULI_DATA
from hulifa import patterncache


@pytest.fixture(autouse=True)
def _cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run's cache folder (the probes' and this process's) is the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("HULIFA_NO_CACHE", raising=False)


def _script(*args: str, then: str = "pass", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`hulifa ARGS` through the script's main (hulifa.__main__), re's compiler watched: at exit, after
    what `then` (one line) wrote, stderr says how many patterns were compiled (COMPILED n)."""
    probe = (
        "import atexit, sys\n"
        "from re import _compiler\n"
        "compiled = []\n"
        "real = _compiler.compile\n"
        "def spy(p, flags=0):\n"
        "    compiled.append(p)\n"
        "    return real(p, flags)\n"
        "_compiler.compile = spy\n"
        "def said():\n"
        f"    {then}\n"
        "    sys.stderr.write(f'\\nCOMPILED {len(compiled)}\\n')\n"
        "atexit.register(said)\n"
        "from hulifa.__main__ import main\n"
        f"sys.argv = ['hulifa', *{list(args)!r}]\n"
        "main()\n"
    )
    environ = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=environ)


def _compiled(run: subprocess.CompletedProcess[str]) -> int:
    assert "COMPILED" in run.stderr, run.stderr
    return int(run.stderr.rsplit("COMPILED ", 1)[1].split()[0])


def _files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "hulifa" / "patterns").glob("*.marshal"))


CHECK = ("check", str(HULI_DATA), "-f", "parsable", "--isolated")


def test_a_second_start_compiles_no_pattern_and_says_the_same(tmp_path: Path) -> None:
    first = _script(*CHECK)
    assert _compiled(first) > 20  # PyYAML's, the stdlib's that typer imports, hulifa's figure pattern
    assert len(_files(tmp_path)) == 1
    second = _script(*CHECK)
    assert _compiled(second) == 0, second.stderr
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert first.returncode == 1 and "2024.yaml:" in first.stdout


def test_every_loaded_pattern_is_the_one_re_compiles() -> None:
    """Pattern equality compares the programs: each pattern found in re's cache equals a fresh compile."""
    _script(*CHECK)
    then = (
        "import re; same = [m == real(k[1], k[2]) for k, m in list(re._cache.items()) if k[0] in (str, bytes)]; "
        "sys.stderr.write(f'\\nSAME {sum(same)} OF {len(same)}\\n')"
    )
    run = _script(*CHECK, then=then)
    same, _, of = run.stderr.rsplit("SAME ", 1)[1].split()[:3]
    assert int(of) > 20 and same == of, run.stderr


def test_each_command_keeps_its_own_patterns(tmp_path: Path) -> None:
    """extract compiles ~270 patterns that check does not use: they are stored apart, not loaded by check."""
    _script(*CHECK)
    checks = patterncache.stored(list(CHECK))
    text = tmp_path / "report.txt"
    text.write_text("湖里区2024年法治政府建设年度报告\n组织学习培训1700余人次。\n", encoding="utf-8")
    run = _script("extract", str(text), "--year", "2024")
    assert run.returncode in (0, 1) and _compiled(run) > 0, run.stderr
    assert len(_files(tmp_path)) == 2 and patterncache.stored(list(CHECK)) == checks
    assert len(patterncache.stored(["extract"])) > len(checks)
    assert _compiled(_script(*CHECK)) == 0
    assert _compiled(_script("extract", str(text), "--year", "2024")) == 0


def test_each_format_keeps_its_own_patterns(tmp_path: Path) -> None:
    """A format's modules compile patterns of their own (json's decoder and string.Template, sarif's,
    the table's): a run in one format neither loads another's nor stores its own over them, so two
    runs side by side in two formats do not undo each other."""
    json = ("check", str(HULI_DATA), "--format=json", "--isolated")
    _script(*CHECK)
    checks = patterncache.stored(list(CHECK))
    assert _compiled(_script(*json)) > 0  # its own, stored apart
    assert patterncache.stored(list(CHECK)) == checks
    assert set(patterncache.stored(list(json))) - set(checks)
    assert len(_files(tmp_path)) == 2
    for _ in range(2):  # taking turns, neither compiles again
        assert _compiled(_script(*CHECK)) == 0
        assert _compiled(_script(*json)) == 0
    assert patterncache.stored(list(CHECK)) == checks


@pytest.mark.parametrize(
    ("argv", "stem"),
    [
        ([], "other"),
        (["check", "."], "check"),
        (["check", ".", "-f", "json"], "check.json"),
        (["check", ".", "-fjson-compact", "--format", "sarif", "-o", "x"], "check.json-compact.sarif"),
        (["check", "--format=parsable", "--", "-f", "json"], "check.parsable"),
        (["check", "-f"], "check.other"),
        (["check", "-f", "../../etc"], "check.other"),
        (["../x", "-f", "json"], "other.json"),
        (["提取"], "other"),
    ],
)
def test_a_run_is_named_by_its_command_and_formats(argv: list[str], stem: str) -> None:
    assert patterncache.name(argv) == stem


@given(st.lists(st.text(max_size=30), max_size=8))
def test_any_arguments_name_a_file_in_the_cache_folder(argv: list[str]) -> None:
    stem = patterncache.name(argv)
    assert stem and stem.isascii() and "/" not in stem and not stem.startswith(".")
    assert all(part.replace("-", "").isalpha() for part in stem.split("."))


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", b"hulifa-pattern-cache 1\nanother python\n\n" + b"x" * 40, None],
    ids=["empty", "garbage", "another-python", "truncated"],
)
def test_a_file_that_is_not_a_cache_is_compiled_past_and_replaced(tmp_path: Path, content: bytes | None) -> None:
    first = _script(*CHECK)
    (stored,) = _files(tmp_path)
    whole = stored.read_bytes()
    stored.write_bytes(whole[: len(whole) // 2] if content is None else content)
    run = _script(*CHECK)
    assert (run.returncode, run.stdout) == (first.returncode, first.stdout)
    assert _compiled(run) > 0
    assert len(patterncache.stored(list(CHECK))) > 20  # written again, whole
    assert _compiled(_script(*CHECK)) == 0


def test_no_cache_stores_nothing(tmp_path: Path) -> None:
    run = _script(*CHECK, env={"HULIFA_NO_CACHE": "1"})
    assert run.returncode == 1 and _compiled(run) > 20
    assert not (tmp_path / "cache" / "hulifa" / "patterns").exists()


def test_a_cache_folder_that_cannot_be_made_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("a file where the folder would be")
    run = _script(*CHECK)
    assert run.returncode == 1 and "2024.yaml:" in run.stdout and "Traceback" not in run.stderr


def test_a_program_calling_the_cli_stores_nothing(tmp_path: Path) -> None:
    """Only the script: hulifa.cli.main in a program leaves re's cache and the user's folder alone."""
    probe = f"import sys\nfrom hulifa.cli import main\nsys.argv = ['hulifa', *{list(CHECK)!r}]\nmain()\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.returncode == 1 and "2024.yaml:" in run.stdout, run.stderr
    assert not _files(tmp_path)


def test_the_store_keeps_the_last_patterns_up_to_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterncache, "_loaded", {})
    monkeypatch.setattr(patterncache, "_name", "limit")
    made = [f"hulifa-limit-test-{i}-(a|b)+" for i in range(patterncache.LIMIT + 20)]
    for pattern in made:
        re.compile(pattern)
    patterncache.save()
    assert patterncache.stored(["limit"]) == [(pattern, 0) for pattern in made[20:]]
