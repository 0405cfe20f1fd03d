"""Hard line wraps in text copied from a PDF: "1\\n9件" is 19件, "纠错率高\\n达55.6%" one phrase.

`unwrap(text)` removes the newlines that are wraps, not paragraph ends, and returns the joined text
with the original offsets of what it removed; `Shift` maps an offset in the joined text back to the
original, so every figure keeps its place (line, column) in the file as the user has it. Two rules,
each with a test table (tests/extract/test_wraps.py):

* `number_wrap`: a newline between a digit and a digit, or a digit and a measure word (件, 人次, %…):
  a number is never split over two lines on purpose.
* `width_wrap`: in a text whose lines break at one width (as PDF copies do), a line of that width
  that does not end a sentence runs on into the next, unless the next is a heading.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from hulifa.extract.textrows import space_rows
from hulifa.textsafe import cells as display_width

_DIGIT = "0123456789０１２３４５６７８９"
_UNIT_START = set("件人次项个名家%％万亿元条份场期起户天日小时学工")
_ENDS = set("。！？!?；;：:…」』”)）")
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]+)"
)


@dataclass(frozen=True, slots=True)
class Width:
    """The width a text's lines break at, and how it is measured: display width (a PDF line's
    measure), or characters (a copy that broke every N characters, digits and all)."""

    size: int
    measure: Callable[[str], int] = display_width  # a PDF line's measure


def number_wrap(lines: list[str], i: int, width: Width | None) -> bool:
    before, after = lines[i].rstrip(" \t"), lines[i + 1].lstrip(" \t")
    if not before or not after or "\t" in before or "\t" in after or _HEADING.match(after):
        return False  # table rows and numbered items are lines of their own
    return before[-1] in _DIGIT and (after[0] in _DIGIT or after[0] in _UNIT_START)


def width_wrap(lines: list[str], i: int, width: Width | None) -> bool:
    if width is None:
        return False
    before, after = lines[i].rstrip(), lines[i + 1]
    if width.measure(before) < width.size - 3 or not after.strip() or before[-1] in _ENDS or "\t" in before:
        return False
    return not (after[:1].isspace() or after.startswith("\u3000") or _HEADING.match(after))


WRAP_RULES: tuple[Callable[[list[str], int, Width | None], bool], ...] = (number_wrap, width_wrap)


def _at_one_width(lines: list[str], measure: Callable[[str], int], slack: int) -> tuple[int, float] | None:
    """The width most long lines reach under `measure`, and the share of them that reach it. A table row
    (a line with a tab: 索引号…\t发布机构…) is laid out by its cells, not broken at the text's width."""
    widths = [measure(line.rstrip()) for line in lines if len(line.rstrip()) >= 12 and "\t" not in line]
    if len(widths) < 4:
        return None
    width = max(widths)
    full = sum(1 for w in widths if w >= width - slack)
    return (width, full / len(widths)) if full >= 3 and full * 2 >= len(widths) else None


def line_width(lines: list[str]) -> Width | None:
    """The width a PDF copy breaks its lines at: most long lines reach it (within 3 half-widths),
    or the same number of characters (within one): a copy may break every N characters whatever
    their width, so a line with digits is as long as one without. Of the two, the one more lines
    reach: a copy cut at 31 characters has its lines with digits short of the widest by display width."""
    by_display = _at_one_width(lines, display_width, 3)
    by_chars = _at_one_width(lines, len, 1)
    if by_chars is not None and (by_display is None or by_chars[1] > by_display[1]):
        return Width(by_chars[0], len)
    return Width(by_display[0]) if by_display is not None else None


def unwrap(text: str) -> tuple[str, list[int]]:
    """(joined text, original offsets of the removed newlines, ascending)."""
    if "\n" not in text:
        return text, []
    lines = space_rows(text).split("\n")  # a table aligned with spaces has tabs here: its rows are lines of their own
    width = line_width(lines)
    removed: list[int] = []
    offset = 0
    for i in range(len(lines) - 1):
        offset += len(lines[i])
        if any(rule(lines, i, width) for rule in WRAP_RULES):
            removed.append(offset)
        offset += 1
    if not removed:
        return text, []
    parts = []
    last = 0
    for at in removed:
        parts.append(text[last:at])
        last = at + 1
    parts.append(text[last:])
    return "".join(parts), removed


@dataclass(frozen=True, slots=True)
class Shift:
    """Offsets in the joined text -> offsets in the original text."""

    joined_at: tuple[int, ...]  # where each removed newline sat in the joined text

    @classmethod
    def of(cls, removed: list[int]) -> Shift:
        return cls(tuple(at - i for i, at in enumerate(removed)))

    def start(self, offset: int) -> int:
        return offset + bisect.bisect_right(self.joined_at, offset)

    def end(self, offset: int) -> int:
        """An exclusive end: the character before it moves, and the end with it."""
        return self.start(offset - 1) + 1 if offset > 0 else 0


__all__ = ["WRAP_RULES", "Shift", "Width", "line_width", "unwrap"]
