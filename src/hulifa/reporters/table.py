"""`--format table`: what people read in a terminal, laid out for the width they have.

Per report: a title, the findings, a line of counts. Below WIDE columns each finding is a compact unit
(status, severity, name and line on one line; target, value, gap and the basis's short name under
it), so nothing is broken inside a word; from WIDE up, a full table with only the columns some row
fills. A batch ends with one row per report and the most-missed indicators (`BatchSummary`, which
keeps one small row per report, never the findings).

This module owns the layout, as data (`Block`s: lines of styled text, grids and tables with rich's
column options), and imports no writer. Two write it: table_rich (a terminal: colours, live
progress) and table_plain (a pipe or a file, without importing rich's console, for a fast start),
which lays the same blocks out as rich does, byte for byte (tested).

Cells are never markup strings, so "[bold]" in data prints literally; control, bidi and zero-width
characters are made visible (hulifa.textsafe) so data cannot drive the terminal.
"""

from __future__ import annotations

import itertools
import os
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, NamedTuple, TypeVar, overload

# rich.cells alone (no console, no table) is cheap at start (README, Start-up) and measures cells as rich lays them out
from rich.cells import cell_len

from hulifa import messages
from hulifa.batch import DETAIL_LIMIT
from hulifa.model import CheckResult, Finding, ReportResult, Severity, Status
from hulifa.reporters import labels
from hulifa.reporters._common import (
    MostMissed,
    basis_label,
    full_citation,
    line_ref,
    missed_in,
    pack_place,
    qualifier_text,
    shorten_middle,
    with_unit,
)
from hulifa.textsafe import visible as clean

# From this many columns on, the full table; below (where its 8 columns wrap most cells), two lines a finding.
WIDE = 140

# Findings whose message says what the gap column cannot (why a value is invalid, unknown, unreadable).
_TOLD_BY_MESSAGE = frozenset({Status.INVALID, Status.UNKNOWN, Status.ERROR, Status.UNVERIFIABLE})


# ------------------------------------------------------------------------------------- the blocks

Span = tuple[str, str]  # text, and its rich style ("" for none): a style only colours a terminal
Styled = tuple[Span, ...]


def _t(value: str, style: str = "") -> Styled:
    return ((clean(value), style),)


def plain(text: Styled) -> str:
    return "".join(part for part, _ in text)


class Column(NamedTuple):
    """A column as rich's Table takes it (the same names and defaults), so both writers lay it out alike."""

    header: str = ""
    justify: str = "left"  # "left" or "right"
    no_wrap: bool = False
    overflow: str = "ellipsis"  # or "fold"
    width: int | None = None
    min_width: int | None = None
    max_width: int | None = None
    ratio: int | None = None


class Line(NamedTuple):
    """Text at the left margin, wrapped between words to the width (a word wider than it is folded)."""

    text: Styled


class Indented(NamedTuple):
    """Text wrapped to the width less `indent` cells, every line indented."""

    text: Styled
    indent: int


class Grid(NamedTuple):
    """One row of a rich Table.grid(padding=(0, 1), expand=True): a compact finding's first line."""

    columns: tuple[Column, ...]
    cells: tuple[Styled, ...]


class Sheet(NamedTuple):
    """A table with a header (rich's Table, pad_edge=False, header in bold): without a box (the batch
    summary, under a heading of its own), or in rich's default HEAVY_HEAD box (the wide table)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Styled, ...], ...]
    box: bool = False


Block = Line | Indented | Grid | Sheet
# The blocks are NamedTuples, not frozen dataclasses: a frozen dataclass costs ~1 ms at import (at load 5)
# as its methods are generated and exec'd, a NamedTuple a tenth of that (README, Start-up).


def _status(status: Status, lang: str) -> tuple[str, str]:
    return labels.status(status, lang), labels.status_style(status)


def _severity(severity: Severity, lang: str) -> tuple[str, str]:
    if severity is Severity.NONE:
        return "", ""
    return labels.severity(severity, lang), labels.SEVERITY_STYLE[severity]


def _shown(report: ReportResult, show_all: bool) -> list[Finding]:
    if show_all:
        return list(report.findings)
    return [f for f in report.findings if f.status not in (Status.PASS, Status.STATED, Status.NOT_APPLICABLE)]


def _order(finding: Finding) -> tuple[int, int, int, int, str]:
    return (
        -finding.severity.rank,
        finding.status in (Status.PASS, Status.STATED),
        finding.page,
        finding.line,
        finding.rule,
    )


# ------------------------------------------------------------------------------------------ basis

_TITLE = re.compile(r"《([^》]+)》")


def short_title(document: str) -> str:
    """The document's short name: its first 《title》, whole, without 中华人民共和国 or a bracketed year
    range (a title cut in the middle, 《法治政府…作规定》, named no document one could look up); a
    source without a title, or whose title is only an example in brackets ("地方规定 (如 《…》)"), by
    its words before any bracket or comma. The full name is in the report's list of sources (_sources)."""
    match = _TITLE.search(document)
    if not match or re.search(r"[(（]", document[: match.start()]):
        return re.split(r"[(（,,]", document, maxsplit=1)[0].strip()
    return f"《{re.sub(r'[(（][^)）]*[)）]$', '', match.group(1).removeprefix('中华人民共和国'))}》"


