"""Shared fixtures for the extractor's tests: the bundled rule pack and the Huli 2024 report."""

from __future__ import annotations

from pathlib import Path

import pytest

from hulifa.extract import Extraction, extract_text
from hulifa.model import RulePack

DATA = Path(__file__).resolve().parents[1] / "data"
HULI = DATA / "huli-2024-report.txt"


@pytest.fixture(scope="session")
def pack() -> RulePack:
    from hulifa.rulepack import load_pack

    return load_pack(None)


@pytest.fixture(scope="session")
def huli_text() -> str:
    return HULI.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def huli(pack: RulePack, huli_text: str) -> Extraction:
    return extract_text(huli_text, pack)
