"""The terminal table of a run, without typer: fed report by report it prints what `hulifa check`
prints; where it goes decides its width and whether rich lays it out."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

import hulifa
from checkrun.runopts import options
from clihelp import HULI_DATA, run_cli
from hulifa.checkrun.tableout import FILE_WIDTH, TableOut, open_table, pipe_width, rich_writes


class Collected:
    """A sink that keeps what it is given, and whether it was committed or aborted."""

    def __init__(self) -> None:
        self.text, self.ended = "", ""

    def write(self, text: str) -> None:
        self.text += text

    def commit(self) -> None:
        self.ended = "commit"

    def abort(self) -> None:
        self.ended = "abort"


def _table(paths: list[str], width: int, **given: object) -> str:
    sink = Collected()
    table = TableOut(sink, width, **given)  # type: ignore[arg-type]
    for report in hulifa.check(paths).reports:
        table.add(report)
    table.finish()
    return sink.text


@pytest.mark.parametrize(("lang", "width"), [("zh", 100), ("en", 80), ("zh", 40), ("en", FILE_WIDTH)])
def test_fed_report_by_report_it_prints_what_check_prints(lang: str, width: int) -> None:
    cli = run_cli("check", str(HULI_DATA), "--isolated", "--lang", lang, env={"COLUMNS": str(width)})
    assert _table([str(HULI_DATA)], width, lang=lang) == cli.stdout


def test_a_batch_has_its_summary_and_verdict(batch: Path) -> None:
    cli = run_cli("check", str(batch), "--isolated", env={"COLUMNS": "100"})
    assert _table([str(batch)], 100, lang="zh") == cli.stdout
    summary_only = _table([str(batch)], 100, lang="zh", details=False)
    assert "乙区" in summary_only and summary_only in cli.stdout and len(summary_only) < len(cli.stdout)
    quiet = _table([str(batch)], 100, lang="zh", details=False, quiet=True)
    assert quiet == cli.stdout.splitlines(keepends=True)[-1]  # the verdict line alone


def test_rich_prints_the_same_text_without_colour() -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, no_color=True, color_system=None, highlight=False, markup=False, emoji=False)
    sink = Collected()
    table = TableOut(sink, 100, lang="zh", console=console)
    for report in hulifa.check(str(HULI_DATA)).reports:
        table.add(report)
    table.finish()
    assert sink.text == "" and out.getvalue() == _table([str(HULI_DATA)], 100, lang="zh")


def test_a_file_gets_the_wide_table_and_rich_is_not_asked_for(tmp_path: Path) -> None:
    made: list[int] = []

    def console() -> Console:
        made.append(1)
        return Console()

    table = open_table(tmp_path / "t.txt", options([HULI_DATA], color="always"), True, console=console)
    assert (table.width, table.live, table.console, made) == (FILE_WIDTH, False, None, [])
    table.sink.abort()
    assert not (tmp_path / "t.txt").exists()


@pytest.mark.parametrize(("color", "rich"), [("never", False), ("auto", False), ("always", True)])
def test_stdout_is_laid_out_by_rich_only_when_asked(monkeypatch: pytest.MonkeyPatch, color: str, rich: bool) -> None:
    monkeypatch.setenv("COLUMNS", "77")
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    made = Console(file=io.StringIO(), width=123)
    table = open_table(None, options([HULI_DATA], color=color), True, console=lambda: made)
    assert table.live and (table.console is made) is rich
    assert table.width == (123 if rich else 77)


@pytest.mark.parametrize(
    ("color", "environ", "tty", "rich"),
    [
        ("auto", {}, True, True),  # a terminal
        ("auto", {}, False, False),  # a pipe
        ("never", {}, True, True),  # a terminal still gets rich, without colour (color_args)
        ("always", {}, False, True),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"TTY_COMPATIBLE": "1"}, False, True),
        ("auto", {"TTY_COMPATIBLE": "0"}, False, False),
        ("never", {"FORCE_COLOR": "1"}, False, False),
    ],
)
def test_rich_writes(color: str, environ: dict[str, str], tty: bool, rich: bool) -> None:
    assert rich_writes(color, environ, tty) is rich


@pytest.mark.parametrize(
    ("columns", "terminal", "width"),
    [("57", None, 57), ("57", 90, 57), ("", 90, 90), ("wide", 90, 90), ("", None, 80), ("0", None, 80)],
)
def test_pipe_width(monkeypatch: pytest.MonkeyPatch, columns: str, terminal: int | None, width: int) -> None:
    """COLUMNS, else a terminal on stdin, stdout or stderr, else 80: as rich would."""

    def size(descriptor: int) -> os.terminal_size:
        if terminal is None or descriptor != 2:
            raise OSError("not a terminal")
        return os.terminal_size((terminal, 24))

    monkeypatch.setattr(os, "get_terminal_size", size)
    assert pipe_width({"COLUMNS": columns}) == width