def short_article(article: str) -> str:
    """The article as a short citation gives it: its first word ("第四章" of "第四章 (年度报告)", "(二)(三)(七)"),
    or "" when the pack's `article` is not a place in the document (a sentence it quotes)."""
    part = article.strip().split(maxsplit=1)[0] if article.strip() else ""
    return part if part.startswith(("第", "(", "（")) else ""


def short_cite(finding: Finding, lang: str = "zh") -> str:
    """The basis as a finding's line shows it: the short title, the article and the pack's qualifier
    ("《政府信息公开条例》第三十三条"). In English a document without a 《title》 is quoted as the pack
    words it (“地方实践”), so what the basis rests on is said, not only its strength."""
    basis = messages.basis(finding)
    if basis is None:
        return ""
    title, part = short_title(basis.document), short_article(basis.article)
    limit = f"({basis.qualifier})" if basis.qualifier else ""
    if lang == "en":  # a cited title and article numbers; the pack's qualifier as a full citation words it
        title = title if title.startswith("《") else messages.quote(title, lang)
        part = f" {messages.article(part, lang)}" if part else ""
        limit = qualifier_text(basis, lang)
    return f"{title}{part}{limit}".strip()


def cited(finding: Finding, lang: str, full: bool, label: bool = True) -> str:
    """The basis as a finding shows it: with its label and strength in words ("依据(党政文件)
    《…》第二十四条", see _common.basis_label), or, without `label` (a cell under the heading 依据), the
    strength after it ("《…》第二十四条(党政文件)"); the citation short, or with `full` (--all) in full;
    "" when the finding has none."""
    basis = messages.basis(finding)
    if basis is None:
        return ""
    cite = full_citation(basis, lang) if full else short_cite(finding, lang)
    if label:  # the label is one unit: never "Basis" at a line's end and "(law)" at the next one's start
        return f"{basis_label(basis, lang).replace(' ', GLUE)} {cite}"
    word = labels.strength(basis.strength.value, lang)
    if lang == "en":  # "Art. 24" and "(binding policy)" each one unit, as the label is: the cell wraps
        return f"{_ARTICLE.sub(lambda m: m.group().replace(' ', GLUE), cite)} ({word.replace(' ', GLUE)})"
    return f"{cite}({word})"


_ARTICLE = re.compile(r"\b(?:Arts?|Chs?|Paras?)\. \d")  # messages.article's numbering: "Art. 24", "Ch. 4"


def _sources(findings: Iterable[Finding], lang: str, width: int) -> str:
    """The documents the findings cite by a short name, each in full once, as the pack names it ("依据全称:
    《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号);…"): the number and version an officer
    signs under, which a line's short name leaves out. "" when none is cited by a short name."""
    full: dict[str, None] = {}
    for f in findings:
        basis = messages.basis(f)
        if basis is not None and short_title(basis.document) != basis.document.strip():
            full.setdefault(clean(messages.document(basis.document, lang)))
    if not full:
        return ""
    head = labels.heading("sources", lang).replace(" ", GLUE)
    return joined([f"{head} {next(iter(full))}", *list(full)[1:]], width, sep=";")


def _gap(finding: Finding, lang: str) -> str:
    """The gap, or the message when it says more; never a repeat of the status ("未填报")."""
    if finding.status is Status.UNVERIFIABLE and finding.message in messages.GAPS:
        # the value (shown) and why it does not settle the target, worded short ("exact figure needed")
        return with_unit(messages.gap(finding, lang), messages.unit(finding), lang)
    if finding.status in _TOLD_BY_MESSAGE:
        return messages.message(finding, lang)
    if finding.status is Status.MISSING:  # the status and the target already say what is missing
        return ""
    return with_unit(messages.gap(finding, lang), messages.unit(finding), lang)


def _location(finding: Finding, lang: str) -> str:
    if finding.page:
        return f"p{finding.page} L{finding.line}" if lang == "en" else f"第{finding.page}页第{finding.line}行"
    return f"L{finding.line}" if lang == "en" else f"第{finding.line}行"


# ---------------------------------------------------------------------------------------- layouts

# Info-level findings of a missing figure, from this many on, are one row: their names and lines,
# packed (their targets and bases are in --all). They are most of a thin report's findings, and at
# two lines each they would push the warnings off the screen.
GROUP_FROM = 4


def _listed(findings: Iterable[Finding], show_all: bool) -> tuple[list[Finding], list[Finding]]:
    """The findings a compact layout lists one by one, in its order, and those it groups (_grouped)."""
    ordered = sorted(findings, key=_order)
    grouped = _grouped(ordered, show_all)
    return ([f for f in ordered if f not in grouped] if grouped else ordered), grouped


def _grouped(findings: list[Finding], show_all: bool) -> list[Finding]:
    if show_all:
        return []
    minor = [f for f in findings if f.status is Status.MISSING and f.severity is Severity.INFO]
    return minor if len(minor) >= GROUP_FROM else []


def _facts(f: Finding, lang: str) -> list[str]:
    facts = []
    for key, value in (
        ("expected", with_unit(messages.expected(f, lang), messages.unit(f), lang)),
        ("actual", with_unit(messages.actual(f, lang), messages.unit(f), lang)),
        ("previous", messages.previous(f, lang)),
        ("change", messages.change(f, lang)),
        ("gap", _gap(f, lang)),
    ):
        if value:
            facts.append(f"{labels.field(key, lang)} {value}")
    if f.accepted is not None:  # why a miss is accepted, and until when: the reader's first question
        until = "until" if lang == "en" else "有效至"
        facts.append(f"{labels.status(Status.ACCEPTED, lang)}: {f.accepted.reason} ({until} {f.accepted.expires})")
    return facts


