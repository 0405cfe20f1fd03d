"""`--format junit`: JUnit XML as GitLab and Jenkins read it.

One `<testsuite>` per report, one `<testcase>` per finding (passes included):

- severity at or above `fail_on` (the CLI's --fail-on) -> `<failure type="error|warning|info">`
- below it         -> a passing test with a `<system-out>` note, so a run that exits 0 has no
  failures and one that exits 1 has at least one
- met or stated    -> a passing test (the suite's `met` and `stated` properties count them apart)
- not applicable   -> `<skipped/>`
- a file that could not be checked (status error) -> `<error>`

Only plain JUnit elements and attributes are written: no nested suites, no vendor extensions.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from hulifa import messages
from hulifa.model import CheckResult, Finding, ReportResult, RulePack, Severity, Status
from hulifa.reporters._common import (
    Memo,
    but_place,
    clean,
    detail_label,
    details,
    line_ref,
    location,
    message,
    of_rule,
    one_line,
    severity_label,
    status_label,
)

_OUTCOMES = ("failures", "errors", "skipped")


# The outcome of a finding whose status alone decides it; any other is a failure at or above
# fail_on, else a note. A dict read, as _outcome runs for every finding of every report: a Status is
# a StrEnum, found under its hash at C speed, where each `Status.X` read is a slow attribute on 3.11.
_BY_STATUS = {
    Status.ERROR: "error",
    Status.NOT_APPLICABLE: "skipped",
    Status.PASS: "pass",
    Status.STATED: "pass",
    Status.ACCEPTED: "note",  # an accepted deviation is visible but never fails the build
}


@cache
def _failing(fail_on: Severity | None) -> frozenset[Severity]:
    """The severities that fail at `fail_on` (none at None; never Severity.NONE)."""
    if fail_on is None:
        return frozenset()
    return frozenset(s for s in Severity if s is not Severity.NONE and s.rank >= fail_on.rank)


def _outcome(finding: Finding, fail_on: Severity | None = Severity.WARNING) -> str:
    """Which JUnit outcome a finding is: failure, error, skipped, note (a pass with output) or pass."""
    by_status = _BY_STATUS.get(finding.status)
    if by_status is not None:
        return by_status
    return "failure" if finding.severity in _failing(fail_on) else "note"


def case_names(report: ReportResult, lang: str = "zh") -> list[str]:
    """Unique test-case names for a report's findings, in finding order.

    The name is `rule id — name`, the name in `lang` (messages.name): the id first, so a test is known
    by the start of its name in either language. Findings sharing a name get their `line:column`
    appended; any that still clash get `#n` in finding order. The findings are already sorted, so the
    result is the same for the same input.
    """
    return _unique([_base_name(f, lang) for f in report.findings], report.findings)


def _base_name(finding: Finding, lang: str) -> str:
    named = messages.name(finding, lang)  # in English, a report's own key quoted, a rule without a name its id
    return f"{clean(finding.rule)} — {clean(named)}" if named and named != finding.rule else clean(finding.rule)


def _unique(base: list[str], findings: tuple[Finding, ...]) -> list[str]:
    """`base` (a name per finding) made unique as case_names says."""
    seen: dict[str, int] = {}
    for name in base:
        seen[name] = seen.get(name, 0) + 1
    if len(seen) == len(base):  # the usual case: every name differs
        return base
    names = list(base)
    for i, f in enumerate(findings):
        if seen[base[i]] > 1:
            names[i] = f"{base[i]} @{line_ref(f)}:{f.column}"
    taken: set[str] = set()
    for i, name in enumerate(names):
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name} #{n}"
        taken.add(unique)
        names[i] = unique
    return names


def _body(finding: Finding, lang: str) -> tuple[str, str]:
    """The text of a failure, an error or a note, before the finding's location and after it."""
    lines = [message(finding, lang)]
    lines.append(
        f"{status_label(finding.status, lang)} / {severity_label(finding.severity, lang)}"
        f" ({finding.status.value}, {finding.severity.value})"
    )
    lines += [f"{label}: {value}" for label, value in details(finding, lang)]
    basis = messages.basis(finding)
    if basis is not None and basis.url:
        lines.append(f"URL: {clean(basis.url)}")
    lines.append(f"{detail_label('location', lang)}: ")
    after = ""
    if finding.evidence:
        after = f"\n{detail_label('evidence', lang)}: {messages.quote(clean(finding.evidence), lang)}"
    return "\n".join(lines), after


