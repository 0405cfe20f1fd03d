"""Digits a scanned report's text copy wrote as letters: 2O24, 1OO%, l,267名, 2l项, 96。4%.

Character recognition reads 0 as O or o, 1 as l or I, and a decimal point as 。. Where such a character
stands in a run of digits (2O24, 1OO%, 2,O38个, l,267名, 0597-83l6220) and, in a text where one does, a 。
stands between digits before a % (96。4%), `read_lookalikes` gives the digit, one character for one, so
every offset holds and a figure's text and evidence stay as the report wrote them. A Latin word is left
alone: a run that touches another letter (ISO9001, Win10, PM2.5, IPv6) is not a number misread.
"""

from __future__ import annotations

import re

_AS_DIGITS = str.maketrans("OolI", "0011")
# digits and look-alikes, with thousands commas and decimal points between them, touching no other letter
_RUN = re.compile(r"(?<![A-Za-z])[0-9OolI](?:[0-9OolI]|[,.](?=[0-9OolI]))*(?![A-Za-z])")
_LOOKALIKE = re.compile(r"[OolI]")
_POINT = re.compile(r"(?<=\d)。(?=\d+%)")


def read_lookalikes(folded: str) -> tuple[str, bool]:
    """The folded text with its misread digits read, and whether any was (the text is an OCR copy)."""
    if not _LOOKALIKE.search(folded):
        return folded, False
    found = False

    def digits(m: re.Match[str]) -> str:
        nonlocal found
        run = m.group()
        if not any(c.isdigit() for c in run) or not _LOOKALIKE.search(run):
            return run  # no digit to misread beside, or nothing misread
        found = True
        return run.translate(_AS_DIGITS)

    read = _RUN.sub(digits, folded)
    if found:
        # 96。4%: in a text the scan misread (a sentence may end in a number and the next begin with one,
        # 共12件。3%…, where nothing shows a scan)
        read = _POINT.sub(".", read)
    return read, found
