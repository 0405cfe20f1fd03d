"""Files to text, for report data and report text alike: the size limit, read errors, and encodings.

Encodings are those reports arrive in: UTF-8 with or without a BOM, UTF-16 and UTF-32 with a BOM,
UTF-16 without one (sniffed from its NUL bytes), an HTML page's declared charset, and GB18030 (a
superset of GBK and GB2312). Line endings come back as "\\n". Every failure is an InputError with
the line and column of the first byte that did not fit.
"""

from __future__ import annotations

import codecs
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
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def max_bytes() -> int:
    """The size limit, configurable by HULIFA_MAX_BYTES (bytes) for unusually large files."""
    raw = os.environ.get("HULIFA_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def read_bytes(path: Path, display: str, limit: int | None = None) -> bytes:
    """A file's bytes, refusing directories, devices, named FIFOs and files over the limit.

    A pipe (`-`, `<(…)`, /dev/stdin) is read as a stream up to the limit: its size says nothing.
    The file is opened without blocking, so a FIFO nobody writes to cannot hang the read."""
    limit = max_bytes() if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise fail(display, 1, 1, "文件不存在", "no such file") from None
    except (IsADirectoryError, PermissionError) as exc:
        if isinstance(exc, IsADirectoryError) or path.is_dir():  # Windows says "permission denied"
            raise fail(display, 1, 1, "这是一个目录,不是文件", "this is a directory, not a file") from None
        raise fail(display, 1, 1, "没有读取权限", "permission denied") from None
    except OSError as exc:
        raise fail(display, 1, 1, f"无法读取文件:{exc.strerror}", f"cannot read file: {exc.strerror}") from None
    try:
        info = os.fstat(fd)  # one open and one fstat: a batch reads 100,000 files
        if stat.S_ISDIR(info.st_mode):
            os.close(fd)
            raise fail(display, 1, 1, "这是一个目录,不是文件", "this is a directory, not a file")
        with open(fd, "rb", closefd=True) as handle:
            mode = info.st_mode
            if stat.S_ISREG(mode):
                _check_size(info.st_size, limit, display)
                # read(limit + 1) would allocate the whole limit (5 MiB) for every 7 KB file
                return handle.read(min(info.st_size, limit) + 1)
            if not stat.S_ISFIFO(mode) or not is_stream(path):
                kind = "命名管道(FIFO)" if stat.S_ISFIFO(mode) else "设备或套接字"
                kind_en = "a named FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
                raise fail(
                    display,
                    1,
                    1,
                    f"不是普通文件({kind}),拒绝读取;数据流请用 - 或 <(…) 传入",
                    f"not a regular file ({kind_en}); refused. Pass a stream as - or <(…)",
                )
            os.set_blocking(fd, True)
            data = _read_stream(handle, limit)
            _check_size(len(data), limit, display)
            return data
    except InputError:
        raise
    except OSError as exc:
        raise fail(display, 1, 1, f"无法读取文件:{exc.strerror}", f"cannot read file: {exc.strerror}") from None


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
            f"文件过大({size} 字节,上限 {limit});如确需检查,请设置 HULIFA_MAX_BYTES",
            f"file too large ({size} bytes, limit {limit}); set HULIFA_MAX_BYTES to raise the limit",
        )


def line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of a byte offset."""
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def decode_bytes(data: bytes, file: str, encoding: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """Decode report bytes; return (text, encoding used). Raise InputError when nothing fits."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise fail(file, 1, 1, f"未知的编码「{encoding}」", f"unknown encoding '{encoding}'") from None
        try:
            return normalise_newlines(data.decode(encoding).lstrip("\ufeff")), encoding
        except UnicodeDecodeError as exc:
            line, col = line_col(data, exc.start)
            raise fail(
                file,
                line,
                col,
                f"无法按 {encoding} 解码(第 {exc.start} 字节)",
                f"cannot decode as {encoding} (byte {exc.start}): {exc.reason}",
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
                    f"{label} 文件已损坏:以字节序标记开头,但内容无法按 {label} 解码",
                    f"corrupt {label} file: it starts with a byte-order mark but does not decode as {label}",
                ) from None
    if not html and b"\x00" not in data:  # the usual file: UTF-8, no NUL, no BOM
        try:
            return normalise_newlines(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
    candidates = ["utf-8"]
    if html:
        match = _CHARSET.search(data[:4096].decode("ascii", errors="replace"))
        declared = match.group(1).lower() if match else ""
        if declared and declared not in ("utf-8", "utf8"):
            candidates.append("gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared)
    if data[:200].count(b"\x00") > 20:  # UTF-16 without a BOM: NUL bytes in every other place
        little = data[1:200:2].count(b"\x00") > data[0:200:2].count(b"\x00")
        candidates.insert(0, "utf-16-le" if little else "utf-16-be")
    candidates.append("gb18030")
    first_error: UnicodeDecodeError | None = None
    for name in dict.fromkeys(candidates):
        try:
            codecs.lookup(name)
            text = data.decode(name)
        except LookupError:
            continue
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        if "\x00" in text:
            continue
        return normalise_newlines(text), name
    line, col = line_col(data, first_error.start if first_error else 0)
    raise fail(
        file,
        line,
        col,
        "无法解码:既不是 UTF-8 也不是 GB18030(或 UTF-16);请用 --encoding 指定编码",
        "cannot decode: neither UTF-8 nor GB18030 (nor UTF-16); name the encoding with --encoding",
    )
