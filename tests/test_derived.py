"""Derived indicators over intervals, consistency across figures, and applies_if. Our own fixtures only."""

from __future__ import annotations

import json
import math

import pytest

from clihelp import MINIMAL, run_cli
from hulifa import messages
from hulifa.indicator_intervals import tolerance
from hulifa.interval import INF, Interval, imax, imin
from hulifa.model import Bound, Position, Quantity, Status, Value
from hulifa.reporters.json_ import expand
from hulifa.runner import check_paths

PACK = """\
pack: derived-test
extends: default
consistency:
  - {kind: part_of, part: integrated_items, total: service_items}
indicators:
  - id: service_items
    name: 政务服务事项总数
    unit: 项
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
  - id: integrated_items
    name: 纳入一体化管理事项数
    unit: 项
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
  - id: integration_rate
    name: 政务服务事项入驻率
    unit: "%"
    requirement: {kind: at_least, target: 95}
    severity: warning
    basis: {document: 测试目标, strength: PRACTICE}
    derive: "integrated_items / service_items * 100"
"""


def _check(write, indicators: str, pack: str = PACK):  # type: ignore[no-untyped-def]
    rules = write("pack.yaml", pack)
    report = write("report.yaml", MINIMAL + indicators)
    result = check_paths(str(report), str(rules))
    return {f.rule: f for f in result.reports[0].findings}, result


def test_interval_arithmetic() -> None:
    a, b = Interval(1, 2), Interval(3, 4)
    assert a + b == Interval(4, 6)
    assert a - b == Interval(-3, -1)
    assert a * b == Interval(3, 8)
    assert -a == Interval(-2, -1)
    assert b / Interval(2, 4) == Interval(0.75, 2)
    assert a / Interval(0, 5) == Interval(-INF, INF)  # a denominator that may be zero: no bound
    assert a / Interval.exact(0) == Interval(-INF, INF)
    assert Interval(1700, INF) / Interval.exact(1800) * 100 == Interval(1700 / 18, INF)
    assert Interval.exact(0) * Interval(0, INF) == Interval.exact(0)
    assert imin(a, b) == Interval(1, 2) and imax(a, 5) == Interval(5, 5)


def test_tolerance_is_half_a_unit_of_the_last_digit() -> None:
    def v(text: str, value: float) -> Value:
        return Value("k", Position("f", 1, 1), quantity=Quantity(value, "%", Bound.EXACT, text))

    assert math.isclose(tolerance(v("95.87%", 95.87)), 0.005)
    assert math.isclose(tolerance(v("96%", 96)), 0.5)
    assert math.isclose(tolerance(v("1.1万", 11000)), 500)
    assert math.isclose(tolerance(v("", 95.5)), 0.05)


def test_derived_exact_meets_and_misses(write) -> None:
    f, _ = _check(write, "  service_items: 1000\n  integrated_items: 958\n")
    rate = f["integration_rate"]
    assert rate.status is Status.PASS and messages.actual(rate, "zh").startswith("95.8%")
    f, result = _check(write, "  service_items: 1000\n  integrated_items: 900\n")
    rate = f["integration_rate"]
    assert (
        rate.status is Status.SHORTFALL
        and messages.actual(rate, "zh").startswith("90%")
        and "差 5" in messages.gap(rate, "zh")
    )
    assert result.exit_code(None) == 0 and result.reports[0].worst().value == "warning"


def test_derived_from_approximate_inputs(write) -> None:
    # 960余 / 1000: at least 96%: passes ≥ 95 although inexact
    f, _ = _check(write, '  service_items: 1000\n  integrated_items: "960余"\n')
    assert f["integration_rate"].status is Status.PASS
    assert messages.actual(f["integration_rate"], "zh").startswith("≥ 96%")
    # 900余 / 1000: ≥ 90%: cannot settle ≥ 95
    f, _ = _check(write, '  service_items: 1000\n  integrated_items: "900余"\n')
    assert f["integration_rate"].status is Status.UNVERIFIABLE
    # 约1000 as the denominator: no bound at all
    f, _ = _check(write, '  service_items: "约1000"\n  integrated_items: 990\n')
    assert f["integration_rate"].status is Status.UNVERIFIABLE
    assert "无法确定" in messages.actual(f["integration_rate"], "zh")
    # an input missing: not derivable, plain missing
    f, _ = _check(write, "  service_items: 1000\n")
    assert f["integration_rate"].status is Status.MISSING


def test_stated_rate_must_agree_with_its_counts(write) -> None:
    counts = "  service_items: 10000\n  integrated_items: 9576\n"
    f, _ = _check(write, counts + '  integration_rate: "95.87%"\n')
    check = f["integration_rate.derived"]
    assert check.status is Status.INVALID and check.severity.value == "warning"
    assert "95.87%" in messages.message(check, "zh") and "95.76%" in messages.message(check, "zh")
    assert f["integration_rate"].status is Status.PASS  # the stated value itself is kept, never corrected
    assert messages.actual(f["integration_rate"], "zh") == "95.87%"
    f, _ = _check(write, counts + '  integration_rate: "95.76%"\n')
    assert f["integration_rate.derived"].status is Status.PASS
    f, _ = _check(write, counts + '  integration_rate: "96%"\n')  # ±0.5: 95.76 rounds to 96
    assert f["integration_rate.derived"].status is Status.PASS
    f, _ = _check(write, counts + '  integration_rate: "95.8%"\n')  # ±0.05: 95.76 rounds to 95.8
    assert f["integration_rate.derived"].status is Status.PASS
    f, _ = _check(write, counts + '  integration_rate: "95.9%"\n')
    assert f["integration_rate.derived"].status is Status.INVALID


