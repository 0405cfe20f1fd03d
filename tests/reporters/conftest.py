"""Fixtures for the reporter tests; the data lives in reporter_fixtures.py."""

from __future__ import annotations

import contextlib
import shutil
import warnings
from pathlib import Path

import pytest
from reporter_fixtures import BAD_REPORT, HULI_REPORT, PACK, SIMING_REPORT

from hulifa.model import CheckResult

# When a Hypothesis test fails, its pytest plugin imports libcst to suggest a patch, and importing
# libcst warns (mypy_extensions.TypedDict is deprecated). With `filterwarnings = ["error"]` that turns
# a plain test failure into a pytest INTERNALERROR that hides the falsifying example, so import it
# once here, quietly. (A project-wide fix: an ignore entry for that warning in pyproject.toml.)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    with contextlib.suppress(ImportError):
        import libcst  # noqa: F401


@pytest.fixture
def batch() -> CheckResult:
    return CheckResult(reports=(HULI_REPORT, BAD_REPORT), pack=PACK)


@pytest.fixture
def batch3() -> CheckResult:
    return CheckResult(reports=(HULI_REPORT, BAD_REPORT, SIMING_REPORT), pack=PACK)


@pytest.fixture
def single() -> CheckResult:
    return CheckResult(reports=(HULI_REPORT,), pack=PACK)


@pytest.fixture
def no_pack() -> CheckResult:
    return CheckResult(reports=(HULI_REPORT, BAD_REPORT), pack=None)


@pytest.fixture(scope="session")
def thirty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 copies of the Huli report data, as files: 30 errors, 210 warnings and 840 infos; about
    400,000 characters of Markdown when nothing is cut."""
    from clihelp import HULI_DATA

    root = tmp_path_factory.mktemp("thirty")
    for i in range(30):
        (root / f"r{i:02d}").mkdir()
        shutil.copy(HULI_DATA, root / f"r{i:02d}" / "2024.yaml")
    return root
