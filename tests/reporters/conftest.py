"""Fixtures for the reporter tests; the data lives in reporter_fixtures.py."""

from __future__ import annotations

import contextlib
import warnings

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
