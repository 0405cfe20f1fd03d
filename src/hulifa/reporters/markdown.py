"""`--format markdown`: GitHub-flavoured Markdown for PR comments and job summaries, summary first.

The verdict; a table with one row per report (counts by severity, the worst); for a batch, the
most-missed indicators; then each report's findings in a collapsible `<details>` block (open where it
has errors), most severe reports first, a list item per finding (a phone shows it at its width, where
a table of 9 columns scrolled sideways), errors and warnings first and the notes folded under them.
The document keeps within a size budget (GitHub's comment limit by default): when it must cut, it
leaves out whole blocks, reports' notes first, then details (least severe and last reports first),
then table rows, and says at its end how many and how to get them. The step summary
(`$GITHUB_STEP_SUMMARY`) is the same document within GitHub's 1 MiB. Both are written by `Writer`,
fed one report at a time, in memory flat in the number of reports: rows and blocks go to spill
files, and only the budget's arithmetic stays.

Data is escaped so it cannot break a table row, open a code span, or inject HTML.
"""

from __future__ import annotations

import html
import io
import os
import re
import tempfile
import urllib.parse
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import IO

from hulifa import messages
from hulifa.model import CheckResult, Finding, ReportResult, RulePack, Severity, Status
from hulifa.reporters import labels
from hulifa.reporters._common import (
    Memo,
    MostMissed,
    basis_label,
    basis_text,
    but_place,
    clean,
    display_name,
    is_issue,
    location,
    message,
    missed_in,
    one_line,
    pack_place,
    report_title,
    severity_label,
    status_label,
    with_unit,
)
from hulifa.reporters.labels import pick
from hulifa.reporters.streaming import Sink

# GitHub's limit on a comment's body, in characters (Unicode code points, as its API counts them).
COMMENT_LIMIT = 65_536
# GitHub's limit on one step's summary file, in bytes (the file is UTF-8).
STEP_SUMMARY_LIMIT = 1024 * 1024
MOST_MISSED = 15  # rows of the most-missed table

# Characters with a meaning inside a line of Markdown or a GFM table cell ($ is GitHub's math),
# escaped with a backslash. Block markers (#, -, +, 1.) only count at the start of a line, and no
# escaped text ever starts one.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")

_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def escape(text: str) -> str:
    """Inline Markdown text that renders as written and keeps a table row on one line.

    Markdown punctuation gets a backslash, `&`, `<` and `>` become entities (so no HTML tags or
    entities pass through), and line breaks become `<br>`.
    """
    s = clean(text).replace("\t", " ")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(_backslashed, s)
    return "<br>".join(part.strip() for part in s.split("\n")) if "\n" in s else s.strip()


def _backslashed(match: re.Match[str]) -> str:
    # a function, not the template r"\\\1": re expands a template on every call, matched or not
    return "\\" + match.group()


def _link(text: str, url: str) -> str:
    url = clean(url).strip()
    if not re.match(r"https?://\S+$", url):
        return text
    safe = urllib.parse.quote(url, safe=":/?#@!$&'*+,;=%-._~")  # parentheses and brackets encoded
    return f"[{text}]({safe})"


def _basis_cell(finding: Finding, lang: str) -> str:
    text = escape(basis_text(finding, lang))
    basis = messages.basis(finding)
    if not text or basis is None:
        return text
    return _link(text, basis.url)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _indicator(finding: Finding, lang: str) -> str:
    return f"{escape(display_name(finding, lang))} ({escape(finding.rule)})"


def _counts_line(report: ReportResult, lang: str) -> str:
    counts = report.counts()
    parts = [f"{status_label(s, lang)} {counts[s.value]}" for s in Status if counts[s.value]]
    if counts["notes"]:  # notes on the input, not indicators
        parts.append(f"{labels.field('notes', lang)} {counts['notes']}")
    total = pick(("共", "total"), lang) + f" {len(report.findings)}"
    return " · ".join([total, *parts])


# ------------------------------------------------------------------------------------------ parts