def pack(items: list[Styled], room: int, lang: str, sep: str = "", flow: bool = False) -> Styled:
    """`items` as lines at most `room` cells wide, an item never broken across two (one longer than
    `room` alone on its lines); the separator ends a full line, so the reader sees the list goes on.
    With `flow`, English runs on instead: it is wrapped between words, never inside one, so a long
    name that would leave most of a line empty goes on to the next (Huli: 17 lines, not 23)."""
    sep = sep or ("; " if lang == "en" else ";")
    if lang == "en" and flow:
        return tuple(span for i, item in enumerate(items) for span in ((sep, ""),) * bool(i) + item)
    out: list[Span] = []
    used = 0
    for item in items:
        size = cell_len(plain(item))
        if used and used + cell_len(sep) + size + cell_len(sep.rstrip()) > room:
            out.append((sep.rstrip() + "\n", ""))
            used = 0
        elif used:
            out.append((sep, ""))
            used += cell_len(sep)
        out.extend(item)
        used += size
    return tuple(out)


GLUE = "\u00a0"  # a space joined() never breaks at; it is written as a space
_CLOSING = frozenset("》)）〕」』】,，。;；:：、!！?？")
_OPENING = frozenset("《(（〔「『【")


def joined(parts: list[str], room: int, sep: str = " ·") -> str:
    """`parts` parted by " · ", with its line breaks where the writer would put them (between words, a
    word wider than `room` folded: see fold) but never before a separator: it ends the line the part
    before it ends, so a line never starts with "·" (at 40 columns an English line did: "· 《…》
    HARD-POLICY"), nor inside a GLUE ("Basis (binding policy)")."""
    lines: list[str] = []
    line = ""
    last = len(parts) - 1
    for i, part in enumerate(parts):
        words = [word for word in part.split(" ") if word]
        for j, word in enumerate(words):
            end = sep if i < last and j == len(words) - 1 else ""
            if line and cell_len(f"{line} {word}{end}") <= room:
                line = f"{line} {word}{end}"
                continue
            if line:
                lines.append(line)
            # a word wider than the line is folded, its separator kept on its last piece
            pieces = fold(word, max(room - cell_len(end), 2)) if cell_len(word + end) > room else [word]
            lines += pieces[:-1]
            line = pieces[-1] + end
    return "\n".join([*lines, line]).replace(GLUE, " ")


def fold(word: str, room: int) -> list[str]:
    """`word` (without spaces: a run of Chinese) in pieces of at most `room` cells: after a 》 where the
    line has one (《重大行政决策程序暂行条例》 / 第二十五条), else between two characters, but never with a
    closing mark first on a line or an opening one last (the writer's fold gave "…督察工作规定" / "》第四章");
    before a 《 where the title then fits on the next line whole (山东省人民政府办公厅 / 《办理…办法》)."""
    pieces: list[str] = []
    line = ""
    for i, char in enumerate(word):
        if not line or cell_len(line + char) <= room:
            line += char
            continue
        cut = _title_start(line, word[i:], room)
        if cut is None:
            cut = _cut(line, char)
        if cell_len(line[cut:] + char) > room:  # what the mark would carry over does not fit: cut anyway
            cut = len(line)
        pieces.append(line[:cut])
        line = line[cut:] + char
    return [*pieces, line]


def _title_start(line: str, rest: str, room: int) -> int | None:
    """Where a full `line` breaks before the title it has begun (its 《, not the first character), if
    the title, ending in what comes (`rest`), fits on a line of its own; else None."""
    start = line.rfind("《")
    close = rest.find("》")
    if start <= 0 or line.rfind("》") > start or close < 0:
        return None
    return start if cell_len(line[start:] + rest[: close + 1]) <= room else None


def _cut(line: str, then: str) -> int:
    """Where a full `line` breaks before `then` comes (see fold)."""
    title_end = line.rfind("》")
    if 0 < title_end < len(line) - 1:
        return title_end + 1
    text, cut = line + then, len(line)
    while cut > 1 and (text[cut] in _CLOSING or text[cut - 1] in _OPENING or _within_ascii(text, cut)):
        cut -= 1
    return cut


def _within_ascii(text: str, at: int) -> bool:
    """Whether `at` falls inside a run of Latin letters and digits (2023-2025, 711): not a place to break."""
    return text[at - 1].isascii() and text[at].isascii() and text[at - 1].isalnum() and text[at].isalnum()


def _name_list(findings: list[Finding], room: int, lang: str) -> Styled:
    """Names with their lines, each line written once: "第7行 甲;第25行 乙;丙"."""
    items: list[Styled] = []
    last = None
    for f in sorted(findings, key=lambda f: (f.page, f.line)):
        where = _location(f, lang)
        head: Styled = () if where == last else ((where, "dim"), (" ", ""))
        items.append(head + _t(labels.name(f, lang)))
        last = where
    return pack(items, room, lang, flow=True)


INDENT = 4  # cells before a finding's second line: under the status, so the name column stays clean
# Below this many cells for the name between the status and the line, the name has a line of its own:
# at 40 columns ("missing warning … L25") it had 15, and English names were cut inside a word
# ("Information-dis" / "closure").
NAME_ROOM = 24


