"""One rule against one stated value (hulifa.kinds): verdicts remembered per pack, never per report."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clihelp import MINIMAL, run_cli
from hulifa import kinds
from hulifa.evaluate import evaluate
from hulifa.model import Finding, RulePack, Status
from hulifa.reportdata import report_from_bytes
from hulifa.rulepack import load_pack

TODAY = dt.date(2025, 6, 1)


def _pack(folder: Path, target: int) -> RulePack:
    path = folder / f"pack{target}.yaml"
    path.write_text(
        textwrap.dedent(f"""\
        pack: kinds-test-{target}
        indicators:
          - id: review_rate
            name: 审核率
            unit: "%"
            requirement: {{kind: at_least, target: {target}}}
            severity: warning
            basis: {{document: 测试, strength: PRACTICE}}
          - id: trained_hours
            name: 培训学时
            unit: 学时
            units: [课时]
            requirement: {{kind: at_least, target: 40}}
            severity: error
            basis: {{document: 测试, strength: PRACTICE}}
          - id: list_published
            name: 清单公布
            unit: bool
            requirement: {{kind: affirmed}}
            severity: warning
            basis: {{document: 测试, strength: PRACTICE}}
        """),
        encoding="utf-8",
    )
    return load_pack(path)


def _findings(pack: RulePack, name: str, indicators: str) -> dict[str, Finding]:
    report = report_from_bytes((MINIMAL + indicators).encode(), name)
    return {f.rule: f for f in evaluate(pack, report, today=TODAY).findings}


def test_a_remembered_verdict_keeps_each_reports_place_and_evidence(tmp_path: Path) -> None:
    pack = _pack(tmp_path, 95)
    first = _findings(pack, "a.yaml", "  审核率: {value: 90%, evidence: 甲区审核率90%}\n")
    second = _findings(pack, "b.yaml", "  清单公布: 是\n  审核率:\n    evidence: 乙区审核率90%\n    value: 90%\n")
    assert pack.index.verdicts  # the second report's figure was judged from the memo
    one, two = first["review_rate"], second["review_rate"]
    assert one.status is two.status is Status.SHORTFALL
    assert (one.file, one.line, one.column, one.evidence) == ("a.yaml", 6, 9, "甲区审核率90%")
    assert (two.file, two.line, two.column, two.evidence) == ("b.yaml", 9, 5, "乙区审核率90%")
    assert one.gap == two.gap == pytest.approx(5.0)


def test_two_packs_with_one_rule_id_judge_by_their_own_targets(tmp_path: Path) -> None:
    strict, lenient = _pack(tmp_path, 95), _pack(tmp_path, 80)
    figure = "  审核率: 90%\n"
    for _ in range(2):  # each pack's memo warm the second time round
        assert _findings(strict, "r.yaml", figure)["review_rate"].status is Status.SHORTFALL
        assert _findings(lenient, "r.yaml", figure)["review_rate"].status is Status.PASS


def test_the_memo_stops_growing_at_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    indicators = "  审核率: 不足96%\n  培训学时: 50课时\n  清单公布: 否\n"
    expected = _findings(_pack(tmp_path, 95), "r.yaml", indicators)
    monkeypatch.setattr(kinds, "VERDICT_MEMO_SIZE", 2)
    pack = _pack(tmp_path, 95)
    assert _findings(pack, "r.yaml", indicators) == expected
    assert len(pack.index.verdicts) == 2
    assert _findings(pack, "r.yaml", indicators) == expected


FIGURES = st.builds(
    "{}{}{}{}".format,
    st.sampled_from(["", "不足", "超过", "约", "不少于"]),
    st.sampled_from(["0", "39", "40", "40.5", "79.9", "80", "95", "100", "120", "三十九", "四十"]),
    st.sampled_from(["", "%", "学时", "课时", "件"]),
    st.sampled_from(["", "以上", "以下", "余", "左右"]),
)


KEYS = st.sampled_from(["审核率", "培训学时", "清单公布"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(KEYS, FIGURES | st.sampled_from(["是", "否"]))))
def test_a_warm_memo_judges_as_a_cold_one(
    tmp_path_factory: pytest.TempPathFactory, figures: list[tuple[str, str]]
) -> None:
    """The same figures, judged by a pack that has seen them all before and by one that has seen none."""
    folder = tmp_path_factory.mktemp("packs")
    warm = _pack(folder, 80)
    reports = [f"  {key}: {figure}\n" for key, figure in figures]
    for indicators in reports:
        _findings(warm, "r.yaml", indicators)
    for indicators in reports:
        assert _findings(warm, "r.yaml", indicators) == _findings(_pack(folder, 80), "r.yaml", indicators)


def test_a_rules_finding_is_the_record_findings_keywords_make(tmp_path: Path) -> None:
    """RuleContext.finding makes findings without Finding's constructor: the same record, field for field."""
    from hulifa.model import Position, Quantity, Severity

    pack = _pack(tmp_path, 95)
    report = report_from_bytes((MINIMAL + "  审核率: 90%\n").encode(), "r.yaml")
    ctx = kinds.RuleContext(pack.rules[0], report)
    where, q = Position("r.yaml", 6, 9), Quantity(90.0, "%", text="90%")
    value = report.values[0]._replace(quantity=q, evidence="证据")
    made = ctx.finding(Status.SHORTFALL, Severity.ERROR, where, "shortfall", (("over", False),), value=value, gap=5.0)
    assert type(made) is Finding and len(made) == len(Finding._fields)
    assert made == Finding(
        rule="review_rate",
        subject=pack.rules[0],
        status=Status.SHORTFALL,
        severity=Severity.ERROR,
        position=where,
        message="shortfall",
        params=(("over", False),),
        quantity=q,
        gap=5.0,
    )
    assert made.previous == "" and made.change is None and made.accepted is None and made.accepted_status == ""


# The yes/no words a compiler writes, and what each says; a word that only leans one way is not read.
YES_NO = [
    ("是的", Status.PASS),
    ("已完成", Status.PASS),
    ("对", Status.PASS),
    ("否的", Status.SHORTFALL),
    ("不是", Status.SHORTFALL),
    ("尚未", Status.SHORTFALL),
    ("基本是", Status.INVALID),
    ("部分", Status.INVALID),
]


@pytest.mark.parametrize(("word", "status"), YES_NO)
def test_a_yes_no_indicator_reads_the_words_compilers_write(tmp_path: Path, word: str, status: Status) -> None:
    found = _findings(_pack(tmp_path, 95), "r.yaml", f"  list_published: {word}\n")["list_published"]
    assert found.status is status
    if status is Status.INVALID:  # a yes/no was wanted: never "not a figure"
        assert found.message == "invalid.flag"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unread_yes_no_word_says_a_yes_no_was_expected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.yaml").write_text(MINIMAL + "  mad_catalogue_published: 基本是\n", encoding="utf-8")
    said = run_cli("check", "r.yaml", "--lang", lang, "-f", "markdown").stdout
    assert (
        ("应填 是/否 (true/false),而不是「基本是」" in said)
        if lang == "zh"
        else ("takes yes or no (true/false)" in said)
    )
