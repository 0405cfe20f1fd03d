"""Fixtures shared by all tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files (tests/golden/) and the `complete:` lists of tests/cases/*/expected.yaml "
        "from the current output instead of comparing; review the diff before committing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True under --update-golden: a golden test writes what it got instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """write("name.yaml", text) -> Path, with the text dedented; bytes are written as given."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return path

    return _write
