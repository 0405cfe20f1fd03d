"""The catalogue of input errors, notes and reasons, and their words, from the areas that hold them.

INPUT holds the errors and notes about an input, said before or instead of a check: an InputError
(hulifa.errors, exit 2) renders one of these with its parameters, and so do the notes the runner adds
to a report (note.*, previous.*); its areas are inputs and packs. REASONS holds why a value, a file or
an expression was refused or passed over, the caveats of a note, and what the commands say
themselves; its areas are reasons, derive, commands, parsing and draft. An id is in one area only,
and its first part names the areas it may be in (AREAS; tests/test_messages_areas.py holds both).
Parameters are words already: a Text parameter is said in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Iterable
from typing import Any

from hulifa.model import Params, Text
from hulifa.quantity import format_number

# The areas, each a module with a CATALOGUE, and which areas word the ids of each first part. An area
# is imported when one of its ids is first said, so a run that says nothing about its input imports
# none of them: all seven cost a start 1.0 ms (least of 30, -X importtime), a third of hulifa.messages.
_INPUT_AREAS = ("packs", "inputs")
_REASON_AREAS = ("reasons", "derive", "commands", "parsing", "draft")
AREAS: dict[str, tuple[str, ...]] = {
    "config": ("packs", "commands", "parsing"),
    "deviations": ("packs",),
    "input": ("inputs",),
    "note": ("inputs",),
    "output": ("inputs",),
    "pack": ("packs", "reasons"),
    "previous": ("inputs",),
    **dict.fromkeys(("diff", "file", "hint", "quantity", "report", "shape", "skip", "value"), ("reasons",)),
    "expression": ("derive",),
    **dict.fromkeys(("check", "cli", "extract", "help", "init", "option", "rules", "usage"), ("commands",)),
    **dict.fromkeys(("schema", "toml", "yaml"), ("parsing",)),
    "draft": ("draft",),
}


def area(name: str) -> dict[str, Text]:
    """One area's catalogue (`inputs`, `reasons`, ...), imported on first use."""
    module = sys.modules.get(f"hulifa.messages.{name}") or importlib.import_module(f"hulifa.messages.{name}")
    catalogue: dict[str, Text] = module.CATALOGUE
    return catalogue


def words(message_id: str) -> Text:
    """The words of an id of INPUT or REASONS; KeyError for an id no area words."""
    for name in AREAS.get(message_id.partition(".")[0], ()):
        found = area(name).get(message_id)
        if found is not None:
            return found
    raise KeyError(message_id)


def __getattr__(name: str) -> dict[str, Text]:
    """INPUT and REASONS whole, as the tests and `--format json` read them: every area of each imported."""
    if name not in ("INPUT", "REASONS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    whole = {k: v for one in (_INPUT_AREAS if name == "INPUT" else _REASON_AREAS) for k, v in area(one).items()}
    globals()[name] = whole  # made once
    return whole


def input_text(message_id: str, values: Params) -> Text:
    """An input error's, note's or reason's words in both languages (INPUT, REASONS), from its parameters alone."""
    template, given = words(message_id), dict(values)
    zh, en = (template.get(lang).format_map({k: say(v, lang) for k, v in given.items()}) for lang in ("zh", "en"))
    return Text(zh, en)


def reason(message_id: str, /, **values: Any) -> Text:
    """`input_text` with its parameters named at the call site: `reason("value.negative", text="-3")`."""
    return input_text(message_id, tuple(values.items()))


def more_problems(count: int) -> Text:
    """ "(另有 2 处问题)" / " (2 more problems)", " (1 more problem)": what a refusal that names the first
    problem says of the rest; nothing when there is none."""
    if count < 1:
        return Text("", "")
    return reason("pack.one_more_problem" if count == 1 else "pack.more_problems", count=str(count))


def did_you_mean(word: str, choices: Iterable[str]) -> Text:
    """ "; did you mean 'x'?" for the choice closest to a misspelt `word`, or nothing when none is close."""
    import difflib  # only on a refusal

    close = difflib.get_close_matches(word, list(choices), n=1)
    return reason("hint.did_you_mean", close=close[0]) if close else Text("", "")


def say(item: Any, lang: str) -> str:
    """A parameter in `lang`: a Text in that language, a number as hulifa writes it, a date in ISO form."""
    if isinstance(item, Text):
        return item.get(lang)
    if isinstance(item, float | int) and not isinstance(item, bool):
        return format_number(item)
    if isinstance(item, dt.date):
        return item.isoformat()
    return str(item)
