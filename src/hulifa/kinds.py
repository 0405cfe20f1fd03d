"""One rule against one report: the finding each requirement kind gives, and the bound-aware comparison."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hulifa.model import (
    Basis,
    Bound,
    Finding,
    Kind,
    Position,
    Quantity,
    ReportData,
    Rule,
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
# English names of the units rule packs use (reporters.labels shows them; a unit not here is kept as written).
UNIT_NAMES = {
    "件": "cases",
    "个": "",
    "个月": "months",
    "人次": "person-times",
    "名": "people",
    "人": "people",
    "学时": "class hours",
    "工作日": "working days",
    "日": "days",
    "天": "days",
    "条": "items",
    "次": "times",
    "项": "items",
    "家": "bodies",
}
LEVEL_NAMES = {
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "district": "区级",
    "town": "乡镇(街道)",
    "department": "部门",
    "department.province": "省级政府部门",
    "department.city": "市级政府部门",
    "department.county": "县级政府部门",
}
LEVEL_NAMES_EN = {
    "town": "town or sub-district",
    "department": "department",
    "department.province": "provincial government department",
    "department.city": "city government department",
    "department.county": "county government department",
}
EPS = 1e-9
# What no check can establish; said in the README, the HTML report and `rules show`.
LIMITS = Text(
    "hulifa 只把报告自述的数字与目标比对,无法核实这些数字是否属实。",
    "hulifa checks the figures a report states about itself against targets; it cannot verify that they are true.",
)


def scopes_text(rule: Rule) -> str:
    """The bodies a rule applies to, with years where a scope has them: "county, department.county (–2023)"."""
    parts = []
    for scope in rule.levels:
        years = f" ({scope.year_from or ''}–{scope.year_to or ''})" if scope.year_from or scope.year_to else ""
        parts.append(scope.body + years)
    return ", ".join(parts)


def unit_text(rule: Rule, value: float, lang: str = "zh") -> str:
    if rule.unit == "%":
        return f"{format_number(value)} {'points' if lang == 'en' else '个百分点'}"
    return f"{format_number(value)} {rule.unit}"


def expected_text(rule: Rule, lang: str = "zh") -> str:
    """The target as a person reads it, e.g. "≥ 60 学时", "= 100%", "须填报" / "must be stated"."""
    stamp = _stamp(rule)
    return stamp[4] if lang == "en" else stamp[3]


def _expected_text(rule: Rule) -> Text:
    req = rule.requirement
    unit = "%" if rule.unit == "%" else f" {rule.unit}"
    if req.kind is Kind.BETWEEN and req.target is not None and req.target_max is not None:
        same = f"{format_number(req.target)}–{format_number(req.target_max)}{unit}"
        return Text(same, same)
    if req.kind in (Kind.AT_LEAST, Kind.AT_MOST, Kind.EQUALS) and req.target is not None:
        sign = {Kind.AT_LEAST: "≥", Kind.AT_MOST: "≤", Kind.EQUALS: "="}[req.kind]
        same = f"{sign} {format_number(req.target)}{unit}"
        english = UNIT_NAMES.get(rule.unit, rule.unit)
        same_en = f"{sign} {format_number(req.target)}" + (unit if rule.unit == "%" or not english else f" {english}")
        if req.extension is not None:
            longest = format_number(req.target + req.extension)
            longest_en = longest + (unit if rule.unit == "%" or not english else f" {english}")
            return Text(f"{same}(依法可延长至 {longest}{unit})", f"{same_en} (up to {longest_en} where the law allows)")
        return Text(same, same_en)
    if req.kind is Kind.AFFIRMED:
        return Text("是", "yes")
    if req.kind is Kind.REPORTED:
        return Text("须填报", "must be stated")
    if req.kind is Kind.SECTION:
        return Text(
            "须包含:" + "、".join(SECTION_NAMES[s].zh for s in req.sections),
            "must contain: " + ", ".join(SECTION_NAMES[s].en for s in req.sections),
        )
    if req.kind is Kind.DEADLINE:
        if req.year_offset == 1 and not req.field:
            return Text(f"次年 {req.before} 之前", f"by {req.before} of the next year")
        if req.year_offset == 1:
            return Text(f"次年 {req.before} 之前", f"before {req.before} of the next year")
        return Text(f"{req.before} 之前", f"before {req.before}")
    return Text("", "")


def actual_text(value: Value, lang: str = "zh") -> str:
    if value.quantity is not None:
        q = value.quantity
        if q.implicit:
            return f"{q.text}" + ("(full coverage, read as 100%)" if lang == "en" else "(全覆盖,视为100%)")
        return q.text or format_number(q.value)
    if value.flag is not None:
        if lang == "en":
            return "yes" if value.flag else "no"
        return "是" if value.flag else "否"
    if value.date is not None:
        return value.date.isoformat()
    return str(value.raw)


def actual_of(value: Value) -> str | Text:
    """The stated value for a finding: a plain string when it reads the same in both languages."""
    q = value.quantity
    if q is not None and not q.implicit:
        return q.text or format_number(q.value)
    if value.date is not None:
        return value.date.isoformat()
    return Text(actual_text(value), actual_text(value, "en"))


def _split(text: str | Text) -> tuple[str, str]:
    """A plain string is the same in both languages (a figure, a date); a Text has both."""
    if isinstance(text, str):
        return text, ""
    return text.zh, text.en


MEETS = Text("达标", "meets the target")
STATED = Text("已填报(无目标值,不作达标判断)", "stated (no target to meet)")
HEDGED = Text(
    "原文为「一般」或「原则上」,允许有理由的例外:报告须说明理由",
    "the text says 'in general' or 'in principle', allowing exceptions for stated reasons: the report must give them",
)


_STAMPS: dict[int, tuple[Rule, tuple[str, str, str, str, str, str, Basis]]] = {}


def _stamp(rule: Rule) -> tuple[str, str, str, str, str, str, Basis]:
    """What every finding of `rule` carries, whatever the report: computed once per rule."""
    cached = _STAMPS.get(id(rule))
    if cached is None or cached[0] is not rule:
        text = _expected_text(rule)
        cached = _STAMPS[id(rule)] = (rule, (rule.id, rule.name, rule.name_en, text.zh, text.en, rule.unit, rule.basis))
    return cached[1]


class RuleContext:
    """What every finding of one rule on one report shares."""

    __slots__ = ("bound", "report", "rule")

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
        actual: str | Text = "",
        gap: str | Text = "",
        evidence: str = "",
        bound: str = "",
    ) -> Finding:
        rule_id, name, name_en, expected, expected_en, unit, basis = _stamp(self.rule)
        actual_zh, actual_en = _split(actual)
        gap_zh, gap_en = _split(gap)
        # positional, in Finding's field order: 4x faster than keywords, and this runs for every rule
        return Finding(
            rule_id,
            name,
            status,
            severity,
            where.file,
            where.line,
            where.column,
            message,
            expected,
            actual_zh,
            gap_zh,
            unit,
            basis,
            evidence,
            name_en,
            bound or self.bound,
            expected_en,
            actual_en,
            gap_en,
            page=where.page,
        )

    @property
    def en(self) -> str:
        return self.rule.name_en or self.rule.id


def at_least_warning(severity: Severity) -> Severity:
    return severity if severity.rank >= Severity.WARNING.rank else Severity.WARNING


_BOUND_ZH = {Bound.LOWER: "下限", Bound.UPPER: "上限", Bound.APPROX: "约数"}
_EXACT_WHY = Text("", "")  # an exact figure is never unverifiable: it passes or it falls short


def compare(ctx: RuleContext, value: Value, q: Quantity) -> Finding:
    exact = q.bound is Bound.EXACT
    why = (
        _EXACT_WHY
        if exact
        else Text(
            f"报告只写「{actual_text(value)}」({_BOUND_ZH.get(q.bound, '约数')})",
            f"the report gives only '{actual_text(value)}' (a {q.bound.value} bound)",
        )
    )
    return compare_range(
        ctx,
        q.low,
        q.high,
        exact=exact,
        actual=actual_of(value),
        where=value.position,
        evidence=value.evidence,
        why=why,
    )


def compare_range(
    ctx: RuleContext,
    low: float,
    high: float,
    *,
    exact: bool,
    actual: str | Text,
    where: Position,
    evidence: str,
    why: Text,
) -> Finding:
    """The bound-aware threshold check on [low, high]: pass, shortfall, or unverifiable."""
    rule, req = ctx.rule, ctx.rule.requirement
    target = req.target if req.target is not None else 0.0
    if rule.unit == "%":  # a rate lives in [0, 100]: "100%以上" is exactly 100
        low, high = max(low, 0.0), min(high, 100.0)
    if req.kind is Kind.BETWEEN:
        top = req.target_max if req.target_max is not None else float("inf")
        passed = low >= target - EPS and high <= top + EPS
        failed = high < target - EPS or low > top + EPS
        gap_value = target - high if high < target - EPS else low - top
    elif req.kind is Kind.AT_LEAST:
        passed, failed = low >= target - EPS, high < target - EPS
        gap_value = target - high
    elif req.kind is Kind.AT_MOST:
        passed, failed = high <= target + EPS, low > target + EPS
        gap_value = low - target
    else:
        passed = abs(low - target) <= EPS and abs(high - target) <= EPS
        failed = not (low - EPS <= target <= high + EPS)
        gap_value = min(abs(target - low), abs(target - high))
    if passed:
        return ctx.finding(Status.PASS, Severity.NONE, where, MEETS, actual=actual, evidence=evidence)
    expected = expected_text(rule)  # the rest is for messages: a batch is mostly passes
    expected_en = expected_text(rule, "en")
    actual_zh, actual_en = _split(actual)
    actual_en = actual_en or actual_zh
    if req.kind is Kind.AT_MOST and req.extension is not None and high <= target + req.extension + EPS:
        return _extended(ctx, where, actual, evidence)
    if failed:
        over = req.kind is Kind.AT_MOST or (req.kind in (Kind.EQUALS, Kind.BETWEEN) and low > target)
        word_zh = "超出" if over else "差"
        word_en = "over by" if word_zh == "超出" else "short by"
        gap = f"{word_zh} {unit_text(rule, gap_value)}" if exact else f"至少{word_zh} {unit_text(rule, gap_value)}"
        amount = unit_text(rule, gap_value, "en")
        gap_en = f"{word_en} {amount}" if exact else f"{word_en} at least {amount}"
        hedge_zh, hedge_en = (f";{HEDGED.zh}", f"; {HEDGED.en}") if req.hedged else ("", "")
        return ctx.finding(
            Status.SHORTFALL,
            rule.severity,
            where,
            Text(
                f"{rule.name}为 {actual_zh},未达到目标 {expected}({gap}){hedge_zh}",
                f"{ctx.en} is {actual_en}, which misses the target {expected_en} ({gap_en}){hedge_en}",
            ),
            actual=actual,
            gap=Text(gap, gap_en),
            evidence=evidence,
        )
    return ctx.finding(
        Status.UNVERIFIABLE,
        rule.severity,
        where,
        Text(
            f"{why.zh},无法判断是否达到 {expected};需要确切数值",
            f"{why.en}, which cannot settle {expected_en}; an exact figure is needed",
        ),
        actual=actual,
        gap=Text("需确切数值", "exact figure needed"),
        evidence=evidence,
    )


def _extended(ctx: RuleContext, where: Position, actual: str | Text, evidence: str) -> Finding:
    """Over the normal limit but within the statutory extension: lawful if it was approved."""
    rule, req = ctx.rule, ctx.rule.requirement
    assert req.target is not None and req.extension is not None
    limit, longest = format_number(req.target), format_number(req.target + req.extension)
    unit = rule.unit
    needs = req.extension_needs or "经批准延长"
    return ctx.finding(
        Status.UNVERIFIABLE,
        Severity.INFO,
        where,
        Text(
            f"超过一般期限 {limit} {unit},但在法定延长期限({longest} {unit})之内:延长合法的前提是{needs};"
            "报告须写明已经批准",
            f"over the normal limit of {limit} {unit} but within the statutory extension ({longest} {unit}): "
            f"lawful if approved ({needs}); the report must state that it was approved",
        ),
        actual=actual,
        gap=Text("在法定延长期限内,须写明经批准", "within the statutory extension; approval must be stated"),
        evidence=evidence,
    )


def shared_count(ctx: RuleContext, value: Value) -> Finding:
    """One figure counted for several bodies cannot settle a count of the government alone."""
    rule = ctx.rule
    bodies = "、".join(value.shared_with)
    return ctx.finding(
        Status.UNVERIFIABLE,
        rule.severity,
        value.position,
        Text(
            f"「{actual_text(value)}」是与{bodies}共用的合计数,不能单独说明政府自身的{rule.name}",
            f"'{actual_text(value)}' is one count shared with {', '.join(value.shared_with)}; "
            f"it cannot settle the government's own {ctx.en}",
        ),
        actual=Text(f"{actual_text(value)}(与{bodies}共用)", f"{actual_text(value, 'en')} (shared with {bodies})"),
        gap=Text(f"与{bodies}共用,需政府单独数字", f"shared with {bodies}; the government's own figure is needed"),
        evidence=value.evidence,
    )


def unit_problem(rule: Rule, q: Quantity) -> Text | None:
    if rule.unit == "%":
        if q.unit not in ("", "%"):
            return Text(
                f"单位「{q.unit}」不符:{rule.name}是百分比", f"unit '{q.unit}' does not fit: this is a rate (%)"
            )
        if q.value > 100 + EPS:
            return Text(f"比率 {format_number(q.value)}% 超过 100%", f"rate {format_number(q.value)}% is above 100%")
        return None
    if q.unit and q.unit not in rule.accepted_units:
        allowed = "、".join(rule.accepted_units)
        return Text(
            f"单位「{q.unit}」与要求的「{allowed}」不符", f"unit '{q.unit}' does not fit the required '{allowed}'"
        )
    return None


def value_rule(ctx: RuleContext, value: Value) -> Finding:
    rule, kind = ctx.rule, ctx.rule.requirement.kind
    if value.quantity is not None and value.problem is None:
        ctx.bound = value.quantity.bound.value
    if value.problem is not None:
        return ctx.finding(
            Status.INVALID,
            at_least_warning(rule.severity),
            value.position,
            value.problem,
            actual=str(value.raw),
            evidence=value.evidence,
        )
    if rule.government_only and value.shared_with:
        return shared_count(ctx, value)
    if kind is Kind.DEADLINE:  # a deadline on the indicator's own stated date
        return _dated(ctx, value)
    if kind is Kind.AFFIRMED:
        if value.flag is None:
            return ctx.finding(
                Status.INVALID,
                at_least_warning(rule.severity),
                value.position,
                Text(f"{rule.name}应填 是/否 (true/false)", f"{ctx.en} takes yes/no (true/false)"),
                actual=actual_of(value),
                evidence=value.evidence,
            )
        if value.flag:
            return ctx.finding(
                Status.PASS,
                Severity.NONE,
                value.position,
                MEETS,
                actual=Text("是", "yes"),
                evidence=value.evidence,
            )
        return ctx.finding(
            Status.SHORTFALL,
            rule.severity,
            value.position,
            Text(f"报告称{rule.name}:否", f"the report says no to: {ctx.en}"),
            actual=Text("否", "no"),
            gap=Text("未落实", "not done"),
            evidence=value.evidence,
        )
    stated_fact = kind is Kind.REPORTED and rule.unit in ("bool", "date")  # a yes/no or a date will do
    if value.quantity is None and not stated_fact:
        return ctx.finding(
            Status.INVALID,
            at_least_warning(rule.severity),
            value.position,
            Text(
                f"{rule.name}应为数值,而不是「{actual_text(value)}」",
                f"{ctx.en} must be a figure, not '{actual_text(value)}'",
            ),
            actual=actual_of(value),
            evidence=value.evidence,
        )
    problem = unit_problem(rule, value.quantity) if value.quantity is not None else None
    if problem is not None:
        return ctx.finding(
            Status.INVALID,
            at_least_warning(rule.severity),
            value.position,
            problem,
            actual=actual_of(value),
            evidence=value.evidence,
        )
    if kind is Kind.REPORTED:
        return ctx.finding(
            Status.STATED,
            Severity.NONE,
            value.position,
            STATED,
            actual=actual_of(value),
            evidence=value.evidence,
        )
    assert value.quantity is not None  # a threshold kind: non-figures were refused above
    return compare(ctx, value, value.quantity)


def missing(ctx: RuleContext, where: Position) -> Finding:
    rule = ctx.rule
    return ctx.finding(
        Status.MISSING,
        rule.missing_severity,
        where,
        Text(
            f"报告未填报「{rule.name}」(要求 {expected_text(rule)})",
            f"the report does not state {ctx.en} (required: {expected_text(rule, 'en')})",
        ),
        gap=Text("未填报", "not stated"),
    )


def section_rule(ctx: RuleContext) -> Finding:
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
            gap=Text("未说明", "not stated"),
        )
    present: dict[str, Section] = {s.id: s for s in report.sections if s.present}
    needed = rule.requirement.sections
    have = [s for s in needed if s in present]
    lacking = [s for s in needed if s not in present]
    doubtful = [present[s] for s in have if present[s].doubt]
    if not lacking and doubtful:  # found, but perhaps not the report's own part: never a pass
        part = doubtful[0]
        doubt_zh, _, doubt_en = part.doubt.partition(" / ")  # written "中文 / English" by hulifa extract
        return ctx.finding(
            Status.UNVERIFIABLE,
            rule.severity,
            part.position,
            Text(f"无法确认「{rule.name}」:{doubt_zh}", f"'{rule.name}' cannot be confirmed: {doubt_en or doubt_zh}"),
            actual=Text("待核实", "to be confirmed"),
            evidence=part.evidence,
        )
    if not lacking:
        first = present[needed[0]]
        return ctx.finding(
            Status.PASS,
            Severity.NONE,
            first.position,
            Text("已包含", "present"),
            actual=Text("已包含", "present"),
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
            actual=Text(
                "部分:" + "、".join(SECTION_NAMES[s].zh for s in have),
                "partly: " + ", ".join(SECTION_NAMES[s].en for s in have),
            ),
            gap=Text(f"缺少:{lacking_zh}", f"missing: {lacking_en}"),
            evidence=first.evidence,
        )
    return ctx.finding(
        Status.MISSING,
        rule.severity,
        absent_at or where,
        Text(f"报告缺少「{rule.name}」部分", f"the report has no part on {lacking_en}"),
        gap=Text(f"缺少:{lacking_zh}", f"missing: {lacking_en}"),
    )


def deadline_rule(ctx: RuleContext) -> Finding:
    report, rule, req = ctx.report, ctx.rule, ctx.rule.requirement
    deadline = _due(ctx)
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
            gap=Text("未填报", "not stated"),
        )
    return _on_time(ctx, stated[0], stated[1], deadline)


def _due(ctx: RuleContext) -> dt.date:
    req = ctx.rule.requirement
    month, day = (int(x) for x in req.before.split("-"))
    return dt.date(ctx.report.year + req.year_offset, month, day)


def _dated(ctx: RuleContext, value: Value) -> Finding:
    if value.date is None:
        return ctx.finding(
            Status.INVALID,
            at_least_warning(ctx.rule.severity),
            value.position,
            Text(f"{ctx.rule.name}应填日期,如 2025-01-20", f"{ctx.en} takes a date such as 2025-01-20"),
            actual=actual_of(value),
            evidence=value.evidence,
        )
    return _on_time(ctx, value.date, value.position, _due(ctx), value.evidence)


def _on_time(ctx: RuleContext, date: dt.date, where: Position, deadline: dt.date, evidence: str = "") -> Finding:
    rule = ctx.rule
    if date < deadline:
        return ctx.finding(
            Status.PASS, Severity.NONE, where, Text("按期", "on time"), actual=date.isoformat(), evidence=evidence
        )
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
        gap=Text(f"晚 {late} 天", f"{late} days late"),
        evidence=evidence,
    )


def not_applicable(ctx: RuleContext) -> Finding:
    report = ctx.report
    where = report.top_at or Position(report.file, 1, 1)
    body = report.body
    level, level_en = LEVEL_NAMES.get(body, body), LEVEL_NAMES_EN.get(body, body)
    unsure_zh = unsure_en = ""
    if body == "department" and any(s.body.startswith("department.") for s in ctx.rule.levels):
        unsure_zh = "(报告未写 department_of,无法判断是哪一级政府的部门)"
        unsure_en = " (the report does not say department_of, so whose department it is is unknown)"
    return ctx.finding(
        Status.NOT_APPLICABLE,
        Severity.NONE,
        where,
        Text(
            f"不适用于{level}{report.year}年度报告{unsure_zh}",
            f"does not apply to a {level_en} report for {report.year}{unsure_en}",
        ),
    )


BY_KIND: dict[Kind, Callable[[RuleContext], Finding]] = {Kind.SECTION: section_rule, Kind.DEADLINE: deadline_rule}
"""Kinds settled by the report as a whole. A DEADLINE with no `field` is on the indicator's own date: evaluate
sends it through value_rule instead (see `whole_report`)."""


def whole_report(rule: Rule) -> bool:
    kind = rule.requirement.kind
    return kind is Kind.SECTION or (kind is Kind.DEADLINE and bool(rule.requirement.field))
