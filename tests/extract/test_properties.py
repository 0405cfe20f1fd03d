"""Property tests: any text, however mangled, extracts without error and with sane offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hulifa.extract import extract_text
from hulifa.extract.textload import fold, html_to_text

ALPHABET = st.sampled_from(
    list('0123456789０１２３４５６７８９%％.,，、。;；:：()（）《》“”"〔〕[]+-/×\n 　')
    + list("一二两三四五六七八九十百千万亿零余多约近以上下左右不足超过第年月日号件次项个名人元成率均各为")
    + [
        "百分之",
        "行政复议",
        "出庭应诉率",
        "全覆盖",
        "全部进驻",
        "存在",
        "不足",
        "原因",
        "2024年,湖里区",
        "12345热线",
    ]
)
TEXTS = st.lists(ALPHABET, max_size=200).map("".join)

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str, pack) -> None:
    ex = extract_text(text, pack)
    for fig in ex.figures:
        assert 0 <= fig.start < fig.end <= len(text)
        assert text[fig.start : fig.end] == fig.text
        assert fig.value >= 0
        assert fig.line == text.count("\n", 0, fig.start) + 1
        assert fig.column == fig.start - (text.rfind("\n", 0, fig.start) + 1) + 1
    for ind in ex.indicators:
        assert 0 <= ind.start <= ind.end <= len(text)
        assert isinstance(ind.value, bool) or ind.value >= 0


@_SETTINGS
@given(TEXTS)
def test_random_report_like_text(pack, text: str) -> None:
    _check(text, pack)


@_SETTINGS
@given(st.text(max_size=300))
def test_any_unicode_text(pack, text: str) -> None:
    _check(text, pack)
    assert len(fold(text)) == len(text)


@_SETTINGS
@given(st.data())
def test_mutated_huli_report(pack, huli_text: str, data) -> None:
    chars = list(huli_text)
    for _ in range(data.draw(st.integers(0, 30))):
        pos = data.draw(st.integers(0, len(chars) - 1))
        op = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        if op == "delete" and len(chars) > 1:
            del chars[pos]
        else:
            char = data.draw(st.sampled_from(list("0123456789万余%第《》“”\n,。、件次年月")))
            if op == "insert":
                chars.insert(pos, char)
            else:
                chars[pos] = char
    _check("".join(chars), pack)


@_SETTINGS
@given(st.text(alphabet=st.sampled_from(list("<>/ph=\"' abc审查590件&;#x\n")), max_size=200))
def test_html_never_raises(text: str) -> None:
    html_to_text(text)
