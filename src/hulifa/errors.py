"""The one exception that means "hulifa could not check this input"; it always carries a place, and
its words come from a message id in hulifa.messages (INPUT) with its parameters."""

from __future__ import annotations

from typing import Any

from hulifa.model import Params, Position, Text


class InputError(Exception):
    """Bad input (file, YAML, rule pack): rendered as `file:line:column: message`, exit code 2."""

    def __init__(self, position: Position, message_id: str, values: Params = ()) -> None:
        from hulifa.messages import input_text  # the catalogue renders; this module only carries

        self.position = position
        self.message_id = message_id
        # a Text stays bilingual; anything else becomes its text now, so what is said never depends
        # on when or how it is rendered (a huge number, a path, an exception)
        self.params: Params = tuple((k, v if isinstance(v, Text) else str(v)) for k, v in values)
        self.message: Text = input_text(message_id, self.params)
        super().__init__(f"{position.file}:{position.line}:{position.column}: {self.message.en}")

    def render(self, lang: str = "zh") -> str:
        p = self.position
        return f"{p.file}:{p.line}:{p.column}: {self.message.get(lang)}"


def fail(file: str, line: int, column: int, message_id: str, /, **values: Any) -> InputError:
    """Build an InputError in one line at the call site: `raise fail(path, 3, 1, "input.file.missing")`."""
    return InputError(Position(file, line, column), message_id, tuple(values.items()))
