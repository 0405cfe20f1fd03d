"""The bundled rule packs, loaded and checked once, then kept in the user's cache folder.

Building the default pack (parse its YAML, make every rule, cross-check) is a large part of a cold
start; reading it back from a pickle is a few milliseconds. A cached pack is used only when its key
matches: the size and modification time (in nanoseconds) of every bundled pack and of each of
hulifa's own source files, where they are, and the Python version, as Python itself validates its
bytecode. The key is kept whole in the cached file's first line and compared there, so no hash
module is imported at start (hashlib loads OpenSSL: ~2 ms); a CRC of it only names the file.
Anything else (another key, a truncated or unreadable file, an old format) is ignored and the pack is
built again; a cache folder that cannot be written is no error, only no cache. Packs a user names by
path are not cached: they are validated against the schema on every run.

Where: $XDG_CACHE_HOME/hulifa/packs (by default ~/.cache/hulifa/packs); HULIFA_NO_CACHE=1 turns the
cache off. The pickle is the user's own file in the user's own folder, trusted like ~/.bashrc.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from hulifa import model
from hulifa.usercache import cache_folder

try:  # the C unpickler alone: pickle.py (its Python Pickler and Unpickler, ~1,800 lines) is what a
    # cached pack is written with, never read with: importing it was 1.4% of a cold start (callgrind)
    from _pickle import UnpicklingError, loads
except ImportError:  # a Python without the accelerator
    from pickle import UnpicklingError, loads

_FORMAT = b"hulifa-pack-cache 3\n"  # 3: Rule and RulePack pickle themselves (model._Frozen)


def cache_dir() -> Path | None:
    """The folder for cached packs, or None when caching is off."""
    folder = cache_folder("packs")
    return None if folder is None else Path(folder)


def key(pack: Path, code: Path | None = None) -> str:
    """What a cached form of `pack` must have been made from: one line, the same only while the packs
    beside it and hulifa's code in `code` (its own package folder by default) are unchanged."""
    folder = pack.parent
    parts = [sys.version.replace("\n", " "), pack.name]
    for name in sorted(os.listdir(folder)):  # a pack may extend another bundled pack
        if name.endswith(".yaml"):
            parts.append(_stamp(str(folder / name)))
    code = code or Path(model.__file__).parent
    for root, dirs, files in os.walk(code):
        dirs.sort()
        parts.extend(_stamp(os.path.join(root, name)) for name in sorted(files) if name.endswith(".py"))
    return "\t".join(parts)


def _stamp(path: str) -> str:
    stat = os.stat(path)
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def load(pack: Path, build: Callable[[], model.RulePack]) -> model.RulePack:
    """The pack at `pack` (a bundled one): from the cache when its key matches, else built and cached."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        want = key(pack)
    except OSError:
        return build()
    path = folder / f"{pack.stem}-{zlib.crc32(os.fsencode(want)):08x}.pickle"
    try:
        blob = path.read_bytes()
        head, _, body = blob.partition(b"\n\n")
        if head == _FORMAT + os.fsencode(want):
            cached = loads(body)
            if isinstance(cached, model.RulePack):
                return cached
    except (OSError, UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass  # not there, or not ours: built again below
    result = build()
    _store(folder, path, want, result, pack.stem)
    return result


def _store(folder: Path, path: Path, want: str, pack: model.RulePack, pack_name: str) -> None:
    import pickle
    import tempfile  # only when a cache is written: ~3 ms of imports (random, hashlib) at start otherwise

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    except OSError:
        return  # no cache folder to be had: no cache
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_FORMAT + os.fsencode(want) + b"\n\n")
            pickle.dump(pack, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        stale = time.time() - 7 * 86400  # another checkout's may be in use: only week-old ones go
        for old in folder.glob(f"{pack_name}-*.pickle"):
            if old != path and old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
