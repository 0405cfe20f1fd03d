"""Records shared by every layer: quantities, rule packs, report data, findings.

All are immutable but Outcome, a running tally (a plain class). Most are NamedTuples, for two
reasons: they are made millions of times in a national batch (a frozen dataclass sets every field
through object.__setattr__), and they are defined at every start, where a frozen slotted dataclass
compiles six methods with exec (20 of them took ~30 ms of `import hulifa.model` on a loaded machine,
as NamedTuples ~12 ms; README "Start-up"). A changed record is a new one: `record._replace(...)`.
Being tuples, they must not be told from plain tuples by isinstance(..., tuple). Rule (whose
`extract` table is left out of equality and hashing) and RulePack (which compiles its index when
made) are not tuples: slotted classes that behave as frozen dataclasses would (_Frozen), made
without a dataclass's exec. This module does without `from __future__ import annotations`: a NamedTuple
compiles each field's annotation when it is a string (so the few forward references are quoted).
Stdlib only, but for the derive-expression compiler that a rule pack's index holds
(hulifa.expressions, itself stdlib and interval arithmetic only).
"""

import bisect
import datetime as dt
from enum import StrEnum
from operator import attrgetter
from typing import Any, ClassVar, NamedTuple, Self, dataclass_transform

from hulifa.expressions import Expression, ExpressionError, compile_expression

FORMAT_VERSION = "3.0"  # docs/json-output.md: minor = fields added, major = anything else (3.0: defaults left out)


class Bound(StrEnum):
    """How a reported figure relates to the true value."""

    EXACT = "exact"
    LOWER = "lower"  # 余/多/以上/超过: the true value is at least this
    UPPER = "upper"  # 不足/以下/不到: the true value is at most this
    APPROX = "approx"  # 约/近/左右: near this, either side


class Status(StrEnum):
    PASS = "pass"  # a target was met (达标)
    STATED = "stated"  # a `reported` rule with no target: the value is given (已填报), nothing is "met"
    SHORTFALL = "shortfall"
    MISSING = "missing"
    UNVERIFIABLE = "unverifiable"
    NOT_APPLICABLE = "not_applicable"
    INVALID = "invalid"
    UNKNOWN = "unknown"  # an indicator the rule pack does not know
    ERROR = "error"  # the file could not be checked at all
    ACCEPTED = "accepted"  # missed, but a documented, unexpired deviation accepts it


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NONE = "none"  # passes and not-applicable rows

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1, Severity.NONE: 0}
_BY_RANK = sorted(_SEVERITY_RANK, key=_SEVERITY_RANK.__getitem__, reverse=True)  # highest first


class Strength(StrEnum):
    """How binding a target is, as reference/domain.md tags it."""

    HARD_LAW = "HARD-LAW"
    HARD_POLICY = "HARD-POLICY"
    EVAL = "EVAL"
    PRACTICE = "PRACTICE"
    UNCONFIRMED = "UNCONFIRMED"


class Kind(StrEnum):
    """The closed set of requirement kinds a rule pack may use."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    EQUALS = "equals"
    AFFIRMED = "affirmed"  # a yes/no fact that must be yes
    REPORTED = "reported"  # any value will do; it must be stated
    DEADLINE = "deadline"  # a date before month-day of (year + offset)
    BETWEEN = "between"  # target <= value <= target_max
    SECTION = "section"  # statutory parts of the report must be present


class Direction(StrEnum):
    """The way an indicator must move from last year's report to this year's."""

    INCREASE = "increase"
    DECREASE = "decrease"
    NOT_DECREASE = "not_decrease"
    NOT_INCREASE = "not_increase"


SECTION_IDS = ("measures", "shortcomings", "causes", "first_responsible", "next_year", "other")
LEVELS = ("province", "city", "county", "district", "town", "department")
# Whose department a `level: department` report is: the government it belongs to.
DEPARTMENT_OF = ("province", "city", "county")
# What a rule's `levels` may name: a level, or a department of one kind of government.
BODIES = (*LEVELS, *(f"department.{of}" for of in DEPARTMENT_OF))


def body_of(level: str, department_of: str = "") -> str:
    """The reporting body a rule's `levels` is matched against: `department.county`, or the level."""
    return f"department.{department_of}" if level == "department" and department_of else level


