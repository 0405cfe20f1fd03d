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


_new = tuple.__new__
# Finding's fields past `evidence` (previous, change, accepted, accepted_status) as a finding of one
# report leaves them: evaluate with a previous report and deviations set them later, with _replace.
_UNCOMPARED = tuple(Finding._field_defaults[name] for name in Finding._fields[13:])


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
        rule = self.rule
        # A report makes ~80 of these: made by tuple.__new__ with every field in Finding's order (the
        # last four as Finding leaves them, _UNCOMPARED), not through Finding's generated __new__, a
        # Python function called with keywords and defaults (test_kinds holds the two to one result).
        fields = (rule.id, rule, status, severity, where, message, args, q, flag, date, stated, gap, evidence)
        return _new(Finding, fields + _UNCOMPARED)

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


Verdict = tuple[Status, Severity, str, Params, float | None]
"""What a finding says, apart from where it points and what was stated: status, severity, message id,
its parameters, and the gap to the target."""
Verdicts = dict[tuple[str, Quantity | None, bool | None], Verdict]  # rule id, figure, flag -> verdict


def compare_range(ctx: RuleContext, low: float, high: float, *, exact: bool, figure: str, where: Position) -> Finding:
    """A derived figure (its text, placed at `where`) on [low, high] against the rule's threshold."""
    status, severity, message, args, gap = judge_range(ctx.rule, low, high, exact=exact, figure=figure)
    return ctx.finding(status, severity, where, message, args, stated=figure, gap=gap)


def judge_range(
    rule: Rule,
    low: float,
    high: float,
    *,
    exact: bool,
    figure: str | None = None,
    open_low: bool = False,
    open_high: bool = False,
) -> Verdict:
    """The bound-aware threshold check on [low, high]: pass, shortfall, or unverifiable. `figure`: the
    text of a derived figure, None for a stated one. `open_low`/`open_high`: that end is excluded
    (不足60 is below 60, so against ≥60 it is a shortfall, not unverifiable)."""
    req = rule.requirement
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
    derived = params(by_derive=True) if figure is not None else ()
    if passed:
        return PASS, NO_SEVERITY, "meets", derived, None
    if req.kind is AT_MOST and req.extension is not None and high <= target + req.extension + EPS:
        # over the normal limit but within the statutory extension: lawful if it was approved
        needs = params(needs=req.extension_needs) if req.extension_needs else ()  # else messages.APPROVED
        return UNVERIFIABLE, INFO, "within_extension", derived + needs, None
    if failed:
        over = req.kind is AT_MOST or (req.kind in (EQUALS, BETWEEN) and low > target)
        how = params(over=over, bounded=not exact)
        return SHORTFALL, rule.severity, "shortfall.hedged" if req.hedged else "shortfall", derived + how, gap_value
    why = "unverifiable.bound" if figure is None else "unverifiable.derived"
    return UNVERIFIABLE, rule.severity, why, derived + params(figure=figure or ""), None


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


# How many verdicts a pack remembers (see value_rule): the same few figures recur for each rule across
# reports; past this the memo stops growing, so memory stays flat however many reports are checked.
# Over 2,000 generated reports 1,024 verdicts answer 57% of stated values (4,096: 66%) and hold 0.3 MiB
# (4,096: 1.25 MiB, traced): the memo's whole gain is a few per cent of evaluate, not worth a MiB.
VERDICT_MEMO_SIZE = 1024


def value_rule(ctx: RuleContext, value: Value, verdicts: Verdicts) -> Finding:
    """The finding on a stated value. What it says depends on the rule and the value's figure and flag
    alone (judge_value), and the same figures recur across reports ("100%" for a rate, 是 for a fact),
    so the verdict is remembered in `verdicts` (the pack's, PackIndex.verdicts); each value then pays
    only for its own finding. Problems, shared figures and deadlines (which read the report's year)
    are judged every time."""
    rule = ctx.rule
    if value.problem is not None:
        if rule.requirement.kind is AFFIRMED and isinstance(value.raw, str):
            # a word that is not one of the yes/no words (是的吧, 基本是): a yes/no is what was wanted, not a figure
            return ctx.invalid(value, "invalid.flag")
        return ctx.invalid(value, "problem", params(problem=value.problem))  # stated: the raw value
    if rule.government_only and value.shared_with:
        return shared_count(ctx, value)
    if rule.requirement.kind is DEADLINE:  # a deadline on the indicator's own stated date
        return _dated(ctx, value)
    key = (rule.id, value.quantity, value.flag)
    verdict = verdicts.get(key)
    if verdict is None:
        verdict = judge_value(rule, value.quantity, value.flag)
        if len(verdicts) < VERDICT_MEMO_SIZE:
            verdicts[key] = verdict
    status, severity, message, args, gap = verdict
    return ctx.finding(status, severity, value.position, message, args, value=value, gap=gap, evidence=value.evidence)


def judge_value(rule: Rule, q: Quantity | None, flag: bool | None) -> Verdict:
    """A stated figure `q` or yes/no `flag` against a rule that is not a deadline: pure, remembered by value_rule."""
    kind = rule.requirement.kind
    if kind is AFFIRMED:
        if flag is None:
            return INVALID, at_least_warning(rule.severity), "invalid.flag", (), None
        if flag:
            return PASS, NO_SEVERITY, "meets", (), None
        return SHORTFALL, rule.severity, "affirmed.no", (), None
    stated_fact = kind is REPORTED and rule.unit in ("bool", "date")  # a yes/no or a date will do
    if q is None and not stated_fact:
        return INVALID, at_least_warning(rule.severity), "invalid.figure", (), None
    problem = unit_problem(rule, q) if q is not None else None
    if problem is not None:
        return INVALID, at_least_warning(rule.severity), *problem, None
    if kind is REPORTED:
        return STATED, NO_SEVERITY, "stated", (), None
    assert q is not None  # a threshold kind: non-figures were refused above
    bound = q.bound
    verdict = judge_range(
        rule,
        q.low,
        q.high,
        exact=bound is EXACT,
        open_low=q.strict and bound is LOWER,
        open_high=q.strict and bound is UPPER,
    )
    if q.mean and rule.requirement.each and verdict[0] is PASS:
        # an average within the target leaves room for items outside it; one outside it is a breach,
        # since some item lies at least as far out as the average does (judge_range's shortfall stands)
        return UNVERIFIABLE, rule.severity, "unverifiable.mean", (), None
    return verdict


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
