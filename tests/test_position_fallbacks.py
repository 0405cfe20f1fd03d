"""Where a finding points when the figure it is about was never written: every position is required
(ReportData.top_at/indicators_at/sections_at, Rule.source, Consistency.source are never None), and the
few places that fall back to another position do so because the figure can be derived or a section
absent. Each such fallback is pinned here with the line it gives."""

from __future__ import annotations

from clihelp import MINIMAL
from hulifa.runner import check_paths

# two derived figures (no line of their own) compared by part_of, and a derived zero behind applies_if
PACK = """\
pack: fallback-test
extends: default
consistency:
  - {kind: part_of, part: part_items, total: total_items}
indicators:
  - id: stated_a
    name: 甲数
    unit: 项
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
  - id: stated_b
    name: 乙数
    unit: 项
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
  - id: part_items
    name: 部分数
    unit: 项
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    derive: "stated_a * 1"
  - id: total_items
    name: 总数
    unit: 项
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    derive: "stated_b * 1"
  - id: gated
    name: 受限指标
    unit: "%"
    requirement: {kind: at_least, target: 95}
    severity: warning
    basis: {document: 测试, strength: PRACTICE}
    applies_if: {nonzero: part_items}
"""


def _findings(write, indicators: str):  # type: ignore[no-untyped-def]
    rules = write("pack.yaml", PACK)
    report = write("report.yaml", "# a comment first, so the top line is not line 1\n" + MINIMAL + indicators)
    return {f.rule: f for f in check_paths(str(report), str(rules)).reports[0].findings}


def test_part_of_two_derived_figures_points_at_the_indicators(write) -> None:  # type: ignore[no-untyped-def]
    f = _findings(write, "  甲数: 3\n  乙数: 5\n")
    check = f["consistency.part_of.part_items.total_items"]
    assert check.line == 6  # `indicators:`: neither figure has a line of its own


def test_a_derived_zero_behind_applies_if_points_at_the_top(write) -> None:  # type: ignore[no-untyped-def]
    f = _findings(write, "  甲数: 0\n  乙数: 5\n")
    gated = f["gated"]
    assert gated.status.value == "not_applicable"
    assert gated.line == 2  # the report's first key: the zero was derived, never written


def test_a_stated_figure_is_pointed_at_itself(write) -> None:  # type: ignore[no-untyped-def]
    f = _findings(write, "  甲数: 3\n  乙数: 5\n  部分数: 3\n")
    assert f["consistency.part_of.part_items.total_items"].line == 9
