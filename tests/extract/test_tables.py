"""Tables in a report's text: a table copied one cell per line reads as rows, and a row whose label
names its unit states its bare numbers in that unit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hulifa.extract import extract_text
from hulifa.extract.document import Doc
from hulifa.extract.figures import find_figures
from hulifa.extract.tables import join_cell_lines, label_unit
from hulifa.model import RulePack

PASTED = (
    "2023年,全县依法行政。全县主要法治指标如下:\n"
    "主要指标\n2022年\n2023年\n"
    "行政复议案件\n88件\n102件\n"
    "行政复议纠错率\n7.9%\n8.8%\n"
    "二、第一责任人\n"
)


def test_a_table_copied_one_cell_per_line_is_joined_into_rows() -> None:
    joined = join_cell_lines(PASTED)
    assert joined.splitlines()[1:5] == [
        "主要指标\t2022年\t2023年",
        "行政复议案件\t88件\t102件",
        "行政复议纠错率\t7.9%\t8.8%",
        "二、第一责任人",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "一、主要举措\n2023年\n2024年\n正文。\n",  # years under a heading, no rows
        "指标\n2022年\n2023年\n行政复议案件\n88件\n",  # one row, and that cut short
        "全年办理案件12件。\n其中:\n行政复议\n12件\n行政诉讼\n5件\n",  # no year header
    ],
)
def test_what_is_not_such_a_table_stays_as_written(text: str) -> None:
    assert join_cell_lines(text) == text


def test_the_rows_give_the_earlier_year_and_the_indicator(pack: RulePack) -> None:
    ex = extract_text("某县人民政府2023年度法治政府建设情况报告\n" + PASTED, pack)
    prior = {(f.text, f.line) for f in ex.figures if f.prior}
    assert prior == {("88件", 7), ("7.9%", 10)}  # the 2022年 column; lines as in the text
    cases = {i.id: i for i in ex.indicators}["ar_case_count"]
    assert (cases.value, cases.line) == (102, 8)


@given(
    st.lists(
        st.sampled_from(["依法行政。", "全年办理案件12件。", "一、主要举措", "2024年", "指标", "12件", "8.5%"]),
        max_size=30,
    )
)
def test_joining_keeps_every_offset(lines: list[str]) -> None:
    """Whatever the lines, joining only turns newlines into tabs: offsets and length hold."""
    text = "\n".join(lines)
    joined = join_cell_lines(text)
    assert len(joined) == len(text)
    assert all(a == b or (a, b) == ("\n", "\t") for a, b in zip(text, joined, strict=True))


@given(
    st.integers(min_value=2, max_value=4),
    st.lists(st.tuples(st.sampled_from(["行政复议案件", "败诉率", "执法人员"]), st.integers(0, 9999)), min_size=2),
)
def test_a_generated_table_is_read_row_by_row(width: int, rows: list[tuple[str, int]]) -> None:
    header = ["主要指标", *(f"{2020 + k}年" for k in range(width))]
    body = [[label, *(f"{value + k}件" for k in range(width))] for label, value in rows]
    text = "前言。\n" + "\n".join("\n".join(row) for row in [header, *body]) + "\n结语。\n"
    joined = join_cell_lines(text).splitlines()
    assert joined[1:-1] == ["\t".join(row) for row in [header, *body]]


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("行政复议申请（件）", "件"),
        ("一审行政诉讼(件)", "件"),
        ("执法人员（单位：名）", "名"),
        ("行政复议纠错率（%）", ""),  # a rate's cells carry their own %
        ("指标（说明）", ""),  # not a measure word
        ("行政复议申请", ""),
    ],
)
def test_label_unit(label: str, unit: str) -> None:
    assert label_unit(label) == unit


def test_bare_numbers_take_the_unit_their_row_label_names() -> None:
    doc = Doc.of("指标\t2023年\t2024年\n行政复议申请（件）\t186\t1,231\n行政复议纠错率\t9.7%\t12.3%\n说明\t2024\t3\n")
    found = [(f.text, f.value, f.unit) for f in find_figures(doc)]
    assert found == [("186", 186, "件"), ("1,231", 1231, "件"), ("9.7%", 9.7, "%"), ("12.3%", 12.3, "%")]
