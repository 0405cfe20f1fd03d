"""Tables a text copy aligns with runs of spaces: the row splitter, and which lines are a table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hulifa.extract.document import Doc
from hulifa.extract.figures import find_figures
from hulifa.extract.textrows import space_rows, split_cells, width

_CHARS = st.sampled_from([*"指标合计件率12.%,，。 \u3000\t", "  ", "\u3000\u3000", "县政府", "8,412"])


@given(st.lists(_CHARS, max_size=40).map("".join))
def test_the_splitter_never_loses_or_invents_a_character(line: str) -> None:
    """Cells hold every character of the line but its gaps and margins, in order; what lies between them is
    whitespace; no cell starts or ends with whitespace."""
    cells = split_cells(line)
    assert [c for c in line if not c.isspace()] == [c for a, b in cells for c in line[a:b] if not c.isspace()]
    ends = [0, *(x for span in cells for x in span), len(line)]
    assert all(not line[a:b].strip() for a, b in zip(ends[::2], ends[1::2], strict=True))
    assert all(line[a:b] == line[a:b].strip() and line[a:b] for a, b in cells)
    assert ends == sorted(ends)


@given(
    st.lists(st.sampled_from(["全县", "办理", "案件", "12件", "同比增长5%", "，", "。", "3 958件", "a b"]), min_size=1)
)
def test_a_line_without_a_wide_gap_is_one_cell(words: list[str]) -> None:
    """Prose, single spaces and all (3 958件, a b), is one cell: only a tab or a gap two columns wide parts cells."""
    line = " ".join(words)
    assert [line[a:b] for a, b in split_cells(line)] == [line.strip()]


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("序号  指标      2024年", ["序号", "指标", "2024年"]),
        ("      合计      —     445", ["合计", "—", "445"]),  # the indent is a margin, not a cell
        ("城关街道\u300086\t142", ["城关街道", "86", "142"]),  # a full-width space is two columns wide
        ("   ", []),
    ],
)
def test_split_cells(line: str, cells: list[str]) -> None:
    assert [line[a:b] for a, b in split_cells(line)] == cells


def test_width_counts_a_cjk_character_as_two() -> None:
    assert (width("序号  "), width("1     "), width("\u3000")) == (6, 6, 2)


TABLE = (
    "附件1\n"
    "            某县2024年主要指标完成情况\n"
    "序号  指标                    单位      2024年      2023年      增减\n"
    "1     收到行政复议申请        件        362         318         +44\n"
    "2     行政复议纠错率          %         13.6        11.9        +1.7\n"
    "      合计                    件        362         318         +44\n"
)


def test_a_space_aligned_table_reads_as_tab_separated_rows() -> None:
    rows = space_rows(TABLE).split("\n")
    assert len(space_rows(TABLE)) == len(TABLE)
    assert [[c.strip() for c in row.split("\t")] for row in rows[2:6]] == [
        ["序号", "指标", "单位", "2024年", "2023年", "增减"],
        ["1", "收到行政复议申请", "件", "362", "318", "+44"],
        ["2", "行政复议纠错率", "%", "13.6", "11.9", "+1.7"],
        ["", "合计", "件", "362", "318", "+44"],  # its 序号 column empty, its cells under their columns
    ]
    assert rows[:2] == TABLE.split("\n")[:2]  # the title lines stay as written


def test_a_space_aligned_tables_cells_take_their_unit_year_and_sign() -> None:
    from hulifa.extract.priors import mark_priors

    doc = Doc.of(TABLE)
    found = [(f.text, f.unit, f.prior, f.change) for f in mark_priors(doc, find_figures(doc), 2024)]
    assert found[:6] == [
        ("362", "件", False, False),
        ("318", "件", True, False),
        ("+44", "件", False, True),
        ("13.6", "%", False, False),
        ("11.9", "%", True, False),
        ("+1.7", "百分点", False, True),  # a signed cell in a row of rates is a change in points
    ]


def test_a_label_wrapped_in_its_cell_does_not_end_the_table() -> None:
    """A long label its cell wrapped onto the next line, under itself: the rows after it are still the table's,
    under its year columns."""
    from hulifa.extract.priors import mark_priors

    text = (
        "序号  指标                    2024年      2023年\n"
        "1     行政机关负责人出庭应    100%        98.8%\n"
        "      诉率\n"
        "2     行政复议申请（件）      362         318\n"
    )
    doc = Doc.of(text)
    found = [(f.text, f.unit, f.prior) for f in mark_priors(doc, find_figures(doc), 2024)]
    assert found == [("100%", "%", False), ("98.8%", "%", True), ("362", "件", False), ("318", "件", True)]


def test_a_title_set_apart_from_its_number_stays_a_title() -> None:
    """pdftotext -layout indents every line and parts 表3 from its title: the title still names the table's
    targets (a plan), and the rows read under their header."""
    from hulifa.extract.targets import mark_targets

    text = (
        "                  表3     2025年主要目标\n"
        "    指标                        数值\n"
        "    行政机关负责人出庭应诉率    100%\n"
        "    行政复议纠错率              10%左右\n"
    )
    assert space_rows(text).split("\n")[0] == text.split("\n")[0]
    doc = Doc.of(text)
    assert [(f.text, f.plan) for f in mark_targets(doc, find_figures(doc), 2024)] == [("100%", True), ("10%左右", True)]


def test_a_wrapped_header_puts_its_units_over_their_columns() -> None:
    text = (
        "序号  乡镇          赋权事项     办理案件     其中首违\n"
        "                    （项）       （件）       不罚（件）\n"
        "1     城关街道      86           142          31\n"
        "2     穆溪镇        78           96           18\n"
    )
    found = [(f.text, f.unit) for f in find_figures(Doc.of(text))]
    assert found == [("86", "项"), ("142", "件"), ("31", "件"), ("78", "项"), ("96", "件"), ("18", "件")]


@pytest.mark.parametrize(
    "text",
    [
        # prose with double spaces, between prose lines
        "全年办理行政复议案件12件，同比增长5%。\n全县共有执法人员  1,368名  较上年减少34名\n"
        "其中持证  1,200名  占比87.7%\n",
        # a signature block and a date line
        "某县人民政府        某县司法局\n2025年3月28日       2025年3月28日\n",
        # a list of names
        "领导小组成员：\n张三        李四        王五\n赵六        钱七        孙八\n",
        # a table of contents, with dot leaders or with spaces
        "目  录\n一、主要举措……………………3\n二、存在的不足        8\n三、下一步安排        10\n",
        # one line only, no header
        "收到行政复议申请        件        362\n",
    ],
)
def test_what_is_not_a_table_stays_as_written(text: str) -> None:
    assert space_rows(text) == text


@given(
    st.lists(st.tuples(st.sampled_from(["行政复议申请", "纠错率", "执法人员"]), st.integers(0, 99999)), min_size=2),
    st.sampled_from(["  ", "    ", "\u3000", "\u3000 ", " \t "]),
)
def test_a_generated_table_keeps_every_offset_and_gets_a_tab_per_gap(rows: list[tuple[str, int]], gap: str) -> None:
    """Whatever the rows and the gap between cells: only whitespace changes, only into tabs, and each row has
    one tab between each two cells."""
    lines = [gap.join(["指标", "单位", "2024年", "2023年"])]
    lines += [gap.join([label, "件", f"{value:,}", str(value // 2)]) for label, value in rows]
    text = "\n".join(lines) + "\n"
    out = space_rows(text)
    assert len(out) == len(text)
    assert all(a == b or (a.isspace() and b == "\t") for a, b in zip(text, out, strict=True))
    assert all(len(row.split("\t")) == 4 for row in out.splitlines())


def test_a_title_with_its_unit_set_apart_gives_the_table_its_unit() -> None:
    """单位：件、% at the end of the title line, after a run of spaces: the title is no header, and its units
    are the table's (纠错率's in %)."""
    text = (
        "某县2024年主要指标                        单位：件、%\n"
        "指标                    2024年      2023年\n"
        "收到行政复议申请        362         318\n"
        "行政复议纠错率          13.6        11.9\n"
    )
    found = [(f.text, f.unit) for f in find_figures(Doc.of(text))]
    assert found == [("362", "件"), ("318", "件"), ("13.6", "%"), ("11.9", "%")]
