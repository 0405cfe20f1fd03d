"""Each rule that decides which indicator a figure states, on its own: the gates a figure must pass
for a rule, the phrase rules (before the figure, after it, earlier in its sentence), implicit full
coverage and yes/no affirmation. Sentences are my own wording, not from any published report."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hulifa.extract import indicators as ind
from hulifa.extract.document import Doc
from hulifa.extract.figures import Figure, find_figures
from hulifa.model import RulePack


def matcher(pack: RulePack, rule_id: str) -> ind._Matcher:
    return next(m for m in ind._matchers(pack) if m.rule.id == rule_id)


def place(sentence: str, figure: str) -> tuple[ind._Place, list[Figure]]:
    doc = Doc.of(sentence)
    figures = find_figures(doc)
    return ind._place(doc, figures, [f.text for f in figures].index(figure), []), figures


# (rule id, unit, fits)
UNITS = [
    ("ar_case_count", "件", True),
    ("ar_case_count", "起", True),  # 行政复议案件9起: 起 counts cases as 件 does
    ("ar_case_count", "人", False),
    ("enforcement_staff_count", "人", True),
    ("enforcement_staff_count", "次", False),
    ("nd_filing_rate", "%", True),
    ("nd_filing_rate", "件", False),
]


@pytest.mark.parametrize(("rule_id", "unit", "fits"), UNITS)
def test_unit_fits(pack: RulePack, rule_id: str, unit: str, fits: bool) -> None:
    assert ind.unit_fits(matcher(pack, rule_id), unit) is fits


# (sentence, figure, rule id, passes)
TRAINING = [
    ("全县共有行政执法人员618名,培训执法人员420名。", "618名", "enforcement_staff_count", True),
    ("全县共有行政执法人员618名,培训执法人员420名。", "420名", "enforcement_staff_count", False),
    ("轮训执法人员300名。", "300名", "enforcement_staff_count", False),
    ("组织领导干部法治培训5期,参训1320人次。", "1320人次", "leader_law_training_count", True),  # a training rule
    # study sessions are not people: the gate is for head counts
    ("坚持常务会议会前学法制度,全年集体学习法律法规11次。", "11次", "exec_meeting_law_study_count", True),
]


@pytest.mark.parametrize(("sentence", "figure", "rule_id", "passes"), TRAINING)
def test_not_a_training_count(pack: RulePack, sentence: str, figure: str, rule_id: str, passes: bool) -> None:
    p, _ = place(sentence, figure)
    assert ind.not_a_training_count(matcher(pack, rule_id), p) is passes


# (sentence, figure, passes) for leader_law_training_count with extract.exclude: [旁听庭审]
EXCLUDE = [
    ("组织领导干部旁听庭审3场,参加人员210余人次。", "210余人次", False),
    ("组织领导干部法治专题培训5期,参训1320人次。", "1320人次", True),
    # the word rules out its own sentence only
    ("组织领导干部旁听庭审3场。组织领导干部法治培训参训1320人次。", "1320人次", True),
]


@pytest.mark.parametrize(("sentence", "figure", "passes"), EXCLUDE)
def test_not_excluded(pack: RulePack, sentence: str, figure: str, passes: bool) -> None:
    import dataclasses

    m = dataclasses.replace(matcher(pack, "leader_law_training_count"), exclude=("旁听庭审",))
    p, _ = place(sentence, figure)
    assert ind.not_excluded(m, p) is passes
    assert ind.not_excluded(matcher(pack, "leader_law_training_count"), p)  # the bundled pack excludes nothing


# (sentence, figure, rule id, passes) with the bundled pack's exclude words: read between the semicolons
# around the figure, not in a 《…》 title
WORKDAYS = "nd_legality_review_workdays"
COMMENT = "mad_public_comment_days"
EXCLUDE_SCOPE = [
    ("审核区政府规范性文件23件,审核时间平均5个工作日;对政策类文件审核64次。", "平均5个工作日", WORKDAYS, True),
    ("审核规范性文件18件、政策类文件142件,平均审核时间5个工作日。", "5个工作日", WORKDAYS, False),
    (
        "制定《某局重大行政决策和重大执法决定法制审核办法》,制发行政规范性文件2件,审核时限平均4个工作日。",
        "平均4个工作日",
        WORKDAYS,
        True,
    ),
    # a 规章 draft's consultation is not a decision's
    ("省政府规章草案全部向社会公开征求意见,征求意见时间不少于30日。", "不少于30日", COMMENT, False),
    ("地方性法规草案公开征求意见30日;重大行政决策草案征求意见不少于30日。", "30日", COMMENT, False),
    ("地方性法规草案公开征求意见30日;重大行政决策草案征求意见不少于30日。", "不少于30日", COMMENT, True),
]


@pytest.mark.parametrize(("sentence", "figure", "rule_id", "passes"), EXCLUDE_SCOPE)
def test_exclude_reads_what_the_figure_is_said_of(
    pack: RulePack, sentence: str, figure: str, rule_id: str, passes: bool
) -> None:
    p, _ = place(sentence, figure)
    assert ind.not_excluded(matcher(pack, rule_id), p) is passes


def test_extract_exclude_in_a_pack_takes_effect(pack: RulePack) -> None:
    import types

    from hulifa.extract.document import Doc as D

    rule = next(r for r in pack.rules if r.id == "leader_law_training_count")
    extract = {**(rule.extract or {}), "exclude": ["旁听庭审"]}
    local = types.SimpleNamespace(rules=[rule._replace(extract=extract)])
    m = ind._matchers(local)[0]  # type: ignore[arg-type]
    assert m.exclude == ("旁听庭审",)
    doc = D.of("组织领导干部法治培训,旁听庭审参加人员210余人次。")
    figures = find_figures(doc)
    assert ind._score(m, ind._place(doc, figures, 0, []), figures) is None
    assert ind._score(matcher(pack, rule.id), ind._place(doc, figures, 0, []), figures) is not None


TWO_MEETINGS = "县政府常务会议专题研究法治工作十二次,县委常委会会议听取法治建设工作汇报两次。"
# (sentence, figure, rule id, passes)
GOVERNMENT_OWN = [
    (TWO_MEETINGS, "十二次", "exec_meeting_hears_fzzf_count", True),
    (TWO_MEETINGS, "两次", "exec_meeting_hears_fzzf_count", False),
    ("主持召开局党组会议、局长办公会议研究法治建设工作6次。", "6次", "exec_meeting_hears_fzzf_count", False),
    # two bodies' meetings, the government's among them: a shared count, which the checker settles
    ("区委常委会、区政府常务会研究相关工作12次。", "12次", "exec_meeting_hears_fzzf_count", True),
    # a rule that is not the government's alone is not gated
    ("县委常委会会议听取行政复议工作汇报,审查行政复议案件30件。", "30件", "ar_case_count", True),
]


# (sentence, figure, rule id, passes): extract.not_after / not_after_unless in the bundled pack
OTHER_WORK = [
    # opinions that are the outcome of reviewing contracts are not the advisers' opinions on decisions
    ("镇法律顾问审查合同协议52份,出具法律意见书52份。", "52份", "legal_advisor_opinion_count", False),
    ("县法律顾问参与审查合同、协议等98件,提出法律意见133条。", "133条", "legal_advisor_opinion_count", False),
    # the review names decisions too, or the opinions are stated before and apart from the contracts
    ("法律顾问审查合同协议20份、重大决策事项4项,出具法律意见24条。", "24条", "legal_advisor_opinion_count", True),
    ("县政府法律顾问出具法律意见61条,审查合同协议88份。", "61条", "legal_advisor_opinion_count", True),
    ("法律顾问列席常务会议9次,提出法律意见40条,另审查合同15份。", "40条", "legal_advisor_opinion_count", True),
    # only the clause before the figure's counts: contracts two clauses back say nothing about it
    ("审查合同协议30份,列席会议12次,出具法律意见17条。", "17条", "legal_advisor_opinion_count", True),
    # 行政协议 opinions: contracts alone are not the rule's, 行政协议 among them are
    ("审查合同协议31份,出具法律意见书31份。", "31份", "legal_document_opinion_count", False),
    ("审查行政协议及其他合同45份,出具法律意见书45份。", "45份", "legal_document_opinion_count", True),
    # the figure's own clause names 行政协议: its opinions are on them, whatever was reviewed before
    ("审查县政府合同109份,其中对行政协议出具法律意见44份。", "44份", "legal_document_opinion_count", True),
    ("审查合同协议30份,为重大决策出具法律意见12条。", "12条", "legal_advisor_opinion_count", True),
]


Gate = Callable[[ind._Matcher, ind._Place], bool]
GATES = [(ind.the_governments_own, *case) for case in GOVERNMENT_OWN] + [
    (ind.not_the_outcome_of_other_work, *case) for case in OTHER_WORK
]


@pytest.mark.parametrize(("gate", "sentence", "figure", "rule_id", "passes"), GATES)
def test_gate(pack: RulePack, gate: Gate, sentence: str, figure: str, rule_id: str, passes: bool) -> None:
    p, _ = place(sentence, figure)
    assert gate(matcher(pack, rule_id), p) is passes


def test_a_rule_without_not_after_is_not_gated(pack: RulePack) -> None:
    p, _ = place("审查合同协议31份,办结行政复议案件31件。", "31件")
    assert ind.not_the_outcome_of_other_work(matcher(pack, "ar_case_count"), p)


# (phrase rule, sentence, figure, rule id, places the rule's phrase)
PHRASES = [
    (ind.phrase_before, "审查行政复议案件590件。", "590件", "ar_case_count", True),
    (ind.phrase_before, "590件行政复议案件已办结。", "590件", "ar_case_count", False),
    (ind.phrase_before, "所有执法人员均为100名。", "100名", "enforcement_staff_count", True),
    # fillers inside a phrase: 共 before its verb, 全年, 先后
    (ind.phrase_before, "区委常委会、区政府常务会议共研究法治议题7次。", "7次", "exec_meeting_hears_fzzf_count", True),
    (ind.phrase_before, "市政府常务会议全年研究法治建设重大事项14次。", "14次", "exec_meeting_hears_fzzf_count", True),
    (ind.phrase_before, "县政府常务会议先后研究法治工作3次。", "3次", "exec_meeting_hears_fzzf_count", True),
    (ind.phrase_after, "590件行政复议案件已办结。", "590件", "ar_case_count", True),
    (ind.phrase_after, "审查行政复议案件590件。", "590件", "ar_case_count", False),
    (ind.phrase_after, "办结590件,涉及行政复议案件。", "590件", "ar_case_count", False),  # another clause
    (
        ind.phrase_earlier_in_sentence,
        "组织任前法律知识考试3场,参考人员68名。",
        "68名",
        "leader_pre_appointment_law_exam",
        True,
    ),
    # a figure of a fitting unit in between takes the phrase instead
    (
        ind.phrase_earlier_in_sentence,
        "组织任前法律知识考试3名,参考人员68名。",
        "68名",
        "leader_pre_appointment_law_exam",
        False,
    ),
    (ind.phrase_earlier_in_sentence, "审查行政复议案件590件。", "590件", "ar_case_count", False),
    # the whole's noun and its 其中 part's verb: 常务会议 + 研究
    (
        ind.phrase_across_a_part,
        "全年召开区政府常务会议26次,其中研究法治政府建设议题9次。",
        "9次",
        "exec_meeting_hears_fzzf_count",
        True,
    ),
    (
        ind.phrase_across_a_part,
        "全年召开区委常委会会议20次,其中研究法治建设议题3次。",
        "3次",
        "exec_meeting_hears_fzzf_count",
        False,
    ),
    (
        ind.phrase_across_a_part,
        "全年召开区政府常务会议26次,研究法治政府建设议题9次。",
        "9次",
        "exec_meeting_hears_fzzf_count",
        False,
    ),
    # a semicolon ends what the phrase spoke of: the contracts after it are not filings
    (
        ind.phrase_earlier_in_sentence,
        "规范性文件制发后全部报市人民政府备案;审核各类合同286份。",
        "286份",
        "nd_filing_count",
        False,
    ),
    (ind.phrase_earlier_in_sentence, "规范性文件报市人民政府备案,共计19件。", "19件", "nd_filing_count", True),
    # a phrase inside a 《…》 title names the document, not what the figure counts
    (
        ind.phrase_earlier_in_sentence,
        "制定《重大执法决定法制审核办法》,制发行政规范性文件2件。",
        "2件",
        "nd_legality_review_count",
        False,
    ),
]


@pytest.mark.parametrize(
    ("rule", "sentence", "figure", "rule_id", "places"),
    PHRASES,
    ids=[f"{r.__name__}-{s}-{x}" for r, s, _, _, x in PHRASES],
)
def test_phrase_rules(
    pack: RulePack, rule: ind.PhraseRule, sentence: str, figure: str, rule_id: str, places: bool
) -> None:
    p, figures = place(sentence, figure)
    assert (rule(matcher(pack, rule_id), p, figures) is not None) is places


def test_every_phrase_rule_has_a_placing_and_a_missing_row() -> None:
    for rule in ind.PHRASE_RULES:
        assert {x for r, _, _, _, x in PHRASES if r is rule} == {True, False}, rule.__name__


def test_a_phrase_before_beats_one_after(pack: RulePack) -> None:
    """The figure between two rules' phrases states the one before it (tier 2 over tier 1)."""
    sentence = "受理行政复议案件590件行政应诉案件。"
    p, figures = place(sentence, "590件")
    numeric = [m for m in ind._matchers(pack) if m.rule.unit != "bool"]
    assert [m.rule.id for _, m in ind.rules_a_figure_states(p, numeric, figures)] == ["ar_case_count"]


