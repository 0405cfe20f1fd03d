"""Figures in words: a stated figure, a count with its unit, a change from last year, a gap's amount, in
Chinese as the report wrote them or in English."""

from __future__ import annotations

import functools
import re

from hulifa.messages.vocabulary import UNITS
from hulifa.model import Bound, Change, Quantity, Text
from hulifa.quantity import QuantityError, format_number, has_no_qualifier, parse_quantity

_BOUND_WORDS = {Bound.LOWER: "at least ", Bound.UPPER: "at most ", Bound.APPROX: "about "}
# a bound that excludes its number: 1700余人次, 超过90% / 不足60学时, 不到10人
_STRICT_BOUND_WORDS = {Bound.LOWER: "more than ", Bound.UPPER: "under "}
_PLAIN = re.compile(r"\d+(?:\.\d+)?$")
UNDETERMINED = Text("无法确定", "cannot be determined")
# a change between figures shared with another body (Change.shared); short, for a diff's table at 80 columns
SHARED_CHANGE = Text("无法确定(共用)", "unknown (shared)")


def has_chinese(text: str) -> bool:
    """Whether `text` has a CJK ideograph (U+3400 to U+9FFF)."""
    return not text.isascii() and _cjk().search(text) is not None


@functools.cache
def _cjk() -> re.Pattern[str]:
    # compiled when first needed: [\u3400-\u9fff] is walked code point by code point in Python when
    # compiled (~2 ms at load 8), and a Chinese table or parsable run never asks
    return re.compile(r"[\u3400-\u9fff]")


def quote(text: str, lang: str) -> str:
    """The report's own words, verbatim and marked as a quote (in English too: they are its words)."""
    if not text:
        return ""
    return f"“{text}”" if lang == "en" else f"「{text}」"


def _english_number(value: float) -> str:
    if type(value) is float and value.is_integer():  # most figures: format_number's text, grouped
        return f"{int(value):,}"
    text = format_number(value)
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    if len(digits) > 3:  # English groups thousands: 1,700, 11,000
        digits = f"{int(digits):,}"
    return f"{sign}{digits}{dot}{frac}"


def count(value: float, unit: str, lang: str) -> str:
    """A number with its unit, as a reader of `lang` writes it: "12 次" / "12 times", "1 working day",
    "95%". The unit is the rule pack's or the report's; one not in UNITS is kept as written."""
    if unit in ("%", "‰"):
        return f"{format_number(value)}{unit}"
    if unit in _NOT_COUNTED:  # a figure given for a yes/no, a date or a part: the figure alone, "12"
        unit = ""
    if lang != "en":
        return f"{format_number(value)} {unit}".strip()
    one, many = UNITS.get(unit, (unit, unit))
    return f"{_english_number(value)} {one if value == 1 else many}".strip()


# Units that name a kind of value, not what a figure counts: a figure is never "12 bool".
_NOT_COUNTED = frozenset({"bool", "date", "section"})
_EXACT = Bound.EXACT  # a module name: an Enum member's attribute is slow to read on Python 3.11


def _bound_words(q: Quantity) -> str:
    """The bound as the report's own words state it, as the Chinese shows them: "12次" is 12 times even
    where report data marks it `bound: upper` because two bodies share it (the gap says so); 1700余 is
    more than 1,700, 不少于60 at least 60."""
    bound, strict, text = q.bound, q.strict, q.text
    # Read the words again only where they could say something else: not for an exact figure whose
    # text has no qualifier word, which is most (the reading was a tenth of json's render).
    if (strict or bound is not _EXACT or not has_no_qualifier(text)) and text and has_chinese(text):
        try:
            written = parse_quantity(q.text)
        except QuantityError:
            written = None
        if written is not None and written.value == q.value:
            bound, strict = written.bound, written.strict
    if strict and bound in _STRICT_BOUND_WORDS:
        return _STRICT_BOUND_WORDS[bound]
    return _BOUND_WORDS.get(bound, "")


def quantity(q: Quantity, unit: str, lang: str) -> str:
    """A stated figure: in Chinese as the report wrote it ("1700余人次"); in English from its value,
    unit and the bound its words state ("more than 1,700 attendances")."""
    if lang != "en":
        return q.text or format_number(q.value)
    if q.implicit:
        return "full coverage, read as 100%"
    return ("an average of " if q.mean else "") + _bound_words(q) + count(q.value, q.unit or unit, lang)


def figure(text: str, unit: str, lang: str) -> str:
    """A figure held as text (a stated or derived value, last year's value) in `lang`: in English, a
    Chinese figure is read and put in words, and anything else Chinese is quoted."""
    if lang == "en" and _PLAIN.match(text) and unit not in ("", "bool", "date", "section"):  # "12" -> "12 cases"
        return count(float(text), unit, lang)
    if lang != "en" or not has_chinese(text):
        return text
    if text == UNDETERMINED.zh:
        return UNDETERMINED.en
    try:
        return quantity(parse_quantity(text), unit, lang)
    except QuantityError:
        return quote(text, lang)


def change_text(change: Change, unit: str, lang: str) -> str:
    """A change as a person reads it: "+120 (+3.4%)" (the percentage when both years are exact counts),
    "-1.5 个百分点" / "-1.5 points", "≥ 3", "1 至 3" / "1 to 3", "无法确定" / "cannot be determined"."""
    low, high = change.low, change.high
    if change.shared:
        return SHARED_CHANGE.get(lang)
    if low == float("-inf") and high == float("inf"):
        return UNDETERMINED.get(lang)
    points = ("points" if lang == "en" else "个百分点") if unit == "%" else ""
    suffix = f" {points}" if points else ""
    if abs(high - low) <= 1e-9:
        d = round(low, 2)
        sign = "+" if d > 0 else ("±" if d == 0 else "")
        text = f"{sign}{format_number(d)}{suffix}"
        if unit != "%" and change.base and d != 0:
            text += f" ({d / change.base * 100:+.1f}%)"
        return text
    if high == float("inf"):
        return f"≥ {format_number(round(low, 2))}{suffix}"
    if low == float("-inf"):
        return f"≤ {format_number(round(high, 2))}{suffix}"
    to = " to " if lang == "en" else " 至 "
    return f"{format_number(round(low, 2))}{to}{format_number(round(high, 2))}{suffix}"


def amount(value: float, unit: str, lang: str) -> str:
    """A difference with its unit: "3 件" / "3 cases", "2.5 个百分点" / "2.5 points"."""
    if unit == "%":
        return f"{format_number(value)} {'points' if lang == 'en' else '个百分点'}"
    return count(value, unit, lang)