def _compact(findings: Iterable[Finding], lang: str, show_all: bool, width: int) -> list[Block]:
    """Two lines a finding: status, severity, name and line; then, indented, what was expected, found
    and missed, and the basis, using the whole width.

    The basis gives way first when the second line would wrap (see _cite_that_fits), so most findings
    stay on two lines at 80 columns. Many info-level missing figures share one row (see GROUP_FROM)."""
    listed, grouped = _listed(findings, show_all)
    ordered = [*listed, *grouped]
    widths = [
        max((cell_len(text) for text in column), default=0)
        for column in (
            [labels.status(f.status, lang) for f in ordered],
            [_severity(f.severity, lang)[0] for f in ordered],
            [_location(f, lang) for f in listed],
        )
    ]
    room = width - INDENT
    columns = (
        Column(no_wrap=True, width=widths[0]),
        Column(no_wrap=True, width=widths[1]),
        Column(ratio=1, overflow="fold"),
        Column(no_wrap=True, justify="right", width=widths[2]),
    )
    # the cells the name is left between the status, the severity and the line (a space between each)
    name_room = width - sum(widths) - 3
    stacked = name_room < max(NAME_ROOM, longest_word(labels.name(f, lang) for f in listed))

    def head(status: Status, severity: Severity, name: Styled, where: str) -> list[Block]:
        """The finding's first line; on a narrow screen the name goes on the next, indented."""
        first = (_t(*_status(status, lang)), _t(*_severity(severity, lang)))
        if stacked:
            return [Grid(columns, (*first, (), _t(where, "dim"))), Indented(name, INDENT)]
        return [Grid(columns, (*first, name, _t(where, "dim")))]

    out: list[Block] = []
    for f in listed:
        facts = _facts(f, lang)
        cite = cited(f, lang, full=show_all)
        if cite:
            facts.append(cite)
        out += head(f.status, f.severity, _t(labels.name(f, lang), "bold"), _location(f, lang))
        if facts:
            out.append(Indented(_t(joined(facts, room)), INDENT))
    if grouped:
        n = len(grouped)
        title = (
            f"{n} more, by name and line (targets, basis: --all)"
            if lang == "en"
            else f"另 {n} 项,只列名称与行号(目标与依据见 --all)"
        )
        out += head(Status.MISSING, Severity.INFO, ((title, "bold"),), "")
        out.append(Indented(_name_list(grouped, room, lang), INDENT))
    return out


def longest_word(values: Iterable[str]) -> int:
    """Cells of the longest run without a space among ASCII words: a column never narrower, so
    rich never has to break one ("HARD-POL│ICY"). CJK text may break between any two characters."""
    longest = 0
    for value in values:
        for word in re.findall(r"[!-~]+", value):
            longest = max(longest, len(word))
    return longest


# The wide table's widths, set here rather than left to the writer, which shares a shortfall out
# evenly, folds the basis mid-title and, where a column cannot shrink, runs past the terminal's edge.
# The basis column at most BASIS_SHARE of the terminal (140 columns: 39 cells, a 《title》 of 19
# characters whole), the indicator's name at most NAME_SHARE (22 cells), a figure (target, stated,
# gap...) at most VALUE_MAX; where they do not fit, the figures give up room first, down to their
# longest word, then the name and the basis, in proportion.
BASIS_SHARE, NAME_SHARE, VALUE_MAX = 0.28, 0.16, 16
_FIGURES = frozenset({"expected", "actual", "previous", "change", "gap"})
_NO_WRAP = frozenset({"status", "severity", "location"})
_SHARES = {"indicator": NAME_SHARE, "basis": BASIS_SHARE}


