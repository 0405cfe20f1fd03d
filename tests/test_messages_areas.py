"""messages as a package: each message id lives in one area module, INPUT and REASONS are exactly
their areas, and every name is still read from hulifa.messages itself."""

from __future__ import annotations

import pytest

from hulifa import messages
from hulifa.messages import catalogue, commands, derive, draft, inputs, packs, parsing, reasons

INPUT_AREAS = (packs, inputs)
REASON_AREAS = (reasons, derive, commands, parsing, draft)


def test_an_id_lives_in_one_area_only() -> None:
    seen: dict[str, str] = {}
    for area in (*INPUT_AREAS, *REASON_AREAS):
        for message_id in area.CATALOGUE:
            assert message_id not in seen, f"{message_id} is in {seen[message_id]} and {area.__name__}"
            seen[message_id] = area.__name__
    assert not seen.keys() & messages.MESSAGES.keys()


def test_input_and_reasons_are_their_areas() -> None:
    assert {k: v for area in INPUT_AREAS for k, v in area.CATALOGUE.items()} == messages.INPUT
    assert {k: v for area in REASON_AREAS for k, v in area.CATALOGUE.items()} == messages.REASONS
    assert messages.INPUT is catalogue.INPUT and messages.REASONS is catalogue.REASONS


@pytest.mark.parametrize("name", messages.__all__)
def test_every_name_is_read_from_the_package(name: str) -> None:
    assert getattr(messages, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from hulifa.messages import {name}", namespace)  # the form the callers write
    assert namespace[name] is getattr(messages, name)


def test_an_area_renders_through_reason() -> None:
    said = messages.reason("draft.not_found", parts="x")
    assert said.zh.startswith("未找到") and said.en == "not found: x"
    said = messages.reason("expression.empty", rule_id="r")
    assert "「r」" in said.zh and said.en == "derive expression of 'r' refused: the expression is empty"
