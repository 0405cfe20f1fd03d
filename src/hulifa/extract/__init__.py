"""hulifa extract: from a published report's text to report data, every figure with its evidence.

Public API (pure; nothing prints):

* `read_text(path, encoding=None) -> (text, encoding_used)`: .txt/.md/.html/.docx, any common encoding.
* `extract_text(text, pack) -> Extraction`: figures, indicators, sections, year, region, level.
* `to_report_yaml(extraction, source_name) -> str`, `to_json(extraction) -> str`.
* `to_report_data(extraction, file) -> hulifa.model.ReportData`: extract and check in one step.

Offsets (`start`, `end`) are 0-based character offsets into the text `read_text` returns (line
endings normalised to "\\n"), `end` exclusive; `line` and `column` are 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hulifa.extract.document import Doc
from hulifa.extract.figures import Figure, find_figures
from hulifa.extract.indicators import Implicit, Indicator, find_implicit, map_indicators
from hulifa.extract.sections import SectionHit, detect_region, detect_sections, detect_year, guess_level
from hulifa.extract.textload import read_text
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
    text_length: int = 0

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    @property
    def unmapped(self) -> tuple[Figure, ...]:
        """Figures no indicator took: kept in the output so that nothing found is lost."""
        used = {(i.start, i.end) for i in self.indicators if not i.implicit}
        return tuple(f for f in self.figures if (f.start, f.end) not in used)


def _mark_plans(figures: list[Figure], sections: list[SectionHit], lines: int) -> list[Figure]:
    """Figures in the next-year part are targets (plan), not what the year achieved."""
    starts = {s.id: s.line for s in sections}
    if "next_year" not in starts:
        return figures
    first = starts["next_year"]
    after = [line for sid, line in starts.items() if line > first and sid in ("other",)]
    last = min(after) if after else lines + 1
    return [replace(f, plan=True) if first <= f.line < last else f for f in figures]


def extract_text(
    text: str,
    pack: RulePack,
    *,
    region: str | None = None,
    level: str | None = None,
    year: int | None = None,
) -> Extraction:
    """Extract figures, indicators and sections from a report's text. Never raises on odd text."""
    doc = Doc.of(text)
    found_year = year if year is not None else detect_year(doc)
    found_region = region if region is not None else detect_region(doc)
    found_level = level if level is not None else guess_level(found_region)
    sections = detect_sections(doc, found_year)
    figures = _mark_plans(find_figures(doc), sections, len(doc.line_starts))
    implicit = find_implicit(doc)
    indicators = map_indicators(doc, pack, figures, implicit)
    return Extraction(
        region=found_region,
        level=found_level,
        year=found_year,
        sections=tuple(sections),
        indicators=tuple(indicators),
        figures=tuple(figures),
        implicit=tuple(implicit),
        text_length=len(text),
    )


def __getattr__(name: str):  # output functions import yaml/json lazily
    if name in ("to_report_yaml", "to_json", "to_report_data", "to_dict"):
        from hulifa.extract import output

        return getattr(output, name)
    raise AttributeError(name)


__all__ = [
    "Extraction",
    "Figure",
    "Implicit",
    "Indicator",
    "SectionHit",
    "extract_text",
    "read_text",
    "to_json",
    "to_report_data",
    "to_report_yaml",
]
