"""A finding in words: its name, message, target, stated value, gap and basis, in Chinese or English.
Every output format reads a finding's text through these functions and nothing else.

A finding carries a message id and its parameters (hulifa.model.Finding); its template is in
hulifa.messages.findings (MESSAGES, and TARGETS, VALUES and GAPS for the ids whose target, stated
value or gap are not the usual ones) or, for hulifa's notes on the input, in INPUT. Templates name
their parameters; a parameter that is a Text is put in the reader's language, and a few are worked
out here from the finding and its rule (see _Words).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hulifa.messages.catalogue import say, words
from hulifa.messages.figures import amount, change_text, count, figure, has_chinese, quantity, quote
from hulifa.messages.findings import (
    ACCEPTED,
    AMOUNTS,
    BEYOND_OVER,
    BEYOND_SHORT,
    CHECK_NAMES,
    DERIVED,
    GAPS,
    MESSAGES,
    TARGETS,
    VALUES,
)
from hulifa.messages.targets import expected_text
from hulifa.messages.vocabulary import (
    APPROVED,
    DATE_FIELD_NAMES,
    DIRECTION_NAMES,
    LEVEL_NAMES,
    SECTION_NAMES,
    UNIT_NAMES,
)
from hulifa.model import Basis, Bound, Finding, Rule, Text
from hulifa.quantity import format_number

# ------------------------------------------------------------------------------------------- names


def _check(finding: Finding) -> str:
    """ "trend" or "derived" for a check on a rule (`ID.trend`), "" for the rule itself or a subject."""
    subject_id = finding.subject.id
    return finding.rule[len(subject_id) + 1 :] if finding.rule != subject_id else ""


def _rule_name(finding: Finding, lang: str) -> str:
    """The rule's or subject's own name in `lang`; in English, its id when it has no English name."""
    subject = finding.subject
    if lang == "en":
        return subject.name_en or (subject.id if isinstance(subject, Rule) else subject.name)
    return subject.name


def names(finding: Finding) -> tuple[str, str]:
    """The name and the English name as the rule pack (or hulifa) gives them; the English one may be ""."""
    check = CHECK_NAMES.get(_check(finding))
    if check is None:
        return finding.subject.name, finding.subject.name_en
    return check.zh.format(name=_rule_name(finding, "zh")), check.en.format(name=_rule_name(finding, "en"))


def name(finding: Finding, lang: str) -> str:
    """The indicator's name in `lang`. In English a rule with no English name shows its id, so the
    gap is visible (and searchable) rather than a Chinese name in an English page. Keys read from a
    report (unknown indicators) are data and stay as written, quoted in English."""
    zh, en = names(finding)
    if lang == "en":
        if en:
            return en
        if not finding.rule.startswith("hulifa.") and finding.rule:
            return finding.rule
        if zh and has_chinese(zh):  # a key as the report wrote it: its words, quoted
            return quote(zh, lang)
    return zh or finding.rule


def unit(finding: Finding) -> str:
    return finding.subject.unit


def basis(finding: Finding) -> Basis | None:
    subject = finding.subject
    if isinstance(subject, Rule) and subject.trend is not None and _check(finding) == "trend":
        return subject.trend.basis
    return subject.basis


def bound(finding: Finding) -> str:
    """The stated figure's bound (`lower`, `upper`, `approx`, `exact`), or "" when no figure was given."""
    return _BOUND_TEXT[finding.quantity.bound] if finding.quantity is not None else ""


# a bound's text by a dict lookup: an Enum member's `.value` is a Python property on 3.11
_BOUND_TEXT = {b: b.value for b in Bound}


# -------------------------------------------------------------------------------------------- texts


def message(finding: Finding, lang: str) -> str:
    template = MESSAGES.get(finding.message) or words(finding.message)
    text = _fill(template, finding, lang)
    entry = finding.accepted
    if entry is None:
        return text
    extra = {"message": text, "reason": entry.reason, "approved_by": entry.approved_by, "expires": entry.expires}
    return ACCEPTED.get(lang).format_map(_Words(finding, lang, extra))


def expected(finding: Finding, lang: str) -> str:
    """The target as a person reads it: "≥ 60 学时", "须填报" / "must be stated"."""
    own = TARGETS.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    subject = finding.subject
    return expected_text(subject, lang) if isinstance(subject, Rule) else ""


def actual(finding: Finding, lang: str) -> str:
    """The stated value as shown, "" when none was stated."""
    own = VALUES.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    text = value(finding, lang)
    if text and finding.param("by_derive"):
        return _fill(DERIVED, finding, lang)
    return text


def gap(finding: Finding, lang: str) -> str:
    """How far the stated value is from the target, or why it cannot be settled; "" when nothing is missed."""
    own = GAPS.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    if finding.gap is None:
        return ""
    if finding.gap == 0 and finding.param("bounded"):  # 不足60学时 against ≥60: under it, by an unknown amount
        return (BEYOND_OVER if finding.param("over") else BEYOND_SHORT).get(lang)
    return _fill(AMOUNTS[(bool(finding.param("over")), not finding.param("bounded"))], finding, lang)


