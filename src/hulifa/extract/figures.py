"""Every quantitative figure in a report's text, with what is *not* a figure filtered out.

The grammar of a figure is `hulifa.quantity.QUANTITY_PATTERN` (shared with report data). This module
decides which of its matches in running text are real figures: it drops years, dates, document
numbers, ordinals, list markers, numbers inside 《》 titles and quoted slogans, codes such as "2+2+N",
hotline numbers, ranks and sample sizes, and Chinese numerals that are part of words and set phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hulifa.extract.document import HARD_CLAUSE_END, Doc
from hulifa.extract.tables import (
    change_columns,
    header_units,
    label_unit,
    stated_unit,
    unit_cell,
    unit_line,
    wrapped_label,
)
from hulifa.model import Bound, Quantity
from hulifa.quantity import (
    QUANTITY_PATTERN,
    QuantityError,
    from_match,
    is_number_match,
)


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
    strict: bool = False  # the bound excludes the number: 不足60学时 is under 60 (Quantity.strict)
    mean: bool = False  # an average over items: 平均审核时间7个工作日, 人均培训64学时 (Quantity.mean)


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
# a body that meets or decides: 区委常委会, 县政府常务会议, 区政府党组会议, 县人民法院
_AMBIG_BODY = re.compile(r"(?:会|会议|委|政府|院|局|组|部门|办公室|中心)$")
_AMBIG_TOTAL = re.compile(r"(?:共计|共|累计|合计|先后)$")  # 常务会议共听取: 共 adds the bodies up
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


@dataclass(frozen=True, slots=True)
class Candidate:
    """A QUANTITY_PATTERN match and the characters around it that the rules below read."""

    doc: Doc
    m: re.Match[str]
    num: str | None
    pct_cn: str | None
    frac: bool
    unit: str
    pre: str
    lead: int  # where the figure's text starts (after 共计/累计… context words)
    end: int
    numstart: int
    prev: str  # the character before the figure
    prev2: str  # the two characters before it
    nxt: str  # the character after it
    numtext: str
    chinese: bool
    arabic: bool

    @classmethod
    def of(cls, doc: Doc, m: re.Match[str]) -> Candidate:
        f = doc.folded
        g = m.groupdict()
        num, pct_cn = g["num"], g["pct_cn"]
        context = _CONTEXT_WORDS.match(g["pre"] or "")
        lead = m.start() + (context.end() if context else 0)
        end = m.end()
        numtext = num or pct_cn or g["cfr_den"] or ""
        return cls(
            doc=doc,
            m=m,
            num=num,
            pct_cn=pct_cn,
            frac=g["frac_a"] is not None or g["cfr_den"] is not None,
            unit=g["unit"] or "",
            pre=g["pre"] or "",
            lead=lead,
            end=end,
            numstart=_number_start(m),
            prev=f[lead - 1] if lead > 0 else "",
            prev2=f[max(0, lead - 2) : lead],
            nxt=f[end] if end < len(f) else "",
            numtext=numtext,
            chinese=bool(numtext) and numtext[0] in _CN_ALL,
            arabic=bool(num) and num[0].isdigit(),
        )

    @property
    def value(self) -> float | None:
        try:
            return float(self.num.replace(",", "")) if self.arabic and self.num else None
        except ValueError:
            return None


# Each rule below says why a match is NOT a figure; a match no rule rejects is one. The traps are
# those of domain.md (on extraction hardness): years, dates, document numbers, ordinals and codes are
# written with the same digits as figures, and Chinese numerals are also parts of words. Each rule has
# its own test table, accepted and rejected rows (tests/extract/test_not_a_figure_rules.py); the whole
# parser has FIGURES and NOT_FIGURES (tests/extract/test_figures.py).


def across_a_line_break(c: Candidate) -> bool:
    """A match that runs over a line end joins a heading's number to the next line's words."""
    return "\n" in c.doc.folded[c.lead : c.end]


def no_kind(c: Candidate) -> bool:
    """A figure has a unit, a percentage, 成, a fraction, or 万/亿 on digits: 编号12345 has none."""
    g = c.m.group
    return not (c.unit or g("pct") or g("cheng") or c.pct_cn is not None or c.frac or (c.arabic and g("mult")))


def cheng_in_a_word(c: Candidate) -> bool:
    """成员, 成立, 成效: 成 is part of a word, not 'tenths' (8成 and 三成 are tenths)."""
    return bool(c.m.group("cheng")) and (
        c.nxt in _CHENG_NOT or (c.chinese and c.numtext not in "一二两三四五六七八九十")
    )


def page_furniture(c: Candidate) -> bool:
    """A page header, footer or watermark line repeated through the document (第3页 共20页)."""
    return c.doc.line_of(c.lead) in c.doc.boiler_lines


def in_title_or_quote(c: Candidate) -> bool:
    """《…(2021—2025年)》, “一网通办”, 厅字〔2019〕28号: a name or a document number, not a figure. A long quoted
    passage (本局2023年度报告中提出的“省局执法人员人均培训不足五十学时”问题) quotes a statement, whose figure is one."""
    return c.doc.in_protected(c.lead, c.end) and not _quoted_statement(c)


_QUOTE_MARKS = '“"「『‘'
_STATEMENT_LENGTH = 12  # slogans and names run shorter: “高效办成一件事”, “双随机、一公开”, “一总十三分”


def _quoted_statement(c: Candidate) -> bool:
    """A quoted run of 12 characters or more without a list mark in it (a slogan lists its parts:
    “首问负责、一次告知、限时办结”)."""
    f = c.doc.folded
    opening = max(f.rfind(q, max(0, c.lead - 40), c.lead) for q in _QUOTE_MARKS)
    if opening == -1 or f.rfind("《", opening, c.lead) != -1:
        return False
    closing = _CLOSING_QUOTE.search(f, c.end, min(len(f), c.end + 40))
    if closing is None or "、" in f[opening : closing.start()]:
        return False
    return closing.start() - opening - 1 >= _STATEMENT_LENGTH


_CLOSING_QUOTE = re.compile(r"[”\"」』’]")


def ordinal(c: Candidate) -> bool:
    """第3次, 第八名: which one, not how many."""
    f = c.doc.folded
    return c.prev == "第" or f[max(0, c.numstart - 1) : c.numstart] == "第"


def code_before(c: Candidate) -> bool:
    """2+2+N's second 2, ISO9001, #3: digits glued to a code before them (a range, 2-3次, is
    part_of_a_range's)."""
    prev, prev2 = c.prev, c.prev2
    if not prev:
        return False
    return (prev in "+×*xX#№/.-—~" and prev2[:1].isdigit()) or prev in "+×*#№/" or (prev.isascii() and prev.isalnum())


