"""textsafe.visible: its shortcut for printable text, and what it shows."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from hulifa.textsafe import _HIDDEN, visible

EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_no_character_it_shows_is_printable() -> None:
    """visible returns a printable text as it is, without the pattern: sound only while every
    character the pattern would show is one str.isprintable refuses."""
    hidden = re.findall(_HIDDEN, EVERY_CHARACTER)
    assert len(hidden) > 2000  # C0, C1, bidi controls, surrogates, the tag block
    assert [f"U+{ord(c):04X}" for c in hidden if c.isprintable()] == []


@given(st.text(alphabet=st.characters(codec=None)))
def test_visible_is_the_pattern_applied(text: str) -> None:
    expected = re.sub(
        _HIDDEN,
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0xA0 else f"<U+{ord(m.group()):04X}>",
        text.replace("\r\n", "\n").replace("\r", "\n"),
    )
    assert visible(text) == expected


def test_printable_text_is_returned_as_it_is() -> None:
    assert visible("湖里区 2024 法治政府建设 100%") == "湖里区 2024 法治政府建设 100%"
    assert visible("a\u202eb\tc\r\nd") == "a<U+202E>b\tc\nd"
    assert visible(None) == ""