def stated_texts(finding: Finding) -> tuple[str, str, str, str, str]:
    """`actual` and `gap`, each in Chinese and English, and `bound`: what json words for each finding it
    has not met before, most of them a figure stated with no target (so that case is worded directly)."""
    message = finding.message
    if finding.params or finding.gap is not None or message in VALUES or message in GAPS:
        return actual(finding, "zh"), actual(finding, "en"), gap(finding, "zh"), gap(finding, "en"), bound(finding)
    # no words of its own, no derivation (a parameter) and no gap: `actual` is the value, `gap` empty
    q = finding.quantity
    if q is None or q.implicit:
        return value(finding, "zh"), value(finding, "en"), "", "", bound(finding)
    # a figure (most of json's new findings): what value() gives, without its steps for other values
    of = unit(finding)
    return quantity(q, of, "zh"), quantity(q, of, "en"), "", "", _BOUND_TEXT[q.bound]


def value(finding: Finding, lang: str) -> str:
    """The stated value as the report wrote it: a figure, yes/no, a date, or the text given."""
    q = finding.quantity
    if q is not None:
        if q.implicit:
            return quote(q.text, lang) + (" (full coverage, read as 100%)" if lang == "en" else "(全覆盖,视为100%)")
        return quantity(q, unit(finding), lang)
    if finding.flag is not None:
        return ("yes" if finding.flag else "no") if lang == "en" else ("是" if finding.flag else "否")
    if finding.date is not None:
        return finding.date.isoformat()
    return figure(finding.stated, unit(finding), lang)


def quoted(finding: Finding, lang: str) -> str:
    """The stated value as the report wrote it, marked as a quote: “12次” / 「12次」."""
    q = finding.quantity
    return quote((q.text if q is not None else "") or finding.stated, lang)


def previous(finding: Finding, lang: str) -> str:
    """Last year's figure (as that report wrote it in Chinese), "" when no previous report was compared."""
    return figure(finding.previous, unit(finding), lang) if finding.previous else ""


def change(finding: Finding, lang: str) -> str:
    """This year's figure against last year's: "+2 (+11.1%)", "-1.5 个百分点" / "-1.5 points", "" when none."""
    return change_text(finding.change, unit(finding), lang) if finding.change is not None else ""


def _fill(template: Text, finding: Finding, lang: str) -> str:
    return template.get(lang).format_map(_Words(finding, lang))


# Parameters every finding can be worded with, each from the finding alone.
_OF_FINDING: dict[str, Callable[[Finding, str], str]] = {
    "name": _rule_name,
    "expected": expected,
    "actual": actual,
    "value": value,
    "gap": gap,
    "previous": previous,
    "change": change,
    "quoted": quoted,
}


class _Words(dict[str, str]):
    """A finding's parameters in `lang`, and the words worked out from the finding and its rule, each
    made only when a template names it."""

    def __init__(self, finding: Finding, lang: str, extra: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.finding, self.lang = finding, lang
        self.given = dict(finding.params)
        if extra:
            self.given.update(extra)

    def __missing__(self, key: str) -> str:
        f, lang = self.finding, self.lang
        if key in self.given:
            item = self.given[key]
            if key in ("have", "lacking"):
                word = (", " if lang == "en" else "、").join(SECTION_NAMES[s].get(lang) for s in item)
            elif key == "bodies":  # the report's words: quoted in English
                word = ", ".join(quote(b, lang) for b in item) if lang == "en" else "、".join(item)
            # units; an input error's "allowed" is its own text (a Text, itself a tuple)
            elif key == "allowed" and isinstance(item, tuple) and not isinstance(item, Text):
                word = ", ".join(str(UNIT_NAMES.get(u, u)) for u in item) if lang == "en" else "、".join(item)
            else:
                word = say(item, lang)
        elif key in _OF_FINDING:
            word = _OF_FINDING[key](f, lang)
        elif key == "needs":
            word = APPROVED.get(lang)
        elif key == "level":
            body = str(self.given.get("body", ""))
            word = LEVEL_NAMES.get(body, Text(body, body)).get(lang)
        elif key == "amount":
            word = amount(f.gap or 0.0, unit(f), lang)
        elif key == "late":
            word = format_number(f.gap or 0.0)
        elif key == "date":
            word = f.date.isoformat() if f.date else ""
        elif key == "field_name":  # a report-data date key in words: 公开日期 (published)
            field = str(self.given.get("field", ""))
            word = DATE_FIELD_NAMES.get(field, Text(field, field)).get(lang)
        elif key in ("bound", "bound_word"):
            b = f.quantity.bound if f.quantity is not None else Bound.APPROX
            word = b.value if key == "bound" else {Bound.LOWER: "下限", Bound.UPPER: "上限"}.get(b, "约数")
        elif key in ("derive", "limit", "longest", "unit", "direction"):
            word = _from_rule(f, key, lang)
        elif key.endswith("_quoted"):
            word = quote(self[key.removesuffix("_quoted")], lang)
        elif key in ("limit_count", "longest_count", "late_days"):
            word = count(float(self[key.removesuffix("_count").removesuffix("_days")]), "日" if key == "late_days"
                         else _from_rule(f, "unit", lang), lang)  # fmt: skip
        else:
            raise KeyError(f"message {f.message!r} has no parameter {key!r}")
        self[key] = word
        return word


def _from_rule(finding: Finding, key: str, lang: str) -> str:
    rule = finding.subject
    assert isinstance(rule, Rule), f"{finding.message} needs a rule"
    req = rule.requirement
    if key == "derive":
        return rule.derive
    if key == "unit":
        return rule.unit
    if key == "direction":
        assert rule.trend is not None
        return DIRECTION_NAMES[rule.trend.direction].get(lang)
    assert req.target is not None
    return format_number(req.target if key == "limit" else req.target + (req.extension or 0.0))
