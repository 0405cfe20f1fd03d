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
