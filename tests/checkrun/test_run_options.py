"""Starting a run from its options, without typer: the pack and deviations loaded, what is skipped
and what -v says, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkrun.runopts import options
from hulifa.checkrun.options import read_notes, selection, start_run
from hulifa.discovery import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Selection
from hulifa.errors import InputError


def test_selection_defaults_and_options() -> None:
    assert selection(None, None, False, True) == Selection(DEFAULT_INCLUDE, DEFAULT_EXCLUDE, (), True, False)
    assert selection(["old/"], ["tmp/"], True, False, ["*.yml"]) == Selection(
        ("*.yml",), ("old/",), ("tmp/",), False, True
    )


@pytest.mark.parametrize(("lang", "said"), [("zh", "规则包:default"), ("en", "rule pack: default")])
def test_verbose_names_the_pack_and_the_deviations(batch: Path, lang: str, said: str) -> None:
    deviations = str(batch / "deviations.yaml")
    o = options([batch], verbose=True, lang=lang, deviations=deviations)
    notes = read_notes(start_run(o, lambda _: None), o)
    assert len(notes) == 2 and said in notes[0].get(lang) and deviations in notes[1].get(lang)
    assert read_notes(start_run(o._replace(verbose=False), lambda _: None), o._replace(verbose=False)) == []


@pytest.mark.parametrize(("quiet", "said"), [(False, 1), (True, 0)])
def test_a_skipped_file_is_said_unless_quiet(batch: Path, quiet: bool, said: int) -> None:
    lines: list[str] = []
    run = start_run(options([batch], quiet=quiet, lang="en"), lines.append)
    assert len(list(run.results())) == 3  # the deviations file is no report
    assert len([line for line in lines if "deviations.yaml: " in line]) == said


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("rules", "nonexist.yaml", "pack.unknown"), ("deviations", "nonexist.yaml", "input.file.missing")],
)
def test_a_broken_pack_or_deviations_file_stops_the_run_before_any_report(
    batch: Path, field: str, value: str, message: str
) -> None:
    with pytest.raises(InputError) as stopped:
        start_run(options([batch], **{field: value}), lambda _: None)
    assert (stopped.value.position.file, stopped.value.message_id) == (value, message)
