"""Pure evaluation: (RulePack, ReportData) -> ReportResult. One small function per requirement kind."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import replace

from hulifa.commitments import check as check_commitments
from hulifa.deviations import apply as apply_deviations
from hulifa.figures import (
    DIRECTION_TEXT,
    Figure,
    all_figures,
    best,
    change_text,
    cross_ids,
    tolerance,
    trend_status,
)
from hulifa.model import (
    Bound,
    Deviation,
    Finding,
    Kind,
    Position,
    Quantity,
    ReportData,
    ReportResult,
    Rule,
    RulePack,
    Section,
    Severity,
    Status,
    Text,
    Value,
)
from hulifa.quantity import format_number

SECTION_NAMES = {
    "measures": Text("主要举措和成效", "measures and results"),
    "shortcomings": Text("存在的不足", "shortcomings"),
    "causes": Text("不足的原因", "causes of the shortcomings"),
    "first_responsible": Text("第一责任人履职情况", "first-responsibility duties"),
    "next_year": Text("下一年度主要安排", "next year's plan"),
    "other": Text("其他需要报告的情况", "other matters"),
}
LEVEL_NAMES = {"province": "省级", "city": "市级", "county": "县级", "district": "区级", "department": "部门"}
_EPS = 1e-9


def _unit_text(rule: Rule, value: float) -> str:
    if rule.unit == "%":
        return f"{format_number(value)} 个百分点"
    return f"{format_number(value)} {rule.unit}"


_EXPECTED: dict[int, tuple[Rule, str]] = {}


def expected_text(rule: Rule) -> str:
    """The target as a person reads it, e.g. "≥ 60 学时", "= 100%", "须填报"."""
    cached = _EXPECTED.get(id(rule))
    if cached is not None and cached[0] is rule:  # every finding of every report asks; rules are few
        return cached[1]
    text = _expected_text(rule)
    _EXPECTED[id(rule)] = (rule, text)
    return text


def _expected_text(rule: Rule) -> str:
    req = rule.requirement
    unit = "%" if rule.unit == "%" else f" {rule.unit}"
    if req.kind in (Kind.AT_LEAST, Kind.AT_MOST, Kind.EQUALS) and req.target is not None:
        sign = {Kind.AT_LEAST: "≥", Kind.AT_MOST: "≤", Kind.EQUALS: "="}[req.kind]
        return f"{sign} {format_number(req.target)}{unit}"
    if req.kind is Kind.AFFIRMED:
        return "是"
    if req.kind is Kind.REPORTED:
        return "须填报"
    if req.kind is Kind.SECTION:
        return "须包含:" + "、".join(SECTION_NAMES[s].zh for s in req.sections)
    if req.kind is Kind.DEADLINE:
        return f"次年 {req.before} 之前" if req.year_offset == 1 else f"{req.before} 之前"
    return ""


def _actual_text(value: Value) -> str:
    if value.quantity is not None:
        q = value.quantity
        if q.implicit:
            return f"{q.text}(全覆盖,视为100%)"
        return q.text or format_number(q.value)
    if value.flag is not None:
        return "是" if value.flag else "否"
    if value.date is not None:
        return value.date.isoformat()
    return str(value.raw)


class _Ctx:
    """What every finding of one rule on one report shares."""

    def __init__(self, rule: Rule, report: ReportData) -> None:
        self.rule = rule
        self.report = report
        self.bound = ""  # the stated figure's bound, carried by every finding made from it

    def finding(
        self,
        status: Status,
        severity: Severity,
        where: Position,
        message: Text,
        *,
        actual: str = "",
        gap: str = "",
        evidence: str = "",
        bound: str = "",
    ) -> Finding:
        rule = self.rule
        return Finding(
            rule=rule.id,
            name=rule.name,
            name_en=rule.name_en,
            status=status,
            severity=severity,
            file=where.file,
            line=where.line,
            column=where.column,
            message=message,
            expected=expected_text(rule),
            actual=actual,
            gap=gap,
            unit=rule.unit,
            basis=rule.basis,
            evidence=evidence,
            bound=bound or self.bound,
        )

    @property
    def en(self) -> str:
        return self.rule.name_en or self.rule.id


def _at_least(severity: Severity) -> Severity:
    return severity if severity.rank >= Severity.WARNING.rank else Severity.WARNING


def _compare(ctx: _Ctx, value: Value, q: Quantity) -> Finding:
    kind_zh = {Bound.LOWER: "下限", Bound.UPPER: "上限", Bound.APPROX: "约数"}.get(q.bound, "约数")
    return _compare_range(
        ctx,
        q.low,
        q.high,
        exact=q.bound is Bound.EXACT,
        actual=_actual_text(value),
        where=value.position,
        evidence=value.evidence,
        why=Text(
            f"报告只写「{_actual_text(value)}」({kind_zh})",
            f"the report gives only '{_actual_text(value)}' (a {q.bound.value} bound)",
        ),
    )


def _compare_range(
    ctx: _Ctx,
    low: float,
    high: float,
    *,
    exact: bool,
    actual: str,
    where: Position,
    evidence: str,
    why: Text,
) -> Finding:
    """The bound-aware threshold check on [low, high]: pass, shortfall, or unverifiable."""
    rule, req = ctx.rule, ctx.rule.requirement
    target = req.target if req.target is not None else 0.0
    if rule.unit == "%":  # a rate lives in [0, 100]: "100%以上" is exactly 100
        low, high = max(low, 0.0), min(high, 100.0)
    expected = expected_text(rule)
    if req.kind is Kind.AT_LEAST:
        passed, failed = low >= target - _EPS, high < target - _EPS
        gap_value = target - high
    elif req.kind is Kind.AT_MOST:
        passed, failed = high <= target + _EPS, low > target + _EPS
        gap_value = low - target
    else:
        passed = abs(low - target) <= _EPS and abs(high - target) <= _EPS
        failed = not (low - _EPS <= target <= high + _EPS)
        gap_value = min(abs(target - low), abs(target - high))
    if passed:
        return ctx.finding(
            Status.PASS, Severity.NONE, where, Text("达标", "meets the target"), actual=actual, evidence=evidence
        )
    if failed:
        word_zh = "超出" if req.kind is Kind.AT_MOST or (req.kind is Kind.EQUALS and low > target) else "差"
        word_en = "over by" if word_zh == "超出" else "short by"
        gap = f"{word_zh} {_unit_text(rule, gap_value)}" if exact else f"至少{word_zh} {_unit_text(rule, gap_value)}"
        gap_en = f"{word_en} {format_number(gap_value)}" if exact else f"{word_en} at least {format_number(gap_value)}"
        return ctx.finding(
            Status.SHORTFALL,
            rule.severity,
            where,
            Text(
                f"{rule.name}为 {actual},未达到目标 {expected}({gap})",
                f"{ctx.en} is {actual}, which misses the target {expected} ({gap_en} {rule.unit})",
            ),
            actual=actual,
            gap=gap,
            evidence=evidence,
        )
    return ctx.finding(
        Status.UNVERIFIABLE,
        rule.severity,
        where,
        Text(
            f"{why.zh},无法判断是否达到 {expected};需要确切数值",
            f"{why.en}, which cannot settle {expected}; an exact figure is needed",
        ),
        actual=actual,
        gap="需确切数值",
        evidence=evidence,
    )


def _unit_problem(rule: Rule, q: Quantity) -> Text | None:
    if rule.unit == "%":
        if q.unit not in ("", "%"):
            return Text(
                f"单位「{q.unit}」不符:{rule.name}是百分比", f"unit '{q.unit}' does not fit: this is a rate (%)"
            )
        if q.value > 100 + _EPS:
            return Text(f"比率 {format_number(q.value)}% 超过 100%", f"rate {format_number(q.value)}% is above 100%")
        return None
    if q.unit and q.unit not in rule.accepted_units:
        allowed = "、".join(rule.accepted_units)
        return Text(
            f"单位「{q.unit}」与要求的「{allowed}」不符", f"unit '{q.unit}' does not fit the required '{allowed}'"
        )
    return None


def _value_rule(ctx: _Ctx, value: Value) -> Finding:
    rule, kind = ctx.rule, ctx.rule.requirement.kind
    if value.quantity is not None and value.problem is None:
        ctx.bound = value.quantity.bound.value
    if value.problem is not None:
        return ctx.finding(
            Status.INVALID,
            _at_least(rule.severity),
            value.position,
            value.problem,
            actual=str(value.raw),
            evidence=value.evidence,
        )
    if kind is Kind.AFFIRMED:
        if value.flag is None:
            return ctx.finding(
                Status.INVALID,
                _at_least(rule.severity),
                value.position,
                Text(f"{rule.name}应填 是/否 (true/false)", f"{ctx.en} takes yes/no (true/false)"),
                actual=_actual_text(value),
                evidence=value.evidence,
            )
        if value.flag:
            return ctx.finding(
                Status.PASS,
                Severity.NONE,
                value.position,
                Text("达标", "meets the target"),
                actual="是",
                evidence=value.evidence,
            )
        return ctx.finding(
            Status.SHORTFALL,
            rule.severity,
            value.position,
            Text(f"报告称{rule.name}:否", f"the report says no to: {ctx.en}"),
            actual="否",
            gap="未落实",
            evidence=value.evidence,
        )
    if value.quantity is None:
        if kind is Kind.REPORTED and rule.unit in ("bool", "date"):
            return ctx.finding(
                Status.PASS,
                Severity.NONE,
                value.position,
                Text("已填报", "stated"),
                actual=_actual_text(value),
                evidence=value.evidence,
            )
        return ctx.finding(
            Status.INVALID,
            _at_least(rule.severity),
            value.position,
            Text(
                f"{rule.name}应为数值,而不是「{_actual_text(value)}」",
                f"{ctx.en} must be a figure, not '{_actual_text(value)}'",
            ),
            actual=_actual_text(value),
            evidence=value.evidence,
        )
    problem = _unit_problem(rule, value.quantity)
    if problem is not None:
        return ctx.finding(
            Status.INVALID,
            _at_least(rule.severity),
            value.position,
            problem,
            actual=_actual_text(value),
            evidence=value.evidence,
        )
    if kind is Kind.REPORTED:
        return ctx.finding(
            Status.PASS,
            Severity.NONE,
            value.position,
            Text("已填报", "stated"),
            actual=_actual_text(value),
            evidence=value.evidence,
        )
    return _compare(ctx, value, value.quantity)


def _missing(ctx: _Ctx, where: Position) -> Finding:
    rule = ctx.rule
    return ctx.finding(
        Status.MISSING,
        rule.missing_severity,
        where,
        Text(
            f"报告未填报「{rule.name}」(要求 {expected_text(rule)})",
            f"the report does not state {ctx.en} (required: {expected_text(rule)})",
        ),
        gap="未填报",
    )


def _section_rule(ctx: _Ctx) -> Finding:
    report, rule = ctx.report, ctx.rule
    where = report.sections_at or report.top_at or Position(report.file, 1, 1)
    if report.sections is None:
        return ctx.finding(
            Status.MISSING,
            rule.missing_severity,
            where,
            Text(
                "报告数据未列出 sections,无法确认是否包含此部分",
                "the report data has no 'sections', so this part cannot be confirmed",
            ),
            gap="未说明",
        )
    present: dict[str, Section] = {s.id: s for s in report.sections if s.present}
    needed = rule.requirement.sections
    have = [s for s in needed if s in present]
    lacking = [s for s in needed if s not in present]
    if not lacking:
        first = present[needed[0]]
        return ctx.finding(
            Status.PASS,
            Severity.NONE,
            first.position,
            Text("已包含", "present"),
            actual="已包含",
            evidence=first.evidence,
        )
    lacking_zh = "、".join(SECTION_NAMES[s].zh for s in lacking)
    lacking_en = ", ".join(SECTION_NAMES[s].en for s in lacking)
    # Point at the line that says a part is absent ("causes: false") when there is one.
    stated = {s.id: s for s in report.sections}
    absent_at = stated[lacking[0]].position if lacking[0] in stated else None
    if have:
        first = present[have[0]]
        return ctx.finding(
            Status.SHORTFALL,
            rule.severity,
            absent_at or first.position,
            Text(f"「{rule.name}」不完整:缺少{lacking_zh}", f"'{rule.name}' is partial: no {lacking_en}"),
            actual="部分:" + "、".join(SECTION_NAMES[s].zh for s in have),
            gap=f"缺少:{lacking_zh}",
            evidence=first.evidence,
        )
    return ctx.finding(
        Status.MISSING,
        rule.severity,
        absent_at or where,
        Text(f"报告缺少「{rule.name}」部分", f"the report has no part on {lacking_en}"),
        gap=f"缺少:{lacking_zh}",
    )


def _deadline_rule(ctx: _Ctx) -> Finding:
    report, rule, req = ctx.report, ctx.rule, ctx.rule.requirement
    month, day = (int(x) for x in req.before.split("-"))
    deadline = dt.date(report.year + req.year_offset, month, day)
    stated = report.dates.get(req.field)
    if stated is None:
        where = report.top_at or Position(report.file, 1, 1)
        return ctx.finding(
            Status.MISSING,
            rule.missing_severity,
            where,
            Text(
                f"未给出 {req.field} 日期;须在 {deadline.isoformat()} 之前",
                f"no '{req.field}' date given; it is due before {deadline.isoformat()}",
            ),
            gap="未填报",
        )
    date, where = stated
    if date < deadline:
        return ctx.finding(Status.PASS, Severity.NONE, where, Text("按期", "on time"), actual=date.isoformat())
    late = (date - deadline).days + 1
    return ctx.finding(
        Status.SHORTFALL,
        rule.severity,
        where,
        Text(
            f"{rule.name}日期 {date.isoformat()} 晚于期限({deadline.isoformat()} 之前)",
            f"{ctx.en}: {date.isoformat()} is not before {deadline.isoformat()}",
        ),
        actual=date.isoformat(),
        gap=f"晚 {late} 天",
    )


def _not_applicable(ctx: _Ctx) -> Finding:
    report = ctx.report
    where = report.top_at or Position(report.file, 1, 1)
    level = LEVEL_NAMES.get(report.level, report.level)
    return ctx.finding(
        Status.NOT_APPLICABLE,
        Severity.NONE,
        where,
        Text(f"不适用于{level}{report.year}年度报告", f"does not apply to a {report.level} report for {report.year}"),
    )


_DISPATCH: dict[Kind, Callable[[_Ctx], Finding]] = {Kind.SECTION: _section_rule, Kind.DEADLINE: _deadline_rule}


def _unknown(report: ReportData, value: Value, pack: RulePack) -> Finding:
    choices = sorted(pack.by_key())
    close = difflib.get_close_matches(value.key, choices, n=1, cutoff=0.5)
    hint_zh = f";是否想写「{close[0]}」?" if close else ""
    hint_en = f"; did you mean '{close[0]}'?" if close else ""
    return Finding(
        rule="hulifa.unknown_indicator",
        name=value.key,
        status=Status.UNKNOWN,
        severity=Severity.WARNING,
        file=value.position.file,
        line=value.position.line,
        column=value.position.column,
        message=Text(
            f"规则包中没有指标「{value.key}」,未检查{hint_zh}",
            f"the rule pack has no indicator '{value.key}'; not checked{hint_en}",
        ),
        actual=_actual_text(value),
        evidence=value.evidence,
    )


def _derived_rule(ctx: _Ctx, figure: Figure, where: Position) -> Finding:
    """No stated value, but the pack derives one from stated figures: check that against the target."""
    rule, iv = ctx.rule, figure.interval
    source = f"由 {rule.derive} 算得"
    actual = f"{figure.text}({source})"
    if rule.unit == "%" and iv.low > 100 + _EPS:
        return ctx.finding(
            Status.INVALID,
            _at_least(rule.severity),
            where,
            Text(
                f"由 {rule.derive} 算得的比率 {figure.text} 超过 100%:所用数字自相矛盾",
                f"the rate derived from {rule.derive} is {figure.text}, above 100%: the figures contradict each other",
            ),
            actual=actual,
        )
    if rule.requirement.kind is Kind.REPORTED:
        return ctx.finding(
            Status.PASS,
            Severity.NONE,
            where,
            Text(f"未直接填报,{source}", f"not stated, derived from {rule.derive}"),
            actual=actual,
        )
    return _compare_range(
        ctx,
        iv.low,
        iv.high,
        exact=iv.is_exact,
        actual=actual,
        where=where,
        evidence="",
        why=Text(f"由约数推算只得到「{figure.text}」", f"the bounds only give '{figure.text}' ({source})"),
    )


def _derived_check(ctx: _Ctx, stated: Figure, derived: Figure) -> Finding | None:
    """A value that is both stated and derivable must agree with its counts within rounding."""
    rule, value = ctx.rule, stated.value
    assert value is not None
    iv = derived.interval
    if rule.unit == "%" and iv.low > 100 + _EPS:
        status, severity = Status.INVALID, _at_least(rule.severity)
        message = Text(
            f"由 {rule.derive} 算得 {derived.text},超过 100%:所用数字自相矛盾",
            f"{rule.derive} gives {derived.text}, above 100%: the figures contradict each other",
        )
    elif iv.is_unbounded:
        return None
    else:
        tol = tolerance(value)
        if stated.interval.widen(tol + _EPS).overlaps(iv):
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
    )


def _trend(ctx: _Ctx, current: Figure, previous: Figure, where: Position) -> Finding:
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
    return Finding(
        rule=f"{rule.id}.trend",
        name=f"{rule.name}(年度趋势)",
        name_en=f"{ctx.en} (year over year)",
        status=status,
        severity=Severity.NONE if status is Status.PASS else trend.severity,
        file=where.file,
        line=where.line,
        column=where.column,
        message=message,
        expected=zh,
        actual=current.text,
        gap="" if status is Status.PASS else ("需确切数值" if status is Status.UNVERIFIABLE else change),
        unit=rule.unit,
        basis=trend.basis,
        previous=previous.text,
        change=change,
    )


def _zero(rule_id: str, stated: dict[str, Figure], derived: dict[str, Figure]) -> bool:
    figure = best(rule_id, stated, derived)
    return figure is not None and figure.interval.high <= _EPS


def _part_of(
    pack: RulePack, report: ReportData, stated: dict[str, Figure], derived: dict[str, Figure]
) -> list[Finding]:
    names = {r.id: r for r in pack.rules}
    out: list[Finding] = []
    for check in pack.consistency:
        part, total = best(check.part, stated, derived), best(check.total, stated, derived)
        if part is None or total is None:
            continue
        at = part.value or total.value
        where = at.position if at is not None else report.indicators_at or Position(report.file, 1, 1)
        p_name, t_name = names[check.part].name, names[check.total].name
        if part.interval.high <= total.interval.low + _EPS:
            status, severity = Status.PASS, Severity.NONE
            message = Text(f"{p_name}不超过{t_name}", f"{check.part} does not exceed {check.total}")
        elif part.interval.low > total.interval.high + _EPS:
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
            Finding(
                rule=check.id,
                name=f"{p_name} ≤ {t_name}",
                name_en=f"{check.part} <= {check.total}",
                status=status,
                severity=severity,
                file=where.file,
                line=where.line,
                column=where.column,
                message=message,
                expected=f"≤ {total.text}",
                actual=part.text,
            )
        )
    return out


def evaluate(
    pack: RulePack,
    report: ReportData,
    previous: ReportData | None = None,
    *,
    accepted: tuple[Deviation, ...] = (),
    today: dt.date | None = None,
) -> ReportResult:
    """Every rule of the pack against one report's data; every key of the data accounted for.

    With `previous` (last year's report): last year's value and the change on every indicator both
    carry, trend findings, and progress on last year's commitments. Deviations (the report's own and
    `accepted`) mark what they cover as accepted, as of `today` (default: the real date).
    """
    # Without a previous year, only the figures that cross-checks read are needed as intervals.
    stated, derived = all_figures(pack, report, None if previous is not None else cross_ids(pack))
    before_stated, before_derived = all_figures(pack, previous) if previous is not None else ({}, {})
    table = pack.by_key()
    by_rule: dict[str, list[Value]] = {}
    findings: list[Finding] = []
    for value in report.values:
        rule = table.get(value.key)
        if rule is None:
            findings.append(_unknown(report, value, pack))
        else:
            by_rule.setdefault(rule.id, []).append(value)
    required = given = 0
    for rule in pack.rules:
        ctx = _Ctx(rule, report)
        if not rule.applies(report.level, report.year):
            findings.append(_not_applicable(ctx))
            continue
        if rule.applies_if_nonzero and _zero(rule.applies_if_nonzero, stated, derived):
            findings.append(_zero_not_applicable(ctx, pack, rule.applies_if_nonzero, stated))
            continue
        required += 1
        kind = rule.requirement.kind
        if kind in _DISPATCH:
            finding = _DISPATCH[kind](ctx)
            findings.append(finding)
            given += finding.status is not Status.MISSING
            continue
        values = by_rule.get(rule.id, [])
        # last year's value and the trend need both years; without a previous report, skip the lookups
        now = best(rule.id, stated, derived) if previous is not None else None
        then = best(rule.id, before_stated, before_derived) if previous is not None else None
        where = values[0].position if values else report.indicators_at or Position(report.file, 1, 1)
        if rule.trend is not None and now is not None and then is not None:
            findings.append(_trend(ctx, now, then, where))
        if rule.id in stated and rule.id in derived:
            check = _derived_check(ctx, stated[rule.id], derived[rule.id])
            if check is not None:
                findings.append(check)
        if not values and rule.id in derived:
            given += 1
            findings.append(_with_previous(_derived_rule(ctx, derived[rule.id], where), rule, now, then))
            continue
        if not values:
            findings.append(_missing(ctx, where))
            continue
        given += 1
        findings.append(_with_previous(_value_rule(ctx, values[0]), rule, now, then))
        for extra in values[1:]:
            findings.append(
                ctx.finding(
                    Status.INVALID,
                    Severity.ERROR,
                    extra.position,
                    Text(
                        f"「{extra.key}」与第 {values[0].position.line} 行的「{values[0].key}」是同一指标,重复填报",
                        f"'{extra.key}' is the same indicator as '{values[0].key}' on line {values[0].position.line}",
                    ),
                    actual=_actual_text(extra),
                )
            )
    findings.extend(_part_of(pack, report, stated, derived))
    if previous is not None:
        findings.extend(check_commitments(report, previous))
    entries = (*report.deviations, *accepted)
    if entries:
        findings = apply_deviations(findings, entries, today or dt.date.today(), pack)
    findings.sort(key=Finding.sort_key)
    return ReportResult(
        file=report.file,
        findings=tuple(findings),
        region=report.region,
        year=report.year,
        level=report.level,
        required=required,
        given=given,
        previous=previous.file if previous is not None else "",
    )


def _with_previous(finding: Finding, rule: Rule, now: Figure | None, then: Figure | None) -> Finding:
    if then is None:
        return finding
    change = change_text(now.interval, then.interval, rule.unit) if now is not None else ""
    return replace(finding, previous=then.text, change=change)


def _zero_not_applicable(ctx: _Ctx, pack: RulePack, rule_id: str, stated: dict[str, Figure]) -> Finding:
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
