"""`--format json`: one JSON document for a whole run; its shape is documented in the README."""

from __future__ import annotations

import functools
import json
import math
from typing import Any

from hulifa import messages
from hulifa.model import FORMAT_VERSION, Basis, CheckResult, Finding, ReportResult, RulePack
from hulifa.reporters._common import join_stream


def basis_dict(basis: Basis | None) -> dict[str, str] | None:
    if basis is None:
        return None
    return {
        "document": basis.document,
        "article": basis.article,
        "url": basis.url,
        "strength": basis.strength.value,
        "note": basis.note,
        "qualifier": basis.qualifier,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    # Every text comes from hulifa.messages. Status and Severity are StrEnums, which the encoder writes as their text.
    name, name_en = messages.names(finding)
    return {
        "rule": finding.rule,
        "name": name,
        "name_en": name_en,
        "status": finding.status,
        "severity": finding.severity,
        "expected": messages.expected(finding, "zh"),
        "expected_en": messages.expected(finding, "en"),
        "actual": messages.actual(finding, "zh"),
        "actual_en": messages.actual(finding, "en"),
        "gap": messages.gap(finding, "zh"),
        "gap_en": messages.gap(finding, "en"),
        "unit": messages.unit(finding),
        "bound": messages.bound(finding),
        "message": messages.message(finding, "zh"),
        "message_en": messages.message(finding, "en"),
        "basis": _basis(messages.basis(finding)),
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "evidence": finding.evidence,
        "previous": finding.previous,
        "change": finding.change,
        "accepted": deviation_dict(finding) if finding.accepted is not None else None,
        **({"page": finding.page} if finding.page else {}),  # PDF input only: `line` is within this page
    }


# the findings of one rule share their basis: make its dict once (never mutated, only encoded)
_basis = functools.lru_cache(maxsize=1024)(basis_dict)


def deviation_dict(finding: Finding) -> dict[str, Any] | None:
    """The deviation that accepts a finding, with the status it had before; None when not accepted."""
    entry = finding.accepted
    if entry is None:
        return None
    return {
        "status": finding.accepted_status,
        "reason": entry.reason,
        "approved_by": entry.approved_by,
        "expires": entry.expires.isoformat(),
        "file": entry.position.file,
        "line": entry.position.line,
    }


def report_dict(report: ReportResult) -> dict[str, Any]:
    return {
        "file": report.file,
        "region": report.region,
        "year": report.year,
        "level": report.level,
        "checked": report.checked,
        "previous": report.previous,
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {
            "required": report.required,
            "given": report.given,
            "worst": report.worst().value,
            **report.counts(),
        },
    }


@functools.cache
def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hulifa")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _top(pack: RulePack | None) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "tool": "hulifa",
        "tool_version": tool_version(),
        "rule_pack": {"id": pack.id, "version": pack.version, "title": pack.title} if pack else None,
    }


def _no_nan(value: Any) -> Any:
    """JSON has no NaN or Infinity; none may reach a consumer that parses strictly."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_nan(v) for v in value]
    return value


# Streaming: the document is written one report at a time, so a batch of any size needs the memory
# of one report; `render` is the same pieces joined, so both give the same bytes by construction.
# Layout: the top levels are indented, and each finding is one line. Python's C encoder only runs
# without `indent`, and indenting every finding made the pure-Python encoder most of a batch's time.
SEP = ",\n"


def head(pack: RulePack | None, lang: str = "zh") -> str:
    lines = [f"  {_dump(key)}: {_dump(value)}," for key, value in _top(pack).items()]
    return "{\n" + "\n".join(lines) + '\n  "reports": [\n'


def item(report: ReportResult, lang: str = "zh") -> str:
    data = report_dict(report)
    findings = data.pop("findings")
    lines = [f"      {_dump(key)}: {_dump(value)}," for key, value in data.items()]
    rows = ",\n".join(f"        {_dump(finding)}" for finding in findings)
    lines.append('      "findings": [\n' + rows + "\n      ]" if rows else '      "findings": []')
    return "    {\n" + "\n".join(lines) + "\n    }"


def tail(lang: str = "zh") -> str:
    return "\n  ]\n}\n"


def render(result: CheckResult, lang: str = "zh") -> str:
    return join_stream(head, item, SEP, tail, result, lang)


_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode  # made once: json.dumps makes one per call


def _dump(value: Any) -> str:
    try:
        return _ENCODE(value)
    except ValueError:  # a NaN or infinity somewhere: JSON has none, so it becomes null
        return _ENCODE(_no_nan(value))
