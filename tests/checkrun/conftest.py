"""Options for a run made by hand, as `hulifa check` would make them from its command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


@pytest.fixture
def batch(write):  # type: ignore[no-untyped-def]
    """A folder of three reports (one clean of errors, one short of a target, one that is not YAML)
    and a deviations file, which a scan skips saying so."""
    from clihelp import MINIMAL

    write("reports/a/2024.yaml", MINIMAL.replace("测试区", "甲区") + "  出庭应诉率: 100%\n")
    write("reports/b/2024.yaml", MINIMAL.replace("测试区", "乙区") + "  出庭应诉率: 80%\n")
    write("reports/c/2024.yaml", "region: 丙区\n  bad: [\n")
    deviations = "deviations:\n  - {rule: x, reason: y, approved_by: z, expires: 2030-01-01}\n"
    return Path(write("reports/deviations.yaml", deviations)).parent