# The XML is written as text, not built as an ElementTree and serialised: that took most of a
# report's time in this format (2.7 ms of 3.3 for the parse floor). The layout is the one
# ElementTree gave (ET.indent with two spaces, a suite at level 1, " />" for an empty element,
# its escapes), so the bytes did not change.
_ATTR = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("\r", "&#13;"),
    ("\n", "&#10;"),
    ("\t", "&#09;"),
)
_TEXT = _ATTR[:3]


def _escape(text: str, table: tuple[tuple[str, str], ...] = _ATTR) -> str:
    for char, entity in table:  # `in` first: most texts have none of these, and str.translate is slower
        if char in text:
            text = text.replace(char, entity)
    return text


_IN_SUITE, _IN_CASE = "\n    ", "\n      "  # before a suite's children, and before theirs


def _open(name: str, attrs: dict[str, str]) -> str:
    """`<name a="v"`, the element's start without its end."""
    return "<" + name + "".join(f' {key}="{_escape(value)}"' for key, value in attrs.items())


def _tag(name: str, attrs: dict[str, str], text: str = "") -> str:
    """An element without children: `<name a="v" />`, or with its text."""
    head = _open(name, attrs)
    return f"{head}>{_escape(text, _TEXT)}</{name}>" if text else head + " />"


def _property(name: str, value: object) -> str:
    return _IN_CASE + _tag("property", {"name": name, "value": clean(value)})


def _case(name: str, classname: str, child: str = "") -> str:
    """A `<testcase>`, its name and classname escaped already."""
    before, after = _around_name(classname)
    return f"{before}{name}{after}>{_IN_CASE}{child}{_IN_SUITE}</testcase>" if child else f"{before}{name}{after} />"


def _around_name(classname: str) -> tuple[str, str]:
    """A `<testcase>`'s start before its name, and after it up to the start's end."""
    return f'{_IN_SUITE}<testcase name="', f'" classname="{classname}" time="0"'


def _short(finding: Finding, lang: str) -> str:
    """A failure's, error's or skipped test's message attribute."""
    return one_line(messages.message(finding, lang)) or status_label(finding.status, lang)


class _Child(NamedTuple):
    """The element inside a test case that is not a pass, as written, but the finding's place: in two
    pieces that its location goes between (`located`)."""

    before: str
    after: str = ""
    located: bool = False


def _child(finding: Finding, lang: str, fail_on: Severity | None) -> _Child:
    outcome = _outcome(finding, fail_on)
    if outcome == "skipped":
        return _Child(_tag("skipped", {"message": _short(finding, lang)}))
    if outcome == "note":  # a note has no message
        element, attrs = "system-out", {}
    else:
        kind = finding.severity.value if outcome == "failure" else clean(finding.rule)
        element, attrs = outcome, {"type": kind, "message": _short(finding, lang)}
    before, after = _body(finding, lang)
    opening = f"{_open(element, attrs)}>{_escape(before, _TEXT)}"
    return _Child(opening, f"{_escape(after, _TEXT)}</{element}>", located=True)


_COUNTED = {"failure": "failures", "error": "errors", "skipped": "skipped"}  # outcome -> the total it adds to


