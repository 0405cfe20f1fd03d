"""The batch summary is printed in chunks of rows, each laid out exactly as the whole table would be."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console, Group, RenderableType

from hulifa.model import Severity
from hulifa.reporters import labels, table, table_plain, table_rich


def _summary(count: int, line_break: bool = False) -> table.BatchSummary:
    pick = random.Random(count)
    summary = table.BatchSummary()
    for i in range(count):
        # each column is widest in one row only, in different chunks: every chunk must still be laid out
        # as the whole table is
        stem = pick.choice(["x", "很长 的 名", "a b"]) * (40 if i == count - 1 else pick.randint(1, 3))
        summary.rows.append(
            table.Row(
                file=f"r/{stem}/{i}.yaml" + ("\nz" if line_break and i == 3 else ""),
                region="思明区很长很长 很长很长的名字" if i == 0 else pick.choice(["湖里区", "A B", ""]),
                year=pick.choice([2024, None]),
                checked=pick.random() > 0.1,
                errors=pick.randint(0, 20),
                warnings=123456789 if i == count // 2 else pick.randint(0, 200),
                infos=pick.randint(0, 5),
                worst=pick.choice(list(Severity)),
            )
        )
    return summary


def _print(width: int, *batches: list[RenderableType]) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, color_system="truecolor", highlight=False)
    for batch in batches:
        console.print(Group(*batch))
    return buffer.getvalue()


@pytest.mark.parametrize("count", [0, 1, table.SUMMARY_CHUNK, table.SUMMARY_CHUNK * 2 + 1])
@pytest.mark.parametrize("width", [60, 80, 160])
@pytest.mark.parametrize("line_break", [False, True])
def test_chunks_print_as_the_whole_table(count: int, width: int, line_break: bool) -> None:
    summary = _summary(count, line_break)
    columns, file_width = table._frame("zh", width)
    rows = tuple(table._cells(row, "zh", file_width) for row in summary.rows)
    sheet = table.Sheet(columns, rows, title=labels.heading("summary", "zh"))
    whole = table_rich.renderable(sheet)
    chunks = [part for part in summary.blocks("zh", width) if isinstance(part, table.SummaryRows)]
    assert len(chunks) == max(1, -(-count // table.SUMMARY_CHUNK))
    expected = _print(width, [whole])
    assert _print(width, *([table_rich.renderable(chunk)] for chunk in chunks)) == expected
    # and without rich's console, the same text (rich's colours aside)
    plain = table_plain.render(chunks, width)
    assert plain == table_rich.render([sheet], width)
