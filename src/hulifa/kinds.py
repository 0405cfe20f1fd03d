"""One rule against one report: the finding each requirement kind gives, and the bound-aware comparison.

Findings carry message ids and numbers; hulifa.messages puts them into words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hulifa.model import (
    Bound,
    Finding,
    Kind,
    Params,
    Position,
    Quantity,
    ReportData,
    Rule,
    Section,
    Severity,
    Status,
    Text,
    Value,
    params,
)

EPS = 1e-9

# The enum members the checks below read, as module constants: on Python 3.11 reading a member
# (`Status.PASS`) takes the slow attribute path of a metaclass with __getattr__ (EnumType's), 4x a plain
# class attribute, and value_rule reads about ten for each of a report's ~60 figures. As constants,
# value_rule took 26% less time (in process, 300 generated reports, 1 Dec 2026).
INVALID, MISSING, NOT_APPLICABLE, PASS, SHORTFALL, STATED, UNVERIFIABLE = (
    Status.INVALID,
    Status.MISSING,
    Status.NOT_APPLICABLE,
    Status.PASS,
    Status.SHORTFALL,
    Status.STATED,
    Status.UNVERIFIABLE,
)
INFO, NO_SEVERITY, WARNING = Severity.INFO, Severity.NONE, Severity.WARNING
AFFIRMED, AT_LEAST, AT_MOST, BETWEEN, DEADLINE, EQUALS, REPORTED, SECTION = (
    Kind.AFFIRMED,
    Kind.AT_LEAST,
    Kind.AT_MOST,
    Kind.BETWEEN,
    Kind.DEADLINE,
    Kind.EQUALS,
    Kind.REPORTED,
    Kind.SECTION,
)
EXACT, LOWER, UPPER = Bound.EXACT, Bound.LOWER, Bound.UPPER


class RuleContext:
    """One rule on one report: what every finding of the rule shares."""

    __slots__ = ("report", "rule")

    def __init__(self, rule: Rule, report: ReportData) -> None:
        self.rule = rule
        self.report = report

    def finding(
        self,
        status: Status,
        severity: Severity,
        where: Position,
        message: str,
        args: Params = (),
        *,
        value: Value | None = None,
        stated: str = "",
        date: dt.date | None = None,
        gap: float | None = None,
        evidence: str = "",
    ) -> Finding:
        """A finding of this rule; `value` is the stated value it is about (its figure, flag or date)."""
        q: Quantity | None = None
        flag: bool | None = None
        if value is not None:
            q, flag, date = value.quantity, value.flag, value.date
            if not stated and q is None and flag is None and date is None:
                stated = str(value.raw)  # neither figure, flag nor date: the value as written
        # positionally, in Finding's field order: a report makes ~80 of these, and keywords cost more
        return Finding(
            self.rule.id, self.rule, status, severity, where, message, args, q, flag, date, stated, gap, evidence
        )

    def invalid(self, value: Value, message: str, args: Params = ()) -> Finding:
        """`value` cannot be judged (unreadable, or the wrong kind or unit): at least a warning, at the value."""
        return self.finding(
            INVALID,
            at_least_warning(self.rule.severity),
            value.position,
            message,
            args,
            value=value,
            evidence=value.evidence,
        )


def at_least_warning(severity: Severity) -> Severity:
    return severity if severity.rank >= WARNING.rank else WARNING


def compare(ctx: RuleContext, value: Value, q: Quantity) -> Finding:
    return compare_range(
        ctx,
        q.low,
        q.high,
        exact=q.bound is EXACT,
        value=value,
        open_low=q.strict and q.bound is LOWER,
        open_high=q.strict and q.bound is UPPER,
    )


def compare_range(
    ctx: RuleContext,
    low: float,
    high: float,
    *,
    exact: bool,
    value: Value | None = None,
    figure: str = "",
    where: Position | None = None,
    open_low: bool = False,
    open_high: bool = False,
) -> Finding:
    """The bound-aware threshold check on [low, high]: pass, shortfall, or unverifiable. The figure is a
    stated `value`, or a derived `figure` (its text) placed at `where`. `open_low`/`open_high`: that end
    is excluded (不足60 is below 60, so against ≥60 it is a shortfall, not unverifiable)."""
    rule, req = ctx.rule, ctx.rule.requirement
    target = req.target if req.target is not None else 0.0
    if rule.unit == "%":  # a rate lives in [0, 100]: "100%以上" is exactly 100
        low, high = max(low, 0.0), min(high, 100.0)
    if req.kind is BETWEEN:
        top = req.target_max if req.target_max is not None else float("inf")
        passed = low >= target - EPS and high <= top + EPS
        failed = _all_under(high, target, open_high) or _all_over(low, top, open_low)
        gap_value = target - high if _all_under(high, target, open_high) else low - top
    elif req.kind is AT_LEAST:
        passed, failed = low >= target - EPS, _all_under(high, target, open_high)
        gap_value = target - high
    elif req.kind is AT_MOST:
        # 超过60日 under a 60-day limit with a statutory extension may still be lawful: left to the extension
        passed, failed = (
            high <= target + EPS,
            low > target + EPS if req.extension is not None else _all_over(low, target, open_low),
        )
        gap_value = low - target
    else:
        passed = abs(low - target) <= EPS and abs(high - target) <= EPS
        failed = _all_under(high, target, open_high) or _all_over(low, target, open_low)
        gap_value = min(abs(target - low), abs(target - high))
    derived = params(by_derive=True) if value is None else ()
    at = value.position if value is not None else where
    assert at is not None
    evidence = value.evidence if value is not None else ""
    if passed:
        return ctx.finding(PASS, NO_SEVERITY, at, "meets", derived, value=value, stated=figure, evidence=evidence)
    if req.kind is AT_MOST and req.extension is not None and high <= target + req.extension + EPS:
        # over the normal limit but within the statutory extension: lawful if it was approved
        needs = params(needs=req.extension_needs) if req.extension_needs else ()  # else messages.APPROVED
        return ctx.finding(
            UNVERIFIABLE, INFO, at, "within_extension", derived + needs, value=value, stated=figure,
            evidence=evidence,
        )  # fmt: skip
    if failed:
        over = req.kind is AT_MOST or (req.kind in (EQUALS, BETWEEN) and low > target)
        how = params(over=over, bounded=not exact)
        return ctx.finding(
            SHORTFALL,
            rule.severity,
            at,
            "shortfall.hedged" if req.hedged else "shortfall",
            derived + how,
            value=value,
            stated=figure,
            gap=gap_value,
            evidence=evidence,
        )
    why = "unverifiable.bound" if value is not None else "unverifiable.derived"
    return ctx.finding(
        UNVERIFIABLE, rule.severity, at, why, derived + params(figure=figure), value=value, stated=figure,
        evidence=evidence,
    )  # fmt: skip


# compare_range's two tests, at module level: as closures they were made anew at every comparison
def _all_under(x: float, limit: float, open_high: bool) -> bool:
    """Every value up to x is below the limit (x itself excluded when that end is open)."""
    return x < limit - EPS or (open_high and x <= limit + EPS)


def _all_over(x: float, limit: float, open_low: bool) -> bool:
    """Every value from x is above the limit (x itself excluded when that end is open)."""
    return x > limit + EPS or (open_low and x >= limit - EPS)


def shared_count(ctx: RuleContext, value: Value) -> Finding:
    """One figure counted for several bodies cannot settle a count of the government alone."""
    return ctx.finding(
        UNVERIFIABLE,
        ctx.rule.severity,
        value.position,
        "shared",
        params(bodies=value.shared_with),
        value=value,
        evidence=value.evidence,
    )


def unit_problem(rule: Rule, q: Quantity) -> tuple[str, Params] | None:
    """Why a figure's unit does not fit the rule (a message id and its parameters), or None."""
    if rule.unit == "%":
        if q.unit not in ("", "%"):
            return "unit.rate", params(given=q.unit)
        if q.value > 100 + EPS:
            return "unit.over_100", params(rate=q.value)
        return None
    if q.unit and q.unit not in rule.accepted_units:
        return "unit.other", params(given=q.unit, allowed=tuple(rule.accepted_units))
    return None


