"""Every quantitative figure in a report's text, with what is *not* a figure filtered out.

The grammar of a figure is `hulifa.quantity.QUANTITY_PATTERN` (shared with report data). This module
decides which of its matches in running text are real figures: it drops years, dates, document
numbers, ordinals, list markers, numbers inside 《》 titles and quoted slogans, codes such as "2+2+N",
hotline numbers, ranks and sample sizes, and Chinese numerals that are part of words and set phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hulifa.extract.document import HARD_CLAUSE_END, Doc
from hulifa.model import Bound
from hulifa.quantity import QUANTITY_PATTERN, QuantityError, from_match, is_number_match, parse_chinese_number


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure as written. Offsets are 0-based into the decoded text, `end` exclusive."""

    text: str
    value: float
    unit: str
    bound: Bound
    line: int  # 1-based
    column: int  # 1-based
    start: int
    end: int
    change: bool = False  # 比上年增加842件, 减少检查次数88次: a change, not a level
    prior: bool = False  # 由15个增加到30个: the earlier level (15个), not this year's
    plan: bool = False  # in the next-year part: a target, not an achievement
    ambiguous: bool = False  # one count for several bodies (区委常委会、区政府常务会…12次)
    sentence: str = ""  # the sentence it came from (evidence)


# Measure words that carry their noun: the figure keeps the measure word only.
COMPOUND_UNITS = {"个项目": "个", "个单位": "个", "个部门": "个", "家单位": "家"}

_CN_DIGIT = set("零〇一二两三四五六七八九")
_CN_ALL = _CN_DIGIT | set("十百千万亿")
_CONTEXT_WORDS = re.compile(r"^(?:共计|共|累计|合计|总计|全年|新增|达到|达|先后|计)")

# Fixed expressions whose Chinese numeral is part of a name, not a count.
SET_PHRASES = (
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "四个全面",
    "五位一体",
    "三项制度",
    "一件事",
    "一次性",
    "两个毫不动摇",
    "三个代表",
    "一站式",
    "一网通办",
    "一网统管",
    "一网协同",
    "一窗受理",
    "一批",
    "一系列",
    "一体化",
    "一把手",
    "一起",
    "一条龙",
    "一张网",
    "一张图",
    "一支队伍",
    "一成不变",
    "一号",
    "一类",
    "两个责任",
    "两个健康",
    "三重一大",
    "一岗双责",
    "一案双查",
    "一事一议",
    "一户一档",
    "一企一策",
    "一人一档",
    "一门式",
    "一次办",
    "一趟",
    "一码",
    "一张清单",
    "一张表",
    "一套",
    "一份",
    "一项项",
    "一件件",
    "一次次",
    "一个个",
    "一名名",
    "一部分",
    "一些",
    "两张清单",
    "三张清单",
    "一单",
    "一处",
    "个别",
    "八五普法",
    "七五普法",
    "六五普法",
    "九五普法",
    "两法衔接",
    "五个方面",
    "四个方面",
)
_SET_RE = re.compile("|".join(re.escape(p) for p in sorted(SET_PHRASES, key=len, reverse=True)))

_UNIT_NAME_AFTER = re.compile(r"(?:行动|计划|规划|攻坚|专项|来|之久)")
_CHENG_NOT = set("员立为果效功熟本绩长就交都品型效")
_RANK_AFTER = re.compile(r"第[\d一二三四五六七八九十]+[名位]|排名|排第|名列|位列|位居|居全|前列")
_ONE_OK_PRE = re.compile(r"(?:共计|共|累计|合计|仅|只|各|达|达到|计|了)$")
_ONE_OK_UNITS = ("次", "场", "期", "轮", "批次", "场次", "人次", "名", "人")
_ONE_WORD_PRE = set("统唯之同单专逐万合划如始终不进某任每新首这上下本")  # 新一轮, 上一轮: not a count
# 二十届三次、四次全会: the numbers of plenary sessions, not counts of anything done
_SESSION_AFTER = re.compile(r"(?:、[零〇一二三四五六七八九十\d]+次)*(?:全会|全体会议|全委会)")
_CHANGE_BEFORE = re.compile(
    r"(?:增加|减少|增长|下降|提高|提升|降低|缩短|压缩|压减|同比|环比|比上年|较上年|比去年|较去年|上升|增幅|降幅"
    r")(?!到|至|为)"
)
_CHANGE_AFTER = re.compile(
    r"(?:升级为|增加到|增加至|增至|提高到|提高至|提升到|提升至|降至|减少到|减少至|下降到|下降至|扩大到|扩大至|变为)"
)
_AMBIG_BODY = re.compile(r"(?:会|委|政府|院|局|组|部门|办公室|中心)$")
_AMBIG_VERB = re.compile(r"研究|召开|审议|听取|部署|讨论|专题")
_DISTRIBUTIVE = re.compile(r"(?:均|各|分别|都|皆)(?:为|是|达|达到|在)?$")


