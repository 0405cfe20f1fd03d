"""Bytes to YAML documents, safely: the loader, its limits, and the tags and scalars it accepts.

The file is decoded (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030), composed into a node tree by
libyaml when available (positions kept at ~no cost), then built into plain Python values by our own
constructor. Building ourselves lets us refuse what PyYAML would silently accept: duplicate keys,
alias bombs, YAML 1.1 booleans and sexagesimals where figures belong, absurd nesting.

Two ways through, with the same result: report files (no anchors, tags or merge keys) take a lean
one (_PlainLoader, _build_plain); anything else takes the general one (_Loader, _Builder), which
also counts nodes and depth as aliases expand them. Where each value is: hulifa.positions.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Final

import yaml

from hulifa.decoding import decode_bytes, has_bom, read_bytes
from hulifa.errors import InputError, fail
from hulifa.model import Position, Text
from hulifa.plainvalue import PlainValue
from hulifa.positions import Document
from hulifa.textsafe import visible

try:  # libyaml is ~7x faster than the pure-Python composer and keeps the same marks
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

# Plain texts of up to 32 characters (keys and figures, not sentences) are resolved once and remembered,
# the first MEMO_SIZE of them: indicator names and common figures come early, and the rest seldom
# recur. Over 1,000 generated reports (137 plain scalars each, 16,273 distinct short ones) 4,096
# entries answer 47% of lookups, against 52% for all 16,273 (50,000 was the bound before), and parsing
# them left 0.59 MiB traced instead of 1.98 MiB; past 4,096 the memo no longer grows (flat to 10,000).
MEMO_SIZE = 4096
_PLAIN_TAGS: dict[str, str] = {}
_STR, _MAP, _SEQ, _MERGE = (f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq", "merge"))
# PyYAML's own implicit resolvers (YAML 1.1: null, bool, int, float, timestamp, merge), by first character.
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers


def _plain_tag(value: str) -> str:
    # Every implicit resolver's pattern is ASCII only (no IGNORECASE), so text with any other character
    # is text: a sentence of a report skips the regexes (isascii is O(1), a flag CPython keeps).
    if not value.isascii():
        return _STR
    # two loops rather than one over a joined tuple: most texts (sentences) have no resolver at all
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return tag  # type: ignore[no-any-return]
    for tag, regexp in _IMPLICIT.get(None, ()):
        if regexp.match(value):
            return tag  # type: ignore[no-any-return]
    return _STR


class _Loader(_BaseLoader):
    """PyYAML's loader with a leaner resolver.

    libyaml calls back into Python's resolver for every node (a third of the load time). The safe
    loader has no path resolvers, so collections always get the default tags and a plain scalar's
    tag depends on its text alone: that answer is remembered, since report files repeat the same
    keys and figures. The implicit resolvers themselves are PyYAML's, unchanged.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return _STR  # quoted, or a block scalar: text
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = _plain_tag(value)
                if len(value) <= 32 and len(_PLAIN_TAGS) < MEMO_SIZE:  # keys and figures, not sentences
                    _PLAIN_TAGS[value] = tag
            return tag
        return _MAP if kind is yaml.MappingNode else _SEQ

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        """No path resolvers: nothing to track."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track."""


_UNTAGGED = "".format  # _PlainLoader's resolver: any arguments -> ""


