"""Tables in a report's text: a table copied one cell per line reads as rows, and a row whose label
names its unit states its bare numbers in that unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hulifa.extract import extract_text
from hulifa.extract.document import Doc
from hulifa.extract.figures import find_figures
from hulifa.extract.tables import join_cell_lines, label_unit, pipe_rows
from hulifa.model import RulePack

PASTED = (
    "2023年,全县依法行政。全县主要法治指标如下:\n"
    "主要指标\n2022年\n2023年\n"
    "行政复议案件\n88件\n102件\n"
    "行政复议纠错率\n7.9%\n8.8%\n"
    "二、第一责任人\n"
)


def test_a_table_copied_one_cell_per_line_is_joined_into_rows() -> None:
    joined = join_cell_lines(PASTED)
    assert joined.splitlines()[1:5] == [
        "主要指标\t2022年\t2023年",
        "行政复议案件\t88件\t102件",
        "行政复议纠错率\t7.9%\t8.8%",
        "二、第一责任人",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "一、主要举措\n2023年\n2024年\n正文。\n",  # years under a heading, no rows
        "指标\n2022年\n2023年\n行政复议案件\n88件\n",  # one row, and that cut short
        "全年办理案件12件。\n其中:\n行政复议\n12件\n行政诉讼\n5件\n",  # no year header
    ],
)
def test_what_is_not_such_a_table_stays_as_written(text: str) -> None:
    assert join_cell_lines(text) == text


def test_the_rows_give_the_earlier_year_and_the_indicator(pack: RulePack) -> None:
    ex = extract_text("某县人民政府2023年度法治政府建设情况报告\n" + PASTED, pack)
    prior = {(f.text, f.line) for f in ex.figures if f.prior}
    assert prior == {("88件", 7), ("7.9%", 10)}  # the 2022年 column; lines as in the text
    cases = {i.id: i for i in ex.indicators}["ar_case_count"]
    assert (cases.value, cases.line) == (102, 8)


@given(
    st.lists(
        st.sampled_from(["依法行政。", "全年办理案件12件。", "一、主要举措", "2024年", "指标", "12件", "8.5%"]),
        max_size=30,
    )
)
def test_joining_keeps_every_offset(lines: list[str]) -> None:
    """Whatever the lines, joining only turns newlines into tabs: offsets and length hold."""
    text = "\n".join(lines)
    joined = join_cell_lines(text)
    assert len(joined) == len(text)
    assert all(a == b or (a, b) == ("\n", "\t") for a, b in zip(text, joined, strict=True))


@given(
    st.integers(min_value=2, max_value=4),
    st.lists(st.tuples(st.sampled_from(["行政复议案件", "败诉率", "执法人员"]), st.integers(0, 9999)), min_size=2),
)
def test_a_generated_table_is_read_row_by_row(width: int, rows: list[tuple[str, int]]) -> None:
    header = ["主要指标", *(f"{2020 + k}年" for k in range(width))]
    body = [[label, *(f"{value + k}件" for k in range(width))] for label, value in rows]
    text = "前言。\n" + "\n".join("\n".join(row) for row in [header, *body]) + "\n结语。\n"
    joined = join_cell_lines(text).splitlines()
    assert joined[1:-1] == ["\t".join(row) for row in [header, *body]]


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("行政复议申请（件）", "件"),
        ("一审行政诉讼(件)", "件"),
        ("执法人员（单位：名）", "名"),
        ("行政复议纠错率（%）", "%"),  # bare 39.1 under it is 39.1%
        ("抽检不合格率（‰）", "‰"),
        ("PM2.5平均浓度（微克/立方米）", "微克/立方米"),
        ("罚没款（元/件）", ""),  # not a measure word the pack knows
        ("罚没款（万元）", ""),  # 万 multiplies: a bare cell is not in 元
        ("2024年（万元）", ""),
        ("指标（说明）", ""),  # not a measure word
        ("行政复议申请", ""),
        ("行政执法人员人均培训学时", "学时"),  # a measure word that is also the label's noun
        ("抽检农资样品批次", "批次"),
        ("本次", ""),
    ],
)
def test_label_unit(label: str, unit: str) -> None:
    assert label_unit(label) == unit


def test_bare_numbers_take_the_unit_their_row_label_names() -> None:
    doc = Doc.of("指标\t2023年\t2024年\n行政复议申请（件）\t186\t1,231\n行政复议纠错率\t9.7%\t12.3%\n说明\t2024\t3\n")
    found = [(f.text, f.value, f.unit) for f in find_figures(doc)]
    assert found == [("186", 186, "件"), ("1,231", 1231, "件"), ("9.7%", 9.7, "%"), ("12.3%", 12.3, "%")]


def _cells(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.unit) for f in find_figures(Doc.of(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit column of its own
        (
            "指标\t单位 2023年 2024年\t同比\n新收行政复议案件\t件\t203\t287\t增长41.4%\n纠错率\t%\t12.8\t10.6\t持平\n",
            [("203", 203, "件"), ("287", 287, "件"), ("41.4%", 41.4, "%"), ("12.8", 12.8, "%"), ("10.6", 10.6, "%")],
        ),
        # units in the column headers, the header repeated after a page break
        (
            "专业\t检查单位（户）\t立案（件）\n公共场所\t1,126\t48\n专业\t检查单位（户）\t立案（件）\n学校\t97\t3\n",
            [("1,126", 1126, "户"), ("48", 48, "件"), ("97", 97, "户"), ("3", 3, "件")],
        ),
        # a 序号 column before the label is not a figure; the label's unit comes after it
        ("序号\t指标名称\t2023年\t2024年\n1\t行政复议申请（件）\t144\t196\n", [("144", 144, "件"), ("196", 196, "件")]),
        # a 万元 header names a multiplier: its bare cells are not listed
        ("序号\t项目\t2023年（万元）\t2024年（万元）\n13\t罚没款\t2,614.7\t2,846.3\n", []),
        # a header's units end with the table (a line without cells)
        ("专业\t立案（件）\n学校\t3\n说明文字。\n合计\t7\n", [("3", 3, "件")]),
        # a header whose first cell is merged down from the row above keeps its units over their columns
        (
            "季度\t行政复议\t行政应诉\n\t新收（件）\t审结（件）\t一审案件（件）\t败诉（件）\n第一季度\t38\t33\t24\t1\n",
            [("38", 38, "件"), ("33", 33, "件"), ("24", 24, "件"), ("1", 1, "件")],
        ),
        # a category merged down the first column (a Word table's w:vMerge): the label proper is the second
        # cell, on rows that start the category and on rows under it alike
        (
            "类别\t项目\t2023年\t2024年\n执法监督\t会计信息质量检查（户）\t46\t52\n\t行政处罚（件）\t9\t7\n",
            [("46", 46, "户"), ("52", 52, "户"), ("9", 9, "件"), ("7", 7, "件")],
        ),
        # a transposed table: years as rows, each column's unit in its header; 合计 and empty or dashed cells
        (
            "年度\t行政复议申请（件）\t纠错率（%）\t主动公开（条）\n2023年\t276\t10.9\t—\n2024年\t317\t\t9,046\n"
            "合计\t593\t—\t9,046\n",
            [
                ("276", 276, "件"),
                ("10.9", 10.9, "%"),
                ("317", 317, "件"),
                ("9,046", 9046, "条"),
                ("593", 593, "件"),
                ("9,046", 9046, "条"),
            ],
        ),
        # a <dl> list read as rows: the term names the unit
        ("行政执法主体（个）\t386\n案卷评查合格率\t97.9%\n", [("386", 386, "个"), ("97.9%", 97.9, "%")]),
    ],
)
def test_bare_numbers_take_the_unit_their_table_names(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _cells(text) == expected


@given(
    st.lists(st.sampled_from(["件", "户", "名", "次", "%"]), min_size=1, max_size=4),
    st.lists(st.lists(st.integers(0, 99999), min_size=4, max_size=4), min_size=1, max_size=6),
    st.integers(0, 5),
)
def test_a_generated_table_gives_each_cell_its_column_unit(
    units: list[str], rows: list[list[int]], repeat: int
) -> None:
    """Every bare cell of a table under a header of units is one figure in its column's unit, the
    header repeated anywhere (a page break) or not."""
    header = "\t".join(["项目", *(f"数量{k}（{u}）" for k, u in enumerate(units))])
    body = ["\t".join([f"类别{r}", *(f"{v:,}" for v in row[: len(units)])]) for r, row in enumerate(rows)]
    if repeat < len(body):
        body.insert(repeat, header)
    text = "\n".join([header, *body]) + "\n"
    expected = [(float(v), u) for row in rows for v, u in zip(row[: len(units)], units, strict=True)]
    assert [(value, unit) for _, value, unit in _cells(text)] == expected


def test_a_departments_table_row_for_the_whole_area_is_not_its_own(pack: RulePack) -> None:
    """全县…出庭应诉率 in a department's table sums up the county: a 法治督察 officer must not see it passed
    as the department's own; in the county government's report it is the government's."""
    text = "指标\t单位\t2023年\t2024年\n全县行政机关负责人出庭应诉率\t%\t97.5\t100\n本局行政诉讼案件\t件\t2\t1\n"
    department = {
        i.id: i.value for i in extract_text(text, pack, region="某县司法局", level="department", year=2024).indicators
    }
    county = {
        i.id: i.value for i in extract_text(text, pack, region="某县人民政府", level="county", year=2024).indicators
    }
    assert "agency_head_appearance_rate" not in department and department.get("admin_litigation_count") == 1
    assert county.get("agency_head_appearance_rate") == 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an 增减 column: a signed cell is a change, its value the magnitude, its unit its % or the row's
        (
            "项目\t2023年\t2024年\t增减\n行政处罚决定（件）\t403\t452\t+12.2%\n审批平均用时（工作日）\t46\t28\t-18\n",
            [
                ("403", 403, "件", False),
                ("452", 452, "件", False),
                ("+12.2%", 12.2, "%", True),
                ("46", 46, "工作日", False),
                ("28", 28, "工作日", False),
                ("-18", 18, "工作日", True),
            ],
        ),
        # a minus the pattern would read as a plain 38.2% is one figure, the change
        (
            "项目\t2023年\t2024年\t增减\n涉企检查（户次）\t1,693\t1,046\t-38.2%\n",
            [("1,693", 1693, "户次", False), ("1,046", 1046, "户次", False), ("-38.2%", 38.2, "%", True)],
        ),
        # a signed cell in a row of rates is a change in points: 百分点 under %, 千分点 under ‰
        (
            "项目\t2024年\t2023年\t增减\n纠错率（%）\t13.6\t11.9\t+1.7\n抽检不合格率（‰）\t7.3\t9.4\t-2.1\n",
            [
                ("13.6", 13.6, "%", False),
                ("11.9", 11.9, "%", False),
                ("+1.7", 1.7, "百分点", True),
                ("7.3", 7.3, "‰", False),
                ("9.4", 9.4, "‰", False),
                ("-2.1", 2.1, "千分点", True),
            ],
        ),
        # a signed count with no unit in its row is not read
        (
            "项目\t2023年\t2024年\t增减\n罚没款\t517.3万元\t588.9万元\t+71.6\n",
            [("517.3万元", 5173000, "元", False), ("588.9万元", 5889000, "元", False)],
        ),
    ],
)
def test_a_signed_cell_is_a_change(text: str, expected: list[tuple[str, float, str, bool]]) -> None:
    assert [(f.text, f.value, f.unit, f.change) for f in find_figures(Doc.of(text))] == expected


