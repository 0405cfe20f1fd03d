"""A progress bar on stderr for long batches (count, total, time left); only on a terminal, never in CI
(plan.shows_bar). Imported only when it shows: it imports rich's progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


class Progress:
    """The bar, drawn on `console` (rich's, on stderr) from the first report to `close`."""

    def __init__(self, total: int, lang: str, console: Console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        from hulifa.messages import reason

        self.bar = Bar(
            TextColumn(reason("check.progress").get(lang)),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
            console=console,
        )
        self.task = self.bar.add_task("check", total=total)
        self.bar.start()

    def __call__(self, _result: object) -> None:
        self.bar.advance(self.task)

    def close(self) -> None:
        self.bar.stop()
