"""Category cells spanning rows of a PDF table, on pages laid out as PDFium reads them: a header, rows
given with tabs, and category cells printed once at the middle of the rows they span. The real PDF
(Chromium's print of rowspan cells) is tests/extract/layouts/pdf-rowspan-category-total."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hulifa.extract.pdf import Line, Page, normalise
from hulifa.extract.pdfspan import spanned_rows

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
