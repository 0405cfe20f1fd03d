"""A sentence's figures do not depend on the sentences after it: every NOT_A_FIGURE rule and every
reading step looks no further than the figure's own sentence (a full stop ends it)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hulifa.extract.document import Doc
from hulifa.extract.figures import find_figures

# no brackets or quotes (a 《title》 may span sentences) and no line breaks (page furniture is a line)
PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９%％.,，、;；:：+-/× ")
    + list("一二两三四五六七八九十百千万亿零余多约近以上下左右不足超过第年月日号件次项个名人元成率均各为前届性")
    + ["百分之", "行政复议", "常务会议", "区委常委会", "研究", "排名第八名", "增加到", "全会", "行动", "三项制度"]
)
SENTENCES = st.lists(PIECES, max_size=40).map(lambda parts: "".join(parts) + "。")


def _read(text: str, upto: int) -> list[tuple[str, float, str, str, int, bool, bool, bool]]:
    return [
        (f.text, f.value, f.unit, f.bound.value, f.start, f.change, f.prior, f.ambiguous)
        for f in find_figures(Doc.of(text))
        if f.start < upto
    ]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SENTENCES, SENTENCES)
def test_a_sentence_reads_the_same_whatever_follows(first: str, rest: str) -> None:
    assert _read(first + rest, len(first)) == _read(first, len(first))


# A range (3至5个工作日, 5-7日内, 一至两次, 3个至5个工作日) states no one figure: the gold README lists neither end.
ARABIC = st.decimals(min_value=0, max_value=99999, places=1).map(lambda d: f"{d.normalize():f}")
CHINESE = st.sampled_from(["一", "两", "三", "五", "七", "十", "十二", "二十", "一百"])
LINKS = st.sampled_from(["至", "到", "-", "—", "~", "～", "－", " - ", " 至 "])
RANGE_UNITS = st.sampled_from(["个工作日", "工作日", "日", "天", "次", "名", "件", "个", "人", "个月", "%", "万元"])
AFTER = st.sampled_from(["", "内", "以内", "之内"])
BEFORE = st.sampled_from(["一般事项", "每季度开展", "审核用时", "疑难诉求一般在", "办理时限由"])


@st.composite
def ranges(draw: st.DrawFn) -> str:
    """A range with the words before it: 由 before a range is read so too (由5至7个工作日压缩至…), but 由3件至5件,
    each end with its unit, is from one level to another."""
    numbers = ARABIC if draw(st.booleans()) else CHINESE
    before, low, high, unit = draw(BEFORE), draw(numbers), draw(numbers), draw(RANGE_UNITS)
    low_unit = unit if not before.endswith("由") and draw(st.booleans()) else ""  # 3个工作日至5个工作日
    return f"{before}{low}{low_unit}{draw(LINKS)}{high}{unit}{draw(AFTER)}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ranges())
def test_a_range_is_no_figure(written: str) -> None:
    assert [f.text for f in find_figures(Doc.of(f"{written}办结。"))] == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**6), ranges(), st.integers(min_value=1, max_value=999))
def test_figures_beside_a_range_keep_their_values(before: int, written: str, after: int) -> None:
    text = f"全年办理{before}件，{written}办结；全年培训{after}人次。"
    assert [(f.value, f.unit) for f in find_figures(Doc.of(text))] == [(before, "件"), (after, "人次")]
