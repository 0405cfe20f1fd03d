"""Data tables in a report's text: rows of cells, however the copy laid them out.

* `join_cell_lines`: a table copied from a portal page often comes out one cell per line (a label
  line, then one line per year column, under a header of year lines: 主要指标 / 2022年 / 2023年). In the
  folded text its rows are joined back with tabs, one character for one, so every offset and every
  line number of the original text still holds, and a row reads as one sentence ("行政复议案件\t88件\t102件"),
  as a table pasted with tabs does.
* `pipe_rows`: a Markdown copy's pipe table ("| 澄江区 | 132 | 96 | 100% |") has its pipes read as tabs,
  one character for one, so its rows are rows as a pasted table's are.
* `headed_rows`: the rows under a header that names year columns or a target column ("指标\t目标值\t2024年
  \t2023年"), and the rows of a transposed table labelled by their year ("2023年\t276\t10.9"), each with
  where its cells start and what heads them: priors reads a year before the report's as last year's level,
  targets reads 目标值 as the year's target.
* `label_unit`, `unit_cell`, `header_units`: a row whose label names its unit ("行政复议申请（件）\t186\t231"),
  that has a unit column ("新收行政复议案件\t件\t203\t287") or that stands under a header naming each
  column's unit ("专业\t检查单位（户）\t立案（件）") holds bare numbers in that unit.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from hulifa.quantity import MEASURE_WORDS

_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d{2}\s*年?度?\s*$")
# a header's first cell or a row's label: short, and not a sentence
_LABEL = re.compile(r"^[^\t。，,；;：:！!？?]{1,24}$")
_HEADER_LABEL = re.compile(r"^[^\t。，,；;：:！!？?\d]{1,12}$")
# a value cell: a number with at most a measure word, a %, or a dash for none
_VALUE_CELL = re.compile(
    r"^\s*(?:[-—–－]+|[\d,，.．]+\s*(?:%|％|[\u4e00-\u9fff]{1,3})?|[零〇一二两三四五六七八九十百千万]+[\u4e00-\u9fff]{0,2})\s*$"
)
_MIN_ROWS = 2
# a year (2024年, or a bare 2024 ending a cell), and a date: a line with a date names no year of a table
YEAR_WORD = re.compile(r"(?:19|20)\d{2}(?=\s*年|\s*$)")
DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text`."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


_PIPE_ROW = re.compile(r"^[ \t]*[|│┃║](?:[^|│┃║\n]*[|│┃║]){2,}[ \t]*$", re.MULTILINE)
_BARS = str.maketrans(dict.fromkeys("|│┃║", "\t"))
# a grid table's rule line (+----+----+, ├────┼────┤): its joints are tabs, so it is a line of the table, not
# the end of it
_JOINTS = frozenset("+┼╋╬├┤┬┴┌┐└┘┣┫┳┻┏┓┗┛╠╣╦╩╔╗╚╝|│┃║")
_RULE = _JOINTS | frozenset("-─━=═: ")


def pipe_rows(folded: str) -> str:
    """`folded` with each pipe-table line's pipes (Markdown |, or a text grid's │ ┃ ║) turned into tabs, and
    the joints of a grid's rule lines too (same length, same offsets)."""
    if not any(bar in folded for bar in "|│┃║"):
        return folded
    folded = _PIPE_ROW.sub(lambda m: m.group(0).translate(_BARS), folded)
    if not any(joint in folded for joint in "+┼╋╬"):
        return folded
    lines = folded.split("\n")
    for i, line in enumerate(lines):
        if len(line.strip()) >= 3 and set(line.strip()) <= _RULE and sum(c in _JOINTS for c in line) >= 2:
            lines[i] = "".join("\t" if c in _JOINTS else c for c in line)
    return "\n".join(lines)


def join_cell_lines(folded: str) -> str:
    """`folded` with each one-cell-per-line table's rows joined by tabs (same length, same offsets)."""
    if "\n" not in folded:
        return folded
    spans = line_spans(folded)
    lines = [folded[s:e] for s, e in spans]
    joins: list[int] = []  # offsets of the newlines that become tabs
    i = 0
    while i < len(lines):
        width = _header_width(lines, i)
        if width == 0:
            i += 1
            continue
        rows = _rows(lines, i + 1 + width, width)
        if rows < _MIN_ROWS:
            i += 1
            continue
        # the header (label and year cells), then each row (label and value cells)
        for first in [i, *range(i + 1 + width, i + 1 + width + rows * (width + 1), width + 1)]:
            joins += [spans[k][1] for k in range(first, first + width)]
        i += 1 + width + rows * (width + 1)
    if not joins:
        return folded
    chars = list(folded)
    for offset in joins:
        chars[offset] = "\t"
    return "".join(chars)