def _widths(columns: dict[str, list[str]], width: int) -> dict[str, int]:
    """Each column's width but the ones never wrapped (`columns`: each key's heading and cells, in the
    table's order), within `width`; {} where even the least of them do not fit (the writer decides)."""

    def widest(key: str) -> int:
        return max(cell_len(line) for text in columns[key] for line in text.split("\n"))

    room = width - 3 * len(columns) + 1  # borders, and padding but at the table's edges
    room -= sum(widest(key) for key in columns if key in _NO_WRAP)
    out = {key: min(widest(key), int(width * _SHARES[key])) for key in columns if key in _SHARES}
    least = {key: min(max(longest_word(columns[key][1:]), 1), VALUE_MAX) for key in columns if key in _FIGURES}
    out |= {key: max(min(widest(key), VALUE_MAX), least[key]) for key in least}
    while sum(out.values()) > room:  # the widest figure above its least gives a cell
        above = [key for key in least if out[key] > least[key]]
        if not above:
            break
        out[max(above, key=out.__getitem__)] -= 1
    over, shared = sum(out.values()) - room, sum(out[key] for key in _SHARES if key in out)
    if over > 0:
        if shared - over < 2 * len(_SHARES):
            return {}
        for key in _SHARES.keys() & out.keys():
            out[key] -= -(-over * out[key] // shared)  # rounded up: the table never runs past the edge
    return out


def _wide(findings: Iterable[Finding], lang: str, show_all: bool, width: int = WIDE) -> Sheet:
    """The full table, with only the columns that some shown row fills. The basis column has a width of
    its own, its cells broken where the compact layout breaks them (joined: between words, after a
    《title》, never before a closing mark), not folded by the writer in mid-title ("《法治政府建设与责任落
    / 实督察工作规定》")."""
    keys = ("indicator", "expected", "actual", "previous", "change", "gap", "status", "severity", "basis", "location")
    rows = []
    for f in sorted(findings, key=_order):
        rows.append(
            (
                f,
                {
                    "indicator": labels.name(f, lang),
                    "expected": with_unit(messages.expected(f, lang), messages.unit(f), lang),
                    "actual": with_unit(messages.actual(f, lang), messages.unit(f), lang),
                    "previous": messages.previous(f, lang),
                    "change": messages.change(f, lang),
                    "gap": _gap(f, lang),
                    "status": labels.status(f.status, lang),
                    "severity": _severity(f.severity, lang)[0],
                    "basis": cited(f, lang, full=show_all, label=False),
                    "location": f"{Path(f.file).name}:{line_ref(f)}",
                },
            )
        )
    used = [k for k in keys if any(cells[k] for _, cells in rows)]
    texts = {key: [labels.field(key, lang), *(cells[key] for _, cells in rows)] for key in used}
    widths = _widths(texts, width)
    for _, cells in rows:
        for key in _SHARES.keys() & widths.keys():
            cells[key] = joined([cells[key]], widths[key]) if cells[key] else ""
    columns = tuple(
        Column(
            labels.field(key, lang),
            justify="right" if key in _FIGURES else "left",
            overflow="fold",
            no_wrap=key in _NO_WRAP,
            width=widths.get(key),
            min_width=None if widths else longest_word(cells[key] for _, cells in rows) or None,
        )
        for key in used
    )
    lines = []
    for f, cells in rows:
        styles = {
            "status": labels.status_style(f.status),
            "severity": _severity(f.severity, lang)[1],
            "basis": "dim",
            "location": "dim",
        }
        lines.append(tuple(_t(cells[k], styles.get(k, "")) for k in used))
    return Sheet(columns, tuple(lines), box=True)


# ----------------------------------------------------------------------------------------- report


def _summary_parts(report: ReportResult, lang: str) -> tuple[str, list[str]]:
    """The lead-in and the per-status counts of the line under a report's findings."""
    c = report.counts()
    word = {s: labels.status(s, lang) for s in Status}
    # the statuses this report has, in a fixed order (a zero says nothing and costs a line at 80 columns)
    order = [
        Status.PASS,
        Status.STATED,
        Status.SHORTFALL,
        Status.MISSING,
        Status.UNVERIFIABLE,
        Status.INVALID,
        Status.UNKNOWN,
    ]
    shown = [s for s in (*order, Status.ACCEPTED) if c[s.value]]
    notes = c["notes"]  # hulifa's notes on the input: not indicators, counted apart
    if lang == "en":
        note = [f"{notes} {labels.field('notes', lang).removesuffix('s' if notes == 1 else '')}"] if notes else []
        return f"{report.required} required, {report.given} given: ", [f"{c[s.value]} {word[s]}" for s in shown] + note
    note = [f"{labels.field('notes', lang)} {notes}"] if notes else []
    return f"规则包要求 {report.required} 项,报告给出 {report.given} 项:", [
        f"{word[s]} {c[s.value]}" for s in shown
    ] + note


def summary_line(report: ReportResult, lang: str) -> str:
    if not report.checked:
        return labels.status(Status.ERROR, lang)
    head, parts = _summary_parts(report, lang)
    return head + ("," if lang != "en" else ", ").join(parts)


def _summary_text(report: ReportResult, lang: str, width: int) -> Styled:
    """summary_line, wrapped between counts only ("2 unverifiable" stays whole)."""
    head, parts = _summary_parts(report, lang)
    if not parts:
        return _t(head.removesuffix(": ").removesuffix(":"))
    items = [_t(head + parts[0]), *(_t(p) for p in parts[1:])]
    return pack(items, width, lang, sep=", " if lang == "en" else ",")


def _bounds_note(report: ReportResult, lang: str, width: int) -> Styled | None:
    rounded = [
        f for f in report.findings if messages.bound(f) in labels.BOUND and f.status in (Status.PASS, Status.STATED)
    ]
    if not rounded:
        return None
    head = "Stated, but not exact: " if lang == "en" else "约数与界值(已填报,非确切数值):"
    # in English the figure says its bound in words ("more than 1,700 attendances")
    items = [
        _t(
            f"{labels.name(f, lang)}: {messages.actual(f, lang)}"
            if lang == "en"
            else f"{labels.name(f, lang)} {messages.actual(f, lang)}({labels.bound(messages.bound(f), lang)})"
        )
        for f in rounded
    ]
    # the heading and the first figure are joined as one item, so the list never starts on a line alone
    note = pack([((head, ""), *items[0]), *items[1:]], width, lang, flow=True)
    return tuple((text, f"{style} magenta".strip()) for text, style in note)


def report_blocks(report: ReportResult, lang: str, show_all: bool, width: int = 160) -> list[Block]:
    title = " ".join(p for p in (report.region, str(report.year or "")) if p)
    room = width - cell_len(title) - 3 if title else width
    file = shorten_middle(report.file, max(room, 16))
    out: list[Block] = [Line(_t(f"{title} — {file}" if title else file, "bold"))]
    if not report.checked:
        for f in report.findings:
            out.append(Line(_t(f"{f.file}:{line_ref(f)}:{f.column}: {messages.message(f, lang)}", "bold red")))
        return out
    # the verdict first, so a terminal's first screen has it (at 40 columns the findings run to ~90
    # lines); the counts at the end stay where a scrolled reader looks
    errors, warnings, infos = _issue_counts(report)
    style = "bold red" if errors else "bold yellow" if warnings else "bold green"
    parts = [_t(part, style) for part in labels.report_verdict(errors, warnings, infos, lang)]
    out.append(Line(pack(parts, width, lang, sep=", " if lang == "en" else ",")))
    shown = _shown(report, show_all)
    if shown:
        if width >= WIDE:
            out.append(_wide(shown, lang, show_all, width))
        else:
            out.extend(_compact(shown, lang, show_all, width))
        # a short name is a name only with its document in full: once a report (--all cites in full)
        sources = "" if show_all else _sources(_listed(shown, show_all)[0] if width < WIDE else shown, lang, width)
        if sources:
            out.append(Line(_t(sources)))
    out.append(Line(_summary_text(report, lang, width)))
    if report.previous:
        previous = ("Compared with last year's " if lang == "en" else "已与上年报告对比:") + report.previous
        out.append(Line(_t(previous, "dim")))
    note = _bounds_note(report, lang, width)
    if note:
        out.append(Line(note))
    return out


def unchecked_blocks(report: ReportResult, lang: str, width: int) -> list[Block]:
    """A report that could not be checked, in the details: its name, and where the reason is."""
    line = f"{shorten_middle(report.file, max(width - 30, 16))}: {labels.heading('see_stderr', lang)}"
    return [Line(_t(line, labels.status_style(Status.ERROR))), BLANK]


BLANK = Line(())


# ------------------------------------------------------------------------------------------ batch


class Row(NamedTuple):
    """One report in the batch summary: all the summary keeps of it. A NamedTuple, as the records of
    hulifa.model: a dataclass is compiled with exec at every start (README "Start-up")."""

    file: str
    region: str
    year: int | None
    checked: bool
    errors: int
    warnings: int
    infos: int
    worst: Severity

    def encoded(self) -> bytes:
        """The row as one line of ASCII JSON (a file name's line breaks and the lone surrogates of an
        undecodable name are escaped, so every name survives the round trip)."""
        import json  # only past SPILL_AT reports: not imported at all when one file is checked

        fields = (self.file, self.region, self.year, self.checked, self.errors, self.warnings, self.infos)
        return json.dumps([*fields, self.worst.value]).encode("ascii") + b"\n"

    @classmethod
    def decoded(cls, line: bytes) -> Row:
        import json

        file, region, year, checked, errors, warnings, infos, worst = json.loads(line)
        return cls(file, region, year, checked, errors, warnings, infos, Severity(worst))


class Rows(Sequence[Row]):
    """The summary's rows in input order, held outside memory: up to SPILL_AT of them in a list, and
    the rest in a spill file (an anonymous temporary file, one JSON line a row), written SPILL_AT at
    a time. The summary can only be laid out once every row is in (a column is as wide as its widest
    cell, and rich sizes a table's columns before its first row), so the rows are read back at the
    end: once to find the widest cells, then SUMMARY_CHUNK at a time as each chunk is printed. The
    file offset of every SUMMARY_CHUNK-th row is kept (8 bytes per 256 rows), so a chunk is a seek
    and a read. Memory is one batch and one chunk of rows, whatever the batch.

    The verdict's counts are tallied as rows arrive, so the verdict never reads the file, and a batch
    of fewer than SPILL_AT reports (the usual case) never opens one. At 100,000 reports the rows
    would be ~55 MiB as Python objects; in the file, 7.7 MB on disk (77 bytes a row of the memory
    benchmark's, README "Memory")."""

    def __init__(self) -> None:
        self.held: list[Row] = []  # the rows after those in the spill file
        self.spill: IO[bytes] | None = None
        self.spilled = 0
        self.offsets = array("q")  # in the spill file, where rows 0, SUMMARY_CHUNK, 2 × SUMMARY_CHUNK… start
        self.tally = labels.Tally()

    def append(self, row: Row) -> None:
        self.tally.add(row.checked, row.worst)
        self.held.append(row)
        if len(self.held) >= SPILL_AT:
            self._write()

    def _write(self) -> None:
        if self.spill is None:
            import tempfile

            # anonymous (unlinked at once): nothing is left behind, however the run ends
            self.spill = tempfile.TemporaryFile("w+b")  # noqa: SIM115 - closed in close()
        spill = self.spill
        spill.seek(0, os.SEEK_END)  # a read may have left the position anywhere
        for start in range(0, len(self.held), SUMMARY_CHUNK):
            self.offsets.append(spill.tell())
            spill.writelines(row.encoded() for row in self.held[start : start + SUMMARY_CHUNK])
        self.spilled += len(self.held)
        self.held.clear()

    def __len__(self) -> int:
        return self.spilled + len(self.held)

    def __iter__(self) -> Iterator[Row]:
        yield from self._read(0, self.spilled)
        yield from self.held

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return list(self)[index]
            return [
                *self._read(start, min(stop, self.spilled)),
                *self.held[max(start - self.spilled, 0) : max(stop - self.spilled, 0)],
            ]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        return self[position : position + 1][0]

    def _read(self, start: int, stop: int) -> Iterator[Row]:
        """Spilled rows start..stop-1, read from the nearest chunk's offset on."""
        if self.spill is None or start >= stop:
            return
        chunk, skip = divmod(start, SUMMARY_CHUNK)
        self.spill.seek(self.offsets[chunk])
        for line in itertools.islice(self.spill, skip, skip + stop - start):
            yield Row.decoded(line)

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()
            self.spill = None

    def __del__(self) -> None:  # the summary has no end of its own: the file goes with the rows
        self.close()


class Missed(NamedTuple):
    """A rule a report misses (_common.counts_as_missed): its id, name, severity rank and place in the pack."""

    rule: str
    name: str
    rank: int
    place: tuple[str, int]


class SummaryItem(NamedTuple):
    """All the batch summary keeps of one report: its row, and each rule it misses. Small, so --jobs
    sends it from the worker instead of the whole result (a ReportResult took ~1.2 ms to pickle and
    ~1.4 ms to unpickle, about a parse floor)."""

    row: Row
    missed: tuple[Missed, ...]


def _issue_counts(report: ReportResult) -> tuple[int, int, int]:
    """A report's issues by severity (errors, warnings, infos): what its verdict and summary row count."""
    counted = [f for f in report.findings if f.status not in (Status.ACCEPTED, Status.PASS, Status.STATED)]
    by = Counter(f.severity for f in counted)
    return by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO]


