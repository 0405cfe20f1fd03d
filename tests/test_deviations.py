"""Accepted deviations: accepted / expired / unused / unknown, exit codes, every format, SARIF suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from clihelp import MINIMAL, run_cli
from hulifa.model import Status
from hulifa.reporters.json_ import expand
from hulifa.runner import check_paths

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
# 出庭应诉率 below its 100% target: a warning; 复议办理期限 above 60 days: an error.
REPORT = MINIMAL + "  出庭应诉率: 80%\n  复议办理期限: 100日\n"
DEVIATION = """\
deviations:
  - rule: ar_decision_days_ordinary
    reason: 疫情后积案集中办理,已报上级备案
    approved_by: 区司法局
    expires: 2025-12-31
"""


def _json(run) -> dict:  # type: ignore[no-untyped-def]
    return {f["rule"]: f for f in expand(json.loads(run.stdout))["reports"][0]["findings"]}


def test_without_deviation_the_error_fails(write) -> None:
    report = write("report.yaml", REPORT)
    assert run_cli("check", str(report)).exit_code == 1


def test_accepted_in_report_data(write) -> None:
    report = write("report.yaml", REPORT + DEVIATION)
    run = run_cli("check", str(report), "--format", "json", "--today", "2025-06-01")
    assert run.exit_code == 0, run.stdout
    f = _json(run)
    days = f["ar_decision_days_ordinary"]
    assert days["status"] == "accepted" and days["severity"] == "error"  # severity kept in the record
    assert days["accepted"] == {
        "status": "shortfall",
        "reason": "疫情后积案集中办理,已报上级备案",
        "approved_by": "区司法局",
        "expires": "2025-12-31",
        "file": str(report),
        "line": 9,
    }
    assert "已接受偏差" in days["message"]
    # the warning is not covered: --fail-on warning still fails on it
    assert run_cli("check", str(report), "--today", "2025-06-01", "--fail-on", "warning").exit_code == 1
    # the last valid day still accepts
    assert run_cli("check", str(report), "--today", "2025-12-31").exit_code == 0


def test_expired_does_not_accept_and_warns(write) -> None:
    report = write("report.yaml", REPORT + DEVIATION)
    run = run_cli("check", str(report), "--format", "json", "--today", "2026-01-01")
    assert run.exit_code == 1
    f = _json(run)
    assert f["ar_decision_days_ordinary"]["status"] == "shortfall"
    expired = f["hulifa.deviation.expired"]
    assert expired["severity"] == "warning" and expired["line"] == 9 and "2025-12-31" in expired["message"]


def test_deviations_file_unused_and_unknown(write) -> None:
    report = write("report.yaml", REPORT)
    deviations = write(
        "deviations.yaml",
        """\
        - rule: 复议办理期限          # by name: same rule
          reason: 积案
          approved_by: 区司法局
          expires: 2030-01-01
        - rule: mad_public_comment_days   # not stated: only a passing/missing-info finding? it is missing
          reason: 无
          approved_by: 区司法局
          expires: 2030-01-01
        - rule: hotline_12345_unified     # city-only: not applicable to a district, nothing to accept
          reason: 区级无此职责
          approved_by: 区司法局
          expires: 2030-01-01
        - rule: no_such_rule
          reason: 笔误
          approved_by: 区司法局
          expires: 2030-01-01
        """,
    )
    run = run_cli("check", str(report), "--deviations", str(deviations), "--format", "json", "--today", "2025-06-01")
    assert run.exit_code == 0, run.stdout
    f = _json(run)
    assert f["ar_decision_days_ordinary"]["status"] == "accepted"
    assert f["ar_decision_days_ordinary"]["accepted"]["file"] == str(deviations)
    assert f["mad_public_comment_days"]["status"] == "accepted"  # a missing finding can be accepted too
    unused = f["hulifa.deviation.unused"]
    assert unused["severity"] == "warning" and unused["line"] == 9 and "hotline_12345_unified" in unused["message"]
    unknown = f["hulifa.deviation.unknown_rule"]
    assert unknown["status"] == "unknown" and unknown["line"] == 13
    assert run_cli("check", str(report), "--deviations", str(deviations), "--fail-on", "warning").exit_code == 1


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("- {rule: x, reason: y, approved_by: z}\n", ":1:"),
        ("- {rule: x, reason: y, approved_by: z, expires: soon}\n", ":1:"),
        ("- {rule: x, reason: y, approved_by: z, expires: 2030-01-01, extra: 1}\n", ":1:"),
        ("just text\n", ":1:1"),
    ],
)
def test_malformed_deviations_file_exits_2(write, content: str, where: str) -> None:
    report = write("report.yaml", REPORT)
    deviations = write("deviations.yaml", content)
    run = run_cli("check", str(report), "--deviations", str(deviations))
    assert run.exit_code == 2 and f"{deviations}{where}" in run.stderr, run.stderr


def test_bad_today_exits_2(write) -> None:
    run = run_cli("check", str(write("report.yaml", REPORT)), "--today", "tomorrow")
    assert run.exit_code == 2 and "--today" in run.stderr


def test_sarif_suppressions_validate(write) -> None:
    report = write("report.yaml", REPORT + DEVIATION)
    run = run_cli("check", str(report), "--format", "sarif", "--today", "2025-06-01")
    doc = json.loads(run.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [e.message for e in validator.iter_errors(doc)]
    assert not errors, errors
    results = {r["ruleId"]: r for r in doc["runs"][0]["results"]}
    accepted = results["ar_decision_days_ordinary"]
    assert accepted["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "疫情后积案集中办理,已报上级备案"}
    ]
    assert accepted["level"] == "error" and accepted["properties"]["acceptedStatus"] == "shortfall"
    assert "suppressions" not in results["agency_head_appearance_rate"]


@pytest.mark.parametrize("fmt", ["table", "junit", "github", "markdown", "parsable", "json"])
def test_every_format_shows_the_accepted_finding(write, fmt: str) -> None:
    report = write("report.yaml", REPORT + DEVIATION)
    run = run_cli("check", str(report), "--format", fmt, "--today", "2025-06-01", "--lang", "en")
    assert run.exit_code == 0
    assert (
        "ar_decision_days_ordinary" in run.stdout or "ordinary procedure" in run.stdout or ("accepted" in run.stdout)
    ), run.stdout


def test_library_result(write) -> None:
    import datetime as dt

    report = write("report.yaml", REPORT + DEVIATION)
    result = check_paths(str(report), today=dt.date(2025, 6, 1))
    (days,) = [f for f in result.reports[0].findings if f.rule == "ar_decision_days_ordinary"]
    assert days.status is Status.ACCEPTED and days.accepted_status == "shortfall"
    assert result.reports[0].worst().value == "warning"
    assert result.exit_code(None) == 0 and result.exit_code(result.reports[0].worst()) == 1


def test_accepted_findings_never_fail_in_junit_or_github(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import xml.etree.ElementTree as ET

    from hulifa.model import (
        Basis,
        CheckResult,
        Finding,
        Position,
        ReportResult,
        Severity,
        Status,
        Strength,
        Subject,
        Text,
        params,
    )
    from hulifa.reporters import github, junit

    rule = "agency_head_appearance_rate"
    accepted = Finding(
        rule=rule,
        subject=Subject(rule, "行政机关负责人出庭应诉率", basis=Basis("行政诉讼法", Strength.EVAL)),
        status=Status.ACCEPTED,
        severity=Severity.WARNING,
        position=Position("r.yaml", 6, 3),
        message="text",
        params=params(text=Text("已接受的偏差", "accepted")),
    )
    result = CheckResult(reports=(ReportResult(file="r.yaml", findings=(accepted,), region="测试区", year=2024),))
    suite = ET.fromstring(junit.render(result)).find("testsuite")
    assert suite is not None and suite.get("failures") == "0" and suite.get("errors") == "0"
    assert github.render(result).startswith("::notice ")


def test_deviations_scoped_to_a_region_leave_other_reports_alone(write, tmp_path: Path) -> None:
    """A city office keeps one deviations file for its whole batch: entries name the region they are for."""
    write("batch/a.yaml", REPORT.replace("测试区", "甲区"))
    write("batch/b.yaml", REPORT.replace("测试区", "乙区"))
    deviations = write(
        "deviations.yaml",
        """\
        - rule: ar_decision_days_ordinary
          region: 甲区
          year: 2024
          reason: 积案集中办理
          approved_by: 市司法局
          expires: 2030-01-01
        """,
    )
    run = run_cli(
        "check", str(tmp_path / "batch"), "--deviations", str(deviations), "--format", "json", "--today", "2025-06-01"
    )
    reports = {r["region"]: {f["rule"]: f for f in r["findings"]} for r in json.loads(run.stdout)["reports"]}
    assert reports["甲区"]["ar_decision_days_ordinary"]["status"] == "accepted"
    assert reports["乙区"]["ar_decision_days_ordinary"]["status"] == "shortfall"  # not 乙区's entry
    assert "hulifa.deviation.unused" not in reports["乙区"]  # and no noise about it
    assert run.exit_code == 1  # 乙区 still fails


def test_a_deviation_for_another_year_is_not_used(write) -> None:
    report = write("report.yaml", REPORT + DEVIATION.replace("  - rule:", "  - year: 2023\n    rule:"))
    f = _json(run_cli("check", str(report), "--format", "json", "--today", "2025-06-01"))
    assert f["ar_decision_days_ordinary"]["status"] == "shortfall"
