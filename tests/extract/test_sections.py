"""Which statutory parts a report has; its year, region and level."""

from __future__ import annotations

import re
from pathlib import Path

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


# ----------------------------------------------------------------------------- parts found where they are
from hulifa.extract.document import Doc  # noqa: E402
from hulifa.extract.sections import Heading, heading_kind, whose_first_responsibility  # noqa: E402


@pytest.mark.parametrize(
    ("title", "top", "bare", "kind"),
    [
        ("存在的不足和原因", True, True, "shortcomings+causes"),
        ("存在的问题", True, True, "shortcomings"),
        ("存在问题", False, True, "shortcomings"),  # an item heading that names the part
        ("法治督察", False, False, None),  # "18.法治督察。督促整改问题23个。": a measure
        ("着力解决群众反映强烈的突出问题", True, True, "measures"),  # a problem acted on: a measure
        ("强化执法监督", False, False, None),
        ("压实第一责任", False, False, None),  # an item with a body: the sentence rule decides
        ("党政主要负责人履行推进法治建设第一责任人职责情况", True, True, "first_responsible"),
        ("2025年工作安排", True, True, "next_year"),
        ("其他需要报告的情况", True, True, "other"),
        ("主要举措和成效", True, True, "measures"),
        ("坚持党的领导", True, True, "measures"),  # a top-level part that names nothing else
    ],
)
def test_heading_rules(title: str, top: bool, bare: bool, kind: str | None) -> None:
    assert heading_kind(Heading(0, title, title, top, bare), 2024) == kind


@pytest.mark.parametrize(
    ("before", "whose"),
    [
        ("县长切实履行推进法治建设", "own"),
        ("区委、区政府主要负责同志认真履行法治建设", "own"),
        ("督促各乡镇党政主要负责人履行推进法治建设", "other"),
        ("各部门主要负责人切实履行", "other"),
        ("将下级党政主要负责人履行", "other"),
        ("区长带头推动落实", "own"),  # the report's own leader comes first
        ("全面落实", "unsure"),
    ],
)
def test_whose_first_responsibility(before: str, whose: str) -> None:
    assert whose_first_responsibility(before) == whose


# my own wording, not from any published report
ITEM_WITH_PROBLEMS = """松原县2024年法治政府建设年度报告
一、主要举措和成效
(一)强化执法监督。组织开展执法案卷评查,针对评查中存在的问题,逐项分析原因,督促整改到位。
(二)推进政务公开。主动公开政府信息1500条。
二、2025年工作安排
继续推进法治政府建设。
"""
ONE_LINE = (
    "柳河县2024年法治政府建设年度报告 一、主要举措和成效 全年办理行政复议案件12件。县长切实履行推进法治建设"
    "第一责任人职责。二、存在的不足和原因 执法力量不足,究其原因是编制有限。三、2025年工作安排 力争办结率达到98%。\n"
)
OTHERS_DUTY = """桐乡县2024年法治政府建设年度报告
一、主要举措和成效
督促各乡镇党政主要负责人履行推进法治建设第一责任人职责,组织乡镇长述法12人次。
二、存在的不足和原因
执法力量不足,究其原因是编制有限。
三、2025年工作安排
继续深化改革。
"""


def test_a_measure_that_mentions_problems_is_not_the_shortcomings_part(pack: RulePack) -> None:
    ex = extract_text(ITEM_WITH_PROBLEMS, pack)
    assert "shortcomings" not in ex.section_ids and "causes" not in ex.section_ids


def test_one_line_paste_keeps_every_part(pack: RulePack) -> None:
    ex = extract_text(ONE_LINE, pack)
    assert set(ex.section_ids) == {"measures", "shortcomings", "causes", "first_responsible", "next_year"}
    plan = [f for f in ex.figures if f.plan]
    assert [f.text for f in plan] == ["98%"]  # only the figure after 三、 is a target
    assert not [f for f in ex.figures if f.text == "12件" and f.plan]


def test_other_bodies_duties_are_not_the_own_part(pack: RulePack) -> None:
    ex = extract_text(OTHERS_DUTY, pack)
    assert "first_responsible" not in ex.section_ids


