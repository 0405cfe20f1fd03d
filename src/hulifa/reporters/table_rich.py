"""The table's blocks (hulifa.reporters.table) written with rich: on a terminal (colours, the
console's own width), or when colours are forced. A pipe or a file gets table_plain, the same text."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from hulifa.reporters.table import Block, Grid, Indented, Line, Styled, SummaryRows


def text(styled: Styled) -> Text:
    return Text.assemble(*styled)


def renderable(block: SummaryRows | Block) -> RenderableType:
    if isinstance(block, SummaryRows):
        return _SummaryRows(block)
    if isinstance(block, Line):
        return text(block.text)
    if isinstance(block, Indented):
        return Padding(text(block.text), (0, 0, 0, block.indent), expand=False)
    if isinstance(block, Grid):
        table = Table.grid(padding=(0, 1), expand=True)
        cells = block.cells
    else:
        table = (
            Table(show_lines=False, header_style="bold", pad_edge=False)
            if block.box
            else Table(header_style="bold", box=None, pad_edge=False)
        )
        cells = ()
    for c in block.columns:
        table.add_column(
            c.header,
            justify="right" if c.justify == "right" else "left",
            no_wrap=c.no_wrap,
            overflow="fold" if c.overflow == "fold" else "ellipsis",
            width=c.width,
            min_width=c.min_width,
            max_width=c.max_width,
            ratio=c.ratio,
        )
    for row in (cells,) if isinstance(block, Grid) else block.rows:
        table.add_row(*(text(cell) for cell in row))
    return table


class _SummaryRows:
    """A chunk of the batch summary (see table.SummaryRows): its sheet rendered, its own lines kept."""

    def __init__(self, chunk: SummaryRows) -> None:
        self.chunk = chunk

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        sheet = self.chunk.sheet()
        if sheet is None:
            return
        for line in self.chunk.cut(console.render_lines(renderable(sheet), options, pad=False)):
            yield from line
            yield Segment.line()


class Trimmed:
    """`inner` with no line ending in spaces: rich pads a grid's or table's cells to their column's width,
    and a trailing space is noise in a diff, a pipe or a copied line."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in console.render_lines(self.inner, options, pad=False):
            yield from rstrip(line)
            yield Segment.line()


def rstrip(line: list[Segment]) -> list[Segment]:
    """A rendered line without its trailing spaces (control segments, which take no cells, are kept)."""
    out = list(line)
    while out:
        last = out[-1]
        if last.control:
            break
        stripped = last.text.rstrip(" ")
        if stripped:
            out[-1] = Segment(stripped, last.style, last.control)
            break
        out.pop()
    return out


def printable(blocks: Sequence[SummaryRows | Block]) -> Trimmed:
    return Trimmed(Group(*(renderable(block) for block in blocks)))


def console_for(file: io.StringIO, width: int) -> Console:
    return Console(
        file=file,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )


def render(blocks: Sequence[SummaryRows | Block], width: int) -> str:
    """Plain text (no colour) at a fixed width, as rich lays it out: what table_plain is held to (tests)."""
    buffer = io.StringIO()
    console_for(buffer, width).print(printable(blocks))
    return buffer.getvalue()
