"""The one escaping function for text that came from a file: what it shows is what the file holds.

Every channel hulifa writes (the table, Markdown, GitHub commands, parsable lines, XML, stderr
messages, `rules list`/`rules show`) passes file text through `visible` before it prints it, so no
report, rule pack or file name can move the cursor, retitle the terminal, reorder a line or hide
a character. Characters are shown, not dropped: a reader sees that the file holds them.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# C0 controls but tab and line feed (a carriage return is folded into a line feed first), DEL and the
# C1 controls (U+009B is an 8-bit CSI, which some terminals obey): shown as \xNN.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Invisible characters that change what a reader sees: the Arabic letter mark, the Mongolian vowel
# separator, zero-width space/joiners and directional marks (U+200B-U+200F), line and paragraph
# separators and the bidi embeddings and overrides (U+2028-U+202E), the word joiner and invisible
# operators (U+2060-U+2064), bidi isolates and deprecated format controls (U+2066-U+206F), the
# byte order mark used as a zero-width no-break space, interlinear annotations, noncharacters,
# lone surrogates (left by `surrogateescape`) and the Unicode tag block ("ASCII smuggling"):
# shown as <U+XXXX>.
_INVISIBLE = (
    "\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\ud800-\udfff\U000e0000-\U000e007f"
)
_HIDDEN = f"[{_CONTROL}{_INVISIBLE}]"


@functools.cache
def _hidden() -> re.Pattern[str]:
    """_HIDDEN compiled, once, when a text first needs it: its characters above U+00FF make re build a
    table of the whole Basic Multilingual Plane (0.8 ms, more than any other pattern of a start)."""
    return re.compile(_HIDDEN)


def _show(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0xA0 else f"<U+{code:04X}>"


def visible(text: object) -> str:
    """`text` with every control, bidi and zero-width character made visible (`\\x9b`, `<U+202E>`).

    Tabs and line feeds stay; CR LF and lone CR become LF. None becomes "". The result holds no
    character a terminal, a Markdown renderer or an XML parser acts on without showing it.
    """
    if text is None:
        return ""
    s = str(text)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if s.isprintable():  # no character _HIDDEN matches is printable (tests/test_textsafe.py checks each)
        return s
    return _hidden().sub(_show, s)


def cells(text: str) -> int:
    """The columns `text` takes in a terminal or a monospaced layout: two for a wide (East Asian, full-width)
    character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