def _number_start(m: re.Match[str]) -> int:
    for name in ("num", "frac_a", "cfr_den"):
        if m.group(name) is not None:
            return m.start(name)
    return m.start("pct_cn") - 3  # 百分之


def _cn_numeral_ok(num: str) -> bool:
    """A Chinese numeral needs a digit character (十二 counts as well: 十 then a digit, or 十 alone)."""
    return any(c in _CN_DIGIT for c in num) or num in ("十",) or (num[0] == "十" and len(num) > 1)


def is_figure_match(doc: Doc, m: re.Match[str]) -> tuple[bool, int]:
    """Decide whether a QUANTITY_PATTERN match is a real figure; return (ok, start of its text)."""
    f = doc.folded
    g = m.groupdict()
    num = g["num"]
    pct_cn = g["pct_cn"]
    frac = g["frac_a"] is not None or g["cfr_den"] is not None
    unit = g["unit"] or ""
    pre = g["pre"] or ""
    context = _CONTEXT_WORDS.match(pre)
    lead = m.start() + (context.end() if context else 0)
    end = m.end()
    if "\n" in f[lead:end]:
        return False, lead
    numstart = _number_start(m)
    prev = f[lead - 1] if lead > 0 else ""
    prev2 = f[max(0, lead - 2) : lead]
    nxt = f[end] if end < len(f) else ""
    numtext = num or pct_cn or g["cfr_den"] or ""
    chinese = bool(numtext) and numtext[0] in _CN_ALL
    arabic = bool(num) and num[0].isdigit()

    # what kind of figure: a unit, a percentage, 成, a fraction, or 万/亿 on digits
    if not (unit or g["pct"] or g["cheng"] or pct_cn is not None or frac or (arabic and g["mult"])):
        return False, lead
    if g["cheng"] and (nxt in _CHENG_NOT or (chinese and numtext not in "一二三四五六七八九十")):
        return False, lead
    if doc.line_of(lead) in doc.boiler_lines:
        return False, lead
    if doc.in_protected(lead, end):
        return False, lead
    # ordinals, codes, ranges of codes, ranks
    if prev == "第" or f[max(0, numstart - 1) : numstart] == "第":
        return False, lead
    # a range such as 2-3次 or 5~7个工作日 is two figures (see find_figures), not a code
    in_range = prev in "-—~～" and bool(unit) and unit != "年" and _RANGE_BEFORE.search(f, max(0, lead - 12), lead)
    if (
        prev
        and not in_range
        and (
            (prev in "+×*xX#№/.-—~" and prev2[:1].isdigit()) or prev in "+×*#№/" or (prev.isascii() and prev.isalnum())
        )
    ):
        return False, lead
    if nxt and nxt in "+×*":
        return False, lead
    if num is not None:  # 5G, 2+2+N, ISO9001: a code, not a count
        after_num = f[m.end("num") : m.end("num") + 1]
        if after_num and (after_num in "+×*" or (after_num.isascii() and after_num.isalpha())):
            return False, lead
    if frac and (nxt == "/" or prev == "/"):
        return False, lead
    if prev == "前" and prev2 != "提前":
        return False, lead
    # Chinese numerals: only real numerals, only before a measure word, never inside words
    if chinese and pct_cn is None:
        if not _cn_numeral_ok(numtext):
            return False, lead
        if prev and prev in "数几若多好" and not pre:
            return False, lead
        if _SET_RE.search(f, max(0, numstart - 2), min(len(f), end + 4)):
            for sm in _SET_RE.finditer(f, max(0, numstart - 2), min(len(f), end + 4)):
                if sm.start() <= numstart < sm.end():
                    return False, lead
        if numtext == "一" and pct_cn is None:
            if prev in _ONE_WORD_PRE:
                return False, lead
            if not (_ONE_OK_PRE.search(f, max(0, numstart - 2), numstart) or pre) and not (
                unit in _ONE_OK_UNITS and nxt not in "性化体"
            ):
                return False, lead
            if nxt in "性化体":
                return False, lead
    # years, dates, durations that are names
    try:
        value = float(num.replace(",", "")) if arabic else None
    except ValueError:
        value = None
    if unit == "年":
        if arabic and (value is None or value >= 1000 or len(num) >= 4):
            return False, lead
        if _UNIT_NAME_AFTER.match(f, end):
            return False, lead
    if unit == "月":
        return False, lead  # 9月, 3月底: dates; durations are written 个月
    if unit in ("日", "号") and (prev == "月" or f[max(0, numstart - 1) : numstart] == "月"):
        return False, lead
    if unit == "日" and re.match(r"[前起至后]", nxt or " ") and prev in "月年":
        return False, lead
    if unit == "周" and nxt == "年":
        return False, lead
    if unit == "次" and (nxt == "性" or prev == "届" or _SESSION_AFTER.match(f, end)):
        return False, lead
    if unit in ("年", "天", "日", "小时") and prev in ("×", "x", "X", "*"):
        return False, lead
    # 100个城市…第八名: a sample size next to a rank
    if unit in ("个", "名", "家", "位"):
        clause_end = doc.clause_end(end, hard=True)
        if _RANK_AFTER.search(f, end, min(clause_end, end + 30)):
            return False, lead
    return True, lead


