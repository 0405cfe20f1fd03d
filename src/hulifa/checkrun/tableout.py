"""`--format table`, written as results arrive: each report's block while blocks are wanted, one small
row per report for the batch summary, and the verdict line at the end. No finding outlives its
report, so a batch of any size runs in flat memory.

A terminal gets rich (colours, the console's width); a pipe or a file gets the same text laid out by
table_plain, which does not import rich's console, for a shorter start (README, Start-up)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from hulifa.atomic import Sink
    from hulifa.checkrun.options import CheckOptions
    from hulifa.model import ReportResult
    from hulifa.reporters.table import Block, SummaryRows

FILE_WIDTH = 160  # a file gets the wide table


class TableOut:
    """The table of one run, written to `sink` (laid out `width` cells wide), or printed by `console`
    (rich) when there is one. `live`: the sink is standard output. `timed`: the verdict line says how
    long the run took."""

    def __init__(
        self,
        sink: Sink,
        width: int,
        *,
        lang: str,
        show_all: bool = False,
        details: bool = True,
        quiet: bool = False,
        console: Console | None = None,
        live: bool = False,
        timed: bool = False,
    ) -> None:
        from hulifa.reporters.table import BatchSummary

        self.lang, self.show_all, self.details, self.quiet = lang, show_all, details, quiet
        self.started = time.perf_counter()
        self.summary = BatchSummary()
        self.sink, self.width, self.console, self.live, self.timed = sink, width, console, live, timed

    def _print(self, blocks: Sequence[SummaryRows | Block]) -> None:
        if self.console is not None:
            from hulifa.reporters.table_rich import printable

            self.console.print(printable(blocks))
            return
        from hulifa.reporters.table import text

        self.sink.write(text(blocks, self.width))

    def add(self, report: ReportResult) -> None:
        from hulifa.reporters.table import BLANK, report_blocks, unchecked_blocks

        if self.details and not report.checked:  # the reason is said once, on stderr
            self._print(unchecked_blocks(report, self.lang, self.width))
        elif self.details:
            self._print([*report_blocks(report, self.lang, self.show_all, self.width), BLANK])
        self.summary.add(report, self.lang)

    def finish(self) -> None:
        from hulifa.reporters.table import BLANK

        out: list[SummaryRows | Block] = []
        if len(self.summary.rows) > 1 and not self.quiet:
            out += self.summary.blocks(self.lang, self.width)
            out.append(BLANK)
        seconds = time.perf_counter() - self.started if self.timed else None
        out.append(self.summary.verdict_line(self.lang, self.width, seconds))
        for part in out:  # one at a time: the summary comes in chunks of rows, never laid out whole
            self._print([part])


def open_table(
    file: Path | None,
    o: CheckOptions,
    details: bool,
    inputs: frozenset[tuple[int, int]] = frozenset(),
    console: Callable[[], Console] | None = None,
) -> TableOut:
    """The table for `file` (None: stdout). On stdout it is printed by the rich console that `console`
    makes when rich writes it (see rich_writes), else laid out by table_plain to the pipe's width;
    a file gets the wide table. Raises InputError when `file` cannot be written."""
    from hulifa.atomic import StdoutSink, open_output

    live = file is None or str(file) == "-"
    sink: Sink = StdoutSink() if file is None else open_output(file, force=o.force, inputs=inputs)
    made = console() if console is not None and live and rich_writes(o.color) else None
    width = made.width if made is not None else pipe_width() if live else FILE_WIDTH
    return TableOut(
        sink,
        width,
        lang=o.lang,
        show_all=o.show_all,
        details=details,
        quiet=o.quiet,
        console=made,
        live=live,
        timed=live and sys.stdout.isatty(),
    )


def rich_writes(color: str, environ: Mapping[str, str] = os.environ, tty: bool | None = None) -> bool:
    """Whether rich writes the table: on a terminal (`tty`, default: stdout is one), or when colours
    are asked for (--color always, FORCE_COLOR or TTY_COMPATIBLE=1, as rich reads them)."""
    forced = bool(environ.get("FORCE_COLOR")) or environ.get("TTY_COMPATIBLE") == "1"
    tty = sys.stdout.isatty() if tty is None else tty
    return color == "always" or (color == "auto" and forced) or tty


def pipe_width(environ: Mapping[str, str] = os.environ) -> int:
    """The width rich gives a console that does not write to a terminal: COLUMNS, else the size of
    the terminal on stdin, stdout or stderr, else 80."""
    width = 0
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
            break
        except (AttributeError, ValueError, OSError):  # not a terminal
            pass
    columns = environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() else width
    return width or 80