def _header_width(lines: list[str], i: int) -> int:
    """How many year cells follow a header label at line i (0 when line i heads no such table)."""
    if not _HEADER_LABEL.match(lines[i].strip()) or _YEAR_CELL.match(lines[i]):
        return 0
    width = 0
    while i + 1 + width < len(lines) and _YEAR_CELL.match(lines[i + 1 + width]):
        width += 1
    return width if width >= 2 else 0


def _rows(lines: list[str], i: int, width: int) -> int:
    """How many rows of a label and `width` value cells follow from line i."""
    rows = 0
    while i + width < len(lines):
        label, cells = lines[i], lines[i + 1 : i + 1 + width]
        if not _LABEL.match(label.strip()) or _VALUE_CELL.match(label) or not all(_VALUE_CELL.match(c) for c in cells):
            break
        rows += 1
        i += width + 1
    return rows


# （件）, （单位：名）, （%）, （‰）, （微克/立方米）: a measure word in brackets at the end of a label
_LABEL_UNIT = re.compile(
    r"[（(]\s*(?:单位\s*[:：]\s*)?([\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,3})?|%|％|‰)\s*[)）]\s*$"
)


def _unit(word: str) -> str:
    """A measure word as a table's unit, or "": 万元 is a multiplier as much as a unit (2,846.3 under
    2024年（万元） is 28,463,000 元), and a bare cell is never read as one."""
    word = word.replace("％", "%")
    if word not in ("%", "‰") and (word not in MEASURE_WORDS or word.startswith(("万", "亿"))):
        return ""
    return word


# a label that ends in a measure word that is also a noun: 人均培训学时, 审核时间工作日, 检查户次
_LABEL_MEASURE = re.compile(r"(?:学时|课时|工作日|小时|人次|户次|家次|批次|场次|件次)\s*$")


def label_unit(label: str) -> str:
    """The unit a row's label names at its end ("行政复议申请（件）" -> 件, "纠错率（%）" -> %, "行政执法人员人均
    培训学时" -> 学时), or ""."""
    m = _LABEL_UNIT.search(label) or _LABEL_MEASURE.search(label)
    return _unit(m.group(1) if m.groups() else m.group(0).strip()) if m is not None else ""


def unit_cell(cell: str) -> str:
    """The unit a cell of a unit column holds ("件", "%"), or ""."""
    return _unit(cell.strip())


# a line above a table that states its units: 单位：件、%, （单位：人次）, a title ending 情况（单位：人次）, or
# with 单位：件 set apart at its end
_UNIT_LINE = re.compile(
    r"(?:^|\s)单位\s*[:：]\s*([^()（）]{1,16}?)\s*$|[（(]\s*单位\s*[:：]\s*([^()（）]{1,16}?)\s*[)）]\s*$"
)
_SENTENCE = frozenset("。，,；;！!？?")  # a line with these is prose, not a table's title
# a row of rates, whose bare numbers are in % when the table states % among its units
_RATE_LABEL = ("率", "比例", "占比", "比重")


_UNIT_SEPARATORS = str.maketrans(dict.fromkeys(",，/和及", "、"))


def unit_line(line: str) -> list[str]:
    """The units a line above a table states for its bare numbers ("单位：件、%" -> [件, %]), or []."""
    m = _UNIT_LINE.search(line)
    stated = (m.group(1) or m.group(2)).translate(_UNIT_SEPARATORS).split("、") if m else []
    units = [_unit(u.strip()) for u in stated]
    if not m and len(line.strip()) <= 40 and not _SENTENCE.intersection(line):
        units = [label_unit(line)]  # a title that ends in its unit: 表1 2024年行政处罚案件按季度分布（件）
    return units if units and all(units) else []


def stated_unit(units: list[str], label: str) -> str:
    """The unit of a row labelled `label` among the units its table states: % for a rate (纠错率) when % is
    one of them, else the one that is not %; "" when that does not settle it."""
    if "%" in units and label.strip().endswith(_RATE_LABEL):
        return "%"
    others = [u for u in units if u != "%"]
    return others[0] if len(others) == 1 else ""


