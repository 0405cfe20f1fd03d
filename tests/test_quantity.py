"""Figures as reports write them: every notation the issue lists, plus properties of the parser."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hulifa import messages
from hulifa.model import Bound, Quantity
from hulifa.quantity import QuantityError, format_number, has_no_qualifier, parse_chinese_number, parse_quantity

CASES = [
    # text, value, unit, bound
    ("12", 12, "", Bound.EXACT),
    ("1700余", 1700, "", Bound.LOWER),
    ("1700余人次", 1700, "人次", Bound.LOWER),
    ("1.1万余件", 11000, "件", Bound.LOWER),
    ("90%以上", 90, "%", Bound.LOWER),
    ("100%", 100, "%", Bound.EXACT),
    ("5.8万", 58000, "", Bound.EXACT),
    ("5.8万户", 58000, "户", Bound.EXACT),
    ("百分之九十", 90, "%", Bound.EXACT),
    ("百分之九十五点五", 95.5, "%", Bound.EXACT),
    ("两次", 2, "次", Bound.EXACT),
    ("十二次", 12, "次", Bound.EXACT),
    ("一百零五件", 105, "件", Bound.EXACT),
    ("１２次", 12, "次", Bound.EXACT),  # full-width digits
    ("９５％", 95, "%", Bound.EXACT),  # full-width percent sign
    ("8成", 80, "%", Bound.EXACT),
    ("8成以上", 80, "%", Bound.LOWER),
    ("1/4左右", 25, "%", Bound.APPROX),
    ("约300人", 300, "人", Bound.APPROX),
    ("近500件", 500, "件", Bound.APPROX),
    ("不足10%", 10, "%", Bound.UPPER),
    ("50件以下", 50, "件", Bound.UPPER),
    ("超过20次", 20, "次", Bound.LOWER),
    ("不少于10次", 10, "次", Bound.LOWER),  # contains 少于, but is a lower bound
    ("不低于95%", 95, "%", Bound.LOWER),
    ("≥95%", 95, "%", Bound.LOWER),  # a target cell's sign
    ("≤10", 10, "", Bound.UPPER),
    ("≥6", 6, "", Bound.LOWER),
    ("少于5件", 5, "件", Bound.UPPER),
    ("1458万元", 14_580_000, "元", Bound.EXACT),
    ("104万余元", 1_040_000, "元", Bound.LOWER),
    ("共计104万余元", 1_040_000, "元", Bound.LOWER),  # 共计 is context, not a bound
    ("3,376项", 3376, "项", Bound.EXACT),
    ("20个工作日", 20, "工作日", Bound.EXACT),
    ("0%", 0, "%", Bound.EXACT),
    ("60学时", 60, "学时", Bound.EXACT),
    ("三分之二", 200 / 3, "%", Bound.EXACT),
    ("近三分之一", 100 / 3, "%", Bound.APPROX),
    ("30日内", 30, "日", Bound.UPPER),
    ("7个工作日内", 7, "工作日", Bound.UPPER),
    ("14.2秒", 14.2, "秒", Bound.EXACT),
    # land and area, an air reading, school visits
    ("48.62万亩", 486_200, "亩", Bound.EXACT),
    ("560余亩", 560, "亩", Bound.LOWER),
    ("112.6公顷", 112.6, "公顷", Bound.EXACT),
    ("6.8平方公里", 6.8, "平方公里", Bound.EXACT),  # not 6.8 of 公里 followed by 平方
    ("八十多平方公里", 80, "平方公里", Bound.LOWER),
    ("28微克/立方米", 28, "微克/立方米", Bound.EXACT),
    ("128所次", 128, "所次", Bound.EXACT),
    # a bare 万 is one 万 (it read as 0), and 余/多 may stand before 万 as well as after it
    ("近万人次", 10_000, "人次", Bound.APPROX),
    ("万余件", 10_000, "件", Bound.LOWER),
    ("1,600余万人次", 16_000_000, "人次", Bound.LOWER),
    ("300多万元", 3_000_000, "元", Bound.LOWER),
    ("10余万元", 100_000, "元", Bound.LOWER),  # as before: 余 then the unit 万元
]


@pytest.mark.parametrize(("text", "value", "unit", "bound"), CASES)
def test_notations(text: str, value: float, unit: str, bound: Bound) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.bound) == (pytest.approx(value), unit, bound)
    assert q.text == text  # the figure as written is kept for messages


@pytest.mark.parametrize("text", ["", "  ", "abc", "很多", "第二批", "2+2+N", "12345热线x", "百分之", "1/0"])
def test_not_figures(text: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_quantity(text)
    said = messages.input_text(info.value.message_id, info.value.params)
    assert said.zh and said.en  # both languages, always


def _to_chinese(n: int) -> str:
    """A reference writer of Chinese numerals (0 < n < 10^8), independent of the parser."""
    digits = "零一二三四五六七八九"

    def below_10000(m: int) -> str:
        out, zero = "", False
        for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = m // unit_value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += digits[d] + unit
        return out

    high, low = divmod(n, 10_000)
    if not high:
        return below_10000(low)
    text = below_10000(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + below_10000(low)
    return text


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_chinese_number(_to_chinese(n)) == n


@given(st.sampled_from(["万", "亿"]), st.sampled_from(["", "件", "人次", "元"]))
def test_a_bare_multiplier_is_one_of_it(big: str, unit: str) -> None:
    assert parse_quantity(f"{big}{unit}").value == parse_quantity(f"一{big}{unit}").value > 0


@given(
    st.integers(min_value=1, max_value=99_999),
    st.sampled_from(["余", "多"]),
    st.sampled_from(["万", "亿"]),
    st.sampled_from(["件", "人次", "元"]),
)
def test_over_before_or_after_the_multiplier_reads_the_same(n: int, over: str, big: str, unit: str) -> None:
    before, after = parse_quantity(f"{n}{over}{big}{unit}"), parse_quantity(f"{n}{big}{over}{unit}")
    assert (before.value, before.unit, before.bound) == (after.value, after.unit, after.bound)
    assert before.bound is Bound.LOWER and before.value == n * {"万": 10_000, "亿": 100_000_000}[big]


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["件", "次", "人次", "名", "%", ""]))
def test_arabic_figures_round_trip(n: int, unit: str) -> None:
    q = parse_quantity(f"{n}{unit}")
    assert (q.value, q.unit, q.bound) == (n, unit, Bound.EXACT)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_any_text_parses_or_raises_quantity_error(text: str) -> None:
    try:
        q = parse_quantity(text)
    except QuantityError:
        return
    assert math.isfinite(q.value) and q.value >= 0  # the grammar has no sign: never a negative figure


@pytest.mark.parametrize(("value", "text"), [(12.0, "12"), (2.5, "2.5"), (0.1 + 0.2, "0.3"), (float("inf"), "∞")])
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


@settings(max_examples=300)
@given(st.one_of(st.floats(allow_nan=False), st.integers(-(10**18), 10**18), st.booleans()))
def test_a_whole_number_is_its_rounded_text(value: float) -> None:
    """Whole numbers take a short way (no rounding): the text is still what rounding to 4 places gives,
    for a bool as for 1 and 0 and for ±infinity, with its thousands grouped in English."""
    if math.isinf(value):
        want = "∞" if value > 0 else "-∞"
    else:
        rounded = round(value, 4)
        want = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.4f}".rstrip("0").rstrip(".")
    assert format_number(value) == want
    if want.lstrip("-").isdigit():  # English groups a whole number's thousands: 1,700
        assert messages._english_number(value) == f"{int(want):,}"


# Pieces of figures: numbers, units, every kind of qualifier, context words, and characters that
# NFKC folds into a qualifier's (不 U+F967, ⼤ U+2F24, ｌ) or into a digit.
_PIECES = [
    *"0123456789", "１２", ".", "万", "亿", "十", "百", "两", "件", "次", "人次", "%", "％", "学时",
    "余", "多", "以上", "以下", "以内", "内", "左右", "上下", "许", "有余", "出头", "约", "近", "将近",
    "超过", "逾", "不少于", "不足", "不到", "低于", "至少", "最多", "共计", "累计", "\uf967", "\u2f24", " ",
]  # fmt: skip
_FIGURE_TEXTS = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), st.text(max_size=12))


@settings(max_examples=400, derandomize=True)
@given(_FIGURE_TEXTS)
def test_a_text_without_a_qualifier_states_no_bound(text: str) -> None:
    """has_no_qualifier lets json word a figure without reading it again: it may only say so of a text
    whose reading states no bound."""
    try:
        q = parse_quantity(text)
    except QuantityError:
        return
    if has_no_qualifier(text):
        assert (q.bound, q.strict) == (Bound.EXACT, False), text


def test_has_no_qualifier() -> None:
    assert has_no_qualifier("1234件") and has_no_qualifier("100%") and has_no_qualifier("十二次")
    for text in ("1700余人次", "90%以上", "不足60学时", "\uf967足60学时", "约12次", "30日内"):
        assert not has_no_qualifier(text), text


@settings(max_examples=400, derandomize=True)
@given(_FIGURE_TEXTS, st.sampled_from(list(Bound)), st.sampled_from(["件", "%", "学时", ""]))
def test_a_figure_in_english_says_the_bound_its_words_state(text: str, bound: Bound, unit: str) -> None:
    """As report data may give it (`bound:` over the words, which drops strictness), a figure in
    English says the bound its own words state when they state its value, else its given bound."""
    try:
        read = parse_quantity(text)
    except QuantityError:
        return
    given_ = Quantity(read.value, read.unit, bound, read.text)
    said = read if messages.has_chinese(text) else given_  # the words are read again where Chinese
    words = {Bound.LOWER: "at least ", Bound.UPPER: "at most ", Bound.APPROX: "about "}.get(said.bound, "")
    if said.strict:
        words = {Bound.LOWER: "more than ", Bound.UPPER: "under "}[said.bound]
    assert messages.quantity(given_, unit, "en") == words + messages.count(read.value, read.unit or unit, "en")


def test_a_qualifier_word_states_one_bound() -> None:
    """The bound of a figure is looked up word by word: no word may stand in two bounds' lists."""
    from hulifa.quantity import _BOUND_WORDS

    seen: dict[str, Bound] = {}
    for bound, words in _BOUND_WORDS:
        for word in words:
            assert seen.setdefault(word, bound) is bound, word