# (rule id, clause before the phrase, sentence, covers)
COVERAGE = [
    ("legal_advisor_coverage", "党政机关法律顾问实现全覆盖", "党政机关法律顾问实现全覆盖。", True),
    ("nd_filing_rate", "规范性文件全部报备", "规范性文件全部报备。", True),  # its stem, without 率
    ("nd_filing_rate", "执法人员全部持证", "执法人员全部持证。", False),  # not named
    ("ar_case_count", "行政复议案件全部办结", "行政复议案件全部办结。", False),  # not a percentage rule
    # the rule's context word (规范性文件) must be in the sentence
    ("nd_legality_review_rate", "重大决策合法性审核全覆盖", "重大决策合法性审核全覆盖。", False),
    ("nd_legality_review_rate", "规范性文件合法性审核全覆盖", "规范性文件合法性审核全覆盖。", True),
    # what every reviewer has is not the reviewers' share of the enforcement staff
    ("legal_review_staff_ratio", "法制审核人员均取得法律职业资格", "法制审核人员均取得法律职业资格。", False),
    ("legal_review_staff_ratio", "法制审核人员比例全部达标", "法制审核人员比例全部达标。", False),
]


@pytest.mark.parametrize(("rule_id", "left", "sentence", "covers"), COVERAGE)
def test_covers_fully(pack: RulePack, rule_id: str, left: str, sentence: str, covers: bool) -> None:
    assert ind.covers_fully(matcher(pack, rule_id), left, sentence) is covers


