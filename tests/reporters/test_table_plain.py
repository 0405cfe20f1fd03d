"""The table written without rich (table_plain) is byte for byte rich's (table_rich): every case
folder and Huli, one report and a batch, at 60, 80, 100 and 139 columns and in the wide (boxed)
table, in both languages, with and without --all and --details; and generated findings at random
widths. A pipe gets table_plain, a
terminal rich: a reader must not be able to tell which wrote the text."""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reporter_fixtures import BAD_REPORT, HULI_REPORT, PACK, SIMING_REPORT, finding

from clihelp import ROOT
from hulifa.errors import InputError
from hulifa.model import CheckResult, Finding, ReportResult, Severity, Status
from hulifa.reporters import table, table_plain, table_rich
from hulifa.runner import check_paths

CASES = ROOT / "tests" / "cases"
HULI = ROOT / "reports" / "huli" / "2024.yaml"
TODAY = dt.date(2025, 6, 1)
WIDTHS = (40, 60, 80, 100, 139)  # 40: a phone terminal, where a name has a line of its own
WIDE = (table.WIDE, 160, 220)  # the boxed table (what `-o FILE` gets, at 160)


def _both(result: CheckResult, lang: str, show_all: bool, width: int, details: bool | None) -> tuple[str, str]:
    blocks = table.blocks(result, lang, show_all, width, details)
    return table_rich.render(blocks, width), table_plain.render(blocks, width)


@functools.cache
def _reports() -> tuple[ReportResult, ...]:
    """Every case folder's report (with its own rule pack when it has one) and Huli's."""
    out: list[ReportResult] = []
    for folder in sorted(p.parent for p in CASES.glob("*/report.yaml")):
        rules = folder / "rules.yaml"
        try:
            result = check_paths(str(folder / "report.yaml"), str(rules) if rules.is_file() else None, today=TODAY)
        except InputError:  # a case of a broken rule pack: nothing to lay out
            continue
        out.extend(result.reports)
    out.extend(check_paths(str(HULI)).reports)
    return tuple(out)


@pytest.mark.parametrize("width", [*WIDTHS, *WIDE])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("show_all", [False, True])
def test_every_case_alone_is_written_alike(width: int, lang: str, show_all: bool) -> None:
    for report in _reports():
        rich, plain = _both(CheckResult(reports=(report,)), lang, show_all, width, None)
        assert plain == rich, report.file


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("details", [None, True, False])
def test_a_batch_is_written_alike(width: int, lang: str, details: bool | None) -> None:
    reports = _reports()
    rich, plain = _both(CheckResult(reports=reports), lang, False, width, details)
    assert plain == rich
    # the region: in each report's title, and in the summary's rows where it is wide enough for one
    if details is True or (details is None and width >= table.NARROW_SUMMARY):
        assert "湖里区" in plain
    assert plain.count("\n") > len(reports)  # the summary: a row per report


@pytest.mark.parametrize("width", [*WIDTHS, *WIDE])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_strings_and_an_unchecked_report_are_written_alike(width: int, lang: str) -> None:
    result = CheckResult(reports=(HULI_REPORT, BAD_REPORT, SIMING_REPORT), pack=PACK)
    for show_all in (False, True):
        rich, plain = _both(result, lang, show_all, width, True)
        assert plain == rich
        assert ("┏" in plain) is (width >= table.WIDE)  # the wide table, in rich's box, from WIDE columns


# ------------------------------------------------------------------------------ generated findings

# CJK and ASCII words, long runs without a space, tabs, line breaks and the characters textsafe shows
_TEXT = st.text(
    alphabet=st.sampled_from(
        [
            *"abcXYZ-_/%.,:;()",
            *"中文报告指标率次数《》(),;:、。",
            " ",
            " ",
            "\t",
            "\n",
            "\x00",
            "\x1b",
            "\u202e",
            "é",
            "\u3000",
        ]
    ),
    max_size=60,
) | st.builds(
    lambda word, n: " ".join([word] * n), st.text(alphabet="ABCDEFGHIJ-", min_size=10, max_size=50), st.integers(1, 4)
)

_FINDING = st.builds(
    lambda rule, name, zh, en, status, severity, line, actual: finding(
        rule, status, severity, line, 1, zh, en, name=name, name_en=name, actual=actual
    ),
    rule=st.sampled_from([*(r.id for r in PACK.rules), "x.generated"]),
    name=_TEXT,
    zh=_TEXT,
    en=_TEXT,
    status=st.sampled_from(list(Status)),
    severity=st.sampled_from(list(Severity)),
    line=st.integers(1, 100_000),
    actual=_TEXT,
)


@settings(max_examples=150, deadline=None)
@given(
    findings=st.lists(_FINDING, max_size=8),
    region=_TEXT,
    width=st.integers(30, 240),
    lang=st.sampled_from(["zh", "en"]),
    show_all=st.booleans(),
    batch=st.booleans(),
)
def test_generated_findings_are_written_alike(
    findings: list[Finding], region: str, width: int, lang: str, show_all: bool, batch: bool
) -> None:
    report = ReportResult(file="reports/生成 的/报告.yaml", region=region, year=2024, findings=tuple(findings))
    unchecked = ReportResult(file=f"{region}/b.yaml", findings=(), region="思明区", year=None, checked=False)
    reports = (report, unchecked) if batch else (report,)
    rich, plain = _both(CheckResult(reports=reports), lang, show_all, width, True)
    assert plain == rich