def value_rule(ctx: RuleContext, value: Value) -> Finding:
    rule, kind = ctx.rule, ctx.rule.requirement.kind
    if value.problem is not None:
        return ctx.invalid(value, "problem", params(problem=value.problem))  # stated: the raw value
    if rule.government_only and value.shared_with:
        return shared_count(ctx, value)
    if kind is DEADLINE:  # a deadline on the indicator's own stated date
        return _dated(ctx, value)
    if kind is AFFIRMED:
        if value.flag is None:
            return ctx.invalid(value, "invalid.flag")
        if value.flag:
            return ctx.finding(PASS, NO_SEVERITY, value.position, "meets", value=value, evidence=value.evidence)
        return ctx.finding(
            SHORTFALL, rule.severity, value.position, "affirmed.no", value=value, evidence=value.evidence
        )
    stated_fact = kind is REPORTED and rule.unit in ("bool", "date")  # a yes/no or a date will do
    if value.quantity is None and not stated_fact:
        return ctx.invalid(value, "invalid.figure")
    problem = unit_problem(rule, value.quantity) if value.quantity is not None else None
    if problem is not None:
        return ctx.invalid(value, *problem)
    if kind is REPORTED:
        return ctx.finding(STATED, NO_SEVERITY, value.position, "stated", value=value, evidence=value.evidence)
    assert value.quantity is not None  # a threshold kind: non-figures were refused above
    return compare(ctx, value, value.quantity)