@dataclass(frozen=True, slots=True)
class _Counts:
    """One report as the overview shows it."""

    errors: int
    warnings: int
    infos: int
    worst: Severity

    @classmethod
    def of(cls, report: ReportResult) -> _Counts:
        by = Counter(f.severity for f in report.findings if is_issue(f) and f.status is not Status.ACCEPTED)
        return cls(by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO], report.worst())


def _overview_row(report: ReportResult, counts: _Counts, lang: str) -> str:
    worst = (
        labels.status(Status.ERROR, lang)
        if not report.checked
        else (severity_label(counts.worst, lang) if counts.worst is not Severity.NONE else "—")
    )
    return _row(
        [
            escape(clean(report.file)),
            escape(clean(report.region)),
            "" if report.year is None else str(report.year),
            *(str(n) for n in (counts.errors, counts.warnings, counts.infos)),
            escape(worst),
        ]
    )


def _overview_head(lang: str) -> list[str]:
    header = [labels.field(k, lang) for k in ("file", "region", "year")]
    header += [labels.field(key, lang) for key in ("errors", "warnings", "infos", "worst")]
    return [_row(header), _row(["---", "---", "---", "---:", "---:", "---:", "---"])]


def _most_missed(missed: MostMissed, names: dict[str, str], lang: str) -> list[str]:
    """The indicators most reports missed, ranked as the table ranks them (_common.MostMissed)."""
    out = [f"### {labels.heading('most_missed', lang)}", ""]
    if not missed:
        return [*out, labels.heading("none_missed", lang), ""]
    out.append(_row([labels.field("indicator", lang), labels.field("reports", lang)]))
    out.append(_row(["---", "---:"]))
    ranked = missed.ranked()
    for rule, n in ranked[:MOST_MISSED]:
        out.append(_row([names[rule], str(n)]))
    if len(ranked) > MOST_MISSED:
        more = len(ranked) - MOST_MISSED
        out += ["", pick((f"另有 {more} 项未列出。", f"{more} more not listed."), lang)]
    return [*out, ""]


def _is_open(finding: Finding) -> bool:
    """Whether a finding is listed in its report's block at once: an error or a warning not accepted by
    a deviation. The rest (notes, accepted deviations) wait in a folded block under them."""
    return finding.severity.rank >= Severity.WARNING.rank and finding.status is not Status.ACCEPTED


def _folded_tally(folded: list[Finding], lang: str) -> str:
    """What the folded block holds, by kind: "提示 28", "notes 3 · accepted 1"."""
    kinds = Counter(
        status_label(f.status, lang)
        if f.status is Status.ACCEPTED or f.severity is Severity.NONE
        else severity_label(f.severity, lang)
        for f in folded
    )
    return " · ".join(f"{kind} {n}" for kind, n in kinds.items())


def _items(findings: list[Finding], items_of: Memo[str]) -> list[str]:
    return [items_of(f) + escape(location(f)) for f in findings]


# Messages that only repeat what an item's first lines say (the name, "not stated" and the target).
_SAID_BY_ITEM = frozenset({"missing"})


def _item_but_place(finding: Finding, lang: str) -> str:
    """A finding as one list item, read on a phone as well as on a desktop: a line each for what it is,
    what was expected and found, why, the basis and where, up to the location (nothing here reads the
    place). One physical line, its lines parted by <br>: a comment on GitHub shows a line break of the
    source as one, so "<br>" and a new line would leave a blank line; and each line opens with a word of
    ours, so no data can start a Markdown block."""
    f, unit = finding, messages.unit(finding)
    head = escape(status_label(f.status, lang))
    if f.severity is not Severity.NONE:
        head += " · " + escape(severity_label(f.severity, lang))
    lines = [f"**{head}** {_indicator(f, lang)}"]
    gap = "" if f.status is Status.MISSING else messages.gap(f, lang)  # the status says "not stated"
    facts = [
        f"{labels.field(key, lang)} {escape(with_unit(text, unit, lang))}"
        for key, text in (("expected", messages.expected(f, lang)), ("actual", messages.actual(f, lang)), ("gap", gap))
        if text
    ]
    if facts:
        lines.append(" · ".join(facts))
    if f.message not in _SAID_BY_ITEM or f.accepted is not None:
        lines.append(f"{labels.field('message', lang)} {escape(message(f, lang))}")
    basis = messages.basis(f)
    if basis is not None:
        lines.append(f"{escape(basis_label(basis, lang))} {_basis_cell(f, lang)}")
    return "- " + "<br>".join([*lines, labels.field("location", lang) + " "])


