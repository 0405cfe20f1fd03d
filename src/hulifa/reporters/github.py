"""`--format github`: GitHub Actions workflow commands, one annotation per issue.

    ::error file=reports/a.yaml,line=12,col=3,title=年度报告公开率 (report_disclosure_rate)::message

Severity error -> `::error`, warning -> `::warning`, info (and anything else) -> `::notice`.
Data is escaped as the Actions runner unescapes it, so no value can end the command early or
start a new one. `step_summary` gives the Markdown for `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

from hulifa.model import CheckResult, Finding, ReportResult, Severity, Status
from hulifa.reporters import markdown
from hulifa.reporters._common import (
    clean,
    details,
    display_name,
    issue_lines,
    join_stream,
    message,
    no_head,
    no_tail,
)

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def escape_data(text: str) -> str:
    """Escape a command's message, as the runner's `escapeData`."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, as the runner's `escapeProperty`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str = "zh") -> str:
    # an accepted deviation stays visible as a notice; it must not show as an error in the PR
    command = "notice" if finding.status is Status.ACCEPTED else COMMANDS.get(finding.severity, "notice")
    title = f"{display_name(finding, lang)} ({clean(finding.rule)})"
    if finding.page:  # PDF input: `line` is within the page, and the page is only said here
        title += f" @p{finding.page}:{finding.line}"
    props = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", clean(finding.file).replace("\\", "/")),
            ("line", str(max(1, finding.line))),
            ("col", str(max(1, finding.column))),
            ("title", title),
        )
    )
    lines = [message(finding, lang) or clean(finding.rule)]
    lines += [f"{label}: {value}" for label, value in details(finding, lang)]
    body = "\n".join(lines)
    return f"::{command} {props}::{escape_data(body)}"


# Streamed one report at a time (see reporters.STREAMING).
SEP = ""
head, tail = no_head, no_tail


def item(report: ReportResult, lang: str = "zh") -> str:
    return issue_lines(report, lang, annotation)


def render(result: CheckResult, lang: str = "zh") -> str:
    return join_stream(head, item, SEP, tail, result, lang)


def step_summary(result: CheckResult, lang: str = "zh") -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: the `--format markdown` document within GitHub's 1 MiB."""
    return markdown.step_summary(result, lang)
