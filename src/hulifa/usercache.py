"""Where hulifa keeps what it caches for the user: $XDG_CACHE_HOME/hulifa (by default ~/.cache/hulifa),
one folder a kind (packs, patterns); HULIFA_NO_CACHE=1 turns every cache off. Stdlib `os` only: the
script asks before anything else is imported (hulifa.patterncache)."""

from __future__ import annotations

import os


def cache_folder(kind: str) -> str | None:
    """The folder for cached things of `kind`, or None when caching is off."""
    if os.environ.get("HULIFA_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # the XDG rule: a relative path is to be ignored
        return None
    return os.path.join(base, "hulifa", kind)