@dataclass(frozen=True, slots=True)
class _Block:
    """One report's findings in a collapsible block, in parts, so the budget can leave out its notes
    whole: `head`, then `notes` (its folded block of notes) or `lean` (a line saying how many were left
    out), then _END. A report without notes has both empty."""

    head: str
    notes: str
    lean: str


_END = "</details>\n\n"


def _details(report: ReportResult, counts: _Counts, lang: str, items_of: Memo[str]) -> _Block:
    """The block's summary line says what is inside. Errors and warnings are listed at once, most severe
    first; the notes under them in a block of their own, closed, as is a report without errors (see
    _OPEN for a single report)."""
    tally = " · ".join(
        f"{severity_label(s, lang)} {n}"
        for s, n in zip(_COUNTED, (counts.errors, counts.warnings, counts.infos), strict=True)
        if n
    )
    # <details> opens an HTML block that runs to the blank line: Markdown is not read inside it, so the
    # title is escaped as HTML only (a backslash before huli_2024.yaml's _ was shown as written)
    summary = html.escape(one_line(report_title(report)), quote=False) + (f" — {tally}" if tally else "")
    opened = _OPEN if counts.errors or not report.checked else _CLOSED
    out = [opened, f"<summary>{summary}</summary>", ""]
    if not report.checked:
        out += [f"**{labels.heading('not_checked', lang)}**", ""]
    out += [_counts_line(report, lang), ""]
    issues = sorted((f for f in report.findings if is_issue(f)), key=lambda f: -f.severity.rank)  # stable
    shown = [f for f in issues if _is_open(f)]
    folded = [f for f in issues if not _is_open(f)]
    if not issues:
        out += [labels.heading("no_issues", lang), ""]
    elif shown:
        out += [*_items(shown, items_of), ""]
    head = "\n".join(out) + "\n"
    if not folded:
        return _Block(head, "", "")
    what = html.escape(_folded_tally(folded, lang), quote=False)
    if not shown:  # nothing above them: the report's own block is the fold
        return _Block(head, "\n".join([*_items(folded, items_of), "", ""]), f"*{_notes_left_out(what, lang)}*\n\n")
    # a blank line after <summary>, so the list under it is read as Markdown (GitHub's rule for HTML blocks)
    notes = "\n".join([_CLOSED, f"<summary>{what}</summary>", "", *_items(folded, items_of), "", "</details>", ""])
    return _Block(head, notes, f"*{_notes_left_out(what, lang)}*\n\n")


def _notes_left_out(what: str, lang: str) -> str:
    return pick((f"{what}:为不超过篇幅未列出,见文末。", f"{what}: left out for length, see the end."), lang)


def _left_out(details: int, notes: int, rows: int, limit: int, unit: str, lang: str) -> str:
    """The note at the end that says what the budget left out, and how to get it."""
    if lang == "en":
        parts = []
        if notes:
            parts.append(f"the notes of {notes:,} report{'s' if notes != 1 else ''}")
        if details:
            parts.append(f"the details of {details:,} report{'s' if details != 1 else ''}")
        if rows:
            parts.append(f"{rows:,} row{'s' if rows != 1 else ''} of the table")
        what = " and ".join(parts)
        return (
            f"> **Left out to stay within {limit:,} {unit}:** {what} (notes before errors and warnings, "
            "the least severe and last reports first). For everything: `--format markdown --max-bytes 0` "
            "to a file, or `--format html` / `--format json`.\n\n"
        )
    parts = []
    if notes:
        parts.append(f"{notes:,} 份报告的提示")
    if details:
        parts.append(f"{details:,} 份报告的详情")
    if rows:
        parts.append(f"汇总表中的 {rows:,} 行")
    unit_zh = "字符" if unit == "characters" else "字节"
    return (
        f"> **为不超过 {limit:,} {unit_zh},未列出:** {'和'.join(parts)}(先略去提示,再略去问题最轻、排在最后的报告)。"
        "完整内容:`--format markdown --max-bytes 0` 写入文件,或 `--format html` / `--format json`。\n\n"
    )