@given(st.integers(0, 99999), st.integers(0, 999), st.sampled_from(["+", "-"]), st.booleans())
def test_a_generated_signed_cell_is_one_change(base: int, delta: int, sign: str, percent: bool) -> None:
    cell = f"{sign}{delta}{'%' if percent else ''}"
    text = f"项目\t2023年\t增减\n案件（件）\t{base:,}\t{cell}\n"
    figures = find_figures(Doc.of(text))
    assert [(f.text, f.value, f.change) for f in figures] == [(f"{base:,}", base, False), (cell, delta, True)]
    assert figures[1].unit == ("%" if percent else "件")


def test_a_markdown_pipe_table_is_read_as_rows() -> None:
    """A Markdown copy's pipe table, with blank lines between its rows as such copies have: the header's
    units give the bare cells theirs; the separator row and the label's 5个 are what they are."""
    text = (
        "| 县（市、区） | 行政复议新收（件） | 行政诉讼一审（件） | 负责人出庭应诉率 |\n\n| --- | --- | --- | --- |\n\n"
        "| 澄江区 | 132 | 96 | 100% |\n\n| 其余5个县（区） | 289 | 176 | 99.2% |\n"
    )
    assert _cells(text) == [
        ("132", 132, "件"),
        ("96", 96, "件"),
        ("100%", 100, "%"),
        ("5个", 5, "个"),
        ("289", 289, "件"),
        ("176", 176, "件"),
        ("99.2%", 99.2, "%"),
    ]
    assert pipe_rows("a | b\n") == "a | b\n"  # one pipe in a sentence is no table


