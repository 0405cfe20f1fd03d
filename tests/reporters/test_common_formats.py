"""Properties every machine format shares: deterministic bytes, language choice, no terminal codes,
and, for arbitrary text in a finding, output that still parses and keeps its line structure."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from reporter_fixtures import HULI_REPORT, PACK, gfm_cell_boundaries

from hulifa.model import CheckResult, Position, ReportResult, Subject, Text, params
from hulifa.reporters import FORMATS, github, junit, markdown, parsable, renderer, sarif
from hulifa.reporters._common import Memo, but_place, clean, of_rule, one_line

MINE = ["junit", "sarif", "github", "markdown", "parsable"]


def test_registry_points_at_these_modules() -> None:
    for name in MINE:
        assert name in FORMATS
        assert (
            renderer(name)
            is {
                "junit": junit.render,
                "sarif": sarif.render,
                "github": github.render,
                "markdown": markdown.render,
                "parsable": parsable.render,
            }[name]
        )


@pytest.mark.parametrize("name", MINE)
def test_deterministic(name, batch3) -> None:
    render = renderer(name)
    first = render(batch3, "zh")
    assert first == render(batch3, "zh")
    # A structurally equal copy, built separately, renders to the same bytes.
    copy = CheckResult(reports=tuple(r._replace() for r in batch3.reports), pack=PACK)
    assert render(copy, "zh") == first
    assert first.endswith("\n") and not first.endswith("\n\n")


@pytest.mark.parametrize("name", MINE)
def test_chinese_default_and_english_on_request(name, batch) -> None:
    render = renderer(name)
    assert render(batch) == render(batch, "zh")
    assert "YAML 语法错误" in render(batch)
    en = render(batch, "en")
    assert en != render(batch)
    assert "YAML syntax error" in en


@pytest.mark.parametrize("name", MINE)
def test_no_colour_no_markup_interpretation(name, batch) -> None:
    out = renderer(name)(batch)
    assert "\x1b" not in out and "\x9b" not in out and "x1b" in out  # shown, not obeyed
    assert "[bold red]注意[/bold red]" in out.replace("\\[", "[").replace("\\]", "]")


@pytest.mark.parametrize("name", MINE)
def test_no_pack(name, no_pack) -> None:
    out = renderer(name)(no_pack)
    assert "mad_public_comment_days" in out.replace("\\_", "_")


def test_clean_helpers() -> None:
    assert clean("a\x1b[1;31mb\x1b]0;t\x07d") == "a\\x1b[1;31mb\\x1b]0;t\\x07d"
    assert clean("x\x00\x08\x0b\x0c\x0e\x1f\x7f\x85\x9by") == "x\\x00\\x08\\x0b\\x0c\\x0e\\x1f\\x7f\\x85\\x9by"
    assert clean("tab\tkept\r\nCR\rLF\n") == "tab\tkept\nCR\nLF\n"
    assert clean("\ud800lone\ufffe") == "<U+D800>lone<U+FFFE>"
    assert clean("a\u202eb\u200bc\u2066d\ufeff") == "a<U+202E>b<U+200B>c<U+2066>d<U+FEFF>"
    assert one_line("a \n\n  b\tc\r\nd") == "a b c d"


TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("|`<>&%:,\n\r\x00\x1b[]*_\\#")),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(message=TEXT, name=TEXT, file=TEXT)
def test_any_text_keeps_every_format_well_formed(message: str, name: str, file: str) -> None:
    base = HULI_REPORT.findings[4]  # a shortfall at 12:3
    f = base._replace(
        message="text",
        params=params(text=Text(message, message)),
        subject=Subject(base.rule, name),
        position=Position(file or "x", base.line, base.column),
    )
    result = CheckResult(reports=(ReportResult(file=file or "x", findings=(f,), region=name, year=2024),))

    root = ET.fromstring(junit.render(result).encode("utf-8"))
    assert root.get("tests") == "1" and root.get("failures") == "1"

    doc = json.loads(sarif.render(result))
    assert len(doc["runs"][0]["results"]) == 1

    gh = github.render(result)
    assert gh.count("\n") == 1 and "\r" not in gh
    head, _, _ = gh[2:].partition("::")
    assert head.count(",") == 3  # exactly four properties, whatever the name or file

    assert parsable.render(result).count("\n") == 1

    md = markdown.render(result).splitlines()
    table = [line for line in md if line.startswith("| ")]
    assert [gfm_cell_boundaries(line) for line in table] == [8, 8, 8], table  # the overview: header, rule, row
    assert len([line for line in md if line.startswith("- ")]) == 1  # the finding: one line, whatever its text
    items = re.findall(r"<li>(.*?)</li>", MarkdownIt("commonmark").enable("table").render("\n".join(md)), re.S)
    assert len(items) == 1 and not re.search(r"<(?:h\d|p|pre|ul|ol|li|blockquote|table|hr)\b", items[0]), items
    summary = [line for line in md if line.startswith("<summary>")]  # data in the folded block's title
    assert len(summary) == 1 and re.fullmatch(r"<summary>[^<>\n]*</summary>", summary[0]), summary


def test_memo_makes_once_per_kind_of_finding_and_stays_bounded() -> None:
    made: list[str] = []

    def make(finding) -> str:
        made.append(finding.rule)
        return finding.rule

    memo = Memo(make, but_place, limit=3)
    f = HULI_REPORT.findings[0]
    moved = f._replace(position=f.position._replace(file="elsewhere.yaml", line=f.line + 9))
    assert memo(f) == memo(moved) == f.rule and made == [f.rule]  # the place is not part of the key
    assert memo(f._replace(evidence=f.evidence + "!")) == f.rule and len(made) == 2  # every other field is
    unhashable = f._replace(params=params(items=["a", "b"]))
    assert memo(unhashable) == memo(unhashable) and len(made) == 4  # made afresh each time
    for finding in HULI_REPORT.findings[1:6]:
        memo(finding)
    assert len(memo.young) <= 3 and len(memo.old) <= 3  # two generations of at most `limit`
    # each generation holds the subjects its keys name by id (so no id is reused while an entry lives),
    # and no more: they go with their generation
    assert all(id(f.subject) in memo.subjects for f in HULI_REPORT.findings[5:6])
    assert all(memo.subjects[id(s)] is s for s in memo.subjects.values())
    assert len(memo.subjects) <= len(memo.young) and len(memo.old_subjects) <= len(memo.old)
    by_rule = Memo(make, of_rule)
    assert by_rule(f) == by_rule(f._replace(evidence="!", params=params(x=1))) and len(made) == 10
    # what recurs survives a full generation: f, met again, is moved to the young one, not made again
    memo(f)
    before = len(made)
    for finding in HULI_REPORT.findings[6:12]:
        memo(finding)
        memo(f)
    assert made.count(f.rule) == made[:before].count(f.rule)


def test_memo_keeps_nothing_of_a_finding_whose_key_is_none() -> None:
    made: list[str] = []

    def make(finding) -> str:
        made.append(finding.rule)
        return finding.rule

    f, g = HULI_REPORT.findings[:2]
    memo = Memo(make, lambda finding: None if finding is f else but_place(finding))
    assert memo(f) == memo(f) == f.rule and memo.many([f, g, f, g]) == [f.rule, g.rule] * 2
    assert made == [f.rule, f.rule, f.rule, g.rule, f.rule]  # f made at each call, g once
    assert list(memo.young.values()) == [g.rule] and list(memo.subjects.values()) == [g.subject]
