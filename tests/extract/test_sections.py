"""Which statutory parts a report has; its year, region and level."""

from __future__ import annotations

import pytest

from hulifa.extract import Extraction, extract_text
from hulifa.extract.metadata import guess_level
from hulifa.model import RulePack


def test_huli_sections(huli: Extraction) -> None:
    found = {s.id: s for s in huli.sections}
    assert set(found) == {"measures", "shortcomings", "first_responsible", "next_year"}
    assert found["measures"].line == 2 and found["measures"].how == "heading"
    assert found["first_responsible"].line == 3 and "第一责任人" in found["first_responsible"].evidence
    assert found["shortcomings"].line == 22 and "短板弱项" in found["shortcomings"].evidence
    assert found["next_year"].line == 23
    assert "causes" not in found  # a list of problems is not a causal analysis


def test_huli_meta(huli: Extraction) -> None:
    assert (huli.region, huli.level, huli.year) == ("湖里区", "district", 2024)


STRUCTURED = """某某县人民政府关于2023年度法治政府建设工作情况的报告
一、党政主要负责人履行推进法治建设第一责任人职责情况
县长认真履行职责。
二、2023年推进法治政府建设的主要举措和成效
(一)依法全面履行政府职能
审查行政复议申请12件。
三、存在的不足和原因
一是执法力量不足。究其原因,主要是编制有限、培训不够。
四、2024年推进法治政府建设的主要安排
继续深化改革。
五、其他需要报告的情况
无。
"""


def test_structured_report(pack: RulePack) -> None:
    ex = extract_text(STRUCTURED, pack)
    found = {s.id: s for s in ex.sections}
    assert set(found) == {"measures", "shortcomings", "causes", "first_responsible", "next_year", "other"}
    assert found["first_responsible"].line == 2
    assert found["measures"].line == 4
    assert found["shortcomings"].line == 7
    assert found["causes"].line == 8
    assert found["next_year"].line == 9
    assert found["other"].line == 11
    assert (ex.region, ex.level, ex.year) == ("某某县", "county", 2023)


def test_problems_heading_without_analysis_has_no_causes(pack: RulePack) -> None:
    text = STRUCTURED.replace("究其原因,主要是编制有限、培训不够。", "二是培训不够。")
    ex = extract_text(text, pack)
    assert "causes" not in ex.section_ids and "shortcomings" in ex.section_ids


def test_three_part_frame(pack: RulePack) -> None:
    text = (
        "清水县2023年度法治政府建设工作总结\n一、工作开展情况\n全年办理复议案件5件。\n"
        "二、存在的问题\n执法人员素质有待提升。\n三、下一步工作打算\n加强培训。\n"
    )
    ex = extract_text(text, pack)
    assert ex.section_ids == ("measures", "shortcomings", "next_year")
    assert ex.year == 2023 and ex.region == "清水县"


@pytest.mark.parametrize(
    ("region", "level"),
    [
        ("湖里区", "district"),
        ("清水县", "county"),
        ("厦门市", "city"),
        ("福建省", "province"),
        ("广西壮族自治区", "province"),
        ("厦门市司法局", "department"),
        ("市发改委", "department"),
        ("厦门市人民政府外事办公室", "department"),
        ("", ""),
    ],
)
def test_guess_level(region: str, level: str) -> None:
    assert guess_level(region) == level


def test_level_and_region_can_be_given(pack: RulePack, huli_text: str) -> None:
    ex = extract_text(huli_text, pack, region="厦门市湖里区", level="county", year=2024)
    assert (ex.region, ex.level, ex.year) == ("厦门市湖里区", "county", 2024)
