"""The output plan, made before any report is read: how each format is written, which outputs are
refused at once, and how far the folders are counted."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from checkrun.runopts import options
from hulifa.atomic import identities
from hulifa.batch import DETAIL_LIMIT
from hulifa.checkrun.plan import by_kind, count_inputs, input_paths, make_plan, shows_bar, shows_details
from hulifa.errors import InputError
from hulifa.reporters import FORMATS


def test_each_format_is_written_as_its_module_streams() -> None:
    """Pure pieces are rendered where the report is checked; a writer needs the whole run's counts
    (SARIF, JUnit) or a page's layout (HTML) before its head; the table is written apart."""
    pieces, writers = by_kind(FORMATS)
    assert pieces == ["json", "json-compact", "parsable", "codequality"]
    assert writers == ["junit", "sarif", "github", "markdown", "html"]


def test_a_format_that_does_not_stream_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A format rendered only from every result at the end would hold a whole batch in memory: no
    format may be one (its module's `render` alone), and the plan says which module is at fault."""
    import types

    import hulifa.reporters

    whole_only = types.ModuleType("hulifa.reporters.whole_only")
    whole_only.render = lambda result, lang: ""  # type: ignore[attr-defined]
    monkeypatch.setattr(hulifa.reporters, "module", lambda name: whole_only)
    with pytest.raises(TypeError, match=r"hulifa\.reporters\.whole_only does not stream"):
        by_kind(["json"])


def test_the_plan_of_a_table_and_a_streamed_file(tmp_path: Path, batch: Path) -> None:
    o = options([batch], {"table": None, "sarif": tmp_path / "out.sarif", "json": tmp_path / "out.json"})
    plan = make_plan(o, {}, bar=False)
    assert (plan.table, plan.pieces, plan.writers) == (True, ["json"], ["sarif"])
    assert not plan.step_summary
    assert plan.total == 4  # a, b, the broken c and the deviations file (skipped only once it is read)
    assert plan.inputs == frozenset()  # no output exists yet: the folders are not walked for identities


@pytest.mark.parametrize(
    ("formats", "environ", "expected"),
    [
        (["github"], {"GITHUB_STEP_SUMMARY": "/tmp/summary.md"}, True),
        (["github"], {"GITHUB_STEP_SUMMARY": ""}, False),
        (["github"], {}, False),
        (["markdown"], {"GITHUB_STEP_SUMMARY": "/tmp/summary.md"}, False),  # only beside github annotations
    ],
)
def test_the_step_summary_is_planned_for_github_in_a_workflow(
    batch: Path, formats: list[str], environ: dict[str, str], expected: bool
) -> None:
    plan = make_plan(options([batch], dict.fromkeys(formats)), environ, bar=False)
    assert plan.step_summary is expected


@pytest.fixture
def many(write) -> Path:  # type: ignore[no-untyped-def]
    """A folder of more reports than a batch shows in full."""
    from clihelp import MINIMAL

    for n in range(DETAIL_LIMIT + 5):
        write(f"many/{n:03}/2024.yaml", MINIMAL)
    return Path(write("many/000/2024.yaml", MINIMAL)).parent.parent


@pytest.mark.parametrize(("bar", "expected"), [(True, DETAIL_LIMIT + 5), (False, DETAIL_LIMIT + 1)])
def test_without_a_bar_the_count_stops_past_the_detail_limit(many: Path, bar: bool, expected: int) -> None:
    assert make_plan(options([many]), {}, bar=bar).total == expected
    assert count_inputs([str(many)], options([many]).selection) == DETAIL_LIMIT + 5


@pytest.mark.parametrize(
    ("environ", "quiet", "bar", "expected"),
    [
        ({}, False, True, DETAIL_LIMIT + 5),
        ({"CI": "true"}, False, False, DETAIL_LIMIT + 1),  # CI runners often fake a terminal
        ({}, True, False, DETAIL_LIMIT + 1),
    ],
)
def test_a_bar_may_show_on_a_terminal_outside_ci_without_quiet(
    monkeypatch: pytest.MonkeyPatch, many: Path, environ: dict[str, str], quiet: bool, bar: bool, expected: int
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    plan = make_plan(options([many], quiet=quiet), environ)
    assert (plan.bar, plan.total) == (bar, expected)


def test_no_bar_off_a_terminal(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)  # a log file, a pipe
    assert not make_plan(options([many]), {}).bar


@pytest.mark.parametrize(
    ("bar", "total", "tables", "shown"),
    [
        (True, 2, False, True),
        (True, 1, False, False),  # one file: nothing to follow
        (True, 500, True, False),  # the report tables print to the same terminal
        (False, 500, False, False),
    ],
)
def test_shows_bar(batch: Path, bar: bool, total: int, tables: bool, shown: bool) -> None:
    plan = make_plan(options([batch]), {}, bar=bar)._replace(total=total)
    assert shows_bar(plan, tables) is shown


def test_an_existing_output_is_refused_before_any_report_is_read(tmp_path: Path, batch: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("kept", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        make_plan(options([batch], {"json": out}), {}, bar=False)
    assert refused.value.message_id == "output.exists"
    assert out.read_text(encoding="utf-8") == "kept"
    make_plan(options([batch], {"json": out}, force=True), {}, bar=False)  # --force lets it be replaced


@pytest.mark.parametrize("which", ["report", "rules", "deviations"])
def test_an_output_that_is_an_input_is_refused_even_with_force(write, batch: Path, which: str) -> None:  # type: ignore[no-untyped-def]
    """Whatever its name: a report found in a folder, the rule pack, the deviations file."""
    report = batch / "b" / "2024.yaml"
    pack = write("pack.yaml", "not read: the plan only compares files\n")
    deviations = batch / "deviations.yaml"
    target = {"report": report, "rules": pack, "deviations": deviations}[which]
    alias = target.parent / ("link-" + target.name)
    os.link(target, alias)  # another name for the same file
    o = options([batch], {"json": alias}, force=True, rules=str(pack), deviations=str(deviations))
    with pytest.raises(InputError) as refused:
        make_plan(o, {}, bar=False)
    assert refused.value.message_id == "output.is_input"


def test_an_output_that_is_a_folder_is_refused(tmp_path: Path, batch: Path) -> None:
    with pytest.raises(InputError) as refused:
        make_plan(options([batch], {"json": tmp_path}), {}, bar=False)
    assert refused.value.message_id == "output.directory"


def test_input_identities_are_the_files_read(batch: Path, tmp_path: Path) -> None:
    found = identities(input_paths([str(batch), "-"], options([batch]).selection, None, str(tmp_path / "missing.yaml")))
    assert len(found) == 4  # a, b, c and the deviations file; stdin, None and a missing file have none
    st = os.stat(batch / "c" / "2024.yaml")
    assert (st.st_dev, st.st_ino) in found


@pytest.mark.parametrize(
    ("total", "quiet", "details", "shown"),
    [
        (1, False, False, True),
        (DETAIL_LIMIT, False, False, True),
        (DETAIL_LIMIT + 1, False, False, False),  # a large batch: the summary only
        (DETAIL_LIMIT + 1, False, True, True),  # … unless --details
        (1, True, True, False),  # -q: never
    ],
)
def test_shows_details(batch: Path, total: int, quiet: bool, details: bool, shown: bool) -> None:
    plan = make_plan(options([batch]), {}, bar=False)._replace(total=total)
    assert shows_details(plan, quiet, details) is shown
