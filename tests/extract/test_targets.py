"""Figures that state a target or a requirement outside the next-year part: one table for the rules
of hulifa.extract.targets, my own sentences."""

from __future__ import annotations

import pytest

from hulifa.extract.document import Doc
from hulifa.extract.figures import find_figures
from hulifa.extract.targets import mark_targets


def _plans(text: str) -> list[tuple[str, bool]]:
    doc = Doc.of(text)
    return [(f.text, f.plan) for f in mark_targets(doc, find_figures(doc))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # named_target: 目标为…, and the brackets after 目标
        ("年初确定的网上可办率目标为95%,实际达到98.7%。", [("95%", True), ("98.7%", False)]),
        ("市政府下达的涉企检查压减目标为30%。", [("30%", True)]),
        ("省政府下达我市的耕地保有量目标任务为420万亩,实有426万亩。", [("420万亩", True), ("426万亩", False)]),
        ("均高于上级下达的保护目标(耕地12.5万亩、基本农田10.2万亩)。", [("12.5万亩", True), ("10.2万亩", True)]),
        ("梳理目标任务86项,已完成84项。", [("86项", False), ("84项", False)]),  # a count of tasks
        ("年度法治目标任务32项全部完成。", [("32项", False)]),
        # required: 要求…达到
        ("市政府考核要求负责人出庭应诉率达到100%,全年为96.5%。", [("100%", True), ("96.5%", False)]),
        ("上级要求审核时间不超过5个工作日。", [("不超过5个工作日", True)]),
        ("按要求办理复议案件12件。", [("12件", False)]),  # 要求 without a level to reach
        # of_the_target: …的要求 / …的目标
        ("按照每个社区每年开展讲座不少于4场的要求,开展讲座52场。", [("不少于4场", True), ("52场", False)]),
        ("实现了纠错率降至12%以下的目标。", [("12%以下", True)]),
        ("完成市下达年度任务的118%。", [("118%", False)]),  # a result against a task, not a target
        # set_by_a_higher_body: 市定, 省下达的
        ("森林火灾受害率0.12‰,控制在市定0.9‰以内。", [("0.12‰", False), ("0.9‰以内", True)]),
        ("败诉率4.1%,低于省下达的5%。", [("4.1%", False), ("5%", True)]),
        ("全年下达整改通知书12份。", [("12份", False)]),  # 下达 the body's own act, no 的 and no level set
    ],
)
def test_target_rules(text: str, expected: list[tuple[str, bool]]) -> None:
    assert _plans(text) == expected
