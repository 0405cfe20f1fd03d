"""The table's blocks (hulifa.reporters.table) as plain text, without rich's console: what a pipe or
a file gets, at any width, with a shorter start than importing rich's console, table and text
(README, Start-up).

The layout is rich's (15.x), followed step by step so that the bytes are the same as table_rich's:
Text.wrap (words split at whitespace, a word wider than the line folded, CJK runs being words
too), Padding, Table's column widths (measure, share out by ratio, collapse, re-measure) and the
wide table's HEAVY_HEAD box (rich's box for a UTF-8 file, as table_rich writes one).
tests/reporters/test_table_plain.py compares the two on every case, both languages and several widths,
and on generated findings. Cell widths come from rich.cells, which imports nothing else of rich.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from math import ceil

from rich.cells import cell_len, chop_cells, set_cell_size

from hulifa.reporters.table import Block, Column, Grid, Indented, Line, Sheet, SummaryRows, plain

_WORD = re.compile(r"\s*\S+\s*")
_TRAILING = re.compile(r"\s+$")


# -------------------------------------------------------------------------------------- text


def _breaks(text: str, width: int, fold: bool) -> list[int]:
    """Where a line breaks: rich._wrap.divide_line."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        size = cell_len(word.rstrip())
        if width - offset >= size:
            offset += cell_len(word)
        elif size > width:
            if fold:
                pieces = chop_cells(word, width)
                for i, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if i == len(pieces) - 1:
                        offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _expand_tabs(line: str, size: int = 8) -> str:
    out = []
    position = 0
    for part in re.split(r"(?<=\t)", line):
        if part.endswith("\t"):
            part = part[:-1] + " "
            position += cell_len(part)
            if position % size:
                part += " " * (size - position % size)
                position += size - position % size
        else:
            position += cell_len(part)
        out.append(part)
    return "".join(out)


