"""`--format table`: what people read in a terminal, laid out for the width they have.

Per report: a title, the findings, a line of counts. Below WIDE columns each finding is a compact unit
(status, severity, name and line on one line; target, value, gap and the basis's short name under
it), so nothing is broken inside a word; from WIDE up, a full table with only the columns some row
fills. A batch ends with one row per report and the most-missed indicators (`BatchSummary`, which
keeps one small row per report, never the findings).

Cells are rich Text objects, never markup strings, so "[bold]" in data prints literally; control,
bidi and zero-width characters are made visible (hulifa.textsafe) so data cannot drive the terminal.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from hulifa.model import CheckResult, Finding, ReportResult, Severity, Status
from hulifa.reporters import labels
from hulifa.reporters._common import MISSED, line_ref, with_unit
from hulifa.textsafe import visible as clean

# From this many columns on, the full table; below (where its 8 columns wrap most cells), two lines a finding.
WIDE = 140
DETAIL_LIMIT = 20  # more reports than this: the summary only, unless --details

# Findings whose message says what the gap column cannot (why a value is invalid, unknown, unreadable).
_TOLD_BY_MESSAGE = frozenset({Status.INVALID, Status.UNKNOWN, Status.ERROR, Status.UNVERIFIABLE})


def _t(value: str, style: str = "") -> Text:
    return Text(clean(value), style=style)


def _status(status: Status, lang: str) -> tuple[str, str]:
    return labels.status(status, lang), labels.status_style(status)


def _severity(severity: Severity, lang: str) -> tuple[str, str]:
    if severity is Severity.NONE:
        return "", ""
    return labels.severity(severity, lang), labels.SEVERITY_STYLE[severity]


def _shown(report: ReportResult, show_all: bool) -> list[Finding]:
    if show_all:
        return list(report.findings)
    return [f for f in report.findings if f.status not in (Status.PASS, Status.STATED, Status.NOT_APPLICABLE)]


def _order(finding: Finding) -> tuple[int, int, int, int, str]:
    return (
        -finding.severity.rank,
        finding.status in (Status.PASS, Status.STATED),
        finding.page,
        finding.line,
        finding.rule,
    )


# ------------------------------------------------------------------------------------------ basis

_TITLE = re.compile(r"《([^》]+)》")
_TITLE_MAX = 12  # characters of a document title kept in a cell (CJK: two columns each)


def short_title(document: str, most: int = _TITLE_MAX) -> str:
    """The document's short name: its first 《title》 without 中华人民共和国 or a bracketed year range,
    a title longer than `most` characters cut in the middle (its ending names the kind of document)."""
    match = _TITLE.search(document)
    if not match:
        return re.split(r"[(（,,]", document, maxsplit=1)[0].strip()
    title = re.sub(r"[(（][^)）]*[)）]$", "", match.group(1).removeprefix("中华人民共和国"))
    if len(title) > most:
        title = title[: most // 2] + "…" + title[-(most - most // 2 - 1) :]
    return f"《{title}》"


def short_cite(finding: Finding, article: bool = True, most: int = _TITLE_MAX) -> str:
    """The basis as a cell shows it: the short title, a short article (unless not wanted), the strength."""
    basis = finding.basis
    if basis is None:
        return ""
    part = re.split(r"[(（ ]", basis.article, maxsplit=1)[0] if basis.article and article else ""
    if len(part) > 8 or not part.startswith("第"):
        part = ""
    qualifier = f"({basis.qualifier})" if basis.qualifier else ""
    return f"{short_title(basis.document, most)}{part}{qualifier} {basis.strength.value}".strip()


def full_cite(finding: Finding) -> str:
    basis = finding.basis
    return f"{basis.cite()} {basis.strength.value}".strip() if basis is not None else ""


def _gap(finding: Finding, lang: str) -> str:
    """The gap, or the message when it says more; never a repeat of the status ("未填报")."""
    if finding.status in _TOLD_BY_MESSAGE:
        return finding.message.get(lang)
    if finding.status is Status.MISSING:  # the status and the target already say what is missing
        return ""
    gap = finding.shown("gap", lang)
    return with_unit(gap, finding.unit, lang)


def _location(finding: Finding, lang: str) -> str:
    if finding.page:
        return f"p{finding.page} L{finding.line}" if lang == "en" else f"第{finding.page}页第{finding.line}行"
    return f"L{finding.line}" if lang == "en" else f"第{finding.line}行"


# ---------------------------------------------------------------------------------------- layouts


def _compact(findings: Iterable[Finding], lang: str, show_all: bool, width: int) -> Table:
    """Two lines a finding: status, severity, name and line; then what was expected, found and missed.

    The basis gives way first when the second line would wrap: its article goes (it is in --all and
    `rules show`), so most findings stay on two lines at 80 columns."""
    ordered = sorted(findings, key=_order)
    fixed = sum(
        max((cell_len(text) for text in column), default=0) + 1
        for column in (
            [labels.status(f.status, lang) for f in ordered],
            [_severity(f.severity, lang)[0] for f in ordered],
            [_location(f, lang) for f in ordered],
        )
    )
    room = width - fixed
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(no_wrap=True, justify="right")
    for f in ordered:
        status, status_style = _status(f.status, lang)
        severity, severity_style = _severity(f.severity, lang)
        facts = []
        for key, value in (
            ("expected", with_unit(f.shown("expected", lang), f.unit, lang)),
            ("actual", with_unit(f.shown("actual", lang), f.unit, lang)),
            ("previous", f.previous),
            ("change", f.change),
            ("gap", _gap(f, lang)),
        ):
            if value:
                facts.append(f"{labels.field(key, lang)} {value}")
        if f.accepted is not None:  # why a miss is accepted, and until when: the reader's first question
            until = "until" if lang == "en" else "有效至"
            facts.append(f"{labels.status(Status.ACCEPTED, lang)}: {f.accepted.reason} ({until} {f.accepted.expires})")
        cite = full_cite(f) if show_all else short_cite(f)
        for shorter in (short_cite(f, article=False), short_cite(f, article=False, most=8)):
            if show_all or not cite or cell_len(" · ".join([*facts, cite])) <= room:
                break
            cite = shorter
        if cite:
            facts.append(cite)
        body = Text.assemble(_t(labels.name(f, lang), "bold"), "\n", _t(" · ".join(facts)))
        grid.add_row(_t(status, status_style), _t(severity, severity_style), body, _t(_location(f, lang), "dim"))
    return grid


def _longest_word(values: Iterable[str]) -> int:
    """Cells of the longest run without a space among ASCII words: a column never narrower, so
    rich never has to break one ("HARD-POL│ICY"). CJK text may break between any two characters."""
    longest = 0
    for value in values:
        for word in re.findall(r"[!-~]+", value):
            longest = max(longest, len(word))
    return longest


def _wide(findings: Iterable[Finding], lang: str, show_all: bool) -> Table:
    """The full table, with only the columns that some shown row fills."""
    keys = ("indicator", "expected", "actual", "previous", "change", "gap", "status", "severity", "basis", "location")
    rows = []
    for f in sorted(findings, key=_order):
        rows.append(
            (
                f,
                {
                    "indicator": labels.name(f, lang),
                    "expected": with_unit(f.shown("expected", lang), f.unit, lang),
                    "actual": with_unit(f.shown("actual", lang), f.unit, lang),
                    "previous": f.previous,
                    "change": f.change,
                    "gap": _gap(f, lang),
                    "status": labels.status(f.status, lang),
                    "severity": _severity(f.severity, lang)[0],
                    "basis": full_cite(f) if show_all else short_cite(f),
                    "location": f"{Path(f.file).name}:{line_ref(f)}",
                },
            )
        )
    used = [k for k in keys if any(cells[k] for _, cells in rows)]
    table = Table(show_lines=False, header_style="bold", pad_edge=False)
    for key in used:
        short = key in ("status", "severity", "location")
        table.add_column(
            labels.field(key, lang),
            justify="right" if key in ("expected", "actual", "previous", "change", "gap") else "left",
            overflow="fold",
            no_wrap=short,
            min_width=_longest_word(cells[key] for _, cells in rows) or None,
        )
    for f, cells in rows:
        styles = {
            "status": labels.status_style(f.status),
            "severity": _severity(f.severity, lang)[1],
            "basis": "dim",
            "location": "dim",
        }
        table.add_row(*(_t(cells[k], styles.get(k, "")) for k in used))
    return table


# ----------------------------------------------------------------------------------------- report


def summary_line(report: ReportResult, lang: str) -> str:
    c = report.counts()
    if not report.checked:
        return labels.status(Status.ERROR, lang)
    word = {s: labels.status(s, lang) for s in Status}
    # the statuses this report has, in a fixed order (a zero says nothing and costs a line at 80 columns)
    order = [
        Status.PASS,
        Status.STATED,
        Status.SHORTFALL,
        Status.MISSING,
        Status.UNVERIFIABLE,
        Status.INVALID,
        Status.UNKNOWN,
    ]
    shown = [s for s in (*order, Status.ACCEPTED) if c[s.value]]
    if lang == "en":
        parts = [f"{c[s.value]} {word[s]}" for s in shown]
        return f"{report.required} indicators required, {report.given} given: " + ", ".join(parts)
    parts = [f"{word[s]} {c[s.value]}" for s in shown]
    return f"规则包要求 {report.required} 项,报告给出 {report.given} 项:" + ",".join(parts)


def _bounds_note(report: ReportResult, lang: str) -> Text | None:
    rounded = [f for f in report.findings if f.bound in labels.BOUND and f.status in (Status.PASS, Status.STATED)]
    if not rounded:
        return None
    parts = [f"{labels.name(f, lang)} {f.shown('actual', lang)}({labels.bound(f.bound, lang)})" for f in rounded]
    head = "Stated, but not exact: " if lang == "en" else "约数与界值(已填报,非确切数值):"
    return _t(head + ("; " if lang == "en" else ";").join(parts), "magenta")


def report_renderables(report: ReportResult, lang: str, show_all: bool, width: int = 160) -> list[RenderableType]:
    title = " ".join(p for p in (report.region, str(report.year or "")) if p)
    room = width - cell_len(title) - 3 if title else width
    file = shorten_middle(report.file, max(room, 16))
    out: list[RenderableType] = [_t(f"{title} — {file}" if title else file, "bold")]
    if not report.checked:
        for f in report.findings:
            out.append(_t(f"{f.file}:{line_ref(f)}:{f.column}: {f.message.get(lang)}", "bold red"))
        return out
    shown = _shown(report, show_all)
    if shown:
        out.append(_wide(shown, lang, show_all) if width >= WIDE else _compact(shown, lang, show_all, width))
    out.append(_t(summary_line(report, lang)))
    if report.previous:
        out.append(_t(("Compared with last year's " if lang == "en" else "已与上年报告对比:") + report.previous, "dim"))
    note = _bounds_note(report, lang)
    if note:
        out.append(note)
    return out


# ------------------------------------------------------------------------------------------ batch


def shorten_middle(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut in the middle so the file name at the end stays."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail = max(width * 2 // 3, 1)
    head = width - tail - 1
    return text[:head] + "…" + text[-tail:]


@dataclass(frozen=True, slots=True)
class Row:
    """One report in the batch summary: all the summary keeps of it."""

    file: str
    region: str
    year: int | None
    checked: bool
    errors: int
    warnings: int
    infos: int
    worst: Severity


@dataclass
class BatchSummary:
    """What a batch's summary and verdict need, added one report at a time: a row per report and a
    count per missed rule. The findings themselves are not kept, so memory stays flat in the batch."""

    rows: list[Row] = field(default_factory=list)
    missed: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, report: ReportResult, lang: str) -> None:
        counted = [f for f in report.findings if f.status not in (Status.ACCEPTED, Status.PASS, Status.STATED)]
        by = Counter(f.severity for f in counted)
        self.rows.append(
            Row(
                file=report.file,
                region=report.region,
                year=report.year,
                checked=report.checked,
                errors=by[Severity.ERROR],
                warnings=by[Severity.WARNING],
                infos=by[Severity.INFO],
                worst=report.worst(),
            )
        )
        for rule in {
            f.rule for f in report.findings if f.status in MISSED and f.severity.rank >= Severity.WARNING.rank
        }:
            self.missed[rule] += 1
        for f in report.findings:
            if f.rule in self.missed and f.rule not in self.names:
                self.names[f.rule] = labels.name(f, lang)

    def verdict(self, lang: str, seconds: float | None = None) -> str:
        rows = self.rows
        unchecked = sum(1 for r in rows if not r.checked)
        errors = sum(1 for r in rows if r.checked and r.worst is Severity.ERROR)
        warnings = sum(1 for r in rows if r.checked and r.worst is Severity.WARNING)
        clean_ = len(rows) - unchecked - errors - warnings
        return labels.verdict(len(rows), errors, warnings, unchecked, clean_, seconds, lang)

    def renderables(self, lang: str, width: int = 160) -> list[RenderableType]:
        table = Table(title=labels.heading("summary", lang), header_style="bold", box=None, pad_edge=False)
        severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)
        counts = [labels.severity(s, lang) for s in severities]
        fixed = 2 + 4 + 10 + sum(max(len(c) * 2, 5) + 1 for c in counts) + 10  # rough: region year, counts, worst
        file_width = max(16, min(70, width - fixed))
        table.add_column(labels.field("file", lang), no_wrap=True, max_width=file_width)
        table.add_column(labels.field("region", lang), no_wrap=True, max_width=14)
        table.add_column(labels.field("year", lang), no_wrap=True)
        for header in counts:
            table.add_column(header, justify="right", no_wrap=True)
        table.add_column(labels.field("worst", lang), no_wrap=True)
        for row in self.rows:
            worst, style = _severity(row.worst, lang)
            if not row.checked:
                worst, style = labels.status(Status.ERROR, lang), labels.status_style(Status.ERROR)
            table.add_row(
                _t(shorten_middle(row.file, file_width)),
                _t(shorten_middle(row.region or "—", 14)),
                _t(str(row.year or "—")),
                *(_t(str(n)) for n in (row.errors, row.warnings, row.infos)),
                _t(worst or "—", style),
            )
        out: list[RenderableType] = [table]
        if self.missed:
            ranking = Table(title=labels.heading("most_missed", lang), header_style="bold", box=None, pad_edge=False)
            ranking.add_column(labels.field("indicator", lang), overflow="fold")
            ranking.add_column(labels.field("reports", lang), justify="right", no_wrap=True)
            for rule, count in sorted(self.missed.items(), key=lambda kv: (-kv[1], kv[0]))[:15]:
                ranking.add_row(_t(self.names.get(rule, rule)), _t(f"{count:,}"))
            out.append(Text(""))
            out.append(ranking)
        return out


def renderables(
    result: CheckResult, lang: str = "zh", show_all: bool = False, width: int = 160, details: bool | None = None
) -> list[RenderableType]:
    """Per-report blocks (all of them when `details`, or when the batch is small), then the summary."""
    out: list[RenderableType] = []
    if details is None:
        details = len(result.reports) <= DETAIL_LIMIT
    summary = BatchSummary()
    for report in result.reports:
        if details:
            out.extend(report_renderables(report, lang, show_all, width))
            out.append(Text(""))
        summary.add(report, lang)
    if len(result.reports) > 1:
        out.extend(summary.renderables(lang, width))
    return out


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


def render(
    result: CheckResult, lang: str = "zh", show_all: bool = False, width: int = 160, details: bool | None = None
) -> str:
    """Plain text (no colour) at a fixed width: what a file or a pipe receives."""
    buffer = io.StringIO()
    console_for(buffer, width).print(Group(*renderables(result, lang, show_all, width, details)))
    return buffer.getvalue()
