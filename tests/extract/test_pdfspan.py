"""Category cells spanning rows of a PDF table, on pages laid out as PDFium reads them: a header, rows
given with tabs, and category cells printed once at the middle of the rows they span. The real PDF
(Chromium's print of rowspan cells) is tests/extract/layouts/pdf-rowspan-category-total."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hulifa.extract.pdf import Line, Page, normalise
from hulifa.extract.pdfspan import inherited_rows, spanned_rows

SIZE = 11.0
PITCH = 20.0  # one row's height: the text and its padding
LEFT, SECOND, RIGHT = 100.0, 170.0, 440.0


def _table(spans: list[int], top: float = 700.0) -> tuple[list[Line], list[str]]:
    """A page holding a header and, for each span, a category cell over that many rows; and the
    category each row must read with, top down."""
    lines = [Line("类别\t项目\t2025年\t2024年", LEFT, RIGHT, top, SIZE)]
    want: list[str] = []
    row = 1
    for n, span in enumerate(spans):
        name = f"类别{n}"
        first = top - row * PITCH
        middle = first - (span - 1) * PITCH / 2
        lines.append(Line(name, LEFT + 4, LEFT + 4 + SIZE * len(name), middle, SIZE))
        for k in range(span):
            lines.append(Line(f"项目{row}\t{row}\t{row + 1}", SECOND, RIGHT, first - k * PITCH, SIZE))
            want.append(name)
            row += 1
    return lines, want


def _categories(lines: list[Line]) -> dict[str, str]:
    return {lines[r].text.split("\t")[0]: "".join(lines[i].text for i in c) for r, c in spanned_rows(lines).items()}


@given(st.lists(st.integers(min_value=2, max_value=5), min_size=1, max_size=5))
def test_every_row_a_category_spans_reads_with_it(spans: list[int]) -> None:
    lines, want = _table(spans)
    got = _categories(lines)
    assert [got.get(f"项目{row}") for row in range(1, len(want) + 1)] == want


def test_rows_read_in_order_each_with_its_category() -> None:
    lines, _ = _table([2, 3])
    lines.append(Line("合计\t—\t38\t21", LEFT, RIGHT, 700.0 - 6 * PITCH, SIZE))
    text = normalise([Page(842.0, tuple(lines))]).text
    assert text.splitlines()[1:] == [
        "类别0\t项目1\t1\t2",
        "类别0\t项目2\t2\t3",
        "类别1\t项目3\t3\t4",
        "类别1\t项目4\t4\t5",
        "类别1\t项目5\t5\t6",
        "合计\t—\t38\t21",
    ]


def test_a_table_without_merged_cells_is_left_alone() -> None:
    lines = [Line("项目\t2025年\t2024年", LEFT, RIGHT, 700.0, SIZE)]
    lines += [Line(f"项目{k}\t{k}\t{k}", LEFT, RIGHT, 700.0 - k * PITCH, SIZE) for k in range(1, 4)]
    assert spanned_rows(lines) == {}


def test_a_short_line_beside_rows_of_another_table_is_no_category() -> None:
    # a paragraph stands between the header and the rows: they are not one table, the signature-like
    # short line beside the rows has no column of theirs to stand in
    lines = [
        Line("类别\t项目\t2025年", LEFT, RIGHT, 700.0, SIZE),
        Line("全年共办理行政复议案件38件，行政诉讼案件21件，均依法办结，其中败诉4件。" * 2, LEFT, 520.0, 680.0, SIZE),
        Line("附注", LEFT + 4, LEFT + 30, 650.0, SIZE),
        Line("项目1\t1\t2", SECOND, RIGHT, 660.0, SIZE),
        Line("项目2\t2\t3", SECOND, RIGHT, 640.0, SIZE),
    ]
    assert spanned_rows(lines) == {}


def _row(cells: list[tuple[str, float, float]], top: float) -> Line:
    """A row PDFium gave with its cells (text, x0, x1), as pdfread reports them."""
    return Line(
        "\t".join(t for t, _, _ in cells),
        cells[0][1],
        cells[-1][2],
        top,
        SIZE,
        cells=tuple((a, b) for _, a, b in cells),
    )


def test_rows_under_a_category_set_at_its_top_take_it() -> None:
    # Word sets the merged cell at the top: 行政处罚 is on its first row's line, the next rows start under 项目
    lines = [
        _row([("类别", 104, 126), ("项目", 170, 192), ("2025年", 300, 336), ("2024年", 380, 416)], 700),
        _row([("行政处罚", 104, 148), ("立案（件）", 170, 225), ("136", 300, 318), ("119", 380, 398)], 680),
        _row([("结案（件）", 170, 225), ("131", 300, 318), ("116", 380, 398)], 660),
        _row([("罚没款（元）", 170, 236), ("746,000", 300, 340), ("582,000", 380, 420)], 640),
        _row([("行政许可", 104, 148), ("办结许可（件）", 170, 247), ("1,905", 300, 330), ("1,788", 380, 410)], 620),
    ]
    assert inherited_rows(lines) == {2: ("行政处罚", 1), 3: ("行政处罚", 1)}
    assert normalise([Page(842.0, tuple(lines))]).text.splitlines()[2:4] == [
        "行政处罚\t结案（件）\t131\t116",
        "行政处罚\t罚没款（元）\t746,000\t582,000",
    ]


def test_a_row_not_under_the_second_column_keeps_its_cells() -> None:
    # 合计 centred over the 序号 and 名称 columns: a cell fewer, starting right of 序号, but under no column
    lines = [
        _row([("序号", 104, 126), ("名称", 200, 222), ("件数", 300, 322)], 700),
        _row([("1", 112, 118), ("取水许可", 189, 233), ("38", 305, 317)], 680),
        _row([("合计", 150, 172), ("38", 305, 317)], 660),
    ]
    assert inherited_rows(lines) == {}
