"""A rule's target and the bodies it applies to, as a person reads them."""

from __future__ import annotations

from hulifa.messages.figures import count
from hulifa.messages.vocabulary import LEVEL_NAMES, SECTION_NAMES
from hulifa.model import Kind, Rule, Text
from hulifa.quantity import format_number


def expected_text(rule: Rule, lang: str = "zh") -> str:
    """A rule's target as a person reads it, e.g. "≥ 60 学时", "= 100%", "须填报" / "must be stated"."""
    return _target(rule).get(lang)


def _number(value: float) -> str:
    return format_number(value) if value == value else "—"  # a NaN target (a broken pack) still renders


def _figure(value: float, unit: str) -> str:
    """A target in English with its unit's word ("60 hours"); NaN (a broken pack) as "—"."""
    return count(value, unit, "en") if value == value else "—"


def _target(rule: Rule) -> Text:
    req = rule.requirement
    unit = "%" if rule.unit == "%" else f" {rule.unit}"
    if req.kind is Kind.BETWEEN and req.target is not None and req.target_max is not None:
        low = _number(req.target)
        return Text(f"{low}–{_number(req.target_max)}{unit}", f"{low}–{_figure(req.target_max, rule.unit)}")
    if req.kind in (Kind.AT_LEAST, Kind.AT_MOST, Kind.EQUALS) and req.target is not None:
        sign = {Kind.AT_LEAST: "≥", Kind.AT_MOST: "≤", Kind.EQUALS: "="}[req.kind]
        target = _number(req.target)
        target_en = _figure(req.target, rule.unit)
        if req.extension is not None:
            longest = req.target + req.extension
            return Text(
                f"{sign} {target}{unit}(依法可延长至 {_number(longest)}{unit})",
                f"{sign} {target_en} (up to {_figure(longest, rule.unit)} where the law allows)",
            )
        return Text(f"{sign} {target}{unit}", f"{sign} {target_en}")
    if req.kind is Kind.AFFIRMED:
        return Text("是", "yes")
    if req.kind is Kind.REPORTED:
        return Text("须填报", "must be stated")
    if req.kind is Kind.SECTION:
        return Text(
            "须包含:" + "、".join(SECTION_NAMES[s].zh for s in req.sections),
            "must contain: " + ", ".join(SECTION_NAMES[s].en for s in req.sections),
        )
    if req.kind is Kind.DEADLINE:
        if req.year_offset == 1:
            return Text(f"次年 {req.before} 之前", f"{'before' if req.field else 'by'} {req.before} of the next year")
        return Text(f"{req.before} 之前", f"before {req.before}")
    return Text("", "")


def scopes_text(rule: Rule, lang: str | None = None) -> str:
    """The bodies a rule applies to, with years where a scope has them: named in `lang` ("县级、县级政府部门
    (–2023)", "county, county government department (–2023)"), as `rules show` says them; or, with no
    `lang`, as the pack writes them ("county, department.county (–2023)"), as docs/rules.md lists them."""
    parts = []
    for scope in rule.levels:
        years = f" ({scope.year_from or ''}–{scope.year_to or ''})" if scope.year_from or scope.year_to else ""
        named = scope.body if lang is None or scope.body not in LEVEL_NAMES else LEVEL_NAMES[scope.body].get(lang)
        parts.append(named + years)
    return ("、" if lang == "zh" else ", ").join(parts)