def _is_change(doc: Doc, lead: int, end: int) -> bool:
    f = doc.folded
    start = max(doc.clause_start(lead, hard=True), lead - 12)
    if _TO_LEVEL.search(f, start, lead):
        return False  # 增加到30个: this year's level
    return bool(_CHANGE_BEFORE.search(f, start, lead))


_TO_LEVEL = re.compile(
    r"(?:升级为|增加到|增加至|增至|提高到|提高至|提升到|提升至|降至|减少到|减少至|下降到|下降至|扩大到|扩大至|变为)$"
)
_FAR_LOWER = re.compile(r"(?:至少|最少|不少于|不低于)[\u4e00-\u9fff]{0,2}$")
_FAR_APPROX = re.compile(r"(?:约|大约|大概)[占有达为计]$")
_SPACED_THOUSANDS = re.compile(r"(\d{1,3}(?: \d{3})*) $")


def _bound_fix(doc: Doc, m: re.Match[str], lead: int, bound: Bound) -> Bound:
    pre = m.group("pre") or ""
    if pre.endswith(("不少于", "不低于")) and bound is Bound.UPPER:
        return Bound.LOWER  # 不少于 holds 少于: it is a floor, not a ceiling
    if bound is Bound.EXACT:
        window = doc.folded[max(doc.clause_start(lead), lead - 6) : lead]
        if _FAR_LOWER.search(window):
            return Bound.LOWER  # 每年至少组织两次
        if _FAR_APPROX.search(window):
            return Bound.APPROX  # 约占三成
    return bound


def _is_ambiguous(doc: Doc, lead: int, since: int) -> bool:
    """区委常委会、区政府常务会研究相关工作12次: a count that several bodies share."""
    f = doc.folded
    start = max(doc.clause_start(lead, hard=True), since)
    segment = f[start:lead]
    parts = re.split(r"、|和|及|与|以及", segment)
    if len(parts) < 2:
        return False
    bodies = [p for p in parts[:-1] if _AMBIG_BODY.search(p)]
    return (
        bool(bodies)
        and bool(_AMBIG_VERB.search(parts[-1]))
        and _AMBIG_BODY.search(re.split(_AMBIG_VERB, parts[-1])[0]) is not None
    )


