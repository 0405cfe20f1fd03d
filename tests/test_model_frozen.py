"""Rule and RulePack behave as the frozen, slotted dataclasses they were (model._Frozen): fields that
cannot be set, equality and hashing without a rule's `extract` and a pack's index, a repr of the fields,
and pickles (the pack cache, --jobs) that give back equal records, a pack with its index as it was."""

from __future__ import annotations

import copy
import pickle

import pytest

from hulifa.model import PackIndex, Rule, RulePack
from hulifa.rulepack import load_pack


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack(None)


def _like(rule: Rule, **changed: object) -> Rule:
    fields = {name: getattr(rule, name) for name in Rule._fields}
    return Rule(**{**fields, **changed})


def test_a_rule_is_equal_and_hashed_without_its_extract_table(pack: RulePack) -> None:
    rule = next(r for r in pack.rules if r.extract)
    same = _like(rule, extract={})
    assert same == rule and hash(same) == hash(rule) and same.extract == {}
    assert _like(rule, name=rule.name + "x") != rule
    assert _like(rule, severity=rule.missing_severity) != rule or rule.severity == rule.missing_severity
    assert {rule, same} == {rule}
    assert rule != tuple(getattr(rule, name) for name in Rule._fields)  # a record, not its values


def test_a_rule_has_the_defaults_it_had(pack: RulePack) -> None:
    first = pack.rules[0]
    required = [getattr(first, name) for name in Rule._fields[:9]]
    bare, other = Rule(*required), Rule(*required)
    assert (bare.levels, bare.year_from, bare.year_to, bare.aliases, bare.units, bare.why) == (
        (),
        None,
        None,
        (),
        (),
        "",
    )
    assert (bare.trend, bare.derive, bare.applies_if_nonzero, bare.government_only, bare.same_as) == (
        None,
        "",
        "",
        False,
        "",
    )
    assert bare.extract == {} and bare.extract is not other.extract  # each its own, as default_factory=dict made


def test_fields_cannot_be_set_deleted_or_added(pack: RulePack) -> None:
    rule = pack.rules[0]
    with pytest.raises(AttributeError, match="cannot assign to field 'name'"):
        rule.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="cannot delete field 'id'"):
        del rule.id
    with pytest.raises(AttributeError):
        rule.other = 1
    with pytest.raises(AttributeError):
        pack.index = pack.index  # type: ignore[misc]
    assert not hasattr(rule, "__dict__") and not hasattr(pack, "__dict__")


def test_a_pack_is_equal_and_hashed_by_its_fields_not_its_index(pack: RulePack) -> None:
    again = RulePack(pack.id, pack.title, pack.version, pack.rules, pack.files, pack.consistency)
    assert again == pack and hash(again) == hash(pack) and again.index is not pack.index
    assert RulePack(pack.id, pack.title, "other", pack.rules, pack.files, pack.consistency) != pack


def test_the_repr_names_every_field_but_the_index(pack: RulePack) -> None:
    rule = pack.rules[0]
    assert repr(rule).startswith(f"Rule(id={rule.id!r}, name={rule.name!r}, ")
    assert repr(rule).endswith(f"same_as={rule.same_as!r})")
    assert repr(pack).startswith(f"RulePack(id={pack.id!r}, ") and "index=" not in repr(pack)


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_a_pickled_pack_comes_back_equal_with_its_index_not_compiled_again(
    pack: RulePack, protocol: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    blob = pickle.dumps(pack, protocol=protocol)

    def refused(*_: object) -> PackIndex:
        raise AssertionError("the index was compiled again")

    monkeypatch.setattr(PackIndex, "compile", staticmethod(refused))
    back = pickle.loads(blob)
    assert back == pack and back.index == pack.index
    assert [r.extract for r in back.rules] == [r.extract for r in pack.rules]
    assert copy.deepcopy(pack.rules[0]) == pack.rules[0]


def test_a_changed_record_is_a_new_one_made_through_its_constructor(pack: RulePack) -> None:
    rule = pack.rules[0]
    renamed = rule._replace(name="别名")
    assert renamed.name == "别名" and rule.name != "别名" and renamed._replace(name=rule.name) == rule
    fewer = pack._replace(rules=pack.rules[1:])
    assert len(fewer.index.rules) == len(pack.rules) - 1  # its index compiled for its own rules
