"""PDF input: a report's text layer as one text for the extractor, with a map back to page and line.

`read_pdf(path)` reads the PDF in a bounded child process (hulifa.extract.pdfread), then normalises
what a printed page adds to the text:

* page furniture is dropped: running headers and footers (a short line at the same height on most
  pages, digits ignored, so "- 3 -" and "第3页 共9页" repeat too), page numbers, diagonal watermarks
  (rotated text) and stamped ones ("仅供参考");
* on a gazette page that first ends the previous document (its last paragraph, signature and date
  above the report's title), that tail is dropped: the report starts at its title (pdfstart);
* hard line wraps are joined: a line that runs to the right margin continues on the next line unless
  that one is indented or starts a heading, so "1\\n9件" is 19 again and "纠错率高\\n达55.6%" one phrase;
  this holds across a page break too, and on a page set in two columns (a gazette) each column has
  its own margins, and the left column's last line goes on at the top of the right one;
* a table's rows are one line each, cells joined by tabs, and a category cell merged down over
  several rows (printed once at their middle) is given back to each of them (hulifa.extract.pdfspan);
* PDF artefacts are undone: Kangxi radicals some fonts map to (⾏ for 行), and spaces PDFium puts
  between two CJK characters.

Every character of the resulting text knows where it was: `PdfText.where(offset)` gives (page, line,
column), the line counted among the page's body lines (headers, footers and watermarks not counted),
so "p3:12" is the 12th line of text on page 3. A PDF with no text layer (a scan), an encrypted, broken
or huge one is an InputError (exit 2) with a message in both languages; never a traceback, never an
empty text that would pass.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from hulifa.decoding import max_bytes, read_bytes
from hulifa.errors import fail
from hulifa.extract.pdfspan import inherited_rows, spanned_rows
from hulifa.extract.pdfstart import previous_tail
from hulifa.model import Position, ReportData, RulePack
from hulifa.reportdata import TextHints

DEFAULT_MAX_PAGES = 500
TIMEOUT_SECONDS = 60
# Address space of the reading process: PDFium plus the inflated streams. A real report needs about
# 35 MiB (VmPeak of the sample PDFs); 256 MiB leaves seven times that, and stops a 400 MiB bomb in
# about a second instead of letting it take 840 MB of RSS on the way to a 1 GiB cap.
MAX_MEMORY = 256 * 1024 * 1024

_WATERMARK = re.compile(
    r"^(?:仅供参考|僅供參考|内部资料|內部資料|样本|樣本|样稿|草稿|机密|秘密|绝密|副本|复印件|内部使用|仅供内部使用|此件公开发布)$"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–_·•\s]*\d{1,4}[-—–_·•\s]*|第\s*\d{1,4}\s*[页頁](?:\s*[,，/／]?\s*共\s*\d{1,4}\s*[页頁])?"
    r"|共\s*\d{1,4}\s*[页頁]\s*[,，]?\s*第\s*\d{1,4}\s*[页頁]|\d{1,4}\s*[/／]\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[章节部分条])"
)
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")


def _kangxi_table() -> dict[int, str]:
    """Kangxi and CJK radicals supplement to the unified ideograph they look like (NFKC)."""
    import unicodedata

    table = {}
    for code in (*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if folded != chr(code) and len(folded) == 1:
            table[code] = folded
    return table


_KANGXI = _kangxi_table()


def max_pages(file: str) -> int:
    """The page limit, configurable by HULIFA_MAX_PAGES; nonsense there is an error, not ignored."""
    raw = os.environ.get("HULIFA_MAX_PAGES", "").strip()
    if not raw:
        return DEFAULT_MAX_PAGES
    if not raw.isdigit() or int(raw) <= 0:
        raise fail(
            file,
            1,
            1,
            "input.env.max_pages",
            raw=raw,
        )
    return int(raw)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page as PDFium reads it."""

    text: str
    x0: float
    x1: float
    top: float
    size: float
    rotated: bool = False
    cells: tuple[tuple[float, float], ...] = ()  # (x0, x1) of each tab-separated cell of a table's row


