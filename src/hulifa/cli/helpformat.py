"""--help and messages laid out by terminal cells. click wraps help text by characters, but a Chinese character
takes two cells: at COLUMNS=80, 55 lines of hulifa's help screens ran past the terminal's edge (its
own wrapping then tore the columns apart), and the commands' summaries were cut with "...".

`CellFormatter` wraps each help text itself, by cells, breaking at a space, between two wide
characters or after a bar (never before a closing mark such as , 。 ) 」 nor after an opening one),
and hands click the lines as a verbatim paragraph ("\\b"), so click only indents them. Loaded only to
show help.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from typer._click.formatting import HelpFormatter

_NO_LINE_START = frozenset(",。;:、)」』》?!,.;:)]")
_NO_LINE_END = frozenset("(「『《([")


def cells(text: str) -> int:
    """The width of `text` in a terminal: two cells for a wide (East Asian) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _chunks(text: str) -> Iterator[str]:
    """Words, wide characters (each a place to break) with the marks that stick to them, and spaces."""
    chunk = ""
    for ch in text:
        if ch == " ":
            if chunk:
                yield chunk
            chunk = ""
            yield " "
        elif ch in _NO_LINE_START or (chunk and chunk[-1] in _NO_LINE_END):
            chunk += ch
        elif ch == "|":  # a list of choices breaks after a bar
            yield chunk + ch
            chunk = ""
        elif chunk and (cells(ch) == 2 or cells(chunk[-1]) == 2):
            yield chunk
            chunk = ch
        else:
            chunk += ch
    if chunk:
        yield chunk


def wrap(text: str, width: int) -> list[str]:
    """`text` (one paragraph) in lines of at most `width` cells; a word wider than that is cut."""
    lines: list[str] = []
    line = ""
    for chunk in _chunks(" ".join(part.strip() for part in text.splitlines())):
        if chunk == " ":
            line += " " if line else ""
            continue
        if line and cells(line + chunk) > width:
            lines.append(line.rstrip())
            line = ""
        while cells(chunk) > width:
            cut = next(i for i in range(len(chunk), 0, -1) if cells(chunk[:i]) <= width or i == 1)
            lines.append(chunk[:cut])
            chunk = chunk[cut:]
        line += chunk
    if line.strip():
        lines.append(line.rstrip())
    return lines


MESSAGE_WIDTH = 80  # a message on stderr fits the narrowest usual terminal, whatever the one it is in


def message_lines(prefix: str, halves: Sequence[str], width: int = MESSAGE_WIDTH) -> list[str]:
    """A message in one language or two ("中文 / English") on one line when it fits `width` cells; else
    each language on lines of its own, wrapped by cells and indented under the text after `prefix`."""
    one = prefix + " / ".join(halves)
    if cells(one) <= width:
        return [one]
    indent = cells(prefix)
    lines = [line for half in halves for line in wrap(half, max(width - indent, 20))]
    return [prefix + lines[0], *(" " * indent + line for line in lines[1:])]


def verbatim(text: str, width: int) -> str:
    """`text`'s paragraphs wrapped to `width` cells, each marked for click to keep as it is."""
    if not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.lstrip("\n").startswith("\b"):
            paragraphs.append(paragraph.lstrip("\n"))
        elif paragraph.strip():
            paragraphs.append("\b\n" + "\n".join(wrap(paragraph, width)))
    return "\n\n".join(paragraphs)


class CellFormatter(HelpFormatter):
    """click's help formatter, with its two wrapped parts wrapped by cells first."""

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        # click's own layout: the first column as wide as its widest entry up to col_max, the text after it
        first = min(max((cells(row[0]) for row in rows), default=0), col_max) + col_spacing
        width = max(self.width - first - 2, 10)
        super().write_dl([(name, verbatim(text, width)) for name, text in rows], col_max, col_spacing)

    def write_text(self, text: str) -> None:
        super().write_text(verbatim(text, max(self.width - self.current_indent, 11)))
