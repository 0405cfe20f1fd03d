"""Data-driven scenarios: tests/cases/<scenario>/ holds report.yaml, optionally rules.yaml and args,
and expected.yaml (exit code, findings that must be present, stderr fragments). Run through the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from clihelp import run_cli

CASES = Path(__file__).parent / "cases"
SCENARIOS = sorted(p.name for p in CASES.iterdir() if (p / "expected.yaml").is_file())


def _matches(finding: dict[str, Any], want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "message_contains":
            if value not in finding["message"] + finding["message_en"]:
                return False
        elif finding.get(key) != value:
            return False
    return True


def test_every_case_folder_is_complete() -> None:
    assert len(SCENARIOS) >= 15
    for name in SCENARIOS:
        assert (CASES / name / "report.yaml").is_file(), name


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = CASES / name
    monkeypatch.chdir(folder)  # relative paths in output, as a user would see them
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    args = ["check", "report.yaml", "--format", "json"]
    if (folder / "rules.yaml").is_file():
        args += ["--rules", "rules.yaml"]
    if (folder / "args").is_file():
        args += (folder / "args").read_text(encoding="utf-8").split()
    run = run_cli(*args)
    assert run.exit_code == expected["exit"], run.stdout + run.stderr
    for fragment in expected.get("stderr_contains", []):
        assert fragment in run.stderr, run.stderr
    if "findings" in expected:
        findings = json.loads(run.stdout)["reports"][0]["findings"]
        for want in expected["findings"]:
            hits = [f for f in findings if _matches(f, want)]
            assert hits, f"no finding matches {want}; got " + json.dumps(
                [f for f in findings if f["rule"] == want.get("rule")], ensure_ascii=False, indent=1
            )