def code_after(c: Candidate) -> bool:
    """2+2+N's first 2, 1+3+N, 5G: a number followed by an operator or a Latin letter is a code."""
    if c.nxt and c.nxt in "+×*":
        return True
    if c.num is None:
        return False
    after_num = c.doc.folded[c.m.end("num") : c.m.end("num") + 1]
    return bool(after_num) and (after_num in "+×*" or (after_num.isascii() and after_num.isalpha()))


def fraction_in_a_code(c: Candidate) -> bool:
    """1/3/5: a fraction with another slash beside it is a code, not a share."""
    return c.frac and (c.nxt == "/" or c.prev == "/")


# 听证会召开前10日, 会议举行前3天: a lead time before an event, which is a figure as 提前3天 is
_EVENT_BEFORE = re.compile(r"(?:召开|举行|开会|会议|听证会)前$")


def before_a_time(c: Candidate) -> bool:
    """前3名, 前两年: a rank or a span (but 提前3天 and 召开前10日 are figures)."""
    if c.prev != "前" or c.prev2 == "提前":
        return False
    return not (_EVENT_BEFORE.search(c.doc.folded, max(0, c.lead - 4), c.lead) and c.unit in _LEAD_UNITS)


_LEAD_UNITS = ("日", "天", "工作日", "个工作日", "小时")


def _bare_chinese(c: Candidate) -> bool:
    return c.chinese and c.pct_cn is None  # 百分之九十 is always a real numeral


# 近千人次, 逾千人, 约百家, 近万人次: a qualifier makes a bare 百, 千 or 万 a round amount
_ROUND_AMOUNT = re.compile(r"(?:近|将近|接近|约|逾|超过|上)$")


def not_a_chinese_numeral(c: Candidate) -> bool:
    """百件, 千家: Chinese numeral characters without a digit (十 alone or 十二 is one); but 近千人次,
    逾千人 and 近万人次 are round amounts, with a unit."""
    if not _bare_chinese(c) or _cn_numeral_ok(c.numtext):
        return False
    round_amount = c.numtext in ("百", "千", "万") and bool(c.unit) and bool(_ROUND_AMOUNT.search(c.pre))
    return not round_amount


def vague_amount(c: Candidate) -> bool:
    """数十家, 几十次, 若干, 好几个: an amount the report does not state (共数十家 is not vague either)."""
    return _bare_chinese(c) and bool(c.prev) and c.prev in "数几若多好" and not c.pre