def summary_item(report: ReportResult, lang: str) -> SummaryItem:
    errors, warnings, infos = _issue_counts(report)
    row = Row(
        file=report.file,
        region=report.region,
        year=report.year,
        checked=report.checked,
        errors=errors,
        warnings=warnings,
        infos=infos,
        worst=report.worst(),
    )
    missed = (
        Missed(rule, labels.name(f, lang), f.severity.rank, pack_place(f)) for rule, f in missed_in(report).items()
    )
    return SummaryItem(row, tuple(missed))


SPILL_AT = 1024  # rows held before they go to the spill file (~250 KB): a multiple of SUMMARY_CHUNK


class BatchSummary:
    """What a batch's summary and verdict need, added one report at a time: a row per report (in
    Rows, outside memory) and a count per missed rule. The findings themselves are not kept, so
    memory stays flat in the batch. A plain class, as model.Outcome: a running tally, never compared."""

    __slots__ = ("missed", "names", "rows")

    def __init__(self) -> None:
        self.rows = Rows()
        self.missed = MostMissed()
        self.names: dict[str, str] = {}

    def add(self, report: ReportResult, lang: str) -> None:
        self.add_item(summary_item(report, lang))

    def add_item(self, item: SummaryItem) -> None:
        """Add a report by what the summary keeps of it (made where it was checked: see summary_item)."""
        self.rows.append(item.row)
        for rule, name, rank, place in item.missed:
            self.missed.add(rule, rank, place)
            self.names.setdefault(rule, name)  # the name in the first report that missed the rule

    def verdict(self, lang: str, seconds: float | None = None) -> str:
        return self.rows.tally.verdict(lang, seconds)

    def verdict_line(self, lang: str, width: int, seconds: float | None = None) -> Line:
        """The run's verdict, bold, wrapped between its parts in Chinese ("0 / 份无错误和警告" at 40
        columns before) and between words in English."""
        parts = [_t(part, "bold") for part in self.rows.tally.verdict_parts(lang, seconds)]
        return Line(pack(parts, width, lang, sep=", " if lang == "en" else ",", flow=True))

    def blocks(self, lang: str, width: int = 160) -> list[SummaryRows | Block]:
        """The summary table, as one block per SUMMARY_CHUNK rows (print them one by one and the
        memory is one chunk's, not the whole table's: each reads its rows back as it is printed),
        then the most-missed ranking. Each under a heading of its own at the left margin, as a report's
        title is: a table's centred title was wrapped to the table's width, which at 40 columns split
        "Summary across" / "reports" over a table of two narrow columns."""
        _, file_width, narrow = _frame(lang, width)
        probe = _widest(self.rows, lang, file_width, narrow)
        out: list[SummaryRows | Block] = [Line(_t(labels.heading("summary", lang), "bold"))]
        out += [
            SummaryRows(self.rows, start, probe, lang, width)
            for start in range(0, max(len(self.rows), 1), SUMMARY_CHUNK)
        ]
        if self.missed:
            ranked = self.missed.ranked()[:15]
            ranking = Sheet(
                (
                    Column(labels.field("indicator", lang), overflow="fold"),
                    Column(labels.field("reports", lang), justify="right", no_wrap=True),
                ),
                tuple((_t(self.names.get(rule, rule)), _t(f"{count:,}")) for rule, count in ranked),
            )
            out += [BLANK, Line(_t(labels.heading("most_missed", lang), "bold")), ranking]
        return out


