"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run. `tool.driver.rules` holds every rule of the pack (plus `hulifa.*` entries for input errors
and unknown indicators when a result needs them); there is one result per finding that is neither a
pass nor not-applicable. Results that need a person to look (status unverifiable) are
`kind: "review"`; SARIF §3.27.10 then requires `level: "none"`, so the hulifa severity is kept in
`properties.severity`. Everything else is `kind: "fail"` with the level from the severity.

The output is deterministic: no timestamps, no absolute paths, keys sorted; the run is indented and
each result is one line.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import urllib.parse
from typing import Any, NamedTuple

from hulifa import messages
from hulifa.model import Basis, CheckResult, Finding, ReportResult, Rule, RulePack, Severity, Status, Text
from hulifa.reporters import labels
from hulifa.reporters._common import (
    Memo,
    basis_label,
    but_place,
    clean,
    full_citation,
    is_issue,
    message,
    pack_words,
    with_unit,
)
from hulifa.reporters.json_ import _no_nan, tool_version

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "hulifa/v1"

LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
    Severity.NONE: "none",
}

# Rules hulifa itself reports, not defined by any pack: their name and help, in Chinese and in English.
BUILTIN_RULES: dict[str, tuple[Text, Text]] = {
    "hulifa.input": (
        Text("无法检查的输入文件", "Input file could not be checked"),
        Text(
            "文件无法读取或解析,未对其进行任何检查。",
            "The file could not be read or parsed; nothing in it was checked.",
        ),
    ),
    "hulifa.unknown_indicator": (
        Text("规则包未定义的指标", "Indicator not defined by the rule pack"),
        Text(
            "报告数据中的指标名称不是规则包中任何规则的编号、名称或别名。",
            "The report data names an indicator that is not the id, name or alias of any rule in the pack.",
        ),
    ),
}


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference: forward slashes, everything but unreserved characters,
    sub-delimiters, `@` and `/` percent-encoded (`:` too, so no segment can read as a scheme)."""
    path = clean(path).replace("\\", "/")
    return urllib.parse.quote(path, safe="/-._~!$&'()*+,;=@")


def _pascal(rule_id: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^0-9A-Za-z]+", rule_id) if p) or "Rule"


def _help_uri(url: str) -> str | None:
    url = clean(url).strip()
    if not re.match(r"https?://[^\s]+$", url):
        return None
    return urllib.parse.quote(url, safe=":/?#[]@!$&'()*+,;=%-._~")


def _requirement(rule: Rule) -> dict[str, Any]:
    req = rule.requirement
    out: dict[str, Any] = {"kind": req.kind.value}
    if req.target is not None:
        out["target"] = req.target if math.isfinite(req.target) else None
    if req.field:
        out["field"] = req.field
    if req.before:
        out["before"] = req.before
        out["year_offset"] = req.year_offset
    if req.sections:
        out["sections"] = list(req.sections)
    return out


def _basis_line(basis: Basis, lang: str) -> str:
    """`Basis (binding policy): document article (qualifier)` in `lang`: the full citation every format
    gives, so an unconfirmed source is not cited here as if it were confirmed (the code of its strength
    is the rule's properties.strength)."""
    return f"{basis_label(basis, lang)}: {full_citation(basis, lang)}"


def _pack_descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    basis = rule.basis
    help_lines = [_basis_line(basis, lang)]
    if basis.note:
        help_lines.append(f"{labels.field('note', lang)}: {clean(pack_words(basis.note, lang))}")
    if rule.why:
        help_lines.append(f"{labels.field('why', lang)}: {clean(pack_words(rule.why, lang))}")
    names = Text(clean(rule.name) or rule.id, clean(rule.name_en) or clean(rule.name) or rule.id)
    target = with_unit(messages.expected_text(rule, lang), rule.unit, lang)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _pascal(rule.id),
        **_descriptions(names, target, lang),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "help": {"text": "\n".join(help_lines)},
        "properties": {
            "otherLanguage": {"lang": _other(lang), "name": names.get(_other(lang))},
            "strength": basis.strength.value,
            "unit": clean(rule.unit),
            "requirement": _requirement(rule),
            "missing_severity": rule.missing_severity.value,
        },
    }
    uri = _help_uri(basis.url)
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def _descriptions(names: Text, target: str, lang: str) -> dict[str, Any]:
    """A rule's short description, its name, and its full one, the name with its target, in `lang`
    (code scanning shows them as the rule's title and summary); the other language's name is in its
    properties."""
    name, word = names.get(lang), labels.field("expected", lang)
    full = (f"{name}: {word.lower()} {target}" if lang == "en" else f"{name}:{word} {target}") if target else name
    return {"shortDescription": {"text": name}, "fullDescription": {"text": full}}


