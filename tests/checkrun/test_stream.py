"""Writing a run's formats as results arrive, without typer: the documents equal the whole run
rendered, each unchecked file is said once, and an interrupted run leaves no output behind."""

from __future__ import annotations

from pathlib import Path

import pytest

import hulifa
from checkrun.runopts import options
from hulifa.checkrun.options import start_run
from hulifa.checkrun.plan import make_plan, shows_details
from hulifa.checkrun.prepare import transform_for
from hulifa.checkrun.stream import append_step_summary, stream
from hulifa.model import Severity
from hulifa.reporters import json_, junit, sarif
from hulifa.reporters.markdown import summary_writer


def _run(o, said: list[str] | None = None, **feeds):  # type: ignore[no-untyped-def]
    """The run as `hulifa check` wires it: plan, run, stream; what went to stderr into `said`."""
    said = [] if said is None else said
    plan = make_plan(o, {}, bar=False)
    run = start_run(o, said.append)
    stream(plan, run, o, transform_for(plan, o, shows_details(plan, o.quiet, o.details)), say=said.append, **feeds)
    return plan, run


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_streamed_files_equal_the_whole_run_rendered(tmp_path: Path, batch: Path, lang: str) -> None:
    dest: dict[str, Path | None] = {f: tmp_path / f"out.{f}" for f in ("json", "sarif", "junit")}
    _, run = _run(options([batch], dest, lang=lang))
    whole = hulifa.check(str(batch))
    assert dest["json"].read_text(encoding="utf-8") == json_.render(whole, lang)  # type: ignore[union-attr]
    assert dest["sarif"].read_text(encoding="utf-8") == sarif.render(whole, lang)  # type: ignore[union-attr]
    assert dest["junit"].read_text(encoding="utf-8") == junit.render(whole, lang, Severity.ERROR)  # type: ignore[union-attr]
    assert run.exit_code(Severity.ERROR) == 2  # c could not be checked


def test_each_unchecked_file_and_each_skip_is_said_once(tmp_path: Path, batch: Path) -> None:
    said: list[str] = []
    _run(options([batch], {"json": tmp_path / "a.json", "sarif": tmp_path / "b.sarif"}, verbose=True), said)
    assert len([line for line in said if "c/2024.yaml:2:" in line]) == 1
    assert len([line for line in said if "deviations.yaml" in line]) == 1  # skipped, with the reason
    assert len([line for line in said if "已检查" in line]) == 2  # -v: a and b were read


def test_quiet_says_no_skip(tmp_path: Path, batch: Path) -> None:
    said: list[str] = []
    _run(options([batch], {"json": tmp_path / "a.json"}, quiet=True), said)
    assert not [line for line in said if "deviations.yaml" in line]
    assert [line for line in said if "c/2024.yaml:2:" in line]  # errors stay


@pytest.mark.parametrize("stop", [KeyboardInterrupt, OSError])
def test_an_interrupted_run_leaves_no_output(tmp_path: Path, batch: Path, stop: type[BaseException]) -> None:
    """Whatever stops it (Ctrl-C between reports, a write that fails), every output is aborted:
    no file, no temporary file, and the step summary's spill is closed."""
    out = tmp_path / "out"
    out.mkdir()
    dest: dict[str, Path | None] = {"json": out / "r.json", "sarif": out / "r.sarif", "markdown": out / "r.md"}
    seen: list[int] = []

    def between() -> None:
        seen.append(1)
        if len(seen) == 2:
            raise stop()

    o = options([batch], dest)
    summary = summary_writer(None, "zh")
    with pytest.raises(stop):
        _run(o, between=between, summary=summary)
    assert list(out.iterdir()) == []


def test_the_step_summary_is_appended_or_its_failure_said(tmp_path: Path, batch: Path) -> None:
    summary = summary_writer(None, "en")
    _run(options([batch], {"github": tmp_path / "annotations.txt"}), summary=summary)
    path = tmp_path / "summary.md"
    path.write_text("an earlier step's words\n", encoding="utf-8")
    assert append_step_summary(summary, str(path)) is None
    written = path.read_text(encoding="utf-8")
    assert written.startswith("an earlier step's words\n") and "乙区" in written

    again = summary_writer(None, "en")
    _run(options([batch], {"github": tmp_path / "again.txt"}), summary=again)
    problem = append_step_summary(again, str(tmp_path / "no-folder" / "summary.md"))
    assert problem is not None and str(tmp_path / "no-folder" / "summary.md") in problem.en
