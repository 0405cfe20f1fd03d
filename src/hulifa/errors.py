"""The one exception that means "hulifa could not check this input"; it always carries a place."""

from __future__ import annotations

from hulifa.model import Position, Text


class InputError(Exception):
    """Bad input (file, YAML, rule pack): rendered as `file:line:column: message`, exit code 2."""

    def __init__(self, position: Position, message: Text) -> None:
        super().__init__(f"{position.file}:{position.line}:{position.column}: {message.en}")
        self.position = position
        self.message = message

    def render(self, lang: str = "zh") -> str:
        p = self.position
        return f"{p.file}:{p.line}:{p.column}: {self.message.get(lang)}"


def fail(file: str, line: int, column: int, zh: str, en: str) -> InputError:
    """Build an InputError in one line at the call site: `raise fail(path, 3, 1, "…", "…")`."""
    return InputError(Position(file, line, column), Text(zh, en))
