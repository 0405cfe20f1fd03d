"""Golden output: every format for a few real cases, byte for byte, so a change in output is a diff to
review. Run `pytest tests/test_golden.py --update-golden` to rewrite the files after an intended change,
then read the diff before committing it.

The runs are made deterministic: fixed terminal width, no colour, a fixed --today, relative paths.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clihelp import ROOT, run_cli

GOLDEN = Path(__file__).parent / "golden"
CASES_DIR = Path(__file__).parent / "cases"
TODAY = "2025-06-01"
WIDTH = "120"

# name -> (working directory, arguments after `check`)
CASES: dict[str, tuple[Path, list[str]]] = {
    "huli": (ROOT, ["reports/huli/2024.yaml"]),
    "derived-mismatch": (CASES_DIR / "derived-mismatch", ["report.yaml", "--rules", "rules.yaml"]),
    "deviation-accepted": (CASES_DIR / "deviation-accepted", ["report.yaml"]),
}
FORMATS = {
    "table": "txt",
    "json": "json",
    "json-compact": "json",
    "junit": "xml",
    "sarif": "sarif",
    "github": "txt",
    "markdown": "md",
    "parsable": "txt",
    "html": "html",
}


def _output(case: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    folder, args = CASES[case]
    monkeypatch.chdir(folder)  # paths in the output are relative, as a user would see them
    run = run_cli(
        "check", *args, "--format", fmt, "--color", "never", "--today", TODAY,
        env={"COLUMNS": WIDTH, "LINES": "50", "GITHUB_STEP_SUMMARY": "", "GITHUB_ACTIONS": ""},
    )  # fmt: skip
    assert run.exit_code in (0, 1), run.stderr
    return run.exit_code, run.stdout


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_output(case: str, fmt: str, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    code, text = _output(case, fmt, monkeypatch)
    path = GOLDEN / case / f"{fmt}.{FORMATS[fmt]}"
    got = f"exit: {code}\n{text}" if fmt == "table" else text
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != got:
            path.write_text(got, encoding="utf-8", newline="")
        return
    assert path.is_file(), f"{path} is missing: run pytest --update-golden"
    want = path.read_text(encoding="utf-8")
    assert got == want, f"{path.relative_to(ROOT)} differs: run pytest --update-golden and review the diff"


def test_every_golden_file_belongs_to_a_case() -> None:
    """A case or format that is dropped takes its golden file with it."""
    expected = {GOLDEN / case / f"{fmt}.{ext}" for case in CASES for fmt, ext in FORMATS.items()}
    present = {p for p in GOLDEN.rglob("*") if p.is_file()}
    assert present <= expected, sorted(str(p) for p in present - expected)