def set_phrase(c: Candidate) -> bool:
    """四个意识, 三项制度, 八五普法, 一站式: a fixed expression whose numeral is part of its name."""
    if not _bare_chinese(c):
        return False
    f = c.doc.folded
    for sm in _SET_RE.finditer(f, max(0, c.numstart - 2), min(len(f), c.end + 4)):
        if sm.start() <= c.numstart < sm.end():
            return True
    return False


def one_in_a_word(c: Candidate) -> bool:
    """一 as an article, not a count: 新一轮, 统一, 一体化, 一个方面. It counts after 共/累计/仅/各/了
    (仅一次, 召开了一次) or before a unit of events or people (一次, 一场, 一名)."""
    if not _bare_chinese(c) or c.numtext != "一" or c.m.group("cheng"):
        return False  # 一成 is a tenth (一成不变 is a set phrase)
    if c.prev in _ONE_WORD_PRE or (c.nxt != "" and c.nxt in "性化体"):  # "" : the text ends here
        return True
    f = c.doc.folded
    return not (_ONE_OK_PRE.search(f, max(0, c.numstart - 2), c.numstart) or c.pre) and c.unit not in _ONE_OK_UNITS


def calendar_year(c: Candidate) -> bool:
    """2024年: a year written in four digits (or 1000 and more), not a span of years."""
    if c.unit != "年" or not c.arabic:
        return False
    value = c.value
    return value is None or value >= 1000 or len(c.num or "") >= 4


def years_in_a_name(c: Candidate) -> bool:
    """三年行动, 五年规划, 5年来: years that name a plan or a span, not a stated figure."""
    return c.unit == "年" and bool(_UNIT_NAME_AFTER.match(c.doc.folded, c.end))


def month_or_day(c: Candidate) -> bool:
    """9月, 3月底, 9月30日, 12月31日前: dates (durations are written 个月 and 天)."""
    unit, prev = c.unit, c.prev
    if unit == "月":
        return True
    if unit in ("日", "号") and (prev == "月" or c.doc.folded[max(0, c.numstart - 1) : c.numstart] == "月"):
        return True
    return unit == "日" and bool(re.match(r"[前起至后]", c.nxt or " ")) and prev in "月年"


def two_kinds(c: Candidate) -> bool:
    """蒙汉两种文字, 两种资源: 两种 names a pair of kinds (as 一种 is an article), not a count of work."""
    return c.unit == "种" and c.numtext in ("两", "二")


def not_a_score_or_age(c: Candidate) -> bool:
    """十分重要, 9点30分, 3分局: 分 as an adverb, a clock time or part of a word, not a score (得分94.5分 is one);
    60岁以上, 不满18岁: an age that names a group, not a figure (平均年龄49.2岁 is one)."""
    if c.unit == "分":
        return c.chinese or c.prev in "点时:" or (c.nxt != "" and c.nxt in "别局院队类厂支之管")
    if c.unit == "岁":
        return bool(c.m.group("post")) or c.pre.endswith(("满", "不满", "超过", "低于", "不足"))
    return False


def anniversary(c: Candidate) -> bool:
    """成立70周年: an anniversary, not a count of weeks."""
    return c.unit == "周" and c.nxt == "年"


def service_hours(c: Candidate) -> bool:
    """7×24小时, 365×24小时: hours of a service promise, not a figure."""
    return c.unit in ("年", "天", "日", "小时") and c.prev in ("×", "x", "X", "*")


# 209名一次通过, 一次办结, 一次办好: at the first attempt, how something went, not how often
_FIRST_TIME_AFTER = re.compile(r"(?:通过|办结|办好|办成|成功|到位|告知)")


def not_a_count_of_times(c: Candidate) -> bool:
    """一次性; 二十届三次、四次全会: session numbers, not counts; 一次通过: at the first attempt."""
    if c.unit != "次":
        return False
    first_time = c.numtext == "一" and not c.pre and bool(_FIRST_TIME_AFTER.match(c.doc.folded, c.end))
    return c.nxt == "性" or c.prev == "届" or bool(_SESSION_AFTER.match(c.doc.folded, c.end)) or first_time


# 位列全省14个设区市第三: a rank verb before the sample size, the place (第三, no 名) after it
_RANK_VERB_BEFORE = re.compile(r"(?:位列|名列|位居|排名|排在|居)[^,;:。，；：\d]{0,8}$")
_PLACE_AFTER = re.compile(r"[^,;:。，；：\d]{0,10}第[\d一二三四五六七八九十]+")


