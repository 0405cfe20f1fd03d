"""hulifa extract: from a published report's text to report data, every figure with its evidence.

Public API (pure; nothing prints):

* `read_text(path, encoding=None) -> (text, encoding_used)`: .txt/.md/.html/.docx, any common encoding.
* `extract_text(text, pack) -> Extraction`: figures, indicators, sections, year, region, level.
* `to_report_yaml(extraction, source_name) -> str`, `to_json(extraction) -> str`.
* `to_report_data(extraction, file, text="") -> hulifa.model.ReportData`: extract and check in one step.
* `make_draft(published, name, pack) -> Draft`: what `hulifa extract` writes, from a report as
  `hulifa.extract.published.read_published` reads it (refused when it holds no report).

Offsets (`start`, `end`) are 0-based character offsets into the text `read_text` returns (line
endings normalised to "\\n"), `end` exclusive; `line` and `column` are 1-based.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what __getattr__ below returns, for the type checker
    from hulifa.extract.core import Extraction, extract_text
    from hulifa.extract.draft import Draft, make_draft
    from hulifa.extract.figures import Figure
    from hulifa.extract.indicators import Implicit, Indicator
    from hulifa.extract.output import to_dict, to_json, to_report_data, to_report_yaml
    from hulifa.extract.sections import SectionHit
    from hulifa.extract.textload import read_text

# Names are resolved on first use, so that `hulifa --help` and `hulifa check x.yaml` do not pay for
# the extractor's imports (the CLI's extract command, hulifa.cli.extract, imports this package at start-up).
_LAZY = {
    "Draft": "draft",
    "make_draft": "draft",
    "Extraction": "core",
    "extract_text": "core",
    "Figure": "figures",
    "Implicit": "indicators",
    "Indicator": "indicators",
    "SectionHit": "sections",
    "read_text": "textload",
    "to_report_yaml": "output",
    "to_json": "output",
    "to_report_data": "output",
    "to_dict": "output",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f"hulifa.extract.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(name)


__all__ = [
    "Draft",
    "Extraction",
    "Figure",
    "Implicit",
    "Indicator",
    "SectionHit",
    "extract_text",
    "make_draft",
    "read_text",
    "to_dict",
    "to_json",
    "to_report_data",
    "to_report_yaml",
]
