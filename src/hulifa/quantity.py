"""Figures as Chinese reports write them: "1700余人次", "1.1万余件", "90%以上", "百分之九十", "两次".

`parse_quantity` reads one whole figure (a value in report data); `QUANTITY_PATTERN` finds figures
inside running text for the extractor. Both share one grammar, kept here.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata

from hulifa.model import Bound, Quantity

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

# Measure words a figure may carry; longest first so that 人次 wins over 人.
MEASURE_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            "次",
            "件",
            "项",
            "个",
            "名",
            "人",
            "人次",
            "场",
            "场次",
            "批",
            "批次",
            "期",
            "户",
            "家",
            "家次",
            "条",
            "份",
            "起",
            "篇",
            "部",
            "元",
            "小时",
            "学时",
            "课时",
            "天",
            "日",
            "工作日",
            "个工作日",
            "个月",
            "月",
            "年",
            "宗",
            "套",
            "台",
            "辆",
            "所",
            "处",
            "座",
            "支",
            "类",
            "轮",
            "笔",
            "例",
            "本",
            "册",
            "位",
            "单",
            "张",
            "本次",
            "份次",
            "户次",
            "人日",
            "家单位",
            "个单位",
            "个部门",
            "个项目",
            "万元",
            "亿元",
            "美元",  # 实际使用外资3.2亿美元
            "平方米",
            # land and area: 48.62万亩, 112.6公顷, 6.8平方公里 (longest first, so 平方公里 is not 公里)
            "亩",
            "公顷",
            "平方公里",
            "微克/立方米",  # an air-quality reading: PM2.5年均浓度28微克/立方米
            "所次",  # schools visited, as 家次 counts firms
            "公里",
            "千米",
            "米",
            "吨",
            "分钟",
            "周",
            "期次",
            "间",
            "栋",
            "个百分点",
            "秒",
            "%",
            "‰",
            "卷",
            "个次",
            "种",  # 修订执法文书格式12种
            "分",  # a score: 考核得分94.5分 (extract.figures rejects 十分, 9点30分)
            "岁",  # an age: 平均年龄49.2岁 (extract.figures rejects 60岁以上, an age naming a group)
            "项次",
            "件次",
        },
        key=lambda w: (-len(w), w),
    )
)

_UNIT_ALIASES = {"个工作日": "工作日", "%": "%", "‰": "‰"}

_CN_NUM = "[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_AR_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# ≥6, ≤10: a target cell's sign is its bound, as 不少于 and 不超过 are
_LOWER_PRE = "超过|逾|高于|多于|不少于|不低于|至少|≥"
_UPPER_PRE = "不足|不到|低于|少于|不超过|不高于|至多|最多|≤"
_APPROX_PRE = "约|大约|近|将近|接近|约为|大概"
_CONTEXT_PRE = "共计|共|累计|合计|总计|全年|新增|达到|达|先后|计"
_LOWER_POST = "以上|余|多|有余|出头"
_UPPER_POST = "以下|以内|之内|内"  # 30日内, 7个工作日内: within
_APPROX_POST = "左右|上下|许"
# an average over items (平均审核时间7个工作日 written as 平均7个工作日, 人均64学时): not a bound, see Quantity.mean
_MEAN_PRE = "平均每件|平均每人|平均|人均"
_UNITS = "|".join(re.escape(w) for w in MEASURE_WORDS if w not in ("%", "‰"))
# a space may stand between a number and its unit (1 046 家, 18.72 亿元), a tab never: in a table
# "19\t人大代表建议办复率" is the row number and the next cell (a line end is matched, and the extractor
# rejects it: figures.across_a_line_break)
_GAP = r"[^\S\t]?"

# One grammar for a figure. Its groups, in order, are _GROUPS (from_match reads them by position).
QUANTITY_PATTERN = re.compile(
    rf"""
    (?P<mean>{_MEAN_PRE})?
    (?P<pre>(?:{_CONTEXT_PRE})?(?:{_LOWER_PRE}|{_UPPER_PRE}|{_APPROX_PRE})?)
    (?:
        百分之(?P<pct_cn>{_CN_NUM}|{_AR_NUM})
      | (?P<cfr_den>{_CN_NUM})分之(?P<cfr_num>{_CN_NUM})
      | (?P<frac_a>\d+)/(?P<frac_b>\d+)
      | (?P<num>{_AR_NUM}|{_CN_NUM})
        {_GAP}(?P<mult>(?:余|多)?[万亿](?:[万亿])?)?
        (?P<mid>余|多)?
        {_GAP}(?:(?P<pct>[%‰])|(?P<cheng>成)|(?P<unit>{_UNITS}))?
    )
    (?P<post>{_LOWER_POST}|{_UPPER_POST}|{_APPROX_POST})?
    """,
    re.VERBOSE,
)


def is_number_match(match: re.Match[str]) -> bool:
    """QUANTITY_PATTERN also matches a bare qualifier; a figure needs one of its number groups."""
    return bool(match.group("num") or match.group("pct_cn") or match.group("frac_a") or match.group("cfr_den"))


MAX_VALUE = 1e15  # beyond any count or sum of money a report states; larger is a typo or an attack


class QuantityError(ValueError):
    """A string that is not a figure: why, as a message id (hulifa.messages.REASONS, quantity.*) and its parameters."""

    def __init__(self, message_id: str, /, **values: str) -> None:
        super().__init__(message_id)
        self.message_id, self.params = message_id, tuple(values.items())


def normalize(text: str) -> str:
    """NFKC folds full-width digits and ％; report text is compared after this."""
    return unicodedata.normalize("NFKC", text)


def parse_chinese_number(text: str) -> float:
    """Read a Chinese numeral such as 一百零五, 两万三千, 十二, 九十五点五, or plain digits 一二三."""
    if "点" in text:
        whole, frac = text.split("点", 1)
        digits = "".join(str(_DIGITS[c]) for c in frac)
        return parse_chinese_number(whole or "零") + float("0." + digits)
    if all(c in _DIGITS for c in text):
        if len(text) == 1:
            return float(_DIGITS[text])
        return float("".join(str(_DIGITS[c]) for c in text))  # 二〇二四 read digit by digit
    total = 0
    section = 0
    digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[char]
            digit = 0
        elif char in _BIG_UNITS:
            section += digit
            digit = 0
            if not (section or total):
                section = 1  # 近万人次, 万余件: a bare 万 or 亿 is one of it
            big = _BIG_UNITS[char]
            if big > 10_000 and total:  # 一万亿: what came before scales too
                total = (total + section) * big
            else:
                total += section * big
            section = 0
        else:
            raise QuantityError("quantity.numeral", text=text)
    return float(total + section + digit)


def _number(text: str) -> float:
    if text[0].isdigit():
        return float(text.replace(",", ""))
    return parse_chinese_number(text)


_BOUND_WORDS = (
    (Bound.LOWER, frozenset(_LOWER_PRE.split("|")) | frozenset(_LOWER_POST.split("|"))),
    (Bound.UPPER, frozenset(_UPPER_PRE.split("|")) | frozenset(_UPPER_POST.split("|"))),
    (Bound.APPROX, frozenset(_APPROX_PRE.split("|")) | frozenset(_APPROX_POST.split("|"))),
)
_CONTEXT = re.compile(f"^(?:{_CONTEXT_PRE})")
_QUALIFIER_STARTS = frozenset(word[0] for _, words in _BOUND_WORDS for word in words) | frozenset(
    word[0] for word in _MEAN_PRE.split("|")
)


def has_no_qualifier(text: str) -> bool:
    """Whether `text` surely holds no qualifier word, so that read as a figure it states no bound: not
    the first character of any, and nothing that NFKC would fold into one (parse_quantity folds)."""
    return _QUALIFIER_STARTS.isdisjoint(text) and unicodedata.is_normalized("NFKC", text)


# Each qualifier word's bound. The three sets share no word (test_quantity holds them to it), so a
# word says one thing and a figure's bound is looked up word by word, not searched for in every set.
_BOUND_OF_WORD = {word: bound for bound, words in _BOUND_WORDS for word in words}

# Qualifiers that exclude the number itself: 不足60学时 is under 60, 超过30日 and 1700余 are over.
STRICT_WORDS = frozenset(["不足", "不到", "低于", "少于", "超过", "逾", "高于", "多于", "余", "多", "有余", "出头"])


# The members _qualified returns, as constants: on Python 3.11 reading an enum member (`Bound.EXACT`)
# takes EnumType's slow attribute path (see hulifa.kinds), and every figure read asks for one or two.
_EXACT, _APPROX, _ONE_SIDED = Bound.EXACT, Bound.APPROX, (Bound.LOWER, Bound.UPPER)


def _qualified(pre: str, mid: str, post: str) -> tuple[Bound, bool]:
    """Qualifier words -> the bound, and whether it is strict (its word excludes the number, see
    STRICT_WORDS). Words are compared whole (after dropping context words such as 共计), so 不少于 is a
    lower bound although it contains 少于."""
    if not (pre or mid or post):  # most figures: no word at all
        return _EXACT, False
    words = (_CONTEXT.sub("", pre) if pre else "", mid, post)
    marks = {_BOUND_OF_WORD[word] for word in words if word in _BOUND_OF_WORD}
    if not marks:
        return _EXACT, False
    if len(marks) > 1:
        return _APPROX, False  # 约…以上 and the like: say no more than "near"
    bound = marks.pop()
    return bound, bound in _ONE_SIDED and not STRICT_WORDS.isdisjoint(words)


_GROUPS = (
    "mean",
    "pre",
    "pct_cn",
    "cfr_den",
    "cfr_num",
    "frac_a",
    "frac_b",
    "num",
    "mult",
    "mid",
    "pct",
    "cheng",
    "unit",
    "post",
)
"""QUANTITY_PATTERN's groups, in order: from_match unpacks a match's groups() (one tuple, where groupdict
made a dict of 13 for every figure read); test_quantity holds the pattern to this list."""


def from_match(match: re.Match[str], text: str | None = None) -> Quantity:
    """Build a Quantity from a QUANTITY_PATTERN match (also used by the extractor); its text is the
    match's, or `text` (the figure as written, before folding)."""
    mean, pre, pct_cn, cfr_den, cfr_num, frac_a, frac_b, num, mult, mid, pct, cheng, unit, post = match.groups()
    found = match.group(0)
    if pct_cn is not None:
        value, unit = _number(pct_cn), "%"
    elif cfr_den is not None:  # 三分之二: two thirds
        denominator = parse_chinese_number(cfr_den)
        if denominator == 0:
            raise QuantityError("quantity.zero_denominator", text=found)
        value, unit = parse_chinese_number(cfr_num) / denominator * 100, "%"
    elif frac_a is not None:
        denominator = float(frac_b)
        if denominator == 0:
            raise QuantityError("quantity.zero_denominator", text=found)
        value, unit = float(frac_a) / denominator * 100, "%"
    else:
        value = _number(num)
        if mult and mult[0] in "余多":  # 1,600余万人次: 余 before 万 says "over" as after it does
            mid, mult = mid or mult[0], mult[1:]
        for char in mult or "":
            value *= _BIG_UNITS[char]
        if pct:
            unit = pct
        elif cheng:
            value, unit = value * 10, "%"
        else:
            unit = unit or ""
            if unit in ("万元", "亿元"):
                value *= _BIG_UNITS[unit[0]]
                unit = "元"
    unit = _UNIT_ALIASES.get(unit, unit)
    bound, strict = _qualified(pre or "", mid or "", post or "")
    # rounding (to drop float noise: 1.1万 is 11000, not 11000.000000000002) formats the number, so
    # a whole number, as most figures are, is left as it is
    value = value if value.is_integer() else round(value, 10)
    return Quantity(value, unit, bound, found if text is None else text, False, strict, mean is not None)