def _truncate(line: str, width: int, overflow: str, pad: bool = False) -> str:
    size = cell_len(line)
    if size > width:
        line = set_cell_size(line, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(line, width)
    if pad and size < width:
        line += " " * (width - size)
    return line


def wrap(text: str, width: int, justify: str = "default", overflow: str = "fold", no_wrap: bool = False) -> list[str]:
    """rich's Text.wrap, on the text alone."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            line = _expand_tabs(line)
        if no_wrap:
            pieces = [line]
        else:
            cuts = [0, *_breaks(line, width, overflow == "fold"), len(line)]
            pieces = [line[a:b] for a, b in pairwise(cuts)]
            pieces = [_rstrip_end(piece, width) for piece in pieces]
        if justify == "left":
            pieces = [_truncate(piece, width, overflow, pad=True) for piece in pieces]
        elif justify == "right":
            pieces = [_truncate(piece.rstrip(), width, overflow) for piece in pieces]
            pieces = [" " * (width - cell_len(piece)) + piece for piece in pieces]
        elif justify == "center":
            pieces = [_truncate(piece.rstrip(), width, overflow) for piece in pieces]
            pieces = [" " * ((width - cell_len(piece)) // 2) + piece for piece in pieces]
            pieces = [piece + " " * (width - cell_len(piece)) for piece in pieces]
        lines.extend(_truncate(piece, width, overflow) for piece in pieces)
    return lines


def _rstrip_end(line: str, width: int) -> str:
    """Whitespace beyond `width` off the end (rich counts characters here, not cells)."""
    if len(line) > width:
        match = _TRAILING.search(line)
        if match is not None:
            return line[: len(line) - min(len(match.group()), len(line) - width)]
    return line


def _fit(line: str, width: int, pad: bool = True) -> str:
    """A rendered line cropped (or padded) to `width` cells: rich's Segment.adjust_line_length."""
    size = cell_len(line)
    if size > width:
        return set_cell_size(line, width)
    return line + " " * (width - size) if pad and size < width else line


def _measure(text: str, most: int) -> tuple[int, int]:
    """rich's Measurement.get of a Text: its longest word and its longest line, within `most`."""
    if most < 1:
        return 0, 0
    lines = text.splitlines()
    longest = max((cell_len(line) for line in lines), default=0)
    word = max((cell_len(w) for w in text.split()), default=longest)
    low, high = min(max(0, word), longest), max(0, word, longest)
    low, high = min(low, most), min(high, most)
    return (0, 0) if high < 1 else (min(low, high), high)


# ------------------------------------------------------------------------------------- tables


def _distribute(total: int, ratios: list[int], minimums: list[int] | None = None) -> list[int]:
    """rich._ratio.ratio_distribute."""
    if minimums:
        ratios = [ratio if low else 0 for ratio, low in zip(ratios, minimums, strict=True)]
    total_ratio = sum(ratios)
    remaining = total
    out = []
    for ratio, low in zip(ratios, minimums or [0] * len(ratios), strict=True):
        share = max(low, ceil(ratio * remaining / total_ratio)) if total_ratio > 0 else remaining
        out.append(share)
        total_ratio -= ratio
        remaining -= share
    return out


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich._ratio.ratio_reduce."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            share = min(most, round(ratio * remaining / total_ratio))
            out.append(value - share)
            remaining -= share
            total_ratio -= ratio
        else:
            out.append(value)
    return out


def _collapse(widths: list[int], wrapable: list[bool], most: int) -> list[int]:
    """rich's Table._collapse_widths: the widest wrapable columns narrowed first."""
    total = sum(widths)
    excess = total - most
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
            second = max(w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True))
            ratios = [1 if w == widest and ok else 0 for w, ok in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not widest - second:
                break
            widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
            total = sum(widths)
            excess = total - most
    return widths


class _Layout:
    """One table laid out as rich's Table lays it: `grid` is Table.grid(padding=(0, 1), expand=True)
    (collapsed padding, no header), otherwise Table(box=None, pad_edge=False) with a header."""

    def __init__(self, columns: tuple[Column, ...], rows: list[tuple[str, ...]], grid: bool) -> None:
        self.columns, self.grid = columns, grid
        last = len(columns) - 1
        # (left, right) padding of each column's cells: one space between columns, none at the edges
        self.pads = [(0 if grid or i == 0 else 1, 0 if i == last else 1) for i in range(len(columns))]
        self.rows = rows if grid else [tuple(c.header for c in columns), *rows]

    def _measure_column(self, index: int, most: int) -> tuple[int, int]:
        if most < 1:
            return 0, 0
        column, (left, right) = self.columns[index], self.pads[index]
        pad = left + right
        if column.width is not None:
            return min(column.width + pad, most), min(column.width + pad, most)
        lows, highs = [], []
        for row in self.rows:
            if most - pad < 1:
                low, high = most, most
            else:
                low, high = _measure(row[index], most)
                low, high = min(low + pad, most), min(high + pad, most)
                low, high = (0, 0) if high < 1 else (min(low, high), high)
            lows.append(low)
            highs.append(high)
        low, high = min(max(lows, default=1), most), min(max(highs, default=most), most)
        if column.min_width is not None:
            low, high = max(low, column.min_width + pad), max(high, column.min_width + pad)
        if column.max_width is not None:
            low, high = min(low, column.max_width + pad), min(high, column.max_width + pad)
        return low, high

    def widths(self, most: int) -> list[int]:
        """Table._calculate_column_widths."""
        columns = self.columns
        ranges = [self._measure_column(i, most) for i in range(len(columns))]
        widths = [high or 1 for _, high in ranges]
        if self.grid:  # expand: the ratio columns share what the others leave
            flexible = [i for i, c in enumerate(columns) if c.ratio is not None]
            ratios = [columns[i].ratio or 0 for i in flexible]
            if any(ratios):
                fixed = [0 if c.ratio is not None else high for c, (_, high) in zip(columns, ranges, strict=True)]
                lows = [(columns[i].width or 1) + sum(self.pads[i]) for i in flexible]
                for i, share in zip(flexible, _distribute(most - sum(fixed), ratios, lows), strict=True):
                    widths[i] = fixed[i] + share
        total = sum(widths)
        if total > most:
            widths = _collapse(widths, [c.width is None and not c.no_wrap for c in columns], most)
            total = sum(widths)
            if total > most:
                widths = _reduce(total - most, [1] * len(widths), widths, widths)
                total = sum(widths)
            widths = [self._measure_column(i, w)[1] or 0 for i, w in enumerate(widths)]
        if total < most and self.grid:
            widths = [w + extra for w, extra in zip(widths, _distribute(most - total, widths), strict=True)]
        return widths

    def lines(self, widths: list[int], boxed: bool = False) -> list[str]:
        out: list[str] = []
        for number, row in enumerate(self.rows):
            cells = []
            for index, (text, width) in enumerate(zip(row, widths, strict=True)):
                column, (left, right) = self.columns[index], self.pads[index]
                room = width - left - right
                inner = wrap(text, room, column.justify, column.overflow, column.no_wrap)
                cells.append([_fit(" " * left + _fit(line, room) + " " * right, width) for line in inner])
            height = max(len(cell) for cell in cells)
            header = not self.grid and number == 0
            for cell, width in zip(cells, widths, strict=True):
                blank = [" " * width] * (height - len(cell))
                cell[:] = blank + cell if header else cell + blank  # a header sits at the bottom of its row
            edge = ("┃" if header else "│") if boxed else ""
            out.extend(edge + edge.join(parts) + edge for parts in zip(*cells, strict=True))
            if header and boxed:
                out.append(_rule("┡━╇┩", widths))
        return [_rule("┏━┳┓", widths), *out, _rule("└─┴┘", widths)] if boxed else out


def _rule(box: str, widths: list[int]) -> str:
    """A rule of rich's HEAVY_HEAD box (the wide table's): left end, line, divider, right end."""
    left, line, divider, right = box[0], box[1], box[2], box[3]
    return left + divider.join(line * width for width in widths) + right


def _table(block: Grid | Sheet, width: int) -> list[str]:
    if isinstance(block, Grid):
        layout = _Layout(block.columns, [tuple(plain(cell) for cell in block.cells)], grid=True)
    else:
        layout = _Layout(block.columns, [tuple(plain(cell) for cell in row) for row in block.rows], grid=False)
    boxed = isinstance(block, Sheet) and block.box
    edges = len(block.columns) + 1 if boxed else 0  # the box's two sides and a divider between columns
    widths = layout.widths(width - edges)
    return [_fit(line, width, pad=False) for line in layout.lines(widths, boxed)]


# -------------------------------------------------------------------------------------- blocks


def lines(block: SummaryRows | Block, width: int) -> list[str]:
    """A block's lines at `width`, each without its trailing spaces."""
    if isinstance(block, SummaryRows):
        sheet = block.sheet()
        out = block.cut(_table(sheet, width)) if sheet is not None else []
    elif isinstance(block, Line):
        out = [_fit(line, width, pad=False) for line in wrap(plain(block.text), width)]
    elif isinstance(block, Indented):
        text = plain(block.text)
        room = min(_measure(text, width)[1] + block.indent, width) - block.indent
        out = [" " * block.indent + _fit(line, room) for line in wrap(text, room)]
        out = [_fit(line, width, pad=False) for line in out]
    else:
        out = _table(block, width)
    return [line.rstrip(" ") for line in out]


def render(blocks: Sequence[SummaryRows | Block], width: int) -> str:
    """The blocks as table_rich.render writes them, without rich's console."""
    return "".join(line + "\n" for block in blocks for line in lines(block, width))
