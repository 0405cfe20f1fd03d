"""`--format parsable`: one line per issue, for editors and grep.

    path:line:col: [severity] message (rule)

Passes and not-applicable rows are left out; line breaks in a message are folded to spaces.
"""

from __future__ import annotations

from hulifa import messages
from hulifa.model import CheckResult, Finding, ReportResult
from hulifa.reporters._common import issue_lines, join_stream, line_ref, no_head, no_tail, one_line


def line(finding: Finding, lang: str = "zh") -> str:
    path, rule = one_line(finding.file), one_line(finding.rule)
    text = one_line(messages.message(finding, lang))
    return f"{path}:{line_ref(finding)}:{finding.column}: [{finding.severity.value}] {text} ({rule})"


# Streamed one report at a time (see reporters.STREAMING).
SEP = ""
head, tail = no_head, no_tail


def item(report: ReportResult, lang: str = "zh") -> str:
    return issue_lines(report, lang, line)


def render(result: CheckResult, lang: str = "zh") -> str:
    return join_stream(head, item, SEP, tail, result, lang)
