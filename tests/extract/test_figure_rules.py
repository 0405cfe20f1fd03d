"""Figures and indicators on real-world phrasing: one table per general rule, in my own words.

Each row is a short report sentence, the figures expected, and the indicator values expected.
"""

from __future__ import annotations

import pytest

from hulifa.extract import extract_text
from hulifa.model import RulePack

HEAD = "2024年,某某县坚持依法行政。\n"


def _run(pack: RulePack, body: str) -> tuple[list[str], dict[str, tuple[float | bool, str]]]:
    ex = extract_text(HEAD + body, pack)
    return [f.text for f in ex.figures], {i.id: (i.value, i.unit) for i in ex.indicators}


# a part is not the total
@pytest.mark.parametrize(
    ("body", "rule", "value"),
    [
        ("全年新收行政复议案件100件。其中涉企行政复议案件30件。", "ar_case_count", 100),
        ("其中涉企行政复议案件30件,全年共新收行政复议案件100件。", "ar_case_count", 100),
        ("全年办理各类案件500件,其中行政复议案件30件。", "ar_case_count", 30),  # no whole for this rule
        ("干部职工88名,其中持证执法人员77名;配备法制审核人员4名。", "enforcement_staff_count", 77),
    ],
)
def test_part_is_not_the_total(pack: RulePack, body: str, rule: str, value: float) -> None:
    assert _run(pack, body)[1][rule][0] == value


# unit fit
@pytest.mark.parametrize(
    ("body", "rule", "expected"),
    [
        ("组织领导干部法治培训5期,参训860人、1320人次。", "leader_law_training_count", (1320, "人次")),
        ("组织领导干部法治培训5期,参训1320人次。", "leader_law_training_count", (1320, "人次")),
        ("全县共有行政执法人员618名,培训执法人员420名。", "enforcement_staff_count", (618, "名")),
        ("组织培训执法人员420名。全县共有行政执法人员618名。", "enforcement_staff_count", (618, "名")),
        ("全年办理行政复议案件9起。", "ar_case_count", (9, "件")),  # 起 counts cases as 件 does
    ],
)
def test_unit_fit(pack: RulePack, body: str, rule: str, expected: tuple[float, str]) -> None:
    assert _run(pack, body)[1][rule] == expected


def test_a_training_count_alone_is_not_the_staff_count(pack: RulePack) -> None:
    assert "enforcement_staff_count" not in _run(pack, "组织培训执法人员420名。")[1]


# words that look like counts but are not
@pytest.mark.parametrize(
    ("body", "figures"),
    [
        ("深入学习党的二十届三次、四次全会精神。", []),
        ("学习贯彻十一届三次全会精神,开展新一轮法治督察。", []),
        ("开展上一轮督察发现问题的整改。", []),
        ("全年召开常务会议3次。", ["3次"]),  # a real count stays
        ("组织两轮法治督察。", ["两轮"]),
    ],
)
def test_not_counts(pack: RulePack, body: str, figures: list[str]) -> None:
    assert _run(pack, body)[0] == figures


# phrasing variants
@pytest.mark.parametrize(
    ("body", "rule", "value"),
    [
        ("县政府常务会议先后研究法治政府建设工作30余次。", "exec_meeting_hears_fzzf_count", 30),
        ("召开3次政府常务会专题研究法治政府建设。", "exec_meeting_hears_fzzf_count", 3),
        ("县政府常务会议累计专题研究法治政府建设工作6次。", "exec_meeting_hears_fzzf_count", 6),
        ("受理行政复议案件9起。", "ar_case_count", 9),
    ],
)
def test_phrasing_variants(pack: RulePack, body: str, rule: str, value: float) -> None:
    assert _run(pack, body)[1][rule][0] == value


def test_problems_part_figures_do_not_beat_the_measures(pack: RulePack) -> None:
    body = (
        "一、主要举措和成效\n全县执法人员六百一十八名,均已持证。\n"
        "二、存在的不足和原因\n三个乡镇执法人员不足三名,究其原因是编制有限。\n"
    )
    assert _run(pack, body)[1]["enforcement_staff_count"][0] == 618