def sample_size_beside_a_rank(c: Candidate) -> bool:
    """100个城市…第八名, 位列全省14个设区市第三: the size of a ranking, not a count the report states."""
    if c.unit not in ("个", "名", "家", "位"):
        return False
    f = c.doc.folded
    clause_end = c.doc.clause_end(c.end, hard=True)
    if _RANK_AFTER.search(f, c.end, min(clause_end, c.end + 30)):
        return True
    clause_start = c.doc.clause_start(c.lead, hard=True)
    return bool(_RANK_VERB_BEFORE.search(f, max(clause_start, c.lead - 10), c.lead)) and bool(
        _PLACE_AFTER.match(f, c.end, clause_end)
    )


# 3至5个工作日, 5-7日, 一至两次, 3个至5个工作日, 3%-5%, 第2至3批: a range states no one figure, and the gold
# README lists neither end. The two ends and the link between them are one shape; 由3件到5件 and 从3个至5个, each
# end with its unit, are a change from one level to another instead (the from side is prior).
_RANGE_LINK = r"[^\S\n]*(?:至|到|~|～|-|—|－|−)[^\S\n]*"
_RANGE_NUMBER = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)[万亿]?"
_LINK_AT_END = re.compile(_RANGE_LINK + "$")
_LOW_AT_END = re.compile(rf"(?<![\d.,])(?:{_RANGE_NUMBER})$")
_HIGH_AHEAD = re.compile(rf"{_RANGE_LINK}(?:{_RANGE_NUMBER})")
_FROM = re.compile(r"(?:从|由)$")


def _kind(c: Candidate) -> str:
    """What a number is measured in as written after it: 万个, 个工作日, %, 成."""
    g = c.m.group
    return (g("mult") or "") + (g("pct") or g("cheng") or c.unit)


def _low_end_before(c: Candidate) -> bool:
    """Whether a range's lower end and its link stand right before this number: 3至 of 3至5个工作日, 3个至 of
    3个至5个工作日 (the lower end may repeat the unit, or its 个 of 个工作日)."""
    f = c.doc.folded
    window = f[max(0, c.numstart - 24) : c.numstart]
    link = _LINK_AT_END.search(window)
    if link is None:
        return False
    head = window[: link.start()]
    kind, own_unit = _kind(c), False
    for unit in (kind, kind.lstrip("万亿"), "个" if kind.startswith("个") else ""):
        if unit and head.endswith(unit):
            head, own_unit = head[: -len(unit)], True
            break
    low = _LOW_AT_END.search(head)
    if low is None or (own_unit and _FROM.search(head, 0, low.start())):
        return False  # 由3件到5件: from one level to another (由5至7个工作日压缩至…: a range)
    return not (low.group() == "一" and head[low.start() - 1 : low.start()] in _ONE_WORD_PRE)  # 统一到3个平台


_HIGH_IN_WORDS_AHEAD = re.compile(rf"{_RANGE_LINK}百分之[零〇一二两三四五六七八九十百]+")


def _high_end_after(c: Candidate) -> bool:
    """Whether a link and a range's upper end in the same measure follow this figure: 3个 of 3个至5个工作日,
    百分之九十 of 百分之九十至百分之九十五."""
    f = c.doc.folded
    if c.pct_cn is not None and not c.m.group("post"):
        return bool(_HIGH_IN_WORDS_AHEAD.match(f, c.end)) and not _FROM.search(f, max(0, c.lead - 1), c.lead)
    high = _HIGH_AHEAD.match(f, c.end)
    if high is None or c.m.group("post") or _FROM.search(f, max(0, c.lead - 1), c.lead):
        return False
    kind = _kind(c).lstrip("万亿")  # 1万至2万元, 一万元至两万元: the multiplier is read with the number
    return bool(kind) and f.startswith(kind, high.end())


def part_of_a_range(c: Candidate) -> bool:
    """3至5个工作日, 5-7日内, 一至两次, 3个至5个工作日: either end of a range (a range states no one figure)."""
    return _low_end_before(c) or _high_end_after(c)


# …完成情况表（共12项）.xlsx: an attachment's file name, up to its extension
_FILE_EXTENSION_AHEAD = re.compile(
    r"[^\s。，,；;:：]{0,16}\.(?:xlsx|xls|docx|doc|pdf|wps|et|ofd|zip|rar|txt)(?![A-Za-z])", re.I
)


def in_a_file_name(c: Candidate) -> bool:
    """附件 1.…主要指标完成情况表（共12项）.xlsx: a number in an attachment's file name, which names a file."""
    return bool(_FILE_EXTENSION_AHEAD.match(c.doc.folded, c.end))


