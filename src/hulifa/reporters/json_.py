"""`--format json` and `json-compact`: one JSON document for a whole run, format 3 (docs/json-output.md).

What the document would say many times it says once: each rule's names, unit, target and basis in a
`rules` table before the reports; each report's most common message per status in its `messages`;
and a finding leaves out every field whose value is its default (`defaults`). `expand` is the
inverse: every finding whole, as format 2 wrote it. json and json-compact are the same document in
two layouts: json indents its top levels and writes a finding a line, json-compact writes no white
space between tokens and a report a line.
"""

from __future__ import annotations

import functools
import json
import math
import operator
import string
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from json.encoder import encode_basestring
from typing import Any, NamedTuple

from hulifa import messages
from hulifa.model import (
    FORMAT_VERSION,
    Basis,
    CheckResult,
    Finding,
    Position,
    ReportResult,
    Rule,
    RulePack,
    Severity,
    Status,
)
from hulifa.reporters._common import Memo, join_stream

# The value of a finding's field that it leaves out and that neither `rules` nor its report's
# `messages` gives. `rule`, `status`, `line` and `column` are always written; `page` only for a PDF.
ABSENT: dict[str, Any] = {
    "severity": "none",
    "name": "",
    "name_en": "",
    "unit": "",
    "expected": "",
    "expected_en": "",
    "basis": None,
    "actual": "",
    "actual_en": "",
    "gap": "",
    "gap_en": "",
    "bound": "",
    "message": "",
    "message_en": "",
    "evidence": "",
    "previous": "",
    "previous_en": "",
    "change": "",
    "change_en": "",
    "accepted": None,
}


def defaults(file: str, entry: Mapping[str, Any], said: Mapping[str, Any]) -> dict[str, Any]:
    """What a finding's absent fields are: its `messages` entry (the report's message for its status),
    then its `rules` entry, then the report's file, then ABSENT."""
    return {**ABSENT, "file": file, **entry, **said}


def omit(data: Mapping[str, Any], default: Mapping[str, Any]) -> dict[str, Any]:
    """`data` without the fields whose value is their default: what the document writes of a finding."""
    return {key: value for key, value in data.items() if key not in default or value != default[key]}


def expand(document: dict[str, Any]) -> dict[str, Any]:
    """A format 3 document with every finding whole (each field of format 2, page where there is one),
    and without `rules` and each report's `messages`, which it then no longer needs."""
    rules = document.get("rules", {})
    reports = []
    for report in document["reports"]:
        said = report.get("messages", {})
        findings = [
            {**defaults(report["file"], rules.get(f["rule"], {}), said.get(f["status"], {})), **f}
            for f in report["findings"]
        ]
        reports.append({**{k: v for k, v in report.items() if k != "messages"}, "findings": findings})
    return {**{k: v for k, v in document.items() if k != "rules"}, "reports": reports}


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


# the findings of one rule share their basis: make its dict once (never mutated, only encoded)
_basis = functools.lru_cache(maxsize=1024)(basis_dict)


def finding_dict(finding: Finding) -> dict[str, Any]:
    """Every field of a finding, in the document's order: what `expand` gives back."""
    # Every text comes from hulifa.messages. Status and Severity are StrEnums, which the encoder writes as their text.
    name, name_en = messages.names(finding)
    return {
        "rule": finding.rule,
        "status": finding.status,
        "severity": finding.severity,
        "name": name,
        "name_en": name_en,
        "unit": messages.unit(finding),
        "expected": messages.expected(finding, "zh"),
        "expected_en": messages.expected(finding, "en"),
        "basis": _basis(messages.basis(finding)),
        "actual": messages.actual(finding, "zh"),
        "actual_en": messages.actual(finding, "en"),
        "gap": messages.gap(finding, "zh"),
        "gap_en": messages.gap(finding, "en"),
        "bound": messages.bound(finding),
        "message": messages.message(finding, "zh"),
        "message_en": messages.message(finding, "en"),
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        **({"page": finding.page} if finding.page else {}),  # PDF input only: `line` is within this page
        "evidence": finding.evidence,
        "previous": messages.previous(finding, "zh"),
        "previous_en": messages.previous(finding, "en"),
        "change": messages.change(finding, "zh"),
        "change_en": messages.change(finding, "en"),
        "accepted": deviation_dict(finding),
    }


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


