"""PDF bytes to positioned text lines with PDFium, run in a child process that cannot run away.

`python -m hulifa.extract.pdfread FILE MAX_PAGES MAX_CHARS MAX_MEMORY` prints one JSON object on
stdout: ``{"pages": [{"height": h, "images": n, "lines": [line, ...]}, ...]}`` or ``{"error": kind,
"detail": text}``. A line is ``[text, x0, x1, top, size, rotated, cells]`` in PDF points (origin bottom left);
a wide gap between two characters of a line (a table cell border) comes out as a TAB, and `cells` is
then the ``[x0, x1]`` of each cell, so a row can be set against the columns of the row above. The parent
(hulifa.extract.pdf) starts it with a timeout; here the address space and CPU time are capped too, so
a PDF bomb (huge page count, a stream that inflates to gigabytes, a page that never finishes) ends as
an error instead of a hang or an out-of-memory kill of the whole run.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

_ROTATED = 0.05  # radians: text turned more than ~3 degrees is a diagonal watermark, not body text
# A space wider than this share of the type size is a table's cell border: Word's default cell margins
# (0.19 cm a side) leave about one character between two header cells (受理（件） 办结（件）), which at 1.2
# were read as one cell; a word space is a quarter of a character.
_CELL_GAP = 0.8
# Two numbers in cells with tight padding (2-4pt a side: 0.43-0.71 of a character apart at 10.5pt, as
# Chromium prints them) stand closer than that, yet wider than a word space (a quarter, 0.3 with the
# digits' side bearings): in a row that has a cell border already, such a space is one too; "1,286 1,104
# +182" was one cell, and no figure.
_NUMBER_GAP = 0.4
_NUMBER_END = frozenset("0123456789%‰")
_NUMBER_START = frozenset("0123456789+-−－—")


def _limit(max_memory: int, seconds: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout still holds
        return
    for what, value in ((resource.RLIMIT_AS, max_memory), (resource.RLIMIT_CPU, seconds)):
        try:
            _, hard = resource.getrlimit(what)
            cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(what, (cap, hard))
        except (ValueError, OSError):
            pass


def _cells(out: list[str], inks: list[tuple[float, float] | None]) -> list[list[float]]:
    """The [x0, x1] of each tab-separated cell of a row, from its characters' ink."""
    cells: list[list[float]] = [[math.inf, -math.inf]]
    for char, ink in zip(out, inks, strict=True):
        if char == "\t":
            cells.append([math.inf, -math.inf])
        elif ink is not None:
            cells[-1] = [min(cells[-1][0], ink[0]), max(cells[-1][1], ink[1])]
    return [c for c in cells if c[0] <= c[1]]


def _lines(textpage: Any, raw: Any) -> list[list[Any]]:
    """The page's text lines in PDFium's reading order, with their horizontal extent and size."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: one Python char, two PDFium chars
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if len(text) != count:
            text = text.ljust(count)[:count]
    lines: list[list[Any]] = []
    chars: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    sizes: list[float] = []
    turned = 0

    def flush() -> None:
        nonlocal turned
        inked = [(c, b) for c, b in zip(chars, boxes, strict=True) if not c.isspace() and b[2] > b[0]]
        if inked:
            out: list[str] = []
            inks: list[tuple[float, float] | None] = []  # each character's extent, where it has ink
            last_right: float | None = None
            size = sorted(sizes)[len(sizes) // 2] if sizes else 0.0
            numbers: list[int] = []  # spaces between two numbers wider than a word space
            for char, box in zip(chars, boxes, strict=True):
                if char.isspace():
                    out.append(" ")
                    inks.append(None)
                    continue
                if last_right is not None and out and out[-1] == " ":
                    gap = box[0] - last_right
                    if gap > _CELL_GAP * max(size, 1):
                        out[-1] = "\t"  # a gap near a character's width: the next table cell
                    elif (
                        gap > _NUMBER_GAP * max(size, 1)
                        and out[-2:-1]
                        and out[-2] in _NUMBER_END
                        and char in _NUMBER_START
                    ):
                        numbers.append(len(out) - 1)
                out.append(char)
                inks.append((box[0], box[2]) if box[2] > box[0] else None)
                if box[2] > box[0]:
                    last_right = box[2]
            if "\t" in out:  # a table's row: its numbers in tight cells are cells too
                for i in numbers:
                    out[i] = "\t"
            x0 = min(b[0] for _, b in inked)
            x1 = max(b[2] for _, b in inked)
            top = max(b[3] for _, b in inked)
            cells = _cells(out, inks) if "\t" in out else []
            lines.append(["".join(out).strip(" "), x0, x1, top, size, turned * 2 > len(inked), cells])
        chars.clear()
        boxes.clear()
        sizes.clear()
        turned = 0

    for i, char in enumerate(text):
        if char in "\r\n":
            if chars:
                flush()
            continue
        box = textpage.get_charbox(i)
        chars.append(char)
        boxes.append(box)
        if not char.isspace() and box[2] > box[0]:
            sizes.append(round(raw.FPDFText_GetFontSize(textpage.raw, i), 1))
            angle = raw.FPDFText_GetCharAngle(textpage.raw, i)
            if _ROTATED < angle < 2 * math.pi - _ROTATED:
                turned += 1
    if chars:
        flush()
    return lines


def read(path: str, max_pages: int, max_chars: int) -> dict[str, Any]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        kind = "encrypted" if "password" in text else "broken"
        return {"error": kind, "detail": str(exc)}
    try:
        count = len(doc)
        if count > max_pages:
            return {"error": "pages", "detail": str(count)}
        pages = []
        chars = 0
        for index in range(count):
            page = doc[index]
            textpage = page.get_textpage()
            if chars + textpage.count_chars() > max_chars:  # before the per-character walk of a huge page
                return {"error": "chars", "detail": str(chars + textpage.count_chars())}
            lines = _lines(textpage, raw)
            chars += sum(len(line[0]) for line in lines)
            if chars > max_chars:
                return {"error": "chars", "detail": str(chars)}
            images = 0
            if not lines:  # a page with no text: an image (a scan) or blank?
                images = sum(1 for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
            pages.append({"height": page.get_height(), "images": images, "lines": lines})
            textpage.close()
            page.close()
        return {"pages": pages}
    finally:
        doc.close()


def main(argv: list[str]) -> int:
    path, max_pages, max_chars, max_memory, seconds = argv[0], *map(int, argv[1:5])
    _limit(max_memory, seconds)
    try:
        result = read(path, max_pages, max_chars)
    except MemoryError:
        result = {"error": "memory", "detail": ""}
    except ImportError as exc:  # under the address-space cap, a shared library may not even map
        text = str(exc).lower()
        short = "map" in text or "alloc" in text or "memory" in text
        result = {"error": "memory" if short else "missing", "detail": str(exc)}
    except Exception as exc:  # PDFium or a malformed object: the parent turns it into a clear error
        result = {"error": "broken", "detail": f"{type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
