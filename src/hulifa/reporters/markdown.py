"""`--format markdown`: GitHub-flavoured Markdown for PR comments and job summaries, summary first.

The verdict; a table with one row per report (counts by severity, the worst); for a batch, the
most-missed indicators; then each report's findings in a collapsible `<details>` block, most severe
reports first. The document keeps within a size budget (GitHub's comment limit by default): when it
must cut, it leaves out details first (least severe and last reports first), then table rows, and
says how many and how to get them. The step summary (`$GITHUB_STEP_SUMMARY`) is the same document
within GitHub's 1 MiB.

Data is escaped so it cannot break a table row, open a code span, or inject HTML.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

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
    one_line,
    report_title,
    severity_label,
    status_label,
    with_unit,
)
from hulifa.reporters.labels import pick

# GitHub's limit on a comment's body, in characters (Unicode code points, as its API counts them).
COMMENT_LIMIT = 65_536
# GitHub's limit on one step's summary file, in bytes (the file is UTF-8).
STEP_SUMMARY_LIMIT = 1024 * 1024
MOST_MISSED = 15  # rows of the most-missed table

# Characters with a meaning inside a line of Markdown or a GFM table cell ($ is GitHub's math),
# escaped with a backslash. Block markers (#, -, +, 1.) only count at the start of a line, and no
# escaped text ever starts one.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")

HEADERS = ("indicator", "status", "severity", "expected", "actual", "gap", "basis", "location", "message")
_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)


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


# ------------------------------------------------------------------------------------------ parts


@dataclass(frozen=True, slots=True)
class _Counts:
    """One report as the overview shows it."""

    errors: int
    warnings: int
    infos: int
    worst: Severity

    @classmethod
    def of(cls, report: ReportResult) -> _Counts:
        by = Counter(f.severity for f in report.findings if is_issue(f) and f.status is not Status.ACCEPTED)
        return cls(by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO], report.worst())


def _verdict(result: CheckResult, counts: list[_Counts], lang: str) -> str:
    unchecked = sum(1 for r in result.reports if not r.checked)
    checked = [c for r, c in zip(result.reports, counts, strict=True) if r.checked]
    errors = sum(1 for c in checked if c.worst is Severity.ERROR)
    warnings = sum(1 for c in checked if c.worst is Severity.WARNING)
    clean_ = len(checked) - errors - warnings
    return labels.verdict(len(result.reports), errors, warnings, unchecked, clean_, None, lang)


def _overview_row(report: ReportResult, counts: _Counts, lang: str) -> str:
    worst = (
        labels.status(Status.ERROR, lang)
        if not report.checked
        else (severity_label(counts.worst, lang) if counts.worst is not Severity.NONE else "—")
    )
    return _row(
        [
            escape(clean(report.file)),
            escape(clean(report.region)),
            "" if report.year is None else str(report.year),
            *(str(n) for n in (counts.errors, counts.warnings, counts.infos)),
            escape(worst),
        ]
    )


def _overview_head(lang: str) -> list[str]:
    header = [labels.field(k, lang) for k in ("file", "region", "year")]
    header += [severity_label(s, lang) for s in _COUNTED] + [labels.field("worst", lang)]
    return [_row(header), _row(["---", "---", "---", "---:", "---:", "---:", "---"])]


def _most_missed(result: CheckResult, lang: str) -> list[str]:
    missed: Counter[str] = Counter()
    names: dict[str, str] = {}
    for report in result.reports:
        in_report: set[str] = set()
        for f in report.findings:
            if f.status in MISSED:
                in_report.add(f.rule)
                names.setdefault(f.rule, _indicator(f, lang))
        missed.update(in_report)
    out = [f"### {labels.heading('most_missed', lang)}", ""]
    if not missed:
        return [*out, labels.heading("none_missed", lang), ""]
    out.append(_row([labels.field("indicator", lang), labels.field("reports", lang)]))
    out.append(_row(["---", "---:"]))
    ranked = sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))
    for rule, n in ranked[:MOST_MISSED]:
        out.append(_row([names[rule], str(n)]))
    if len(ranked) > MOST_MISSED:
        more = len(ranked) - MOST_MISSED
        out += ["", pick((f"另有 {more} 项未列出。", f"{more} more not listed."), lang)]
    return [*out, ""]


def _findings_table(report: ReportResult, lang: str) -> list[str]:
    rows = sorted((f for f in report.findings if is_issue(f)), key=lambda f: -f.severity.rank)  # stable
    if not rows:
        return [labels.heading("no_issues", lang), ""]
    out = [_row([labels.field(h, lang) for h in HEADERS]), _row(["---"] * len(HEADERS))]
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
    return [*out, ""]


def _details(report: ReportResult, counts: _Counts, lang: str, open_: bool) -> str:
    """One report's findings in a collapsible block, its summary line saying what is inside."""
    tally = " · ".join(
        f"{severity_label(s, lang)} {n}"
        for s, n in zip(_COUNTED, (counts.errors, counts.warnings, counts.infos), strict=True)
        if n
    )
    summary = escape(one_line(report_title(report))) + (f" — {tally}" if tally else "")
    out = [f"<details{' open' if open_ else ''}>", f"<summary>{summary}</summary>", ""]
    if not report.checked:
        out += [f"**{labels.heading('not_checked', lang)}**", ""]
    out += [_counts_line(report, lang), "", *_findings_table(report, lang), "</details>", ""]
    return "\n".join(out) + "\n"


