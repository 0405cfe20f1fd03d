"""Findings that read more than one figure: derived values, consistency of parts and totals, trends
against last year, and `applies_if`. Pure."""

from __future__ import annotations

from dataclasses import replace

from hulifa.indicator_intervals import (
    DIRECTION_TEXT,
    Figure,
    best,
    change_text,
    tolerance,
    trend_status,
)
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
    Text,
)
from hulifa.quantity import format_number


def derived_rule(ctx: RuleContext, figure: Figure, where: Position) -> Finding:
    """No stated value, but the pack derives one from stated figures: check that against the target."""
    rule, iv = ctx.rule, figure.interval
    source = f"由 {rule.derive} 算得"
    actual = Text(f"{figure.text}({source})", f"{figure.text} (derived from {rule.derive})")
    if rule.unit == "%" and iv.low > 100 + EPS:
        return ctx.finding(
            Status.INVALID,
            at_least_warning(rule.severity),
            where,
            Text(
                f"由 {rule.derive} 算得的比率 {figure.text} 超过 100%:所用数字自相矛盾",
                f"the rate derived from {rule.derive} is {figure.text}, above 100%: the figures contradict each other",
            ),
            actual=actual,
        )
    if rule.requirement.kind is Kind.REPORTED:
        return ctx.finding(
            Status.STATED,
            Severity.NONE,
            where,
            Text(f"未直接填报,{source}", f"not stated, derived from {rule.derive}"),
            actual=actual,
        )
    return compare_range(
        ctx,
        iv.low,
        iv.high,
        exact=iv.is_exact,
        actual=actual,
        where=where,
        evidence="",
        why=Text(f"由约数推算只得到「{figure.text}」", f"the bounds only give '{figure.text}' ({source})"),
    )


def derived_check(ctx: RuleContext, stated: Figure, derived: Figure) -> Finding | None:
    """A value that is both stated and derivable must agree with its counts within rounding."""
    rule, value = ctx.rule, stated.value
    assert value is not None
    iv = derived.interval
    if rule.unit == "%" and iv.low > 100 + EPS:
        status, severity = Status.INVALID, at_least_warning(rule.severity)
        message = Text(
            f"由 {rule.derive} 算得 {derived.text},超过 100%:所用数字自相矛盾",
            f"{rule.derive} gives {derived.text}, above 100%: the figures contradict each other",
        )
    elif iv.is_unbounded:
        return None
    else:
        tol = tolerance(value)
        if stated.interval.widen(tol + EPS).overlaps(iv):
            status, severity = Status.PASS, Severity.NONE
            message = Text(
                f"与 {rule.derive} 算得的 {derived.text} 一致", f"agrees with {rule.derive} = {derived.text}"
            )
        else:
            status, severity = Status.INVALID, Severity.WARNING
            message = Text(
                f"报告写{rule.name}为「{stated.text}」,但按 {rule.derive} 算得 {derived.text}"
                f"(容差 ±{format_number(tol)});请核对原始数字,hulifa 不会改动报告数值",
                f"the report states {stated.text}, but {rule.derive} gives {derived.text} "
                f"(tolerance ±{format_number(tol)}); check the source figures: hulifa never corrects a value",
            )
    finding = ctx.finding(status, severity, value.position, message, actual=stated.text, evidence=value.evidence)
    return replace(
        finding,
        rule=f"{rule.id}.derived",
        name=f"{rule.name}(与分项核对)",
        name_en=f"{ctx.en} (against its counts)",
        expected=f"≈ {derived.text}",
        expected_en=f"≈ {derived.text}",
    )


