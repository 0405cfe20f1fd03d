"""Writing files the user asked for: never over an existing file without --force, never half-written,
never over one of the inputs, and never a device or pipe replaced by a regular file.

`open_output` picks how a target is written:
- `-` is standard output;
- a device, FIFO or socket (`/dev/null`, `/dev/stdout` on a terminal or pipe) is written to
  directly, as a shell redirection would: renaming a file over it would replace the device itself;
- a regular file (or a new one) is written through a temporary file in the same folder and moved
  into place on success. Without --force the move is `link(2)`, which fails if a file appeared
  meanwhile, so two runs racing to the same name never replace each other's output. A symlink is
  written through: the file it points at is replaced, never the link (`/dev/stdout` redirected to
  a file stays a link in /dev).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Protocol, TextIO

from hulifa.errors import InputError, fail

STDOUT = "-"


class Sink(Protocol):
    def write(self, text: str) -> None: ...

    def commit(self) -> None: ...

    def abort(self) -> None: ...


def identities(paths: Iterable[str | Path | None]) -> frozenset[tuple[int, int]]:
    """(st_dev, st_ino) of each path that exists: what "the same file" means, whatever its name."""
    found = set()
    for path in paths:
        if path is None or str(path) == STDOUT:
            continue
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(st.st_mode):
            found.add((st.st_dev, st.st_ino))
    return frozenset(found)


def check_target(path: Path, *, force: bool, inputs: frozenset[tuple[int, int]] = frozenset()) -> os.stat_result | None:
    """Refuse a target that cannot be written safely; return its stat (following links), None if new.

    Called before any work starts, so a run that could not write its output fails at once."""
    display = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise fail(display, 1, 1, "output.write_failed", strerror=exc.strerror) from None
    if stat.S_ISDIR(st.st_mode):
        raise fail(display, 1, 1, "output.directory")
    if not stat.S_ISREG(st.st_mode):
        return st  # a device or a pipe: written to, never replaced; there is nothing to overwrite
    if (st.st_dev, st.st_ino) in inputs:
        raise fail(
            display,
            1,
            1,
            "output.is_input",
        )
    if not force:
        raise fail(display, 1, 1, "output.exists")
    return st


def open_output(path: Path | str, *, force: bool = False, inputs: frozenset[tuple[int, int]] = frozenset()) -> Sink:
    """The sink for one output: stdout for `-`, a stream for a device or pipe, else an AtomicFile."""
    if str(path) == STDOUT:
        return StdoutSink()
    path = Path(path)
    st = check_target(path, force=force, inputs=inputs)
    if st is not None and not stat.S_ISREG(st.st_mode):
        return StreamFile(path)
    return AtomicFile(path, force=force, inputs=inputs)


class StdoutSink:
    def write(self, text: str) -> None:
        sys.stdout.write(text)

    def utf8(self) -> Callable[[bytes], object] | None:
        """See utf8_writer (Python translates "\n" on standard output where the line end differs)."""
        return utf8_writer(sys.stdout, os.linesep != "\n")

    def commit(self) -> None:
        sys.stdout.flush()

    def abort(self) -> None:
        sys.stdout.flush()


def utf8_writer(stream: TextIO, translates: bool) -> Callable[[bytes], object] | None:
    """Where text already encoded in UTF-8 (a spilled document) can go as its bytes: the stream's own
    bytes, after what was written as text, when the stream writes UTF-8 and leaves line ends alone
    (the bytes are then those of writing the text). None otherwise: the text must be written."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None or translates or codecs.lookup(stream.encoding).name != "utf-8":
        return None
    stream.flush()
    return buffer.write  # type: ignore[no-any-return]


class _Handle:
    """An output written through a text handle: a failed write names the output (see _cannot_write)."""

    display: str
    handle: TextIO

    def write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except OSError as exc:
            raise _cannot_write(self.display, exc) from None

    def utf8(self) -> Callable[[bytes], object] | None:
        """See utf8_writer: the handle is opened to write UTF-8 with no line-end translation."""
        write = utf8_writer(self.handle, False)
        if write is None:
            return None

        def checked(data: bytes) -> None:
            try:
                write(data)
            except OSError as exc:
                raise _cannot_write(self.display, exc) from None

        return checked


