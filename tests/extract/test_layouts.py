"""Layouts that portals and offices publish, one folder per scenario under tests/extract/layouts/: the
input as a user has it (a page, a .docx, a PDF; make_inputs.py writes the ones that are made, not typed)
and `expected.yaml`, what a reader of that input expects `hulifa extract` to read:

* `figures`: each one read, with its value and unit, on its line (and, for a PDF, its page), and with
  `prior`/`plan` as said where said;
* `not_figures`: texts read as no figure at all (a year label, a dash, a restatement outside the report).

Each scenario runs through the CLI (`hulifa extract --format json`) and through the library, which must
agree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from hulifa.cli import app
from hulifa.extract import extract_text
from hulifa.extract.published import read_published
from hulifa.model import RulePack

LAYOUTS = Path(__file__).resolve().parent / "layouts"
SCENARIOS = sorted(p.name for p in LAYOUTS.iterdir() if (p / "expected.yaml").is_file())


def _input(name: str) -> Path:
    return next(p for p in sorted((LAYOUTS / name).iterdir()) if p.stem == "input")


def _expected(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((LAYOUTS / name / "expected.yaml").read_text(encoding="utf-8"))
    return loaded


def _check(figures: list[dict[str, Any]], expected: dict[str, Any]) -> None:
    for want in expected.get("figures", []):
        same = [f for f in figures if all(f.get(k, False) == v for k, v in want.items())]
        assert len(same) == 1, f"{want} not read once; read: {[f for f in figures if f['text'] == want['text']]}"
    for text in expected.get("not_figures", []):
        assert not [f for f in figures if f["text"] == text], f"{text} read as a figure"


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_cli_reads_what_a_reader_expects(name: str) -> None:
    run = CliRunner().invoke(app, ["extract", str(_input(name)), "--format", "json"])
    assert run.exit_code == 0, run.output
    _check(json.loads(run.stdout)["figures"], _expected(name))


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_library_reads_the_same(name: str, pack: RulePack) -> None:
    path = _input(name)
    published = read_published(path, str(path))
    ex = extract_text(published.text, pack)
    figures = []
    for f in ex.figures:
        found: dict[str, Any] = {"text": f.text, "value": f.value, "unit": f.unit, "line": f.line}
        if published.pdf is not None:
            found["page"], found["line"] = published.pdf.locate(f.line, f.column)
        figures.append(found | {"prior": f.prior, "plan": f.plan})
    _check(figures, _expected(name))
