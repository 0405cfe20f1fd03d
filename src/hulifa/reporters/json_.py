"""`--format json`: one JSON document for a whole run; its shape is documented in the README."""

from __future__ import annotations

import functools
import json
import math
from json.encoder import encode_basestring
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
        "previous": messages.previous(finding, "zh"),
        "previous_en": messages.previous(finding, "en"),
        "change": messages.change(finding, "zh"),
        "change_en": messages.change(finding, "en"),
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


def report_dict(report: ReportResult, *, findings: bool = True) -> dict[str, Any]:
    """A report as JSON values; without `findings` when the caller writes them itself."""
    return {
        "file": report.file,
        "region": report.region,
        "year": report.year,
        "level": report.level,
        "checked": report.checked,
        "previous": report.previous,
        **({"findings": [finding_dict(f) for f in report.findings]} if findings else {}),
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
    return report_text(report)


def report_text(report: ReportResult, table: dict[str, dict[str, Any]] | None = None) -> str:
    """One report's piece of the document; with json-compact's `table`, findings its entries cover
    omit their names and basis."""
    data = report_dict(report, findings=False)
    lines = [f"      {_dump(key)}: {_dump(value)}," for key, value in data.items()]
    rows = ",\n".join(f"        {finding_text(finding, table)}" for finding in report.findings)
    lines.append('      "findings": [\n' + rows + "\n      ]" if rows else '      "findings": []')
    return "    {\n" + "\n".join(lines) + "\n    }"


# A finding's line is most of a report's output, and encoding it through a dict with the generic
# encoder was most of a batch's time. So each line is written from its fields, each string encoded
# by the json module's own C function (what JSONEncoder calls for a string), and what does not vary
# is remembered: a rule's names, target, unit and basis (per rule), and a finding's whole text but
# its place (keyed by the finding without its position: "does not apply to a department report for
# 2024" and every unstated figure recur across reports). The bytes are those of encoding
# finding_dict() with _dump (tested). The memos are bounded (cleared when full): memory stays flat.
_s = encode_basestring
_PARTS: dict[tuple[Any, ...], tuple[str, str, object]] = {}
_RULE: dict[tuple[int, str, bool, bool], tuple[str, str, str, str, object]] = {}
_LIMIT = 4096


def finding_text(finding: Finding, table: dict[str, dict[str, Any]] | None = None) -> str:
    """`_dump(finding_dict(finding))`, or json-compact's finding when `table` is given."""
    key: tuple[Any, ...] = (id(finding.subject), table is not None, finding[0], *finding[2:4], *finding[5:])
    try:
        parts = _PARTS.get(key)
    except TypeError:  # a parameter that cannot be hashed: make this one afresh
        key, parts = (), None
    if parts is None:
        parts = _parts(finding, table)
        if key:
            if len(_PARTS) >= _LIMIT:
                _PARTS.clear()
            _PARTS[key] = parts
    before, after, _ = parts
    page = f', "page": {finding.page}' if finding.page else ""
    return f'{before}"file": {_s(finding.file)}, "line": {finding.line}, "column": {finding.column}, {after}{page}}}'


def forget() -> None:
    """Drop the remembered texts (json-compact's table changed: what a finding omits may differ)."""
    _PARTS.clear()
    _RULE.clear()


def _parts(finding: Finding, table: dict[str, dict[str, Any]] | None) -> tuple[str, str, object]:
    """The text before the place (from the opening brace) and after it (to the closing one, exclusive),
    and the subject: held so that its id, part of the key, is not reused while the entry lives."""
    head, expected, unit, basis, _ = _rule_parts(finding, table)
    before = (
        f'{head}"status": {_s(finding.status)}, "severity": {_s(finding.severity)}, {expected}'
        f'"actual": {_s(messages.actual(finding, "zh"))}, "actual_en": {_s(messages.actual(finding, "en"))}, '
        f'"gap": {_s(messages.gap(finding, "zh"))}, "gap_en": {_s(messages.gap(finding, "en"))}, '
        f'{unit}"bound": {_s(messages.bound(finding))}, '
        f'"message": {_s(messages.message(finding, "zh"))}, "message_en": {_s(messages.message(finding, "en"))}, '
        f"{basis}"
    )
    accepted = _dump(deviation_dict(finding)) if finding.accepted is not None else "null"
    after = (
        f'"evidence": {_s(finding.evidence)}, "previous": {_s(messages.previous(finding, "zh"))}, '
        f'"previous_en": {_s(messages.previous(finding, "en"))}, "change": {_s(messages.change(finding, "zh"))}, '
        f'"change_en": {_s(messages.change(finding, "en"))}, "accepted": {accepted}'
    )
    return before, after, finding.subject


def _rule_parts(finding: Finding, table: dict[str, dict[str, Any]] | None) -> tuple[str, str, str, str, object]:
    """What a finding's rule decides: `{"rule", "name", "name_en"`, its target, unit and basis (the names
    and the basis left out when json-compact's table has them), and the subject (see _parts). A message
    with a target of its own words it from the finding's values: that target is made each time."""
    own_target = finding.message in messages.TARGETS
    key = (id(finding.subject), finding.rule, table is not None, own_target)
    parts = _RULE.get(key)
    if parts is None or own_target:
        name, name_en = messages.names(finding)
        basis = _basis(messages.basis(finding))
        entry = table.get(finding.rule) if table is not None else None
        if entry is not None and (name, name_en, basis) == (entry["name"], entry["name_en"], entry["basis"]):
            head, basis_text = f'{{"rule": {_s(finding.rule)}, ', ""
        else:
            head = f'{{"rule": {_s(finding.rule)}, "name": {_s(name)}, "name_en": {_s(name_en)}, '
            basis_text = f'"basis": {_dump(basis)}, '
        zh, en = messages.expected(finding, "zh"), messages.expected(finding, "en")
        expected = f'"expected": {_s(zh)}, "expected_en": {_s(en)}, '
        parts = (head, expected, f'"unit": {_s(messages.unit(finding))}, ', basis_text, finding.subject)
        if len(_RULE) >= _LIMIT:
            _RULE.clear()
        _RULE[key] = parts
    return parts


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
