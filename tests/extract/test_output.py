"""Report-data YAML (accepted by the loader), JSON shape, ReportData for one-step checking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from hulifa.extract import Extraction, to_json, to_report_data, to_report_yaml


def test_yaml_is_accepted_by_the_loader(huli: Extraction, tmp_path: Path) -> None:
    from hulifa.reportdata import load_report

    path = tmp_path / "huli.yaml"
    path.write_text(to_report_yaml(huli, "huli-2024-report.txt"), encoding="utf-8")
    data = load_report(path)
    assert (data.region, data.level, data.year) == ("湖里区", "district", 2024)
    assert [v.key for v in data.values if v.problem] == []
    values = {v.key: v for v in data.values}
    assert values["ar_case_count"].quantity.value == 590
    assert values["leader_law_training_count"].quantity.bound.value == "lower"
    assert values["principal_duty_in_annual_debrief"].flag is True
    assert "590件" in values["ar_case_count"].evidence
    assert {s.id for s in data.sections if s.present} == {
        "measures",
        "shortcomings",
        "first_responsible",
        "next_year",
    }


def test_yaml_has_line_comments_and_unmapped_figures(huli: Extraction) -> None:
    text = to_report_yaml(huli, "huli-2024-report.txt")
    assert "  ar_case_count:  # line 21: 行政复议案件数" in text
    assert "# line 7: 5.8万户 = 58000户 (exact)" in text
    assert "# line 16: 88次 = 88次 (exact) [change]" in text
    assert "全部进驻 = implicit full coverage" in text
    assert "ambiguous" in text
    assert text == to_report_yaml(huli, "huli-2024-report.txt")  # deterministic
    assert isinstance(yaml.safe_load(text), dict)


def test_a_figure_cut_by_a_hard_wrap_stays_in_one_comment_line(pack) -> None:
    from hulifa.extract import extract_text

    text = "某县人民政府2023年度法治政府建设情况报告\n全年办理行政处罚案件4\n856件，罚没款2380.5万元。\n"
    draft = to_report_yaml(extract_text(text, pack), "input.txt")
    assert "# line 2: 4856件 = 4856件 (exact)" in draft
    assert isinstance(yaml.safe_load(draft), dict)


def test_json_shape(huli: Extraction) -> None:
    doc = json.loads(to_json(huli))
    assert {"region", "year", "sections", "indicators", "figures"} <= set(doc)
    assert doc["sections"] == ["measures", "shortcomings", "first_responsible", "next_year"]
    ind = {i["id"]: i for i in doc["indicators"]}
    assert ind["agency_head_appearance_rate"]["value"] == 100
    assert set(ind["ar_case_count"]) == {"id", "name", "value", "unit", "bound", "text", "evidence", "line"}
    assert ind["exec_meeting_hears_fzzf_count"]["ambiguous"] is True
    figure = doc["figures"][0]
    assert {"text", "value", "unit", "bound", "line", "start", "end"} <= set(figure)
    assert any(f.get("change") for f in doc["figures"])
    assert "change" not in figure


def test_report_data_positions_point_into_the_text(huli: Extraction, huli_text: str) -> None:
    data = to_report_data(huli, "huli.txt")
    values = {v.key: v for v in data.values}
    case = values["ar_case_count"]
    assert case.position.file == "huli.txt" and case.position.line == 21
    line = huli_text.splitlines()[20]
    assert line[case.position.column - 1 :].startswith("590件")
    assert case.quantity.value == 590 and case.quantity.unit == "件"
    assert {s.id for s in data.sections if s.present} == {
        "measures",
        "shortcomings",
        "first_responsible",
        "next_year",
    }
    assert all(s.present for s in data.sections)  # parts not found are left out, not placed at line 1


def test_report_data_can_be_checked(huli: Extraction, pack) -> None:
    from hulifa.evaluate import evaluate
    from hulifa.model import Status

    result = evaluate(pack, to_report_data(huli, "huli.txt"))
    rows = {f.rule: f for f in result.findings}
    assert rows["agency_head_appearance_rate"].status is Status.PASS
    assert rows["agency_head_appearance_rate"].line == 21
    assert rows["part_shortcomings_causes"].status is not Status.PASS  # causes are missing


# (sentence, the figure, the Party bodies that share it)
SHARED = [
    ("组织召开区委常委会、区政府常务会研究相关工作12次,高位推进法治政府建设。", "12次", ("区委常委会",)),
    # the bodies are named in the clause before the count
    ("建立区委、区政府研究重大议题学法前置机制,组织学习相关法律法规8次。", "8次", ("区委",)),
    # an earlier clause with its own count keeps its bodies (full-width commas too)
    ("区委常委会、区政府常务会议共研究法治政府建设重要事项11次，区政府常务会议会前学法10次。", "10次", ()),
    ("区委常委会、区政府常务会议共研究法治政府建设重要事项11次，区政府常务会议会前学法10次。", "11次", ("区委常委会",)),
    # the body comes after the count, in the figure's own clause
    ("区委、区政府主要负责同志履行第一责任人职责，先后研究法治工作30余次，其中召开3次政府常务会专题研究。", "3次", ()),
    ("县政府常务会议专题研究法治政府建设工作十二次，县委常委会会议听取法治建设工作汇报两次。", "十二次", ()),
    ("全年区政府常务会议和区政府党组会议共专题学法16次；区政府常务会议听取汇报3次。", "3次", ()),
    # a joint Party-and-government meeting is both bodies: the count is shared
    ("镇党政联席会议研究法治建设工作六次,镇政府班子会前学法十次。", "六次", ("镇党政联席会议",)),
    ("镇党政联席会议研究法治建设工作六次,镇政府班子会前学法十次。", "十次", ()),
]


@pytest.mark.parametrize(("sentence", "text", "bodies"), SHARED)
def test_shared_with(sentence: str, text: str, bodies: tuple[str, ...]) -> None:
    from hulifa.extract.indicators import Indicator
    from hulifa.extract.output import shared_with
    from hulifa.model import Bound

    ind = Indicator("x", "x", 1.0, "次", Bound.EXACT, text, sentence, 1, 1, 0, len(text))
    assert shared_with(ind) == bodies


AVERAGES = [
    # (sentence, the review time's mean flag): 平均/人均 right before the figure, or before the noun it averages
    ("审核县政府行政规范性文件9件,平均审核时间7个工作日。", True),
    ("审核县政府行政规范性文件9件,审核时间平均5个工作日。", True),
    ("审核县政府行政规范性文件9件,审核时间均为7个工作日。", False),
    ("审核县政府行政规范性文件9件,审核时间7个工作日。", False),
]


@pytest.mark.parametrize(("sentence", "mean"), AVERAGES)
def test_an_average_is_written_as_a_mean_and_cannot_pass_a_limit_for_each(
    pack, tmp_path: Path, sentence: str, mean: bool
) -> None:
    """平均审核时间7个工作日 says nothing of the document reviewed in 2 days: the YAML says `mean: true`,
    and checking the text, or the YAML, leaves the 5-15 working days for each document unverifiable."""
    from hulifa.extract import extract_text
    from hulifa.runner import check_file

    ex = extract_text(sentence, pack, region="某县", level="county", year=2024)
    found = {i.id: i for i in ex.indicators}["nd_legality_review_workdays"]
    assert found.mean is mean
    written = yaml.safe_load(to_report_yaml(ex, "report.txt"))["indicators"]["nd_legality_review_workdays"]
    assert written.get("mean", False) is mean
    as_json = {i["id"]: i for i in json.loads(to_json(ex))["indicators"]}["nd_legality_review_workdays"]
    assert as_json.get("mean", False) is mean
    text = tmp_path / "report.txt"
    text.write_text(f"某县人民政府关于2024年度法治政府建设情况的报告\n{sentence}\n", encoding="utf-8")
    draft = tmp_path / "report.yaml"
    draft.write_text(to_report_yaml(extract_text(text.read_text("utf-8"), pack), "report.txt"), encoding="utf-8")
    for path in (text, draft):
        status = {f.rule: f.status.value for f in check_file(str(path), pack).findings}["nd_legality_review_workdays"]
        assert status == ("unverifiable" if mean else "pass"), path.name


def test_a_table_restating_the_texts_average_is_an_average(pack) -> None:
    from hulifa.extract import extract_text

    text = (
        "审核县政府规范性文件46件,平均审核时间6.2个工作日。\n"
        "指标\t目标值\t2024年\t2023年\n行政规范性文件审核时间(工作日)\t≤10\t6.2\t8.5\n"
    )
    found = {i.id: i for i in extract_text(text, pack, region="某县", level="county", year=2024).indicators}
    assert (found["nd_legality_review_workdays"].value, found["nd_legality_review_workdays"].mean) == (6.2, True)
