"""A batch of reports on disk, for the steps of a run to read."""

from __future__ import annotations

from pathlib import Path

import pytest


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
