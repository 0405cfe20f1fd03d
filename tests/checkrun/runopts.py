"""Options for a run made by hand, as `hulifa check` would make them from its command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hulifa.checkrun.options import CheckOptions, selection
from hulifa.model import Severity
from hulifa.reportdata import TextHints


def options(paths: list[str | Path], dest: dict[str, Path | None] | None = None, **changes: Any) -> CheckOptions:
    """The options of `hulifa check PATHS --isolated` (table to stdout), with `changes`."""
    made = CheckOptions(
        paths=[str(p) for p in paths],
        rules=None,
        deviations=None,
        today=None,
        encoding=None,
        jobs=1,
        selection=selection(None, None, False, True),
        fail_on=Severity.ERROR,
        lang="zh",
        dest={"table": None} if dest is None else dest,
        show_all=False,
        details=False,
        color="never",
        force=False,
        previous=None,
        hints=TextHints(),
        force_exclude=False,
        stdin_name=None,
        quiet=False,
        verbose=False,
    )
    return made._replace(**changes)