@given(
    st.lists(st.sampled_from(["件", "户", "名", "次"]), min_size=1, max_size=4),
    st.lists(st.lists(st.integers(0, 99999), min_size=4, max_size=4), min_size=1, max_size=6),
    st.booleans(),
)
def test_a_generated_pipe_table_gives_each_cell_its_column_unit(
    units: list[str], rows: list[list[int]], blank: bool
) -> None:
    """The same table as a Markdown pipe table, with or without blank lines between its rows; the offsets
    of the text stay those of the file."""
    header = "| 项目 | " + " | ".join(f"数量{k}（{u}）" for k, u in enumerate(units)) + " |"
    rule = "|" + " --- |" * (len(units) + 1)
    body = ["| " + " | ".join([f"类别{r}", *(str(v) for v in row[: len(units)])]) + " |" for r, row in enumerate(rows)]
    text = ("\n\n" if blank else "\n").join([header, rule, *body]) + "\n"
    assert len(pipe_rows(text)) == len(text)
    expected = [(float(v), u) for row in rows for v, u in zip(row[: len(units)], units, strict=True)]
    assert [(value, unit) for _, value, unit in _cells(text)] == expected


# (header, row, the columns of the row's figures: "target", "prior" or "year")
APPENDIX = [
    ("序号\t指标\t目标值\t2024年\t2023年", "1\t审查率\t100%\t100%\t97.6%", ["target", "year", "prior"]),
    # a PDF that lost some tabs, and glued the last header to the year before it
    ("序号\t指标\t目标值 2024年 2023年完成情况", "10\t优秀率\t≥80% 78.3% 71.5%\t未完成", ["target", "year", "prior"]),
    ("指标\t2024年目标\t2024年\t2023年", "培训学时\t60学时\t64学时\t61学时", ["target", "year", "prior"]),
    ("指标\t2023年\t2024年", "案件\t31件\t27件", ["prior", "year"]),
    # no year column: the 目标值 beside a 完成值 (实际值, 实际完成) is the target, the result the year's figure
    ("指标\t目标值\t完成值", "案件\t31件\t27件", ["target", "year"]),
    ("序号\t指标\t实际值\t目标值", "1\t审查率\t98%\t≥100%", ["year", "target"]),
    ("指标\t目标值\t实际完成", "审查率\t≥100%\t98%", ["target", "year"]),
    ("指标\t说明\t完成值", "审查率\t≥100%\t98%", ["year", "year"]),  # no target column: nothing to tell apart
    # 本年 and 上年 for the years: the 上年 column is the year before
    ("指标\t本年\t上年\t增减", "案件（件）\t31\t27\t+4", ["year", "prior", "year"]),
    ("序号\t指标\t上年同期\t本期", "1\t审查率\t97.6%\t100%", ["prior", "year"]),
    # a table of targets alone: labels, then target columns only; nothing in it is the year's result
    ("指标\t目标值", "重大行政决策合法性审查率\t≥100%", ["target"]),
    ("序号\t指标\t考核目标\t计划值", "1\t出庭应诉率\t≥90%\t95%", ["target", "target"]),
    # a transposed table: the row's label is its year, or the target
    ("年度\t行政复议申请（件）\t纠错率（%）", "2023年\t276\t10.9%", ["prior", "prior"]),
    ("年度\t行政复议申请（件）\t纠错率（%）", "2024年\t317\t12.3%", ["year", "year"]),
    ("年度\t行政复议申请（件）\t纠错率（%）", "目标值\t300\t15%", ["target", "target"]),
    # a row a merged category cell left short (a PDF drops it): its cells under the header's years all the same
    ("类别\t项目\t2024年\t2023年\t增减", "立案（件）\t112\t87\t+25", ["year", "prior", "year"]),
    ("类别\t项目\t2024年\t2023年", "行政处罚\t结案（件）\t108\t85", ["year", "prior"]),
    ("指标\t2024年\t2023年\t备注", "案件\t31件\t27件", ["year", "prior"]),  # short of its last cell only
    # a row that only starts with a year is not one: 2023年完成情况 is a header, a sentence is not a row
    ("指标\t说明", "2023年\t受理案件31件", ["year"]),
]


