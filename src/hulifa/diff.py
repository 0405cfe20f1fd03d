"""`hulifa diff OLD NEW`: two reports side by side. Pure: data in, rows out, rows rendered to text/JSON.

Every numeric indicator either report carries (stated, or derived by the pack) is a row: its value in
each year, the change, and the trend verdict when the rule has a `trend:`.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from hulifa import messages
from hulifa.indicator_intervals import all_figures, best, figure_change, trend_status
from hulifa.model import FORMAT_VERSION, Change, Direction, ReportData, RulePack, Severity, Status, Text

VERDICT = {
    Status.PASS: ("符合", "met"),
    Status.STATED: ("已填报", "stated"),
    Status.SHORTFALL: ("不符合", "missed"),
    Status.UNVERIFIABLE: ("无法确认", "unverifiable"),
}


@dataclass(frozen=True, slots=True)
class Row:
    rule: str
    name: str
    name_en: str
    unit: str
    old: str  # "" when that year does not carry it
    new: str
    change: Change | None  # None when either year lacks the figure
    trend: str = ""  # the trend's direction, when the rule has one
    verdict: str = ""  # pass | shortfall | unverifiable, when both years carry it
    severity: str = ""  # the trend's severity, when the rule has one


@dataclass(frozen=True, slots=True)
class Comparison:
    old: ReportData
    new: ReportData
    rows: tuple[Row, ...]
    notes: tuple[Text, ...] = ()

    def exit_code(self, fail_on: Severity | None) -> int:
        """1 when a trend check fails with a severity at or above `fail_on`, as `check` counts it; else 0."""
        failed = (
            Severity(row.severity).rank >= fail_on.rank
            for row in self.rows
            if fail_on is not None and row.verdict == Status.SHORTFALL.value and row.severity
        )
        return 1 if any(failed) else 0


def compare(pack: RulePack, old: ReportData, new: ReportData) -> Comparison:
    old_stated, old_derived = all_figures(pack, old)
    new_stated, new_derived = all_figures(pack, new)
    rows: list[Row] = []
    for rule in pack.rules:
        then = best(rule.id, old_stated, old_derived)
        now = best(rule.id, new_stated, new_derived)
        if then is None and now is None:
            continue
        change = figure_change(now, then) if then and now else None
        direction = verdict = ""
        if rule.trend is not None:
            direction = rule.trend.direction.value
            if then and now:
                verdict = trend_status(rule.trend.direction, now.interval, then.interval).value
        rows.append(
            Row(
                rule=rule.id,
                name=rule.name,
                name_en=rule.name_en,
                unit=rule.unit,
                old=then.text if then else "",
                new=now.text if now else "",
                change=change,
                trend=direction,
                verdict=verdict,
                severity=rule.trend.severity.value if rule.trend is not None else "",
            )
        )
    notes: list[Text] = []
    if old.region != new.region:
        notes.append(messages.reason("diff.regions_differ", old=old.region, new=new.region))
    if new.year != old.year + 1:
        notes.append(messages.reason("diff.years_apart", old=str(old.year), new=str(new.year)))
    return Comparison(old, new, tuple(rows), tuple(notes))


def diff_dict(comparison: Comparison) -> dict[str, Any]:
    old, new = comparison.old, comparison.new
    return {
        "format_version": FORMAT_VERSION,
        "tool": "hulifa",
        "old": {"file": old.file, "region": old.region, "year": old.year},
        "new": {"file": new.file, "region": new.region, "year": new.year},
        "notes": [{"message": n.zh, "message_en": n.en} for n in comparison.notes],
        "rows": [
            {
                "rule": r.rule,
                "name": r.name,
                "name_en": r.name_en,
                "unit": r.unit,
                "old": r.old,
                "new": r.new,
                "change": _change(r, "zh"),
                "trend": r.trend,
                "verdict": r.verdict,
            }
            for r in comparison.rows
        ],
    }


def render_json(comparison: Comparison) -> str:
    return json.dumps(diff_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def _change(row: Row, lang: str) -> str:
    return messages.change_text(row.change, row.unit, lang) if row.change is not None else ""


def _trend_cell(row: Row, lang: str) -> str:
    if not row.trend:
        return ""
    direction = messages.DIRECTION_NAMES[Direction(row.trend)]
    zh, en = direction.zh, direction.en
    if not row.verdict:
        return en if lang == "en" else zh
    vzh, ven = VERDICT[Status(row.verdict)]
    return f"{en}: {ven}" if lang == "en" else f"{zh}:{vzh}"


def _headers(comparison: Comparison, lang: str) -> tuple[str, str, str, str, str]:
    old, new = comparison.old, comparison.new
    if lang == "en":
        return "Indicator", str(old.year), str(new.year), "Change", "Trend"
    return "指标", f"{old.year}年", f"{new.year}年", "变化", "趋势要求"


def _cells(row: Row, lang: str) -> tuple[str, str, str, str, str]:
    name = (row.name_en or row.name) if lang == "en" else row.name
    old_value, new_value = (messages.figure(v, row.unit, lang) if v else "—" for v in (row.old, row.new))
    return name, old_value, new_value, _change(row, lang), _trend_cell(row, lang)


def render_table(comparison: Comparison, lang: str = "zh", width: int | None = None) -> str:
    """Plain text (no colour, no markup) of the comparison, `width` cells wide (None: the terminal's,
    as rich reads it: COLUMNS, else the terminal's size, else 80). A table with a column a year; where
    it would leave the names fewer cells than `check`'s table gives them before it puts a name on a
    line of its own (a phone's 40 columns: 7, one name over five lines), each indicator is its name
    and, under it, its values in a line, as `check` lays out a finding there (reporters.table)."""
    from rich.console import Console

    from hulifa.textsafe import visible as clean

    rows = [tuple(clean(c) for c in _cells(row, lang)) for row in comparison.rows]
    headers = _headers(comparison, lang)
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system=None, no_color=True, highlight=False, emoji=False, markup=False
    )
    if _stacked(headers, rows, console.width):
        buffer.write(_stacked_text(comparison, headers, rows, lang, console.width))
    else:
        _print_table(console, comparison, headers, rows, lang)
    return buffer.getvalue()


def _stacked(headers: tuple[str, ...], rows: list[tuple[str, ...]], width: int) -> bool:
    """Whether the names would have fewer cells than `check`'s table leaves a name beside the figures
    whole (a figure broken over lines reads badly: "(+6.2│%)") and the trend at its longest word (rich's
    box: a rule before, after and between the columns, a space either side of each rule inside it)."""
    from rich.cells import cell_len

    from hulifa.reporters.table import NAME_ROOM, longest_word

    names, *figures, trends = zip(headers, *rows, strict=True)
    values = sum(max(cell_len(text) for text in column) for column in figures) + max(4, longest_word(trends))
    name_room = width - values - len(headers) - 1 - 2 * (len(headers) - 1)
    return name_room < max(NAME_ROOM, longest_word(names))


def _stacked_text(
    comparison: Comparison, headers: tuple[str, ...], rows: list[tuple[str, ...]], lang: str, width: int
) -> str:
    """Each indicator's name on a line, then, indented, "2023年 10次 → 2024年 12次 · 变化 +2 · 趋势要求 …",
    written by the table's plain writer at `width`."""
    from hulifa.reporters.table import INDENT, Block, Indented, Line, text
    from hulifa.textsafe import visible as clean

    old, new = comparison.old, comparison.new
    said: list[Block] = [Line(((f"{clean(old.file)} → {clean(new.file)}", ""),))]
    said += [Line(((clean(note.get(lang)), ""),)) for note in comparison.notes]
    said.append(Line(((f"{clean(new.region)}: {old.year} → {new.year}", "bold"),)))
    colon = ": " if lang == "en" else " "  # "2023: 12 times", "2023年 12次"
    for name, then, now, change, trend in rows:
        facts = [f"{headers[1]}{colon}{then} → {headers[2]}{colon}{now}"]
        facts += [f"{label} {value}" for label, value in ((headers[3], change), (headers[4], trend)) if value]
        said += [Line(((name, "bold"),)), Indented(((" · ".join(facts), ""),), INDENT)]
    return text(said, width)


def _print_table(
    console: Any, comparison: Comparison, headers: tuple[str, ...], rows: list[tuple[str, ...]], lang: str
) -> None:
    from rich.table import Table
    from rich.text import Text as RichText

    from hulifa.reporters.table_rich import Trimmed
    from hulifa.textsafe import visible as clean

    old, new = comparison.old, comparison.new
    table = Table(title=f"{clean(new.region)}: {old.year} → {new.year}", header_style="bold", pad_edge=False)
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in (1, 2, 3) else "left", overflow="fold")
    for cells in rows:
        table.add_row(*(RichText(c) for c in cells))
    console.print(RichText(f"{clean(old.file)} → {clean(new.file)}"))
    for note in comparison.notes:
        console.print(RichText(clean(note.get(lang))))
    console.print(Trimmed(table))  # no line ends in the spaces rich pads cells with
