"""Hypothesis strategy for hostile PDFs: the real sample PDFs (tests/extract/samples/pdf*/input.pdf),
damaged the ways a broken producer, a truncated download or an attacker damages them.

`pdf_inputs()` draws one seed PDF and applies one to three mutations:

* bytes: flip, insert or delete a few bytes anywhere; truncate the file;
* objects: remove an object, or insert a bogus one (a duplicate number, a dangling reference);
* xref: damage the cross-reference table's offsets or the `startxref` pointer;
* streams: flip bytes inside a Flate stream, state a wrong `/Length`, or replace a page's content
  with a stream that inflates to many MiB;
* structure, as an incremental update (what a PDF editor appends): a page tree that loops back on
  itself, a chain of thousands of indirect references, a page tree of many pages.

The mutations work on the text of the objects, as the sample PDFs have a classic xref table and no
object streams. Everything here is deterministic given hypothesis's draws.
"""

from __future__ import annotations

import re
import zlib
from functools import cache, lru_cache
from pathlib import Path

from hypothesis import strategies as st

SAMPLES = Path(__file__).resolve().parents[1] / "extract" / "samples"
SEEDS = sorted(SAMPLES.glob("pdf*/input.pdf"))
_OBJECT = re.compile(rb"(?m)^(\d+) 0 obj\b")
_STREAM = re.compile(rb"stream\r?\n")
_LENGTH = re.compile(rb"/Length (\d+)")
MIB = 1 << 20


@cache
def seed_bytes(index: int) -> bytes:
    return SEEDS[index].read_bytes()


@lru_cache(maxsize=8)
def _objects(data: bytes) -> tuple[tuple[int, int, int], ...]:
    """(number, start, end) of every `N 0 obj … endobj` of a seed, end just past `endobj`."""
    out = []
    for match in _OBJECT.finditer(data):
        end = data.find(b"endobj", match.end())
        if end >= 0:
            out.append((int(match.group(1)), match.start(), end + len(b"endobj")))
    return tuple(out)


def _find(data: bytes, pattern: bytes) -> list[tuple[int, int, int]]:
    return [obj for obj in _objects(data) if pattern in data[obj[1] : min(obj[2], obj[1] + 400)]]


def _root_pages(data: bytes) -> int | None:
    for number, start, end in _find(data, b"/Type /Pages"):
        if b"/Parent" not in data[start:end]:
            return number
    return None


def _size(data: bytes) -> int:
    match = re.search(rb"/Size (\d+)", data[-2048:])
    return int(match.group(1)) if match else max((n for n, _, _ in _objects(data)), default=0) + 1


