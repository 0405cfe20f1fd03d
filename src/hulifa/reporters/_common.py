"""Helpers shared by the machine formats: text cleaning, labels, and which findings count as issues.

Every format treats data as plain text: nothing here interprets rich markup, and terminal escape
sequences and control characters are removed before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from hulifa import messages
from hulifa.model import Basis, CheckResult, Finding, ReportResult, RulePack, Severity, Status
from hulifa.reporters import labels
from hulifa.textsafe import visible

# Statuses that are not issues: a target met, a figure stated, or a rule that does not apply.
QUIET = frozenset({Status.PASS, Status.STATED, Status.NOT_APPLICABLE})

# Missing or short of target: what "most-missed" counts (at warning or above: see counts_as_missed).
MISSED = frozenset({Status.MISSING, Status.SHORTFALL})


# The one escaping function (hulifa.textsafe), under the name the reporters call it by.
clean = visible


def one_line(text: Any) -> str:
    """`clean`, with every run of whitespace that holds a line break (and tabs) folded to one space."""
    s = clean(text).replace("\t", " ")
    return re.sub(r"[ ]*\n[\n ]*", " ", s).strip()


def status_label(status: Status, lang: str) -> str:
    return labels.status(status, lang)


def severity_label(severity: Severity, lang: str) -> str:
    return labels.severity(severity, lang)


def detail_label(key: str, lang: str) -> str:
    return labels.field(key, lang)


def is_issue(finding: Finding) -> bool:
    """Whether a finding is worth reporting: anything but a pass, a stated figure or a not-applicable row."""
    return finding.status not in QUIET


def display_name(finding: Finding, lang: str) -> str:
    """The indicator's name in `lang` (see messages.name), cleaned."""
    return clean(messages.name(finding, lang))


def message(finding: Finding, lang: str) -> str:
    return clean(messages.message(finding, lang))


def line_ref(finding: Finding) -> str:
    """The line as users look it up: `12`, or `p3:12` for line 12 of page 3 of a PDF."""
    return f"p{finding.page}:{finding.line}" if finding.page else str(finding.line)


def location(finding: Finding) -> str:
    return f"{clean(finding.file)}:{line_ref(finding)}:{finding.column}"


def basis_text(finding: Finding, lang: str = "zh") -> str:
    """The finding's full citation (see full_citation), or "" when it has no basis."""
    basis = messages.basis(finding)
    return full_citation(basis, lang) if basis is not None else ""


def basis_label(basis: Basis, lang: str) -> str:
    """ "依据(党政文件)", "Basis (binding policy)": what labels a citation read by people, with how binding
    it is in words. The code (HARD-POLICY) is for machines: json's and sarif's `strength`."""
    word = labels.strength(basis.strength.value, lang)
    return f"{labels.field('basis', lang)} ({word})" if lang == "en" else f"{labels.field('basis', lang)}({word})"


def qualifier_text(basis: Basis, lang: str) -> str:
    """The pack's qualifier of its source ("可能出处,部分核实", "据国务院官方英文摘要"), worded to follow
    the citation, or "". It is the pack's own words: quoted in English."""
    if not basis.qualifier:
        return ""
    if lang != "en":
        return clean(f"({basis.qualifier})")
    return clean(f" ({labels.field('caveat', lang)}: {pack_words(basis.qualifier, lang)})")


def pack_words(text: str, lang: str) -> str:
    """The pack's own words as written, quoted where an English text gives them in Chinese (“…”)."""
    return messages.quote(text, "en") if lang == "en" and messages.has_chinese(text) else text


def full_citation(basis: Basis, lang: str) -> str:
    """`document article` with the pack's qualifier of its source: what a full citation says, in every
    format that prints one, so an unconfirmed source is never cited as if it were confirmed."""
    return (clean(messages.citation(basis, lang)) + qualifier_text(basis, lang)).strip()