def report_messages(said: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, str]]:
    """A report's `messages`: for each status (a Status or its text), the message (Chinese and English)
    that the most of its findings of that status carry (the first of equals), when at least two carry it."""
    best: dict[str, tuple[int, str, str]] = {}
    for (status, zh, en), n in Counter(said).items():  # in the order first seen
        if n > best.get(status, (1,))[0]:
            best[status] = (n, zh, en)
    # _STATUS_TEXT, not `Status` and `.value`: on Python 3.11 iterating an Enum class and reading a
    # member's value are Python calls, 8 of this function's 18 us a report (timeit)
    return {text: {"message": best[s][1], "message_en": best[s][2]} for s, text in _STATUS_TEXT.items() if s in best}


def rules_table(pack: RulePack | None) -> dict[str, dict[str, Any]]:
    """The document's `rules`: a rule's id, `ID.trend` for its trend and `ID.derived` for the check of
    its derived value, to the names, unit, target and basis such a finding has (a derived check's
    target is the derived figure: never in the table)."""
    table: dict[str, dict[str, Any]] = {}
    for rule in pack.rules if pack else ():
        table[rule.id] = _entry(_example(rule, rule.id, "meets"), target=True)
        if rule.trend is not None:
            table[f"{rule.id}.trend"] = _entry(_example(rule, f"{rule.id}.trend", "trend.pass"), target=True)
        if rule.derive:
            table[f"{rule.id}.derived"] = _entry(_example(rule, f"{rule.id}.derived", "meets"), target=False)
    return table


def _example(rule: Rule, rule_id: str, message: str) -> Finding:
    return Finding(rule_id, rule, Status.PASS, Severity.NONE, Position("", 0, 0), message)


def _entry(finding: Finding, *, target: bool) -> dict[str, Any]:
    data = finding_dict(finding)
    return {key: data[key] for key in ("name", "name_en", "unit", *(("expected", "expected_en") * target), "basis")}


# The run's `rules`, written by head() and read by every report's findings; see use().
_table: dict[str, dict[str, Any]] = {}
_used = False


def use(pack: RulePack | None) -> None:
    """Make `pack`'s table the one findings refer to. head() does it; so must a --jobs worker, where
    item() runs without head() (the CLI does, through ensure_table)."""
    global _used
    _table.clear()
    _table.update(rules_table(pack))
    _used = True
    forget()


def ensure_table(load: Callable[[], RulePack | None]) -> None:
    """use() the pack `load` gives, unless head() or use() already ran in this process."""
    if not _used:
        use(load())


def tool_version() -> str:
    from hulifa.version import __version__

    return __version__


def _no_nan(value: Any) -> Any:
    """JSON has no NaN or Infinity; none may reach a consumer that parses strictly."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_nan(v) for v in value]
    return value


class Layout(NamedTuple):
    """Where the document has white space: after a key's colon and a member's comma, and between lines."""

    compact: bool
    colon: str
    comma: str


PRETTY = Layout(False, ": ", ", ")  # json: top levels indented, a finding a line
COMPACT = Layout(True, ":", ",")  # json-compact: no white space between tokens, a report a line

# Streaming: the document is written one report at a time, so a batch of any size needs the memory
# of one report; `render` is the same pieces joined, so both give the same bytes by construction.
# Python's C encoder only runs without `indent`, and indenting every finding made the pure-Python
# encoder most of a batch's time: so the top levels are laid out here and each value encoded in one call.
SEP = ",\n"


def head(pack: RulePack | None, lang: str = "zh", layout: Layout = PRETTY) -> str:
    use(pack)
    top = {
        "format_version": FORMAT_VERSION,
        "tool": "hulifa",
        "tool_version": tool_version(),
        "rule_pack": {"id": pack.id, "version": pack.version, "title": pack.title} if pack else None,
    }
    if layout.compact:
        members = "".join(f"{_s(key)}:{_dump(value, layout)}," for key, value in top.items())
        rules = ",".join(f"{_s(key)}:{_dump(value, layout)}" for key, value in _table.items())
        return "{" + members + '"rules":{' + rules + '},"reports":[\n'
    lines = [f"  {_s(key)}: {_dump(value)}," for key, value in top.items()]
    rules = ",\n".join(f"    {_s(key)}: {_dump(value)}" for key, value in _table.items())
    return "{\n" + "\n".join(lines) + '\n  "rules": {\n' + rules + '\n  },\n  "reports": [\n'


def item(report: ReportResult, lang: str = "zh") -> str:
    return report_text(report)


def tail(lang: str = "zh") -> str:
    return "\n  ]\n}\n"


def render(result: CheckResult, lang: str = "zh") -> str:
    return join_stream(head, item, SEP, tail, result, lang)


def report_dict(report: ReportResult) -> dict[str, Any]:
    """A report's own members, without its `messages` and `findings`."""
    return {
        "file": report.file,
        "region": report.region,
        "year": report.year,
        "level": report.level,
        "checked": report.checked,
        "previous": report.previous,
        "summary": {
            "required": report.required,
            "given": report.given,
            "worst": report.worst().value,
            **report.counts(),
        },
    }