SUMMARY_CHUNK = 256


# Below this many columns the summary is two columns, the file and its worst severity with how many:
# its eight had been squeezed to "…" (headers, counts) and the regions to one character at 40 columns.
NARROW_SUMMARY = 60


def _frame(lang: str, width: int) -> tuple[tuple[Column, ...], int, bool]:
    """The summary table's columns, the width its file column may take, and whether it is narrow
    (NARROW_SUMMARY): then the file names the report and the worst severity says how it did."""
    worst = Column(labels.field("worst", lang), no_wrap=True)
    if width < NARROW_SUMMARY:
        widest = max(cell_len(labels.severity(Severity.WARNING, lang)) + 6, cell_len(labels.status(Status.ERROR, lang)))
        file_width = max(12, width - 2 - widest)  # rich's two cells between columns
        return (Column(labels.field("file", lang), no_wrap=True, max_width=file_width), worst), file_width, True
    counts = [labels.field(key, lang) for key in ("errors", "warnings", "infos")]
    # rough: region and year, the counts under their headers, the worst ("not checked" in English: the
    # headers' characters counted twice, as if Chinese, had left English file names 19 cells at 80
    # columns, cut to region…/report.yaml in every row of a batch of region-NN/report.yaml)
    worst_width = max(10, cell_len(labels.status(Status.ERROR, lang)))
    fixed = 2 + 4 + 10 + sum(max(cell_len(c), 5) + 1 for c in counts) + worst_width
    file_width = max(16, min(70, width - fixed))
    columns = (
        Column(labels.field("file", lang), no_wrap=True, max_width=file_width),
        Column(labels.field("region", lang), no_wrap=True, max_width=14),
        Column(labels.field("year", lang), no_wrap=True),
        *(Column(header, justify="right", no_wrap=True) for header in counts),
        worst,
    )
    return columns, file_width, False


