"""What a checked report becomes where it was checked (with --jobs, in a worker): each streamed
format's piece, why it could not be checked, what -v says, and only what the parent needs."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import hulifa
from checkrun.runopts import options
from hulifa.checkrun.plan import make_plan
from hulifa.checkrun.prepare import prepare, transform_for
from hulifa.model import ReportResult
from hulifa.reporters import module
from hulifa.reporters.table import summary_item


def _results(batch: Path) -> dict[str, ReportResult]:
    return {Path(r.file).parent.name: r for r in hulifa.check(str(batch)).reports}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_piece_is_the_formats_own_item(batch: Path, lang: str) -> None:
    report = _results(batch)["b"]
    prepared = prepare(report, ("json", "parsable", "codequality"), lang, send=False, verbose=False)
    assert prepared.texts == {fmt: module(fmt).item(report, lang) for fmt in ("json", "parsable", "codequality")}
    assert "乙区" in prepared.texts["json"] and prepared.texts["parsable"]
    assert prepared.result is None and prepared.errors == () and prepared.read == "" and prepared.summary is None


@pytest.mark.parametrize(("lang", "words"), [("zh", "语法错误"), ("en", "syntax error")])
def test_a_report_not_checked_says_why_with_its_place(batch: Path, lang: str, words: str) -> None:
    report = _results(batch)["c"]
    prepared = prepare(report, (), lang, send=True, verbose=True)
    (line,) = prepared.errors
    assert line.startswith(f"{report.file}:2:") and words in line.lower(), line
    assert prepared.read == ""  # -v says what was read, and this was not
    assert prepared.result is report


@pytest.mark.parametrize(("lang", "said"), [("zh", "已检查(乙区 2024 district"), ("en", "checked (乙区 2024 district")])
def test_verbose_says_what_was_read(batch: Path, lang: str, said: str) -> None:
    report = _results(batch)["b"]
    assert said in prepare(report, (), lang, send=False, verbose=True).read
    assert prepare(report, (), lang, send=False, verbose=False).read == ""


def test_the_tables_row_alone_when_that_is_all_it_shows(batch: Path) -> None:
    report = _results(batch)["a"]
    prepared = prepare(report, (), "zh", send=False, verbose=False, summary=True)
    assert prepared.summary == summary_item(report, "zh") and prepared.result is None


@pytest.mark.parametrize(
    ("dest", "details", "send", "rows", "formats"),
    [
        ({"parsable": None}, True, False, False, ("parsable",)),  # pieces only: the result stays where it was made
        ({"table": None}, True, True, False, ()),  # the table's blocks need the result
        ({"table": None}, False, False, True, ()),  # the summary alone needs a row
        ({"table": None, "sarif": Path("s")}, False, True, True, ()),  # a writer needs the result
        ({"json": None, "junit": Path("j")}, True, True, False, ("json",)),
    ],
)
def test_transform_sends_only_what_the_plan_needs(
    batch: Path, dest: dict[str, Path | None], details: bool, send: bool, rows: bool, formats: tuple[str, ...]
) -> None:
    o = options([batch], dest, verbose=True, lang="en")
    transform = transform_for(make_plan(o, {}, bar=False), o, details)
    assert transform.keywords == {
        "formats": formats,
        "lang": "en",
        "send": send,
        "verbose": True,
        "rules": None,
        "summary": rows,
    }
    assert pickle.loads(pickle.dumps(transform)).keywords == transform.keywords  # for --jobs workers


def test_a_step_summary_needs_the_result(batch: Path) -> None:
    o = options([batch], {"json": None})
    plan = make_plan(o, {}, bar=False)
    assert transform_for(plan, o, True).keywords["send"] is False
    assert transform_for(plan._replace(step_summary=True), o, True).keywords["send"] is True