@pytest.mark.parametrize(("header", "row", "columns"), APPENDIX)
def test_a_tables_target_and_earlier_columns(header: str, row: str, columns: list[str]) -> None:
    from hulifa.extract.priors import mark_priors
    from hulifa.extract.targets import mark_targets

    doc = Doc.of(f"{header}\n{row}\n")
    figures = mark_targets(doc, mark_priors(doc, find_figures(doc), 2024))
    assert ["target" if f.plan else "prior" if f.prior else "year" for f in figures] == columns


@given(
    st.integers(2015, 2030),
    st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999), st.integers(0, 999)), min_size=1, max_size=6),
    st.sampled_from(["\t", " "]),
)
def test_a_generated_appendix_reads_each_column_as_its_header_says(
    year: int, rows: list[tuple[int, int, int]], gap: str
) -> None:
    """Whatever the numbers and whether the cells after the label are parted by tabs or spaces: the 目标值
    column is a target, the report's year its level, the year before it prior."""
    from hulifa.extract.priors import mark_priors
    from hulifa.extract.targets import mark_targets

    header = gap.join(["序号\t指标\t目标值", f"{year}年", f"{year - 1}年"])
    body = [f"{n}\t案件数（件）\t" + gap.join(f"{v}%" for v in row) for n, row in enumerate(rows, 1)]
    doc = Doc.of("\n".join([header, *body]) + "\n")
    figures = mark_targets(doc, mark_priors(doc, find_figures(doc), year))
    assert [(f.plan, f.prior) for f in figures] == [(True, False), (False, False), (False, True)] * len(rows)


