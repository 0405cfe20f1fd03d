"""The one place a finding becomes words: its name, message, target, stated value, gap and basis, in
Chinese or English. Every output format reads a finding's text through these functions and nothing else.
"""

from __future__ import annotations

from hulifa.model import Basis, Finding


def name(finding: Finding, lang: str) -> str:
    """The indicator's name in `lang`. In English a rule with no English name shows its id, so the
    gap is visible (and searchable) rather than a Chinese name in an English page. Keys read from a
    report (unknown indicators) are data and stay as written."""
    if lang == "en":
        if finding.name_en:
            return finding.name_en
        if not finding.rule.startswith("hulifa.") and finding.rule:
            return finding.rule
    return finding.name or finding.rule


def names(finding: Finding) -> tuple[str, str]:
    """The name and the English name as the rule pack gives them (the English one may be "")."""
    return finding.name, finding.name_en


def unit(finding: Finding) -> str:
    return finding.unit


def basis(finding: Finding) -> Basis | None:
    return finding.basis


def bound(finding: Finding) -> str:
    """The stated figure's bound (`lower`, `upper`, `approx`, `exact`), or "" when no figure was given."""
    return finding.bound


def message(finding: Finding, lang: str) -> str:
    return finding.message.get(lang)


def expected(finding: Finding, lang: str) -> str:
    """The target as a person reads it: "≥ 60 学时", "须填报" / "must be stated"."""
    return finding.shown("expected", lang)


def actual(finding: Finding, lang: str) -> str:
    """The stated value as a person reads it, "" when none was stated."""
    return finding.shown("actual", lang)


def gap(finding: Finding, lang: str) -> str:
    """How far the stated value is from the target, or why it cannot be settled; "" when nothing is missed."""
    return finding.shown("gap", lang)
