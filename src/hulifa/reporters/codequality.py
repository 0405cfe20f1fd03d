"""`--format codequality`: GitLab's Code Quality report (a JSON array of issues), for merge requests.

Written as results arrive (the pieces of hulifa.reporters.streaming): one issue a line in the array,
and nothing of a report is held once its piece is written.

One issue per finding that is an issue (see _common.is_issue): `description` is the message,
`check_name` the rule id, `severity` error -> major, warning -> minor, info -> info (a file that
could not be checked -> critical), `location` the file and line, and a `fingerprint` that stays
the same while the rule and the file do, so GitLab can tell new issues from old ones.
https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hulifa import messages
from hulifa.model import CheckResult, Finding, ReportResult, RulePack, Severity, Status
from hulifa.reporters._common import Memo, but_place, is_issue, one_line

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info", Severity.NONE: "info"}


def issue(finding: Finding, lang: str = "zh") -> dict[str, Any]:
    description, english = _words(finding, lang)
    return _issue(finding, description, english)


def _words(finding: Finding, lang: str) -> tuple[str, str]:
    """The description, and the English message the fingerprint is made from: neither reads the place."""
    return f"{one_line(messages.message(finding, lang))} ({one_line(finding.rule)})", messages.message(finding, "en")


def _issue(finding: Finding, description: str, english: str) -> dict[str, Any]:
    severity = "critical" if finding.status is Status.ERROR else _SEVERITY[finding.severity]
    key = f"{finding.file}\0{finding.rule}\0{english}".encode()
    return {
        "description": description,
        "check_name": finding.rule,
        "fingerprint": hashlib.sha256(key).hexdigest(),
        "severity": severity,
        "location": {"path": finding.file, "lines": {"begin": max(1, finding.line)}},
    }


# the streamed pieces: "[", the issues (a report's joined by SEP as well), "]"; EMPTY when none
SEP = ",\n"
EMPTY = "[]\n"

# Layout: an issue a line. Python's C encoder only runs without `indent`, and indenting every issue
# through the pure-Python one was most of a report's time when it has many issues.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
# A missing indicator's words recur in report after report: made once per language (bounded).
_WORDS: dict[str, Memo[tuple[str, str]]] = {}


def head(pack: RulePack | None = None, lang: str = "zh") -> str:
    return "[\n"


def item(report: ReportResult, lang: str = "zh") -> str:
    """A report's issues, as elements of the array, "" when it has none."""
    words = _WORDS.get(lang) or _WORDS.setdefault(lang, Memo(lambda finding: _words(finding, lang), but_place))
    return SEP.join("  " + _ENCODE(_issue(f, *words(f))) for f in report.findings if is_issue(f))


def tail(lang: str = "zh") -> str:
    return "\n]\n"


def render(result: CheckResult, lang: str = "zh") -> str:
    body = SEP.join(text for text in (item(r, lang) for r in result.reports) if text)
    return head(result.pack, lang) + body + tail(lang) if body else EMPTY
