"""ReportResult.counts: the per-status tally every format prints (summary lines, json, junit, sarif)."""

from __future__ import annotations

import json
from pathlib import Path

from hulifa.evaluate import evaluate
from hulifa.model import Finding, Position, ReportResult, Severity, Status, Subject
from hulifa.reportdata import load_report
from hulifa.rulepack import load_pack

CASES = Path(__file__).parent / "cases"


def _finding(rule: str, status: Status) -> Finding:
    return Finding(rule, Subject(rule, rule), status, Severity.INFO, Position("r.yaml", 1, 1), "stated")


def test_every_status_then_notes_in_order_with_plain_text_keys() -> None:
    result = ReportResult("r.yaml", (_finding("a", Status.PASS), _finding("b", Status.PASS)))
    counts = result.counts()
    assert list(counts) == [*(s.value for s in Status), "notes"]
    assert counts["pass"] == 2 and sum(counts.values()) == 2
    # plain str keys, not the members: json and the table print them as they are
    assert all(type(key) is str for key in counts)
    assert json.dumps(counts).startswith('{"pass": 2, "stated": 0')


def test_input_notes_are_counted_apart_from_their_status() -> None:
    findings = (
        _finding("hulifa.encoding", Status.STATED),
        _finding("hulifa.level", Status.UNVERIFIABLE),
        _finding("x", Status.UNVERIFIABLE),
    )
    counts = ReportResult("r.yaml", findings).counts()
    assert counts["notes"] == 2
    assert counts["unverifiable"] == 1 and counts["stated"] == 0


def test_counts_of_a_real_report_add_up_to_its_findings() -> None:
    report = load_report(CASES / "unknown-indicator" / "report.yaml")
    result = evaluate(load_pack(None), report)
    counts = result.counts()
    assert sum(counts.values()) == len(result.findings)
    for status in Status:
        assert counts[status.value] == sum(1 for f in result.findings if f.status is status)
