"""Figures that state an earlier level: one table per rule of hulifa.extract.priors, my own sentences."""

from __future__ import annotations

import pytest

from hulifa.extract.document import Doc
from hulifa.extract.figures import find_figures
from hulifa.extract.priors import mark_priors


def _priors(text: str, year: int | None = 2024) -> list[tuple[str, bool]]:
    doc = Doc.of(text)
    return [(f.text, f.prior) for f in mark_priors(doc, find_figures(doc), year)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # from_to and before_to_verb: decreases and increases written as 由…到…
        ("行政许可事项由494项减到304项。", [("494项", True), ("304项", False)]),
        ("权责清单事项由612项精简至455项。", [("612项", True), ("455项", False)]),
        ("审批时限从20个工作日压缩至5个工作日。", [("20个工作日", True), ("5个工作日", False)]),
        # the legal limit quoted as the start is no earlier level
        ("审批时间由法定的20个工作日压缩至7个工作日。", [("20个工作日", False), ("7个工作日", False)]),
        ("审批时限由法定20日压缩至3个工作日。", [("20日", False), ("3个工作日", False)]),
        ("证明材料由38份压减至11份。", [("38份", True), ("11份", False)]),
        ("网上可办率从86%提高到97%。", [("86%", True), ("97%", False)]),
        ("涉企检查88次降为40次。", [("88次", True), ("40次", False)]),
        ("事项精简至304项。", [("304项", False)]),  # only the new level is written
        ("办理复议案件2至3件。", []),  # a range: no figure, and no decrease either
        # earlier_report: a figure an earlier report stated, quoted (not the change beside it, nor its target)
        ("比2021年度报告所称的356条多出56条。", [("356条", True), ("56条", False)]),
        (
            "对照2021年度报告中提出的“执法队伍持证率年底前达到95%”的目标,持证率实现100%。",
            [("95%", False), ("100%", False)],
        ),
        # earlier_year: a figure said of an earlier year
        ("主动公开政府信息3615条(2023年为3208条)。", [("3615条", False), ("3208条", True)]),
        ("收到申请126件,上年同期为98件。", [("126件", False), ("98件", True)]),
        ("2024年办理复议案件40件。", [("40件", False)]),  # the report's own year
        # comparison_base: the base of a comparison, said of an earlier year with 的
        ("新登记经营主体4837户,比2023年的4212户增加625户。", [("4837户", False), ("4212户", True), ("625户", False)]),
        ("新收案件1863件,比2023年全年的917件增长103.2%。", [("1863件", False), ("917件", True), ("103.2%", False)]),
        ("公职律师由上年的7名增加到10名。", [("7名", True), ("10名", False)]),
        ("比上年增加842件。", [("842件", False)]),  # a change, with no base written
        ("比2024年的数据多出12件。", [("12件", False)]),  # 的 not right before the figure
        ("较2025年的300件下降。", [("300件", False)]),  # a later year is not a base
        # earlier_in_series: 近三年…分别为
        ("近三年败诉率分别为6.8%、5.2%、4.1%。", [("6.8%", True), ("5.2%", True), ("4.1%", False)]),
        ("建议和提案的满意率分别为98%、99%。", [("98%", False), ("99%", False)]),  # not a series of years
        # table_column: a year column before the report's year
        ("指标\t2023年\t2024年\n案件\t31件\t27件\n", [("31件", True), ("27件", False)]),
        ("指标\t2023年\t2024年\n罚没款\t79.1万元 82.6万元\n", [("79.1万元", True), ("82.6万元", False)]),
        ("案件\t31件\t27件\n", [("31件", False), ("27件", False)]),  # no year header
    ],
)
def test_prior_rules(text: str, expected: list[tuple[str, bool]]) -> None:
    assert _priors(text) == expected


def test_a_prior_figure_is_not_a_change() -> None:
    doc = Doc.of("执法检查次数比上年减少,由120次降为88次。")
    figures = mark_priors(doc, find_figures(doc), 2024)
    assert (figures[0].text, figures[0].prior, figures[0].change) == ("120次", True, False)