def find_figures(doc: Doc) -> list[Figure]:
    """All figures in the document, in text order."""
    figures: list[Figure] = []
    f = doc.folded
    last_end = 0
    for m in QUANTITY_PATTERN.finditer(f):
        if not is_number_match(m):
            continue
        ok, lead = is_figure_match(doc, m)
        if not ok:
            continue
        match = m
        num = m.group("num")
        if num and num[0].isdigit() and len(num.split(".")[0]) == 3:
            spaced = _SPACED_THOUSANDS.search(f, max(0, lead - 16), lead)
            if spaced:  # 5 000元, 1 130条: a space as thousands separator
                joined = (spaced.group(1) + " " + f[lead : m.end()]).replace(" ", "")
                whole = QUANTITY_PATTERN.fullmatch(joined)
                if whole is not None:
                    match, lead = whole, spaced.start()
        try:
            quantity = from_match(match)
        except (QuantityError, ValueError, KeyError, OverflowError):
            continue
        if quantity.value < 0 or quantity.value != quantity.value or quantity.value == float("inf"):
            continue
        end = m.end()
        unit = quantity.unit
        if unit == "年":  # 近三年, 连续5年: a span of time, not a figure a report states
            continue
        base = COMPOUND_UNITS.get(unit)
        if base is not None and not m.group("post"):
            end -= len(unit) - len(base)  # 3个项目: the figure is 3个, 项目 is its noun
            unit = base
        bound = _bound_fix(doc, m, lead, quantity.bound)
        pre = m.group("pre") or ""
        if bound is Bound.APPROX and pre.endswith("近") and quantity.unit in ("年", "个月", "天", "日"):
            bound = Bound.EXACT  # 近3年: the last three years, not "about three"
        change = _is_change(doc, lead, end)
        prior = bool(_CHANGE_AFTER.match(f, end))
        if _ordinal_range(doc, lead):
            continue  # 第2至3批: the upper end of a range of ordinals
        ambiguous = _is_ambiguous(doc, lead, last_end)
        flags = {"change": change and not prior, "ambiguous": ambiguous}
        low = _range_start(doc, m, lead, unit, bound)
        if low is not None:  # 2至3次: the lower end is a figure of its own, and 3次 an upper bound
            figures.append(_figure(doc, low[0], low[1], low[2], unit, Bound.LOWER, prior=False, **flags))
            bound = Bound.UPPER
        figures.append(_figure(doc, lead, end, quantity.value, unit, bound, prior=prior, **flags))
        last_end = end
    return figures


def _figure(
    doc: Doc, start: int, end: int, value: float, unit: str, bound: Bound, *, change: bool, prior: bool, ambiguous: bool
) -> Figure:
    line = doc.line_of(start)
    return Figure(
        text=doc.text[start:end],
        value=value,
        unit=unit,
        bound=bound,
        line=line,
        column=start - doc.line_starts[line - 1] + 1,
        start=start,
        end=end,
        change=change,
        prior=prior,
        ambiguous=ambiguous,
        sentence=doc.sentence(start),
    )


_RANGE_BEFORE = re.compile(r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)\s*(?:至|到|~|～|-|—)\s*$")


def _range_start(doc: Doc, m: re.Match[str], lead: int, unit: str, bound: Bound) -> tuple[int, int, float] | None:
    """(start, end, value) of the bare lower end of a range written before this figure, if any."""
    if not unit or bound is not Bound.EXACT or (m.group("pre") or "") or unit == "%":
        return None
    found = _RANGE_BEFORE.search(doc.folded, max(0, lead - 12), lead)
    if found is None:
        return None
    text = found.group(1)
    try:
        value = float(text) if text[0].isdigit() else parse_chinese_number(text)
    except (QuantityError, ValueError, KeyError):
        return None
    if _ordinal_range(doc, lead):
        return None
    return found.start(1), found.end(1), value


def _ordinal_range(doc: Doc, lead: int) -> bool:
    found = _RANGE_BEFORE.search(doc.folded, max(0, lead - 12), lead)
    return found is not None and doc.folded[max(0, found.start(1) - 1) : found.start(1)] == "第"


__all__ = ["HARD_CLAUSE_END", "Figure", "find_figures", "is_figure_match"]
