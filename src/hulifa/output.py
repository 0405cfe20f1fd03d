"""Writing files the user asked for: never over an existing file without --force, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hulifa.errors import fail


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write via a temporary file in the same folder and rename it into place."""
    display = str(path)
    if path.exists() and not force:
        raise fail(display, 1, 1, "文件已存在;如需覆盖请加 --force", "file exists; pass --force to overwrite it")
    if path.is_dir():
        raise fail(display, 1, 1, "这是一个目录", "this is a directory")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise fail(display, 1, 1, f"无法写入:{exc.strerror}", f"cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp, path)
    except BaseException as exc:  # a full disk, but also Ctrl-C or MemoryError mid-write: leave no temp file
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise fail(display, 1, 1, f"无法写入:{exc.strerror}", f"cannot write: {exc.strerror}") from None
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