def test_unsure_part_is_unverifiable_not_pass(pack: RulePack, tmp_path: Path) -> None:
    from hulifa.model import Status
    from hulifa.runner import check_file

    text = OTHERS_DUTY.replace("督促各乡镇党政主要负责人履行", "全面落实")
    ex = extract_text(text, pack)
    found = {s.id: s for s in ex.sections}
    assert found["first_responsible"].doubt and "全面落实" in found["first_responsible"].evidence
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(str(path), pack)
    part = next(f for f in result.findings if f.rule == "part_first_responsible")
    assert part.status is Status.UNVERIFIABLE and "全面落实" in part.evidence


def test_inline_headings_need_their_sequence() -> None:
    from hulifa.extract.sections import inline_headings

    doc = Doc.of(
        "本县坚持问题导向,做到一、二、三步走,统筹推进各项工作,确保法治政府建设取得实效,全面提升依法行政水平和能力。" * 2
    )
    assert [h.title for h in inline_headings(doc)] == []


def test_markdown_heading_marks_are_not_part_of_the_heading(pack: RulePack) -> None:
    text = (
        "# 某市人民政府2024年度法治政府建设情况报告\n\n## 一、2024年主要举措和成效\n\n全年办理复议案件5件。\n\n"
        "## 二、存在的不足\n\n执法力量不足。\n\n## 三、2025年工作安排\n\n力争培训不少于12次。\n"
    )
    ex = extract_text(text, pack)
    found = {s.id: s.line for s in ex.sections}
    assert found == {"measures": 3, "shortcomings": 7, "next_year": 11}
    assert all(f.plan for f in ex.figures if f.line == 13)  # the part is a plan


CLOSING = (
    "某县人民政府关于2024年度法治政府建设情况的报告\n"
    "一、主要举措和成效\n"
    "全年办理行政复议案件86件①,纠错率12.4%。\n"
    "二、2025年工作安排\n"
    "一是行政执法人员人均培训不少于60学时。二是案卷优秀率达到85%以上。\n"
    "{closing}"
)


@pytest.mark.parametrize(
    "closing",
    [
        "附件:主要指标完成情况\n指标\t2024年\t2023年\n行政复议案件(件)\t86\t74\n",  # an appendix
        "某县人民政府\n2025年2月26日\n指标\t2024年\t2023年\n行政复议案件(件)\t86\t74\n",  # after the signature
        "① 含以县政府为被申请人的86件,其中74件已审结。\n",  # the note to a footnote mark
    ],
)
def test_the_next_year_part_ends_where_the_closing_matter_begins(pack: RulePack, closing: str) -> None:
    ex = extract_text(CLOSING.format(closing=closing), pack)
    assert [f.text for f in ex.figures if f.plan] == ["不少于60学时", "85%以上"]  # the next year's targets
    assert [f.text for f in ex.figures if f.line >= 6] in (["86", "74"], ["86件", "74件"])


def test_a_list_marker_in_the_next_year_part_is_not_a_note(pack: RulePack) -> None:
    text = CLOSING.format(closing="③ 力争纠错率达到15%。\n").replace("①", "")
    ex = extract_text(text, pack)
    assert {f.text: f.plan for f in ex.figures}["15%"]


# ----------------------------------------------------------------------------- a table of contents

import json  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from hulifa.cli import app  # noqa: E402
from hulifa.extract import read_text  # noqa: E402
from hulifa.extract.document import contents_lines  # noqa: E402

SAMPLES = Path(__file__).resolve().parent / "samples"
# a report with a 目录 page, and the indicator its body states before the next-year part
TOC_SAMPLES = {
    "toc-text-county-2024/input.txt": "agency_head_appearance_rate",
    "toc-pdf-district-2024/input.pdf": "agency_head_appearance_rate",
    "toc-docx-dept-2024/input.docx": "ar_respondent_case_count",
}


