"""Data-driven scenarios: tests/cases/<scenario>/ holds report.yaml, optionally rules.yaml and args,
and expected.yaml, run through the CLI. expected.yaml gives:
- `exit`: the exit code; `stderr_contains`: fragments of stderr;
- `findings`: findings that must be present, each matched on the keys it gives (gap, message_contains, ...);
- `complete`: every finding that is not a pass, as "rule status line", no more and no fewer. It is the
  last key of the file; `pytest --update-golden` rewrites it (review the diff).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from clihelp import run_cli
from hulifa.reporters.json_ import expand

CASES = Path(__file__).parent / "cases"
SCENARIOS = sorted(p.name for p in CASES.iterdir() if (p / "expected.yaml").is_file())
COMPLETE_HEAD = "# Every finding that is not a pass: rule status line. `pytest --update-golden` rewrites this list.\n"


def _matches(finding: dict[str, Any], want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "message_contains":
            if value not in finding["message"] + finding["message_en"]:
                return False
        elif finding.get(key) != value:
            return False
    return True


def _key(finding: dict[str, Any]) -> str:
    return f"{finding['rule']} {finding['status']} {finding['line']}"


def _rewrite_complete(path: Path, keys: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    for marker in (COMPLETE_HEAD, "complete:"):
        if marker in text:
            text = text[: text.index(marker)]
    block = "complete: []\n" if not keys else "complete:\n" + "".join(f"  - {k}\n" for k in keys)
    path.write_text(text.rstrip("\n") + "\n" + COMPLETE_HEAD + block, encoding="utf-8")


def test_every_case_folder_is_complete() -> None:
    assert len(SCENARIOS) >= 15
    for name in SCENARIOS:
        assert (CASES / name / "report.yaml").is_file(), name


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario(name: str, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
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
    if run.exit_code == 2:  # nothing was checked: there are no findings to list
        assert "findings" not in expected and "complete" not in expected, name
        return
    findings = expand(json.loads(run.stdout))["reports"][0]["findings"]
    for want in expected.get("findings", []):
        hits = [f for f in findings if _matches(f, want)]
        assert hits, f"no finding matches {want}; got " + json.dumps(
            [f for f in findings if f["rule"] == want.get("rule")], ensure_ascii=False, indent=1
        )
    got = sorted(_key(f) for f in findings if f["status"] != "pass")
    if update_golden:
        _rewrite_complete(folder / "expected.yaml", got)
        return
    assert "complete" in expected, f"{name}: no `complete:` list; run pytest --update-golden"
    want = Counter(expected["complete"] or [])
    have = Counter(got)
    assert (sorted((have - want).elements()), sorted((want - have).elements())) == ([], []), "(extra, missing)"