_QUALIFIERS = ["", "约", "近", "超过", "逾", "不少于", "不足", "低于", "至少", "最多", "共计", "累计", "共计超过"]
_AFTER = ["", "以上", "以下", "以内", "内", "左右", "上下", "许", "有余", "出头"]


@settings(max_examples=300, derandomize=True)
@given(
    st.sampled_from(_QUALIFIERS),
    st.sampled_from(["12", "1.1万", "三百", "8"]),
    st.sampled_from(["", "余", "多"]),
    st.sampled_from(["", "件", "%", "成", "人次"]),
    st.sampled_from(_AFTER),
)
def test_qualifier_words_give_the_bound_each_list_names(pre: str, num: str, mid: str, unit: str, post: str) -> None:
    """Every qualifier word of a figure names one bound: none is exact, one is that bound (strict when
    its word excludes the number: 不足, 超过, 余 …), two different ones are only "about"."""
    from hulifa.quantity import _BOUND_WORDS, STRICT_WORDS

    text = f"{pre}{num}{mid}{unit}{post}"
    try:
        q = parse_quantity(text)
    except QuantityError:
        return
    words = [w for w in (pre.removeprefix("共计").removeprefix("累计"), mid, post) if w]
    named = {bound for word in words for bound, listed in _BOUND_WORDS if word in listed}
    if not named:
        assert (q.bound, q.strict) == (Bound.EXACT, False), text
    elif len(named) > 1:
        assert (q.bound, q.strict) == (Bound.APPROX, False), text
    else:
        (bound,) = named
        strict = bound in (Bound.LOWER, Bound.UPPER) and any(w in STRICT_WORDS for w in words)
        assert (q.bound, q.strict) == (bound, strict), text