class _PlainLoader(_BaseLoader):
    """libyaml without the resolver callback, for files with no anchors, aliases, tags or merge keys.

    libyaml calls `self.resolve(kind, value, implicit)` for every node without a tag. Here that is
    `str.format` bound to the empty text: a C function that ignores its arguments and returns "" (the
    one empty string: nothing to scan or copy; bound to a longer constant it scanned and copied that
    at each of the ~1,600 calls a report makes, 10% of parsing in callgrind; the resolver callback
    itself had cost ~15% of composing). _build_plain then resolves each plain scalar by its text,
    once per distinct text. Every node's tag is "", which no tag in a file can be; hence no tags here.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        # replacing methods with a C callable of another signature is the point here, hence the ignores
        self.resolve = _UNTAGGED  # type: ignore[method-assign]
        # called around every node, for path resolvers the safe loader does not have: C no-ops too
        self.descend_resolver = self.ascend_resolver = _UNTAGGED  # type: ignore[method-assign, assignment]


def _plain_file(text: str) -> bool:
    """No anchor (so no alias), no tag and no merge key: _PlainLoader and _build_plain apply.

    A false "no" only costs speed: "&" or "!" inside a quoted sentence sends the file the general way.
    """
    return "&" not in text and "!" not in text and "<<" not in text


MAX_NODES = 100_000  # values built from one document, aliases expanded
MAX_DEPTH = 64

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


class Odd(PlainValue):
    """A scalar YAML 1.1 would have turned into something else (NO, 1:20, 1_000, .inf, a date).

    Kept as written so the caller can refuse it with a clear message instead of using a wrong figure.
    A PlainValue: a NamedTuple would pass for a sequence among the values it stands in.
    """

    __slots__ = ("tag", "text")
    _fields = ("text", "tag")

    def __init__(self, text: str, tag: str) -> None:
        self.text: Final = text
        self.tag: Final = tag  # bool, int, float, timestamp

    def __str__(self) -> str:
        return self.text


# Words YAML 1.1 reads as booleans (and 1.2's true/false): as a statutory part's text they would
# say "present" whatever they mean, so they are refused there, quoted or not.
BOOL_WORDS = frozenset(
    w for base in ("yes", "no", "on", "off", "true", "false") for w in (base, base.capitalize(), base.upper())
)


def as_text(raw: object) -> str | None:
    """A text field's value as hulifa reads YAML: text, a YAML 1.1 oddity as written, or a number's
    digits; None for what is not text (a boolean, a list, a mapping, null)."""
    if isinstance(raw, str | Odd):
        return str(raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(raw)
    return None


def as_whole(raw: object) -> int | None:
    """A whole number (2024, or 2024.0, which JSON Schema also counts as an integer); None otherwise."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    return None


def shown(value: object, limit: int = 80) -> str:
    """User text for a message: control characters escaped (an ESC in a key must not reach the
    terminal through stderr) and cut to `limit` characters (a 5,000-digit year is not a message)."""
    text = visible(value).replace("\n", "\\x0a").replace("\t", "\\x09")  # a message is one line
    return text if len(text) <= limit else text[: limit - 1] + "…"


def decode(data: bytes, display: str, encoding: str | None = None) -> str:
    """Decode a report-data file (see hulifa.decoding), refusing what is plainly not text."""
    return decode_used(data, display, encoding)[0]


def decode_used(data: bytes, display: str, encoding: str | None = None) -> tuple[str, str]:
    """decode, and the encoding it used."""
    if not encoding and not has_bom(data) and b"\x00" in data and data[:200].count(b"\x00") <= 20:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise fail(
            display,
            line,
            1,
            "input.yaml.nul_bytes",
        )
    text, used = decode_bytes(data, display, encoding)
    # In UTF-8 a control character is its own byte, so few control bytes in the first 16 KiB (which
    # hold the first 4096 characters) settle it without scanning the text.
    clean = used == "utf-8" and len(data[:16384].translate(None, _NOT_CONTROL)) <= 8
    if not clean and len(_BINARY.findall(text, 0, 4096)) > 8:
        raise fail(display, 1, 1, "input.yaml.control_chars")
    return text, used


def _too_deep(file: str, line: int, column: int) -> InputError:
    return fail(file, line, column, "input.yaml.too_deep", depth=MAX_DEPTH)


def _duplicate(file: str, node: yaml.Node, key: yaml.Node) -> InputError:
    first = next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key.value)
    here, line = key.start_mark, first.start_mark.line + 1
    name = shown(key.value)
    return fail(
        file,
        here.line + 1,
        here.column + 1,
        "input.yaml.duplicate_key",
        name=name,
        line=line,
    )


def _not_plain_key(file: str, key: yaml.Node) -> InputError:
    mark = key.start_mark
    return fail(file, mark.line + 1, mark.column + 1, "input.yaml.complex_key")


def _typed(text: str, kind: str) -> Any:
    """A scalar's value from its resolved kind (the last part of its tag)."""
    if kind == "null":
        return None
    if kind == "bool":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return Odd(text, "bool")
    if kind == "int":
        # past 4300 digits int() raises ValueError (CVE-2020-10735 guard); such a figure is refused anyway
        if _INT.fullmatch(text) and len(text) <= 100:
            return int(text)
        return Odd(text, "int")
    if kind == "float":
        number = float(text) if _FLOAT.fullmatch(text) else None
        # 1.0e+400 would become inf: keep it as written so the message quotes what the file says
        return number if number is not None and math.isfinite(number) else Odd(text, "float")
    if kind == "timestamp":
        return Odd(text, "timestamp")
    return text


