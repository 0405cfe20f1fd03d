"""The one place a finding becomes words: its name, message, target, stated value, gap and basis, in
Chinese or English. Every output format reads a finding's text through these functions and nothing else.

A finding carries a message id and its parameters (hulifa.model.Finding); MESSAGES holds one wording
in each language for every id, and TARGETS, VALUES and GAPS the ids whose target, stated value or gap
are not the usual ones. Templates name their parameters; a parameter that is a Text is put in the
reader's language, and a few are worked out here from the finding and its rule (see _Words).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hulifa.model import Basis, Bound, Direction, Finding, Kind, Rule, Text
from hulifa.quantity import format_number

SECTION_NAMES = {
    "measures": Text("主要举措和成效", "measures and results"),
    "shortcomings": Text("存在的不足", "shortcomings"),
    "causes": Text("不足的原因", "causes of the shortcomings"),
    "first_responsible": Text("第一责任人履职情况", "first-responsibility duties"),
    "next_year": Text("下一年度主要安排", "next year's plan"),
    "other": Text("其他需要报告的情况", "other matters"),
}
# English names of the units rule packs use (a unit not here is kept as written).
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
    "province": Text("省级", "province"),
    "city": Text("市级", "city"),
    "county": Text("县级", "county"),
    "district": Text("区级", "district"),
    "town": Text("乡镇(街道)", "town or sub-district"),
    "department": Text("部门", "department"),
    "department.province": Text("省级政府部门", "provincial government department"),
    "department.city": Text("市级政府部门", "city government department"),
    "department.county": Text("县级政府部门", "county government department"),
}
DIRECTION_NAMES = {
    Direction.INCREASE: Text("应高于上年", "must rise from last year"),
    Direction.DECREASE: Text("应低于上年", "must fall from last year"),
    Direction.NOT_DECREASE: Text("不应低于上年", "must not fall below last year"),
    Direction.NOT_INCREASE: Text("不应高于上年", "must not rise above last year"),
}
# What no check can establish; said in the README, the HTML report and `rules show`.
LIMITS = Text(
    "hulifa 只把报告自述的数字与目标比对,无法核实这些数字是否属实。",
    "hulifa checks the figures a report states about itself against targets; it cannot verify that they are true.",
)

NOT_STATED = Text("未填报", "not stated")
EXACT_NEEDED = Text("需确切数值", "exact figure needed")

# ------------------------------------------------------------------------------------ the catalogue
# id -> the message. {name} is the rule's (or subject's) name, {expected}, {value}, {actual} and {gap}
# the finding's target, stated value (as the report wrote it), stated value as shown, and gap.
MESSAGES: dict[str, Text] = {
    "meets": Text("达标", "meets the target"),
    "stated": Text("已填报(无目标值,不作达标判断)", "stated (no target to meet)"),
    "shortfall": Text(
        "{name}为 {actual},未达到目标 {expected}({gap})",
        "{name} is {actual}, which misses the target {expected} ({gap})",
    ),
    "shortfall.hedged": Text(
        "{name}为 {actual},未达到目标 {expected}({gap});原文为「一般」或「原则上」,允许有理由的例外:报告须说明理由",
        "{name} is {actual}, which misses the target {expected} ({gap}); the text says 'in general' or "
        "'in principle', allowing exceptions for stated reasons: the report must give them",
    ),
    "unverifiable.bound": Text(
        "报告只写「{value}」({bound_word}),无法判断是否达到 {expected};需要确切数值",
        "the report gives only '{value}' (a {bound} bound), which cannot settle {expected}; an exact figure is needed",
    ),
    "unverifiable.derived": Text(
        "由约数推算只得到「{figure}」,无法判断是否达到 {expected};需要确切数值",
        "the bounds only give '{figure}' (derived from {derive}), which cannot settle {expected}; "
        "an exact figure is needed",
    ),
    "within_extension": Text(
        "超过一般期限 {limit} {unit},但在法定延长期限({longest} {unit})之内:延长合法的前提是{needs};报告须写明已经批准",
        "over the normal limit of {limit} {unit} but within the statutory extension ({longest} {unit}): "
        "lawful if approved ({needs}); the report must state that it was approved",
    ),
    "shared": Text(
        "「{value}」是与{bodies}共用的合计数,不能单独说明政府自身的{name}",
        "'{value}' is one count shared with {bodies}; it cannot settle the government's own {name}",
    ),
    "problem": Text("{problem}", "{problem}"),  # the reader's own words on why a value cannot be read
    "invalid.flag": Text("{name}应填 是/否 (true/false)", "{name} takes yes/no (true/false)"),
    "invalid.figure": Text("{name}应为数值,而不是「{value}」", "{name} must be a figure, not '{value}'"),
    "invalid.date": Text("{name}应填日期,如 2025-01-20", "{name} takes a date such as 2025-01-20"),
    "unit.rate": Text("单位「{given}」不符:{name}是百分比", "unit '{given}' does not fit: this is a rate (%)"),
    "unit.over_100": Text("比率 {rate}% 超过 100%", "rate {rate}% is above 100%"),
    "unit.other": Text(
        "单位「{given}」与要求的「{allowed}」不符", "unit '{given}' does not fit the required '{allowed}'"
    ),
    "affirmed.no": Text("报告称{name}:否", "the report says no to: {name}"),
    "missing": Text("报告未填报「{name}」(要求 {expected})", "the report does not state {name} (required: {expected})"),
    "sections.unlisted": Text(
        "报告数据未列出 sections,无法确认是否包含此部分",
        "the report data has no 'sections', so this part cannot be confirmed",
    ),
    "section.doubt": Text("无法确认「{name}」:{doubt}", "'{name}' cannot be confirmed: {doubt}"),
    "section.present": Text("已包含", "present"),
    "section.partial": Text("「{name}」不完整:缺少{lacking}", "'{name}' is partial: no {lacking}"),
    "section.missing": Text("报告缺少「{name}」部分", "the report has no part on {lacking}"),
    "date.missing": Text("未给出 {field} 日期;须在 {due} 之前", "no '{field}' date given; it is due before {due}"),
    "on_time": Text("按期", "on time"),
    "late": Text("{name}日期 {date} 晚于期限({due} 之前)", "{name}: {date} is not before {due}"),
    "not_applicable": Text("不适用于{level}{year}年度报告", "does not apply to a {level} report for {year}"),
    "not_applicable.department": Text(
        "不适用于{level}{year}年度报告(报告未写 department_of,无法判断是哪一级政府的部门)",
        "does not apply to a {level} report for {year} (the report does not say department_of, so whose "
        "department it is is unknown)",
    ),
    "not_applicable.zero": Text(
        "「{other}」为 0,本项无从计算,不适用",
        "{other} is 0, so this indicator has nothing to measure and does not apply",
    ),
    "duplicate": Text(
        "「{key}」与第 {line} 行的「{first}」是同一指标,重复填报",
        "'{key}' is the same indicator as '{first}' on line {line}",
    ),
    "unknown": Text("规则包中没有指标「{key}」,未检查", "the rule pack has no indicator '{key}'; not checked"),
    "unknown.close": Text(
        "规则包中没有指标「{key}」,未检查;是否想写「{close}」?",
        "the rule pack has no indicator '{key}'; not checked; did you mean '{close}'?",
    ),
    "derived.over_100": Text(
        "由 {derive} 算得的比率 {figure} 超过 100%:所用数字自相矛盾",
        "the rate derived from {derive} is {figure}, above 100%: the figures contradict each other",
    ),
    "derived.stated": Text("未直接填报,由 {derive} 算得", "not stated, derived from {derive}"),
    "derived.check.over_100": Text(
        "由 {derive} 算得 {derived},超过 100%:所用数字自相矛盾",
        "{derive} gives {derived}, above 100%: the figures contradict each other",
    ),
    "derived.check.agrees": Text("与 {derive} 算得的 {derived} 一致", "agrees with {derive} = {derived}"),
    "derived.check.differs": Text(
        "报告写{name}为「{value}」,但按 {derive} 算得 {derived}(容差 ±{tolerance});"
        "请核对原始数字,hulifa 不会改动报告数值",
        "the report states {value}, but {derive} gives {derived} (tolerance ±{tolerance}); check the source "
        "figures: hulifa never corrects a value",
    ),
    "trend.pass": Text("上年 {previous},本年 {value}:符合「{direction}」", "{previous} → {value}: {direction}"),
    "trend.shortfall": Text(
        "{name}上年 {previous},本年 {value}({change}),而要求{direction}",
        "{name} went from {previous} to {value} ({change}); it {direction}",
    ),
    "trend.unverifiable": Text(
        "上年 {previous}、本年 {value} 含约数,无法判断是否符合「{direction}」;需要确切数值",
        "{previous} → {value} involves bounds, so '{direction}' cannot be settled; exact figures are needed",
    ),
    "part_of.pass": Text("{part}不超过{total}", "{part} does not exceed {total}"),
    "part_of.over": Text(
        "{part}({value})超过了其总数{total}({total_value}):数字自相矛盾;hulifa 不会改动报告数值",
        "{part} ({value}) exceeds its total {total} ({total_value}): the figures contradict each other",
    ),
    "part_of.unverifiable": Text(
        "{part}({value})与{total}({total_value})含约数,无法确认部分不超过总数",
        "{part} ({value}) and {total} ({total_value}) are bounds; part <= total cannot be settled",
    ),
    "commitment.progress": Text("已报告进展", "progress reported"),
    "commitment.missing": Text(
        "上年报告({then})承诺「{commitment}」,本年报告未在 commitments_progress 中说明进展(键 {key})",
        "last year's report ({then}) committed to '{commitment}'; this report gives no progress on it under "
        "commitments_progress (key {key})",
    ),
    "deviation.unknown_rule": Text(
        "偏差条目指向不存在的规则「{name}」,未使用", "the deviation names rule '{name}', which does not exist; not used"
    ),
    "deviation.expired": Text(
        "「{name}」的偏差已于 {expires} 到期,不再接受;请续批或整改",
        "the deviation for '{name}' expired on {expires} and no longer accepts anything; renew it or fix the finding",
    ),
    "deviation.unused": Text(
        "「{name}」没有需要接受的问题,此偏差条目未使用;请删除",
        "'{name}' has no finding to accept; the deviation is unused: remove it",
    ),
    # said by code outside the checks (an input error, a note on a file): already in both languages
    "text": Text("{text}", "{text}"),
}
DERIVED = Text("{value}(由 {derive} 算得)", "{value} (derived from {derive})")  # a figure no one stated
ACCEPTED = Text(
    "{message}(已接受偏差:{reason};批准:{approved_by};有效期至 {expires})",
    "{message} (accepted deviation: {reason}; approved by {approved_by}; until {expires})",
)

# Targets that are not the rule's own (cross-checks, trends, commitments). Other ids: the rule's target.
TARGETS: dict[str, Text] = {
    "derived.check.over_100": Text("≈ {derived}", "≈ {derived}"),
    "derived.check.agrees": Text("≈ {derived}", "≈ {derived}"),
    "derived.check.differs": Text("≈ {derived}", "≈ {derived}"),
    "trend.pass": Text("{direction}", "{direction}"),
    "trend.shortfall": Text("{direction}", "{direction}"),
    "trend.unverifiable": Text("{direction}", "{direction}"),
    "part_of.pass": Text("≤ {total_value}", "≤ {total_value}"),
    "part_of.over": Text("≤ {total_value}", "≤ {total_value}"),
    "part_of.unverifiable": Text("≤ {total_value}", "≤ {total_value}"),
    "commitment.progress": Text("须报告进展", "progress must be reported"),
    "commitment.missing": Text("须报告进展", "progress must be reported"),
}
# Stated values shown with more than the value itself. Other ids: the value ("" when none).
VALUES: dict[str, Text] = {
    "shared": Text("{value}(与{bodies}共用)", "{value} (shared with {bodies})"),
    "section.doubt": Text("待核实", "to be confirmed"),
    "section.present": Text("已包含", "present"),
    "section.partial": Text("部分:{have}", "partly: {have}"),
    "deviation.unknown_rule": Text("expires {expires}", "expires {expires}"),
    "deviation.expired": Text("expires {expires}", "expires {expires}"),
    "deviation.unused": Text("expires {expires}", "expires {expires}"),
}
# Gaps in words. A numeric gap (Finding.gap) is worded by _amount; other ids have no gap.
GAPS: dict[str, Text] = {
    "unverifiable.bound": EXACT_NEEDED,
    "unverifiable.derived": EXACT_NEEDED,
    "within_extension": Text(
        "在法定延长期限内,须写明经批准", "within the statutory extension; approval must be stated"
    ),
    "shared": Text("与{bodies}共用,需政府单独数字", "shared with {bodies}; the government's own figure is needed"),
    "affirmed.no": Text("未落实", "not done"),
    "missing": NOT_STATED,
    "date.missing": NOT_STATED,
    "sections.unlisted": Text("未说明", "not stated"),
    "section.partial": Text("缺少:{lacking}", "missing: {lacking}"),
    "section.missing": Text("缺少:{lacking}", "missing: {lacking}"),
    "late": Text("晚 {late} 天", "{late} days late"),
    "trend.shortfall": Text("{change}", "{change}"),
    "trend.unverifiable": Text("需确切数值", "exact figures needed"),
    "commitment.missing": Text("未报告进展", "no progress reported"),
}
# A numeric gap: (short, over) x (exact, a bound).
_AMOUNT = {
    (False, True): Text("差 {amount}", "short by {amount}"),
    (True, True): Text("超出 {amount}", "over by {amount}"),
    (False, False): Text("至少差 {amount}", "short by at least {amount}"),
    (True, False): Text("至少超出 {amount}", "over by at least {amount}"),
}
# The checks of a rule that are not the rule itself, by the suffix of their id.
_CHECK_NAMES = {
    "trend": Text("{name}(年度趋势)", "{name} (year over year)"),
    "derived": Text("{name}(与分项核对)", "{name} (against its counts)"),
}


# ------------------------------------------------------------------------------------------- names


def _check(finding: Finding) -> str:
    """ "trend" or "derived" for a check on a rule (`ID.trend`), "" for the rule itself or a subject."""
    subject_id = finding.subject.id
    return finding.rule[len(subject_id) + 1 :] if finding.rule != subject_id else ""


def _rule_name(finding: Finding, lang: str) -> str:
    """The rule's or subject's own name in `lang`; in English, its id when it has no English name."""
    subject = finding.subject
    if lang == "en":
        return subject.name_en or (subject.id if isinstance(subject, Rule) else subject.name)
    return subject.name


def names(finding: Finding) -> tuple[str, str]:
    """The name and the English name as the rule pack (or hulifa) gives them; the English one may be ""."""
    check = _CHECK_NAMES.get(_check(finding))
    if check is None:
        return finding.subject.name, finding.subject.name_en
    return check.zh.format(name=_rule_name(finding, "zh")), check.en.format(name=_rule_name(finding, "en"))


def name(finding: Finding, lang: str) -> str:
    """The indicator's name in `lang`. In English a rule with no English name shows its id, so the
    gap is visible (and searchable) rather than a Chinese name in an English page. Keys read from a
    report (unknown indicators) are data and stay as written."""
    zh, en = names(finding)
    if lang == "en":
        if en:
            return en
        if not finding.rule.startswith("hulifa.") and finding.rule:
            return finding.rule
    return zh or finding.rule


def unit(finding: Finding) -> str:
    return finding.subject.unit


def basis(finding: Finding) -> Basis | None:
    subject = finding.subject
    if isinstance(subject, Rule) and subject.trend is not None and _check(finding) == "trend":
        return subject.trend.basis
    return subject.basis


def bound(finding: Finding) -> str:
    """The stated figure's bound (`lower`, `upper`, `approx`, `exact`), or "" when no figure was given."""
    return finding.quantity.bound.value if finding.quantity is not None else ""