def missing(ctx: RuleContext, where: Position) -> Finding:
    return ctx.finding(MISSING, ctx.rule.missing_severity, where, "missing")


def section_rule(ctx: RuleContext) -> Finding:
    report, rule = ctx.report, ctx.rule
    where = report.sections_at
    if report.sections is None:
        return ctx.finding(MISSING, rule.missing_severity, where, "sections.unlisted")
    present: dict[str, Section] = {s.id: s for s in report.sections if s.present}
    needed = rule.requirement.sections
    have = tuple(s for s in needed if s in present)
    lacking = tuple(s for s in needed if s not in present)
    doubtful = [present[s] for s in have if present[s].doubt]
    if not lacking and doubtful:  # found, but perhaps not the report's own part: never a pass
        part = doubtful[0]
        doubt_zh, _, doubt_en = part.doubt.partition(" / ")  # written "中文 / English" by hulifa extract
        return ctx.finding(
            UNVERIFIABLE,
            rule.severity,
            part.position,
            "section.doubt",
            params(doubt=Text(doubt_zh, doubt_en or doubt_zh)),
            evidence=part.evidence,
        )
    if not lacking:
        first = present[needed[0]]
        return ctx.finding(PASS, NO_SEVERITY, first.position, "section.present", evidence=first.evidence)
    # Point at the line that says a part is absent ("causes: false") when there is one.
    stated = {s.id: s for s in report.sections}
    absent_at = stated[lacking[0]].position if lacking[0] in stated else None
    if have:
        first = present[have[0]]
        return ctx.finding(
            SHORTFALL,
            rule.severity,
            absent_at or first.position,
            "section.partial",
            params(have=have, lacking=lacking),
            evidence=first.evidence,
        )
    return ctx.finding(MISSING, rule.severity, absent_at or where, "section.missing", params(lacking=lacking))


def deadline_rule(ctx: RuleContext) -> Finding:
    report, req = ctx.report, ctx.rule.requirement
    deadline = _due(ctx)
    stated = report.dates.get(req.field)
    if stated is None:
        why = params(field=req.field, due=deadline)
        return ctx.finding(MISSING, ctx.rule.missing_severity, report.top_at, "date.missing", why)
    return _on_time(ctx, stated[0], stated[1], deadline)


def _due(ctx: RuleContext) -> dt.date:
    req = ctx.rule.requirement
    month, day = (int(x) for x in req.before.split("-"))
    return dt.date(ctx.report.year + req.year_offset, month, day)


def _dated(ctx: RuleContext, value: Value) -> Finding:
    if value.date is None:
        return ctx.invalid(value, "invalid.date")
    return _on_time(ctx, value.date, value.position, _due(ctx), value.evidence)


def _on_time(ctx: RuleContext, date: dt.date, where: Position, deadline: dt.date, evidence: str = "") -> Finding:
    if date < deadline:
        return ctx.finding(PASS, NO_SEVERITY, where, "on_time", date=date, evidence=evidence)
    late = (date - deadline).days + 1
    return ctx.finding(
        SHORTFALL,
        ctx.rule.severity,
        where,
        "late",
        params(due=deadline),
        date=date,
        gap=float(late),
        evidence=evidence,
    )


def not_applicable(ctx: RuleContext, body: str) -> Finding:
    """The rule does not apply to this body (the report's, see ReportData.body) in the report's year."""
    report = ctx.report
    where = report.top_at
    unsure = body == "department" and any(s.body.startswith("department.") for s in ctx.rule.levels)
    message = "not_applicable.department" if unsure else "not_applicable"
    return ctx.finding(NOT_APPLICABLE, NO_SEVERITY, where, message, params(body=body, year=report.year))


BY_KIND: dict[Kind, Callable[[RuleContext], Finding]] = {SECTION: section_rule, DEADLINE: deadline_rule}
"""Kinds settled by the report as a whole. A DEADLINE with no `field` is on the indicator's own date: evaluate
sends it through value_rule instead (see `whole_report`)."""


def whole_report(rule: Rule) -> bool:
    kind = rule.requirement.kind
    return kind is SECTION or (kind is DEADLINE and bool(rule.requirement.field))