_PLAIN_VALUES: dict[str, Any] = {}
_UNSEEN = object()


def _plain_value(text: str) -> Any:
    """A plain scalar's value, remembered (see MEMO_SIZE): report files repeat the same keys and figures."""
    value = _PLAIN_VALUES.get(text, _UNSEEN)
    if value is _UNSEEN:
        value = _typed(text, _plain_tag(text).rsplit(":", 1)[-1])
        if len(text) <= 32 and len(_PLAIN_VALUES) < MEMO_SIZE:  # keys and figures, not sentences
            _PLAIN_VALUES[text] = value
    return value


_MappingNode, _SequenceNode, _ScalarNode = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode


def _build_plain(node: yaml.Node, file: str) -> Any:
    """Nodes from _PlainLoader -> values. No aliases, so nothing is shared or expanded, and depth and
    size were bounded before composing (see parse_yaml): this only builds, refusing duplicate keys.

    Most nodes are scalars inside a mapping or a list: those are built in place (_scalar) rather than
    by a call of this function each, which made building a generated report ~30% cheaper."""
    cls = node.__class__
    if cls is _MappingNode:
        result: dict[str, Any] = {}
        for key, value in node.value:
            if key.__class__ is not _ScalarNode:
                raise _not_plain_key(file, key)
            name = key.value
            if name in result:
                raise _duplicate(file, node, key)
            result[name] = _scalar(value) if value.__class__ is _ScalarNode else _build_plain(value, file)
        return result
    if cls is _SequenceNode:
        return [_scalar(item) if item.__class__ is _ScalarNode else _build_plain(item, file) for item in node.value]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    """A scalar from _PlainLoader: quoted or a block scalar is text; plain text is resolved by its text,
    and is text outright when not ASCII (see _plain_tag), without a look in the memo."""
    text = node.value
    if node.style or not text.isascii():  # type: ignore[attr-defined]  # style: '' plain (libyaml), None (PyYAML)
        return text
    return _plain_value(text)


