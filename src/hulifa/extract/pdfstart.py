"""Where the report starts on a PDF page that begins with the end of another document.

A gazette (公报) sets its documents one after another: the page where a report begins may first finish
the previous document, its last paragraph (with figures of its own: 新增企业500家以上), its signature, its
date and 此件公开发布, and only then print the report's title. That tail is not the report. `previous_tail`
marks it: on the page of the report's title (a line set larger than the text that names a 报告), the
lines before the title in the text's size, when they hold a date line (the previous document's
signature date). A masthead set larger (the gazette's name) stays; a title with nothing dated above it
(a red-head document's number, a portal's banner) is left as it was.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hulifa.extract.metadata import DATE_LINE

if TYPE_CHECKING:
    from hulifa.extract.pdf import Line

_TITLE_SIZE = 1.15  # a title is set at least this much larger than the text
_SAME_SIZE = 0.15  # a line of the text's size: within this share of it
_TITLE_PAGES = 2  # the report's title is looked for on the first pages with text only
_TITLE_LINES = 3  # a title runs over this many lines at most


def previous_tail(pages: Sequence[Sequence[Line]]) -> list[list[bool]]:
    """For every line of every page (furniture already dropped): is it the previous document's tail?"""
    marks = [[False] * len(lines) for lines in pages]
    sizes = Counter(round(ln.size) for lines in pages for ln in lines if not ln.rotated)
    if not sizes:
        return marks
    body = float(sizes.most_common(1)[0][0])
    with_text = [p for p, lines in enumerate(pages) if lines][:_TITLE_PAGES]
    for p in with_text:
        lines = pages[p]
        title = _title(lines, body)
        if title is None:
            continue
        tail = [i for i in range(title) if abs(lines[i].size - body) <= _SAME_SIZE * body]
        if any(DATE_LINE.match(lines[i].text) for i in tail):
            for i in tail:
                marks[p][i] = True
        break
    return marks


def _title(lines: Sequence[Line], body: float) -> int | None:
    """The index of the report title's first line: the first line set larger than the text whose run
    of lines in that size (a title over two or three lines) says 报告."""
    for i, line in enumerate(lines):
        if line.size < _TITLE_SIZE * body:
            continue
        run = ""
        for ln in lines[i : i + _TITLE_LINES]:
            if abs(ln.size - line.size) > _SAME_SIZE * line.size:
                break
            run += "".join(ln.text.split())
        if "报告" in run:
            return i
    return None


__all__ = ["previous_tail"]