def test_an_indicator_is_read_from_the_years_column_not_the_target(pack: RulePack) -> None:
    text = (
        "附件:主要指标完成情况\n序号\t指标\t目标值\t2024年\t2023年\n"
        "5\t行政规范性文件合法性审核率\t100%\t98.5%\t99.2%\n9\t行政执法人员人均培训学时\t≥60\t64\t61\n"
    )
    found = {i.id: i.value for i in extract_text(text, pack, region="某县", level="county", year=2024).indicators}
    assert found["nd_legality_review_rate"] == 98.5
    assert found["enforcement_training_hours"] == 64


def test_a_target_beside_a_result_column_does_not_pass_the_result(tmp_path: Path) -> None:
    """指标 | 目标值 | 完成值 with no year: the ≥100% is the target, 98% the year's figure, so the rule is missed
    (未达标) at 98%; the target cell read as the result passed it."""
    from clihelp import run_cli

    report = tmp_path / "report.txt"
    report.write_text(
        "某某区人民政府关于2025年法治政府建设情况的报告\n"
        "2025年,某某区坚持依法行政,全面推进法治政府建设,各项工作取得新进展。\n"
        "指标\t目标值\t完成值\n重大行政决策合法性审查率\t≥100%\t98%\n",
        encoding="utf-8",
    )
    hints = ("--region", "某某区", "--level", "district")
    run = run_cli("check", str(report), *hints, "-f", "parsable", "--fail-on", "error")
    assert run.exit_code == 1
    assert "[error] 重大行政决策合法性审查率为 98%,未达到目标 = 100%" in run.stdout
    assert "(mad_legality_review_rate)" in run.stdout


