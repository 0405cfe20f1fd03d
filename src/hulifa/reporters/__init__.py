"""Output formats: one name-to-renderer table that is both the `--format` choices and the dispatch.

Every renderer is a pure function `render(result: CheckResult, lang: str) -> str`. A module that
also exposes the streaming protocol (hulifa.reporters.streaming: pieces, or a writer) is written one
report at a time, so a batch of any size runs in flat memory; the others get every result at the
end. Modules are imported only when their format is asked for, to keep start-up fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

from hulifa.model import CheckResult

Renderer = Callable[[CheckResult, str], str]

# format name -> module under hulifa.reporters exposing `render`
FORMATS: dict[str, str] = {
    "table": "table",
    "json": "json_",
    "json-compact": "json_compact",
    "junit": "junit",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
    "parsable": "parsable",
    "html": "html",
    "codequality": "codequality",
}


def renderer(name: str) -> Renderer:
    module = importlib.import_module(f"hulifa.reporters.{FORMATS[name]}")
    return module.render  # type: ignore[no-any-return]


def module(name: str) -> ModuleType:
    """The module of a format: whether and how it streams is what it exposes (see streaming.py)."""
    return importlib.import_module(f"hulifa.reporters.{FORMATS[name]}")
