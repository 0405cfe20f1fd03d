"""benchmarks/extract_verdict.py: the report built from a gold file states what the gold says, and a
disagreement between the gold's verdict and the text's is counted and named."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from clihelp import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import extract_verdict

from hulifa.model import RulePack
from hulifa.rulepack import load_pack
from hulifa.runner import check_file

GOLD = ROOT / "tests" / "extract" / "samples" / "heldout3-wechat-dept-province-2024" / "gold.yaml"


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack(None)


def _gold_result(gold: dict[str, object], tmp_path: Path, pack: RulePack):  # type: ignore[no-untyped-def]
    path = tmp_path / "gold-report.yaml"
    path.write_text(extract_verdict.gold_report_yaml(gold), encoding="utf-8")
    return check_file(str(path), pack, today=extract_verdict.TODAY)


def test_the_gold_report_states_the_gold(tmp_path: Path, pack: RulePack) -> None:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    result = _gold_result(gold, tmp_path, pack)
    assert result.checked
    assert (result.region, result.level, result.year) == ("岚山省生态环境厅", "department", 2024)
    found = {f.rule: f for f in result.findings}
    # the wechat repost lacks the next-year part, and the gold says so
    assert found["part_next_year"].status.value == "missing"
    given = {g["id"] for g in gold["indicators"]}
    stated = {rule for rule, f in found.items() if f.status.value in ("pass", "stated", "shortfall", "unverifiable")}
    assert given <= stated | {rule for rule, f in found.items() if f.status.value == "not_applicable"}


@pytest.mark.parametrize(
    "named", ["npc_suggestion_handled_rate", ["npc_suggestion_handled_rate", "cppcc_proposal_handled_rate"]]
)
def test_an_implicit_phrase_settles_each_rule_it_names(tmp_path: Path, pack: RulePack, named: object) -> None:
    gold = {
        "region": "某县",
        "level": "county",
        "year": 2024,
        "sections": {"measures": {"present": True}},
        "implicit": [{"line": 1, "text": "均按期办复", "indicator": named}],
    }
    found = {f.rule: f.status.value for f in _gold_result(gold, tmp_path, pack).findings}
    assert found["npc_suggestion_handled_rate"] == "pass"
    assert found["cppcc_proposal_handled_rate"] == ("pass" if isinstance(named, list) else "missing")


def test_an_ambiguous_gold_count_is_shared(tmp_path: Path, pack: RulePack) -> None:
    gold = {
        "region": "某县",
        "level": "county",
        "year": 2024,
        "sections": {"measures": {"present": True}},
        "indicators": [{"id": "exec_meeting_hears_fzzf_count", "value": 7, "unit": "次", "ambiguous": True}],
    }
    found = {f.rule: f for f in _gold_result(gold, tmp_path, pack).findings}
    assert found["exec_meeting_hears_fzzf_count"].status.value == "unverifiable"


def test_disagreeing_rules_are_counted_and_named(tmp_path: Path, pack: RulePack) -> None:
    base = {"region": "某县", "level": "county", "year": 2024, "sections": {"measures": {"present": True}}}
    stated = {**base, "indicators": [{"id": "ar_case_count", "value": 12, "unit": "件"}]}
    verdict = extract_verdict.compare(
        "x", _gold_result(stated, tmp_path, pack), _gold_result({**base, "indicators": []}, tmp_path, pack)
    )
    assert ("ar_case_count", "stated", "missing") in verdict.differ
    assert verdict.counted == verdict.same + len(verdict.differ)
    assert 0 < verdict.agreement < 1


def test_a_text_that_cannot_be_checked_agrees_on_nothing(tmp_path: Path, pack: RulePack) -> None:
    base = {"region": "某县", "level": "county", "year": 2024, "sections": {"measures": {"present": True}}}
    blank = tmp_path / "blank.txt"
    blank.write_text("\n", encoding="utf-8")
    unchecked = check_file(str(blank), pack, today=extract_verdict.TODAY)
    verdict = extract_verdict.compare("x", _gold_result(base, tmp_path, pack), unchecked)
    assert verdict.same == 0 and verdict.counted > 0 and verdict.error