# (sentence, affirmed) for the yes/no rule mad_catalogue_published (verbs 制定公布, 公布, 印发, 发布)
AFFIRM = [
    ("制定公布重大行政决策事项目录。", True),
    ("重大行政决策事项目录已向社会发布。", True),
    ("尚未公布重大行政决策事项目录。", False),
    ("重大行政决策事项目录未印发。", False),
    ("编制重大行政决策事项目录。", False),  # no affirming verb
]


@pytest.mark.parametrize(("sentence", "affirmed"), AFFIRM)
def test_affirming_verb(pack: RulePack, sentence: str, affirmed: bool) -> None:
    m = matcher(pack, "mad_catalogue_published")
    assert ind.affirming_verb(sentence, m.affirm, 0, len(sentence)) is affirmed


# (sentence, affirmed) for principal_duty_in_annual_debrief: the duty put into the year-end debrief,
# worded as reports word it
DEBRIEF = [
    ("将党政主要负责人履行推进法治建设第一责任人职责情况列入个人年终述职报告。", True),
    ("区政府主要负责同志带头履行第一责任人职责,年终述职时专门报告履职情况。", True),
    ("镇长将履行职责情况纳入年度述职。", True),
    ("年底将履职情况写入个人述职报告。", True),
    ("尚未将履职情况纳入年度述职。", False),  # negated
    ("年终述职工作有序开展。", False),  # the debrief named, nothing put into it
]


