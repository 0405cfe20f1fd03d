"""The rule pack's compiled index (hulifa.model.PackIndex): applicability per body and year as
Rule.applies says it, derived figures in dependency order, every key to its rule, and what cannot be
compiled (a cycle, a bad expression) refused when the pack is made, at file:line from a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from clihelp import MINIMAL, run_cli
from hulifa.interval import Interval
from hulifa.messages import input_text
from hulifa.model import (
    BODIES,
    Basis,
    Kind,
    PackError,
    Position,
    Requirement,
    Rule,
    RulePack,
    Scope,
    Severity,
    Strength,
)
from hulifa.rulepack import load_pack

BASIS = Basis(document="测试", strength=Strength.PRACTICE)


def _rule(rule_id: str, derive: str = "", **fields: object) -> Rule:
    return Rule(
        id=rule_id,
        name=f"指标{rule_id}",
        name_en=rule_id,
        unit=str(fields.pop("unit", "件")),
        requirement=Requirement(Kind.REPORTED),
        severity=Severity.INFO,
        missing_severity=Severity.INFO,
        basis=BASIS,
        source=Position("pack.yaml", 1, 1),
        derive=derive,
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("name", ["default", "xiamen"])
def test_applicability_is_rule_applies_for_every_body_and_year(name: str) -> None:
    pack = load_pack(name)
    assert pack.index.year_cuts  # the bundled packs do change with the years: the spans are exercised
    for body in (*BODIES, "department.unknown"):
        for year in range(1990, 2041):
            assert pack.index.applies(body, year) == tuple(r.applies(body, year) for r in pack.rules), (body, year)


def test_applicability_spans_at_their_edges() -> None:
    rules = (
        _rule("old", year_to=2023),
        _rule("new", year_from=2024),
        _rule("towns_from_2025", levels=(Scope("town", year_from=2025),)),
        _rule("always"),
    )
    index = RulePack("t", "t", "1", rules).index
    assert index.year_cuts == (2024, 2025)
    assert index.applies("town", 2023) == (True, False, False, True)
    assert index.applies("town", 2024) == (False, True, False, True)
    assert index.applies("town", 2025) == (False, True, True, True)
    assert index.applies("county", 2025) == (False, True, False, True)


def test_derived_rules_come_after_the_derived_rules_they_read() -> None:
    rules = (
        _rule("total", "part_rate * base / 100"),  # reads a derived rule declared after it
        _rule("part_rate", "part / base * 100", unit="%"),
        _rule("base"),
        _rule("part"),
        _rule("spread", "max(total, base) - min(part_rate, 1)"),
    )
    index = RulePack("t", "t", "1", rules).index
    order = [d.rule.id for d in index.derived]
    assert order == ["part_rate", "total", "spread"]
    seen: set[str] = set()
    derived = {d.rule.id for d in index.derived}
    for d in index.derived:
        assert set(d.expression.names) & derived <= seen, d.rule.id
        seen.add(d.rule.id)
    assert index.cross_ids == frozenset({"total", "part_rate", "base", "part", "spread"})
    values = {"part": Interval.exact(3), "base": Interval.exact(12)}
    values["part_rate"] = index.derived[0].expression.evaluate(values)
    assert index.derived[1].expression.evaluate(values) == Interval.exact(3)


def test_every_id_name_and_alias_finds_its_rule() -> None:
    pack = load_pack("default")
    for rule in pack.rules:
        for key in (rule.id, rule.name, *rule.aliases):
            assert pack.index.by_key[key] is rule


@pytest.mark.parametrize(
    ("rules", "rule", "fragment"),
    [
        ((_rule("a", "b + 1"), _rule("b", "a * 2")), "a", "cycle: a → b → a"),
        ((_rule("a", "a + 1"),), "a", "cycle: a → a"),
        ((_rule("a", "nope / 2"),), "a", "'nope' is not an indicator id"),
        ((_rule("a", "__import__('os')"),), "a", "dunder"),
        ((_rule("flag", unit="bool"), _rule("a", "flag + 1")), "a", "'flag' is not a numeric indicator"),
    ],
)
def test_what_cannot_be_compiled_is_refused_when_the_pack_is_made(
    rules: tuple[Rule, ...], rule: str, fragment: str
) -> None:
    with pytest.raises(PackError) as info:
        RulePack("t", "t", "1", rules)
    assert (info.value.rule, info.value.key) == (rule, "derive")
    assert fragment in input_text(info.value.message_id, info.value.params).en


CYCLE_PACK = """\
pack: cycle-test
extends: default
indicators:
  - id: a
    name: 甲数
    unit: 件
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    derive: "b + 1"
  - id: b
    name: 乙数
    unit: 件
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    derive: "a * 2"
"""


def test_a_derive_cycle_in_a_pack_file_is_refused_at_its_line(tmp_path: Path) -> None:
    rules = tmp_path / "pack.yaml"
    rules.write_text(CYCLE_PACK, encoding="utf-8")
    report = tmp_path / "report.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    run = run_cli("check", str(report), "--rules", str(rules), "--lang", "en")
    assert run.exit_code == 2
    assert f"{rules}:10:" in run.stderr, run.stderr  # the `derive:` line of `a`, where the cycle starts
    assert "cycle: a → b → a" in run.stderr
    assert "Traceback" not in run.stderr
