"""Figures that state an earlier level, not this year's: each a small named rule with a test table.

* `from_to`: "由494项减到304项", "从20个工作日压缩至5个工作日", "占比从95.2%提高到": the figure after 由/从
  and before 到/至/为 and a second figure is where things stood before.
* `before_to_verb`: "494项精简至304项", "88次降为40次": a figure followed by a verb of change ending
  in 到/至/为 (压减至, 精简至, 降至…).
* `earlier_year`: "(2024年为3 208条)", "上年为…", "去年同期为…" in a 2025 report.
* `comparison_base`: "比2023年的4,212户增加625户", "较上年同期的…", "由上年的7名增加到10名": the figure a
  comparison is made against, said of an earlier year with 的.
* `table_column`: a table whose header row has year columns ("指标\t2023年\t2024年"): a cell under a
  year before the report's is last year's level.
* `earlier_in_series`: "近三年…分别为6.8%、5.2%、4.1%": every figure of the series but the last.

A prior figure is never this year's value (indicators skip it) and never a change.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from hulifa.extract.document import Doc
from hulifa.extract.figures import Figure
from hulifa.extract.tables import headed_rows

_NUMBER_START = r"\s*(?:[\d一二三四五六七八九十两]|百分之)"
_TO_VERB = (
    r"(?:增加|提高|提升|降低|下降|减少|缩短|压缩|压减|精简|缩减|扩大|上升|增长|削减|调减|调增|减|降|增|升|缩|提)"
    r"(?:到|至|为)"
)
_BEFORE_TO = re.compile(rf"\s*(?:{_TO_VERB}|变为|升级为){_NUMBER_START}")
_FROM_BEFORE = re.compile(r"(?:由|从)(?:原来的|原来|原|过去的?|之前的?)?\s*$")
# 由法定的20个工作日压缩至7个工作日: the legal time limit quoted, not where things stood before
_LEGAL_LIMIT = re.compile(r"法定(?:的|时限|期限)?\s*$")
_FROM_THEN_TO = re.compile(rf"\s*[\u4e00-\u9fff]{{0,4}}?(?:到|至|为){_NUMBER_START}")
_EARLIER_WORDS = re.compile(r"(?:上年|去年|上一年|前一年)(?:同期|全年|度)?(?:为|是|共|有)?\s*$")
# 比2023年的, 较上年同期的, 由上年的, 比2023年全年的: a base said of an earlier time, right before its figure
_BASE = re.compile(
    r"(?:比|较|与|同|由|从)(?:上年|去年|上一年|前一年|((?:19|20)\d{2})\s*年)(?:度|同期|全年|末|底)?的\s*$"
)
_YEAR_IS = re.compile(r"((?:19|20)\d{2})\s*年(?:度|同期|全年)?(?:为|是|共|有)?\s*$")
_SERIES = re.compile(
    r"(?:近|最近|过去)[两二三四五六七八九十\d]{1,2}年|(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年"
)
_RESPECTIVELY = re.compile(r"分别(?:为|是|达|达到)")


def from_to(doc: Doc, figures: list[Figure], year: int | None) -> set[int]:
    f = doc.folded
    out = set()
    for i, fig in enumerate(figures):
        if _FROM_BEFORE.search(f, max(0, fig.start - 8), fig.start) and _FROM_THEN_TO.match(f, fig.end):
            out.add(i)
    return out


def before_to_verb(doc: Doc, figures: list[Figure], year: int | None) -> set[int]:
    return {i for i, fig in enumerate(figures) if _BEFORE_TO.match(doc.folded, fig.end)}


def earlier_year(doc: Doc, figures: list[Figure], year: int | None) -> set[int]:
    f = doc.folded
    out = set()
    for i, fig in enumerate(figures):
        window = max(doc.clause_start(fig.start, hard=True), fig.start - 12)
        if _EARLIER_WORDS.search(f, window, fig.start):
            out.add(i)
            continue
        stated = _YEAR_IS.search(f, window, fig.start)
        if stated and year is not None and int(stated.group(1)) < year:
            out.add(i)
    return out


# 本局2023年度报告中提出的“省局执法人员人均培训不足五十学时”问题, 2024年度报告所列…37件: an earlier report quoted
_EARLIER_REPORT = re.compile(r"((?:19|20)\d{2})\s*年度?[^,;:。，；：\d]{0,12}?报告")


def earlier_report(doc: Doc, figures: list[Figure], year: int | None) -> set[int]:
    """A figure an earlier year's report stated, quoted in its clause with no other figure between: the level
    then, not this year's (比2021年度报告所称的356条多出56条: the 56 is the change; a target it set, …100%”的目标,
    is not a level)."""
    if year is None:
        return set()
    f = doc.folded
    out = set()
    for i, fig in enumerate(figures):
        said = list(_EARLIER_REPORT.finditer(f, doc.clause_start(fig.start, hard=True), fig.start))
        if not said or int(said[-1].group(1)) >= year or (i and figures[i - 1].start >= said[-1].end()):
            continue
        if "目标" not in f[fig.end : doc.clause_end(fig.end, hard=True)]:
            out.add(i)
    return out


def comparison_base(doc: Doc, figures: list[Figure], year: int | None) -> set[int]:
    f = doc.folded
    out = set()
    for i, fig in enumerate(figures):
        base = _BASE.search(f, max(0, fig.start - 14), fig.start)
        if base and (base.group(1) is None or year is None or int(base.group(1)) < year):
            out.add(i)
    return out


def table_column(doc: Doc, figures: list[Figure], year: int | None) -> set[int]:
    if year is None:
        return set()
    starts = [fig.start for fig in figures]
    out: set[int] = set()
    for row in headed_rows(doc.folded, doc.rows()):  # a table copied one cell per line is a row here too
        for i in range(bisect.bisect_left(starts, row.start), bisect.bisect_left(starts, row.end)):
            if row.years.get(row.column(figures[i].start), year) < year:
                out.add(i)
    return out


def earlier_in_series(doc: Doc, figures: list[Figure], year: int | None) -> set[int]:
    f = doc.folded
    starts = [fig.start for fig in figures]
    out: set[int] = set()
    for said in _RESPECTIVELY.finditer(f):
        s, e = doc.sentence_span(said.start())
        if not _SERIES.search(f, s, said.start()):
            continue
        series = range(bisect.bisect_left(starts, said.end()), bisect.bisect_left(starts, e))
        out.update(series[:-1])
    return out


PRIOR_RULES: tuple[Callable[[Doc, list[Figure], int | None], set[int]], ...] = (
    from_to,
    before_to_verb,
    earlier_year,
    earlier_report,
    comparison_base,
    table_column,
    earlier_in_series,
)


def mark_priors(doc: Doc, figures: list[Figure], year: int | None) -> list[Figure]:
    """The figures, with those that state an earlier level marked `prior` (and not `change`). A legal time limit
    quoted as the starting point (由法定的20个工作日压缩至7个工作日) is no earlier level."""
    prior: set[int] = set()
    for rule in PRIOR_RULES:
        prior |= rule(doc, figures, year)
    f = doc.folded
    prior = {i for i in prior if not _LEGAL_LIMIT.search(f, max(0, figures[i].start - 6), figures[i].start)}
    return [replace(fig, prior=True, change=False) if i in prior else fig for i, fig in enumerate(figures)]


__all__ = ["PRIOR_RULES", "mark_priors"]
