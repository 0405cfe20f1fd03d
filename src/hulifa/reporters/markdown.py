"""`--format markdown`: GitHub-flavoured Markdown for PR comments and job summaries.

Per report: a heading (region year — file), a line of counts per status, and a table of the
findings that are neither passes nor not-applicable. For a batch (more than one report): a table
with one row per region and year, and the most-missed indicators.

Data is escaped so it cannot break a table row, open a code span, or inject HTML.
"""

from __future__ import annotations

import re
import urllib.parse
from collections import Counter

from hulifa import messages
from hulifa.model import CheckResult, Finding, ReportResult, Severity, Status
from hulifa.reporters import labels
from hulifa.reporters._common import (
    MISSED,
    basis_text,
    clean,
    display_name,
    is_issue,
    location,
    message,
    report_title,
    severity_label,
    status_label,
    with_unit,
)
from hulifa.reporters.labels import pick

# Characters with a meaning inside a line of Markdown or a GFM table cell ($ is GitHub's math),
# escaped with a backslash. Block markers (#, -, +, 1.) only count at the start of a line, and no
# escaped text ever starts one.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")

HEADERS = ("indicator", "status", "severity", "expected", "actual", "gap", "basis", "location", "message")


def escape(text: str) -> str:
    """Inline Markdown text that renders as written and keeps a table row on one line.

    Markdown punctuation gets a backslash, `&`, `<` and `>` become entities (so no HTML tags or
    entities pass through), and line breaks become `<br>`.
    """
    s = clean(text).replace("\t", " ")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return "<br>".join(part.strip() for part in s.split("\n"))


def _link(text: str, url: str) -> str:
    url = clean(url).strip()
    if not re.match(r"https?://\S+$", url):
        return text
    safe = urllib.parse.quote(url, safe=":/?#@!$&'*+,;=%-._~")  # parentheses and brackets encoded
    return f"[{text}]({safe})"


def _basis_cell(finding: Finding) -> str:
    text = escape(basis_text(finding))
    basis = messages.basis(finding)
    if not text or basis is None:
        return text
    return _link(text, basis.url)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _indicator(finding: Finding, lang: str) -> str:
    return f"{escape(display_name(finding, lang))} ({escape(finding.rule)})"


def _counts_line(report: ReportResult, lang: str) -> str:
    counts = report.counts()
    parts = [f"{status_label(s, lang)} {counts[s.value]}" for s in Status if counts[s.value]]
    total = pick(("共", "total"), lang) + f" {len(report.findings)}"
    return " · ".join([total, *parts])


def _report_section(report: ReportResult, lang: str) -> list[str]:
    out = [f"## {escape(report_title(report))}", ""]
    if not report.checked:
        out.append("**" + pick(("无法检查此文件", "This file could not be checked"), lang) + "**")
        out.append("")
    out.append(_counts_line(report, lang))
    out.append("")
    rows = [f for f in report.findings if is_issue(f)]
    if not rows:
        out.append(pick(("全部通过,没有问题。", "No issues: every applicable rule passes."), lang))
        out.append("")
        return out
    out.append(_row([labels.field(h, lang) for h in HEADERS]))
    out.append(_row(["---"] * len(HEADERS)))
    for f in rows:
        out.append(
            _row(
                [
                    _indicator(f, lang),
                    escape(status_label(f.status, lang)),
                    escape(severity_label(f.severity, lang)),
                    escape(with_unit(messages.expected(f, lang), messages.unit(f), lang)),
                    escape(with_unit(messages.actual(f, lang), messages.unit(f), lang)),
                    escape(with_unit(messages.gap(f, lang), messages.unit(f), lang)),
                    _basis_cell(f),
                    escape(location(f)),
                    escape(message(f, lang)),
                ]
            )
        )
    out.append("")
    return out


def _batch_section(result: CheckResult, lang: str) -> list[str]:
    out = [f"## {pick(('汇总', 'Summary'), lang)}", ""]
    groups: dict[tuple[str, str], list[ReportResult]] = {}
    for report in result.reports:
        key = (clean(report.region) or clean(report.file), "" if report.year is None else str(report.year))
        groups.setdefault(key, []).append(report)
    statuses = list(Status)
    header = [pick(("地区", "Region"), lang), pick(("年度", "Year"), lang)]
    header += [status_label(s, lang) for s in statuses] + [pick(("最高级别", "Worst"), lang)]
    out.append(_row(header))
    out.append(_row(["---"] * len(header)))
    for (region, year), reports in sorted(groups.items()):
        counts: Counter[str] = Counter()
        for report in reports:
            counts.update(report.counts())
        worst = max((r.worst() for r in reports), key=lambda s: s.rank, default=Severity.NONE)
        cells = [escape(region), escape(year)]
        cells += [str(counts[s.value]) for s in statuses] + [escape(severity_label(worst, lang))]
        out.append(_row(cells))
    out.append("")

    missed: Counter[str] = Counter()
    names: dict[str, str] = {}
    for report in result.reports:
        in_report: set[str] = set()
        for f in report.findings:
            if f.status in MISSED:
                in_report.add(f.rule)
                names.setdefault(f.rule, _indicator(f, lang))
        missed.update(in_report)
    out.append(f"### {pick(('最常缺失或未达标的指标', 'Most-missed indicators'), lang)}")
    out.append("")
    if not missed:
        out.append(pick(("没有缺失或未达标的指标。", "No indicator is missing or short of target."), lang))
        out.append("")
        return out
    out.append(_row([pick(("指标", "Indicator"), lang), pick(("报告数", "Reports"), lang)]))
    out.append(_row(["---", "---:"]))
    for rule, n in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(_row([names[rule], str(n)]))
    out.append("")
    return out


def render(result: CheckResult, lang: str = "zh") -> str:
    out = [f"# {pick(('hulifa 检查结果', 'hulifa results'), lang)}", ""]
    if result.pack is not None:
        pack = result.pack
        out.append(f"{pick(('规则包', 'Rule pack'), lang)}: {escape(pack.id)} {escape(pack.version)}")
        out.append("")
    if not result.reports:
        out.append(pick(("没有检查任何报告。", "No reports were checked."), lang))
        out.append("")
    for report in result.reports:
        out += _report_section(report, lang)
    if len(result.reports) > 1:
        out += _batch_section(result, lang)
    return "\n".join(out).rstrip("\n") + "\n"
