"""messages: every message id renders in Chinese and English, with no placeholder, id or Chinese left in English."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string

import pytest

from hulifa import messages
from hulifa.model import (
    Basis,
    Direction,
    Finding,
    Position,
    Quantity,
    Rule,
    Severity,
    Status,
    Strength,
    Text,
    Trend,
    params,
)
from hulifa.rulepack import load_pack

CJK = re.compile(r"[\u3400-\u9fff]")
# A value for every parameter a template names that the renderer does not work out itself.
SAMPLE = {
    "problem": Text("无法读取", "cannot be read"),
    "bodies": ("party committee",),
    "needs": "approval",
    "given": "kg",
    "rate": 120.0,
    "allowed": "days",
    "doubt": Text("可疑", "doubtful"),
    "have": ("measures",),
    "lacking": ("causes",),
    "field": "published",
    "due": dt.date(2025, 4, 1),
    "body": "district",
    "year": 2024,
    "other": Text("某指标", "some indicator"),
    "key": "some_key",
    "close": "close_key",
    "first": "first_key",
    "line": 12,
    "figure": "95%",
    "derived": "96%",
    "tolerance": 0.5,
    "part": Text("部分", "part"),
    "total": Text("总数", "total"),
    "total_value": "10",
    "then": "a.yaml:3",
    "commitment": "promise",
    "expires": dt.date(2030, 1, 1),
    "text": Text("说明", "a note"),
}
COMPUTED = {"name", "expected", "actual", "value", "gap", "amount", "late", "date", "bound", "bound_word", "derive",
            "limit", "longest", "unit", "direction", "previous", "change", "level"}  # fmt: skip


def _rule() -> Rule:
    """A rate of the pack (a count's gap keeps its Chinese unit in JSON gap_en), with a trend, a derivation
    and an extension: every word applies."""
    base = next(r for r in load_pack().rules if r.name_en and r.requirement.target is not None and r.unit == "%")
    basis = Basis("doc", Strength.PRACTICE)
    requirement = dataclasses.replace(base.requirement, extension=30.0)
    return dataclasses.replace(
        base, trend=Trend(Direction.INCREASE, Severity.WARNING, basis), derive="a / b", requirement=requirement
    )


def _finding(message: str) -> Finding:
    names = set()
    for template in (messages.MESSAGES[message], messages.TARGETS.get(message), messages.VALUES.get(message),
                     messages.GAPS.get(message)):  # fmt: skip
        for text in (template.zh, template.en) if template else ():
            names |= {field for _, field, _, _ in string.Formatter().parse(text) if field}
    assert names <= COMPUTED | set(SAMPLE), names - COMPUTED - set(SAMPLE)
    rule = _rule()
    return Finding(
        rule=rule.id,
        subject=rule,
        status=Status.SHORTFALL,
        severity=Severity.WARNING,
        position=Position("r.yaml", 3, 1),
        message=message,
        params=params(**{k: SAMPLE[k] for k in names if k in SAMPLE}, over=False),
        quantity=Quantity(20.0, "", text="20"),
        date=dt.date(2025, 4, 2),
        gap=3.0,
        previous="18",
        change="+2",
    )


@pytest.mark.parametrize("message", sorted(messages.MESSAGES))
def test_every_message_renders_in_both_languages(message: str) -> None:
    f = _finding(message)
    for lang in ("zh", "en"):
        texts = [messages.message(f, lang), messages.expected(f, lang), messages.actual(f, lang), messages.gap(f, lang)]
        said = " ".join(texts)
        assert texts[0], (message, lang)
        assert "{" not in said and "}" not in said, (message, lang, said)
        if "." in message or "_" in message:  # an id that is also a word ("late", "meets") may be said
            assert message not in said, (message, lang, said)
        if lang == "en":
            assert not CJK.search(said), (message, said)


def test_an_accepted_finding_says_why_in_both_languages() -> None:
    from hulifa.model import Deviation

    entry = Deviation("r", "reason", "approver", dt.date(2030, 1, 1), Position("d.yaml", 1, 1))
    f = _finding("missing")._replace(status=Status.ACCEPTED, accepted=entry, accepted_status="missing")
    assert "(accepted deviation: reason; approved by approver; until 2030-01-01)" in messages.message(f, "en")
    assert "已接受偏差:reason;批准:approver;有效期至 2030-01-01" in messages.message(f, "zh")


def test_a_numeric_gap_is_worded_by_direction_and_exactness() -> None:
    f = _finding("shortfall")
    assert messages.gap(f, "zh") == "差 3 个百分点"
    assert messages.gap(f._replace(params=params(over=True, bounded=True)), "en") == "over by at least 3 points"