# 澜港经开区2025年优化营商环境十条措施 (a related document's title, listed without 《》): a line with a year, no
# sentence marks, ending in a kind of document
_TITLE_LINE = re.compile(
    r"^[^。，,；;：:！!？?]{0,40}(?:19|20)\d{2}\s*年[^。，,；;：:！!？?]{0,40}(?:条措施|若干措施|通知|意见|办法|细则|方案|规定|要点)\s*$"
)


def in_a_document_title(c: Candidate) -> bool:
    """A number in a line that is another document's title (…2025年优化营商环境十条措施, …2024年度…工作要点): a
    related link or a list of documents, which names them; the report's own sentences end in 。 or go on."""
    f = c.doc.folded
    line = c.doc.line_of(c.lead)
    start = c.doc.line_starts[line - 1]
    end = f.find("\n", start)
    return bool(_TITLE_LINE.match(f[start : end if end != -1 else len(f)]))


NOT_A_FIGURE: tuple[Callable[[Candidate], bool], ...] = (
    across_a_line_break,
    no_kind,
    cheng_in_a_word,
    page_furniture,
    in_title_or_quote,
    ordinal,
    code_before,
    code_after,
    fraction_in_a_code,
    before_a_time,
    not_a_chinese_numeral,
    vague_amount,
    set_phrase,
    one_in_a_word,
    calendar_year,
    years_in_a_name,
    month_or_day,
    anniversary,
    not_a_score_or_age,
    two_kinds,
    service_hours,
    not_a_count_of_times,
    sample_size_beside_a_rank,
    part_of_a_range,
    in_a_file_name,
    in_a_document_title,
)


def is_figure_match(doc: Doc, m: re.Match[str]) -> tuple[bool, int]:
    """Decide whether a QUANTITY_PATTERN match is a real figure; return (ok, start of its text)."""
    c = Candidate.of(doc, m)
    return not any(rule(c) for rule in NOT_A_FIGURE), c.lead


# 低于全省平均水平1.3个百分点: points above or below another level are a difference (低于全省平均的9.6个 is the
# other level itself; 较全市平均水平低2.6个百分点 says the same with 较/比 before the other level)
_POINTS_FROM = re.compile(r"(?<!不)(?:低于|高于)[^\d,;:。，；：]{0,10}$|(?:较|比)[^\d,;:。，；：]{1,12}(?:低|高)$")


def _is_change(doc: Doc, lead: int, end: int) -> bool:
    f = doc.folded
    start = max(doc.clause_start(lead, hard=True), lead - 12)
    if _TO_LEVEL.search(f, start, lead):
        return False  # 增加到30个: this year's level
    if f[lead:end].endswith(("百分点", "千分点")) and _POINTS_FROM.search(f, start, lead):
        return True
    return bool(_CHANGE_BEFORE.search(f, start, lead))


_TO_LEVEL = re.compile(
    r"(?:升级为|增加到|增加至|增至|提高到|提高至|提升到|提升至|降至|减少到|减少至|下降到|下降至|扩大到|扩大至|变为)$"
)
# 每年至少组织两次; 至少 also reaches over a verb and its object (每个乡镇至少配备持证执法人员8名), never
# over another number or a clause mark
_FAR_LOWER = re.compile(
    r"(?:(?:至少|最少|不少于|不低于)[\u4e00-\u9fff]{0,2}|(?:至少|最少)[^\d零〇一二两三四五六七八九十百千万，,。；;：:、]{3,10})$"
)
_FAR_APPROX = re.compile(r"(?:约|大约|大概)(?:[占有达为计]|占[^\d,;:。，；：、]{1,8}的)$")  # 约占全部案件的两成
_SPACED_THOUSANDS = re.compile(r"(\d{1,3}(?: \d{3})*) $")


def _bound_fix(doc: Doc, m: re.Match[str], lead: int, quantity: Quantity) -> Bound:
    """The bound as the words around the figure mean it, where the figure's own words mislead."""
    bound = _bound_from_words_before(doc, m, lead, quantity.bound)
    pre = m.group("pre") or ""
    if bound is Bound.APPROX and pre.endswith("近") and quantity.unit in ("年", "个月", "天", "日"):
        return Bound.EXACT  # 近3年: the last three years, not "about three"
    return bound


