"""Hypothesis profile and the generated large inputs for the hostile-input suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Modest by default so the whole suite stays well under a minute on two cores;
# HYPOTHESIS_PROFILE=thorough for a longer local run.
settings.register_profile(
    "hostile", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "hostile"))


@pytest.fixture(scope="session")
def large(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The generated large inputs (tests/hostile/make_large.py), written once per session."""
    from hostile import make_large

    return make_large.generate(tmp_path_factory.mktemp("large"))
