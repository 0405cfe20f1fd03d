"""The words of a check's findings: a message id's sentence (MESSAGES), and the targets, stated values
and gaps that are not the usual ones. Data only; hulifa.messages.render puts a finding into them."""

from __future__ import annotations

from hulifa.messages.vocabulary import EXACT_NEEDED, NOT_STATED
from hulifa.model import Text

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
        "the report gives only {value} ({quoted}), which cannot settle {expected}; an exact figure is needed",
    ),
    "unverifiable.mean": Text(
        "报告只写平均值「{value}」:平均达到 {expected} 不能说明每一项都达到;需写明每一项均达到",
        "the report gives only an average, {quoted}, and an average cannot show that every item meets "
        "{expected}; it must say that each one does",
    ),
    "unverifiable.derived": Text(
        "由约数推算只得到「{figure}」,无法判断是否达到 {expected};需要确切数值",
        "the bounds only give {figure} (derived from {derive}), which cannot settle {expected}; "
        "an exact figure is needed",
    ),
    "within_extension": Text(
        "超过一般期限 {limit} {unit},但在法定延长期限({longest} {unit})之内:延长合法的前提是{needs};报告须写明已经批准",
        "over the normal limit of {limit_count} but within the statutory extension ({longest_count}): "
        "lawful if approved; the report must state that it was approved",
    ),
    "shared": Text(
        "「{value}」是与{bodies}共用的合计数,不能单独说明政府自身的{name}",
        "a count shared with {bodies}; it cannot settle the government's own figure",
    ),
    "problem": Text("{problem}", "{problem}"),  # the reader's own words on why a value cannot be read
    "invalid.flag": Text(
        "{name}应填 是/否 (true/false),而不是{quoted}", "{name} takes yes or no (true/false), not {quoted}"
    ),
    "invalid.figure": Text("{name}应为数值,而不是「{value}」", "{name} must be a figure, not {quoted}"),
    "invalid.date": Text("{name}应填日期,如 2025-01-20", "{name} takes a date such as 2025-01-20"),
    "unit.rate": Text("单位「{given}」不符:{name}是百分比", "unit {given_quoted} does not fit: this is a rate (%)"),
    "unit.over_100": Text("比率 {rate}% 超过 100%", "rate {rate}% is above 100%"),
    "unit.other": Text(
        "单位「{given}」与要求的「{allowed}」不符", "unit {given_quoted} does not fit the required {allowed}"
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
    "date.missing": Text(
        "未给出{field_name}({field});须在 {due} 之前", "no '{field}' date given; it is due before {due}"
    ),
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
        "{key_quoted} is the same indicator as {first_quoted} on line {line}",
    ),
    "unknown": Text("规则包中没有指标「{key}」,未检查", "the rule pack has no indicator {key_quoted}; not checked"),
    "unknown.close": Text(
        "规则包中没有指标「{key}」,未检查;是否想写「{close}」?",
        "the rule pack has no indicator {key_quoted}; not checked; did you mean {close_quoted}?",
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
        "the report states {value} ({quoted}), but {derive} gives {derived} (tolerance ±{tolerance}); check the source "
        "figures: hulifa never corrects a value",
    ),
    "trend.pass": Text("上年 {previous},本年 {value}:符合「{direction}」", "{previous} → {value}: {direction}"),
    "trend.shortfall": Text(
        "{name}上年 {previous},本年 {value}({change}),而要求{direction}",
        "{name} went from {previous} to {value} ({change}); it {direction}",
    ),
    "trend.unverifiable": Text(
        "上年 {previous}、本年 {value} 含约数,无法判断是否符合「{direction}」;需要确切数值",
        "{previous} → {value} involves bounds, so “{direction}” cannot be settled; exact figures are needed",
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
        "last year's report ({then}) committed to {commitment_quoted}; this report gives no progress on it under "
        "commitments_progress (key {key})",
    ),
    "deviation.unknown_rule": Text(
        "偏差条目指向不存在的规则「{name}」,未使用",
        "the deviation names rule {name_quoted}, which does not exist; not used",
    ),
    "deviation.expired": Text(
        "「{name}」的偏差已于 {expires} 到期,不再接受;请续批或整改",
        "the deviation for '{name}' expired on {expires} and no longer accepts anything; renew it or fix the finding",
    ),
    "deviation.unused": Text(
        "「{name}」没有需要接受的问题,此偏差条目未使用;请删除",
        "'{name}' has no finding to accept; the deviation is unused: remove it",
    ),
    # free text in both languages: for test fixtures of the reporters only; hulifa itself says nothing
    # through it (tests/hostile/test_input_messages.py holds that every message in src/ has an id)
    "text": Text("{text}", "{text}"),
}
DERIVED = Text("{value}(由 {derive} 算得)", "{value} (derived from {derive})")  # a figure no one stated
ACCEPTED = Text(
    "{message}(已接受偏差:{reason};批准:{approved_by};有效期至 {expires})",
    "{message} (accepted deviation: {reason_quoted}; approved by {approved_by_quoted}; until {expires})",
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
    "deviation.unknown_rule": Text("有效期至 {expires}", "expires {expires}"),
    "deviation.expired": Text("有效期至 {expires}", "expires {expires}"),
    "deviation.unused": Text("有效期至 {expires}", "expires {expires}"),
}
# Gaps in words. A numeric gap (Finding.gap) is worded by _amount; other ids have no gap.
GAPS: dict[str, Text] = {
    "unverifiable.bound": EXACT_NEEDED,
    "unverifiable.mean": Text("平均值,需每项达标", "an average; each item must meet it"),
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
    "late": Text("晚 {late} 天", "{late_days} late"),
    "trend.shortfall": Text("{change}", "{change}"),
    "trend.unverifiable": Text("需确切数值", "exact figures needed"),
    "commitment.missing": Text("未报告进展", "no progress reported"),
}
# A numeric gap: (short, over) x (exact, a bound).
AMOUNTS = {
    (False, True): Text("差 {amount}", "short by {amount}"),
    (True, True): Text("超出 {amount}", "over by {amount}"),
    (False, False): Text("至少差 {amount}", "short by at least {amount}"),
    (True, False): Text("至少超出 {amount}", "over by at least {amount}"),
}
# A bound that excludes the target itself (不足60 against ≥60, 超过5日 against ≤5): missed, by an unknown amount.
BEYOND_SHORT = Text("低于目标", "below the target")
BEYOND_OVER = Text("超出目标", "beyond the target")
# The checks of a rule that are not the rule itself, by the suffix of their id.
CHECK_NAMES = {
    "trend": Text("{name}(年度趋势)", "{name} (year over year)"),
    "derived": Text("{name}(与分项核对)", "{name} (against its counts)"),
}