class _Builder:
    """Nodes from _Loader (anchors, aliases, tags, merge keys) -> values, with limits and checks."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise fail(
                self.file,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                "input.yaml.alias_bomb",
                limit=MAX_NODES,
            )
        if depth > MAX_DEPTH:  # aliases nest what they point to: the event pass could not bound this
            raise _too_deep(self.file, node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _KNOWN_TAGS:
            raise _unknown_tag(self.file, node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        if node.style or node.tag == _STR:  # type: ignore[attr-defined]  # a scalar; quoted: always text
            return node.value
        return _typed(node.value, node.tag.rsplit(":", 1)[-1])

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                for source in sources:
                    built = self.build(source, depth + 1)
                    if isinstance(built, dict):
                        for k, v in built.items():
                            merged.setdefault(k, v)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise _not_plain_key(self.file, key_node)
            if key_node.value in result:
                raise _duplicate(self.file, node, key_node)
            result[key_node.value] = self.build(value_node, depth + 1)
        for k, v in merged.items():
            result.setdefault(k, v)
        return result


# The tags a report or a rule pack may carry, explicitly (`!!str`) or as YAML resolves plain text.
# Anything else (`!include /etc/passwd`, `!!python/object`) was once dropped without a word.
_KNOWN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
)


def _unknown_tag(file: str, node: yaml.Node) -> InputError:
    tag = str(node.tag)
    name = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    shown_tag = shown(name, 60)
    return fail(
        file,
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        "input.yaml.unknown_tag",
        shown_tag=shown_tag,
    )


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_NODE = (yaml.ScalarEvent, yaml.AliasEvent, *_OPEN)


_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOT_CONTROL = bytes(b for b in range(256) if not _BINARY.match(chr(b)))  # bytes.translate deletes these
_PREFIX = re.compile(r"^[ \t?-]*", re.M)
_LONG_PREFIX = re.compile(r"\n[ \t?-]{40}")  # searched for with "\n" first: 4x faster than "^" with re.M
_LONG_FIRST = re.compile(r"[ \t?-]{40}")
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _surely_small(text: str) -> bool:
    """A cheap upper bound on depth and node count, so the event pass runs only when it might matter.

    Block nesting needs indentation or a "- "/"? " indicator on the line, so depth is at most the
    longest such line prefix, plus the deepest bracket nesting (counted even inside quotes: an
    overestimate is safe), plus a margin. Every node other than the root is a key or value (":"),
    an item ("-" or ","), or opens a flow collection, so the counts below bound the node count.
    """
    # Usual files: no line prefix of 40 characters and at most 20 opening brackets in all; both
    # bounds then hold without measuring either (40 + 20 + 3 <= MAX_DEPTH).
    long_prefix = _LONG_FIRST.match(text) or _LONG_PREFIX.search(text)
    prefix = max((len(m) for m in _PREFIX.findall(text)), default=0) if long_prefix else 40
    opens = text.count("[") + text.count("{")
    deepest = opens
    if opens > 20:
        depth = deepest = 0
        for char in _NOT_BRACKET.sub("", text):
            depth = depth + 1 if char in "[{" else max(depth - 1, 0)
            deepest = max(deepest, depth)
    if prefix + deepest + 3 > MAX_DEPTH:
        return False
    if 2 * len(text) + 1 <= MAX_NODES:  # each counted character below adds at most 2 nodes
        return True
    nodes = 1 + 2 * (text.count(":") + text.count(",") + text.count("?") + text.count("{"))
    nodes += text.count("-") + text.count("[")
    return nodes <= MAX_NODES


def _check_depth(text: str, display: str) -> None:
    """Refuse deep nesting from the event stream, before anything recursive sees it.

    libyaml's composer (and PyYAML's) recurses once per level: `[` * 50_000 (100 KB) overflows the C
    stack and kills the process with SIGSEGV, and libyaml's scanner is quadratic in the flow depth.
    Too many nodes are refused here too, before the composer holds them all in memory.
    Events are produced lazily, so we stop at MAX_DEPTH + 1 having read only that far (~0.3 ms for a
    real report). Syntax errors raised here carry the same marks the composer would give.
    """
    loader = _Loader(text)
    try:
        depth = count = 0
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, _NODE):
                # `[1,1,1,…]` in 5 MB is 2.5 million nodes, ~800 MB once composed: count before composing
                count += 1
                if count > MAX_NODES:
                    mark = event.start_mark
                    assert mark is not None  # the parser marks every event
                    raise fail(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        "input.yaml.too_many_values",
                        limit=MAX_NODES,
                    )
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    assert mark is not None
                    raise _too_deep(display, mark.line + 1, mark.column + 1)
            elif isinstance(event, _CLOSE):
                depth -= 1
    finally:
        loader.dispose()


def parse_yaml(text: str, display: str) -> Document:
    """Compose and build one YAML document; every problem becomes an InputError with a place."""
    try:
        if not _surely_small(text):
            _check_depth(text, display)
        plain = _plain_file(text)
        loader = (_PlainLoader if plain else _Loader)(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "syntax error"
        if "nesting depth" in problem:  # libyaml >= 0.2.5 stops at its own limit while scanning ahead
            raise _too_deep(display, line, column) from None
        from hulifa.yaml_words import problem_words  # only on a refusal

        start = exc.context_mark  # where the quote, bracket or mapping began: the problem's place says little
        began = (start.line + 1, start.column + 1) if exc.context and start else None
        bad_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        if bad_line[:column].lstrip(" ").startswith("\t"):  # libyaml may name the token, not the tab
            problem = "tab character"
        character = shown(bad_line[column - 1]) if 0 < column <= len(bad_line) else ""
        words = problem_words(problem, exc.context, began, line, character)
        raise fail(display, line, column, "input.yaml.syntax", problem=words, hint=Text("", "")) from None
    except yaml.YAMLError as exc:
        raise fail(display, 1, 1, "input.yaml.error", exc=exc) from None
    except RecursionError:
        raise fail(display, 1, 1, "input.yaml.nesting") from None
    lines = text.count("\n") + 1
    end = Position(display, lines, 1)
    if node is None:
        raise fail(display, 1, 1, "input.yaml.empty")
    data = _build_plain(node, display) if plain else _Builder(display).build(node)
    return Document(display, data, node, end, merge_keys=not plain)


def load_yaml_file(
    path: Path, display: str | None = None, encoding: str | None = None, *, limit: int | None = None
) -> Document:
    """`limit` in bytes; by default HULIFA_MAX_BYTES, the limit for untrusted report files."""
    display = display or str(path)
    return parse_yaml(decode(read_bytes(path, display, limit), display, encoding), display)