# -------------------------------------------------------------------------------------------- texts


def message(finding: Finding, lang: str) -> str:
    text = _fill(MESSAGES[finding.message], finding, lang)
    entry = finding.accepted
    if entry is None:
        return text
    extra = {"message": text, "reason": entry.reason, "approved_by": entry.approved_by, "expires": entry.expires}
    return ACCEPTED.get(lang).format_map(_Words(finding, lang, extra))


def expected(finding: Finding, lang: str) -> str:
    """The target as a person reads it: "≥ 60 学时", "须填报" / "must be stated"."""
    own = TARGETS.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    subject = finding.subject
    return expected_text(subject, lang) if isinstance(subject, Rule) else ""


def actual(finding: Finding, lang: str) -> str:
    """The stated value as shown, "" when none was stated."""
    own = VALUES.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    text = value(finding, lang)
    if text and finding.param("by_derive"):
        return _fill(DERIVED, finding, lang)
    return text


def gap(finding: Finding, lang: str) -> str:
    """How far the stated value is from the target, or why it cannot be settled; "" when nothing is missed."""
    own = GAPS.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    if finding.gap is None:
        return ""
    return _fill(_AMOUNT[(bool(finding.param("over")), not finding.param("bounded"))], finding, lang)


def value(finding: Finding, lang: str) -> str:
    """The stated value as the report wrote it: a figure, yes/no, a date, or the text given."""
    q = finding.quantity
    if q is not None:
        if q.implicit:
            return q.text + ("(full coverage, read as 100%)" if lang == "en" else "(全覆盖,视为100%)")
        return q.text or format_number(q.value)
    if finding.flag is not None:
        return ("yes" if finding.flag else "no") if lang == "en" else ("是" if finding.flag else "否")
    if finding.date is not None:
        return finding.date.isoformat()
    return finding.stated


