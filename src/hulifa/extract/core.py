"""The extractor proper: text -> Extraction (figures, indicators, sections, year, region, level)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from hulifa.extract.document import Doc
from hulifa.extract.figures import Figure, find_figures
from hulifa.extract.indicators import Implicit, Indicator, Reporter, find_implicit, map_indicators
from hulifa.extract.metadata import LevelGuess, detect_region, detect_year, level_in_text, level_of
from hulifa.extract.priors import mark_priors
from hulifa.extract.sections import SectionHit, closing_start, detect_sections, report_end, report_start
from hulifa.extract.targets import mark_targets
from hulifa.extract.wraps import Shift, unwrap
from hulifa.model import RulePack


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor found in one report."""

    region: str
    level: str
    year: int | None
    sections: tuple[SectionHit, ...]
    indicators: tuple[Indicator, ...]
    figures: tuple[Figure, ...]
    implicit: tuple[Implicit, ...]
    blank: bool = False  # nothing but white space
    # how the level was read from the name (None when the caller gave it): a guess is never silent
    level_guess: LevelGuess | None = None

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    @property
    def unmapped(self) -> tuple[Figure, ...]:
        """Figures no indicator took: kept in the output so that nothing found is lost."""
        used = {(i.start, i.end) for i in self.indicators if not i.implicit}
        return tuple(f for f in self.figures if (f.start, f.end) not in used)


def _plans(doc: Doc, sections: list[SectionHit]) -> list[tuple[int, int]]:
    """The span of the next-year part (up to an 其他 part after it, or the closing matter: an appendix, the
    signature, the notes to footnote marks): what it says is a plan."""
    starts = {s.id: s.start for s in sections}
    if "next_year" not in starts:
        return []
    first = starts["next_year"]
    after = [start for sid, start in starts.items() if start > first and sid in ("other",)]
    return [(first, min(after) if after else closing_start(doc, first))]


def _mark_plans(figures: list[Figure], plans: list[tuple[int, int]]) -> list[Figure]:
    """Figures in the next-year part are targets (plan), not what the year achieved."""
    return [replace(f, plan=True) if any(a <= f.start < b for a, b in plans) else f for f in figures]


def _problems(sections: list[SectionHit], length: int) -> list[tuple[int, int]]:
    """The span of the shortcomings part: figures there describe problems, not the year's results."""
    starts = {s.id: s.start for s in sections}
    if "shortcomings" not in starts:
        return []
    first = starts["shortcomings"]
    later = [start for sid, start in starts.items() if start > first and sid not in ("causes", "shortcomings")]
    return [(first, min(later) if later else length)]


def extract_text(
    text: str,
    pack: RulePack,
    *,
    region: str | None = None,
    level: str | None = None,
    year: int | None = None,
) -> Extraction:
    """Extract figures, indicators and sections from a report's text. Never raises on odd text.

    Hard line wraps (text copied from a PDF) are joined first; every position is then moved back
    to the text as given, so line and column point into the user's file."""
    joined, removed = unwrap(text)
    if removed:
        found = _extract(joined, pack, region=region, level=level, year=year)
        return _moved(found, Doc.of(text), Shift.of(removed))
    return _extract(text, pack, region=region, level=level, year=year)


_Positioned = TypeVar("_Positioned", Figure, Indicator, Implicit, SectionHit)


def _move(item: _Positioned, doc: Doc, shift: Shift) -> _Positioned:
    start = shift.start(item.start)
    moved = replace(item, line=doc.line_of(start), column=doc.column_of(start), start=start)
    if isinstance(moved, SectionHit):
        return moved
    end = shift.end(item.end)
    if isinstance(moved, Implicit):
        return replace(moved, end=end, phrase=doc.text[start:end])
    return replace(moved, end=end, text=doc.text[start:end])  # as written in the file, wrap and all


def _moved(ex: Extraction, doc: Doc, shift: Shift) -> Extraction:
    return replace(
        ex,
        sections=tuple(_move(s, doc, shift) for s in ex.sections),
        indicators=tuple(_move(i, doc, shift) for i in ex.indicators),
        figures=tuple(_move(f, doc, shift) for f in ex.figures),
        implicit=tuple(_move(i, doc, shift) for i in ex.implicit),
    )


def _extract(
    text: str,
    pack: RulePack,
    *,
    region: str | None,
    level: str | None,
    year: int | None,
) -> Extraction:
    doc = Doc.of(text)
    found_year = year if year is not None else detect_year(doc)
    found_region = region if region is not None else detect_region(doc)
    guess = level_in_text(doc, found_region, level_of(found_region)) if level is None else None
    found_level = level if level is not None else guess.level if guess is not None else ""
    sections = detect_sections(doc, found_year)
    doc.end_report_at(report_end(doc, sections))  # a 图解, 相关链接 or the next document after it is not read
    doc.start_report_at(report_start(doc, sections))  # nor the tail of the document a gazette page starts with
    plans = _plans(doc, sections)
    figures = _mark_plans(mark_targets(doc, mark_priors(doc, find_figures(doc), found_year), found_year), plans)
    implicit = find_implicit(doc)
    problems = _problems(sections, len(text))
    reporter = Reporter(level=found_level, region=found_region, year=found_year)
    indicators = map_indicators(doc, pack, figures, implicit, problems, plans, reporter=reporter)
    return Extraction(
        region=found_region,
        level=found_level,
        year=found_year,
        sections=tuple(sections),
        indicators=tuple(indicators),
        figures=tuple(figures),
        implicit=tuple(implicit),
        blank=not text.strip(),
        level_guess=guess,
    )