def _finding_descriptor(finding: Finding, lang: str) -> dict[str, Any]:
    """A rule entry for a rule id no pack defines, from hulifa's own list or from the finding."""
    if finding.rule in BUILTIN_RULES:
        names, help_text = BUILTIN_RULES[finding.rule]
        return {
            "id": finding.rule,
            "name": _pascal(finding.rule),
            **_descriptions(names, "", lang),
            "help": {"text": help_text.get(lang)},
            "properties": {"otherLanguage": {"lang": _other(lang), "name": names.get(_other(lang))}},
        }
    name, name_en = (clean(each) for each in messages.names(finding))
    names = Text(name or clean(finding.rule), name_en or name or clean(finding.rule))
    descriptor: dict[str, Any] = {
        "id": clean(finding.rule),
        "name": _pascal(finding.rule),
        **_descriptions(names, "", lang),
        "properties": {"otherLanguage": {"lang": _other(lang), "name": names.get(_other(lang))}},
    }
    basis = messages.basis(finding)
    if basis is not None:
        descriptor["help"] = {"text": _basis_line(basis, lang)}
        uri = _help_uri(basis.url)
        if uri:
            descriptor["helpUri"] = uri
    return descriptor


def fingerprint(finding: Finding, report: ReportResult, occurrence: int = 1) -> str:
    """Stable across edits that move lines: rule, file, region/year, status and indicator name."""
    identity = _identity(finding, report, artifact_uri(finding.file), messages.names(finding)[0])
    return _digest(identity, occurrence)


def _identity(finding: Finding, report: ReportResult, uri: str, name: str) -> str:
    """What a fingerprint is made from (its occurrence apart): findings alike here share one."""
    return "\x1f".join((finding.rule, uri, report.region, str(report.year or ""), finding.status.value, name))


def _digest(identity: str, occurrence: int) -> str:
    text = identity if occurrence == 1 else f"{identity}\x1f{occurrence}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class _Words(NamedTuple):
    """A result's words, which do not depend on where its finding is (made once: see _common.Memo)."""

    message: str
    indicator: str
    expected: str
    actual: str
    gap: str
    other: str  # the message in the other language
    unit: str
    name: str  # the indicator's Chinese name, for the fingerprint


def _words(finding: Finding, lang: str) -> _Words:
    return _Words(
        message(finding, lang) or clean(finding.rule),
        clean(messages.name(finding, lang)),
        clean(messages.expected(finding, lang)),
        clean(messages.actual(finding, lang)),
        clean(messages.gap(finding, lang)),
        message(finding, _other(lang)),
        clean(messages.unit(finding)),
        messages.names(finding)[0],
    )


def _other(lang: str) -> str:
    return "zh" if lang == "en" else "en"


def _result(
    finding: Finding, report: ReportResult, index: int, uri: str, digest: str, words: _Words, lang: str
) -> dict[str, Any]:
    """A result; `uri`: its file's (artifact_uri), `digest`: its fingerprint."""
    review = finding.status is Status.UNVERIFIABLE or finding.accepted_status == Status.UNVERIFIABLE.value
    out: dict[str, Any] = {
        "ruleId": clean(finding.rule),
        "ruleIndex": index,
        "kind": "review" if review else "fail",
        "level": "none" if review else LEVELS[finding.severity],
        "message": {"text": words.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": max(1, finding.line), "startColumn": max(1, finding.column)},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: digest},
        "properties": {
            "status": finding.status.value,
            "severity": finding.severity.value,
            "indicator": words.indicator,
            "expected": words.expected,
            "actual": words.actual,
            "gap": words.gap,
            # the message in the other language, for tools that show both (docs/sarif.md)
            "otherLanguage": {"lang": _other(lang), "message": words.other},
            "unit": words.unit,
            "region": clean(report.region),
            "year": report.year,
            # PDF input: startLine is the line within this page (SARIF has no pages)
            **({"page": finding.page} if finding.page else {}),
        },
    }
    if finding.status is Status.ACCEPTED and finding.accepted is not None:
        # An accepted deviation: still reported, but suppressed with its justification (SARIF §3.35).
        out["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": clean(finding.accepted.reason)}
        ]
        out["properties"]["acceptedStatus"] = finding.accepted_status
        out["properties"]["approvedBy"] = clean(finding.accepted.approved_by)
        out["properties"]["expires"] = finding.accepted.expires.isoformat()
    return out