@functools.lru_cache(maxsize=4096)  # the same figures ("100%", "12次") recur across thousands of files
def parse_quantity(text: str) -> Quantity:
    """Read one whole figure; raise QuantityError when the string is not one figure."""
    raw = text
    folded = normalize(text).strip().replace(" ", "")
    if not folded:
        raise QuantityError("quantity.empty")
    match = QUANTITY_PATTERN.fullmatch(folded)
    if match is None or not is_number_match(match):
        raise QuantityError("quantity.unreadable", text=raw)
    try:
        quantity = from_match(match, raw)
    except OverflowError:  # 一亿亿亿…: a Python int too large for a float
        quantity = Quantity(float("inf"))
    if not math.isfinite(quantity.value) or quantity.value > MAX_VALUE:
        raise QuantityError("quantity.too_large", text=raw[:40])
    return quantity


def format_number(value: float) -> str:
    """Print 12.0 as 12 and 2.5 as 2.5, without float noise."""
    # Whole numbers first, as most figures are: what the rounding below gives them, without rounding
    # (a text of every stated figure, target and count is made through here). Not bool: True is "1".
    if type(value) is float and value.is_integer():
        return str(int(value))
    if type(value) is int:
        return str(value)
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "-∞"
    rounded = round(value, 4)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.4f}".rstrip("0").rstrip(".")


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def parse_date(raw: object) -> dt.date | None:
    """A date as reports write it: 2025-03-20, 2025/3/20, 2025.3.20, 2025年3月20日; None otherwise."""
    text = normalize(str(raw)).strip()
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