class Writer:
    """The JUnit document written one suite at a time (see hulifa.reporters.streaming): the root's
    totals come first in the file, so `head` is made when the last report is in."""

    SEP = "\n  "

    def __init__(self, pack: RulePack | None, lang: str = "zh", fail_on: Severity | None = Severity.WARNING) -> None:
        self.pack, self.lang, self.fail_on = pack, lang, fail_on
        # What recurs in report after report is made once: a case's name (from its rule) and what it
        # holds but the place (a not-applicable or missing indicator's words), most of this format's
        # time before.
        self.names = Memo(lambda finding: _escape(_base_name(finding, lang)), of_rule)
        self.children = Memo(lambda finding: _child(finding, lang, fail_on), but_place)
        self.grand = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        self.suites = 0

    def item(self, report: ReportResult) -> str:
        suite, totals = self._suite(report)
        for key in self.grand:
            self.grand[key] += totals[key]
        self.suites += 1
        return suite

    def _suite(self, report: ReportResult) -> tuple[str, dict[str, int]]:
        """One report's `<testsuite>`, indented as within the whole document, and its counts."""
        pack = self.pack
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        counts = report.counts()  # met and stated both pass as tests; the properties keep them apart
        props = [
            _property("file", report.file),
            _property("region", report.region),
            _property("year", "" if report.year is None else report.year),
            _property("level", report.level),
            _property("checked", "true" if report.checked else "false"),
            _property("required", report.required),
            _property("given", report.given),
            _property("met", counts[Status.PASS.value]),
            _property("stated", counts[Status.STATED.value]),
        ]
        if pack is not None:
            props.append(_property("rule_pack", f"{pack.id} {pack.version}"))
        parts = [f"{_IN_SUITE}<properties>{''.join(props)}{_IN_SUITE}</properties>"]
        classname = clean(report.file)
        escaped = _escape(classname)
        # escaped names: escaping keeps them apart, and a suffix _unique adds has nothing to escape
        names = _unique(self.names.many(report.findings), report.findings)
        totals["tests"] = len(names)
        # Most cases pass: their element is the name between two texts made once a report, where a
        # call of _outcome and _case for each was a tenth of its render (cProfile).
        opening, passed = _around_name(escaped)
        passed += " />"
        for finding, name in zip(report.findings, names, strict=True):
            outcome = _BY_STATUS.get(finding.status) or _outcome(finding, self.fail_on)
            if outcome == "pass":  # nothing inside, and nothing to look up (a stated figure is in the key)
                parts.append(opening + name + passed)
                continue
            if outcome in _COUNTED:
                totals[_COUNTED[outcome]] += 1
            child = self.children(finding)
            text = child.before + _escape(location(finding), _TEXT) + child.after if child.located else child.before
            parts.append(_case(name, escaped, text))
        if not report.checked and totals["errors"] == 0:
            # An unchecked report always shows as an error, even if its findings were lost.
            parts.append(
                _case("hulifa.input", escaped, _tag("error", {"type": "hulifa.input", "message": "not checked"}))
            )
            totals["tests"] += 1
            totals["errors"] += 1
        attrs = {"name": classname, **{key: str(totals[key]) for key in ("tests", *_OUTCOMES)}, "time": "0"}
        return f"{_open('testsuite', attrs)}>{''.join(parts)}\n  </testsuite>", totals

    def head(self) -> str:
        """The declaration and the root with its totals (the whole document when there is no suite)."""
        attrs = {"name": "hulifa", **{key: str(self.grand[key]) for key in ("tests", *_OUTCOMES)}, "time": "0"}
        opening = _open("testsuites", attrs) + (">\n  " if self.suites else " />")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + opening

    def tail(self) -> str:
        return "\n</testsuites>\n" if self.suites else "\n"


def writer(pack: RulePack | None, lang: str = "zh", fail_on: Severity | None = Severity.WARNING) -> Writer:
    """`fail_on`: the lowest severity that is a failure (None: none is), as --fail-on sets it."""
    return Writer(pack, lang, fail_on)


def render(result: CheckResult, lang: str = "zh", fail_on: Severity | None = Severity.WARNING) -> str:
    """The whole document: the streamed pieces joined (see hulifa.reporters.streaming.join)."""
    from hulifa.reporters.streaming import join

    return join(writer(result.pack, lang, fail_on), result.reports)
