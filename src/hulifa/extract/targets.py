"""Figures outside the next-year part that state a target or a requirement, not the year's result.

* `named_target`: "年初确定的纠错率目标为15%以内", "压减目标为30%", "保护目标（耕地48.50万亩、…）": a
  figure right after 目标(任务)为, or inside the brackets that follow 目标 ("梳理目标任务86项" counts
  the tasks: no 为, no target).
* `required`: "省政府考核要求负责人出庭应诉率达到100%", "要求审核时间不超过5个工作日": a figure that
  completes 要求…达到 (控制在…) in its clause, or follows 要求… with its own 不超过/不低于.
* `of_the_target`: "不少于4场的要求", "“纠错率降至12%以下”的目标": a figure followed by 的要求 / 的目标.
* `set_by_a_higher_body`: "控制在市定0.9‰以内", "低于省下达的5%": a level a higher body set (市定, 省定,
  下达的), which the year's own figure is measured against.
* `target_column`: a table cell under a 目标值 (目标, 计划值, 预期值) header beside the year columns
  ("指标\t目标值\t2024年\t2023年": ≥95%, 100%, ≤10 are the year's targets), or in a table of targets
  alone ("指标\t目标值"), under a year after the report's, or in a table whose title names targets or a
  later year ("穆川县2025年法治政府建设主要目标").

Such a figure is a plan, as the next-year part's are: never this year's value. A report that meets a
target says so with its own figure ("网上可办率98.7%，高于目标"), which is read as usual.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from hulifa.extract.document import Doc
from hulifa.extract.figures import Figure
from hulifa.extract.tables import headed_rows

# 目标为95% is a target; 梳理目标任务86项 counts tasks (no 为 between)
_NAMED = re.compile(r"目标(?:任务|值)?(?:为|是|定为|设定为|确定为|:)\s*$|目标\([^()]{0,30}$")
_REQUIRED = re.compile(r"要求[^,;:。!?\n]{0,24}?(?:达到|达|不低于|不少于|不超过|不高于|控制在|提高到|降至|为)\s*$")
_ASKED = re.compile(r"要求[^,;:。!?\n]{0,24}$")
_BOUND_WORDS = ("不超过", "不低于", "不少于", "不高于", "至少")
_OF_THE = re.compile(r"[\"'”’」』]?的(?:目标|要求)")


def named_target(doc: Doc, fig: Figure) -> bool:
    return bool(_NAMED.search(doc.folded, doc.clause_start(fig.start, hard=True), fig.start))


def required(doc: Doc, fig: Figure) -> bool:
    start = doc.clause_start(fig.start, hard=True)
    if _REQUIRED.search(doc.folded, start, fig.start):
        return True
    # 要求审核时间不超过5个工作日: the figure's own qualifier is the level required
    return fig.text.startswith(_BOUND_WORDS) and bool(_ASKED.search(doc.folded, start, fig.start))


def of_the_target(doc: Doc, fig: Figure) -> bool:
    return bool(_OF_THE.match(doc.folded, fig.end))


_SET_BY = re.compile(r"(?:[省市州盟县区旗]定|下达的?)\s*$")


def set_by_a_higher_body(doc: Doc, fig: Figure) -> bool:
    return bool(_SET_BY.search(doc.folded, doc.clause_start(fig.start, hard=True), fig.start))


TARGET_RULES: tuple[Callable[[Doc, Figure], bool], ...] = (named_target, required, of_the_target, set_by_a_higher_body)


def target_column(doc: Doc, figures: list[Figure], year: int | None = None) -> set[int]:
    """The indexes of the figures in a table's target column, under a year after the report's, or in a table
    whose title names targets or a year after the report's (穆川县2025年法治政府建设主要目标)."""
    starts = [fig.start for fig in figures]
    out: set[int] = set()
    for row in headed_rows(doc.folded, doc.rows()):
        later = year is not None and (row.title_year or 0) > year
        for i in range(bisect.bisect_left(starts, row.start), bisect.bisect_left(starts, row.end)):
            column = row.column(starts[i])
            ahead = year is not None and row.years.get(column, year) > year
            if row.plan or later or ahead or column in row.targets:
                out.add(i)
    return out


def mark_targets(doc: Doc, figures: list[Figure], year: int | None = None) -> list[Figure]:
    """The figures with `plan` set on every one a target rule reads as a target; `year` is the report's,
    whose later years' table cells are plans."""
    columns = target_column(doc, figures, year)
    return [
        replace(f, plan=True) if i in columns or any(rule(doc, f) for rule in TARGET_RULES) else f
        for i, f in enumerate(figures)
    ]
