"""The progress bar counts every report and goes when closed (when it shows: test_plan)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from hulifa.checkrun.progress import Progress


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