@pytest.mark.parametrize(("sentence", "affirmed"), DEBRIEF)
def test_the_duty_in_the_year_end_debrief(pack: RulePack, sentence: str, affirmed: bool) -> None:
    from hulifa.extract import extract_text

    text = f"某县人民政府2024年度法治政府建设情况报告\n一、主要举措和成效\n{sentence}\n"
    found = {i.id for i in extract_text(text, pack).indicators}
    assert ("principal_duty_in_annual_debrief" in found) is affirmed


PLAN_REPORT = """某县人民政府2024年度法治政府建设情况报告
一、主要举措和成效
全面落实行政执法三项制度。
二、存在的不足和原因
执法力量不足。
三、2025年工作安排
一是推动行政复议决定书网上公开;二是力争规范性文件备案审查实现全覆盖。
"""


@pytest.mark.parametrize(
    ("rule_id", "stated"),
    [
        ("enforcement_three_systems", True),  # affirmed in the measures
        ("ar_decision_disclosure", False),  # only next year's task
        ("nd_filing_rate", False),  # 力争…实现全覆盖: a target, not coverage
    ],
)
def test_the_next_year_part_affirms_nothing(pack: RulePack, rule_id: str, stated: bool) -> None:
    from hulifa.extract import extract_text

    found = {i.id for i in extract_text(PLAN_REPORT, pack).indicators}
    assert (rule_id in found) is stated


