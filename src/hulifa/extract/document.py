"""A report's text prepared for matching: folded copy, lines, sentences, clauses, protected spans, and
the lines no part or figure is read from (page furniture, a table of contents, what follows the report)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from hulifa.extract.ocr import read_lookalikes
from hulifa.extract.tables import join_cell_lines, line_spans, pipe_rows
from hulifa.extract.textload import fold, is_boilerplate
from hulifa.extract.textrows import space_rows

SENTENCE_END = "。!?！？\n"
CLAUSE_END = SENTENCE_END + ",;:，；：、"
HARD_CLAUSE_END = SENTENCE_END + ",;:，；："

# How far a sentence or clause reaches on either side of a figure. Real sentences are far shorter;
# the bound keeps the work per figure constant when a text has no full stops at all.
REACH = 600

# Spans whose numbers are names, titles or slogans: 《…》, “…”, "…", 「…」, 『…』, 〈…〉, ‘…’
_PROTECTED = re.compile(
    r"《[^《》\n]{0,80}》|〈[^〈〉\n]{0,80}〉|“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|「[^「」\n]{0,40}」"
    r"|『[^『』\n]{0,40}』|‘[^‘’\n]{0,40}’"
    # document numbers: 厅字〔2019〕28号, [2024]3号, (2024)3号, 〔〕3号, 第711号; a number starts
    # only where no digit precedes it, so a long run of digits with no 号 is scanned once, not once
    # per digit (32K digits took 15 s)
    r"|[〔\[(【]\s*\d{0,4}\s*[〕\])】]\s*第?\s*\d+\s*号|第?(?<!\d)\d+号"
)


# ----------------------------------------------------------------------------- table of contents
# A report printed to PDF or Word often opens with 目录: its entries are the headings again, with page
# numbers. Read as headings, "三、2025年工作安排……6" opened the next-year part before the body began, and
# every figure after it became a plan. Its lines are furniture, like a portal's menu.
_CONTENTS_TITLE = re.compile(r"^\s*目\s*录\s*$")
# a title, a leader of dots (……, ....., ···) and a page number
_LEADER_ENTRY = re.compile(r"^\s*\S.{0,80}?(?:…{2,}|(?:[.．·•…‥⋯_]\s*){3,})\s*\d{1,3}\s*$")
# a title, a tab or spaces and a page number: an entry only when the title recurs as a later line
_PAGE_ENTRY = re.compile(r"^\s*(\S.{1,80}?)(?:\t|[ \u3000]{1,})\s*\d{1,3}\s*$")
_PAGE_FOOTER = re.compile(r"^\s*(?:第\s*\d+\s*页\s*(?:[,，/]?\s*共\s*\d+\s*页)?|[-—]\s*\d+\s*[-—]|\d+\s*/\s*\d+)\s*$")
# how many lines after 目录 may be its entries
_CONTENTS_REACH = 60


def contents_lines(lines: list[str]) -> set[int]:
    """Numbers (1-based) of the lines that are a table of contents: 目录 and the entries after it, and
    anywhere an entry with dot leaders and a page number, or a title with a page number that recurs
    later as a line of its own (the later one is the heading)."""
    later: dict[str, int] = {}
    for i, line in enumerate(lines):
        later[line.strip()] = i  # the last line with this text
    out: set[int] = set()

    def entry(i: int, listed: bool) -> bool:
        line = lines[i]
        if _LEADER_ENTRY.match(line):
            return True
        m = _PAGE_ENTRY.match(line)  # under 目录 a page number is enough; elsewhere the title must recur
        return m is not None and (listed or later.get(m.group(1).strip(), -1) > i)

    block = -1  # the last line of a 目录 block
    for i, line in enumerate(lines):
        if _CONTENTS_TITLE.match(line):
            out.add(i + 1)
            block = i + _CONTENTS_REACH
        elif i <= block and not line.strip():
            continue
        elif i <= block and (entry(i, True) or _PAGE_FOOTER.match(line) or later.get(line.strip(), -1) > i):
            out.add(i + 1)  # a bare title in the block: its heading comes again in the body
        elif entry(i, False):
            out.add(i + 1)
        else:
            block = -1
    return out


@dataclass(slots=True)
class Doc:
    text: str
    folded: str = ""
    line_starts: list[int] = field(default_factory=list)
    protected: list[tuple[int, int]] = field(default_factory=list)
    boiler_lines: set[int] = field(default_factory=set)
    stops: dict[str, list[int]] = field(default_factory=dict)  # stop characters -> their offsets
    ocr: bool = False  # digits were read through OCR's look-alikes (2O24, l,267): the text is a scan's

    @classmethod
    def of(cls, text: str) -> Doc:
        doc = cls(text)
        # a table copied one cell per line, a Markdown pipe table or one aligned with spaces reads as rows
        folded, doc.ocr = read_lookalikes(fold(text))
        doc.folded = join_cell_lines(pipe_rows(space_rows(folded, text)))
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        doc.line_starts = starts
        doc.protected = [m.span() for m in _PROTECTED.finditer(doc.folded)]
        for number, start in enumerate(starts, 1):
            end = text.find("\n", start)
            line = doc.folded[start : end if end != -1 else len(text)]
            if len(line) < 60 and is_boilerplate(line):
                doc.boiler_lines.add(number)
        doc.boiler_lines |= contents_lines(doc.folded.split("\n"))
        return doc

    def start_report_at(self, offset: int) -> None:
        """What precedes `offset` is not the report (sections.report_start): its lines are read as furniture."""
        if offset > 0:
            self.boiler_lines.update(range(1, self.line_of(offset)))

    def end_report_at(self, offset: int) -> None:
        """What follows `offset` is not the report (sections.report_end): its lines are read as furniture."""
        if offset < len(self.text):
            self.boiler_lines.update(range(self.line_of(offset), len(self.line_starts) + 1))

    # positions ----------------------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def column_of(self, offset: int) -> int:
        return offset - self.line_starts[self.line_of(offset) - 1] + 1

    def lines(self) -> list[tuple[int, int, int]]:
        """(line number, start, end) of every line."""
        out = []
        n = len(self.text)
        for number, start in enumerate(self.line_starts, 1):
            end = self.text.find("\n", start)
            out.append((number, start, end if end != -1 else n))
        return out

    def rows(self) -> list[tuple[int, int]]:
        """(start, end) of every line of the folded text: the text's lines, except that a table
        copied one cell per line is one row (tables.join_cell_lines)."""
        return line_spans(self.folded)

    def in_protected(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.protected, (start, float("inf"))) - 1
        while i >= 0:
            s, e = self.protected[i]
            if s <= start and end <= e:
                return True
            if e <= start - 200:
                break
            i -= 1
        return False

    # sentences and clauses ----------------------------------------------------------------
    # Each boundary is found by bisecting a list of stop positions made once per text, and no span
    # reaches further than REACH characters from its figure: scanning character by character from
    # every figure made a text without full stops (one 5 MB line) quadratic, hours instead of seconds.
    def _stop_positions(self, stops: str) -> list[int]:
        found = self.stops.get(stops)
        if found is None:
            pattern = re.compile("[" + re.escape(stops) + "]")
            found = self.stops[stops] = [m.start() for m in pattern.finditer(self.folded)]
        return found

    def _back_to(self, stops: str, offset: int, limit: int) -> int:
        """The start of the stretch holding `offset`: just after the last stop before it."""
        positions = self._stop_positions(stops)
        i = bisect.bisect_left(positions, offset)
        start = positions[i - 1] + 1 if i else 0
        return max(start, limit, offset - REACH)

    def _on_to(self, stops: str, offset: int, limit: int) -> int:
        """The first stop at or after `offset` (or `limit`)."""
        positions = self._stop_positions(stops)
        i = bisect.bisect_left(positions, offset)
        end = positions[i] if i < len(positions) else len(self.folded)
        return min(end, limit, max(offset, offset + REACH))

    def sentence_span(self, offset: int) -> tuple[int, int]:
        n = len(self.folded)
        start = self._back_to(SENTENCE_END, offset, 0)
        end = self._on_to(SENTENCE_END, offset, n)
        if end < n and self.folded[end] in SENTENCE_END and self.folded[end] != "\n":
            end += 1  # keep the full stop
        return start, end

    def sentence(self, offset: int) -> str:
        s, e = self.sentence_span(offset)
        return self.text[s:e].strip()

    def clause_start(self, offset: int, hard: bool = False, limit: int = 0) -> int:
        if offset <= limit:
            return offset
        return self._back_to(HARD_CLAUSE_END if hard else CLAUSE_END, offset, limit)

    def clause_end(self, offset: int, hard: bool = False, limit: int | None = None) -> int:
        n = len(self.folded) if limit is None else min(limit, len(self.folded))
        if offset >= n:
            return offset
        return self._on_to(HARD_CLAUSE_END if hard else CLAUSE_END, offset, n)
