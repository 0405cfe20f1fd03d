"""Files to text, for report data and report text alike: the size limit, read errors, and encodings.

Encodings are those reports arrive in: UTF-8 with or without a BOM, UTF-16 and UTF-32 with a BOM,
UTF-16 without one (sniffed from its NUL bytes), an HTML page's declared charset, and GB18030 (a
superset of GBK and GB2312). Line endings come back as "\\n". Every failure is an InputError with
the line and column of the first byte that did not fit.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from hulifa.errors import InputError, fail

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A pattern, compiled (through re's cache) when an HTML file is read: not at every start (0.35 ms).
_CHARSET = r"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)"""


def max_bytes() -> int:
    """The size limit, configurable by HULIFA_MAX_BYTES (bytes) for unusually large files.

    Unset or empty means the default. Anything but a positive whole number of bytes is refused,
    with what it is set to: a typo must not silently lift the limit or make every file too large."""
    raw = os.environ.get("HULIFA_MAX_BYTES", "")
    if not raw.strip():
        return DEFAULT_MAX_BYTES
    text = raw.strip()
    if text.isascii() and text.isdigit() and 0 < int(text) <= 1 << 40:
        return int(text)
    from hulifa.textsafe import visible

    shown = visible(raw)[:40]
    raise fail(
        "HULIFA_MAX_BYTES",
        1,
        1,
        "input.env.max_bytes",
        shown=shown,
        example=DEFAULT_MAX_BYTES,
    )


def read_bytes(path: Path, display: str, limit: int | None = None) -> bytes:
    """A file's bytes, refusing directories, devices, named FIFOs and files over the limit.

    A pipe (`-`, `<(…)`, /dev/stdin) is read as a stream up to the limit: its size says nothing.
    The file is opened without blocking, so a FIFO nobody writes to cannot hang the read."""
    limit = max_bytes() if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (FileNotFoundError, ValueError):  # ValueError: a NUL byte in the path, which names no file
        raise fail(display, 1, 1, "input.file.missing") from None
    except (IsADirectoryError, PermissionError) as exc:
        if isinstance(exc, IsADirectoryError) or path.is_dir():  # Windows says "permission denied"
            raise fail(display, 1, 1, "input.file.directory") from None
        raise fail(display, 1, 1, "input.file.permission") from None
    except OSError as exc:
        raise fail(display, 1, 1, "input.file.unreadable", strerror=exc.strerror) from None
    try:
        info = os.fstat(fd)  # one open and one fstat: a batch reads 100,000 files
        if stat.S_ISDIR(info.st_mode):
            os.close(fd)
            raise fail(display, 1, 1, "input.file.directory")
        with open(fd, "rb", closefd=True) as handle:
            mode = info.st_mode
            if stat.S_ISREG(mode):
                _check_size(info.st_size, limit, display)
                # read(limit + 1) would allocate the whole limit (5 MiB) for every 7 KB file
                return handle.read(min(info.st_size, limit) + 1)
            if not stat.S_ISFIFO(mode) or not is_stream(path):
                from hulifa.messages import reason

                kind = reason("file.fifo" if stat.S_ISFIFO(mode) else "file.device")
                raise fail(display, 1, 1, "input.file.not_regular", kind=kind)
            os.set_blocking(fd, True)
            data = _read_stream(handle, limit)
            _check_size(len(data), limit, display)
            return data
    except InputError:
        raise
    except OSError as exc:
        raise fail(display, 1, 1, "input.file.unreadable", strerror=exc.strerror) from None


def is_stream(path: Path) -> bool:
    """True for an anonymous pipe named by /dev/fd/N, /dev/stdin or /proc/self/fd/N (what `<(…)` gives)."""
    try:
        return os.readlink(path).startswith("pipe:")
    except (OSError, ValueError):
        return False


def read_stream(handle: BinaryIO, display: str, limit: int | None = None) -> bytes:
    """Everything from a stream (standard input), refusing more than the limit."""
    limit = max_bytes() if limit is None else limit
    data = _read_stream(handle, limit)
    _check_size(len(data), limit, display)
    return data