# ----------------------------------------------------------------------------------------- writer

_CLOSED, _OPEN = "<details>", "<details open>"  # a single report's block is shown open


class Writer:
    """The document written one report at a time (the writer protocol of hulifa.reporters.streaming,
    writing itself: `item` keeps nothing of the report but one small row, and `write_to` writes the
    document at the end, when the budget can be settled).

    Each report's overview row and details block are rendered as it arrives and spilled (encoded) to
    anonymous temporary files, the blocks one file per worst severity, so that the most severe come
    first by reading each file in turn. What stays in memory is the verdict's counts, the most-missed
    tally (one entry per indicator) and, per report, its worst severity and the sizes of its row and
    block: a few bytes a report, whatever it holds."""

    SEP = ""

    def __init__(
        self,
        pack: RulePack | None,
        lang: str = "zh",
        fail_on: Severity | None = None,
        max_bytes: int = COMMENT_LIMIT,
        unit: str = "characters",
        spill: Callable[[], IO[bytes]] | None = None,
    ) -> None:
        self.pack, self.lang, self.limit, self.unit = pack, lang, max_bytes, unit
        self.size: Callable[[str], int] = len if unit == "characters" else lambda s: len(s.encode("utf-8"))
        self._spill = spill or _temporary
        self.tally = labels.Tally()
        # a missing indicator's item recurs in report after report: made once but its location (bounded)
        self.items_of = Memo(lambda finding: _item_but_place(finding, lang), but_place)
        self.missed = MostMissed()
        self.names: dict[str, str] = {}
        self.rows = self._spill()
        self.row_size = array("q")  # per report, in input order
        self.row_bytes = array("q")
        self.row_rank = array("b")
        self.blocks: dict[int, IO[bytes]] = {}  # worst severity's rank -> the blocks, in input order
        # per block, six numbers: the sizes of its head, notes and lean line, then their bytes
        self.block_parts: dict[int, array[int]] = {}
        self.overview = 0  # the table's rows so far, in the budget's unit
        self.details = True  # the reports' details are still made (see item)

    def item(self, report: ReportResult) -> str:
        counts = _Counts.of(report)
        self.tally.add(report.checked, counts.worst)
        for rule, f in missed_in(report).items():
            self.missed.add(rule, f.severity.rank, pack_place(f))
            self.names.setdefault(rule, _indicator(f, self.lang))
        rank = counts.worst.rank
        row = _overview_row(report, counts, self.lang)
        data = row.encode("utf-8")
        self.rows.write(data)
        self.row_size.append(self.size(row))
        self.row_bytes.append(len(data))
        self.row_rank.append(rank)
        self.overview += self.row_size[-1] + 1
        if self.limit > 0 and self.overview > self.limit:
            # The table alone is over the budget, so the document will hold no report's details (see
            # write_to): none is made or kept from here on. Most of a large batch's time was these.
            self._drop_details()
            return ""
        block = _details(report, counts, self.lang, self.items_of)
        if rank not in self.blocks:
            self.blocks[rank], self.block_parts[rank] = self._spill(), array("q")
        parts = (block.head, block.notes, block.lean)
        encoded = [part.encode("utf-8") for part in parts]
        for data in encoded:
            self.blocks[rank].write(data)
        self.block_parts[rank].extend([*(self.size(part) for part in parts), *(len(data) for data in encoded)])
        return ""  # nothing goes to the Document's spill: the writer keeps its own

    def _drop_details(self) -> None:
        self.details = False
        for spill in self.blocks.values():
            spill.close()
        self.blocks.clear()
        self.block_parts.clear()

    def head(self) -> str:
        return ""

    def tail(self) -> str:
        return ""

    # ------------------------------------------------------------------------------ the document

    def _ranked_blocks(self) -> Iterator[tuple[int, int, bool]]:
        """(size in full, size without its notes, whether it has notes) of each block, most severe
        first, then in input order."""
        end = self.size(_END)
        for rank in sorted(self.blocks, reverse=True):
            parts = self.block_parts[rank]
            for i in range(0, len(parts), 6):
                head, notes, lean = parts[i : i + 3]
                yield head + notes + end, head + lean + end, notes > 0

    def _read_blocks(self, count: int | None, full: int | None = None) -> Iterator[str]:
        """The first `count` blocks in ranked order (all with None), the first `full` of them with their
        notes (all with None) and the rest with the line that says they were left out; a single
        report's block opened."""
        left = self.tally.reports if count is None else count
        whole = left if full is None else full
        for rank in sorted(self.blocks, reverse=True):
            spill, parts = self.blocks[rank], self.block_parts[rank]
            spill.seek(0)
            for i in range(0, len(parts), 6):
                if left <= 0:
                    return
                head, notes, lean = (spill.read(n).decode("utf-8") for n in parts[i + 3 : i + 6])
                if self.tally.reports == 1 and head.startswith(_CLOSED + "\n"):
                    head = _OPEN + head[len(_CLOSED) :]
                yield head + (notes if whole > 0 else lean) + _END
                left, whole = left - 1, whole - 1

    def _read_rows(self, keep: bytearray | None = None) -> Iterator[str]:
        """The overview rows in input order, each with its newline (only those marked in `keep`)."""
        self.rows.seek(0)
        for i, length in enumerate(self.row_bytes):
            data = self.rows.read(length)
            if keep is None or keep[i]:
                yield data.decode("utf-8") + "\n"

    def write_to(self, sink: Sink, limit: int | None = None) -> None:
        """Write the document to `sink`, at most `limit` (default: the writer's budget) in its unit
        (0: no limit). A limit too small for even the verdict and the note gives them anyway. Once
        the overview alone is over the writer's budget, a larger `limit` cannot be asked for."""
        limit = self.limit if limit is None else limit
        if not self.details and not 0 < limit <= self.limit:
            raise ValueError(f"the details were left out for a budget of {self.limit}: they cannot fill {limit}")
        out = _Trimmed(sink)  # the document ends in exactly one newline
        size, lang, n = self.size, self.lang, self.tally.reports
        head = [f"# {labels.heading('results', lang)}", ""]
        if n:
            head += [f"**{self.tally.verdict(lang)}**", ""]
        if self.pack is not None:
            head += [f"{labels.field('pack', lang)}: {escape(self.pack.id)} {escape(self.pack.version)}", ""]
        if not n:
            head += [labels.heading("no_reports", lang), ""]
            out.write("\n".join(head))
            out.end()
            return
        head_text = "\n".join(head) + "\n"
        table_head = "\n".join(_overview_head(lang)) + "\n"
        missed = "\n".join(_most_missed(self.missed, self.names, lang)) + "\n" if n > 1 else ""
        opened = len(_OPEN) - len(_CLOSED) if n == 1 else 0  # the same in characters and in bytes

        if limit <= 0:
            self._write(out, head_text, "", table_head, None, missed, None)
            return
        # The note's size, reserved whenever something may be cut (its numbers are at most this long).
        reserve = size(_left_out(n, n, n, limit, self.unit, lang))
        table_size = size(table_head) + sum(s + 1 for s in self.row_size) + 1
        used = size(head_text) + table_size + size(missed)
        if used <= limit:  # the overview fits: details while they fit
            if used + sum(whole + opened for whole, _, _ in self._ranked_blocks()) <= limit:
                self._write(out, head_text, "", table_head, None, missed, None)
                return
            kept, full = self._fit(limit - used - reserve, opened)
            notes = sum(has for _, _, has in islice(self._ranked_blocks(), full, kept))
            note = _left_out(n - kept, notes, 0, limit, self.unit, lang)
            self._write(out, head_text, note, table_head, None, missed, kept, full)
            return
        # Not even the overview fits: no details, and table rows while they fit, most severe first.
        room = limit - size(head_text) - reserve - size(table_head) - 1
        keep = bytearray(n)
        for rank in sorted(set(self.row_rank), reverse=True):
            for i, row_rank in enumerate(self.row_rank):
                if row_rank != rank:
                    continue
                room -= self.row_size[i] + 1
                if room < 0:
                    break
                keep[i] = 1
            if room < 0:
                break
        note = _left_out(n, 0, n - sum(keep), limit, self.unit, lang)
        self._write(out, head_text, note, table_head, keep, "", 0)

    def _fit(self, room: int, opened: int) -> tuple[int, int]:
        """How many blocks fit in `room`, in ranked order, and how many of those keep their notes: as
        many reports' errors and warnings as fit, then the notes of the first of them while those fit."""
        kept = total = 0
        for _, lean, _ in self._ranked_blocks():
            if total + lean + opened > room:
                break
            kept, total = kept + 1, total + lean + opened
        full = 0
        for whole, lean, _ in islice(self._ranked_blocks(), kept):
            if total + whole - lean > room:
                break
            full, total = full + 1, total + whole - lean
        return kept, full

    def _write(
        self,
        out: _Trimmed,
        head: str,
        note: str,
        table_head: str,
        keep: bytearray | None,
        missed: str,
        blocks: int | None,
        full: int | None = None,
    ) -> None:
        """The document; `note` (what was left out) at its end, after the last block."""
        out.write(head + table_head)
        for row in self._read_rows(keep):
            out.write(row)
        out.write("\n" + missed)
        for block in self._read_blocks(blocks, full):
            out.write(block)
        out.write(note)
        out.end()

    def text(self, limit: int | None = None) -> str:
        """The document in one piece."""
        buffer = io.StringIO()
        self.write_to(buffer, limit)
        return buffer.getvalue()

    def close(self) -> None:
        for spill in (self.rows, *self.blocks.values()):
            spill.close()