def _cells(row: Row, lang: str, file_width: int, narrow: bool = False) -> tuple[Styled, ...]:
    worst, style = _severity(row.worst, lang)
    if not row.checked:
        worst, style = labels.status(Status.ERROR, lang), labels.status_style(Status.ERROR)
    file = _t(shorten_middle(row.file, file_width))
    if narrow:  # "错误 2": the worst and how many findings have it
        n = {Severity.ERROR: row.errors, Severity.WARNING: row.warnings, Severity.INFO: row.infos}.get(row.worst)
        return file, _t(f"{worst} {n:,}" if row.checked and n else worst or "—", style)
    return (
        file,
        _t(shorten_middle(row.region or "—", 14)),
        _t(str(row.year or "—")),
        *(_t(str(n)) for n in (row.errors, row.warnings, row.infos)),
        _t(worst or "—", style),
    )


def _widest(rows: Sequence[Row], lang: str, file_width: int, narrow: bool = False) -> list[Row]:
    """The rows that set the columns' widths: in each column the cell with the largest minimum and the
    largest maximum width (rich lays a table out from these alone). Empty when a row would take
    more than one line: the chunks could not then be cut apart by counting lines."""
    best: dict[tuple[int, int], tuple[int, int]] = {}
    for i, row in enumerate(rows):
        for c, cell in enumerate(_cells(row, lang, file_width, narrow)):
            text = plain(cell)
            if "\n" in text:
                return []
            size = cell_len(text)
            longest = max((cell_len(word) for word in text.split()), default=size)
            for key, value in (((c, 0), longest), ((c, 1), size)):
                if key not in best or value > best[key][0]:
                    best[key] = (value, i)
    return [rows[i] for i in sorted({i for _, i in best.values()})]


L = TypeVar("L")


class SummaryRows(NamedTuple):
    """rows[start:start + SUMMARY_CHUNK] of the summary table (with its header for the first
    chunk), laid out exactly as in the whole table: a writer lays the chunk out below the rows that
    set the widths (see _widest, `sheet`), and drops their lines (`cut`). A table of thousands of
    rows is never held whole, in cells or in rendered lines. Without a probe (a cell with a line
    break), the first chunk is the whole table."""

    rows: Sequence[Row]
    start: int
    probe: list[Row]
    lang: str
    width: int

    def sheet(self) -> Sheet | None:
        """The table a writer lays out for this chunk (None: nothing to print)."""
        columns, file_width, narrow = _frame(self.lang, self.width)
        if not self.probe:
            rows = self.rows if self.start == 0 else None
        else:
            rows = [*self.probe, *self.rows[self.start : self.start + SUMMARY_CHUNK]]
        if rows is None:
            return None
        cells = tuple(_cells(row, self.lang, file_width, narrow) for row in rows)
        return Sheet(columns, cells)

    def cut(self, lines: list[L]) -> list[L]:
        """Of the lines of `sheet()`, this chunk's: its rows (one line each, see _widest), and the
        header above it in the first chunk."""
        if not self.probe:
            return lines
        chunk = len(self.rows[self.start : self.start + SUMMARY_CHUNK])
        cut = len(lines) - chunk
        head = lines[: cut - len(self.probe)] if self.start == 0 else []
        return [*head, *lines[cut:]]


def blocks(
    result: CheckResult, lang: str = "zh", show_all: bool = False, width: int = 160, details: bool | None = None
) -> list[SummaryRows | Block]:
    """Per-report blocks (all of them when `details`, or when the batch is small), then the summary."""
    out: list[SummaryRows | Block] = []
    if details is None:
        details = len(result.reports) <= DETAIL_LIMIT
    summary = BatchSummary()
    for report in result.reports:
        if details:
            out.extend(report_blocks(report, lang, show_all, width))
            out.append(BLANK)
        summary.add(report, lang)
    if len(result.reports) > 1:
        out.extend(summary.blocks(lang, width))
    return out


def text(blocks: Sequence[SummaryRows | Block], width: int) -> str:
    """Plain text (no colour) at a fixed width: what a file or a pipe receives, written without rich's
    console (table_plain), as rich would write it."""
    from hulifa.reporters import table_plain

    return table_plain.render(blocks, width)


def render(
    result: CheckResult, lang: str = "zh", show_all: bool = False, width: int = 160, details: bool | None = None
) -> str:
    return text(blocks(result, lang, show_all, width, details), width)