# (sentence, the values each rule takes): a 分别 list pairs with what is named before it, in order
RESPECTIVELY = [
    (
        "办理人大代表建议421件、政协委员提案508件,代表委员对办理结果的满意率分别为98.8%和99.2%。",
        {"npc_satisfaction_rate": 98.8, "cppcc_satisfaction_rate": 99.2},
    ),
    (
        "办理县人大代表建议105件、县政协提案142件,建议和提案办复率、满意率分别为100%和97.6%。",
        {
            "npc_suggestion_handled_rate": 100,
            "cppcc_proposal_handled_rate": 100,
            "npc_satisfaction_rate": 97.6,
            "cppcc_satisfaction_rate": 97.6,
        },
    ),
    # the list's items share the last one's noun: 行政复议(案件)、一审行政诉讼案件
    (
        "全县行政复议、一审行政诉讼案件分别为96件、58件。",
        {"ar_case_count": 96, "admin_litigation_count": 58},
    ),
    # by_item: units that differ pair item by item
    (
        "全市一审行政诉讼案件、败诉率、行政机关负责人出庭应诉率分别为2,104件、6.3%、98.9%。",
        {"admin_litigation_count": 2104, "admin_litigation_loss_rate": 6.3, "agency_head_appearance_rate": 98.9},
    ),
    (
        "主动公开政府信息、办理依申请公开、发布政策解读分别为3.6万条、2,870件、1,240条。",
        {"gi_proactive_count": 36000, "gi_request_count": 2870, "policy_interpretation_count": 1240},
    ),
    # by_item: the first item names no rule, so its figure goes to none (not the second's rule)
    ("全市信访事项及时受理率、化解率分别为99.8%、94.7%。", {"petition_resolution_rate": 94.7}),
    # a verb between 分别 and the list; the Party committee's count is its own, not shared
    (
        "市委常委会会议、市政府常务会议分别听取法治建设工作汇报2次、3次。",
        {"exec_meeting_hears_fzzf_count": 3},
    ),
    # 均为: one value for all of them
    (
        "办理人大代表建议421件、政协委员提案508件,满意率均为100%。",
        {"npc_satisfaction_rate": 100, "cppcc_satisfaction_rate": 100},
    ),
]


