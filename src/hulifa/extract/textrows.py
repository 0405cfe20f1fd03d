"""Tables a text copy lays out with runs of spaces, read as rows of tab-separated cells.

Text copied from a PDF or a Word file gives a table's rows as cells parted by runs of spaces (full-width
spaces, or a tab among them), under a title line and a header, sometimes a header wrapped onto two lines, a
label wrapped onto the next line under itself, and a 合计 row without its 序号. `space_rows` finds such tables
and turns each gap between cells into spaces that end in tabs, one character for one, so offsets and line
numbers hold and the rows read as a pasted table's do: with their header, unit column and row label
(tables.headed_rows, figures.table_cells). A row with fewer cells than the table's widest line has its cells
put under the columns they stand under on the line (a CJK character two columns wide), with one tab for each
column it steps over.

A table is a header (short cells, no figure but a year) over rows with figures, none a sentence: prose with
double spaces, a signature or date line, a list of names and a table of contents are not tables.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from hulifa.extract.tables import DATE, YEAR_WORD, line_spans, wrapped_cell
from hulifa.textsafe import cells as width

# Few patterns, and str methods where they do: an extract run's patterns are stored up to patterncache.LIMIT.
# a run of whitespace within a line; a gap between cells when it holds a tab or is two columns wide
_RUN = re.compile(r"[^\S\n]+")
_MAX_CELL = 30
_MAX_ROW = 400  # a longer line is prose (or a whole text without newlines), never a row
# a header that can head a table of one row; any other needs two
_STRONG = ("目标", "计划", "预期", "完成", "实际", "指标", "项目", "序号", "单位")
_MAX_HEADER_LINES = 3


def split_cells(line: str) -> list[tuple[int, int]]:
    """(start, end) in `line` of each cell: the text between gaps (a run of whitespace with a tab, or two
    columns wide), without the line's margins. A line without such a gap is one cell; a blank line none."""
    lo, hi = len(line) - len(line.lstrip()), len(line.rstrip())
    if lo >= hi:
        return []
    spans, at = [], lo
    for m in _RUN.finditer(line, lo, hi):
        if "\t" in m.group() or width(m.group()) >= 2:
            spans.append((at, m.start()))
            at = m.end()
    spans.append((at, hi))
    return spans


class _Line(NamedTuple):
    start: int  # offset of the line in the text
    cells: list[tuple[int, int]]  # spans of its cells, in the line
    texts: list[str]  # the cells' folded text
    kind: str  # "header", "row", "wrap" (a cell's second line), "blank" or "" (a title, prose, a single cell)


def _prose(cell: str) -> bool:
    """A cell of prose: a sentence's punctuation (a comma before a digit is a thousands separator), or leaders."""
    commas = (i for i, ch in enumerate(cell) if ch in ",，")
    return (
        any(ch in "。；;！!？?…" for ch in cell)
        or "..." in cell
        or "···" in cell
        or any(not cell[i + 1 : i + 2].isdigit() for i in commas)
    )


def _numbered(cell: str) -> bool:
    """A table's number set apart from its title (表1    2024年行政执法情况): the line is a title, not a header."""
    rest = next((cell[len(p) :] for p in ("附件", "附表", "表") if cell.startswith(p)), "").strip().rstrip(":：.、")
    return 0 < len(rest) <= 3 and all(ch.isdigit() or ch in "一二三四五六七八九十" for ch in rest)


def _kind(texts: list[str]) -> str:
    if not texts:
        return "blank"
    if len(texts) < 2 or any(len(t) > _MAX_CELL or _prose(t) for t in texts):
        return ""
    figures = [any(c.isdigit() for c in YEAR_WORD.sub("", t)) and not DATE.search(t) for t in texts]
    if any(figures[1:]):  # a figure after the first cell (the first may be a 序号)
        return "row"
    if any(figures) or all(len(t) < 2 for t in texts) or "".join(texts) == "目录" or _numbered(texts[0]):
        return ""
    if any("单位：" in t or "单位:" in t for t in texts):  # a title and its 单位：件 (tables.unit_line), no header
        return ""
    return "header"


