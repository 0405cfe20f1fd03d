"""`--format parsable`: one line per issue, for editors and grep.

    path:line:col: [severity] message (rule)

Passes and not-applicable rows are left out; line breaks in a message are folded to spaces.
"""

from __future__ import annotations

from hulifa.model import CheckResult, Finding
from hulifa.reporters._common import is_issue, one_line


def line(finding: Finding, lang: str = "zh") -> str:
    path, rule = one_line(finding.file), one_line(finding.rule)
    text = one_line(finding.message.get(lang))
    return f"{path}:{finding.line}:{finding.column}: [{finding.severity.value}] {text} ({rule})"


def render(result: CheckResult, lang: str = "zh") -> str:
    lines = [line(f, lang) for r in result.reports for f in r.findings if is_issue(f)]
    return "".join(item + "\n" for item in lines)