def _bound_from_words_before(doc: Doc, m: re.Match[str], lead: int, bound: Bound) -> Bound:
    if (m.group("pre") or "").endswith(("不少于", "不低于")) and bound is Bound.UPPER:
        return Bound.LOWER  # 不少于 holds 少于: it is a floor, not a ceiling
    if bound is Bound.EXACT:
        window = doc.folded[max(doc.clause_start(lead), lead - 12) : lead]
        if _FAR_LOWER.search(window):
            return Bound.LOWER  # 每年至少组织两次
        if _FAR_APPROX.search(window):
            return Bound.APPROX  # 约占三成
    return bound


def _is_ambiguous(doc: Doc, lead: int, since: int) -> bool:
    """区委常委会、区政府常务会研究相关工作12次, 县委常委会会议、县政府常务会议共听取…12次: a count that
    several bodies share (the last body may add 共/累计 before its verb); not after 分别."""
    f = doc.folded
    start = max(doc.clause_start(lead, hard=True), since)
    segment = f[start:lead]
    parts = re.split(r"、|和|及|与|以及", segment)
    if len(parts) < 2 or "分别" in parts[-1]:
        return False  # 市委常委会会议、市政府常务会议分别听取…2次、3次: each body its own count
    bodies = [p for p in parts[:-1] if _AMBIG_BODY.search(p)]
    last = parts[-1]
    return (
        bool(bodies)
        and bool(_AMBIG_VERB.search(last))
        and _AMBIG_BODY.search(_AMBIG_TOTAL.sub("", re.split(_AMBIG_VERB, last)[0])) is not None
    )


# 3 2名 in a scanned report's text: digits the scan split with a space
_SPLIT_BY_A_SCAN = re.compile(r"(\d+(?: \d+)*) $")


def _with_spaced_thousands(doc: Doc, m: re.Match[str], lead: int) -> tuple[re.Match[str], int]:
    """5 000元, 1 130条: a space as thousands separator joins the digits before it to the figure; in a
    scanned report's text (Doc.ocr: it misread digits elsewhere, 2O24) so does any single space between
    digits (3 2名 is 32名, not 2名)."""
    num = m.group("num")
    if num and num[0].isdigit() and (doc.ocr or len(num.split(".")[0]) == 3):
        pattern = _SPLIT_BY_A_SCAN if doc.ocr else _SPACED_THOUSANDS
        spaced = pattern.search(doc.folded, max(0, lead - 16), lead)
        if spaced:
            joined = (spaced.group(1) + " " + doc.folded[lead : m.end()]).replace(" ", "")
            whole = QUANTITY_PATTERN.fullmatch(joined)
            if whole is not None:
                return whole, spaced.start()
    return m, lead


def _quantity(match: re.Match[str]) -> Quantity | None:
    """The match read as a quantity, if it reads as a finite value of zero or more."""
    try:
        quantity = from_match(match)
    except (QuantityError, ValueError, KeyError, OverflowError):
        return None
    value = quantity.value
    return quantity if value >= 0 and value == value and value != float("inf") else None


def _without_a_verbs_more(doc: Doc, m: re.Match[str]) -> re.Match[str]:
    """356条多出56条, 3件多于上年: 多 begins the verb (多出, 多于), it is no 'more than' of the figure's."""
    if m.group("post") != "多" or doc.folded[m.end() : m.end() + 1] not in ("出", "于"):
        return m
    return QUANTITY_PATTERN.fullmatch(doc.folded, m.start(), m.end() - 1) or m


def _read(doc: Doc, m: re.Match[str], lead: int, since: int) -> list[Figure]:
    """The figure an accepted match states (none for a span of time). `since`: where the previous figure
    ended (a shared count looks back no further)."""
    m = _without_a_verbs_more(doc, m)
    match, lead = _with_spaced_thousands(doc, m, lead)
    quantity = _quantity(match)
    if quantity is None or quantity.unit == "年":
        return []  # 近三年, 连续5年: a span of time
    end, unit = m.end(), quantity.unit
    base = COMPOUND_UNITS.get(unit)
    if base is not None and not m.group("post"):
        end -= len(unit) - len(base)  # 3个项目: the figure is 3个, 项目 is its noun
        unit = base
    bound = _bound_fix(doc, m, lead, quantity)
    if _lead_time_before_an_event(doc, lead, end, unit):
        end, bound = end + 1, Bound.LOWER  # 听证会召开10日前送达: at least ten days ahead
    prior = bool(_CHANGE_AFTER.match(doc.folded, end))
    flags = {"change": _is_change(doc, lead, end) and not prior, "ambiguous": _is_ambiguous(doc, lead, since)}
    # only the qualifier written with the number can exclude it (不足60学时); one set apart by a verb
    # (每年至少组织两次) includes it
    strict = quantity.strict and bound is quantity.bound
    mean = quantity.mean or _averaged(doc, lead, since)
    return [_figure(doc, lead, end, quantity.value, unit, bound, prior=prior, strict=strict, mean=mean, **flags)]