def report_text(report: ReportResult, layout: Layout = PRETTY) -> str:
    """One report's piece of the document.

    Its pieces are gathered in one list and joined once: a report is some 15,000 characters, and
    joining the findings, then the members, then the braces copied all of them at each step, about
    five times a report (fresh memory each time, which cost more than the copying's instructions)."""
    parts, said = _report_parts(report, layout)
    members = {**report_dict(report), "messages": said}
    if layout.compact:  # the members in one call, then the findings before its closing brace
        pieces = [_dump(members, layout)[:-1], ',"findings":[']
        _finding_texts(report, parts, said, layout, pieces)
        pieces.append("]}")
        return "".join(pieces)
    pieces = ["    {\n", *[f"      {_s(key)}: {_member(value)},\n" for key, value in members.items()]]
    if report.findings:
        pieces.append('      "findings": [\n')
        _finding_texts(report, parts, said, layout, pieces)
        pieces.append("\n      ]\n    }")
    else:
        pieces.append('      "findings": []\n    }')
    return "".join(pieces)


def _report_parts(report: ReportResult, layout: Layout) -> tuple[list[_Parts], dict[str, dict[str, str]]]:
    """Each finding's remembered parts, and the report's `messages`."""
    parts = _PARTS[layout.compact].many(report.findings)
    return parts, report_messages(map(_SAID, parts))


# A finding's line is most of a report's output, and encoding it through a dict with the generic
# encoder was most of a batch's time. So each line is written from its fields, each string encoded
# by the json module's own C function (what JSONEncoder calls for a string), and what does not vary
# is remembered: the fields a rule decides (per rule), and a finding's text but its place, evidence
# and message (keyed by the finding without its position and evidence: "does not apply to a
# department report for 2024", every unstated figure and every "100%" recur across reports). The
# bytes are those of encoding the finding's dict less its defaults (tested). The memos are bounded
# (_common.Memo): memory stays flat.
_s = encode_basestring
_FORMAT = string.Formatter()
_NOT_OWN = ("subject", "position", "evidence")


# A finding's remembered parts, in this order:
#   before          from the line's indent and opening brace to the last field before the message
#   said            its status and message, as report_messages counts them
#   message_field   `, "message": …` as written where the report's `messages` does not say it; "" for ""
#   message_en_field
#   message_fields  both
#   after           the fields after the place and evidence, each after a comma; "" when none is written
# A plain tuple of texts (the status as plain text too), not a NamedTuple: the cycle collector stops
# tracking a plain tuple that holds only untracked objects the first time it meets it, and then
# never walks it again, where it walks every NamedTuple (and what it holds) in each of its passes.
_Parts = tuple[str, tuple[str, str, str], str, str, str, str]

_SAID = operator.itemgetter(1)
_STATUS_TEXT = {status: status.value for status in Status}  # in Status's order
# A member read from its Enum class (`Status.STATED`) takes EnumType's slow attribute path on Python 3.11:
# ~0.2 us more than a module constant, for each of a report's ~83 findings in _key.
_STATED = Status.STATED
# a finding's fields but its subject, place and evidence, in one C call
_OWN_FIELDS = operator.itemgetter(*(i for i, name in enumerate(Finding._fields) if name not in _NOT_OWN))


def _key(finding: Finding) -> tuple[Any, ...] | None:
    """A finding but its place and evidence, as a Memo key: what its remembered parts depend on (the
    subject by identity, see _common.Memo). None for a stated figure with no target, which is made
    each time and never remembered: it is the one kind that seldom recurs (over 2,000 generated
    reports, 30,657 different ones among 57,266, where the 109,000 findings of every other kind had
    2,200 between them), so remembering it only filled the memo, and the memory it walks for each
    report, with texts seldom asked for again."""
    if finding.status is _STATED:
        return None
    return (id(finding.subject), _OWN_FIELDS(finding))