# ---------------------------------------------------------------------------------------- targets


def expected_text(rule: Rule, lang: str = "zh") -> str:
    """A rule's target as a person reads it, e.g. "≥ 60 学时", "= 100%", "须填报" / "must be stated"."""
    return _target(rule).get(lang)


def _number(value: float) -> str:
    return format_number(value) if value == value else "—"  # a NaN target (a broken pack) still renders


def _target(rule: Rule) -> Text:
    req = rule.requirement
    unit = "%" if rule.unit == "%" else f" {rule.unit}"
    if req.kind is Kind.BETWEEN and req.target is not None and req.target_max is not None:
        same = f"{_number(req.target)}–{_number(req.target_max)}{unit}"
        return Text(same, same)
    if req.kind in (Kind.AT_LEAST, Kind.AT_MOST, Kind.EQUALS) and req.target is not None:
        sign = {Kind.AT_LEAST: "≥", Kind.AT_MOST: "≤", Kind.EQUALS: "="}[req.kind]
        english = UNIT_NAMES.get(rule.unit, rule.unit)
        unit_en = unit if rule.unit == "%" or not english else f" {english}"
        target = _number(req.target)
        if req.extension is not None:
            longest = _number(req.target + req.extension)
            return Text(
                f"{sign} {target}{unit}(依法可延长至 {longest}{unit})",
                f"{sign} {target}{unit_en} (up to {longest}{unit_en} where the law allows)",
            )
        return Text(f"{sign} {target}{unit}", f"{sign} {target}{unit_en}")
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
        if req.year_offset == 1:
            return Text(f"次年 {req.before} 之前", f"{'before' if req.field else 'by'} {req.before} of the next year")
        return Text(f"{req.before} 之前", f"before {req.before}")
    return Text("", "")


