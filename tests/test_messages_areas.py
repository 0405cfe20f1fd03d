"""messages as a package: each message id lives in one area module, found there by its first part,
INPUT and REASONS are exactly their areas, every name is still read from hulifa.messages itself, and a
check that says nothing about its input imports no area."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clihelp import HULI_DATA
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


def test_an_ids_first_part_names_its_area() -> None:
    lost = [
        (message_id, area.__name__)
        for area in (*INPUT_AREAS, *REASON_AREAS)
        for message_id in area.CATALOGUE
        if area.__name__.rsplit(".", 1)[1] not in catalogue.AREAS.get(message_id.partition(".")[0], ())
    ]
    assert not lost, f"add these ids' first parts to hulifa.messages.catalogue.AREAS: {lost}"


def test_an_unknown_id_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        messages.reason("value.no_such_id")
    with pytest.raises(KeyError):
        messages.input_text("nowhere.at_all", ())


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


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_check_that_says_nothing_of_its_input_imports_no_area(fmt: str) -> None:
    """The areas are imported when one of their ids is said: a clean check needs none (1.0 ms a start)."""
    probe = (
        "import sys, io, contextlib\n"
        "from hulifa.cli import main\n"
        f"sys.argv = ['hulifa', 'check', {str(HULI_DATA)!r}, '-f', {fmt!r}, '--isolated']\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main()\n"
        "sys.stderr.write('LOADED ' + ' '.join(m for m in sys.modules if m.startswith('hulifa.messages.')))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    loaded = {m.rsplit(".", 1)[1] for m in run.stderr.rsplit("LOADED", 1)[1].split()}
    assert "render" in loaded  # the probe sees what the check imported
    assert not loaded & {area.__name__.rsplit(".", 1)[1] for area in (*INPUT_AREAS, *REASON_AREAS)}, loaded


def test_only_input_and_reasons_are_made_on_first_read() -> None:
    assert isinstance(messages.INPUT, dict) and isinstance(messages.REASONS, dict)
    for name in ("words", "AREAS", "area", "no_such_name"):  # catalogue's own, and nothing at all
        with pytest.raises(AttributeError, match=rf"'hulifa.messages' has no attribute '{name}'"):
            getattr(messages, name)
