"""A report's text prepared for matching: folded copy, lines, sentences, clauses, protected spans."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from hulifa.extract.textload import fold, is_boilerplate

SENTENCE_END = "。!?！？\n"
CLAUSE_END = SENTENCE_END + ",;:，；：、"
HARD_CLAUSE_END = SENTENCE_END + ",;:，；："

# Spans whose numbers are names, titles or slogans: 《…》, “…”, "…", 「…」, 『…』, 〈…〉, ‘…’
_PROTECTED = re.compile(
    r"《[^《》\n]{0,80}》|〈[^〈〉\n]{0,80}〉|“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|「[^「」\n]{0,40}」"
    r"|『[^『』\n]{0,40}』|‘[^‘’\n]{0,40}’"
    # document numbers: 厅字〔2019〕28号, [2024]3号, (2024)3号, 〔〕3号, 第711号
    r"|[〔\[(【]\s*\d{0,4}\s*[〕\])】]\s*第?\s*\d+\s*号|第?\d+号"
)


@dataclass(slots=True)
class Doc:
    text: str
    folded: str = ""
    line_starts: list[int] = field(default_factory=list)
    protected: list[tuple[int, int]] = field(default_factory=list)
    boiler_lines: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, text: str) -> Doc:
        doc = cls(text)
        doc.folded = fold(text)
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
        return doc

    # positions ----------------------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def column_of(self, offset: int) -> int:
        return offset - self.line_starts[self.line_of(offset) - 1] + 1

    def line_text(self, number: int) -> str:
        start = self.line_starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)]

    def lines(self) -> list[tuple[int, int, int]]:
        """(line number, start, end) of every line."""
        out = []
        n = len(self.text)
        for number, start in enumerate(self.line_starts, 1):
            end = self.text.find("\n", start)
            out.append((number, start, end if end != -1 else n))
        return out

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
    def sentence_span(self, offset: int) -> tuple[int, int]:
        f = self.folded
        start = offset
        while start > 0 and f[start - 1] not in SENTENCE_END:
            start -= 1
        end = offset
        n = len(f)
        while end < n and f[end] not in SENTENCE_END:
            end += 1
        if end < n and f[end] != "\n":
            end += 1  # keep the full stop
        return start, end

    def sentence(self, offset: int) -> str:
        s, e = self.sentence_span(offset)
        return self.text[s:e].strip()

    def clause_start(self, offset: int, hard: bool = False, limit: int = 0) -> int:
        stops = HARD_CLAUSE_END if hard else CLAUSE_END
        f = self.folded
        i = offset
        while i > limit and f[i - 1] not in stops:
            i -= 1
        return i

    def clause_end(self, offset: int, hard: bool = False, limit: int | None = None) -> int:
        stops = HARD_CLAUSE_END if hard else CLAUSE_END
        f = self.folded
        n = len(f) if limit is None else min(limit, len(f))
        i = offset
        while i < n and f[i] not in stops:
            i += 1
        return i
