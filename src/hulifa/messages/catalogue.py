"""The catalogue of input errors, notes and reasons, assembled from its areas, and their words.

INPUT holds the errors and notes about an input, said before or instead of a check: an InputError
(hulifa.errors, exit 2) renders one of these with its parameters, and so do the notes the runner adds
to a report (note.*, previous.*). REASONS holds why a value, a file or an expression was refused or
passed over, the caveats of a note, and what the commands say themselves. An id is in one of the two,
never both, and in one area module only (tests/test_messages.py holds both). Parameters are words
already: a Text parameter is said in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from hulifa.messages import commands, derive, draft, inputs, packs, parsing, reasons
from hulifa.model import Params, Text
from hulifa.quantity import format_number

INPUT: dict[str, Text] = {**packs.CATALOGUE, **inputs.CATALOGUE}
REASONS: dict[str, Text] = {
    **reasons.CATALOGUE,
    **derive.CATALOGUE,
    **commands.CATALOGUE,
    **parsing.CATALOGUE,
    **draft.CATALOGUE,
}


def input_text(message_id: str, values: Params) -> Text:
    """An input error's, note's or reason's words in both languages (INPUT, REASONS), from its parameters alone."""
    template, given = INPUT.get(message_id) or REASONS[message_id], dict(values)
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