@pytest.mark.parametrize("sample", TOC_SAMPLES)
def test_a_table_of_contents_opens_no_part(pack: RulePack, sample: str) -> None:
    text, _ = read_text(SAMPLES / sample)
    ex = extract_text(text, pack)
    found = {s.id: s for s in ex.sections}
    assert set(found) == {"measures", "shortcomings", "causes", "first_responsible", "next_year", "other"}
    body = text.index("目") + text[text.index("目") :].index("\n一、")  # the body's first heading
    for part in found.values():
        assert part.start > body, part
        assert not part.evidence.rstrip().endswith(("…", ".", "1", "2", "3", "4", "5", "6", "7"))
    plan_from = found["next_year"].start
    assert ex.figures and all(f.plan == (f.start >= plan_from) for f in ex.figures)
    assert TOC_SAMPLES[sample] in {i.id for i in ex.indicators}


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.mark.parametrize("sample", TOC_SAMPLES)
def test_a_table_of_contents_through_the_cli(sample: str) -> None:
    path = str(SAMPLES / sample)
    code, out = _cli("extract", path)
    assert code == 0
    assert f"  {TOC_SAMPLES[sample]}:" in out.split("indicators:")[1]
    next_year = next(line for line in out.splitlines() if line.startswith("  next_year:"))
    assert "…" not in next_year and not re.search(r"\d\"\}", next_year)
    code, out = _cli("check", path, "--format", "json")
    assert code in (0, 1)
    findings = {f["rule"]: f for f in json.loads(out)["reports"][0]["findings"]}
    assert findings["part_next_year"]["status"] == "pass"
    assert findings[TOC_SAMPLES[sample]]["status"] in ("pass", "stated")


@pytest.mark.parametrize(
    ("lines", "toc"),
    [
        (
            ["目录", "一、主要举措……2", "三、2025年工作安排 ........ 6", "四、其他\t7", "第 1 页 共 6 页", "一、举措"],
            {1, 2, 3, 4, 5},
        ),
        # without 目录: leaders and a page number, or a title with a page number written again later
        (["一、主要举措……………2", "二、工作安排 3", "一、主要举措", "二、工作安排"], {1, 2}),
        # a body line that ends in a number is not an entry; 目录's block ends at the first body line
        (["目 录", "一、主要举措 2", "一、主要举措", "全年办理案件 12"], {1, 2}),
        (["全年办理案件 12", "培训 3", "培训"], {2}),
    ],
)
def test_contents_lines(lines: list[str], toc: set[int]) -> None:
    assert contents_lines(lines) == toc


def test_a_top_heading_written_twice_counts_where_it_is_written_last(pack: RulePack) -> None:
    listed = "一、2024年主要举措和成效\n二、2025年工作安排\n"
    body = "一、2024年主要举措和成效\n全年办理行政复议案件12件。\n二、2025年工作安排\n力争办结率100%。\n"
    ex = extract_text("某县2024年法治政府建设年度报告\n" + listed + body, pack)
    assert {s.id: s.line for s in ex.sections}["next_year"] == 6
    assert [f.plan for f in ex.figures] == [False, True]


# ----------------------------------------------------------------------------- where the report ends

_BODY = (
    "某县人民政府关于2024年度法治政府建设情况的报告\n"
    "一、主要举措和成效\n全年收到行政复议申请317件，纠错率12.3%。\n"
    "二、存在的不足和原因\n一是执法力量不足。究其原因，主要是人员短缺。\n"
    "三、2025年工作安排\n全年会前学法不少于12次。\n"
    "四、其他需要报告的情况\n上年度报告所列37件延期案件已全部办结。\n"
)
_SIGNED = _BODY + "某县人民政府\n2025年3月20日\n"