# (the table's title and header, a row, whether its figures are plans) in a report on 2024
TITLED = [
    ("某县2025年法治政府建设主要目标\n序号\t指标\t数值", "1\t出庭应诉率\t100%", True),  # a title of targets
    ("2025年工作计划\n指标\t数值", "出庭应诉率\t100%", True),
    ("某县2025年法治政府建设主要指标\n指标\t数值", "出庭应诉率\t100%", True),  # a title naming the next year
    ("某县2024年主要目标完成情况\n指标\t数值", "出庭应诉率\t98%", False),  # targets met: results
    ("某县2024年主要指标\n指标\t数值", "出庭应诉率\t98%", False),
    ("全县依法行政，2025年主要指标见下表。\n指标\t数值", "出庭应诉率\t98%", False),  # a sentence is no title
    ("某县人民政府\n2025年2月26日\n指标\t数值", "出庭应诉率\t98%", False),  # nor the signature's date
    ("主要指标\n指标\t2024年\t2025年", "出庭应诉率\t98%\t100%", False),  # the 2025年 column: next line
    ("主要指标\n指标\t2024年\t2025年工作目标", "出庭应诉率\t98%\t100%", False),
]


@pytest.mark.parametrize(("head", "row", "plan"), TITLED)
def test_a_table_titled_with_targets_or_the_next_year_holds_plans(head: str, row: str, plan: bool) -> None:
    from hulifa.extract.targets import mark_targets

    doc = Doc.of(f"{head}\n{row}\n")
    figures = mark_targets(doc, find_figures(doc), 2024)
    assert figures[0].plan is plan
    assert all(f.plan for f in figures[1:])  # a 2025年 column, or 2025年工作目标, is next year's target


def test_a_table_of_next_years_targets_gives_no_result(pack: RulePack) -> None:
    """附件3's targets (under 目标值, or under a title naming 2025) are never 2024's figures."""
    text = (
        "某县人民政府关于2024年法治政府建设情况的报告\n2024年，某县坚持依法行政。\n附件\n"
        "            某县2025年法治政府建设主要指标\n序号  指标                        数值\n"
        "1     行政机关负责人出庭应诉率    100%\n2     行政复议纠错率              10%左右\n"
    )
    ex = extract_text(text, pack, region="某县", level="county", year=2024)
    assert [(f.text, f.plan) for f in ex.figures] == [("100%", True), ("10%左右", True)]
    assert not {i.id for i in ex.indicators} & {"agency_head_appearance_rate", "ar_correction_rate"}


def test_a_titled_transposed_table_still_reads_its_rows_years() -> None:
    """A title that names years over a transposed table (years as rows) leaves each row its own year."""
    from hulifa.extract.priors import mark_priors
    from hulifa.extract.targets import mark_targets

    doc = Doc.of("某县2020—2024年主要法治指标\n年度\t行政复议申请（件）\n2023年\t276\n2024年\t317\n")
    figures = mark_targets(doc, mark_priors(doc, find_figures(doc), 2024), 2024)
    assert [(f.text, f.prior, f.plan) for f in figures] == [("276", True, False), ("317", False, False)]


@pytest.mark.parametrize(
    ("line", "label", "unit"),
    [
        ("单位：件、%", "收到行政复议申请", "件"),
        ("单位：件、%", "行政复议纠错率", "%"),  # a rate takes the % the line states
        ("（单位：人次）", "培训执法人员", "人次"),
        ("表2  2024年法治培训参训情况（单位：人次）", "县管领导干部", "人次"),  # a title that ends by stating it
        ("单位:件", "行政复议纠错率", "件"),  # no % stated: the line's unit
        ("表1 2024年行政处罚案件按季度分布（件）", "建筑市场", "件"),  # a title that ends in its unit
        ("二、行政复议情况（件）。", "案件", ""),  # a sentence is no title
        ("单位：件、人", "执法人员", ""),  # two counts: the line does not settle which
        ("单位：万元", "罚没款", ""),  # a multiplier, not a unit
        ("二、单位：件", "案件", ""),  # not a unit line
    ],
)
def test_a_unit_line_above_a_table(line: str, label: str, unit: str) -> None:
    from hulifa.extract.tables import stated_unit, unit_line

    assert stated_unit(unit_line(line), label) == unit