class Text(NamedTuple):
    """A user-facing message in both languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Quantity(NamedTuple):
    """A figure as a report states it, normalised."""

    value: float
    unit: str = ""
    bound: Bound = Bound.EXACT
    text: str = ""
    implicit: bool = False  # 全覆盖/全部进驻: full coverage with no number written
    # the bound excludes its own value: 不足60 is < 60 and 超过30 is > 30 (以下/以上/不少于 include it)
    strict: bool = False
    # 平均/人均: an average over items (documents, cases, people), which some lie below and some above;
    # it cannot show that each item meets a target that applies to each (Requirement.each)
    mean: bool = False

    @property
    def low(self) -> float:
        return self.value if self.bound in _HAS_LOW else _NEG_INF

    @property
    def high(self) -> float:
        return self.value if self.bound in _HAS_HIGH else _INF


# Quantity.low/high's bounds as module constants: on Python 3.11 reading an enum member (`Bound.EXACT`)
# takes EnumType's slow attribute path, and with float("inf") made each time, low and high together
# took 2.4 us, against 0.7 us this way (timeit, 1 Dec 2026); intervals and comparisons read them.
_HAS_LOW, _HAS_HIGH = (Bound.EXACT, Bound.LOWER), (Bound.EXACT, Bound.UPPER)
_INF, _NEG_INF = float("inf"), float("-inf")


class Position(NamedTuple):
    file: str
    line: int  # 1-based
    column: int  # 1-based
    page: int = 0  # 1-based page of a PDF input (line and column are then within the page); 0: not a PDF


class Basis(NamedTuple):
    document: str
    strength: Strength
    article: str = ""
    url: str = ""
    note: str = ""
    # What limits the citation, kept even in a short citation: "可能出处" (probable source), "山东省".
    qualifier: str = ""

    def cite(self) -> str:
        return f"{self.document} {self.article}".strip()


class Requirement(NamedTuple):
    kind: Kind
    target: float | None = None
    field: str = ""  # DEADLINE: the report-data key holding the date
    before: str = ""  # DEADLINE: "MM-DD", strict
    year_offset: int = 1  # DEADLINE: relative to the report year
    sections: tuple[str, ...] = ()  # SECTION: all must be present
    # AT_MOST: how far the law lets the limit be extended with approval (复议 60 日 + 30); a value in
    # (target, target + extension] is lawful if approved, never a shortfall.
    extension: float | None = None
    extension_needs: str = ""  # what the report must state to show the extension was approved
    # "一般不少于", "原则上": the text allows exceptions for stated reasons. Missed: warning at most.
    hedged: bool = False
    target_max: float | None = None  # BETWEEN: the upper end
    # the target holds for each item (every document's review time, every case's days, every officer's
    # hours), not for a total: an average (Quantity.mean) within it cannot confirm it, one outside breaks it
    each: bool = False


class Trend(NamedTuple):
    """A year-over-year requirement on an indicator (last year's report against this one)."""

    direction: Direction
    severity: Severity
    basis: Basis


class Consistency(NamedTuple):
    """A check across indicators of one report; `part_of`: part <= total."""

    kind: str
    part: str
    total: str
    severity: Severity
    source: Position  # where the pack defines it

    @property
    def id(self) -> str:
        return f"consistency.{self.kind}.{self.part}.{self.total}"


class Scope(NamedTuple):
    """One entry of a rule's `levels`: a body (see BODIES), optionally for some years only."""

    body: str
    year_from: int | None = None
    year_to: int | None = None

    def covers(self, body: str, year: int) -> bool:
        if self.body != body and not (self.body == "department" and body.startswith("department")):
            return False
        if self.year_from is not None and year < self.year_from:
            return False
        return not (self.year_to is not None and year > self.year_to)


@dataclass_transform(frozen_default=True)  # for type checkers: a field cannot be set
class _Frozen:
    """What a frozen, slotted dataclass gave Rule and RulePack, without the exec that makes one (the
    two took 14 of the 377 million instructions of `hulifa check one.yaml`, callgrind, 2 Dec 2026):
    fields that cannot be set again, equality and a hash over the fields in `_compared`, a repr of
    the constructor's fields (`_given`), `_replace` as the other records have it (for
    dataclasses.replace), and pickling that keeps every field (a pack's index is not compiled again)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]]  # every field, in the constructor's order (its slots)
    _compared: ClassVar["attrgetter[tuple[Any, ...]]"]  # the fields equality and the hash read
    _given: ClassVar[tuple[str, ...]]  # the constructor's fields

    def _fill(self, *values: Any) -> None:
        for name, value in zip(self._fields, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._compared(self) == self._compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._given)
        return f"{type(self).__qualname__}({shown})"

    def _replace(self, **changes: Any) -> Self:
        """A new record with `changes`, made through the constructor."""
        made: Self = type(self)(**{**{name: getattr(self, name) for name in self._given}, **changes})
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return _restored, (type(self), tuple(getattr(self, name) for name in self._fields))


def _restored(cls: type[_Frozen], values: tuple[Any, ...]) -> _Frozen:
    """A record back from a pickle, every field as it was."""
    record = object.__new__(cls)
    record._fill(*values)
    return record


class Rule(_Frozen):
    _fields = (  # in the constructor's order
        "id",
        "name",
        "name_en",
        "unit",
        "requirement",
        "severity",
        "missing_severity",
        "basis",
        "source",
        "levels",
        "year_from",
        "year_to",
        "aliases",
        "units",
        "why",
        "extract",
        "trend",
        "derive",
        "applies_if_nonzero",
        "government_only",
        "same_as",
    )
    __slots__ = _fields
    id: str
    name: str
    name_en: str
    unit: str
    requirement: Requirement
    severity: Severity
    missing_severity: Severity
    basis: Basis
    source: Position  # where the pack defines it
    levels: tuple[Scope, ...]  # empty: every body
    year_from: int | None
    year_to: int | None
    aliases: tuple[str, ...]
    units: tuple[str, ...]  # other units accepted as the same (名 ~ 人)
    why: str
    extract: dict[str, Any]  # left out of equality and hashing
    trend: Trend | None
    derive: str  # an expression over indicator ids, validated at pack load
    applies_if_nonzero: str  # an indicator id: stated as 0, this rule does not apply
    # A count of the government alone: a figure shared with the Party committee cannot settle it.
    government_only: bool
    # The old-law twin of another rule (ar_decision_days_ordinary_2017 of ar_decision_days_ordinary):
    # a value given under that rule's keys counts for this one in the years this one holds.
    same_as: str

    def __init__(
        self,
        id: str,
        name: str,
        name_en: str,
        unit: str,
        requirement: Requirement,
        severity: Severity,
        missing_severity: Severity,
        basis: Basis,
        source: Position,
        levels: tuple[Scope, ...] = (),
        year_from: int | None = None,
        year_to: int | None = None,
        aliases: tuple[str, ...] = (),
        units: tuple[str, ...] = (),
        why: str = "",
        extract: dict[str, Any] | None = None,
        trend: Trend | None = None,
        derive: str = "",
        applies_if_nonzero: str = "",
        government_only: bool = False,
        same_as: str = "",
    ) -> None:
        self._fill(
            id,
            name,
            name_en,
            unit,
            requirement,
            severity,
            missing_severity,
            basis,
            source,
            levels,
            year_from,
            year_to,
            aliases,
            units,
            why,
            {} if extract is None else extract,
            trend,
            derive,
            applies_if_nonzero,
            government_only,
            same_as,
        )

    @property
    def accepted_units(self) -> tuple[str, ...]:
        return (self.unit, *self.units)

    def applies(self, body: str, year: int) -> bool:
        """`body`: a level, or `department.<of>` (see body_of)."""
        if self.year_from is not None and year < self.year_from:
            return False
        if self.year_to is not None and year > self.year_to:
            return False
        return not self.levels or any(scope.covers(body, year) for scope in self.levels)


Rule._compared = attrgetter(*(name for name in Rule._fields if name != "extract"))
Rule._given = Rule._fields


class PackError(ValueError):
    """Rules that cannot be compiled into a pack: which rule, which of its keys, and why."""

    def __init__(self, rule: str, key: str, message_id: str, /, **values: Any) -> None:
        super().__init__(message_id)
        self.rule, self.key, self.message_id, self.params = rule, key, message_id, tuple(values.items())


class Derivation(NamedTuple):
    """A rule whose figure is computed (`derive:`), with its expression checked against the pack."""

    rule: Rule
    expression: Expression


_NOT_NUMERIC = ("bool", "date", "section")


class PackIndex(NamedTuple):
    """A pack's lookups, compiled once and then only read (but for `verdicts`): which rules apply to a
    body in a year, the order derived figures are computed in, and every key (id, name, alias) of every
    rule."""

    rules: tuple[Rule, ...]
    by_key: dict[str, Rule]  # every id, name and alias -> its rule, for keys in report data
    derived: tuple[Derivation, ...]  # each after the derived rules it reads
    cross_ids: frozenset[str]  # the figures derived values, consistency checks and `applies_if` read
    pairs: dict[str, tuple[str, ...]]  # a character pair -> the keys that contain it (did-you-mean)
    year_cuts: tuple[int, ...]  # the years where some rule starts or stops applying, ascending
    # body (see BODIES) -> for each span of years between cuts, whether each rule applies
    applicable: dict[str, tuple[tuple[bool, ...], ...]]
    parts: frozenset[str]  # the ids of the statutory-part rules (kind section)
    by_id: dict[str, Rule]  # each rule by its id alone
    # The one part that changes: kinds.value_rule's memo of verdicts on stated figures, filled as reports
    # are checked (bounded there). It belongs to the pack because a verdict is the pack's rule's.
    verdicts: dict[Any, Any]

    @staticmethod
    def compile(rules: tuple[Rule, ...], consistency: tuple[Consistency, ...] = ()) -> "PackIndex":
        by_key: dict[str, Rule] = {}
        for rule in rules:
            for key in (rule.id, rule.name, *rule.aliases):
                by_key.setdefault(key, rule)
        by_id = {rule.id: rule for rule in rules}
        derived = _derivations(rules, by_id)
        cross = {d.rule.id for d in derived} | {name for d in derived for name in d.expression.names}
        cross |= {rule.applies_if_nonzero for rule in rules if rule.applies_if_nonzero}
        cross |= {name for check in consistency for name in (check.part, check.total)}
        pairs: dict[str, list[str]] = {}
        for key in sorted(by_key):
            for pair in char_pairs(key):
                pairs.setdefault(pair, []).append(key)
        cuts = sorted(
            {y for r in rules for y in _bounds(r.year_from, r.year_to)}
            | {y for r in rules for s in r.levels for y in _bounds(s.year_from, s.year_to)}
        )
        # a year of each span: the one before the first cut, then each cut (a span starts there)
        years = [cuts[0] - 1, *cuts] if cuts else [0]
        # Rules share a handful of scopes: ask one rule of each scope, and give every rule its scope's answer.
        first: dict[tuple[tuple[Scope, ...], int | None, int | None], int] = {}
        asked: list[Rule] = []
        slot: list[int] = []
        for rule in rules:
            scope = (rule.levels, rule.year_from, rule.year_to)
            if scope not in first:
                first[scope] = len(asked)
                asked.append(rule)
            slot.append(first[scope])
        applicable: dict[str, tuple[tuple[bool, ...], ...]] = {}
        for body in BODIES:
            spans = []
            for year in years:
                answers = [rule.applies(body, year) for rule in asked]
                spans.append(tuple([answers[i] for i in slot]))
            applicable[body] = tuple(spans)
        return PackIndex(
            rules,
            by_key,
            derived,
            frozenset(cross),
            {pair: tuple(keys) for pair, keys in pairs.items()},
            tuple(cuts),
            applicable,
            frozenset(rule.id for rule in rules if rule.requirement.kind is Kind.SECTION),
            by_id,
            {},
        )

    def applies(self, body: str, year: int) -> tuple[bool, ...]:
        """Whether each rule of the pack applies to a report of this body (level, or department.<of>)
        and year: Rule.applies, looked up."""
        spans = self.applicable.get(body)
        if spans is None:  # not a body rules name: nothing was compiled for it
            return tuple(rule.applies(body, year) for rule in self.rules)
        return spans[bisect.bisect_right(self.year_cuts, year)]


def char_pairs(text: str) -> set[str]:
    """The two-character pieces of `text` (itself when shorter): how did-you-mean finds candidates."""
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def _bounds(year_from: int | None, year_to: int | None) -> tuple[int, ...]:
    return (*((year_from,) if year_from is not None else ()), *((year_to + 1,) if year_to is not None else ()))


def _derivations(rules: tuple[Rule, ...], by_id: dict[str, Rule]) -> tuple[Derivation, ...]:
    """Every `derive:` checked against the pack, ordered so each comes after the derived rules it reads.
    A derived rule must be numeric, read numeric rules of this pack only, and never read itself."""
    compiled: dict[str, Expression] = {}
    for rule in rules:
        if not rule.derive:
            continue
        if rule.unit in _NOT_NUMERIC or rule.requirement.kind in (Kind.AFFIRMED, Kind.DEADLINE, Kind.SECTION):
            raise PackError(
                rule.id,
                "derive",
                "pack.derive_not_numeric",
                rule_id=rule.id,
            )
        try:
            expression = compile_expression(rule.derive, by_id.keys())
        except ExpressionError as exc:
            raise PackError(rule.id, "derive", exc.message_id, rule_id=rule.id, **dict(exc.params)) from None
        for name in expression.names:
            if by_id[name].unit in _NOT_NUMERIC:
                raise PackError(
                    rule.id,
                    "derive",
                    "pack.derive_reads_text",
                    name=name,
                )
        compiled[rule.id] = expression
    order: list[str] = []

    def visit(rule_id: str, chain: tuple[str, ...], start: str) -> None:
        if rule_id in chain:
            loop = " → ".join((*chain[chain.index(rule_id) :], rule_id))
            raise PackError(
                start,
                "derive",
                "pack.derive_cycle",
                loop=loop,
            )
        if rule_id in order:
            return
        for name in compiled[rule_id].names:
            if name in compiled:
                visit(name, (*chain, rule_id), start)
        order.append(rule_id)

    for rule_id in compiled:
        visit(rule_id, (), rule_id)
    return tuple(Derivation(by_id[i], compiled[i]) for i in order)


class RulePack(_Frozen):
    _fields = ("id", "title", "version", "rules", "files", "consistency", "index")
    __slots__ = _fields
    id: str
    title: str
    version: str
    rules: tuple[Rule, ...]
    files: tuple[str, ...]  # the pack and every pack it extends, base first
    consistency: tuple[Consistency, ...]
    # Compiled from `rules` when the pack is made (a PackError if they do not fit together), then
    # only read: a pack is checked against thousands of reports. Not compared, not shown.
    index: PackIndex

    def __init__(
        self,
        id: str,
        title: str,
        version: str,
        rules: tuple[Rule, ...],
        files: tuple[str, ...] = (),
        consistency: tuple[Consistency, ...] = (),
    ) -> None:
        self._fill(id, title, version, rules, files, consistency, PackIndex.compile(rules, consistency))


RulePack._compared = attrgetter(*RulePack._fields[:-1])  # not the index
RulePack._given = RulePack._fields[:-1]


class Value(NamedTuple):
    """One indicator as the report data gives it."""

    key: str  # as written in the file
    position: Position
    quantity: Quantity | None = None
    flag: bool | None = None  # for yes/no facts
    date: dt.date | None = None
    raw: Any = None  # what the file says, for messages
    problem: Text | None = None  # why the value cannot be read, if it cannot
    evidence: str = ""
    note: str = ""
    shared_with: tuple[str, ...] = ()  # other bodies this one figure also counts (区委常委会 …)


class Section(NamedTuple):
    id: str
    present: bool
    position: Position
    evidence: str = ""
    doubt: str = ""  # why the part may not be what it seems: then it is unverifiable, not a pass


class Commitment(NamedTuple):
    """One commitment of a report's next-year plan, checked against the following year's report."""

    id: str
    text: str
    position: Position


class Deviation(NamedTuple):
    """A documented, approved reason why a rule may be missed, until it expires."""

    rule: str
    reason: str
    approved_by: str
    expires: dt.date
    position: Position
    region: str = ""  # optional scope: only this region's report (a --deviations file serves a whole batch)
    year: int | None = None  # optional scope: only the report for this year

    def covers(self, region: str, year: int) -> bool:
        return (not self.region or self.region == region) and (self.year is None or self.year == year)


class ReportData(NamedTuple):
    file: str
    region: str
    level: str
    year: int
    values: tuple[Value, ...]
    sections: tuple[Section, ...] | None  # None: the file does not say
    dates: dict[str, tuple[dt.date, Position]]
    top_at: Position  # where findings about the whole report point
    indicators_at: Position  # where missing indicators point
    sections_at: Position  # where missing statutory parts point
    region_code: str = ""
    source: str = ""
    level_guess: Text | None = None  # why the level is a guess (from the name), until someone confirms it
    unread_pages: tuple[int, ...] = ()  # PDF input: pages with no text layer (scanned), not read
    commitments: tuple[Commitment, ...] = ()
    # commitments_progress; the default is one shared empty dict, which is safe because no record is
    # ever changed in place (a changed record is a new one: _replace)
    progress: dict[str, tuple[str, Position]] = {}  # noqa: RUF012
    progress_at: Position | None = None
    deviations: tuple[Deviation, ...] = ()
    department_of: str = ""  # level department: province | city | county ("" when not stated)
    encoding: str = ""  # the fallback encoding the file was read in (decoding.fallback); "" for UTF-8

    @property
    def body(self) -> str:
        return body_of(self.level, self.department_of)


class Subject(NamedTuple):
    """What a finding is about when it is not a rule of the pack: one of hulifa's own checks
    (`hulifa.level`, `hulifa.input`), a part-of-total check, an unknown key, a commitment, a deviation.
    Read like a Rule by the renderer (hulifa.messages): an id, names, a unit and an optional basis."""

    id: str
    name: str
    name_en: str = ""
    unit: str = ""
    basis: Basis | None = None


Params = tuple[tuple[str, Any], ...]


def params(**values: Any) -> Params:
    """A finding's message parameters, as an immutable tuple of (name, value) pairs."""
    return tuple(values.items())


class Change(NamedTuple):
    """This year's figure less last year's, as an interval (a bound on either side widens it), and last
    year's exact figure when there is one, for a relative change."""

    low: float
    high: float
    base: float | None = None
    # either year's figure is shared with another body (at most its value): no change is this body's own
    shared: bool = False


class Finding(NamedTuple):
    """One row of output: every format renders a list of these, through hulifa.messages.

    The words are not here: a message id with its parameters, the value as stated and the gap as a
    number. The rule's names, unit, target and basis are read from `subject` when rendered.
    """

    rule: str  # the id output shows: the rule's, `ID.trend` / `ID.derived` for a check of it, or the subject's
    subject: Rule | Subject
    status: Status
    severity: Severity
    position: Position
    message: str  # an id of hulifa.messages.MESSAGES
    params: Params = ()
    quantity: Quantity | None = None  # the stated figure, when the finding is about one
    flag: bool | None = None  # a stated yes/no
    date: dt.date | None = None  # a stated date
    stated: str = ""  # a stated value that is none of these (unreadable, derived, or a figure's text)
    gap: float | None = None  # how far the stated figure is from the target, in the rule's unit
    evidence: str = ""
    previous: str = ""  # last year's value as that report wrote it, when a previous report was compared
    change: Change | None = None  # this year's value against last year's (hulifa.messages words it)
    accepted: Deviation | None = None  # the deviation that accepts this finding (status ACCEPTED)
    accepted_status: str = ""  # what the status was before it was accepted

    @property
    def file(self) -> str:
        return self.position.file

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def column(self) -> int:
        return self.position.column

    @property
    def page(self) -> int:
        """PDF input: the page that `line` is on (shown as file:p3:12); 0 otherwise."""
        return self.position.page

    def param(self, key: str) -> Any:
        """The message parameter `key`, or None."""
        for name, value in self.params:
            if name == key:
                return value
        return None

    def sort_key(self) -> tuple[Any, ...]:
        p = self.position
        return (p.file, p.page, p.line, p.column, self.rule, self.status)  # a StrEnum sorts as its text


# hulifa's own notes on the input (an encoding found by fallback, a level guessed from the name, PDF
# pages without text): not indicators, so summaries count them apart, never as unverifiable. They
# keep their severity (info, warning), so exit codes and --fail-on treat them as before.
INPUT_NOTES = frozenset({"hulifa.encoding", "hulifa.level", "hulifa.pdf"})
_COUNTED = (*(s.value for s in Status), "notes")  # ReportResult.counts' keys, in order


class ReportResult(NamedTuple):
    """The outcome for one input file: findings, or the reason it could not be checked."""

    file: str
    findings: tuple[Finding, ...]
    region: str = ""
    year: int | None = None
    level: str = ""
    required: int = 0
    given: int = 0
    checked: bool = True  # False: an input error stopped the check
    previous: str = ""  # the previous year's report compared with this one, if any

    def counts(self) -> dict[str, int]:
        """Findings per status, and hulifa's own notes on the input apart, as `notes` (see INPUT_NOTES)."""
        counts = dict.fromkeys(_COUNTED, 0)
        for finding in self.findings:
            # the member itself as the key: a StrEnum hashes and compares as its text, so it finds the
            # "pass" key in C, where `.value` is a Python property (counts took half the time, 1 Dec 2026)
            counts["notes" if finding.rule in INPUT_NOTES else finding.status] += 1
        return counts

    def worst(self) -> Severity:
        """The highest severity that counts: accepted findings keep theirs but do not count."""
        # A set, then the severities from the top: no Python call per finding (max with a key called
        # the key and Severity.rank, whose enum hash is Python, ~80 times a report: 2% of a run).
        counted = {f.severity for f in self.findings if f.status is not Status.ACCEPTED}
        return next((s for s in _BY_RANK if s in counted), Severity.NONE)


class CheckResult(NamedTuple):
    reports: tuple[ReportResult, ...]
    pack: RulePack | None = None

    @property
    def any_unchecked(self) -> bool:
        return any(not r.checked for r in self.reports)

    def outcome(self) -> "Outcome":
        outcome = Outcome()
        for report in self.reports:
            outcome.add(report.worst(), report.checked)
        return outcome

    def exit_code(self, fail_on: Severity | None) -> int:
        return self.outcome().exit_code(fail_on)


class Outcome:
    """What the exit code depends on, tallied one report at a time; `exit_code` is the one rule that
    the library (CheckResult.exit_code) and `hulifa check` share. A plain class: a running tally,
    never compared or printed, for which a dataclass would only cost its exec at every start."""

    __slots__ = ("reports", "unchecked", "worst")

    def __init__(self) -> None:
        self.reports = 0
        self.unchecked = 0
        self.worst = Severity.NONE  # the highest severity that counts (see ReportResult.worst)

    def add(self, worst: Severity, checked: bool) -> None:
        self.reports += 1
        self.unchecked += not checked
        if worst.rank > self.worst.rank:
            self.worst = worst

    def exit_code(self, fail_on: Severity | None, *, none_is_ok: bool = False) -> int:
        """2 when a report could not be checked, or there was none (unless `none_is_ok`: every named
        file was skipped on purpose); 1 when a finding that counts is at or above `fail_on` (None:
        never); else 0."""
        if self.unchecked or (not self.reports and not none_is_ok):
            return 2
        return 1 if fail_on is not None and self.worst.rank >= fail_on.rank else 0
