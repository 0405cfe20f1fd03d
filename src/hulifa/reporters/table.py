"""`--format table`: rich tables for people, one per report, then a summary across reports.

Cells are built as rich Text objects, never markup strings, so "[bold]" in data prints literally;
control characters are made visible so data cannot drive the terminal.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from hulifa.model import CheckResult, Finding, ReportResult, Severity, Status
from hulifa.reporters import labels
from hulifa.reporters._common import line_ref
from hulifa.textsafe import visible as clean

HEADERS = {
    lang: tuple(
        labels.field(k, lang)
        for k in ("indicator", "expected", "actual", "gap", "status", "severity", "basis", "location")
    )
    for lang in ("zh", "en")
}


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


def short_cite(finding: Finding) -> str:
    """A citation that fits a table cell: the first 《title》 and a short article, and the strength."""
    basis = finding.basis
    if basis is None:
        return ""
    match = re.search(r"《[^》]+》", basis.document)
    title = match.group(0) if match else re.split(r"[(（]", basis.document, maxsplit=1)[0].strip()
    article = re.split(r"[(（ ]", basis.article, maxsplit=1)[0] if basis.article else ""
    if len(article) > 8:
        article = ""
    qualifier = f"({basis.qualifier})" if basis.qualifier else ""
    return f"{title}{article}{qualifier} {basis.strength.value}".strip()


def _order(finding: Finding) -> tuple[int, int, int, int, str]:
    return (
        -finding.severity.rank,
        finding.status in (Status.PASS, Status.STATED),
        finding.page,
        finding.line,
        finding.rule,
    )


PREVIOUS_HEADERS = {lang: (labels.field("previous", lang), labels.field("change", lang)) for lang in ("zh", "en")}


def _findings_table(report: ReportResult, findings: Iterable[Finding], lang: str, yoy: bool = False) -> Table:
    """`yoy`: add last year's value and the change after Actual (only when some report has a previous year)."""
    table = Table(show_lines=False, expand=True, header_style="bold", pad_edge=False)
    headers = list(HEADERS[lang])
    if yoy:
        headers[3:3] = PREVIOUS_HEADERS[lang]
    numeric = (1, 2, 3, 4, 5) if yoy else (1, 2, 3)
    short = {len(headers) - 4, len(headers) - 3, len(headers) - 1}  # status, severity, location: never wrap
    for i, header in enumerate(headers):
        table.add_column(
            header,
            justify="right" if i in numeric else "left",
            overflow="fold",
            no_wrap=i in short,
            # when the terminal is narrow, the name and the basis get the room; targets and gaps are short
            ratio=None if i in short else (3 if i in (0, len(headers) - 2) else 2),
        )
    for f in sorted(findings, key=_order):
        status, status_style = _status(f.status, lang)
        severity, severity_style = _severity(f.severity, lang)
        name = labels.name(f, lang)
        basis = short_cite(f)
        gap = f.shown("gap", lang) or (
            f.message.get(lang) if f.status in (Status.INVALID, Status.UNKNOWN, Status.ERROR) else ""
        )
        extra = (_t(f.previous), _t(f.change)) if yoy else ()
        table.add_row(
            _t(name),
            _t(f.shown("expected", lang)),
            _t(f.shown("actual", lang)),
            *extra,
            _t(gap),
            _t(status, status_style),
            _t(severity, severity_style),
            _t(basis, "dim"),
            _t(f"{Path(f.file).name}:{line_ref(f)}", "dim"),
        )
    return table


def summary_line(report: ReportResult, lang: str) -> str:
    c = report.counts()
    if not report.checked:
        return "无法检查" if lang != "en" else "could not be checked"
    if lang == "en":
        return (
            f"{report.required} indicators required, {report.given} given: {c['pass']} met, {c['stated']} stated, "
            f"{c['shortfall']} short, {c['missing']} missing, {c['unverifiable']} unverifiable, "
            f"{c['invalid']} invalid, {c['unknown']} unknown" + (f", {c['accepted']} accepted" if c["accepted"] else "")
        )
    return (
        f"规则包要求 {report.required} 项,报告给出 {report.given} 项:达标 {c['pass']},已填报 {c['stated']},"
        f"未达标 {c['shortfall']},未填报 {c['missing']},无法确认 {c['unverifiable']},"
        f"无效 {c['invalid']},未知指标 {c['unknown']}" + (f",已接受偏差 {c['accepted']}" if c["accepted"] else "")
    )