@dataclass(frozen=True, slots=True)
class Page:
    height: float
    lines: tuple[Line, ...]
    images: int = 0


@dataclass(frozen=True, slots=True)
class PdfText:
    """The normalised text, and where each stretch of it sits in the PDF."""

    text: str
    # (offset in text, page, line on page, column of that offset), one per piece of a PDF line
    pieces: tuple[tuple[int, int, int, int], ...]
    pages: int
    image_pages: tuple[int, ...] = ()  # pages with an image and no text: scanned pages
    line_starts: list[int] = field(default_factory=list, compare=False)

    def where(self, offset: int) -> tuple[int, int, int]:
        """(page, line, column) of a character offset into `text`, all 1-based."""
        if not self.pieces:
            return 1, 1, 1
        i = max(0, bisect.bisect_right(self.pieces, (offset, 1 << 30)) - 1)
        start, page, line, column = self.pieces[i]
        return page, line, column + max(0, offset - start)

    def locate(self, line: int, column: int) -> tuple[int, int]:
        """(page, line on page) of a 1-based (line, column) in `text`."""
        where = self.position("", line, column)
        return where.page, where.line

    def notes(self, file: str) -> list[str]:
        """What a reader must know about this PDF's text: pages that are images (scanned), unread."""
        if not self.image_pages:
            return []
        pages = ", ".join(str(p) for p in self.image_pages)
        return [
            f"{file}:p{self.image_pages[0]}:1:1: 第 {pages} 页没有文字层(扫描图像),其中的数字未读取,请人工核对 / "
            f"page(s) {pages} have no text layer (scanned images): figures on them were not read; check them by hand"
        ]

    def position(self, file: str, line: int, column: int) -> Position:
        """The PDF position of a 1-based (line, column) in `text`."""
        starts = self.line_starts
        line = min(max(line, 1), len(starts))
        page, pline, pcol = self.where(starts[line - 1] + max(column, 1) - 1)
        return Position(file, pline, pcol, page)


# ----------------------------------------------------------------------------- reading


