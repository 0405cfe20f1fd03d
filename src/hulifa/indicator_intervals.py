"""Each indicator of a report as an Interval: stated figures, and figures derived by `derive:` expressions.

Pure. Shared by evaluation (derived targets, consistency, trends) and by `hulifa diff`.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from hulifa.interval import INF, Interval
from hulifa.model import Change, Direction, Quantity, ReportData, Rule, RulePack, Status, Value
from hulifa.quantity import format_number, normalize

_EPS = 1e-9
NON_NUMERIC = ("bool", "date", "section")


class Figure(NamedTuple):
    """An indicator's figure. A NamedTuple: a dataclass would be compiled with exec at every start."""

    interval: Interval
    text: str  # as the report wrote it, or the derived value as a person reads it
    derived: bool = False
    value: Value | None = None  # the stated value, when stated


def interval_of(q: Quantity, unit: str) -> Interval:
    """Counts and rates are never negative (the reader refuses them); a rate is never above 100%."""
    iv = Interval(q.low, q.high).clamp(0.0, INF)
    return iv.clamp(0.0, 100.0) if unit == "%" else iv


def usable(rule: Rule, value: Value) -> bool:
    q = value.quantity
    if value.problem is not None or q is None or rule.unit in NON_NUMERIC:
        return False
    if rule.unit == "%":
        return q.unit in ("", "%") and q.value <= 100 + _EPS
    return not q.unit or q.unit in rule.accepted_units


def values_by_rule(pack: RulePack, values: tuple[Value, ...]) -> tuple[dict[str, list[Value]], list[Value]]:
    """A report's values grouped by the rule their key names (each group in the report's order), and
    the values whose key names no rule. One lookup per value, shared by evaluation and the figures."""
    table = pack.index.by_key
    by_rule: dict[str, list[Value]] = {}
    unknown: list[Value] = []
    for value in values:
        rule = table.get(value.key)
        if rule is None:
            unknown.append(value)
        else:
            by_rule.setdefault(rule.id, []).append(value)
    return by_rule, unknown


def stated_figures(
    pack: RulePack, by_rule: dict[str, list[Value]], only: frozenset[str] | None = None
) -> dict[str, Figure]:
    """The first usable stated value of each numeric rule (duplicates and bad values are left out),
    or of the rules in `only`, from a report's values grouped by rule (values_by_rule)."""
    rules = pack.index.by_id
    out: dict[str, Figure] = {}
    for rule_id in by_rule if only is None else [rule_id for rule_id in only if rule_id in by_rule]:
        rule = rules[rule_id]
        for value in by_rule[rule_id]:
            if usable(rule, value):
                assert value.quantity is not None
                text = value.quantity.text or format_number(value.quantity.value)
                out[rule_id] = Figure(interval_of(value.quantity, rule.unit), text, value=value)
                break
    return out


def derived_figures(pack: RulePack, stated: dict[str, Figure]) -> dict[str, Figure]:
    """Every derived indicator whose inputs are all known (stated, or derived themselves)."""
    out: dict[str, Figure] = {}
    for rule, expression in pack.index.derived:
        inputs: dict[str, Interval] = {}
        for name in expression.names:
            fig = stated.get(name) or out.get(name)
            if fig is None:
                break
            inputs[name] = fig.interval
        else:
            try:
                iv = expression.evaluate(inputs)
            except ArithmeticError:  # a literal too large for a float
                continue
            if math.isnan(iv.low) or math.isnan(iv.high):
                iv = Interval.unbounded()
            out[rule.id] = Figure(iv, describe(iv, rule.unit), derived=True)
    return out


def all_figures(
    pack: RulePack,
    report: ReportData,
    only: frozenset[str] | None = None,
    by_rule: dict[str, list[Value]] | None = None,
) -> tuple[dict[str, Figure], dict[str, Figure]]:
    """Stated and derived figures of a report (of the rules in `only`, and what derives from them).
    `by_rule`: the report's values grouped by rule, when the caller has grouped them already."""
    stated = stated_figures(pack, values_by_rule(pack, report.values)[0] if by_rule is None else by_rule, only)
    return stated, derived_figures(pack, stated)


def best(rule_id: str, stated: dict[str, Figure], derived: dict[str, Figure]) -> Figure | None:
    return stated.get(rule_id) or derived.get(rule_id)


def _num(value: float, unit: str) -> str:
    text = format_number(round(value, 2))
    return f"{text}%" if unit == "%" else text


UNDETERMINED = "无法确定"  # hulifa.messages puts it in English


def describe(iv: Interval, unit: str) -> str:
    """An interval as a person reads it: "95.76%", "≥ 94.44%", "90–95", "无法确定"."""
    if iv.is_unbounded or (iv.low <= 0 and iv.high == INF):
        return UNDETERMINED
    if abs(iv.high - iv.low) <= _EPS * max(1.0, abs(iv.low)):
        return _num(iv.low, unit)
    if iv.high == INF:
        return f"≥ {_num(iv.low, unit)}"
    if iv.low <= 0:
        return f"≤ {_num(iv.high, unit)}"
    return f"{_num(iv.low, unit)}–{_num(iv.high, unit)}"


def change_of(current: Interval, previous: Interval) -> Change:
    """This year against last, for hulifa.messages.change_text to word: "+120", "-1.5 个百分点"."""
    delta = current - previous
    base = previous.low if previous.is_exact and previous.low > 0 else None
    return Change(delta.low, delta.high, base)


def figure_change(current: Figure, previous: Figure) -> Change:
    """change_of the two figures, marked shared when either counts another body too (区委常委会 and 区政府
    in one 12次): at most 12 each year, its change ran from -12 to 12, true and of no use to a reader."""
    change = change_of(current.interval, previous.interval)
    if any(f.value is not None and f.value.shared_with for f in (current, previous)):
        return change._replace(shared=True)
    return change


def trend_status(direction: Direction, current: Interval, previous: Interval) -> Status:
    """PASS, SHORTFALL, or UNVERIFIABLE when the bounds allow either answer."""
    cl, ch, pl, ph = current.low, current.high, previous.low, previous.high
    if direction is Direction.NOT_DECREASE:
        passed, failed = cl >= ph - _EPS, ch < pl - _EPS
    elif direction is Direction.NOT_INCREASE:
        passed, failed = ch <= pl + _EPS, cl > ph + _EPS
    elif direction is Direction.INCREASE:
        passed, failed = cl > ph + _EPS, ch <= pl + _EPS
    else:
        # already at zero and still there: nothing left to fall, so it has not failed to decrease
        floor = ch <= _EPS and ph <= _EPS
        passed, failed = ch < pl - _EPS or floor, cl >= ph - _EPS and not floor
    if passed:
        return Status.PASS
    return Status.SHORTFALL if failed else Status.UNVERIFIABLE


_LITERAL = re.compile(r"(\d+)(?:\.(\d+))?")


def tolerance(value: Value) -> float:
    """Half a unit of the stated figure's last digit, in the figure's own scale: 95.87 → 0.005, 96% → 0.5,
    "1.1万" → 500."""
    q = value.quantity
    if q is None:
        return 0.0
    literals = _LITERAL.findall(normalize(q.text or ""))
    if literals:
        whole, frac = literals[-1]
        number = float(f"{whole}.{frac}" if frac else whole)
        scale = q.value / number if number else 1.0
        return 0.5 * float(10 ** -len(frac)) * scale
    text = format_number(q.value)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * float(10**-decimals)
