"""`--format parsable`: one line per issue, for editors and grep.

    path:line:col: [severity] message (rule)

Passes and not-applicable rows are left out; line breaks in a message are folded to spaces.
"""

from __future__ import annotations

from hulifa.model import CheckResult, Finding, ReportResult, RulePack
from hulifa.reporters._common import is_issue, one_line


def line(finding: Finding, lang: str = "zh") -> str:
    path, rule = one_line(finding.file), one_line(finding.rule)
    text = one_line(finding.message.get(lang))
    return f"{path}:{finding.line}:{finding.column}: [{finding.severity.value}] {text} ({rule})"


# Streaming, as in json_: one report at a time; `render` joins the same pieces.
SEP = ""


def head(pack: RulePack | None, lang: str = "zh") -> str:
    return ""


def item(report: ReportResult, lang: str = "zh") -> str:
    return "".join(line(f, lang) + "\n" for f in report.findings if is_issue(f))


def tail(lang: str = "zh") -> str:
    return ""


def render(result: CheckResult, lang: str = "zh") -> str:
    return head(result.pack, lang) + SEP.join(item(r, lang) for r in result.reports) + tail(lang)