# (what follows the report's last part, the first line not read as the report, or None: all is the report)
ENDINGS: list[tuple[str, str | None]] = [
    # a portal's 图解, 相关链接 and 政策解读 after the signature, with their own figures
    (
        _SIGNED + "【图解】一图读懂某县2024年度法治政府建设\n行政复议申请 约320件\n",
        "【图解】一图读懂某县2024年度法治政府建设",
    ),
    (_SIGNED + "相关链接\n某县2023年度法治政府建设情况报告（受理290件）\n", "相关链接"),
    (_SIGNED + "\n【政策解读】一图看懂某县法治建设\n调解纠纷超1000件\n", "【政策解读】一图看懂某县法治建设"),
    # no signature: the heading after the last part ends it
    (_BODY + "相关链接：\n某县公布2025年度重大行政决策事项目录（共5项）\n", "相关链接："),
    (
        _BODY + "一图读懂《某县人民政府关于2024年度法治政府建设情况的报告》\n",
        "一图读懂《某县人民政府关于2024年度法治政府建设情况的报告》",
    ),
    # a gazette's next document after the signature: its running head, title and number
    (
        _SIGNED + "某市人民政府公报 2025年第4期\t政府办公室文件\n某市人民政府办公室关于印发\n"
        "某市2025年食品安全工作要点的通知\n某政办发〔2025〕9号\n抽检合格率稳定在98%以上。\n",
        "某市人民政府公报 2025年第4期\t政府办公室文件",
    ),
    (
        _SIGNED + "某市人民政府关于进一步加强安全生产工作的意见\n全年检查企业2,000家。\n",
        "某市人民政府关于进一步加强安全生产工作的意见",
    ),
    # what the report itself has after its date: an appendix, notes, a copy list; nothing after the date
    (_SIGNED + "附件：主要指标完成情况\n指标\t2024年\n行政复议申请（件）\t317\n", None),
    (_SIGNED + "（此件公开发布）\n抄送：市司法局。\n", None),
    (_SIGNED, None),
    (_BODY, None),
    # an appendix, then the portal's links after it
    (_SIGNED + "附件：主要指标完成情况\n行政复议申请（件）\t317\n相关链接\n上年报告（受理290件）\n", "相关链接"),
]


@pytest.mark.parametrize(("text", "first"), ENDINGS)
def test_where_the_report_ends(text: str, first: str | None) -> None:
    from hulifa.extract.document import Doc
    from hulifa.extract.sections import detect_sections, report_end

    doc = Doc.of(text)
    end = report_end(doc, detect_sections(doc, 2024))
    assert (text[end:].split("\n", 1)[0] if end < len(text) else None) == first


def test_a_date_under_the_title_ends_nothing() -> None:
    """The report's date printed under its title, before the salutation, is not its end: the parts follow."""
    from hulifa.extract.document import Doc
    from hulifa.extract.sections import detect_sections, report_end

    text = _BODY.replace("报告\n", "报告\n2025年3月20日\n某市人民政府：\n", 1) + "相关链接\n上年报告（受理290件）\n"
    doc = Doc.of(text)
    assert text[report_end(doc, detect_sections(doc, 2024)) :].startswith("相关链接")


def test_what_follows_the_report_gives_no_figure_and_its_last_part_keeps_its_own(pack: RulePack) -> None:
    text = _SIGNED + "【图解】一图读懂某县2024年度法治政府建设\n行政复议申请\t约320件\n纠错率\t约12%\n"
    figures = [f.text for f in extract_text(text, pack, region="某县", level="county").figures]
    assert figures == ["317件", "12.3%", "不少于12次", "37件"]


GAZETTE_PAGE = (
    "某市人民政府公报\n"
    "……各县（市、区）要抓好落实，力争全年新增规模以上工业企业500家以上，培育产业集群3个。\n"
    "某市人民政府办公室\n"
    "2026年2月10日\n"
    "某市生态环境局2025年法治政府建设年度报告\n"
    "一、2025年法治政府建设主要举措和成效\n"
    "全年立案查处环境违法案件173件。\n"
)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a gazette page opening with the previous document's tail, its signature and date: not the report
        (GAZETTE_PAGE, ["173件"]),
        # no signature's date before the title: what precedes it is read
        (GAZETTE_PAGE.replace("2026年2月10日\n", ""), ["500家以上", "3个", "173件"]),
        # a date line before the title but no prose before that: a page header, read as before
        ("2026年3月5日\n某市2025年法治政府建设年度报告\n一、主要举措\n办理案件12件。\n", ["12件"]),
    ],
)
def test_the_tail_of_the_document_before_the_report_is_not_read(pack: RulePack, text: str, figures: list[str]) -> None:
    assert [f.text for f in extract_text(text, pack).figures] == figures