def _read_stream(handle: BinaryIO, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = handle.read(min(1 << 16, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _check_size(size: int, limit: int, display: str) -> None:
    if size > limit:
        raise fail(
            display,
            1,
            1,
            "input.file.too_large",
            size=size,
            limit=limit,
        )


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of a byte offset."""
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def is_text_encoding(name: str) -> bool:
    """A codec that turns bytes into text: not rot13, base64, zlib or hex (bytes to bytes, or str to
    str), and not `undefined`, which refuses everything."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return False
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return False
    try:
        return isinstance(b"hulifa".decode(name), str)
    except (UnicodeError, LookupError, TypeError, ValueError):
        return False


# GB18030 decodes almost any bytes. Text that really is Chinese is made, almost entirely, of GB2312
# characters (the 6,763 common hanzi and the usual punctuation); Latin-1 `Zürich` read as GB18030
# gives `Z黵ich` and Big5 gives a mix of rare and traditional forms. Below this share of GB2312
# characters among the non-ASCII ones, the fallback is refused and --encoding asked for.
_PLAUSIBLE_SHARE = 0.8


@functools.lru_cache(maxsize=1)
def _gb2312() -> frozenset[str]:
    pairs = bytes(b for lead in range(0xA1, 0xF8) for trail in range(0xA1, 0xFF) for b in (lead, trail))
    # unassigned places decode to U+FFFD, which is not plausible either
    return frozenset(pairs.decode("gb2312", errors="replace")) - {"\ufffd"}


def _plausible_chinese(text: str) -> bool:
    sample = [ch for ch in text[:200_000] if ord(ch) > 0x7F and not ch.isspace()]
    if not sample:
        return True
    common = _gb2312()
    # CJK extension B and beyond come only from GB18030's four-byte form (a digit in second place),
    # which neither Latin-1 text nor Big5 produces: a rare name character, not a misreading.
    return sum(ch in common or ord(ch) >= 0x20000 for ch in sample) >= _PLAUSIBLE_SHARE * len(sample)


def _implausible(data: bytes, text: str, file: str) -> InputError:
    from hulifa.textsafe import visible

    common = _gb2312()
    first = next((i for i, ch in enumerate(text) if 0x7F < ord(ch) < 0x20000 and ch not in common), 0)
    odd = visible(text[first : first + 1])
    line = text.count("\n", 0, first) + 1
    names = _candidates(data)
    return fail(
        file,
        line,
        1,
        "input.encoding.unknown",
        odd=odd,
        names=names,
    )


def _candidates(data: bytes) -> str:
    """The encodings these bytes decode in, for the message that asks for --encoding."""
    return ", ".join([n for n in ("big5", "shift_jis", "euc-kr", "cp1252") if _decodes(data, n)] + ["latin-1"])


def _decodes(data: bytes, name: str) -> bool:
    try:
        data.decode(name)
    except UnicodeError:
        return False
    return True


# What a BOM or the default settles: these need no word. Anything else that decode_bytes chose by
# itself (GB18030, UTF-16 sniffed without a BOM, an HTML page's declared charset) is named in the
# output, so a misreading that passed the plausibility check can still be seen.
# "docx" and "pdf" stand for text that the format itself encodes (textload.read_text).
_SETTLED = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32", "docx", "pdf"})


def fallback(used: str, given: str | None) -> str:
    """The encoding to name in the output: `used` when decode_bytes chose it by fallback, else ""
    (UTF-8, a BOM, or `given` by --encoding)."""
    return "" if given or used in _SETTLED else used


def fallback_note(name: str) -> tuple[str, str]:
    """The one wording (Chinese, English) that says a file was read in a fallback encoding (note.encoding)."""
    from hulifa.messages import input_text

    note = input_text("note.encoding", (("encoding", name),))
    return note.zh, note.en


def decode_bytes(data: bytes, file: str, encoding: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """Decode report bytes; return (text, encoding used). Raise InputError when nothing fits."""
    if encoding:
        if not is_text_encoding(encoding):
            from hulifa.textsafe import visible

            shown = visible(encoding)[:40]
            raise fail(
                file,
                1,
                1,
                "input.encoding.not_text",
                shown=shown,
            ) from None
        try:
            return normalise_newlines(data.decode(encoding).lstrip("\ufeff")), encoding
        except UnicodeDecodeError as exc:
            line, col = line_col(data, exc.start)
            raise fail(
                file,
                line,
                col,
                "input.encoding.undecodable",
                encoding=encoding,
                start=exc.start,
                reason=exc.reason,
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(name)), name
            except UnicodeDecodeError as exc:
                # count lines in what did decode: in UTF-16/32, a 0x0A byte is not always a newline
                good = data[: exc.start].decode(name, errors="replace")
                line, col = good.count("\n") + 1, len(good) - (good.rfind("\n") + 1) + 1
                label = name.upper().replace("-SIG", "")
                raise fail(
                    file,
                    line,
                    col,
                    "input.encoding.corrupt_bom",
                    label=label,
                ) from None
    if not html and b"\x00" not in data:  # the usual file: UTF-8, no NUL, no BOM
        try:
            return normalise_newlines(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
    candidates = ["utf-8"]
    if html:
        match = re.search(_CHARSET, data[:4096].decode("ascii", errors="replace"), re.IGNORECASE)
        declared = match.group(1).lower() if match else ""
        if declared and declared not in ("utf-8", "utf8"):
            candidates.append("gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared)
    if data[:200].count(b"\x00") > 20:  # UTF-16 without a BOM: NUL bytes in every other place
        little = data[1:200:2].count(b"\x00") > data[0:200:2].count(b"\x00")
        candidates.insert(0, "utf-16-le" if little else "utf-16-be")
    candidates.append("gb18030")
    first_error: UnicodeDecodeError | None = None
    for name in dict.fromkeys(candidates):
        if not is_text_encoding(name):  # <meta charset=undefined>, rot13, base64: not a text encoding
            continue
        try:
            text = data.decode(name)
        except LookupError:
            continue
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        if "\x00" in text:
            continue
        if name == "gb18030" and not _plausible_chinese(text):
            raise _implausible(data, text, file)
        return normalise_newlines(text), name
    line, col = line_col(data, first_error.start if first_error else 0)
    raise fail(
        file,
        line,
        col,
        "input.encoding.neither",
        names=_candidates(data),
    )