def _left_out(details: int, rows: int, limit: int, unit: str, lang: str) -> str:
    """The note that says what the budget left out, and how to get it."""
    if lang == "en":
        parts = []
        if details:
            parts.append(f"the details of {details:,} report{'s' if details != 1 else ''}")
        if rows:
            parts.append(f"{rows:,} row{'s' if rows != 1 else ''} of the table")
        what = " and ".join(parts)
        return (
            f"> **Left out to stay within {limit:,} {unit}:** {what} (the least severe and last first). "
            "For everything: `--format markdown --max-bytes 0`, or `--format html` / `--format json`.\n\n"
        )
    parts = []
    if details:
        parts.append(f"{details:,} 份报告的详情")
    if rows:
        parts.append(f"汇总表中的 {rows:,} 行")
    unit_zh = "字符" if unit == "characters" else "字节"
    return (
        f"> **为不超过 {limit:,} {unit_zh},未列出:** {'和'.join(parts)}(先略去问题最轻、排在最后的)。"
        "完整内容:`--format markdown --max-bytes 0`,或 `--format html` / `--format json`。\n\n"
    )


# ----------------------------------------------------------------------------------------- render


def render(result: CheckResult, lang: str = "zh", max_bytes: int = COMMENT_LIMIT) -> str:
    """The document, at most `max_bytes` characters (0: no limit). A limit too small for even the
    verdict and the note gives them anyway."""
    return _budgeted(result, lang, max_bytes, len, "characters")


def step_summary(result: CheckResult, lang: str = "zh", room: int = STEP_SUMMARY_LIMIT) -> str:
    """The document for `$GITHUB_STEP_SUMMARY`, at most `room` UTF-8 bytes."""
    return _budgeted(result, lang, room, lambda s: len(s.encode("utf-8")), "bytes")


def append_step_summary(path: str, result: CheckResult, lang: str = "zh") -> None:
    """Append the step summary to `path`, within what GitHub's 1 MiB leaves after what earlier steps
    or tools wrote there. Raises OSError."""
    try:
        used = os.path.getsize(path)
    except FileNotFoundError:
        used = 0
    text = step_summary(result, lang, max(STEP_SUMMARY_LIMIT - used, 1))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def _budgeted(result: CheckResult, lang: str, limit: int, size: Callable[[str], int], unit: str) -> str:
    counts = [_Counts.of(r) for r in result.reports]
    head = [f"# {labels.heading('results', lang)}", ""]
    if result.reports:
        head += [f"**{_verdict(result, counts, lang)}**", ""]
    if result.pack is not None:
        head += [f"{labels.field('pack', lang)}: {escape(result.pack.id)} {escape(result.pack.version)}", ""]
    if not result.reports:
        head += [labels.heading("no_reports", lang), ""]
        return "\n".join(head).rstrip("\n") + "\n"
    head_text = "\n".join(head) + "\n"
    rows = [_overview_row(r, c, lang) for r, c in zip(result.reports, counts, strict=True)]
    table_head = "\n".join(_overview_head(lang)) + "\n"
    missed = "\n".join(_most_missed(result, lang)) + "\n" if len(result.reports) > 1 else ""
    # most severe first, then in input order: the order details are shown in, and kept in
    ranked = sorted(range(len(result.reports)), key=lambda i: (-counts[i].worst.rank, i))
    single = len(result.reports) == 1

    def blocks() -> Iterator[str]:
        for i in ranked:
            yield _details(result.reports[i], counts[i], lang, open_=single)

    if limit <= 0:
        table = table_head + "".join(r + "\n" for r in rows) + "\n"
        return (head_text + table + missed + "".join(blocks())).rstrip("\n") + "\n"

    # The note's size, reserved whenever something may be cut (its numbers are at most this long).
    reserve = size(_left_out(len(rows), len(rows), limit, unit, lang))
    table_size = size(table_head) + sum(size(r) + 1 for r in rows) + 1
    used = size(head_text) + table_size + size(missed)
    if used <= limit:  # the overview fits: details while they fit
        kept: list[str] = []
        total = used
        for block in blocks():
            total += size(block)
            if total > limit - (reserve if len(kept) + 1 < len(rows) else 0):
                break
            kept.append(block)
        if len(kept) == len(rows):
            return (head_text + table_head + "".join(r + "\n" for r in rows) + "\n" + missed + "".join(kept)).rstrip(
                "\n"
            ) + "\n"
        while kept and used + sum(size(b) for b in kept) + reserve > limit:
            kept.pop()
        note = _left_out(len(rows) - len(kept), 0, limit, unit, lang)
        table = table_head + "".join(r + "\n" for r in rows) + "\n"
        return (head_text + note + table + missed + "".join(kept)).rstrip("\n") + "\n"
    # Not even the overview fits: no details, and table rows while they fit, most severe first.
    room = limit - size(head_text) - reserve - size(table_head) - 1
    keep_rows: set[int] = set()
    for i in ranked:
        room -= size(rows[i]) + 1
        if room < 0:
            break
        keep_rows.add(i)
    note = _left_out(len(rows), len(rows) - len(keep_rows), limit, unit, lang)
    table = table_head + "".join(rows[i] + "\n" for i in sorted(keep_rows)) + "\n"
    return (head_text + note + table).rstrip("\n") + "\n"
