"""The comments and notes of `hulifa extract`'s draft (hulifa.extract.output), in --lang (draft.*). Part of
REASONS (hulifa.messages.catalogue)."""

from __future__ import annotations

from hulifa.model import Text

CATALOGUE: dict[str, Text] = {
    # the comments and notes of `hulifa extract`'s draft (hulifa.extract.output), in --lang
    "draft.region_missing": Text("正文中未找到报告主体,请填写", "the reporting body is not in the text: fill it in"),
    "draft.level_missing": Text("{why};请填写其一:{levels}", "{why}; fill in one of: {levels}"),
    "draft.level_not_given": Text("未给出层级", "the level is not given"),
    "draft.level_from_name": Text("由名称推断:{why}", "from the name: {why}"),
    "draft.level_guess": Text("推断,请核对", "a guess: confirm it"),
    "draft.level_guessed": Text("核对层级后删除此行", "delete this line once the level is confirmed"),
    "draft.year_missing": Text(
        "标题和首句中未找到报告年度,请填写", "the year is not in the title or first sentence: fill it in"
    ),
    "draft.ambiguous": Text(
        "一数多主体:一个数字由几个主体共用,请核对属于哪一个",
        "ambiguous: one count shared by several bodies; check which applies",
    ),
    "draft.implicit": Text("隐含全覆盖:{text},未写数字", "implicit full coverage: {text}, no number written"),
    "draft.change": Text(
        "该数字可能是变化量(比上年、增加、减少),不是总量",
        "the figure may be a change (from last year, more, fewer), not a level",
    ),
    "draft.title": Text(
        "由 `hulifa extract` 从 {source} 提取的报告数据。",
        "Report data extracted by `hulifa extract` from {source}.",
    ),
    "draft.check_each": Text(
        "每个数值都附有出处句子:使用前请逐一对照报告核对。",
        "Every value carries the sentence it came from: check each against the report before use.",
    ),
    "draft.no_section": Text("未识别出任何法定部分", "no statutory part was recognised"),
    "draft.not_found": Text("未找到:{parts}", "not found: {parts}"),
    "draft.no_indicator": Text("未识别出规则包中的任何指标", "no rule-pack indicator was recognised"),
    "draft.unmapped": Text(
        "未归入任何指标的数字(一并保留,以免遗漏):",
        "Figures no indicator took (kept so that nothing found is lost):",
    ),
    # the draft's short words, in a comment beside a key or a figure: English when no language is asked
    "draft.line": Text("第{line}行", "line {line}"),
    "draft.page_line": Text("第{page}页第{line}行", "p{page}:{line}"),
    "draft.found_by": Text("{place},据{how}", "{place}, by {how}"),
    "draft.by.heading": Text("标题", "heading"),
    "draft.by.sentence": Text("句子", "sentence"),
    "draft.by.paragraph": Text("段落", "paragraph"),
    "draft.implicit_value": Text("隐含全覆盖", "implicit full coverage"),
    "draft.bound.exact": Text("确数", "exact"),
    "draft.bound.lower": Text("下限", "lower"),
    "draft.bound.upper": Text("上限", "upper"),
    "draft.bound.approx": Text("约数", "approx"),
    "draft.flag.change": Text("变化量", "change"),
    "draft.flag.prior": Text("上年", "prior"),
    "draft.flag.plan": Text("计划", "plan"),
    "draft.flag.ambiguous": Text("多主体", "ambiguous"),
}