def test_part_cannot_exceed_total(write) -> None:
    f, _ = _check(write, "  service_items: 100\n  integrated_items: 120\n")
    part = f["consistency.part_of.integrated_items.service_items"]
    assert part.status is Status.INVALID and part.severity.value == "warning"
    assert part.line == 7  # at the part's value
    rate = f["integration_rate"]  # 120%: a derived rate above 100% is flagged too
    assert rate.status is Status.INVALID and "超过 100%" in messages.message(rate, "zh")
    f, _ = _check(write, "  service_items: 100\n  integrated_items: 99\n")
    assert f["consistency.part_of.integrated_items.service_items"].status is Status.PASS
    f, _ = _check(write, '  service_items: 100\n  integrated_items: "90余"\n')
    assert f["consistency.part_of.integrated_items.service_items"].status is Status.UNVERIFIABLE


def test_stated_rate_above_100_with_counts_that_give_more(write) -> None:
    f, _ = _check(write, "  service_items: 100\n  integrated_items: 120\n  integration_rate: 100%\n")
    assert f["integration_rate.derived"].status is Status.INVALID


def test_derived_through_the_cli(write) -> None:
    rules = write("pack.yaml", PACK)
    report = write("report.yaml", MINIMAL + '  service_items: 10000\n  integrated_items: 9576\n  入驻率: "95.87%"\n')
    rules_text = PACK.replace("    derive:", "    aliases: [入驻率]\n    derive:")
    rules.write_text(rules_text, encoding="utf-8")
    run = run_cli("check", str(report), "--rules", str(rules), "--format", "json", "--fail-on", "warning")
    assert run.exit_code == 1, run.stderr
    findings = {f["rule"]: f for f in json.loads(run.stdout)["reports"][0]["findings"]}
    assert findings["integration_rate.derived"]["status"] == "invalid"
    assert findings["integration_rate.derived"]["line"] == 8


APPLIES = """\
pack: applies-test
extends: default
overrides:
  agency_head_appearance_rate:
    applies_if: {nonzero: admin_litigation_count}
"""


@pytest.mark.parametrize(
    ("count", "status"),
    [("0", "not_applicable"), ("0件", "not_applicable"), ("3", "missing"), (None, "missing")],
)
def test_applies_if_nonzero(write, count: str | None, status: str) -> None:
    rules = write("pack.yaml", APPLIES)
    body = MINIMAL + (f"  行政诉讼案件数: {count}\n" if count is not None else "  主动公开条数: 1\n")
    report = write("report.yaml", body)
    run = run_cli("check", str(report), "--rules", str(rules), "--format", "json", "--all")
    findings = {f["rule"]: f for f in expand(json.loads(run.stdout))["reports"][0]["findings"]}
    appearance = findings["agency_head_appearance_rate"]
    assert appearance["status"] == status
    if status == "not_applicable":
        assert "行政诉讼案件数" in appearance["message"] and appearance["line"] == 6


def test_xiamen_pack_applies_if_and_trend(write) -> None:
    write("2023.yaml", MINIMAL.replace("2024", "2023") + "  行政诉讼案件数: 10\n  败诉率: 10%\n")
    report = write("2024.yaml", MINIMAL + "  行政诉讼案件数: 0\n  败诉率: 0%\n")
    f = {x.rule: x for x in check_paths(str(report), "xiamen").reports[0].findings}
    assert f["agency_head_appearance_rate"].status is Status.NOT_APPLICABLE
    assert f["admin_litigation_loss_rate"].status is Status.NOT_APPLICABLE
    report = write("2024.yaml", MINIMAL + "  行政诉讼案件数: 12\n  败诉率: 12%\n")
    f = {x.rule: x for x in check_paths(str(report), "xiamen").reports[0].findings}
    assert f["admin_litigation_loss_rate.trend"].status is Status.SHORTFALL
    assert messages.basis(f["admin_litigation_loss_rate.trend"]).strength.value == "PRACTICE"


@pytest.mark.parametrize(
    ("snippet", "fragment"),
    [
        ("    applies_if: {nonzero: no_such_id}\n", "no_such_id"),
        ('    derive: "integrated_items / integration_rate"\n', "cycle"),
        ('    derive: "1"\n    trend: {direction: up, severity: warning}\n', "direction"),
    ],
)
def test_bad_pack_entries_are_refused(write, snippet: str, fragment: str) -> None:
    pack = PACK.replace(
        "  - id: integrated_items\n    name: 纳入一体化管理事项数\n    unit: 项\n",
        "  - id: integrated_items\n    name: 纳入一体化管理事项数\n    unit: 项\n" + snippet,
    )
    rules = write("pack.yaml", pack)
    report = write("report.yaml", MINIMAL)
    run = run_cli("check", str(report), "--rules", str(rules))
    assert run.exit_code == 2
    assert "pack.yaml:" in run.stderr
    run_en = run_cli("check", str(report), "--rules", str(rules), "--lang", "en")
    assert fragment in run_en.stderr or fragment in run.stderr, run_en.stderr