# a header of a column of changes: 增减, 同比增长（%）, 比上年增减, 增幅
_CHANGE_HEADS = ("增减", "同比", "环比", "增长", "增幅", "降幅", "变化", "变动", "比上年", "较上年", "升降")


def change_columns(cells: list[str]) -> set[int]:
    """The columns a header names as changes (增减, 同比增长（%）): their cells are changes, signed or not."""
    return {i for i, c in enumerate(cells) if len(c.strip()) <= 12 and any(w in c for w in _CHANGE_HEADS)}


def header_units(cells: list[str]) -> list[str]:
    """The unit each column's header names ("检查单位（户）" -> 户), when any does; else []."""
    units = [label_unit(c) for c in cells]
    return units if any(units) else []


# a cell boundary: a tab, or spaces after a word or a % (a PDF's table may lose its tabs); "3 958件" is one cell
CELL_SEP = re.compile(r"\t+|(?<=[^\d\s]) +(?=\S)")
# 2023年, 2024年度, and a year a PDF glued to the header after it (2023年完成情况)
_YEAR_HEAD = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:年度?(?:[\u4e00-\u9fff]{0,6}))?\s*$")
# 目标值, 2024年目标, 计划值, 预期目标, 2025年工作目标, 2025年计划: the column of a target
_TARGET_HEAD = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*年度?)?(?:年度)?(?:(?:工作|主要|考核|预期)?目标(?:值|任务)?|计划(?:值|数)?|预期值?)\s*$"
)


# 完成值, 实际值, 实际完成 (a year before it is a year column): the column of the year's result beside a target's
_RESULT_HEAD = re.compile(r"^\s*(?:完成值|实际值|实际完成(?:值|情况)?|完成情况)\s*$")
# 本年 | 上年: the report's year and the one before, unnamed; the earlier one's column is read as year 0 (before any)
_THIS_YEAR = frozenset({"本年", "本年度", "今年", "当年", "本期"})
_LAST_YEAR = frozenset({"上年", "上年度", "去年", "上年同期", "同期"})
_EARLIER = 0


def _heads(cells: list[str]) -> tuple[dict[int, int], set[int]] | None:
    """(year by column, target columns) when `cells` are a header of two year columns, of a year or a result
    column (完成值, 实际值) and a target column, of 本年 and 上年, or of labels and target columns alone
    ("指标\t目标值", "序号\t指标\t考核目标": a table of targets; its first cell a label, so not a transposed
    table's 目标值 row); else None."""
    years: dict[int, int] = {}
    targets: set[int] = set()
    results = False
    for index, cell in enumerate(cells):
        if _TARGET_HEAD.match(cell):
            targets.add(index)
        elif (m := _YEAR_HEAD.match(cell)) is not None:
            years[index] = int(m.group(1))
        elif cell in _LAST_YEAR:
            years[index] = _EARLIER
        else:
            results = results or cell in _THIS_YEAR or bool(_RESULT_HEAD.match(cell))
    if len(years) >= 2 or ((years or results) and targets) or (results and _EARLIER in years.values()):
        return years, targets
    first = min(targets, default=0)  # every column after the labels a target: nothing there is a result
    if first and targets == set(range(first, len(cells))) and all(_HEADER_LABEL.match(c) for c in cells[:first]):
        return years, targets
    return None


class HeadedRow(NamedTuple):
    """A table row under a header of year or target columns."""

    start: int
    end: int
    cuts: list[int]  # where each cell after the first starts
    years: dict[int, int]  # the header's year by column
    targets: set[int]  # the header's target columns
    plan: bool = False  # the table's title names targets (2025年主要目标, 工作计划): every cell is one
    title_year: int | None = None  # the year the table's title names (穆川县2025年…): a later one's cells are plans

    def column(self, offset: int) -> int:
        """The column of the cell that holds `offset`."""
        return sum(1 for cut in self.cuts if cut <= offset)


def _transposed(cells: list[str]) -> tuple[dict[int, int], set[int]] | None:
    """(year by column, target columns) of a row of a transposed table, whose label is its year or its
    target ("2023年\t276\t10.9", "目标值\t300\t8"): every cell after the label is that year's, or a target.
    None when `cells` are not such a row."""
    if len(cells) < 2 or not all(_VALUE_CELL.match(c) for c in cells[1:] if c.strip()):
        return None
    columns = range(1, len(cells))
    if _TARGET_HEAD.match(cells[0]):
        return {}, set(columns)
    m = _YEAR_HEAD.match(cells[0])
    return ({c: int(m.group(1)) for c in columns}, set()) if m is not None else None