def _run_reader(path: Path, file: str, data_limit: int) -> dict[str, Any]:
    limit_pages = max_pages(file)
    cmd = [
        sys.executable,
        "-m",
        "hulifa.extract.pdfread",
        str(path),
        str(limit_pages),
        str(data_limit),
        str(MAX_MEMORY),
        str(TIMEOUT_SECONDS),
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        _raise("time", "", file, limit_pages, data_limit)
    except OSError as exc:
        raise fail(file, 1, 1, "input.pdf.cannot_start", exc=exc) from None
    try:
        result: dict[str, Any] = json.loads(done.stdout.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):  # the CPU-time cap (soft, then hard)
            result = {"error": "time", "detail": ""}
        elif done.returncode < 0 or b"MemoryError" in done.stderr or b"memory" in done.stderr.lower():
            # PDFium aborts (SIGABRT) when an allocation fails under the address-space cap
            result = {"error": "memory", "detail": ""}
        elif b"No module named" in done.stderr:
            result = {"error": "missing", "detail": done.stderr.decode("utf-8", "replace").strip().splitlines()[-1]}
        else:
            result = {"error": "broken", "detail": f"exit {done.returncode}"}
    error = result.get("error")
    if error:
        _raise(str(error), str(result.get("detail", "")), file, limit_pages, data_limit)
    return result


def _raise(kind: str, detail: str, file: str, limit_pages: int, limit_chars: int) -> NoReturn:
    if kind == "encrypted":
        raise fail(
            file,
            1,
            1,
            "input.pdf.encrypted",
        )
    if kind == "pages":
        raise fail(
            file,
            1,
            1,
            "input.pdf.too_many_pages",
            pages=detail,
            limit=limit_pages,
        )
    if kind == "chars":
        raise fail(
            file,
            1,
            1,
            "input.pdf.too_much_text",
            limit=limit_chars,
        )
    if kind == "time":
        raise fail(
            file,
            1,
            1,
            "input.pdf.time",
            seconds=TIMEOUT_SECONDS,
        )
    if kind == "memory":
        mib = MAX_MEMORY // (1024 * 1024)
        raise fail(
            file,
            1,
            1,
            "input.pdf.memory",
            mib=mib,
        )
    if kind == "missing":
        raise fail(
            file,
            1,
            1,
            "input.pdf.no_reader",
            detail=detail,
        )
    raise fail(
        file,
        1,
        1,
        "input.pdf.damaged",
        detail=detail,
    )


def _extents(rest: list[Any]) -> tuple[tuple[float, float], ...]:
    """A row's cell extents as the reader gives them (none from a reader that does not)."""
    return tuple((float(a), float(b)) for a, b in rest[0]) if rest and rest[0] else ()


def _pages(result: dict[str, Any]) -> list[Page]:
    pages = []
    for raw in result.get("pages", []):
        lines = tuple(
            Line(str(t), float(a), float(b), float(c), float(d), bool(e), _extents(rest))
            for t, a, b, c, d, e, *rest in raw["lines"]
        )
        pages.append(Page(float(raw.get("height", 842.0)), lines, int(raw.get("images", 0))))
    return pages


def read_pdf(path: str | Path, display: str | None = None) -> PdfText:
    """Read a PDF report's text layer, normalised, with its map back to page and line."""
    file = display or str(path)
    limit = max_bytes()
    data = read_bytes(Path(path), file, limit)  # the size limit and read errors of every input
    if b"%PDF-" not in data[:1024]:  # readers accept a little junk before the header, as PDFium does
        raise fail(file, 1, 1, "input.pdf.not_pdf")
    pages = _pages(_run_reader(Path(path), file, limit))
    text = normalise(pages)
    if not text.text.strip() and not text.image_pages:
        raise fail(
            file,
            1,
            1,
            "input.pdf.no_text",
            pages=len(pages),
        )
    if not text.text.strip():
        scanned = len(text.image_pages)
        raise fail(
            file,
            1,
            1,
            "input.pdf.scan",
            pages=len(pages),
            scanned=scanned,
        )
    _check_readable(text.text, file)
    return text


def _check_readable(text: str, file: str) -> None:
    """A text layer of private-use or replacement characters (fonts without a Unicode map) is no text."""
    visible = [c for c in text if not c.isspace()]
    bad = sum(1 for c in visible if c == "\ufffd" or "\ue000" <= c <= "\uf8ff" or ord(c) < 32)
    if visible and bad * 3 > len(visible):
        raise fail(
            file,
            1,
            1,
            "input.pdf.unmapped_fonts",
        )


# ----------------------------------------------------------------------------- normalising


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _furniture(pages: list[Page]) -> list[list[bool]]:
    """For every line of every page: is it a header, footer, page number or watermark?"""
    # A running header or footer sits in the top or bottom margin at the same height on most pages,
    # its digits may change (page numbers); anywhere else only the very same text repeated counts
    # (a horizontal watermark), so that body lines differing in a figure are never taken for furniture.
    where: Counter[tuple[str, int]] = Counter()
    keyed = []
    for page in pages:
        seen = set()
        page_keys = []
        for line in page.lines:
            margin = _in_margin(line, page)
            key = (_key(line.text) if margin else "=" + "".join(line.text.split())), round(line.top / 4)
            page_keys.append(key)
            if len(line.text) <= 60 and not line.rotated:
                seen.add(key)
        keyed.append(page_keys)
        for key in seen:
            where[key] += 1
    with_text = len([p for p in pages if p.lines])
    many = max(2, (with_text + 1) // 2)

    def repeated(key: tuple[str, int]) -> bool:
        text, band = key
        return sum(where[(text, b)] for b in (band - 1, band, band + 1)) >= many

    marks = []
    for page, page_keys in zip(pages, keyed, strict=True):
        page_marks = []
        ends = (min(ln.top for ln in page.lines), max(ln.top for ln in page.lines)) if page.lines else ()
        for line, key in zip(page.lines, page_keys, strict=True):
            flat = "".join(line.text.split())
            margin = _in_margin(line, page)
            number = bool(_PAGE_NUMBER.match(line.text.strip()))
            drop = (
                line.rotated
                or bool(_WATERMARK.match(flat))
                or (margin and number)
                # a page mark set as the page's first or last line, wherever the page's text ends (第 3 页)
                or (number and line.top in ends and not flat.isdigit())
                or (with_text > 1 and len(flat) <= 60 and repeated(key))
            )
            page_marks.append(drop)
        marks.append(page_marks)
    return _alternate_heads(pages, marks)


def _alternate_heads(pages: list[Page], marks: list[list[bool]]) -> list[list[bool]]:
    """Marks with the other running head of a gazette's facing pages dropped too. A gazette heads its odd
    pages with its name and its even pages with the issue (沅陵市人民政府公报 / 2026年第4期 部门文件): each
    on half the pages, so on a report of three or five pages the one on fewer pages was not repeated
    often enough. A page's first (or last) line, short, in the margin, in the type size of a running head
    dropped on other pages and at its height, on a page that has no such head of its own, is the other one."""
    heads: list[tuple[int, bool, float, float]] = []  # (page, at the top, top, size) of each head dropped
    for p, (page, page_marks) in enumerate(zip(pages, marks, strict=True)):
        for line, drop in zip(page.lines, page_marks, strict=True):
            if drop and not line.rotated and _in_margin(line, page) and not _PAGE_NUMBER.match(line.text.strip()):
                heads.append((p, line.top > page.height / 2, line.top, line.size))
    if not heads:
        return marks
    out = [list(m) for m in marks]
    for p, page in enumerate(pages):
        kept = [i for i, drop in enumerate(marks[p]) if not drop]
        if not kept:
            continue
        for i, top in (
            (max(kept, key=lambda i: page.lines[i].top), True),
            (min(kept, key=lambda i: page.lines[i].top), False),
        ):
            line = page.lines[i]
            if line.rotated or len("".join(line.text.split())) > 60 or not _in_margin(line, page):
                continue
            if (line.top > page.height / 2) != top or any(h[0] == p and h[1] == top for h in heads):
                continue
            if any(
                h[1] == top and abs(h[2] - line.top) <= 4 and abs(h[3] - line.size) <= 0.15 * max(h[3], 1.0)
                for h in heads
            ):
                out[p][i] = True
    return out


def _in_margin(line: Line, page: Page) -> bool:
    """In the top or bottom eighth of the page, where running heads, footers and page numbers stand."""
    return line.top > page.height * 0.88 or line.top < page.height * 0.12


def _mode(values: list[float]) -> float:
    if not values:
        return 0.0
    counts = Counter(round(v) for v in values)
    best = max(counts.values())
    return float(max(v for v, n in counts.items() if n == best))


def _clean(text: str) -> str:
    text = text.translate(_KANGXI) if any(0x2E80 <= ord(c) <= 0x2FD5 for c in text) else text
    return _CJK_SPACE.sub("", text) if " " in text else text


def normalise(pages: list[Page]) -> PdfText:
    """Pages of lines to one text: furniture dropped, hard wraps joined, map kept."""
    marks = _furniture(pages)
    body: list[list[Line]] = [
        [ln for ln, drop in zip(p.lines, m, strict=True) if not drop] for p, m in zip(pages, marks, strict=True)
    ]
    tails = previous_tail(body)  # a gazette page that first ends another document
    body = [[ln for ln, drop in zip(lines, t, strict=True) if not drop] for lines, t in zip(body, tails, strict=True)]
    page_margins = _margins([ln for lines in body for ln in lines])

    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    length = 0
    previous: Line | None = None
    previous_right = 0.0
    for page_no, page_lines in enumerate(body, 1):
        order = _reading_order(page_lines)  # a line keeps its number on the page, its place in PDFium's order
        lines = [page_lines[i] for i in order]
        margins = _column_margins(lines, page_margins)
        for line, parts, (left, right) in _table_rows(lines, margins):
            text = line.text
            if not text:
                continue
            if previous is not None and _continues(previous, line, text, left, previous_right):
                if (
                    out
                    and out[-1][-1:].isascii()
                    and out[-1][-1:].isalnum()
                    and text[:1].isascii()
                    and text[:1].isalpha()
                ):
                    out.append(" ")
                    length += 1
            elif previous is not None:
                out.append("\n")
                length += 1
            pieces += [(length + offset, page_no, order[line_no - 1] + 1, 1) for offset, line_no in parts]
            out.append(text)
            length += len(text)
            previous, previous_right = line, right
    text = "".join(out) + ("\n" if out else "")
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    if starts and starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    image_pages = tuple(i for i, p in enumerate(pages, 1) if not body[i - 1] and p.images)
    return PdfText(text, tuple(pieces), len(pages), image_pages, starts)


# ----------------------------------------------------------------------------- table rows
# PDFium gives a table's cells as lines of their own wherever a cell holds more than one line: a header
# cell 行政复议申请 over （件）, a row label 2020 over 年, each beside a row of numbers set at mid height.
# Read line by line, the numbers lose the unit their header names and the row its label. Cells of one
# row overlap in height and stand side by side, so they are put back together: one line per row, the
# lines of a cell joined top to bottom, the cells joined by tabs, as a table copied from a page reads.

_MAX_TABLE_LINES = 2000  # a page with more lines than this is not grouped (the sweep is quadratic at worst)
# A cell's line is narrower than this share of the page's text width (a table's widest column, 完成情况,
# takes about half), or is a row PDFium already gave with tabs. A row holds at least one narrow cell (a
# 序号, a label, a number) or a tab. Two lines side by side on one baseline may be a page's two columns of
# text (each near half the width) whose gutter was not found: they are a row only when both are short.
_CELL_WIDTH = 0.6
_NARROW_CELL = 0.45
_SHORT_CELL = 0.3
# The lines of one cell stand closer than its rows do: a cell's next line starts within a third of a
# character's height (0.2-0.35 measured in Chromium's and Word's tables), the next row's after its padding
# (0.6-0.75); a line this close under or over a row's cell, in that cell's width only, is that cell's.
_CELL_LEADING = 0.5


def _overlaps_in_height(a: Line, b: Line) -> bool:
    return a.top - a.size < b.top and b.top - b.size < a.top


def _joined(pieces: list[str]) -> str:
    """The lines of one cell as one text: CJK runs on, Latin words keep a space."""
    out = ""
    for piece in pieces:
        if out and out[-1].isascii() and out[-1].isalpha() and piece[:1].isascii() and piece[:1].isalpha():
            out += " "
        out += piece
    return out


def _cellish(lines: list[Line]) -> list[bool]:
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    return [not ln.rotated and ("\t" in ln.text or ln.x1 - ln.x0 <= _CELL_WIDTH * (hi - lo)) for ln in lines]


def _row_groups(lines: list[Line], cellish: list[bool]) -> list[list[int]]:
    """Groups (indexes) of cell-like lines that overlap in height, found by a sweep, that read as a row:
    two cells or more side by side."""
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    parent = list(range(len(lines)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted((i for i in range(len(lines)) if cellish[i]), key=lambda i: -lines[i].top)
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if lines[j].top <= lines[i].top - lines[i].size:  # this one and all below it are lower
                break
            if _overlaps_in_height(lines[i], lines[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in order:
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1 and _row_like(lines, g, hi - lo)]


def _row_like(lines: list[Line], group: list[int], width: float) -> bool:
    cells = _cells(lines, group)
    members = [lines[i] for i in group]
    if len(cells) < 2 or not any("\t" in ln.text or ln.x1 - ln.x0 <= _NARROW_CELL * width for ln in members):
        return False
    one_baseline = max(ln.top for ln in members) - min(ln.top for ln in members) <= 1.0
    short = all(ln.x1 - ln.x0 <= _SHORT_CELL * width for ln in members)
    return not one_baseline or len(cells) > 2 or short or any("\t" in ln.text for ln in members)


def _cells(lines: list[Line], group: list[int]) -> list[list[int]]:
    """The group's lines by cell: lines that overlap in width are one cell, left to right."""
    cells: list[list[int]] = []
    right = -1.0
    for i in sorted(group, key=lambda i: lines[i].x0):
        if cells and lines[i].x0 < right:
            cells[-1].append(i)
            right = max(right, lines[i].x1)
        else:
            cells.append([i])
            right = lines[i].x1
    return cells


def _stacked_on(line: Line, cell: Line) -> bool:
    """Is `line` the next (or previous) line of `cell`'s cell: in the same type size, overlapping it in
    width, just under (or over) it?"""
    size = max(cell.size, 1.0)
    if abs(line.size - cell.size) > 0.15 * size or not (line.x0 < cell.x1 and cell.x0 < line.x1):
        return False
    upper, lower = (cell, line) if cell.top > line.top else (line, cell)
    return 0 <= upper.top - upper.size - lower.top < _CELL_LEADING * size


def _stacks_onto(lines: list[Line], part: list[int], row: list[int]) -> bool:
    """Are the lines of `part` (a line, or a row of fewer cells) more lines of `row`'s cells: each in the
    width of one of them, just over or under a line of it? A row of cells never adds to the row's first
    cell, its label: a row with a label and an empty cell is a row of its own, a header's other lines run
    beside a label set once at mid height."""
    cells = _cells(lines, row)
    several = len(_cells(lines, part)) > 1
    for i in part:
        hit = [c for c in cells if any(lines[j].x0 < lines[i].x1 and lines[i].x0 < lines[j].x1 for j in c)]
        if len(hit) != 1 or (several and hit[0] is cells[0]):
            return False
        if not any(_stacked_on(lines[i], lines[j]) for j in hit[0]):
            return False
    return True


def _add_stacked(lines: list[Line], cellish: list[bool], groups: list[list[int]]) -> list[list[int]]:
    """The rows, each with the lines of its cells that stand above or below its height: a header cell's
    first and last lines around a label set at mid height, a top-aligned cell's second line. A line, or a
    run of such lines side by side over fewer cells than a row has, goes to the row it stacks onto, the one
    above first (cells are aligned to the top unless centred). Until none is left to give."""
    taken = {i for g in groups for i in g}
    units = groups + [[i] for i, line in enumerate(lines) if i not in taken and cellish[i] and "\t" not in line.text]
    alive = [True] * len(units)
    widths = [len(_cells(lines, u)) for u in units]
    reach = 3 * max((ln.size for ln in lines), default=1.0)  # stacked lines are this close at most
    merged = True
    while merged:
        merged = False
        for p, part in enumerate(units):
            if not alive[p]:
                continue
            top, bottom = max(lines[i].top for i in part), min(lines[i].top for i in part)
            near = [
                r
                for r, row in enumerate(units)
                if alive[r]
                and r != p
                and widths[r] > max(widths[p], 1)
                and min(lines[i].top for i in row) - reach < top
                and bottom < max(lines[i].top for i in row) + reach
            ]
            near.sort(key=lambda r: min(lines[i].top for i in units[r]) < top)  # rows above first
            target = next((r for r in near if _stacks_onto(lines, part, units[r])), None)
            if target is not None:
                units[target].extend(part)
                widths[target] = len(_cells(lines, units[target]))
                alive[p] = False
                merged = True
    return [u for u, live in zip(units, alive, strict=True) if live and len(u) > 1 and len(_cells(lines, u)) > 1]


def _table_rows(
    lines: list[Line], margins: list[tuple[float, float]]
) -> list[tuple[Line, list[tuple[int, int]], tuple[float, float]]]:
    """Each output line of a page: (the line, its text cleaned; where each piece of it starts in that text
    and the page line it came from, 1-based; the margins of its column). Lines of one table row are one."""
    rows: dict[int, list[list[int]]] = {}  # first line of a row -> its cells
    spans: dict[int, list[int]] = {}  # a row's line -> the category cell spanning it (pdfspan)
    inherited: dict[int, tuple[str, int]] = {}  # a row's line -> the category of the row above (pdfspan)
    if 1 < len(lines) <= _MAX_TABLE_LINES and _gutter(lines) is None:
        spans = spanned_rows(lines)
        spanning = {i for cell in spans.values() for i in cell}
        cellish = [c and i not in spanning for i, c in enumerate(_cellish(lines))]
        rows = {min(g): _cells(lines, g) for g in _add_stacked(lines, cellish, _row_groups(lines, cellish))}
        rows |= {i: [[i]] for i in spans if not any(i in cell for cells in rows.values() for cell in cells)}
        rows = {i: _with_category(cells, spans) for i, cells in rows.items()}
        inherited = inherited_rows(lines, spans)
    member = {i for cells in rows.values() for cell in cells for i in cell}
    out: list[tuple[Line, list[tuple[int, int]], tuple[float, float]]] = []
    for i, line in enumerate(lines):
        if i not in member:
            out.append((Line(_clean(line.text), line.x0, line.x1, line.top, line.size), [(0, i + 1)], margins[i]))
            continue
        if i not in rows:
            continue
        text, parts = "", []
        for n, cell in enumerate(rows[i]):
            text += "\t" if n else ""
            start, joined = len(text), ""
            for j in sorted(cell, key=lambda j: -lines[j].top):  # top to bottom
                piece = _clean(lines[j].text)
                joined = _joined([joined, piece])
                parts.append((start + len(joined) - len(piece), j + 1))
            text += joined
        group = [lines[j] for cell in rows[i] for j in cell]
        size = sorted(ln.size for ln in group)[len(group) // 2]
        merged = Line(text, min(ln.x0 for ln in group), max(ln.x1 for ln in group), max(ln.top for ln in group), size)
        out.append((merged, parts, margins[i]))
    return [_inherit(row, inherited) for row in out] if inherited else out


def _inherit(
    row: tuple[Line, list[tuple[int, int]], tuple[float, float]], inherited: dict[int, tuple[str, int]]
) -> tuple[Line, list[tuple[int, int]], tuple[float, float]]:
    """An output row with the category it shares with the row above as its first cell, when it has one
    and nothing stands before its first cell (a label of its own, 合计 set upright, joined to it)."""
    line, parts, margins = row
    given = inherited.get(parts[0][1] - 1) if parts and parts[0][0] == 0 else None
    if given is None:
        return row
    category, source = given
    category = _clean(category)
    shifted = [(0, source + 1)] + [(offset + len(category) + 1, n) for offset, n in parts]
    return Line(f"{category}\t{line.text}", line.x0, line.x1, line.top, line.size), shifted, margins


def _with_category(cells: list[list[int]], spans: dict[int, list[int]]) -> list[list[int]]:
    """A row's cells with the category cell that spans it first, when one does."""
    category = next((spans[i] for cell in cells for i in cell if i in spans), None)
    return cells if category is None else [category, *cells]


def _margins(lines: list[Line]) -> tuple[float, float]:
    """(left, right) margins of a stretch of text: where most lines start, and where full lines end."""
    # the right margin: justified lines all end there, ragged ones within a character or two of it;
    # a high percentile rather than the mode, so ragged text has one too
    ends = sorted(ln.x1 for ln in lines)
    right = ends[min(len(ends) - 1, (len(ends) * 9) // 10)] if ends else 0.0
    return _mode([ln.x0 for ln in lines]), right


_MIN_COLUMN_LINES = 8


def _gutter(lines: list[Line]) -> float | None:
    """The x of the gap between two columns when a page is set in two (a gazette), else None.

    A gap in the middle third of the text's width that most lines keep to one side of, with at least
    eight lines on each side, and on each side at least half of them ending at that side's edge
    (full lines, as a column's paragraphs have), so a page with a few right-aligned lines (a
    signature, a date) or a short last line of a paragraph is not taken for two columns."""
    if len(lines) < 2 * _MIN_COLUMN_LINES:
        return None
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    best: tuple[int, int, float] | None = None  # (lines on the shorter side, -lines crossing, the gap)
    for gap in sorted({ln.x1 + 0.5 for ln in lines}):
        if not lo + (hi - lo) / 3 < gap < hi - (hi - lo) / 3:
            continue
        left = [ln for ln in lines if ln.x1 < gap]
        right = [ln for ln in lines if ln.x0 > gap]
        crossing = len(lines) - len(left) - len(right)
        if min(len(left), len(right)) < _MIN_COLUMN_LINES or crossing * 4 > len(lines):
            continue
        if not all(_mostly_full(side) for side in (left, right)):
            continue
        # of gaps as good, the one fewest lines cross: a full line a hair wider than the others (284.9
        # against 284.3) is its column's, not one over the gutter that loses its column's margins
        score = (min(len(left), len(right)), -crossing, gap)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


def _mostly_full(lines: list[Line]) -> bool:
    _, right = _margins(lines)
    return sum(ln.x1 >= right - 1.6 * max(ln.size, 1.0) for ln in lines) * 2 >= len(lines)


def _reading_order(lines: list[Line]) -> list[int]:
    """The page's lines (indexes) in reading order. On a two-column page, between two blocks that span
    both columns (a title, a table, a heading set across), the left column's lines, then the right
    column's, then the block below them, as a gazette is read: PDFium gives lines in the order they were
    drawn, which a layout may interleave (a line of each column in turn, a table drawn last). Within a
    column, and on any other page, PDFium's order stands."""
    gutter = _gutter(lines)
    if gutter is None:
        return list(range(len(lines)))
    across = sorted(ln.top for ln in lines if not (ln.x1 < gutter or ln.x0 > gutter))

    def key(i: int) -> tuple[int, int, int, int]:
        line = lines[i]
        above = len(across) - bisect.bisect_right(across, line.top)  # blocks across the page above it
        if line.x1 < gutter:
            return (above, 0, 0, i)
        if line.x0 > gutter:
            return (above, 0, 1, i)
        return (above, 1, 0, i)

    return sorted(range(len(lines)), key=key)


def _column_margins(lines: list[Line], page: tuple[float, float]) -> list[tuple[float, float]]:
    """Each line's (left, right) margins: its column's on a two-column page, else the document's.
    A line that spans both columns (a title, a header) keeps the document's."""
    gutter = _gutter(lines)
    if gutter is None:
        return [page] * len(lines)
    left = _margins([ln for ln in lines if ln.x1 < gutter])
    right = _margins([ln for ln in lines if ln.x0 > gutter])
    return [left if ln.x1 < gutter else right if ln.x0 > gutter else page for ln in lines]


def _continues(previous: Line, line: Line, text: str, left: float, right: float) -> bool:
    """Is `line` the same paragraph as `previous`, broken only because the line was full? `right` is
    the margin of the column `previous` is in, `left` that of the column `line` is in."""
    size = max(previous.size, 1.0)
    full = previous.x1 >= right - 1.6 * size  # kinsoku may leave up to a character and a half blank
    indented = line.x0 > left + 0.8 * size
    same_size = abs(line.size - previous.size) <= 0.15 * size
    last = previous.text.rstrip()[-1:]
    return (
        full
        and not indented
        and same_size
        and "\t" not in previous.text
        and "\t" not in line.text
        and not _HEADING.match(text)
        and last not in ":："
    )


# ----------------------------------------------------------------------------- report data


def relocate(data: ReportData, pdf: PdfText) -> ReportData:
    """Point every position of report data extracted from `pdf.text` at its page and line in the PDF."""

    def move(where: Position) -> Position:
        return pdf.position(where.file, where.line, where.column)

    values = tuple(v._replace(position=move(v.position)) for v in data.values)
    sections = None if data.sections is None else tuple(s._replace(position=move(s.position)) for s in data.sections)
    return data._replace(
        values=values,
        sections=sections,
        indicators_at=move(data.indicators_at),
        sections_at=move(data.sections_at),
        top_at=move(data.top_at),
    )


def report_data(pdf: PdfText, display: str, pack: RulePack, hints: TextHints | None = None) -> ReportData:
    """`hulifa check report.pdf`: extract from the text layer; positions point at page and line."""
    from hulifa.extract.core import extract_text
    from hulifa.extract.output import to_report_data

    given = hints or TextHints()
    extraction = extract_text(pdf.text, pack, region=given.region, level=given.level, year=given.year)
    return relocate(to_report_data(extraction, display, pdf.text), pdf)._replace(unread_pages=pdf.image_pages)


__all__ = ["PdfText", "normalise", "read_pdf", "relocate", "report_data"]
