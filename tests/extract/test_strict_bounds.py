"""A bound whose qualifier excludes its number (不足60学时 is under 60, 超过5日 over 5) settles a target
at that number; one that includes it (60学时以下, 不少于60学时) does not. Through report data and
through extracted text alike."""

from __future__ import annotations

import datetime as dt

import pytest

from hulifa.evaluate import evaluate
from hulifa.extract import extract_text, to_report_data
from hulifa.model import Bound, RulePack
from hulifa.quantity import parse_quantity
from hulifa.reportdata import report_from_bytes

TODAY = dt.date(2026, 1, 1)

# (written, bound, strict)
QUALIFIERS = [
    ("不足60学时", Bound.UPPER, True),
    ("不到10人", Bound.UPPER, True),
    ("60学时以下", Bound.UPPER, False),
    ("30日以内", Bound.UPPER, False),
    ("超过60学时", Bound.LOWER, True),
    ("1700余人次", Bound.LOWER, True),
    ("不少于60学时", Bound.LOWER, False),
    ("90%以上", Bound.LOWER, False),
    ("60学时", Bound.EXACT, False),
]


@pytest.mark.parametrize(("text", "bound", "strict"), QUALIFIERS)
def test_which_qualifiers_exclude_the_number(text: str, bound: Bound, strict: bool) -> None:
    q = parse_quantity(text)
    assert (q.bound, q.strict) == (bound, strict)


# (rule, value as report data writes it, status)
VERDICTS = [
    ("enforcement_training_hours", "不足60学时", "shortfall"),  # under 60 against at least 60
    ("enforcement_training_hours", "60学时以下", "unverifiable"),  # may be 60
    ("enforcement_training_hours", "超过60学时", "pass"),
    ("enforcement_training_hours", "不足80学时", "unverifiable"),  # may be 60 or more
    ("gi_request_reply_timely_rate", "不足100%", "shortfall"),  # against exactly 100 %
    ("gi_request_reply_timely_rate", "100%以上", "pass"),
    ("ar_acceptance_review_days", "超过5日", "shortfall"),  # over 5 against at most 5
    ("ar_acceptance_review_days", "5日以上", "unverifiable"),  # may be 5
    # over the 60-day limit, but the statute allows 30 more when approved: left to the extension
    ("ar_decision_days_ordinary", "超过60日", "unverifiable"),
]


def _status(pack: RulePack, rule: str, value: str) -> str:
    data = f"region: 某县\nlevel: county\nyear: 2024\nindicators:\n  {rule}: {value!r}\n".encode()
    result = evaluate(pack, report_from_bytes(data, "r.yaml"), today=TODAY)
    return next(f.status.value for f in result.findings if f.rule == rule)


@pytest.mark.parametrize(("rule", "value", "status"), VERDICTS)
def test_a_strict_bound_settles_its_own_number(pack: RulePack, rule: str, value: str, status: str) -> None:
    assert _status(pack, rule, value) == status


def test_extracted_text_keeps_the_strict_bound(pack: RulePack) -> None:
    text = "某县2024年度法治政府建设情况报告\n一、主要举措\n全县行政执法人员人均培训不足60学时。\n"
    ex = extract_text(text, pack)
    hours = {i.id: i for i in ex.indicators}["enforcement_training_hours"]
    assert (hours.value, hours.bound, hours.strict) == (60, Bound.UPPER, True)
    result = evaluate(pack, to_report_data(ex, "r.txt"), today=TODAY)
    assert next(f.status.value for f in result.findings if f.rule == "enforcement_training_hours") == "shortfall"


def test_a_qualifier_set_apart_by_a_verb_includes_the_number(pack: RulePack) -> None:
    ex = extract_text("某县2024年度法治政府建设情况报告\n全县执法人员每年至少参加培训60学时。\n", pack)
    assert not any(f.strict for f in ex.figures)


@pytest.mark.parametrize(
    ("sentence", "rule", "bound"),
    [
        ("全县领导干部参加法治培训1700余人次。", "leader_law_training_count", Bound.LOWER),
        ("政府信息公开申请按期答复率超过90%。", "gi_request_reply_timely_rate", Bound.LOWER),
        ("全县行政执法人员人均培训不足60学时。", "enforcement_training_hours", Bound.UPPER),
    ],
)
def test_the_draft_keeps_a_strict_bound_both_ways(pack: RulePack, sentence: str, rule: str, bound: Bound) -> None:
    """1700余 and 超过90% are over their number, 不足60 under it: the YAML draft, the JSON and the report
    checked from the text all say so, so the draft gives the verdict the text does."""
    from hulifa.extract.output import to_dict, to_report_yaml

    ex = extract_text(f"某县2024年度法治政府建设情况报告\n一、主要举措\n{sentence}\n", pack)
    from_text = next(v for v in to_report_data(ex, "r.txt").values if v.key == rule)
    draft = report_from_bytes(to_report_yaml(ex, "r.txt").encode(), "r.yaml")
    from_draft = next(v for v in draft.values if v.key == rule)
    for value in (from_text, from_draft):
        assert value.quantity is not None
        assert (value.quantity.bound, value.quantity.strict) == (bound, True)
    assert next(i for i in to_dict(ex)["indicators"] if i["id"] == rule)["strict"] is True
