"""Category cells that span rows of a PDF table, given back to every row they span.

A cell merged down over two or three rows (行政检查 over 检查 and 发现问题; 城区 over two district bureaus) is
printed once, at the middle of its rows, and PDFium gives it as a line of its own beside them: grouped by
height it joins the one or two rows it touches into one, and the other rows lose their label and have a
cell fewer than the header, so every number moves one column to the left (this year's under the label,
last year's under this year). `spanned_rows` finds such cells and the rows each covers, so the rows can be
read with the category as their first cell again, each on its own line. A category printed at the top of
its rows (Word's cells, vertical-align: top) comes on its first row's line instead, and the rows below
have a cell fewer: `inherited_rows` gives them the first cell of that row, when they stand under its
second column.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hulifa.extract.pdf import Line

_SHORT_CELL = 0.3  # a category cell is short: at most this share of the text's width
_ROW_GAP = 3.0  # rows of one table follow each other within this many type sizes
# A centred cell's middle is its rows' middle; one further off than this share of a line is not theirs.
_CENTRE_SLACK = 0.6


def spanned_rows(lines: Sequence[Line]) -> dict[int, list[int]]:
    """{a row's line: the lines of the category cell that spans it}, for every row such a cell spans.

    A row is a line PDFium gave with its cells (tabs). A category cell is a short line without a tab, to
    the left of a run of two or more consecutive rows of one table that start right of it, in a table
    that has a row starting left of it (the header, or a row with a category of its own), so it stands in
    the table's first column. Cells stacked in that column (a category on two lines) are one; several
    categories beside one run (城区 then 县（市）, each over its own rows) share it out, top down, each
    taking the rows whose middle is its own."""
    if len(lines) < 3:
        return {}
    rows, short = _rows_and_short(lines)
    runs: dict[tuple[int, ...], list[int]] = {}
    for table in _tables(lines, rows, set(short)):
        for c in short:
            run = _run_beside(lines, table, c)
            if run:
                runs.setdefault(run, []).append(c)
    out: dict[int, list[int]] = {}
    for run, cells in runs.items():
        for cell, covered in _share(lines, list(run), _stacks(lines, cells)):
            out.update(dict.fromkeys(covered, cell))
    return out


def inherited_rows(lines: Sequence[Line], spanned: Collection[int] = ()) -> dict[int, tuple[str, int]]:
    """{a row's line: (its category, the line that category is written on)}, for the rows under a
    category cell that is merged down and printed at its top (as Word sets cells, or a page's
    vertical-align: top): PDFium gives the category on its first row's line, and the rows below it a
    cell fewer than the table's widest row, starting right of that row. Each takes the first cell of the
    nearest row above that starts in the first column (not the table's first row, its header), when it
    stands in that row's second column. Rows a centred category cell spans (`spanned`) have theirs."""
    if len(lines) < 3:
        return {}
    rows, short = _rows_and_short(lines)
    out: dict[int, tuple[str, int]] = {}
    for table in _tables(lines, rows, set(short)):
        width = max(len(lines[r].cells) for r in table)
        above: int | None = None  # the row whose category the rows under it share
        for k, r in enumerate(table):
            line = lines[r]
            if r in spanned:
                above = None
            elif above is None or line.x0 <= lines[above].x0 + max(lines[above].size, 1.0):
                above = r if k and len(line.cells) > 1 else None  # a row with a category of its own
            elif len(line.cells) == width - 1 and _aligned(line.cells[0], lines[above].cells[1], line.size):
                out[r] = (lines[above].text.split("\t")[0].strip(), above)
    return out


def _aligned(cell: tuple[float, float], column: tuple[float, float], size: float) -> bool:
    """Does `cell` stand in the column of the cell `column` above it: starting where it starts (text set
    to the left) or centred where it is (text centred), within a character?"""
    slack = max(size, 1.0)
    return abs(cell[0] - column[0]) <= slack or abs(sum(cell) - sum(column)) / 2 <= slack


def _rows_and_short(lines: Sequence[Line]) -> tuple[list[int], list[int]]:
    """The page's rows (lines PDFium gave with their cells), top down, and its short lines without a tab."""
    width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    rows = sorted((i for i, ln in enumerate(lines) if "\t" in ln.text and not ln.rotated), key=lambda i: -lines[i].top)
    short = [
        i
        for i, ln in enumerate(lines)
        if "\t" not in ln.text and not ln.rotated and ln.text.strip() and ln.x1 - ln.x0 <= _SHORT_CELL * width
    ]
    return rows, short


def _tables(lines: Sequence[Line], rows: list[int], short: set[int]) -> list[list[int]]:
    """The rows (top down) split into tables: a row further than a few lines below the last, or a line of
    text between them that is neither a row nor short (a paragraph), starts another."""
    text = sorted(ln.top for k, ln in enumerate(lines) if k not in short and "\t" not in ln.text)
    tables: list[list[int]] = []
    for i in rows:
        if tables:
            last = lines[tables[-1][-1]]
            near = last.top - lines[i].top < _ROW_GAP * max(last.size, 1.0)
            between = bisect.bisect_left(text, last.top) > bisect.bisect_right(text, lines[i].top)
            if near and not between:
                tables[-1].append(i)
                continue
        tables.append([i])
    return [t for t in tables if len(t) > 1]


def _run_beside(lines: Sequence[Line], table: list[int], c: int) -> tuple[int, ...]:
    """The run of the table's rows that the short line `c` stands beside in its first column: the row
    nearest its middle and the rows above and below it that also start right of it; () when it is no
    such cell (not beside the table, a run of one row, no row of the table reaching its column)."""
    cell = lines[c]
    if not any(lines[r].x0 < cell.x1 for r in table):
        return ()
    middle = cell.top - cell.size / 2

    def distance(r: int) -> float:
        row = lines[r]
        return max(0.0, middle - row.top, row.top - row.size - middle)

    nearest = min(range(len(table)), key=lambda k: distance(table[k]))
    if distance(table[nearest]) > cell.size or lines[table[nearest]].x0 <= cell.x1:
        return ()
    first = last = nearest
    while first > 0 and lines[table[first - 1]].x0 > cell.x1:
        first -= 1
    while last + 1 < len(table) and lines[table[last + 1]].x0 > cell.x1:
        last += 1
    return tuple(table[first : last + 1]) if last > first else ()


def _stacks(lines: Sequence[Line], cells: list[int]) -> list[list[int]]:
    """The short lines beside one run as cells, top down: a line just under another in its width is the
    same cell's next line."""
    out: list[list[int]] = []
    for i in sorted(cells, key=lambda i: -lines[i].top):
        if out:
            above = lines[out[-1][-1]]
            line = lines[i]
            if line.x0 < above.x1 and above.x0 < line.x1 and above.top - line.top < 1.6 * max(above.size, 1.0):
                out[-1].append(i)
                continue
        out.append([i])
    return out


def _share(lines: Sequence[Line], run: list[int], cells: list[list[int]]) -> list[tuple[list[int], list[int]]]:
    """(a cell, the rows it spans): the run's rows, top down, shared among its cells in order, each
    taking the block of rows whose middle is nearest its own (a centred cell); a cell that no block
    centres on takes none."""
    out: list[tuple[list[int], list[int]]] = []
    start = 0
    for n, cell in enumerate(cells):
        top = max(lines[i].top for i in cell)
        bottom = min(lines[i].top - lines[i].size for i in cell)
        middle = (top + bottom) / 2
        room = len(run) - start - (len(cells) - n - 1)
        if room < 1:
            break

        block_top = lines[run[start]].top
        offs = [abs((block_top + lines[r].top - lines[r].size) / 2 - middle) for r in run[start : start + room]]
        best = min(range(room), key=offs.__getitem__) + 1
        if offs[best - 1] > _CENTRE_SLACK * max(lines[cell[0]].size, 1.0):
            continue
        out.append((cell, run[start : start + best]))
        start += best
    return out


__all__ = ["inherited_rows", "spanned_rows"]
