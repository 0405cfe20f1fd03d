"""kinds: the finding each rule gives. Findings are built positionally for speed; hold that to the fields."""

from __future__ import annotations

import dataclasses

from hulifa.kinds import RuleContext, expected_text
from hulifa.model import Finding, Position, ReportData, Severity, Status, Text
from hulifa.rulepack import load_pack


def test_positional_finding_puts_every_value_in_its_named_field() -> None:
    rule = next(r for r in load_pack().rules if r.unit == "%")
    top = Position("r.yaml", 1, 1)
    report = ReportData(
        file="r.yaml",
        region="x",
        level="district",
        year=2024,
        values=(),
        sections=None,
        dates={},
        top_at=top,
        indicators_at=top,
        sections_at=top,
    )
    ctx = RuleContext(rule, report)
    ctx.bound = "lower"
    made = ctx.finding(
        Status.SHORTFALL,
        Severity.ERROR,
        Position("r.yaml", 7, 3),
        Text("消息", "message"),
        actual=Text("九成", "ninety per cent"),
        gap="差 5 个百分点",
        evidence="原文",
    )
    expected = Finding(
        rule=rule.id,
        name=rule.name,
        name_en=rule.name_en,
        status=Status.SHORTFALL,
        severity=Severity.ERROR,
        file="r.yaml",
        line=7,
        column=3,
        message=Text("消息", "message"),
        expected=expected_text(rule),
        expected_en=expected_text(rule, "en"),
        actual="九成",
        actual_en="ninety per cent",
        gap="差 5 个百分点",
        gap_en="",
        unit=rule.unit,
        basis=rule.basis,
        evidence="原文",
        bound="lower",
    )
    assert made == expected
    # every field was compared: none is left at a default by accident of order
    assert {f.name for f in dataclasses.fields(Finding)} >= {"rule", "name_en", "expected_en", "gap_en", "bound"}
