"""Findings that read more than one figure: derived values, consistency of parts and totals, trends
against last year, and `applies_if`. Pure; findings carry message ids (see hulifa.messages)."""

from __future__ import annotations

from hulifa.indicator_intervals import Figure, best, figure_change, tolerance, trend_status
from hulifa.kinds import EPS, RuleContext, at_least_warning, compare_range
from hulifa.model import (
    Finding,
    Kind,
    Position,
    ReportData,
    Rule,
    RulePack,
    Severity,
    Status,
    Subject,
    Text,
    params,
)

DERIVED = params(by_derive=True)  # the value was worked out from the rule's `derive`, not stated


def derived_rule(ctx: RuleContext, figure: Figure, where: Position) -> Finding:
    """No stated value, but the pack derives one from stated figures: check that against the target."""
    rule, iv = ctx.rule, figure.interval
    if rule.unit == "%" and iv.low > 100 + EPS:
        return ctx.finding(
            Status.INVALID,
            at_least_warning(rule.severity),
            where,
            "derived.over_100",
            DERIVED + params(figure=figure.text),
            stated=figure.text,
        )
    if rule.requirement.kind is Kind.REPORTED:
        return ctx.finding(Status.STATED, Severity.NONE, where, "derived.stated", DERIVED, stated=figure.text)
    return compare_range(ctx, iv.low, iv.high, exact=iv.is_exact, figure=figure.text, where=where)


def derived_check(ctx: RuleContext, stated: Figure, derived: Figure) -> Finding | None:
    """A value that is both stated and derivable must agree with its counts within rounding."""
    rule, value = ctx.rule, stated.value
    assert value is not None
    iv = derived.interval
    extra = params(derived=derived.text)
    if rule.unit == "%" and iv.low > 100 + EPS:
        status, severity, message = Status.INVALID, at_least_warning(rule.severity), "derived.check.over_100"
    elif iv.is_unbounded:
        return None
    else:
        tol = tolerance(value)
        if stated.interval.widen(tol + EPS).overlaps(iv):
            status, severity, message = Status.PASS, Severity.NONE, "derived.check.agrees"
        else:
            status, severity, message = Status.INVALID, Severity.WARNING, "derived.check.differs"
            extra += params(tolerance=tol)
    return Finding(
        rule=f"{rule.id}.derived",
        subject=rule,
        status=status,
        severity=severity,
        position=value.position,
        message=message,
        params=extra,
        stated=stated.text,
        evidence=value.evidence,
    )


def trend_finding(ctx: RuleContext, current: Figure, previous: Figure, where: Position) -> Finding:
    rule, trend = ctx.rule, ctx.rule.trend
    assert trend is not None
    status = trend_status(trend.direction, current.interval, previous.interval)
    message = {Status.PASS: "trend.pass", Status.SHORTFALL: "trend.shortfall"}.get(status, "trend.unverifiable")
    return Finding(
        rule=f"{rule.id}.trend",
        subject=rule,
        status=status,
        severity=Severity.NONE if status is Status.PASS else trend.severity,
        position=where,
        message=message,
        stated=current.text,
        previous=previous.text,
        change=figure_change(current, previous),
    )


def is_zero(rule_id: str, stated: dict[str, Figure], derived: dict[str, Figure]) -> bool:
    figure = best(rule_id, stated, derived)
    return figure is not None and figure.interval.high <= EPS


def part_of(pack: RulePack, report: ReportData, stated: dict[str, Figure], derived: dict[str, Figure]) -> list[Finding]:
    names = pack.index.by_id
    out: list[Finding] = []
    for check in pack.consistency:
        part, total = best(check.part, stated, derived), best(check.total, stated, derived)
        if part is None or total is None:
            continue
        at = part.value or total.value
        # a part or total with no stated value (both derived) has no line of its own: the indicators' line
        where = at.position if at is not None else report.indicators_at
        p_name, t_name = names[check.part].name, names[check.total].name
        if part.interval.high <= total.interval.low + EPS:
            status, severity, message = Status.PASS, Severity.NONE, "part_of.pass"
        elif part.interval.low > total.interval.high + EPS:
            status, severity, message = Status.INVALID, check.severity, "part_of.over"
        else:
            status, severity, message = Status.UNVERIFIABLE, Severity.INFO, "part_of.unverifiable"
        out.append(
            Finding(
                rule=check.id,
                subject=Subject(check.id, f"{p_name} ≤ {t_name}", f"{check.part} <= {check.total}"),
                status=status,
                severity=severity,
                position=where,
                message=message,
                params=params(part=Text(p_name, check.part), total=Text(t_name, check.total), total_value=total.text),
                stated=part.text,
            )
        )
    return out


def with_previous(finding: Finding, rule: Rule, now: Figure | None, then: Figure | None) -> Finding:
    if then is None:
        return finding
    change = figure_change(now, then) if now is not None else None
    return finding._replace(previous=then.text, change=change)


def zero_not_applicable(ctx: RuleContext, pack: RulePack, rule_id: str, stated: dict[str, Figure]) -> Finding:
    report = ctx.report
    other = pack.index.by_id[rule_id]
    figure = stated.get(rule_id)
    # the zero that makes the rule not apply may be derived, not stated: then the report's top line
    where = figure.value.position if figure and figure.value else report.top_at
    return ctx.finding(
        Status.NOT_APPLICABLE,
        Severity.NONE,
        where,
        "not_applicable.zero",
        params(other=Text(other.name, other.name_en or other.id)),
    )
