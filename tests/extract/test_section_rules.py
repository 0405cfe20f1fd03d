"""Each rule that finds a statutory part, on its own: the heading rules (what a heading's title
names), the line rule (which lines are headings) and the paragraph rules (parts opened without a
heading). Sentences are my own wording, not from any published report."""

from __future__ import annotations

import pytest

from hulifa.extract import sections as sc
from hulifa.extract.document import Doc
from hulifa.extract.sections import HEADING_RULES, PARAGRAPH_RULES, Heading, HeadingRule, ParagraphRule

# (rule, title, top-level, bare title, the part it names or None)
HEADINGS: list[tuple[HeadingRule, str, bool, bool, str | None]] = [
    (sc._other, "其他需要报告的情况", True, True, "other"),
    (sc._other, "存在的不足", True, True, None),
    (sc._first_responsible, "党政主要负责人履行推进法治建设第一责任人职责情况", True, True, "first_responsible"),
    (sc._first_responsible, "压实第一责任", False, False, None),  # an item with a body: the sentence rule decides
    (sc._first_responsible, "主要举措", True, True, None),
    (sc._shortcomings, "存在的不足和原因", True, True, "shortcomings+causes"),
    (sc._shortcomings, "存在的问题", True, True, "shortcomings"),
    (sc._shortcomings, "存在问题", False, True, "shortcomings"),  # an item heading that names the part
    (sc._shortcomings, "问题导向", False, True, None),  # "问题" alone does not name it in an item heading
    (sc._shortcomings, "着力解决群众反映强烈的突出问题", True, True, None),  # a problem acted on
    (sc._shortcomings, "存在问题", False, False, None),  # an item with a body after its title: a measure
    (sc._next_year, "2025年工作安排", True, True, "next_year"),
    (sc._next_year, "下一步工作打算", True, True, "next_year"),
    (sc._next_year, "2025年重点任务", True, True, "next_year"),  # the year after the report's
    (sc._next_year, "2024年重点任务", True, True, None),  # the report's own year
    (sc._measures, "主要举措和成效", True, True, "measures"),
    (sc._measures, "坚持党的领导", True, True, "measures"),  # a top-level part naming nothing else
    (sc._measures, "强化执法监督", False, False, None),
]


@pytest.mark.parametrize(
    ("rule", "title", "top", "bare", "kind"),
    HEADINGS,
    ids=[f"{r.__name__}-{t}-{k}" for r, t, _, _, k in HEADINGS],
)
def test_heading_rule(rule: HeadingRule, title: str, top: bool, bare: bool, kind: str | None) -> None:
    assert rule(Heading(0, title, title, top, bare), 2024) == kind


def test_every_heading_rule_has_a_naming_and_a_silent_row() -> None:
    for rule in HEADING_RULES:
        assert {k is None for r, _, _, _, k in HEADINGS if r is rule} == {True, False}, rule.__name__


LONG = "全面推进严格规范公正文明执法,深化行政执法体制改革,完善行政执法程序,创新行政执法方式"

# (line, the heading's title, top-level, bare) or None: the line is not a heading
LINES: list[tuple[str, tuple[str, bool, bool] | None]] = [
    ("二、存在的不足和原因", ("存在的不足和原因", True, True)),
    ("(三)强化执法监督", ("强化执法监督", False, True)),
    ("18.法治督察。督促整改问题23个。", ("法治督察", False, False)),
    ("第二部分 存在的问题", ("存在的问题", True, True)),
    ("存在的不足", ("存在的不足", False, True)),  # short, no digits, no full stop
    ("全年办理行政复议案件12件。", None),  # a sentence
    ("2025年工作安排", None),  # an unnumbered line with digits is not a heading
    # a numbered item up to 60 characters is a heading whatever its length; a longer one is a paragraph
    (f"3.{LONG}。", (LONG, False, True)),
    (f"3.{LONG},全面落实行政执法三项制度,严格规范涉企行政检查。", None),
]


@pytest.mark.parametrize(("line", "expected"), LINES)
def test_line_heading(line: str, expected: tuple[str, bool, bool] | None) -> None:
    doc = Doc.of("某县2024年法治政府建设年度报告\n" + line)
    heading = sc.line_heading(doc, 2, doc.line_starts[1], line)
    assert (None if heading is None else (heading.title, heading.top, heading.bare)) == expected


# (a sentence in the shortcomings part, whether it opens a causal analysis)
CAUSES: list[tuple[str, bool]] = [
    ("究其原因,主要是编制有限。", True),
    ("问题产生的原因:一是重业务轻法治,二是培训不够。", True),
    ("问题产生的原因：一是重业务轻法治。", True),
    ("产生上述问题的原因,主要是认识不够、力量不足。", True),
    ("深入分析,问题产生的根源主要在于法治思维不强。", True),
    ("原因,主要是基层力量配备不足。", True),
    # a heading that names 原因 over a list of problems, and problems alone, are not an analysis
    ("存在的不足和原因:", False),
    ("问题及原因:", False),
    ("一是执法力量不足;二是信息化水平不高。", False),
    ("部分单位原因不明的拖延仍有发生。", False),
]


@pytest.mark.parametrize(("sentence", "cause"), CAUSES)
def test_cause_marker(sentence: str, cause: bool) -> None:
    assert bool(sc.CAUSE_MARKERS.search(sentence)) is cause


# (rule, line, the part it opens, or None)
PARAGRAPHS: list[tuple[ParagraphRule, str, str | None]] = [
    (sc.shortcomings_line, "一年来取得了一定成效,但也存在一些不足:执法队伍素质有待提高。", "shortcomings"),
    (sc.shortcomings_line, "与群众期待相比还有一定差距。", "shortcomings"),
    (sc.shortcomings_line, "针对评查中存在的问题,逐项分析原因,督促整改到位。", None),  # a measure
    (sc.next_year_paragraph, "2025年,某县将继续深化法治政府建设。", "next_year"),
    (sc.next_year_paragraph, "下一步,我们将持续发力。", "next_year"),
    (sc.next_year_paragraph, "2024年,某县坚持依法行政。", None),  # the report's own year
    # the date the report is signed, alone on its line, is in the next year but opens nothing
    (sc.next_year_paragraph, "2025年1月30日", None),
    (sc.next_year_paragraph, "二〇二五年三月十日", None),
    # a news item's lead-in to what the report says
    (sc.next_year_paragraph, "报告明确,2025年我市将重点抓好五个方面工作。", "next_year"),
    (sc.next_year_paragraph, "报告指出,2024年我市依法行政水平稳步提升。", None),
    (sc.other_matters_sentence, "无其他需要报告的情况。", "other"),
    (sc.other_matters_sentence, "其他工作有序推进。", None),
]


@pytest.mark.parametrize(("rule", "line", "part"), PARAGRAPHS, ids=[f"{r.__name__}-{t}" for r, t, _ in PARAGRAPHS])
def test_paragraph_rule(rule: ParagraphRule, line: str, part: str | None) -> None:
    doc = Doc.of(line)
    hit = rule(doc, 2024, 0, len(line))
    assert (None if hit is None else hit.id) == part


def test_every_paragraph_rule_is_in_the_table() -> None:
    for sid, rule in PARAGRAPH_RULES.items():
        assert {p for r, _, p in PARAGRAPHS if r is rule} == {sid, None}, rule.__name__