def _lines(folded: str, text: str) -> list[_Line]:
    out = []
    for start, end in line_spans(folded):
        line = text[start:end]
        gap = len(line) <= _MAX_ROW and ("  " in line or "\t" in line or "\u3000" in line)
        cells = split_cells(line) if gap else []
        if not cells and line.strip():
            cells = [(len(line) - len(line.lstrip()), len(line.rstrip()))]
        texts = [folded[start + a : start + b] for a, b in cells]
        kind = _kind(texts)
        if not kind and len(texts) == 1 and cells[0][0] and wrapped_cell(texts[0]):
            kind = "wrap"
        out.append(_Line(start, cells, texts, kind))
    return out


def _table_at(lines: list[_Line], i: int) -> tuple[int, int]:
    """(how many lines from line i make a table: a header, maybe wrapped, then its rows, or 0 when none; the
    line to look at next). Lines of headers with no row under them are passed over at once: a long list of
    names is read once, not once for each of its lines."""
    heads = 0
    while i + heads < len(lines) and lines[i + heads].kind == "header" and heads < _MAX_HEADER_LINES:
        heads += 1
    if not heads:
        return 0, i + 1
    end, rows = i + heads, 0
    while end < len(lines):
        kind = lines[end].kind
        if kind == "blank" and end + 1 < len(lines) and lines[end + 1].kind == "row":
            end += 1  # a blank line between rows does not end the table
            continue
        if kind == "wrap" and lines[end - 1].kind in ("row", "wrap"):
            end += 1  # the rest of a row's label, wrapped in its cell
            continue
        if kind not in ("row", "header"):  # a header again after a page break
            break
        rows += kind == "row"
        end += 1
    strong = any(YEAR_WORD.search(t) or any(w in t for w in _STRONG) for ln in lines[i : i + heads] for t in ln.texts)
    if rows >= (1 if strong else 2):
        return end - i, end
    return 0, end if rows == 0 else i + 1


def _columns(line: str, cells: list[tuple[int, int]], ref: list[tuple[int, int]]) -> list[int]:
    """The column of each cell, by where it stands on the line against `ref`, the widest line's cells (all
    in display columns): the reference cell it overlaps most, else the nearest; always left to right."""
    out: list[int] = []
    for a, b in cells:
        left, right = width(line[:a]), width(line[:b])
        best = max(
            range(len(ref)),
            key=lambda k: (min(right, ref[k][1]) - max(left, ref[k][0]), -abs(left + right - sum(ref[k]))),
        )
        out.append(max(best, out[-1] + 1 if out else 0))
    return out


def space_rows(folded: str, text: str | None = None) -> str:
    """`folded` with the gaps between the cells of each space-aligned table turned into tabs (same length,
    same offsets). `text` is the unfolded text, whose full-width spaces are two columns wide (folding makes
    them one); by default `folded`."""
    text = folded if text is None else text
    if "  " not in text and "\u3000" not in text:
        return folded
    lines = _lines(folded, text)
    chars: list[str] | None = None
    i = 0
    while i < len(lines):
        size, after = _table_at(lines, i)
        if size:
            chars = chars if chars is not None else list(folded)
            _write(chars, text, [ln for ln in lines[i : i + size] if ln.cells])
        i = after
    return folded if chars is None else "".join(chars)


def _write(chars: list[str], text: str, block: list[_Line]) -> None:
    """End each gap of the block's lines in a tab for each column it steps over (the indent, one for each
    column before the first cell); a line with a tab already keeps its tabs, and its cells their order."""
    widest = max(block, key=lambda ln: len(ln.cells))
    wline = text[widest.start : widest.start + widest.cells[-1][1]]
    ref = [(width(wline[:a]), width(wline[:b])) for a, b in widest.cells]
    for ln in block:
        line = text[ln.start : ln.start + ln.cells[-1][1]]
        tabbed = "\t" in line
        columns = list(range(len(ln.cells))) if tabbed or len(ln.cells) >= len(ref) else _columns(line, ln.cells, ref)
        end, previous = 0, 0
        for k, ((a, b), column) in enumerate(zip(ln.cells, columns, strict=True)):
            lo, hi = ln.start + end, ln.start + a
            steps = column - previous if k else max(column, ln.kind == "wrap")  # a wrapped label: a tab line
            if not (tabbed and "\t" in text[lo:hi]):
                tabs = min(steps, hi - lo)
                chars[hi - tabs : hi] = ["\t"] * tabs
            end, previous = b, column


__all__ = ["space_rows", "split_cells", "width"]