def update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """`data` with an incremental update appended that (re)defines `objects`, as an editor saves one."""
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for number, offset in sorted(offsets.items()):
        out += f"{number} 1\n{offset:010d} 00000 n \n".encode()
    root = re.search(rb"/Root (\d+) 0 R", data[-4096:])
    previous = data.rfind(b"startxref")
    prev = re.match(rb"startxref\s+(\d+)", data[previous:]) if previous >= 0 else None
    size = max(_size(data), max(objects) + 1)
    trailer = f"<< /Size {size} /Root {root.group(1).decode() if root else 1} 0 R"
    if prev:
        trailer += f" /Prev {prev.group(1).decode()}"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def flate_bomb(mib: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b"BT ET " * (MIB // 6)
    return b"".join(packer.compress(chunk) for _ in range(mib)) + packer.flush()


@st.composite
def _mutate(draw: st.DrawFn, data: bytes) -> tuple[str, bytes]:
    kind = draw(
        st.sampled_from(
            [
                "flip",
                "truncate",
                "remove-object",
                "insert-object",
                "xref",
                "flate",
                "length",
                "huge-flate",
                "loop",
                "deep",
                "many-pages",
            ]
        )
    )
    if len(data) < 2:  # truncated to nothing by an earlier mutation
        return "empty", data
    objects = _objects(data)
    if kind == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 16))):
            i = draw(st.integers(0, len(out) - 1))
            op = draw(st.sampled_from(["set", "insert", "delete"]))
            if op == "set":
                out[i] = draw(st.integers(0, 255))
            elif op == "insert":
                out[i:i] = draw(st.binary(min_size=1, max_size=8))
            else:
                del out[i : i + draw(st.integers(1, 64))]
        return kind, bytes(out)
    if kind == "truncate":
        return kind, data[: draw(st.integers(0, len(data) - 1))]
    if kind == "remove-object" and objects:
        _, start, end = draw(st.sampled_from(objects))
        return kind, data[:start] + data[end:]
    if kind == "insert-object" and objects:
        number, start, _ = draw(st.sampled_from(objects))
        body = draw(
            st.sampled_from(
                [
                    b"<< /Type /Page /Parent 9999 0 R /Contents 9998 0 R >>",
                    b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % number,
                    b"<< /Length 99999999 >>\nstream\nBT ET\nendstream",
                    b"[" * 2000 + b"]" * 2000,
                    b"<<" * 500 + b">>" * 500,
                    b"(" + b"\\" * 100 + b")",
                ]
            )
        )
        return kind, data[:start] + f"{number} 0 obj\n".encode() + body + b"\nendobj\n" + data[start:]
    if kind == "xref":
        at = data.rfind(b"startxref")
        if draw(st.booleans()) and at >= 0:
            end = data.find(b"%%EOF", at)
            pointer = draw(st.sampled_from([b"0", b"-1", b"99999999999", b"12", b"x"]))
            return kind, data[:at] + b"startxref\n" + pointer + b"\n" + (data[end:] if end >= 0 else b"")
        table = data.rfind(b"xref\n")
        if table < 0:
            return kind, data
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(table, min(len(out) - 1, table + 20 * (len(objects) + 2))))
            out[i] = draw(st.sampled_from(b"0123456789 nf\n"))
        return kind, bytes(out)
    streams = [m.end() for m in _STREAM.finditer(data)]
    if kind == "flate" and streams:
        start = draw(st.sampled_from(streams))
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            i = min(len(out) - 1, start + draw(st.integers(0, 400)))
            out[i] = draw(st.integers(0, 255))
        return kind, bytes(out)
    lengths = list(_LENGTH.finditer(data))
    if kind == "length" and lengths:
        match = draw(st.sampled_from(lengths))
        value = draw(st.sampled_from([b"0", b"1", b"-5", b"999999999999", b"3 0 R", b"/Foo"]) | st.just(b"%d" % 7))
        return kind, data[: match.start(1)] + value + data[match.end(1) :]
    pages = _find(data, b"/Type /Page\n") + _find(data, b"/Type /Page ") + _find(data, b"/Type /Page/")
    pages = [p for p in pages if b"/Type /Pages" not in data[p[1] : p[2]]]
    root = _root_pages(data)
    size = _size(data)
    if kind == "huge-flate" and pages:
        number, start, end = draw(st.sampled_from(pages))
        stream = flate_bomb(draw(st.integers(1, 48)))
        body = re.sub(rb"/Contents [^/>]+", f"/Contents {size} 0 R ".encode(), data[start:end])
        body = body.split(b" 0 obj", 1)[1].rsplit(b"endobj", 1)[0].strip()
        blob = f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream"
        return kind, update(data, {number: body, size: blob})
    if kind == "loop" and root is not None:
        loop = draw(
            st.sampled_from(
                [
                    f"<< /Type /Pages /Kids [{root} 0 R] /Count 1 >>",
                    f"<< /Type /Pages /Kids [{size} 0 R] /Count 2 >>",
                    f"<< /Type /Pages /Parent {root} 0 R /Kids [{root} 0 R {root} 0 R] /Count 4 >>",
                ]
            )
        )
        extra = {size: f"<< /Type /Pages /Parent {root} 0 R /Kids [{root} 0 R] /Count 1 >>".encode()}
        return kind, update(data, {root: loop.encode(), **extra})
    if kind == "deep" and pages:
        depth = draw(st.integers(100, 20000))
        number, start, end = draw(st.sampled_from(pages))
        body = data[start:end].split(b" 0 obj", 1)[1].rsplit(b"endobj", 1)[0].strip()
        body = re.sub(rb"/Contents [^/>]+", f"/Contents {size} 0 R ".encode(), body)
        chain = {size + i: f"{size + i + 1} 0 R".encode() for i in range(depth)}
        chain[size + depth] = f"{size} 0 R".encode() if draw(st.booleans()) else b"<< /Length 0 >>\nstream\n\nendstream"
        return kind, update(data, {number: body, **chain})
    if kind == "many-pages" and root is not None and pages:
        count = draw(st.sampled_from([501, 5000, 100_000]))
        first = pages[0][0]
        kids = f"{first} 0 R " * min(count, 20000)
        return kind, update(data, {root: f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()})
    return "flip-fallback", data[:-1]


@st.composite
def pdf_inputs(draw: st.DrawFn, seeds: tuple[int, ...] | None = None) -> tuple[str, bytes]:
    """(what was done, bytes) of a damaged real PDF; `seeds` picks among SEEDS by index."""
    index = draw(st.sampled_from(seeds if seeds is not None else tuple(range(len(SEEDS)))))
    data = seed_bytes(index)
    done = [SEEDS[index].parent.name]
    for _ in range(draw(st.integers(1, 3))):
        kind, data = draw(_mutate(data))
        done.append(kind)
    return " ".join(done), data