@pytest.mark.parametrize(
    ("left", "shared"),
    [
        ("全县行政复议、一审行政诉讼案件分别为", "全县行政复议案件、一审行政诉讼案件分别为"),
        ("行政许可、行政处罚、行政强制事项分别为", "行政许可事项、行政处罚事项、行政强制事项分别为"),
        ("办复率、满意率分别为", "办复率、满意率分别为"),  # no shared noun
        ("行政复议案件分别为", "行政复议案件分别为"),  # no list
    ],
)
def test_shared_noun(left: str, shared: str) -> None:
    assert ind.shared_noun(left) == shared


@pytest.mark.parametrize(("sentence", "values"), RESPECTIVELY)
def test_respectively(pack: RulePack, sentence: str, values: dict[str, float]) -> None:
    from hulifa.extract import extract_text

    found = {i.id: i.value for i in extract_text(sentence, pack).indicators}
    assert {rid: found.get(rid) for rid in values} == values


@pytest.mark.parametrize(
    ("sentence", "index", "series"),
    [
        ("满意率分别为98.8%和99.2%。", 1, (1, [0, 1])),
        ("满意率分别为98.8%、99.2%、97.0%。", 0, (0, [0, 1, 2])),
        ("满意率为98.8%和99.2%。", 0, None),  # no 分别
        ("分别为98.8%和12件。", 0, (0, [0, 1])),  # units may differ (by_item pairs them)
        ("分别听取汇报2次、3次。", 1, (1, [0, 1])),  # a verb between 分别 and the list
        ("满意率98.8%,分别比上年提高1.2%、0.8%。", 0, None),  # 分别 after the figure
    ],
)
def test_respective_series(sentence: str, index: int, series: tuple[int, list[int]] | None) -> None:
    doc = Doc.of(sentence)
    assert ind.respective_series(doc, find_figures(doc), index) == series


def test_each_body_of_a_respective_list_has_its_own_count(pack: RulePack) -> None:
    from hulifa.extract import extract_text
    from hulifa.extract.output import shared_with

    text = "县委常委会会议、县政府常务会议分别听取法治建设工作汇报2次、3次。"
    found = {i.id: i for i in extract_text(text, pack).indicators}["exec_meeting_hears_fzzf_count"]
    assert (found.value, found.ambiguous, shared_with(found)) == (3, False, ())
    joint = "县委常委会会议、县政府常务会议共听取法治建设工作汇报5次。"  # one count the two share
    found = {i.id: i for i in extract_text(joint, pack).indicators}["exec_meeting_hears_fzzf_count"]
    assert (found.value, found.ambiguous, shared_with(found)) == (5, True, ("县委常委会",))