def test_bare_cells_take_the_unit_the_line_above_their_table_states() -> None:
    text = "单位：件、%\n指标\t2023年\t2024年\n行政复议申请\t188\t215\n纠错率\t9.8\t11.6\n说明文字。\n合计\t7\t9\n"
    assert _cells(text) == [("188", 188, "件"), ("215", 215, "件"), ("9.8", 9.8, "%"), ("11.6", 11.6, "%")]


def test_a_table_of_townships_and_their_total_gives_no_indicator(pack: RulePack) -> None:
    """A county's table by township with a 合计 row: each cell is a figure, but neither a township's row (another
    body's) nor the 合计 (the rows summed, as the round-12 gold reads it: samples/HELDOUT12.md) is the county's
    indicator."""
    text = (
        "某县人民政府关于2024年法治政府建设情况的报告\n2024年，某县坚持依法行政。\n附件\n"
        "            某县2024年各乡镇行政复议和应诉情况\n"
        "序号  乡镇          行政复议申请（件）    一审行政诉讼（件）    负责人出庭应诉率（%）\n"
        "1     城关镇        12                    5                     100\n"
        "2     东河乡        8                     3                     66.7\n"
        "      合计          20                    8                     87.5\n"
    )
    ex = extract_text(text, pack, region="某县", level="county", year=2024)
    assert [(f.text, f.unit) for f in ex.figures if f.line == 8] == [("20", "件"), ("8", "件"), ("87.5", "%")]
    assert len(ex.figures) == 9 and not ex.indicators


@pytest.mark.parametrize(
    "rule",
    [
        ("┌──────┬──────┬──────┐", "├──────┼──────┼──────┤", "└──────┴──────┴──────┘"),
        ("+------+------+------+", "+======+======+======+", "+------+------+------+"),
    ],
)
def test_a_text_grid_table_reads_as_rows_under_its_header(rule: tuple[str, str, str]) -> None:
    """A table a converter draws as a grid (│ cells, ├──┼──┤ or +----+ rules between rows): its rule lines
    are lines of the table, so each row keeps its header's years and units."""
    from hulifa.extract.priors import mark_priors

    bar = "│" if rule[0].startswith("┌") else "|"
    top, between, bottom = rule
    rows = [["指标", "2024年", "2023年"], ["行政复议申请（件）", "362", "318"], ["纠错率（%）", "13.6", "11.9"]]
    lines = [top]
    for row in rows:
        lines += [bar + bar.join(f" {c} " for c in row) + bar, between]
    text = "\n".join([*lines[:-1], bottom]) + "\n"
    doc = Doc.of(text)
    assert len(doc.folded) == len(text)
    found = [(f.text, f.unit, f.prior) for f in mark_priors(doc, find_figures(doc), 2024)]
    assert found == [("362", "件", False), ("318", "件", True), ("13.6", "%", False), ("11.9", "%", True)]


def test_a_cell_under_a_header_of_changes_is_a_change_signed_or_not() -> None:
    """同比增长（%） and 增减 columns: their cells are changes whether or not they carry a sign — 13.8% and 44 are
    not levels, and a rate row's change is in points."""
    text = (
        "指标\t2024年\t2023年\t同比增长（%）\t增减\n"
        "行政复议申请（件）\t362\t318\t13.8%\t44\n"
        "纠错率（%）\t13.6\t11.9\t14.3\t1.7\n"
    )
    found = [(f.text, f.unit, f.change) for f in find_figures(Doc.of(text))]
    assert found == [
        ("362", "件", False),
        ("318", "件", False),
        ("13.8%", "%", True),
        ("44", "件", True),
        ("13.6", "%", False),
        ("11.9", "%", False),
        ("14.3", "%", True),  # under a （%） header of changes: a relative change in %
        ("1.7", "百分点", True),
    ]
