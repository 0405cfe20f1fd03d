"""`pip install .` ships every package of src/hulifa: pyproject.toml lists packages by hand, and one
left out installs without error but fails at its first import (an editable install would not show it)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT / "src").parts) for init in (ROOT / "src" / "hulifa").rglob("__init__.py")
    }
    assert found <= listed, sorted(found - listed)