# 听证会召开10日前, 会议举行3天前: a lead time written after its number
_EVENT_THEN_NUMBER = re.compile(r"(?:召开|举行|开会|开庭|会议|听证会)$")


def _lead_time_before_an_event(doc: Doc, lead: int, end: int, unit: str) -> bool:
    return (
        unit in _LEAD_UNITS
        and doc.folded[end : end + 1] == "前"
        and _EVENT_THEN_NUMBER.search(doc.folded, max(0, lead - 4), lead) is not None
    )


# 缩短一半, 超过一半, 近一半, 一半以上, 近半数, 半数以上, 过半数: half, a share in words (50 %), with its qualifier;
# not 另一半 (the other half)
_HALF = re.compile(r"(?P<pre>超过|逾|近|将近|接近|约|不到|不足|过)?(?P<half>一半|半数)(?P<post>以上|左右)?")
_HALF_BOUNDS = {
    "超过": Bound.LOWER,
    "逾": Bound.LOWER,
    "过": Bound.LOWER,
    "以上": Bound.LOWER,
    "不到": Bound.UPPER,
    "不足": Bound.UPPER,
}


def halves(doc: Doc) -> list[Figure]:
    """Every 一半 or 半数 that states a share (50 %, unit %): 占…的一半, 缩短一半 (a change), 超过一半 and 半数以上
    (lower), 近半数 (approx)."""
    f = doc.folded
    out = []
    for m in _HALF.finditer(f):
        start, end = m.span()
        half = m.group("half")
        if f[start - 1 : start] in ("另", "这", "那") or half in (f[start - 2 : start], f[end : end + 2]):
            continue  # 另一半, 一半一半: not a share
        if doc.in_protected(start, end) or doc.line_of(start) in doc.boiler_lines:
            continue
        words = [w for w in (m.group("pre"), m.group("post")) if w]
        bound = next((_HALF_BOUNDS.get(w, Bound.APPROX) for w in words), Bound.EXACT)
        out.append(
            _figure(doc, start, end, 50.0, "%", bound, change=_is_change(doc, start, end), prior=False, ambiguous=False)
        )
    return out


# 平均/人均 earlier in the figure's clause, with no figure between: 平均审核时间七个工作日, 审核时限平均6个
# 工作日, 人均参加培训64学时. Not a comparison with an average level (高于全省平均水平2个百分点).
_AVERAGE_BEFORE = re.compile(r"(?:平均|人均)(?!水平|值|数)")


def _averaged(doc: Doc, lead: int, since: int) -> bool:
    """Whether the figure at `lead` states an average: an average word in its clause before it."""
    start = max(doc.clause_start(lead, hard=True), since)
    return _AVERAGE_BEFORE.search(doc.folded, start, lead) is not None


def find_figures(doc: Doc) -> list[Figure]:
    """All figures in the document, in text order."""
    figures: list[Figure] = []
    last_end = 0
    for m in QUANTITY_PATTERN.finditer(doc.folded):
        if not is_number_match(m):
            continue
        ok, lead = is_figure_match(doc, m)
        found = _read(doc, m, lead, last_end) if ok else []
        if found:
            figures += found
            last_end = found[-1].end
    half = halves(doc)
    if half:
        figures = sorted(figures + half, key=lambda fig: fig.start)
    cells = table_cells(doc)
    if not cells:
        return figures
    # a signed cell (-38.2%) is the table's figure; the number the pattern read inside it is not another
    signed = [(c.start, c.end) for c in cells if c.change]
    figures = [fig for fig in figures if not any(a <= fig.start < b for a, b in signed)]
    return sorted(figures + cells, key=lambda fig: fig.start)


# a bare number, or a signed one in an 增减 column (+12.2%, -18): a change, whose unit is its % or the row's
_BARE_CELL = re.compile(r"[ ]*(?P<sign>[+\-−－])?(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<pct>%)?[ ]*")
_HAS_WORD = re.compile(r"[\u4e00-\u9fff]")


_POINTS = {"%": "百分点", "‰": "千分点"}


