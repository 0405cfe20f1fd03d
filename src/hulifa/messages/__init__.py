"""Every word hulifa says, in Chinese and English: one wording in each language for every message id,
and the one renderer of a finding's words. Every output format and every command reads its text
through this package and nothing else.

The modules, by who reads them:
  render      a finding's name, message, target, stated value, gap and basis (the reporters)
  findings    the words of a check's findings: MESSAGES, TARGETS, VALUES, GAPS
  figures     figures, counts, changes and amounts in words; targets: a rule's target and scopes
  citations   a legal basis as cited, with its places in English
  vocabulary  the words every area shares: parts, units, levels, directions, fixed phrases
  catalogue   INPUT and REASONS, made from the areas below (each imported when one of its ids is
              first said), and `reason` / `input_text`
    inputs    a report's input errors, the runner's notes, refused outputs (INPUT)
    packs     a rule pack's, configuration's and deviations file's refusals (INPUT)
    reasons   why a value or a file was refused or passed over (REASONS)
    derive    why a derive expression was refused (REASONS)
    parsing   the YAML parser's, the schema validator's and TOML's problems (REASONS)
    commands  what the commands say themselves: usage, --help, options, `rules` (REASONS)
    draft     the comments and notes of `hulifa extract`'s draft (REASONS)

A name is imported from here (`from hulifa.messages import reason`); the modules are where it lives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hulifa.messages import catalogue
from hulifa.messages.catalogue import did_you_mean, input_text, more_problems, reason
from hulifa.messages.citations import article, citation, document
from hulifa.messages.figures import (
    UNDETERMINED,
    _bound_words,
    _english_number,
    amount,
    change_text,
    count,
    figure,
    has_chinese,
    quantity,
    quote,
)
from hulifa.messages.findings import ACCEPTED, DERIVED, GAPS, MESSAGES, TARGETS, VALUES
from hulifa.messages.render import (
    actual,
    basis,
    bound,
    change,
    expected,
    gap,
    message,
    name,
    names,
    previous,
    quoted,
    stated_texts,
    unit,
    value,
)
from hulifa.messages.targets import expected_text, scopes_text
from hulifa.messages.vocabulary import (
    APPROVED,
    DATE_FIELD_NAMES,
    DIRECTION_NAMES,
    EXACT_NEEDED,
    LEVEL_NAMES,
    LIMITS,
    NOT_STATED,
    SECTION_NAMES,
    UNIT_NAMES,
    UNITS,
)

if TYPE_CHECKING:
    from hulifa.model import Text

    INPUT: dict[str, Text]
    REASONS: dict[str, Text]


def __getattr__(name: str) -> dict[str, Text]:
    """INPUT and REASONS, made when first read (see hulifa.messages.catalogue); nothing else of it."""
    if name not in ("INPUT", "REASONS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    whole: dict[str, Text] = getattr(catalogue, name)
    return whole


__all__ = [
    "ACCEPTED",
    "APPROVED",
    "DATE_FIELD_NAMES",
    "DERIVED",
    "DIRECTION_NAMES",
    "EXACT_NEEDED",
    "GAPS",
    "INPUT",
    "LEVEL_NAMES",
    "LIMITS",
    "MESSAGES",
    "NOT_STATED",
    "REASONS",
    "SECTION_NAMES",
    "TARGETS",
    "UNDETERMINED",
    "UNITS",
    "UNIT_NAMES",
    "VALUES",
    "_bound_words",
    "_english_number",
    "actual",
    "amount",
    "article",
    "basis",
    "bound",
    "change",
    "change_text",
    "citation",
    "count",
    "did_you_mean",
    "document",
    "expected",
    "expected_text",
    "figure",
    "gap",
    "has_chinese",
    "input_text",
    "message",
    "more_problems",
    "name",
    "names",
    "previous",
    "quantity",
    "quote",
    "quoted",
    "reason",
    "scopes_text",
    "stated_texts",
    "unit",
    "value",
]