class StreamFile(_Handle):
    """A device, FIFO or socket, opened for writing without creating, truncating or renaming anything."""

    def __init__(self, path: Path) -> None:
        self.display = str(path)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
        except OSError as exc:
            raise _cannot_write(self.display, exc) from None
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        try:
            self.handle.close()
        except OSError as exc:
            raise _cannot_write(self.display, exc) from None

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()


# Temporary files made and not yet moved into place or removed.
_LIVE: set[str] = set()


def remove_temporary_files() -> None:
    """Remove every temporary file still open: the last thing the CLI does when a signal ends it."""
    for tmp in list(_LIVE):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _LIVE.discard(tmp)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP for the duration; they are delivered when it ends."""
    import signal

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


class AtomicFile(_Handle):
    """A file written through a temporary file in the same folder and moved into place on success.

    Used as a context manager: an exception inside the block (a full disk, Ctrl-C, SIGTERM,
    MemoryError) removes the temporary file and leaves any existing file untouched. Text can be
    written in pieces, so a long report can stream into it.
    """

    def __init__(self, path: Path, *, force: bool = False, inputs: frozenset[tuple[int, int]] = frozenset()) -> None:
        self.path = path
        self.display = str(path)
        self.force = force
        self.inputs = inputs
        check_target(path, force=force, inputs=inputs)
        # Through a symlink to the file it names: replacing the link itself could turn /dev/stdout
        # (a link to the terminal, or to a file the shell redirected to) into a regular file.
        self.real = Path(os.path.realpath(path)) if path.is_symlink() else path
        folder = self.real.parent if str(self.real.parent) else Path(".")
        import tempfile  # here, not at the top: it costs 3 ms of start-up, and most runs print

        # Created and recorded with signals held: a SIGTERM inside mkstemp would otherwise leave a
        # file whose name nobody knows. The CLI removes what is recorded when a signal ends the run.
        with _signals_held():
            try:
                fd, self.tmp = tempfile.mkstemp(prefix=f".{self.real.name}.", suffix=".tmp", dir=folder)
            except OSError as exc:
                raise _cannot_write(self.display, exc) from None
            _LIVE.add(self.tmp)
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        try:
            self.handle.close()
            os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
            # Looked at again: in the time the run took, the name may have become an input or a device.
            st = check_target(self.real, force=True, inputs=self.inputs)
            if st is not None and not stat.S_ISREG(st.st_mode):
                raise _appeared(self.display)
            if self.force:
                os.replace(self.tmp, self.real)
            else:
                self._place_exclusively()
            _LIVE.discard(self.tmp)
        except InputError:
            self.abort()
            raise
        except OSError as exc:
            self.abort()
            raise _cannot_write(self.display, exc) from None

    def _place_exclusively(self) -> None:
        """Move the temporary file to a name that must not exist: link(2) fails with EEXIST if it does."""
        try:
            os.link(self.tmp, self.real)
        except FileExistsError:
            raise _appeared(self.display) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
                raise
            self._copy_exclusively()  # a file system without hard links (FAT, some FUSE mounts)
        Path(self.tmp).unlink(missing_ok=True)

    def _copy_exclusively(self) -> None:
        try:
            fd = os.open(self.real, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            raise _appeared(self.display) from None
        try:
            with open(self.tmp, "rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
        except BaseException:
            self.real.unlink(missing_ok=True)  # ours, made a moment ago by O_EXCL: never half-written
            raise

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        Path(self.tmp).unlink(missing_ok=True)
        _LIVE.discard(self.tmp)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def write_output(
    path: Path | str, text: str, *, force: bool = False, inputs: frozenset[tuple[int, int]] = frozenset()
) -> None:
    """Write `text` to `path` (or stdout for `-`) in one piece: atomically for a regular file."""
    sink = open_output(path, force=force, inputs=inputs)
    try:
        sink.write(text)
    except BaseException:
        sink.abort()
        raise
    sink.commit()


def _cannot_write(display: str, exc: OSError) -> InputError:
    return fail(display, 1, 1, "output.write_failed", strerror=exc.strerror)


def _appeared(display: str) -> InputError:
    return fail(
        display,
        1,
        1,
        "output.created_meanwhile",
    )


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