# a table's title that names targets, not what was done: 2025年法治政府建设主要目标, 工作计划
_PLAN_TITLE = ("目标", "计划", "预期")
_DONE_TITLE = ("完成", "实际", "情况", "成效", "对比")


def _title(line: str) -> tuple[bool, int | None]:
    """(whether a table's title names targets, the year it names); a sentence is no title."""
    if len(line.strip()) > 40 or _SENTENCE.intersection(line):
        return False, None
    year = None if DATE.search(line) else YEAR_WORD.search(line)  # a date (2025年2月26日) names no table's year
    plan = any(w in line for w in _PLAN_TITLE) and not any(w in line for w in _DONE_TITLE)
    return plan, int(year.group()) if year else None


def _plain_header(cells: list[str]) -> bool:
    """Whether `cells` head a table: two or more, none a figure (a year may head a column)."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and not any(_VALUE_CELL.match(c) and not _YEAR_HEAD.match(c) for c in filled)


def _merged(cells: list[str], width: int, heads: tuple[dict[int, int], set[int]]) -> int:
    """How many cells a row lacks at its start: a category cell merged down from a row above (类别 | 项目 |
    2025年 | 2024年 over 行政处罚 | 结案（件） | 108 | 85, then 立案（件） | 112 | 87, which a PDF gives without
    the merged cell). Its figures start that many columns before the header's first year or target column; a
    row with all its cells, or short of a last cell (an empty 备注), lacks none."""
    first = min([*heads[0], *heads[1]], default=0)
    label = next(
        (i for i, c in enumerate(cells) if any("\u4e00" <= ch <= "\u9fff" for ch in c) and not _VALUE_CELL.match(c)),
        None,
    )
    if label is None or len(cells) >= width:
        return 0
    value = next((i for i in range(label + 1, len(cells)) if _VALUE_CELL.match(cells[i])), len(cells))
    return max(0, first - value)


def wrapped_cell(text: str) -> bool:
    """Whether `text` may be the rest of a row's label its cell wrapped onto the next line: 诉率, （含乡镇）."""
    return 0 < len(text) <= 12 and not any(ch.isdigit() or ch in _SENTENCE for ch in text)


def wrapped_label(line: str) -> bool:
    """Whether `line` holds only the rest of the label above it, wrapped in its cell and set under it
    ("\t诉率"): a table goes on past it."""
    cells = [c.strip() for c in line.split("\t") if c.strip()] if line[:1].isspace() else []
    return len(cells) == 1 and "\t" in line and wrapped_cell(cells[0])


def headed_rows(folded: str, rows: list[tuple[int, int]]) -> list[HeadedRow]:
    """Each row under such a header, until a line without a tab; each row of a transposed table, whose label
    is a year or a target (years as rows, indicators as columns); and each row of a table whose title (the
    line of text before it) names targets or a year, under whatever header it has, with what its title says."""
    out: list[HeadedRow] = []
    heads: tuple[dict[int, int], set[int]] | None = None
    width = 0  # how many cells the header has
    title: tuple[bool, int | None] = (False, None)
    for start, end in rows:
        line = folded[start:end]
        if "\t" not in line:
            heads = None
            if line.strip():
                title = _title(line)
            continue
        if wrapped_label(line):
            continue
        cells = [c.strip() for c in CELL_SEP.split(line)]  # a table aligned with spaces pads its cells
        header = _heads(cells)
        if header is None and heads is None and (title[0] or title[1]) and _plain_header(cells):
            header = {}, set()
        if header is not None:
            heads, width = header, len(cells)
            continue
        # a header the title alone made names no column: a transposed table's rows still name their year
        own = heads if heads is not None and any(heads) else _transposed(cells) or heads
        if own is not None:
            cuts = [m.end() for m in CELL_SEP.finditer(folded, start, end)]
            if own is heads:  # a row a merged category cell left short: its cells stand under the header's
                cuts = [start] * _merged(cells, width, heads) + cuts
            out.append(HeadedRow(start, end, cuts, *own, *title))
    return out


__all__ = [
    "CELL_SEP",
    "DATE",
    "YEAR_WORD",
    "HeadedRow",
    "change_columns",
    "headed_rows",
    "header_units",
    "join_cell_lines",
    "label_unit",
    "line_spans",
    "pipe_rows",
    "stated_unit",
    "unit_cell",
    "unit_line",
    "wrapped_cell",
    "wrapped_label",
]