def details(finding: Finding, lang: str) -> list[tuple[str, str]]:
    """The labelled facts behind a finding, in a fixed order, empty ones left out."""
    rows: list[tuple[str, str]] = []
    unit = messages.unit(finding)
    for key, value in (
        ("expected", with_unit(messages.expected(finding, lang), unit, lang)),
        ("actual", with_unit(messages.actual(finding, lang), unit, lang)),
        ("gap", with_unit(messages.gap(finding, lang), unit, lang)),
    ):
        if value:
            rows.append((detail_label(key, lang), value))
    basis = messages.basis(finding)
    if basis is not None:
        rows.append((basis_label(basis, lang), full_citation(basis, lang)))
    return rows


def with_unit(value: str, unit: str, lang: str = "zh") -> str:
    """`labels.with_unit` on cleaned text: a figure gets its unit, words never do."""
    return labels.with_unit(clean(value), clean(unit), lang)


def shorten_middle(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut in the middle so the file name at the end stays."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail = max(width * 2 // 3, 1)
    head = width - tail - 1
    return text[:head] + "…" + text[-tail:]


def counts_as_missed(finding: Finding) -> bool:
    """Whether a finding counts towards the most-missed indicators: missing or short of target at
    warning or above. Info-level misses are figures with no target or an unconfirmed one, and there
    are many (26 in the Huli report): counted, they buried the warnings."""
    return finding.status in MISSED and finding.severity.rank >= Severity.WARNING.rank


def missed_in(report: ReportResult) -> dict[str, Finding]:
    """Each rule the report misses (counts_as_missed), by its finding of the highest severity."""
    missed: dict[str, Finding] = {}
    for f in report.findings:
        if counts_as_missed(f) and (f.rule not in missed or f.severity.rank > missed[f.rule].severity.rank):
            missed[f.rule] = f
    return missed


def pack_place(finding: Finding) -> tuple[str, int]:
    """Where the finding's rule is defined in its pack (file, line): within a file, the pack's order."""
    source = getattr(finding.subject, "source", None)
    return (source.file, source.line) if source is not None else ("", 0)


class MostMissed:
    """How many reports missed each indicator (counts_as_missed), as a batch's summary ranks them: most
    reports first; among as many, the most severe (an error is not cut below a list of warnings); then
    the pack's order, as `hulifa rules list` shows it (ties were ranked by id, which a reader cannot
    follow). Keeps a few numbers per indicator, never a report."""

    __slots__ = ("counts", "place", "worst")

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.worst: dict[str, int] = {}  # the highest severity rank a rule was missed at
        self.place: dict[str, tuple[str, int]] = {}

    def add(self, rule: str, rank: int, place: tuple[str, int]) -> None:
        """One report missed `rule` (call once per report and rule), at severity rank `rank`."""
        self.counts[rule] = self.counts.get(rule, 0) + 1
        self.worst[rule] = max(rank, self.worst.get(rule, rank))
        self.place.setdefault(rule, place)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def ranked(self) -> list[tuple[str, int]]:
        """Each missed rule with its count of reports, in rank order."""
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], -self.worst[kv[0]], self.place[kv[0]], kv[0]))


def report_title(report: ReportResult) -> str:
    """`region year — file`, leaving out what is unknown."""
    head = " ".join(p for p in (clean(report.region), str(report.year or "")) if p)
    return f"{head} — {clean(report.file)}" if head else clean(report.file)


T = TypeVar("T")


def but_place(finding: Finding) -> tuple[Any, ...]:
    """A finding but its place (file, line, column, page), as a Memo key: every other field, the subject
    by identity (a Rule holds dicts, so it cannot be hashed). hulifa.messages never reads the place."""
    return (id(finding.subject), finding[0], *finding[2:4], *finding[5:])


def of_rule(finding: Finding) -> tuple[Any, ...]:
    """A finding's rule id and subject, as a Memo key: what its names (messages.names) are made of."""
    return (id(finding.subject), finding.rule)