def trend_finding(ctx: RuleContext, current: Figure, previous: Figure, where: Position) -> Finding:
    rule, trend = ctx.rule, ctx.rule.trend
    assert trend is not None
    status = trend_status(trend.direction, current.interval, previous.interval)
    zh, en = DIRECTION_TEXT[trend.direction]
    change = change_text(current.interval, previous.interval, rule.unit)
    if status is Status.PASS:
        message = Text(
            f"上年 {previous.text},本年 {current.text}:符合「{zh}」", f"{previous.text} → {current.text}: {en}"
        )
    elif status is Status.SHORTFALL:
        message = Text(
            f"{rule.name}上年 {previous.text},本年 {current.text}({change}),而要求{zh}",
            f"{ctx.en} went from {previous.text} to {current.text} ({change}); it {en}",
        )
    else:
        message = Text(
            f"上年 {previous.text}、本年 {current.text} 含约数,无法判断是否符合「{zh}」;需要确切数值",
            f"{previous.text} → {current.text} involves bounds, so '{en}' cannot be settled; exact figures are needed",
        )
    return Finding.at(
        where,
        rule=f"{rule.id}.trend",
        name=f"{rule.name}(年度趋势)",
        name_en=f"{ctx.en} (year over year)",
        status=status,
        severity=Severity.NONE if status is Status.PASS else trend.severity,
        message=message,
        expected=zh,
        expected_en=en,
        actual=current.text,
        gap="" if status is Status.PASS else ("需确切数值" if status is Status.UNVERIFIABLE else change),
        gap_en="exact figures needed" if status is Status.UNVERIFIABLE else "",
        unit=rule.unit,
        basis=trend.basis,
        previous=previous.text,
        change=change,
    )


def is_zero(rule_id: str, stated: dict[str, Figure], derived: dict[str, Figure]) -> bool:
    figure = best(rule_id, stated, derived)
    return figure is not None and figure.interval.high <= EPS


def part_of(pack: RulePack, report: ReportData, stated: dict[str, Figure], derived: dict[str, Figure]) -> list[Finding]:
    names = {r.id: r for r in pack.rules}
    out: list[Finding] = []
    for check in pack.consistency:
        part, total = best(check.part, stated, derived), best(check.total, stated, derived)
        if part is None or total is None:
            continue
        at = part.value or total.value
        where = at.position if at is not None else report.indicators_at or Position(report.file, 1, 1)
        p_name, t_name = names[check.part].name, names[check.total].name
        if part.interval.high <= total.interval.low + EPS:
            status, severity = Status.PASS, Severity.NONE
            message = Text(f"{p_name}不超过{t_name}", f"{check.part} does not exceed {check.total}")
        elif part.interval.low > total.interval.high + EPS:
            status, severity = Status.INVALID, check.severity
            message = Text(
                f"{p_name}({part.text})超过了其总数{t_name}({total.text}):数字自相矛盾;hulifa 不会改动报告数值",
                f"{check.part} ({part.text}) exceeds its total {check.total} ({total.text}): the figures "
                "contradict each other",
            )
        else:
            status, severity = Status.UNVERIFIABLE, Severity.INFO
            message = Text(
                f"{p_name}({part.text})与{t_name}({total.text})含约数,无法确认部分不超过总数",
                f"{check.part} ({part.text}) and {check.total} ({total.text}) are bounds; part <= total "
                "cannot be settled",
            )
        out.append(
            Finding.at(
                where,
                rule=check.id,
                name=f"{p_name} ≤ {t_name}",
                name_en=f"{check.part} <= {check.total}",
                status=status,
                severity=severity,
                message=message,
                expected=f"≤ {total.text}",
                actual=part.text,
            )
        )
    return out


def with_previous(finding: Finding, rule: Rule, now: Figure | None, then: Figure | None) -> Finding:
    if then is None:
        return finding
    change = change_text(now.interval, then.interval, rule.unit) if now is not None else ""
    return replace(finding, previous=then.text, change=change)


def zero_not_applicable(ctx: RuleContext, pack: RulePack, rule_id: str, stated: dict[str, Figure]) -> Finding:
    report = ctx.report
    other = next(r for r in pack.rules if r.id == rule_id)
    figure = stated.get(rule_id)
    where = figure.value.position if figure and figure.value else report.top_at or Position(report.file, 1, 1)
    return ctx.finding(
        Status.NOT_APPLICABLE,
        Severity.NONE,
        where,
        Text(
            f"「{other.name}」为 0,本项无从计算,不适用",
            f"{other.name_en or other.id} is 0, so this indicator has nothing to measure and does not apply",
        ),
    )
