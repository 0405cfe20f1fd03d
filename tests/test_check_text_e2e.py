"""End to end: the installed `hulifa` command on the published Huli report text, as a user runs it.

`hulifa check report.txt` in a child process (the console script pip installed, not the in-process
runner): the text is extracted and checked, and the verdict is the one the hand-transcribed
reports/huli/2024.yaml gives.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from clihelp import HULI_DATA, HULI_TEXT
from hulifa.reporters.json_ import expand


def _hulifa(*args: str, cwd: Path) -> tuple[int, dict[str, Any]]:
    script = Path(sys.executable).with_name("hulifa")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "hulifa.cli"]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    run = subprocess.run(
        [*command, *args, "--format", "json", "--today", "2025-06-01"],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )  # fmt: skip
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    return run.returncode, expand(json.loads(run.stdout))


def test_check_report_txt_end_to_end(tmp_path: Path) -> None:
    shutil.copyfile(HULI_TEXT, tmp_path / "report.txt")
    code, out = _hulifa("check", "report.txt", cwd=tmp_path)
    (report,) = out["reports"]
    assert code == 1  # one error-severity finding: the causes of the shortcomings are not given
    assert (report["file"], report["region"], report["year"], report["level"], report["checked"]) == (
        "report.txt", "湖里区", 2024, "district", True,
    )  # fmt: skip
    summary = report["summary"]
    by_rule = {f["rule"]: f for f in report["findings"]}
    assert (summary["pass"], summary["stated"], summary["shortfall"], summary["missing"]) == (7, 23, 1, 33)
    assert summary["not_applicable"] == 17 and summary["invalid"] == summary["unknown"] == 0
    # the two counts shared with the 区委 are marked by the reader of the text, and settle nothing
    assert summary["unverifiable"] == 2
    for rule in ("exec_meeting_hears_fzzf_count", "exec_meeting_law_study_count"):
        assert by_rule[rule]["status"] == "unverifiable" and "区委" in by_rule[rule]["gap"]
    part = by_rule["part_shortcomings_causes"]
    assert (part["status"], part["severity"], part["line"], part["gap"]) == (
        "shortfall", "error", 22, "缺少:不足的原因",
    )  # fmt: skip
    # figures are read from the text, with the line they stand on
    assert (by_rule["ar_case_count"]["actual"], by_rule["ar_case_count"]["line"]) == ("590件", 21)
    assert by_rule["petition_resolution_rate"]["actual"] == "90%以上"
    assert by_rule["agency_head_appearance_rate"]["status"] == "pass"


def test_text_and_hand_transcription_agree(tmp_path: Path) -> None:
    shutil.copyfile(HULI_TEXT, tmp_path / "report.txt")
    _, from_text = _hulifa("check", "report.txt", cwd=tmp_path)
    _, by_hand = _hulifa("check", str(HULI_DATA), cwd=tmp_path)

    def verdict(out: dict[str, Any]) -> set[tuple[str, str, str]]:
        return {(f["rule"], f["status"], f["severity"]) for f in out["reports"][0]["findings"]}

    assert verdict(from_text) == verdict(by_hand)