def amount(value: float, unit: str, lang: str) -> str:
    """A difference with its unit: "3 件", "2.5 个百分点" / "2.5 points"."""
    if unit == "%":
        return f"{format_number(value)} {'points' if lang == 'en' else '个百分点'}"
    return f"{format_number(value)} {unit}"


def scopes_text(rule: Rule) -> str:
    """The bodies a rule applies to, with years where a scope has them: "county, department.county (–2023)"."""
    parts = []
    for scope in rule.levels:
        years = f" ({scope.year_from or ''}–{scope.year_to or ''})" if scope.year_from or scope.year_to else ""
        parts.append(scope.body + years)
    return ", ".join(parts)


# ------------------------------------------------------------------------------------- parameters


def _fill(template: Text, finding: Finding, lang: str) -> str:
    return template.get(lang).format_map(_Words(finding, lang))


def _say(item: Any, lang: str) -> str:
    if isinstance(item, Text):
        return item.get(lang)
    if isinstance(item, float | int) and not isinstance(item, bool):
        return format_number(item)
    if isinstance(item, dt.date):
        return item.isoformat()
    return str(item)


class _Words(dict[str, str]):
    """A finding's parameters in `lang`, and the words worked out from the finding and its rule, each
    made only when a template names it."""

    def __init__(self, finding: Finding, lang: str, extra: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.finding, self.lang = finding, lang
        self.given = dict(finding.params)
        if extra:
            self.given.update(extra)

    def __missing__(self, key: str) -> str:
        f, lang = self.finding, self.lang
        if key in self.given:
            item = self.given[key]
            if key in ("have", "lacking"):
                word = (", " if lang == "en" else "、").join(SECTION_NAMES[s].get(lang) for s in item)
            elif key == "bodies":
                word = (", " if lang == "en" else "、").join(item)
            else:
                word = _say(item, lang)
        elif key == "level":
            body = str(self.given.get("body", ""))
            word = LEVEL_NAMES.get(body, Text(body, body)).get(lang)
        elif key == "name":
            word = _rule_name(f, lang)
        elif key == "expected":
            word = expected(f, lang)
        elif key == "actual":
            word = actual(f, lang)
        elif key == "value":
            word = value(f, lang)
        elif key == "gap":
            word = gap(f, lang)
        elif key == "amount":
            word = amount(f.gap or 0.0, unit(f), lang)
        elif key == "late":
            word = format_number(f.gap or 0.0)
        elif key == "date":
            word = f.date.isoformat() if f.date else ""
        elif key in ("bound", "bound_word"):
            b = f.quantity.bound if f.quantity is not None else Bound.APPROX
            word = b.value if key == "bound" else {Bound.LOWER: "下限", Bound.UPPER: "上限"}.get(b, "约数")
        elif key in ("derive", "limit", "longest", "unit", "direction"):
            word = _from_rule(f, key, lang)
        elif key == "previous":
            word = f.previous
        elif key == "change":
            word = f.change
        else:
            raise KeyError(f"message {f.message!r} has no parameter {key!r}")
        self[key] = word
        return word


def _from_rule(finding: Finding, key: str, lang: str) -> str:
    rule = finding.subject
    assert isinstance(rule, Rule), f"{finding.message} needs a rule"
    req = rule.requirement
    if key == "derive":
        return rule.derive
    if key == "unit":
        return rule.unit
    if key == "direction":
        assert rule.trend is not None
        return DIRECTION_NAMES[rule.trend.direction].get(lang)
    assert req.target is not None
    return format_number(req.target if key == "limit" else req.target + (req.extension or 0.0))