def test_the_figure_pattern_has_the_groups_from_match_unpacks() -> None:
    """from_match reads a match's groups by position: every group is named, in _GROUPS' order."""
    from hulifa.quantity import _GROUPS, QUANTITY_PATTERN

    assert QUANTITY_PATTERN.groups == len(_GROUPS)
    assert QUANTITY_PATTERN.groupindex == {name: i for i, name in enumerate(_GROUPS, 1)}


@settings(max_examples=300, derandomize=True)
@given(_FIGURE_TEXTS, st.sampled_from(["平均", "人均", "平均每件", "平均每人"]))
def test_an_average_word_marks_the_mean_and_nothing_else(text: str, word: str) -> None:
    """平均/人均 before a figure says it is an average over items: the same value, unit and bound as the
    figure alone, with `mean` set; no other figure is a mean."""
    try:
        alone = parse_quantity(text)
    except QuantityError:
        return
    if alone.mean:  # the text itself starts with an average word
        return
    averaged = parse_quantity(word + text)
    assert averaged.mean, word + text
    assert (averaged.value, averaged.unit, averaged.bound, averaged.strict) == (
        alone.value,
        alone.unit,
        alone.bound,
        alone.strict,
    )


def test_averages_read_as_reports_write_them() -> None:
    for text, value, unit, bound in [
        ("平均7个工作日", 7, "工作日", Bound.EXACT),
        ("人均64学时", 64, "学时", Bound.EXACT),
        ("平均不足20日", 20, "日", Bound.UPPER),
        ("平均约4.5个工作日", 4.5, "工作日", Bound.APPROX),
    ]:
        q = parse_quantity(text)
        assert (q.value, q.unit, q.bound, q.mean) == (value, unit, bound, True), text
    assert not parse_quantity("7个工作日").mean
    assert not has_no_qualifier("平均7日") and not has_no_qualifier("人均64学时")
    assert messages.quantity(parse_quantity("平均7个工作日"), "工作日", "en") == "an average of 7 working days"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("5 人", "5 人"),  # a space before the unit is the report's typing
        ("18.72 亿元", "18.72 亿元"),
        ("19\t人大代表建议办复率", "19"),  # a table's row number and its next cell: a tab is never that space
    ],
)
def test_what_may_stand_between_a_number_and_its_unit(text: str, read: str) -> None:
    from hulifa.quantity import QUANTITY_PATTERN

    found = [m.group(0) for m in QUANTITY_PATTERN.finditer(text) if m.group("num")]
    assert read in found