def _bounds_note(report: ReportResult, lang: str) -> Text | None:
    rounded = [f for f in report.findings if f.bound in labels.BOUND and f.status in (Status.PASS, Status.STATED)]
    if not rounded:
        return None
    parts = []
    for f in rounded:
        parts.append(f"{labels.name(f, lang)} {f.shown('actual', lang)} ({labels.bound(f.bound, lang)})")
    head = "Approximate figures (stated, but not exact): " if lang == "en" else "约数与界值(已填报,但不是确切数值):"
    return _t(head + ("; " if lang == "en" else ";").join(parts), "magenta")


def report_renderables(report: ReportResult, lang: str, show_all: bool, yoy: bool = False) -> list[RenderableType]:
    title = f"{report.region} {report.year}" if report.region else report.file
    out: list[RenderableType] = [_t(f"{title} — {report.file}", "bold")]
    if not report.checked:
        for f in report.findings:
            out.append(_t(f"{f.file}:{line_ref(f)}:{f.column}: {f.message.get(lang)}", "bold red"))
        return out
    shown = _shown(report, show_all)
    if shown:
        out.append(_findings_table(report, shown, lang, yoy))
    out.append(_t(summary_line(report, lang)))
    if report.previous:
        out.append(_t(("Compared with last year's " if lang == "en" else "已与上年报告对比:") + report.previous, "dim"))
    note = _bounds_note(report, lang)
    if note:
        out.append(note)
    return out


def batch_renderables(result: CheckResult, lang: str) -> list[RenderableType]:
    en = lang == "en"
    table = Table(title="Summary across reports" if en else "跨报告汇总", header_style="bold")
    headers = ["Region", "Year", "File"] if en else ["地区", "年度", "文件"]
    statuses = [
        Status.PASS,
        Status.STATED,
        Status.SHORTFALL,
        Status.MISSING,
        Status.UNVERIFIABLE,
        Status.INVALID,
        Status.ERROR,
    ]
    for header in headers:
        table.add_column(header)
    for status in statuses:
        table.add_column(labels.status(status, lang), justify="right")
    table.add_column("Worst" if en else "最高级别")
    for report in result.reports:
        counts = report.counts()
        worst, style = _severity(report.worst(), lang)
        table.add_row(
            _t(report.region or "—"),
            _t(str(report.year or "—")),
            _t(report.file),
            *[_t(str(counts[s.value])) for s in statuses],
            _t(worst or "—", style),
        )
    missed: Counter[str] = Counter()
    names: dict[str, str] = {}
    for report in result.reports:
        for f in report.findings:
            if f.status in (Status.MISSING, Status.SHORTFALL) and f.severity.rank >= Severity.WARNING.rank:
                missed[f.rule] += 1
                names[f.rule] = labels.name(f, lang)
    out: list[RenderableType] = [table]
    if missed:
        ranking = Table(title="Most-missed indicators" if en else "最常缺失或未达标的指标", header_style="bold")
        ranking.add_column("Indicator" if en else "指标")
        ranking.add_column("Reports" if en else "报告数", justify="right")
        for rule, count in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))[:15]:
            ranking.add_row(_t(names[rule]), _t(str(count)))
        out.append(ranking)
    return out


def renderables(result: CheckResult, lang: str = "zh", show_all: bool = False) -> list[RenderableType]:
    out: list[RenderableType] = []
    yoy = any(r.previous for r in result.reports)
    for report in result.reports:
        out.extend(report_renderables(report, lang, show_all, yoy))
        out.append(Text(""))
    if len(result.reports) > 1:
        out.extend(batch_renderables(result, lang))
    return out


def render(result: CheckResult, lang: str = "zh", show_all: bool = False, width: int = 160) -> str:
    """Plain text (no colour) at a fixed width: what a file or a pipe receives."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    console.print(Group(*renderables(result, lang, show_all)))
    return buffer.getvalue()