def forget() -> None:
    """Drop the remembered texts (the table changed: what a finding leaves out may differ)."""
    for parts in _PARTS.values():
        parts.clear()
    for heads in _HEAD.values():
        heads.clear()


def _finding_texts(
    report: ReportResult, parts: list[_Parts], said: dict[str, dict[str, str]], layout: Layout, rows: list[str]
) -> None:
    """Each finding's line, added to `rows` after the separator from the line before it: its remembered
    parts around its message (unless the report's `messages` says it), place and evidence. Run for
    every finding of every report, so kept to plain steps."""
    comma, colon = layout.comma, layout.colon
    line_key, column_key, evidence_key = (f'{comma}"{key}"{colon}' for key in ("line", "column", "evidence"))
    common = {status: (m["message"], m["message_en"]) for status, m in said.items()}
    file, sep, between = report.file, "", "," if layout.compact else ",\n"
    for finding, remembered in zip(report.findings, parts, strict=True):
        before, (status, zh, en), zh_field, en_field, both, after = remembered
        pair = common.get(status)
        if pair is None:
            message = both
        elif zh == pair[0]:
            message = en_field if en != pair[1] else ""
        else:
            message = zh_field if en == pair[1] else both
        place = finding.position
        if place.file == file and not place.page:  # most: the place is its line and column
            at = f"{line_key}{place.line}{column_key}{place.column}"
        else:
            at = f'{comma}"file"{colon}{_s(place.file)}' if place.file != file else ""
            at = f"{at}{line_key}{place.line}{column_key}{place.column}"
            if place.page:
                at = f'{at}{comma}"page"{colon}{place.page}'
        evidence = finding.evidence
        if evidence:
            rows.append(f"{sep}{before}{message}{at}{evidence_key}{_s(evidence)}{after}}}")
        else:
            rows.append(f"{sep}{before}{message}{at}{after}}}")
        sep = between


def _make_parts(layout: Layout, finding: Finding) -> _Parts:
    said = _fixed_fields(finding.message, layout) if finding.accepted is None else None
    if said is None:
        said = _message_fields(messages.message(finding, "zh"), messages.message(finding, "en"), layout)
    zh, en, zh_field, en_field, both = said
    return (
        _INDENT[layout.compact] + _head(finding, layout) + _stated_fields(finding, layout),
        (_STATUS_TEXT[finding.status], zh, en),
        zh_field,
        en_field,
        both,
        _later_fields(finding, layout),
    )


def _message_fields(zh: str, en: str, layout: Layout) -> tuple[str, str, str, str, str]:
    """A message, and its fields as a finding writes them where its report's `messages` does not say it."""
    zh_field = f'{layout.comma}"message"{layout.colon}{_s(zh)}' if zh else ""
    en_field = f'{layout.comma}"message_en"{layout.colon}{_s(en)}' if en else ""
    return zh, en, zh_field, en_field, zh_field + en_field


@functools.cache
def _fixed_fields(message_id: str, layout: Layout) -> tuple[str, str, str, str, str] | None:
    """_message_fields of a message whose words name nothing of its finding, made once (see _fixed_message)."""
    fixed = _fixed_message(message_id)
    return None if fixed is None else _message_fields(*fixed, layout)


def _stated_fields(finding: Finding, layout: Layout) -> str:
    """The stated value, its gap and bound: texts whose default is "", so each is written when not empty.
    Made for every finding that is not remembered (~29 of a generated report's 83: a figure few reports
    state), so written out field by field: a comprehension over the five (its own frame, zip, a list
    and a join) cost 1.1 us a finding, as much as the words' 1.6 us of messages.stated_texts."""
    actual, actual_en, gap, gap_en, bound = messages.stated_texts(finding)
    keys = _STATED_KEYS[layout.compact]
    text = f"{keys[0]}{_s(actual)}" if actual else ""
    if actual_en:
        text += f"{keys[1]}{_s(actual_en)}"
    if gap or gap_en:  # a figure stated with no target, most of these, has no gap
        text += (f"{keys[2]}{_s(gap)}" if gap else "") + (f"{keys[3]}{_s(gap_en)}" if gap_en else "")
    return f"{text}{keys[4]}{_s(bound)}" if bound else text


# a finding's line begins with its indent: json's findings are on lines of their own
_INDENT = {False: " " * 8, True: ""}

