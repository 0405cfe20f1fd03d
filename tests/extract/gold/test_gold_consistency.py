"""The extraction gold must agree with its inputs (see README.md in this folder)."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("check_gold", Path(__file__).with_name("check_gold.py"))
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def test_every_gold_file_matches_its_input(capsys):
    assert check_gold.main([]) == 0, capsys.readouterr().out


def test_every_heldout_gold_file_matches_its_input(capsys):
    """Held-out gold is never used for tuning, but it must still agree with its own text."""
    paths = sorted(str(p) for p in Path(__file__).parents[1].glob("heldout*/*/gold.yaml"))
    if not paths:  # between rounds: the last round was moved into samples/, which the test above checks
        pytest.skip("no held-out round in tests/extract/ right now")
    assert check_gold.main(paths) == 0, capsys.readouterr().out


def test_a_wrapped_figure_must_cross_its_line_end(tmp_path):
    (tmp_path / "input.txt").write_text("受理案件1\n9件，办结18件\n", encoding="utf-8")
    gold = (
        "source: input.txt\nencoding: utf-8\nregion: 某县\nlevel: town\nyear: 2024\nindicators: []\n"
        "sections: {measures: {present: false}, shortcomings: {present: false}, causes: {present: false},"
        " first_responsible: {present: false}, next_year: {present: false}, other: {present: false}}\n"
        "figures:\n"
        "  - {line: 1, text: '19件', value: 19, unit: 件, bound: exact, wrapped: true}\n"
        "  - {line: 1, text: '18件', value: 18, unit: 件, bound: exact, wrapped: true}\n"
    )
    (tmp_path / "gold.yaml").write_text(gold, encoding="utf-8")
    problems = check_gold.check_gold(tmp_path / "gold.yaml", set())
    assert problems == ["figures[1] '18件': wrapped, but '18件' does not cross the end of line 1"]
