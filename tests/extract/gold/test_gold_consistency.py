"""The extraction gold must agree with its inputs (see README.md in this folder)."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("check_gold", Path(__file__).with_name("check_gold.py"))
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def test_every_gold_file_matches_its_input(capsys):
    assert check_gold.main([]) == 0, capsys.readouterr().out