# (sentence, rule ids that take the figure shared): one count for several rules is a pooled count
POOLED = [
    ("办理区人大代表建议和区政协委员提案共计186件。", {"npc_suggestion_count", "cppcc_proposal_count"}),
    ("代表建议和政协提案的满意率为97.6%。", {"npc_satisfaction_rate", "cppcc_satisfaction_rate"}),
    ("代表建议和政协提案的满意率为100%。", set()),  # a full pool is full for each part
    ("代表建议、政协提案满意率均为98%。", set()),  # 均为: each has it
]


@pytest.mark.parametrize(("sentence", "shared"), POOLED)
def test_pooled(pack: RulePack, sentence: str, shared: set[str]) -> None:
    from hulifa.extract import extract_text

    assert {i.id for i in extract_text(sentence, pack).indicators if i.ambiguous} == shared


# (rule id, sentence, the rule's value or None): extract.unless_part_of names longer names that hold one of
# the rule's phrases but mean something else: the village and community advisers, whose coverage is not the
# coverage of Party and government bodies; 备案审查, the review of what others filed, not the body's own filing
ADVISERS, FILING = "legal_advisor_coverage", "nd_filing_rate"
UNLESS_PART_OF = [
    (ADVISERS, "全镇19个村(社区)法律顾问全覆盖。", None),
    (ADVISERS, "全区9个街道、86个社区（村）法律顾问实现全覆盖。", None),  # the other order, full-width brackets
    (ADVISERS, "全市村（社区）法律顾问覆盖率、公共法律服务工作室覆盖率分别为100%、98.7%。", None),
    (ADVISERS, "深化一村(居)一法律顾问制度,村居法律顾问覆盖率达100%。", None),
    (ADVISERS, "全区党政机关法律顾问覆盖率达100%。", 100.0),
    (ADVISERS, "党政机关法律顾问全覆盖,村(社区)法律顾问实现全覆盖。", 100.0),
    (ADVISERS, "村(社区)法律顾问覆盖率100%,党政机关法律顾问覆盖率98%。", 98.0),
    (FILING, "规章和行政规范性文件备案审查全部按期完成。", None),
    (FILING, "对各乡镇报送的规范性文件备案审核实现全覆盖。", None),
    (FILING, "行政规范性文件均按规定报市政府备案。", 100.0),
]


@pytest.mark.parametrize(("rule_id", "sentence", "value"), UNLESS_PART_OF)
def test_unless_part_of(pack: RulePack, rule_id: str, sentence: str, value: float | None) -> None:
    doc = Doc.of(sentence)
    found = {i.id: i for i in ind.map_indicators(doc, pack, find_figures(doc), ind.find_implicit(doc))}
    got = found.get(rule_id)
    assert (got.value if got else None) == value


# An implicit full-coverage phrase with a count of those done after it, or a 其中 part before it, is a share;
# a time limit after it is not a count (the phrase stands).
IMPLICIT_SHARE = [
    ("全年制定行政规范性文件3件,已报区政府备案2件,另1件正在报送中。", False),
    ("全年制定行政规范性文件5件,其中3件已按规定报市政府备案。", False),
    ("承办建议22件,全部办结12件。", False),
    ("制定政府规章2部,均在公布之日起30日内报送备案。", True),
    ("行政处罚决定信息296条,均在作出决定之日起7个工作日内公开。", True),
    ("全年制定行政规范性文件3件,均已报区政府备案。", True),
    ("市应急管理局抽查我局案卷15卷,全部合格。", True),  # all passed: a phrase of its own
    ("各部门报告均在4月1日前向社会公开。", True),  # a deadline met by all: its date is no count
    ("抽查案卷15卷,合格12卷。", False),
]


@pytest.mark.parametrize(("sentence", "stands"), IMPLICIT_SHARE)
def test_an_implicit_phrase_followed_by_a_count_is_a_share(sentence: str, stands: bool) -> None:
    assert bool(ind.find_implicit(Doc.of(sentence))) is stands
