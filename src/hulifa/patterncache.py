"""The compiled regular expressions of earlier runs of the script, kept in the user's cache folder so
that a start does not compile them again.

Python compiles a regular expression in Python code (re._parser, re._compiler), and a start of `hulifa
check one.yaml` compiled some 50: PyYAML's when it is imported (its reader's character class alone
~17 ms), those of the stdlib modules typer imports (textwrap, gettext, platform) and hulifa's figure
pattern (quantity): 109 of its 482 million instructions (callgrind, 2 Dec 2026). What the compiler
makes is plain data: a program (a list of integers) and the groups' names, which `_sre.compile` turns
back into the Pattern that `re.compile` makes (equal to it: Pattern equality compares the programs).
So the script (hulifa.__main__) puts the stored patterns in re's own cache before anything is
imported, where `re.compile` finds them, and once the command is over stores the patterns of the run
again if it compiled any that were not stored: a file for each command and its formats (`check -f
json`, `check -f sarif`: each format imports modules of its own, which compile patterns of their own;
in one file a command's runs in two formats, side by side, stored each its own over the other's). The
first run pays for storing (each new pattern parsed again): 596 -> 700 million instructions with
nothing cached, once.

Private parts of the stdlib are read here and nowhere else: re's cache (a dict keyed by (type,
pattern, flags)), `_sre.compile`, and when storing, re._parser and re._compiler's code generator. The
cached file is keyed by the interpreter (sys.version and _sre's MAGIC, the version of its programs):
another Python reads a file of its own. A program is stored only when `_sre.compile` makes of it a
Pattern equal to re's own, and `_sre.compile` validates every program it is given. Anything
unexpected (no file, another format, an interpreter whose re works otherwise) is no error: the
patterns are compiled as usual. Where: $XDG_CACHE_HOME/hulifa/patterns (hulifa.usercache).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # no stub: the C half of re
import marshal
import os
import re
import sys
import zlib
from typing import Any

from hulifa.usercache import cache_folder

_FORMAT = b"hulifa-pattern-cache 1\n"
# At most this many patterns are stored, those the last run compiled first: re's own cache holds
# 512 (Python 3.11-3.13), and what is loaded must not push out what a run compiles. `hulifa extract`
# compiles 267 (2 Dec 2026, its figure, indicator and section rules), so 256 left 11 to compile at every
# start; 320 leaves it room to grow and still 192 of re's cache to a run.
LIMIT = 320

Key = tuple[type, Any, int]  # re's cache key: (str or bytes, the pattern, its flags)
# What _sre.compile is given (pattern, flags, program, groups, groupindex, indexgroup), after the key's flags.
Entry = tuple[Any, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]

_loaded: dict[Key, Entry] = {}  # what load put in re's cache, by its key
_name = ""  # the run whose patterns load put there (name(argv))


def _key() -> bytes:
    version = sys.version.replace("\n", " ")
    return f"{sys.implementation.cache_tag} {version} sre {_sre.MAGIC} {_sre.CODESIZE}".encode()


def name(argv: list[str]) -> str:
    """What the patterns of a run with these arguments (the script's, without its own name) are stored
    under: the command and each format it writes (`-f X`, `-fX`, `--format X`, `--format=X`, in order),
    so `check -f json` and `check -f parsable` keep a file each. Read before anything is imported, so by
    hand, not by click: a word it misreads only names another file."""
    command = argv[0] if argv and _word(argv[0]) else "other"
    formats: list[str] = []
    words = iter(argv[1:])
    for word in words:
        if word == "--":
            break
        if word in ("-f", "--format"):
            formats.append(next(words, ""))
        elif word.startswith("--format="):
            formats.append(word.removeprefix("--format="))
        elif word.startswith("-f") and not word.startswith("--"):
            formats.append(word[2:])
    return ".".join([command, *(fmt if _word(fmt) else "other" for fmt in formats)])


def _word(text: str) -> bool:
    """A command's or a format's name, fit for a file name (json-compact)."""
    return 0 < len(text) <= 16 and text.isascii() and text.replace("-", "").isalpha()


def _path(stem: str) -> str | None:
    """The file of a run's patterns (each command compiles its own, and each format: extract's ~270
    are not loaded by check, ~7M instructions of its start)."""
    folder = cache_folder("patterns")
    if folder is None:
        return None
    return os.path.join(folder, f"{stem[:120]}-{sys.implementation.cache_tag}-{zlib.crc32(_key()):08x}.marshal")


def _re_cache() -> dict[Any, Any] | None:
    cache = getattr(re, "_cache", None)
    return cache if isinstance(cache, dict) else None


def load(argv: list[str]) -> None:
    """Put the patterns stored for a run with these arguments (the script's, without its own name) in
    re's cache, made from their programs; save stores them again under the same name."""
    global _name
    _name = name(argv)
    cache = _re_cache()
    if cache is None:
        return
    try:
        for entry in _read(_name):
            pattern, flags, *made = entry
            key = (type(pattern), pattern, flags)
            cache[key] = _sre.compile(pattern, *made)
            _loaded[key] = entry
    except Exception:  # a cache must never stop a run: what is not loaded is compiled as usual
        return


def save() -> None:
    """Store the patterns in re's cache, in its order, if the run compiled any that load did not put
    there. The last LIMIT: as in re's own cache, the oldest go first (a pattern no longer compiled is
    dropped in time, one still compiled is stored again after it)."""
    cache, path = _re_cache(), _path(_name)
    if cache is None or path is None:
        return
    try:
        if all(key in _loaded for key in cache if _storable(key)):
            return
        entries = [_loaded.get(key) or _entry(key, made) for key, made in cache.items() if _storable(key)]
        kept = [entry for entry in entries if entry is not None][-LIMIT:]
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        temporary = os.path.join(folder, f".tmp-{os.getpid()}")
        with open(temporary, "wb") as handle:
            handle.write(_FORMAT + _key() + b"\n\n" + marshal.dumps(kept))
        os.replace(temporary, path)
    except Exception:  # a cache must never stop a run, nor change its exit code: not stored
        return


def stored(argv: list[str]) -> list[tuple[Any, int]]:
    """The patterns stored for a run with these arguments and this Python, with their flags, oldest first."""
    try:
        return [(entry[0], entry[1]) for entry in _read(name(argv))]
    except Exception:  # as load: a file that is not a cache holds nothing
        return []


def _read(stem: str) -> list[Entry]:
    """The stored entries: none when there is no file, or it is not a cache of this Python's."""
    path = _path(stem)
    if path is None:
        return []
    try:
        with open(path, "rb") as handle:
            head, _, body = handle.read().partition(b"\n\n")
    except OSError:
        return []
    entries: list[Entry] = marshal.loads(body) if head == _FORMAT + _key() else []
    return entries


def _storable(key: object) -> bool:
    return isinstance(key, tuple) and len(key) == 3 and key[0] in (str, bytes) and isinstance(key[2], int)


def _entry(key: Key, compiled: re.Pattern[Any]) -> Entry | None:
    """What re._compiler.compile gives _sre.compile for `key`, or None when _sre.compile does not make
    of it the Pattern that re made (a Python whose re works otherwise)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _, pattern, flags = key
    parsed = _parser.parse(pattern, flags)
    program = [int(op) for op in _compiler._code(parsed, flags)]  # its opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry: Entry = (
        pattern,
        int(flags),
        int(flags | parsed.state.flags),
        program,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return entry if _sre.compile(pattern, *entry[2:]) == compiled else None