def _temporary() -> IO[bytes]:
    # anonymous (unlinked at once): nothing is left behind, however the run ends
    return tempfile.TemporaryFile("w+b")


class _Trimmed:
    """A sink that holds back trailing newlines, so the document ends in exactly one."""

    def __init__(self, sink: Sink) -> None:
        self.sink, self.pending = sink, ""

    def write(self, text: str) -> None:
        body = text.rstrip("\n")
        if body:
            self.sink.write(self.pending + body)
            self.pending = text[len(body) :]
        else:
            self.pending += text

    def end(self) -> None:
        self.sink.write("\n")


def writer(
    pack: RulePack | None = None, lang: str = "zh", fail_on: Severity | None = None, max_bytes: int = COMMENT_LIMIT
) -> Writer:
    """The streaming writer (see hulifa.reporters.streaming), within `max_bytes` characters."""
    return Writer(pack, lang, fail_on, max_bytes)


def _whole(result: CheckResult, lang: str, limit: int, unit: str) -> str:
    w = Writer(result.pack, lang, None, limit, unit, spill=io.BytesIO)
    for report in result.reports:
        w.item(report)
    return w.text()


def render(result: CheckResult, lang: str = "zh", max_bytes: int = COMMENT_LIMIT) -> str:
    """The document, at most `max_bytes` characters (0: no limit). A limit too small for even the
    verdict and the note gives them anyway."""
    return _whole(result, lang, max_bytes, "characters")


def step_summary(result: CheckResult, lang: str = "zh", room: int = STEP_SUMMARY_LIMIT) -> str:
    """The document for `$GITHUB_STEP_SUMMARY`, at most `room` UTF-8 bytes."""
    return _whole(result, lang, room, "bytes")


def summary_writer(pack: RulePack | None, lang: str = "zh") -> Writer:
    """A writer of the step summary, fed as results arrive (see append_step_summary)."""
    return Writer(pack, lang, None, STEP_SUMMARY_LIMIT, "bytes")


def append_step_summary(path: str, result: CheckResult | Writer, lang: str = "zh") -> None:
    """Append the step summary to `path`, within what GitHub's 1 MiB leaves after what earlier steps
    or tools wrote there. `result` is the whole run, or a summary_writer fed with it. Raises OSError."""
    try:
        used = os.path.getsize(path)
    except FileNotFoundError:
        used = 0
    room = max(STEP_SUMMARY_LIMIT - used, 1)
    if isinstance(result, Writer):
        with open(path, "a", encoding="utf-8") as handle:
            result.write_to(handle, room)
        return
    text = step_summary(result, lang, room)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)