class Writer:
    """The SARIF document written one report at a time (see hulifa.reporters.streaming): each item is
    that report's results; `head` (the counts and the run's success come before the results in the
    key order) and `tail` (the rule table, which grows with rule ids no pack defines) are made when
    the last report is in. What it keeps is one counter per status and the rule index."""

    SEP = ",\n"

    def __init__(self, pack: RulePack | None, lang: str = "zh", fail_on: Severity | None = None) -> None:
        self.pack, self.lang = pack, lang
        self.rules: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        if pack is not None:
            for rule in pack.rules:
                if rule.id not in self.index:
                    self.index[rule.id] = len(self.rules)
                    self.rules.append(_pack_descriptor(rule, lang))
        self.totals = {s.value: 0 for s in Status} | {"notes": 0}  # notes: hulifa's own, on the input
        self.unchecked = False
        self.any = False  # some report had a result
        self.elsewhere: dict[str, int] = {}  # occurrences of findings placed in another file than their report's
        # a missing indicator's words recur in report after report: made once (bounded)
        self.words = Memo(lambda finding: _words(finding, lang), but_place)

    def item(self, report: ReportResult) -> str:
        """This report's results, each indented to its place in the document; "" when it has none."""
        self.unchecked = self.unchecked or not report.checked
        for status, n in report.counts().items():
            self.totals[status] += n
        # A fingerprint names the finding's file, and each report file comes once in a run: the count
        # of repeats is kept per report (and run-wide only for findings placed in another file).
        seen: dict[str, int] = {}
        uris: dict[str, str] = {}  # a report's findings are mostly in its own file
        parts = []
        for finding in report.findings:
            if not is_issue(finding):
                continue
            if finding.rule not in self.index:
                self.index[finding.rule] = len(self.rules)
                self.rules.append(_finding_descriptor(finding, self.lang))
            uri = uris.get(finding.file) or uris.setdefault(finding.file, artifact_uri(finding.file))
            words = self.words(finding)
            key = _identity(finding, report, uri, words.name)
            counts = seen if finding.file == report.file else self.elsewhere
            counts[key] = counts.get(key, 0) + 1
            digest = _digest(key, counts[key])
            result = _result(finding, report, self.index[finding.rule], uri, digest, words, self.lang)
            parts.append(_RESULT_INDENT + _line(result))
        self.any = self.any or bool(parts)
        return self.SEP.join(parts)

    def _document(self, results: list[str]) -> str:
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "hulifa", "version": tool_version(), "rules": self.rules}},
            "invocations": [{"executionSuccessful": not self.unchecked}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        # Results are issues only; the counts per status (met and stated apart) say what else was found.
        run["properties"] = {"statusCounts": self.totals}
        if self.pack is not None:
            run["properties"]["rulePack"] = {
                "id": clean(self.pack.id),
                "version": clean(self.pack.version),
                "title": clean(self.pack.title),
            }
        return _dump({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}) + "\n"

    def head(self) -> str:
        """Everything before the first result (called after the last item); the whole document when
        no report had a result."""
        if not self.any:
            return self._document([])
        text = self._document([_PLACE])
        return text[: text.index(_PLACE_LINE) + 1]

    def tail(self) -> str:
        if not self.any:
            return ""
        text = self._document([_PLACE])
        return text[text.index(_PLACE_LINE) + len(_PLACE_LINE) :]


def _dump(value: Any) -> str:
    return json.dumps(_no_nan(value), ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False)


# Layout: the frame (the run, its rule table) is indented, and each result is one line. Python's C
# encoder only runs without `indent`: indenting every result through the pure-Python one was most of
# this format's time (13.8 ms a report of 100k small reports, against 1.8 for `-f json`).
_ENCODE_LINE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, allow_nan=False).encode


def _line(value: Any) -> str:
    try:
        return _ENCODE_LINE(value)
    except ValueError:  # a NaN or infinity somewhere: JSON has none, so it becomes null
        return _ENCODE_LINE(_no_nan(value))


_RESULT_INDENT = " " * 8  # a result's depth: document, runs, run, results
_PLACE = "\x00results\x00"
_PLACE_LINE = "\n" + _RESULT_INDENT + json.dumps(_PLACE)


def writer(pack: RulePack | None, lang: str = "zh", fail_on: Severity | None = None) -> Writer:
    return Writer(pack, lang, fail_on)


def render(result: CheckResult, lang: str = "zh") -> str:
    """The whole document: the streamed pieces joined (see hulifa.reporters.streaming.join)."""
    from hulifa.reporters.streaming import join

    return join(writer(result.pack, lang), result.reports)