def table_cells(doc: Doc) -> list[Figure]:
    """Bare numbers in the cells of a table whose unit is written elsewhere in it (tables.cell_units):
    in the row's label ("行政复议申请（件）\t186\t231": 186件 and 231件), in a unit column of its own
    ("新收行政复议案件\t件\t203\t287"), or in its column's header ("专业\t检查单位（户）\t立案（件）", for
    every row under it, also under a header repeated after a page break). A cell before the row's label
    (序号) is not a figure. A signed cell ("+12.2%", "-18" in an 增减 column), or any cell under a header of
    changes (增减, 同比增长: "13.8%", "44"), is a change: its value the magnitude, its unit its % or the row's
    (百分点 in a row of rates)."""
    f = doc.folded
    out = []
    header: list[str] = []  # the units the last header row names, by column
    changes: set[int] = set()  # the columns the last header row names as changes (增减, 同比增长)
    width = 0  # that header's cells: a row of another width does not stand under them one for one
    stated: list[str] = []  # the units a line above the table states for it (单位：件、%)
    for start, end in doc.rows():
        if doc.line_of(start) in doc.boiler_lines:  # a contents entry, a 图解's table after the report
            continue
        cells = _cell_spans(f, start, end) if "\t" in f[start:end] else []
        if len(cells) < 2:
            # a blank line between rows does not end the table, nor a label's wrapped second line
            if f[start:end].strip() and not wrapped_label(f[start:end]):
                header, changes, stated = [], set(), unit_line(f[start:end])
            continue
        texts = [f[a:b] for a, b in cells]
        # a % cell without a sign is an ordinary figure, which the pattern reads, unless it is a change
        changing = changes if len(texts) == width else set()
        bare = [
            m if (m := _BARE_CELL.fullmatch(t)) and (m.group("sign") or not m.group("pct") or i in changing) else None
            for i, t in enumerate(texts)
        ]
        if not any(bare):
            header = header_units(texts) or header
            if change_columns(texts):
                changes, width = change_columns(texts), len(texts)
            continue
        for column, unit, m in row_cells(texts, bare, header, stated):
            a = cells[column][0]
            value = float(m.group("n").replace(",", ""))
            sign = bool(m.group("sign"))
            flags = {"change": sign or column in changing, "prior": False, "ambiguous": False}
            start, end = a + m.start("sign" if sign else "n"), a + m.end("pct" if m.group("pct") else "n")
            # a change's bare cell in a row of rates (100, 95.7, +4.3) is the change in points, not a rate, unless
            # its header says % (同比增长（%）: a relative change)
            if m.group("pct") or (column in changing and column < len(header) and header[column] == "%"):
                unit = "%"
            elif flags["change"]:
                unit = _POINTS.get(unit, unit)
            out.append(_figure(doc, start, end, value, unit, Bound.EXACT, **flags))
    return out


def _cell_spans(f: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each tab-separated cell of a row, empty ones too: a header whose first cell is merged
    down from the row above ("\t新收（件）\t审结（件）") keeps its units over their own columns."""
    spans, at = [], start
    for cell in f[start:end].split("\t"):
        spans.append((at, at + len(cell)))
        at += len(cell) + 1
    return spans if sum(1 for a, b in spans if f[a:b].strip()) >= 2 else []


def row_cells(
    texts: list[str], bare: list[re.Match[str] | None], header: list[str], stated: list[str] | None = None
) -> list[tuple[int, str, re.Match[str]]]:
    """(column, unit, match) of each bare number after the row's label that has a unit: the label's, its unit
    column's, its column header's, or the one a line above the table states for such a row (tables.unit_line)."""
    label = next((i for i, t in enumerate(texts) if _HAS_WORD.search(t)), None)
    if label is None:
        return []
    # a category merged down a first column (执法监督\t会计信息质量检查（户）\t46) stands before the label proper
    first = next((i for i in range(label, len(texts)) if bare[i]), len(texts))
    own = next((u for t in texts[label:first] if (u := label_unit(t))), "")
    own = own or next((u for t in texts[label + 1 :] if (u := unit_cell(t))), "")
    own = own or stated_unit(stated or [], texts[label])
    out = []
    for column in range(label + 1, len(texts)):
        m = bare[column]
        unit = "%" if m is not None and m.group("pct") else own or (header[column] if column < len(header) else "")
        if m is not None and unit:
            out.append((column, unit, m))
    return out


def _figure(
    doc: Doc,
    start: int,
    end: int,
    value: float,
    unit: str,
    bound: Bound,
    *,
    change: bool,
    prior: bool,
    ambiguous: bool,
    strict: bool = False,
    mean: bool = False,
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
        strict=strict,
        mean=mean,
    )


__all__ = ["HARD_CLAUSE_END", "Figure", "find_figures", "is_figure_match"]
