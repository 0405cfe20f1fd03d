"""The progress bar: when it shows, and that it counts every report."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from hulifa.checkrun.progress import Progress, shows_bar


@pytest.mark.parametrize(
    ("total", "quiet", "environ", "tty", "shown"),
    [
        (2, False, {}, True, True),
        (1, False, {}, True, False),  # one file: nothing to track
        (500, True, {}, True, False),  # -q, or the report tables on the same terminal
        (500, False, {}, False, False),  # a log file, a pipe
        (500, False, {"CI": "true"}, True, False),  # CI runners often fake a terminal
    ],
)
def test_shows_bar(total: int, quiet: bool, environ: dict[str, str], tty: bool, shown: bool) -> None:
    assert shows_bar(total, quiet, environ, tty) is shown


@pytest.mark.parametrize(("lang", "label"), [("zh", "检查"), ("en", "checking")])
def test_the_bar_counts_each_report_and_goes_when_closed(lang: str, label: str) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80, no_color=True)
    bar = Progress(3, lang, console)
    for _ in range(3):
        bar(object())
    (task,) = bar.bar.tasks
    assert (task.completed, task.total) == (3, 3)
    bar.close()
    assert label in out.getvalue().lower()