class Memo(Generic[T]):
    """What a format makes of a finding, made once per `key` (but_place, of_rule): the same indicator
    missing, or not applicable to a department, recurs in report after report. (What `make` gives must
    not be None: a None is made again each time.) A finding whose `key` is None is made each time and
    never kept: what seldom recurs would only push out what does (see json_._key).

    Bounded in two generations: an entry is looked for in the young one, then the old; one found in
    the old is kept in the young again, and a full young generation becomes the old (the older is
    dropped). So what recurs stays, and a run of any size keeps at most 2 x `limit` entries. Over
    1,000 generated reports json made 24,359 texts of 83,076 findings this way, where one memo of
    4,096 cleared when full made 31,691.

    Each generation holds the subjects its keys name by id (`subjects`), so that no id is reused
    while an entry lives. They are held apart, not beside each entry in a tuple: every tuple the memo
    keeps is one more object for the cycle collector to walk, and its collections, which walk what
    json's memo keeps again and again, were 2.4% of `check -f json`'s instructions (callgrind, 200
    generated reports; 2.2% so)."""

    def __init__(
        self, make: Callable[[Finding], T], key: Callable[[Finding], tuple[Any, ...] | None], limit: int = 4096
    ) -> None:
        self.make, self.key, self.limit = make, key, limit
        self.young: dict[tuple[Any, ...], T] = {}
        self.old: dict[tuple[Any, ...], T] = {}
        self.subjects: dict[int, object] = {}  # of the young generation's keys
        self.old_subjects: dict[int, object] = {}

    def __call__(self, finding: Finding) -> T:
        key = self.key(finding)
        if key is None:  # not worth remembering
            return self.make(finding)
        try:
            made = self.young.get(key)
        except TypeError:  # a parameter that cannot be hashed: made afresh
            return self.make(finding)
        return made if made is not None else self._found_or_made(key, finding)

    def many(self, findings: Iterable[Finding]) -> list[T]:
        """What self(finding) gives for each of `findings`, in one loop: json asks it of every finding
        of every report, where a method call per finding was a tenth of its render."""
        key_of, found = self.key, []
        for finding in findings:
            key = key_of(finding)
            try:
                made = self.young.get(key) if key is not None else None
            except TypeError:  # a parameter that cannot be hashed: made afresh
                key = None
            if key is None:
                found.append(self.make(finding))
                continue
            found.append(made if made is not None else self._found_or_made(key, finding))
        return found

    def _found_or_made(self, key: tuple[Any, ...], finding: Finding) -> T:
        """Not in the young generation: from the old one, or made, and kept in the young one."""
        made = self.old.get(key)
        if made is None:
            made = self.make(finding)
        if len(self.young) >= self.limit:
            self.old, self.old_subjects = self.young, self.subjects
            self.young, self.subjects = {}, {}
        self.young[key] = made
        subject = finding.subject
        self.subjects[id(subject)] = subject
        return made

    def clear(self) -> None:
        for held in (self.young, self.old, self.subjects, self.old_subjects):
            held.clear()


# ------------------------------------------------------------------------------------- streaming
# A streamed format is a module with head(pack, lang), item(report, lang), SEP and tail(lang); the
# CLI writes them as results arrive, and `render` is the same pieces joined (see reporters.STREAMING).


def no_head(pack: RulePack | None, lang: str = "zh") -> str:
    return ""


def no_tail(lang: str = "zh") -> str:
    return ""


def issue_lines(report: ReportResult, lang: str, line: Callable[[Finding, str], str]) -> str:
    """One line per issue of a report, each ending in a newline."""
    return "".join(line(f, lang) + "\n" for f in report.findings if is_issue(f))


def join_stream(
    head: Callable[[RulePack | None, str], str],
    item: Callable[[ReportResult, str], str],
    sep: str,
    tail: Callable[[str], str],
    result: CheckResult,
    lang: str,
) -> str:
    return head(result.pack, lang) + sep.join(item(r, lang) for r in result.reports) + tail(lang)
