"""Writing files the user asked for: never over an existing file without --force, never half-written."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TextIO

from hulifa.errors import InputError, fail


class AtomicFile:
    """A file written through a temporary file in the same folder and renamed into place on success.

    Used as a context manager: an exception inside the block (a full disk, Ctrl-C, MemoryError)
    removes the temporary file and leaves any existing file untouched. Text can be written in
    pieces, so a long report can stream into it.
    """

    def __init__(self, path: Path, *, force: bool = False) -> None:
        self.path = path
        self.display = str(path)
        if path.is_dir():
            raise fail(self.display, 1, 1, "这是一个目录", "this is a directory")
        if path.exists() and not force:
            raise fail(
                self.display, 1, 1, "文件已存在;如需覆盖请加 --force", "file exists; pass --force to overwrite it"
            )
        folder = path.parent if str(path.parent) else Path(".")
        try:
            import tempfile  # here, not at the top: it costs 3 ms of start-up, and most runs print

            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise self._error(exc) from None
        self.handle: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def _error(self, exc: OSError) -> InputError:
        return fail(self.display, 1, 1, f"无法写入:{exc.strerror}", f"cannot write: {exc.strerror}")

    def write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except OSError as exc:
            raise self._error(exc) from None

    def commit(self) -> None:
        try:
            self.handle.close()
            os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.abort()
            raise self._error(exc) from None

    def abort(self) -> None:
        self.handle.close()
        Path(self.tmp).unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` in one piece, atomically."""
    with AtomicFile(path, force=force) as out:
        out.write(text)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