# `, "actual": ` and the like, in each layout
_STATED_KEYS = {
    layout.compact: tuple(
        f'{layout.comma}"{key}"{layout.colon}' for key in ("actual", "actual_en", "gap", "gap_en", "bound")
    )
    for layout in (PRETTY, COMPACT)
}


def _later_fields(finding: Finding, layout: Layout) -> str:
    """Last year's value, the change and the deviation: none of them without a previous report or a
    deviation, which is most findings (so nothing is worded for them)."""
    if not finding.previous and finding.change is None and finding.accepted is None:
        return ""
    later = (
        ("previous", messages.previous(finding, "zh")),
        ("previous_en", messages.previous(finding, "en")),
        ("change", messages.change(finding, "zh")),
        ("change_en", messages.change(finding, "en")),
        ("accepted", deviation_dict(finding)),
    )
    return _fields(later, ABSENT, layout)


@functools.cache
def _fixed_message(message_id: str) -> tuple[str, str] | None:
    """A message whose words name nothing of its finding ("达标", "已填报"): the same words for every
    finding of it not accepted by a deviation, made once (messages.message would fill it each time)."""
    template = messages.MESSAGES.get(message_id) or messages.INPUT.get(message_id)
    if template is None or any(
        field is not None for text in (template.zh, template.en) for _, field, _, _ in _FORMAT.parse(text)
    ):
        return None
    return template.zh.format(), template.en.format()


def _head(finding: Finding, layout: Layout) -> str:
    """From the opening brace to the fields a finding's rule decides (names, unit, target, basis) that
    differ from its `rules` entry: remembered per rule, status and severity. A message with a target
    of its own words it from the finding's values: made each time."""
    if finding.message in messages.TARGETS:
        return _make_head(layout, finding)
    return _HEAD[layout.compact](finding)


def _of_rule_and_status(finding: Finding) -> tuple[Any, ...]:
    """What a finding's head depends on (see _head), as a Memo key."""
    return (id(finding.subject), finding.rule, finding.status, finding.severity)


def _make_head(layout: Layout, finding: Finding) -> str:
    comma, colon = layout.comma, layout.colon
    before = f'{{"rule"{colon}{_s(finding.rule)}{comma}"status"{colon}{_s(finding.status)}'
    name, name_en = messages.names(finding)
    fields = (
        ("name", name),
        ("name_en", name_en),
        ("unit", messages.unit(finding)),
        ("expected", messages.expected(finding, "zh")),
        ("expected_en", messages.expected(finding, "en")),
        ("basis", _basis(messages.basis(finding))),
    )
    severity = (("severity", finding.severity.value),)
    return (
        before + _fields(severity, ABSENT, layout) + _fields(fields, {**ABSENT, **_table.get(finding.rule, {})}, layout)
    )


# One memo of each kind per layout (json, json-compact); see _common.Memo for how they stay bounded.
# The layout is bound as the first argument: a partial with a keyword copies its keywords into a new
# dict at each call (145 ns against 55, timeit), and the memos call it for every finding they make.
_PARTS = {layout.compact: Memo(functools.partial(_make_parts, layout), _key) for layout in (PRETTY, COMPACT)}
_HEAD = {
    layout.compact: Memo(functools.partial(_make_head, layout), _of_rule_and_status) for layout in (PRETTY, COMPACT)
}


def _fields(fields: Iterable[tuple[str, Any]], default: Mapping[str, Any], layout: Layout) -> str:
    """`, "key": value` for each field whose value is not its default."""
    comma, colon = layout.comma, layout.colon
    return "".join(
        f'{comma}"{key}"{colon}{_s(value) if isinstance(value, str) else _dump(value, layout)}'
        for key, value in fields
        if value != default[key]
    )


# made once: json.dumps makes one per call
_ENCODERS = {
    PRETTY: json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode,
    COMPACT: json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode,
}


def _member(value: Any) -> str:
    """A report's member as JSON: a text, a whole number or a literal written directly (each was a call
    of the generic encoder), a mapping through it."""
    kind = type(value)
    if kind is str:
        return _s(value)
    if kind is int:
        return str(value)
    if kind is bool or value is None:
        return "true" if value is True else "false" if value is False else "null"
    return _dump(value)


def _dump(value: Any, layout: Layout = PRETTY) -> str:
    encode = _ENCODERS[layout]
    try:
        return encode(value)
    except ValueError:  # a NaN or infinity somewhere: JSON has none, so it becomes null
        return encode(_no_nan(value))
