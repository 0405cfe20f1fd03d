"""Indicator mapping on the Huli 2024 report, and the general mechanisms on small texts."""

from __future__ import annotations

import pytest

from hulifa.extract import Extraction, extract_text
from hulifa.model import Bound, RulePack

HULI_EXPECTED = [
    # id, value, unit, bound, line
    ("agency_head_appearance_rate", 100, "%", Bound.EXACT, 21),
    ("ar_case_count", 590, "件", Bound.EXACT, 21),
    ("ar_registration_rate", 100, "%", Bound.EXACT, 21),
    ("ar_lawful_acceptance_rate", 100, "%", Bound.EXACT, 21),
    ("leader_law_training_count", 1700, "人次", Bound.LOWER, 3),
    ("exec_meeting_hears_fzzf_count", 12, "次", Bound.EXACT, 3),
    ("exec_meeting_law_study_count", 8, "次", Bound.EXACT, 4),
    ("leader_pre_appointment_law_exam", 85, "名", Bound.EXACT, 4),
    ("legal_advisor_opinion_count", 110, "次", Bound.EXACT, 11),
    ("policy_doc_legality_review_count", 58, "次", Bound.EXACT, 11),
    ("legal_document_opinion_count", 1900, "次", Bound.LOWER, 11),
    ("nd_legality_review_count", 5, "件", Bound.EXACT, 12),
    ("nd_filing_count", 1, "件", Bound.EXACT, 12),
    ("enforcement_body_count", 27, "个", Bound.EXACT, 12),
    ("enforcement_staff_count", 425, "名", Bound.EXACT, 12),
    ("npc_suggestion_count", 114, "件", Bound.EXACT, 13),
    ("cppcc_proposal_count", 87, "件", Bound.EXACT, 13),
    ("npc_satisfaction_rate", 100, "%", Bound.EXACT, 13),
    ("cppcc_satisfaction_rate", 100, "%", Bound.EXACT, 13),
    ("enforcement_case_review_count", 2, "次", Bound.EXACT, 13),
    ("gi_proactive_count", 3668, "条", Bound.EXACT, 14),
    ("gi_proactive_document_count", 174, "件", Bound.EXACT, 14),
    ("gi_request_count", 43, "件", Bound.EXACT, 14),
    ("policy_interpretation_count", 129, "条", Bound.EXACT, 14),
    ("dispute_resolved_count", 11000, "件", Bound.LOWER, 20),
    ("petition_resolution_rate", 90, "%", Bound.LOWER, 20),
]


def _by_id(ex: Extraction) -> dict:
    return {i.id: i for i in ex.indicators}


@pytest.mark.parametrize(("rule", "value", "unit", "bound", "line"), HULI_EXPECTED, ids=[r[0] for r in HULI_EXPECTED])
def test_huli_indicator(huli: Extraction, rule: str, value: float, unit: str, bound: Bound, line: int) -> None:
    found = _by_id(huli)[rule]
    assert (found.value, found.unit, found.bound, found.line) == (value, unit, bound, line)
    assert found.text in found.evidence


def test_huli_shared_meeting_count_is_ambiguous(huli: Extraction) -> None:
    found = _by_id(huli)["exec_meeting_hears_fzzf_count"]
    assert found.ambiguous and found.value == 12
    assert not _by_id(huli)["ar_case_count"].ambiguous


def test_huli_yes_no_facts(huli: Extraction) -> None:
    ids = _by_id(huli)
    assert ids["principal_duty_in_annual_debrief"].value is True
    assert "列入个人年终述职" in ids["principal_duty_in_annual_debrief"].evidence
    assert ids["mad_catalogue_published"].value is True


def test_huli_no_invented_indicators(huli: Extraction) -> None:
    ids = _by_id(huli)
    for absent in (
        "ar_mediation_rate",
        "ar_correction_rate",
        "mad_legality_review_rate",
        "legal_advisor_coverage",
    ):
        assert absent not in ids  # 复议调解率稳步上升 has no figure; nothing else states these


def test_huli_implicit_full_coverage_is_recorded(huli: Extraction) -> None:
    assert [i.phrase for i in huli.implicit] == ["全部进驻"]
    assert all(f.text != "全部进驻" for f in huli.figures)  # never an invented number in figures


def test_huli_every_figure_is_kept(huli: Extraction) -> None:
    mapped = {(i.start, i.end) for i in huli.indicators}
    assert len(huli.unmapped) + len({(f.start, f.end) for f in huli.figures} & mapped) == len(huli.figures)


def test_distributive_each(pack: RulePack) -> None:
    ex = extract_text("复议案件登记率、依法受理率均为100%。", pack)
    ids = _by_id(ex)
    assert ids["ar_registration_rate"].value == 100 and ids["ar_lawful_acceptance_rate"].value == 100


def test_phrase_after_figure(pack: RulePack) -> None:
    ex = extract_text("组织85名领导干部参加任前法律知识考试。", pack)
    assert _by_id(ex)["leader_pre_appointment_law_exam"].value == 85


def test_unit_must_fit(pack: RulePack) -> None:
    ex = extract_text("审查行政复议申请590人。", pack)
    assert "ar_case_count" not in _by_id(ex)


def test_context_must_be_in_the_sentence(pack: RulePack) -> None:
    ex = extract_text("满意率达98%。", pack)
    assert "npc_satisfaction_rate" not in _by_id(ex) and "cppcc_satisfaction_rate" not in _by_id(ex)


def test_implicit_coverage_maps_to_a_rate(pack: RulePack) -> None:
    ex = extract_text("2024年,全区党政机关法律顾问实现全覆盖。", pack)
    found = _by_id(ex)["legal_advisor_coverage"]
    assert (found.value, found.unit, found.bound, found.implicit) == (100, "%", Bound.EXACT, True)
    assert found.text == "实现全覆盖"
    assert ex.figures == ()


def test_implicit_coverage_is_of_what_is_named_before_it(pack: RulePack) -> None:
    """The documents named after 均经合法性审查 are not what it says was reviewed: no false pass for them."""
    ex = extract_text("区政府审议重大行政决策事项8项,均经合法性审查;审核区政府行政规范性文件12件。", pack)
    found = _by_id(ex)
    assert found["mad_legality_review_rate"].implicit
    assert "nd_legality_review_rate" not in found
    ex = extract_text("审核区政府行政规范性文件12件,均经合法性审查。", pack)
    assert _by_id(ex)["nd_legality_review_rate"].implicit


@pytest.mark.parametrize(
    ("text", "not_this"),
    [
        ("2024年,全区行政执法人员信息均已备案。", "nd_filing_rate"),  # not a document
        ("签订的政府合同全部备案。", "nd_filing_rate"),
        ("区政府审议的规范性文件11件全部经过合法性审核。", "nd_filing_standard_rate"),  # 规范 of 规范性文件
        ("承办的人大代表建议和政协提案全部按期答复。", "gi_request_reply_timely_rate"),  # not disclosure
        ("收到群众来信全部按时答复。", "gi_request_reply_timely_rate"),
        ("12345热线工单答复及时率100%。", "gi_request_reply_timely_rate"),
        ("区政府重大行政决策均经法律顾问审查。", "legal_advisor_coverage"),  # their work, not their presence
        ("政协提案3件正在办理;人大代表建议全部办结。", "cppcc_proposal_handled_rate"),  # 办结 after the ;
        ("镇政府合同协议全部经过镇法律顾问合法性审查。", "legal_advisor_coverage"),
        ("行政规范性文件公开征求意见时间不少于30日。", "mad_public_comment_days"),  # not a major decision
        # a time over several kinds of document named before it
        ("审核规范性文件18件、政策类文件142件,平均审核时间5个工作日。", "nd_legality_review_workdays"),
        ("适用简易程序审结行政处罚案件96件,平均用时12日。", "ar_decision_days_simplified"),  # not a reconsideration
        ("群众来信均在15日内办结。", "petition_resolution_days"),  # no 信访 in the sentence
        ("问题:学校法律顾问尚未全覆盖,仍有14所学校未聘请。", "legal_advisor_coverage"),  # negated coverage
        ("党政机关法律顾问未实现全覆盖。", "legal_advisor_coverage"),
        ("省政府考核要求负责人出庭应诉率达到100%。", "agency_head_appearance_rate"),  # a target, not a result
        ("年初确定的纠错率目标为15%以内。", "ar_correction_rate"),
        ("区法律顾问审查合同协议64份,出具法律意见64条。", "legal_advisor_opinion_count"),  # contracts' opinions
        ("局党组理论学习中心组专题学法四次。", "exec_meeting_law_study_count"),  # a Party group's study, not a meeting
        ("备案审查各部门报送的行政规范性文件1,137件。", "nd_legality_review_count"),  # others' filings
        ("备案审查各部门报送的行政规范性文件1,137件。", "nd_filing_count"),
        ("向国务院报备规章及规范性文件52件。", "nd_filing_count"),  # 规章 with them: neither kind alone
        ("各部门规范性文件备案审核率100%。", "nd_legality_review_rate"),  # others' filings
        ("本局制发规范性文件3件,报备率100%;清理规范性文件27件。", "nd_filing_count"),  # 报备率 is a rate
        ("起草行政规范性文件3件,经合法性审核2件。", "nd_legality_review_rate"),  # a count after it: a share
        ("全县人民调解组织调解纠纷412件,调解成功率98.5%。", "ar_mediation_rate"),  # a people's mediation's rate
        # training that is not the leaders': village committees, a street's staff
        ("组织村“两委”干部法治培训三百二十人次。", "leader_law_training_count"),
        ("组织镇机关干部和村(社区)“两委”成员法治培训6场,参训420人次。", "leader_law_training_count"),
        ("组织街道机关和社区干部参加法治专题培训3期,参训干部120人。", "leader_law_training_count"),
    ],
)
def test_near_misses_give_no_false_pass(pack: RulePack, text: str, not_this: str) -> None:
    assert not_this not in _by_id(extract_text(text, pack))


@pytest.mark.parametrize(
    ("text", "rule", "value", "bound"),
    [
        (
            "行政处罚决定信息在作出决定之日起７个工作日内公示。",
            "enforcement_penalty_disclosure_workdays",
            7,
            Bound.UPPER,
        ),
        ("受理信访事项607件,均在十五日内分流告知,在六十日内办结。", "petition_ack_days", 15, Bound.UPPER),
        ("受理信访事项9,864件,全部在15日内告知受理情况。", "petition_ack_days", 15, Bound.UPPER),
        # the advisers' own opinions, after a semicolon that ends the contract reviews
        ("审查各类合同协议96份;法律顾问另就重大事项提出法律意见41条。", "legal_advisor_opinion_count", 41, Bound.EXACT),
        ("受理信访事项607件,均在十五日内分流告知,在六十日内办结。", "petition_resolution_days", 60, Bound.UPPER),
        ("作出重大行政决策5项,公开征求意见时间均不少于三十日。", "mad_public_comment_days", 30, Bound.LOWER),
        ("行政复议案件以调解、和解方式结案的占19.5%。", "ar_mediation_rate", 19.5, Bound.EXACT),
        ("省司法厅全年审查省政府行政规范性文件74件,提出修改意见265条。", "nd_legality_review_count", 74, Bound.EXACT),
        ("坚持常务会议会前学法制度,全年集体学习法律法规11次。", "exec_meeting_law_study_count", 11, Bound.EXACT),
        ("审核县政府规范性文件16件;法律顾问审查合同协议190余份。", "nd_legality_review_count", 16, Bound.EXACT),
        ("制定规范性文件19件,向县人大常委会报备19件。", "nd_filing_count", 19, Bound.EXACT),
        ("本局被提起行政诉讼1件。", "admin_litigation_count", 1, Bound.EXACT),
        ("审核县政府行政规范性文件23件,提出修改意见87条,审核率100%。", "nd_legality_review_rate", 100, Bound.EXACT),
        ("全区行政机关应诉案件164件,败诉率4.9%。", "admin_litigation_count", 164, Bound.EXACT),
        ("开展执法案卷自查2次,自查案卷160卷。", "enforcement_case_review_count", 2, Bound.EXACT),
        ("本局(含8个执法中队)持有行政执法证件的人员216名。", "enforcement_staff_count", 216, Bound.EXACT),
        # the deputies' suggestions, not the hotline's rate in a sentence that names the 人大常委会
        (
            "办理县人大代表建议131件、县政协提案152件,办复率均为百分之百。向县人大常委会报告工作4次;12345热线按时办结率99.1%。",
            "npc_suggestion_handled_rate",
            100,
            Bound.EXACT,
        ),
        ("行政訴訟一審案件53件。", "admin_litigation_count", 53, Bound.EXACT),
        # the documents named after the review verb; the average review time beside them
        ("全年审核县政府政策类文件三十八件。", "policy_doc_legality_review_count", 38, Bound.EXACT),
        ("审核规范性文件9件,审核时间平均5个工作日。", "nd_legality_review_workdays", 5, Bound.EXACT),
        ("县司法局审核规范性文件十二件,平均审核时间七个工作日。", "nd_legality_review_workdays", 7, Bound.EXACT),
        # the policy documents named after the time, in a clause of their own, are not what it is the time of
        (
            "审核规范性文件9件,平均审核时间7.2个工作日,审核政策性文件68件。",
            "nd_legality_review_workdays",
            7.2,
            Bound.EXACT,
        ),
        ("对重大行政决策全部进行合法性审查,平均审查时间7个工作日。", "mad_legality_review_workdays", 7, Bound.EXACT),
        # a reconsideration's average time by procedure
        ("行政复议申请受理审查期限5日,普通程序案件平均办理期限42日。", "ar_decision_days_ordinary", 42, Bound.EXACT),
        ("行政复议普通程序案件平均审理期限42日,简易程序案件平均18日。", "ar_decision_days_simplified", 18, Bound.EXACT),
        # opinions on 行政协议, named in their own clause after the contracts reviewed
        ("审查县政府合同109份,其中对行政协议出具法律意见44份。", "legal_document_opinion_count", 44, Bound.EXACT),
        ("审核市政府合同协议83份,出具行政协议法律意见31份。", "legal_document_opinion_count", 31, Bound.EXACT),
        # the disputes resolved, not those taken up
        ("全年调解矛盾纠纷412件,调解成功406件,成功率98.5%。", "dispute_resolved_count", 406, Bound.EXACT),
        ("乡村两级调解组织共排查矛盾纠纷171件,化解168件。", "dispute_resolved_count", 168, Bound.EXACT),
        ("排查化解矛盾纠纷214件,其中人民调解组织调解168件,调解成功165件。", "dispute_resolved_count", 214, Bound.EXACT),
        # a dispute is 纠纷 with or without 矛盾, of whatever kind
        ("调处水事纠纷27件,调处成功26件,全年未发生群体性事件。", "dispute_resolved_count", 26, Bound.EXACT),
        ("全县人民调解组织调解纠纷4,126件,调解成功4,012件。", "dispute_resolved_count", 4012, Bound.EXACT),
        ("受理农村土地承包经营纠纷64件,调解成功58件。", "dispute_resolved_count", 58, Bound.EXACT),
        # opinions in writing; a hearing's lead time written before or after its number
        ("审查行政协议等合同72份,出具书面法律意见72份。", "legal_document_opinion_count", 72, Bound.EXACT),
        ("听证材料于听证会召开前10日送达听证参加人。", "mad_hearing_material_days", 10, Bound.EXACT),
        ("召开听证会2场,听证材料于听证会召开10日前送达听证参加人。", "mad_hearing_material_days", 10, Bound.LOWER),
        # 和解 is a reconsideration's way to close: its rate after the sentence that names the cases
        ("收到行政复议申请196件。经调解和解结案58件,调解和解率34.1%。", "ar_mediation_rate", 34.1, Bound.EXACT),
        # letters and visits are 信访
        ("受理退役军人来信来访1,046件次,办结1,031件次,化解率98.6%。", "petition_resolution_rate", 98.6, Bound.EXACT),
        # leaders' training by another name: a lecture, a seminar, 参训 after the course
        ("举办领导干部法治专题讲座4场,参训干部约1300人次。", "leader_law_training_count", 1300, Bound.APPROX),
        ("举办领导干部研讨班3期,组成部门负责同志参训412人次。", "leader_law_training_count", 412, Bound.EXACT),
        ("组织全县领导干部参加法治专题讲座和网络培训逾900人次。", "leader_law_training_count", 900, Bound.LOWER),
        # the exam's takers named by a list of their ranks, or the exam by its short name
        ("新提任的52名处级、科级领导干部参加任前法律知识考试。", "leader_pre_appointment_law_exam", 52, Bound.EXACT),
        ("举办领导干部法治培训三期,新任领导干部任前考法三十五名。", "leader_pre_appointment_law_exam", 35, Bound.EXACT),
        # the same list shape between two figures is a list of figures, each with its own phrase
        ("办理人大代表建议52件、政协提案31件。", "cppcc_proposal_count", 31, Bound.EXACT),
        ("办理人大代表建议52件、政协提案31件。", "npc_suggestion_count", 52, Bound.EXACT),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isascii() else None,
)
def test_how_reports_word_a_rule(pack: RulePack, text: str, rule: str, value: float, bound: Bound) -> None:
    found = _by_id(extract_text(text, pack))[rule]
    assert (found.value, found.bound) == (value, bound)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("行政规范性文件均已报送备案。", "nd_filing_rate"),
        ("报备率、报备及时率、规范率均达100%。", "nd_filing_rate"),
        ("收到政府信息公开申请35件,全部按期答复。", "gi_request_reply_timely_rate"),
        ("依申请公开答复及时率100%。", "gi_request_reply_timely_rate"),
        ("党政机关法律顾问覆盖率100%。", "legal_advisor_coverage"),
        # one phrase over the decision procedures settles both rules
        ("重大行政决策均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。", "mad_legality_review_rate"),
        (
            "重大行政决策均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。",
            "mad_collective_decision_rate",
        ),
        # the procedures name the decisions: no 决策 needs to stand beside them
        ("目录内事项均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。", "mad_legality_review_rate"),
        ("重大事项5项,均经合法性审查和集体讨论决定。", "mad_legality_review_rate"),
        # filed in full, with the bodies filed with written out before 备案
        ("制发规范性文件十二件,全部在规定时间内报市人民政府和县人大常委会备案。", "nd_filing_rate"),
        ("制发规范性文件十二件,全部在规定时间内报市人民政府和县人大常委会备案。", "nd_filing_timely_rate"),
        ("本局制发的行政规范性文件1件,已按规定报区政府备案。", "nd_filing_rate"),
        ("厅法规处对8件规范性文件均进行合法性审核。", "nd_legality_review_rate"),
        # filed in full within a time limit written with its number
        ("州政府制发的规范性文件均在公布之日起30日内报省政府和州人大常委会备案。", "nd_filing_rate"),
        ("州政府制发的规范性文件均在公布之日起30日内报省政府和州人大常委会备案。", "nd_filing_timely_rate"),
        # 报备 is 报…备案
        ("报备规范性文件12件,均在公布之日起30日内报备。", "nd_filing_rate"),
        ("报备规范性文件12件,均在公布之日起30日内报备。", "nd_filing_timely_rate"),
        # the clause after the count says what was done to all it counts
        ("全年制发行政规范性文件1件,经局法制股合法性审核,审核1件。", "nd_legality_review_rate"),
        ("制定行政规范性文件1件(《某某管理办法》),经局法制股合法性审核后印发。", "nd_legality_review_rate"),
    ],
)
def test_the_same_words_about_the_rule_still_count(pack: RulePack, text: str, rule: str) -> None:
    assert _by_id(extract_text(text, pack))[rule].value == 100


def test_a_verb_covers_what_its_context_names_before_it(pack: RulePack) -> None:
    """均…办结 after 代表建议 and 提案 settles both handled rates; 办结 alone (信访) settles neither."""
    found = _by_id(extract_text("承办市人大代表建议24件、市政协提案31件,均在规定期限内办结。", pack))
    assert found["npc_suggestion_handled_rate"].implicit and found["cppcc_proposal_handled_rate"].implicit
    found = _by_id(extract_text("受理群众信访事项120件,全部办结。", pack))
    assert "npc_suggestion_handled_rate" not in found and "cppcc_proposal_handled_rate" not in found


def test_explicit_figure_beats_implicit(pack: RulePack) -> None:
    ex = extract_text("法律顾问覆盖率98%。党政机关法律顾问实现全覆盖。", pack)
    found = _by_id(ex)["legal_advisor_coverage"]
    assert found.value == 98 and not found.implicit


@pytest.mark.parametrize(
    "text",
    [
        "行政处罚决定公示率有待提高,处罚决定公示工作仍需加强。",  # the clause says it falls short
        "部分行政处罚决定未及时公示,其余公示内容不够规范。",  # one verb negated: the sentence is not a yes
        # a duty named in the shortcomings part is what is lacking
        "某市生态环境局2024年法治政府建设年度报告\n一、主要举措和成效\n作出行政处罚决定86件。\n"
        "二、存在的不足和原因\n行政处罚决定公示工作还存在短板。\n三、下一年度工作安排\n继续推进。",
    ],
)
def test_a_duty_said_to_fall_short_is_not_affirmed(pack: RulePack, text: str) -> None:
    assert "enforcement_publicity" not in _by_id(extract_text(text, pack))


def test_a_problem_a_sentence_sets_out_to_solve_does_not_unsay_it(pack: RulePack) -> None:
    text = "围绕群众反映强烈的执法不规范问题,开展专项整治,全面推行行政执法三项制度。"
    assert _by_id(extract_text(text, pack))["enforcement_three_systems"].value is True


def test_negated_yes_no_fact_is_not_affirmed(pack: RulePack) -> None:
    ex = extract_text("重大行政决策事项目录尚未公布。", pack)
    assert "mad_catalogue_published" not in _by_id(ex)
    ex = extract_text("行政执法三项制度尚未全面推行。", pack)  # an adverb between the negation and the verb
    assert "enforcement_three_systems" not in _by_id(ex)


@pytest.mark.parametrize(
    "text",
    [
        "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
        "严格落实行政执法公示、执法全过程记录和重大执法决定法制审核制度,执法质量提升。",
    ],
)
def test_a_rule_named_by_all_its_parts_is_affirmed(pack: RulePack, text: str) -> None:
    """extract.all_of: the three systems written out name enforcement_three_systems."""
    found = _by_id(extract_text(text, pack))["enforcement_three_systems"]
    assert found.value is True and found.text.startswith("执法公示") and found.text.endswith("法制审核")


@pytest.mark.parametrize(
    "text",
    [
        "全面推行行政执法公示、执法全过程记录制度。",  # two of the three
        "尚未全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
        "推行行政执法公示。执法全过程记录、重大执法决定法制审核制度有待完善。",  # not one sentence
    ],
)
def test_a_rule_needs_all_its_parts_in_one_affirming_sentence(pack: RulePack, text: str) -> None:
    assert "enforcement_three_systems" not in _by_id(extract_text(text, pack))


def test_custom_rule_needs_no_code(pack: RulePack) -> None:
    base = next(r for r in pack.rules if r.id == "ar_case_count")
    custom = base._replace(
        id="x_hotline_count",
        name="热线工单数",
        aliases=(),
        extract={"phrases": ["热线工单"], "units": ["件"]},
    )
    ex = extract_text("办理12345热线工单8000余件。", pack._replace(rules=(custom,)))
    found = _by_id(ex)["x_hotline_count"]
    assert (found.value, found.bound) == (8000, Bound.LOWER)


def _department(text: str, pack: RulePack) -> dict[str, float | bool]:
    found = extract_text(text, pack, region="岭北县司法局", level="department", year=2024)
    return {i.id: i.value for i in found.indicators}


@pytest.mark.parametrize(
    ("text", "rule", "value"),
    [
        # the county's lawsuits and its training beside the bureau's own: the county's are not the bureau's
        (
            "全县行政机关应诉一审行政诉讼案件40件,行政机关负责人出庭应诉率100%。本局作为被告的行政诉讼案件1件。",
            "agency_head_appearance_rate",
            None,
        ),
        (
            "全县行政机关应诉一审行政诉讼案件40件,行政机关负责人出庭应诉率100%。本局作为被告的行政诉讼案件1件。",
            "admin_litigation_count",
            1,
        ),
        (
            "组织全县执法人员培训5期,全县持证执法人员1,020名人均培训58学时。本局干部职工参加培训。",
            "enforcement_training_hours",
            None,
        ),
        (
            "组织全县执法人员培训5期,全县持证执法人员1,020名人均培训58学时。本局干部职工参加培训。",
            "enforcement_staff_count",
            None,
        ),
        # the department's own system (its 派出 and 直属 units) is its own
        ("全市生态环境系统持证执法人员1,052名。本局机关干部参加培训。", "enforcement_staff_count", 1052),
        ("全系统持证执法人员731名,人均参加业务培训68学时。本局机关干部参加培训。", "enforcement_staff_count", 731),
        ("全系统持证执法人员731名,人均参加业务培训68学时。本局机关干部参加培训。", "enforcement_training_hours", 68),
        # a report that never tells itself apart (本局) may be speaking of its own work county-wide
        ("全县公安机关持证执法人员1,020名,人均培训58学时。", "enforcement_training_hours", 58),
    ],
)
def test_a_departments_sentence_about_the_whole_area_is_not_its_own(
    pack: RulePack, text: str, rule: str, value: float | None
) -> None:
    assert _department(text, pack).get(rule) == value


@pytest.mark.parametrize(
    ("rule", "text", "affirmed"),
    [
        # a verb inside the rule's own name, or running into it, does not affirm a sentence that negates
        ("enforcement_publicity", "本局尚未全面落实行政执法公示。", False),  # not 公示, not 落实行政's 实行
        ("enforcement_publicity", "行政执法公示尚未实行。", False),
        ("enforcement_publicity", "全面落实行政执法公示。", True),
        ("enforcement_publicity", "严格实行行政执法公示制度。", True),
        # where the name holds the verb (列入年终述职), the name alone affirms unless it is negated
        ("principal_duty_in_annual_debrief", "局长将履职情况列入年终述职。", True),
        ("principal_duty_in_annual_debrief", "履职情况尚未列入年终述职。", False),
        ("principal_duty_in_annual_debrief", "尚未将履职情况列入年终述职。", False),
        # the penalty decisions published are the duty done; not when they were not published in time
        ("enforcement_publicity", "行政处罚决定全部依法公示。", True),
        ("enforcement_publicity", "部分行政处罚决定未及时公示。", False),
        # the qualification held, not a duty stated or a shortfall
        ("enforcement_reviewer_qualified", "初次从事行政执法决定法制审核的人员均取得法律职业资格。", True),
        ("enforcement_reviewer_qualified", "初次从事法制审核的人员应当取得法律职业资格。", False),
        ("enforcement_reviewer_qualified", "初次从事法制审核的人员未全部取得法律职业资格。", False),
        ("enforcement_reviewer_qualified", "法制审核人员取得法律职业资格的比例为60%。", False),  # not 初次从事
        # every reviewer qualified: the first-time ones among them too; not a share of them
        ("enforcement_reviewer_qualified", "全局法制审核人员3名,法制审核人员均具有法律职业资格。", True),
        ("enforcement_reviewer_qualified", "法制审核人员全部取得法律职业资格。", True),
        ("enforcement_reviewer_qualified", "法制审核人员中具有法律职业资格的仅2名。", False),
        # 严格执行 the three systems written out affirms each; a catalogue adjusted is one in place
        ("enforcement_full_record", "严格执行行政执法公示、执法全过程记录、重大执法决定法制审核制度。", True),
        ("enforcement_legal_review", "严格执行行政执法公示、执法全过程记录、重大执法决定法制审核制度。", True),
        ("enforcement_legal_review", "重大执法决定法制审核制度执行不到位。", False),
        ("major_decision_review_catalogue", "动态调整重大执法决定法制审核目录清单。", True),
        # a duty named as the year's aim (以…为主线) is aimed at, not done
        (
            "outline_goals_reviewed",
            "以高质量完成《法治政府建设实施纲要(2021—2025年)》各项目标任务为主线,统筹推进依法行政。",
            False,
        ),
        ("outline_goals_reviewed", "全面完成法治政府建设实施纲要确定的各项目标任务。", True),
        # 缺乏 negates as 未 does
        ("township_delegation_evaluated", "向街道下放执法事项137项,年底前对下放事项开展评估。", True),
        ("township_delegation_evaluated", "对下放事项的业务培训不够系统,普法效果也缺乏评估。", False),
    ],
)
def test_a_verb_inside_the_rules_own_name(pack: RulePack, rule: str, text: str, affirmed: bool) -> None:
    assert (rule in _department(text, pack)) is affirmed


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the whole is all staff, the 其中 part the leaders: the part is the leaders' training
        ("组织全局干部职工参加法治培训1,480人次,其中局领导和各分局负责人64人次。", 64),
        ("开展法治培训6期、参训干部720人次,其中领导班子成员55人次。", 55),
        # the whole already names the leaders, or the part names someone else: the whole stays
        ("组织领导干部法治培训1,700人次,其中处级领导干部300人次。", 1700),
        ("组织班子成员和干部职工法治培训500人次,其中新录用人员40人次。", 500),
        # the whole names the leaders with another group joined after them: the part that names them alone
        ("组织领导班子和中层干部参加法治专题培训236人次,其中班子成员38人次。", 38),
    ],
)
def test_the_part_that_names_the_rules_subject(pack: RulePack, text: str, value: float) -> None:
    assert _department(text, pack)["leader_law_training_count"] == value


@pytest.mark.parametrize(
    ("text", "rule", "department", "government"),
    [
        # a review the sentence gives to another body is that body's in a department's report
        ("制定规范性文件2件,均经县司法局合法性审核。", "nd_legality_review_rate", None, 100),
        ("全年提交市司法局审核行政规范性文件26件,均经合法性审核后印发。", "nd_legality_review_count", None, 26),
        ("全年提交市司法局审核行政规范性文件26件,均经合法性审核后印发。", "nd_legality_review_rate", None, 100),
        # the other body named after the count
        ("本局起草的规范性文件2件经县司法局合法性审核后由县政府印发。", "nd_legality_review_count", None, 2),
        # no other body named: the department's own review
        ("起草配套规范性文件3件,均经合法性审核并按规定报市政府备案。", "nd_legality_review_rate", 100, 100),
        ("起草配套规范性文件3件,均经合法性审核并按规定报市政府备案。", "nd_filing_rate", 100, 100),
    ],
)
def test_a_review_by_another_body(
    pack: RulePack, text: str, rule: str, department: float | None, government: float | None
) -> None:
    county = extract_text(text, pack, region="岭北县人民政府", level="county", year=2024).indicators
    assert _department(text, pack).get(rule) == department
    assert {i.id: i.value for i in county}.get(rule) == government


STEERED = "推动全省各级行政执法机关全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。"


@pytest.mark.parametrize(
    ("text", "rule", "stated"),
    [
        # a department that has other bodies do the work affirms their duty, not its own
        (STEERED, "enforcement_full_record", False),
        (STEERED, "enforcement_legal_review", False),
        ("督促14个设区市政府公布本级重大执法决定法制审核目录。", "major_decision_review_catalogue", False),
        ("指导各县区落实执法全过程记录制度。", "enforcement_full_record", False),
        # its own: the same duties with no other body steered
        ("全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。", "enforcement_full_record", True),
        ("修订本局重大执法决定法制审核目录。", "major_decision_review_catalogue", True),
        ("推动执法全过程记录全面落实。", "enforcement_full_record", True),  # 推动 its own work
    ],
)
def test_a_department_steering_others_does_not_affirm_its_own_duty(
    pack: RulePack, text: str, rule: str, stated: bool
) -> None:
    assert (rule in _department(text, pack)) is stated


@pytest.mark.parametrize(
    "text",
    [
        "尚未全部报送备案。",  # negated
        "重大项目已按规定报市发展改革委备案。",  # no document named: not the documents' filing
        "全年制定行政规范性文件3件,已报区政府备案2件,另1件正在报送中。",  # a count of those filed: a share
        "全年制定行政规范性文件5件,其中3件已按规定报市政府备案。",  # a 其中 part filed
    ],
)
def test_a_filing_phrase_that_is_not_the_documents_full_filing(pack: RulePack, text: str) -> None:
    assert "nd_filing_rate" not in _by_id(extract_text(text, pack))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("12345热线完成整合归并,全年受理诉求318万件。", "hotline_12345_unified"),  # said of the hotline itself
        ("对赋予苏木镇的执法事项开展评估。", "township_delegation_evaluated"),  # a 苏木 is a town
        ("对赋予镇(街道)的二十八项行政执法事项逐项开展评估。", "township_delegation_evaluated"),
    ],
)
def test_a_duty_in_the_words_of_other_places(pack: RulePack, text: str, rule: str) -> None:
    assert _by_id(extract_text(text, pack))[rule].value is True


# Whose figure: (text, who reports: level and name, year, rule, the value it takes or None)
WHOSE = [
    # a higher area's figure quoted beside the reporter's own; a county-level 市 calls its own area 全市
    (
        "全区一审行政诉讼案件156件,败诉率6.4%。临江市全市行政诉讼败诉率为7.9%,我区低于全市平均水平1.5个百分点。",
        ("district", "北湖区"),
        2022,
        "admin_litigation_loss_rate",
        6.4,
    ),
    ("临江市全市行政诉讼败诉率为7.9%。", ("district", "北湖区"), 2022, "admin_litigation_loss_rate", None),
    ("全市行政诉讼败诉率为5.1%。", ("county", "岑阳市"), 2024, "admin_litigation_loss_rate", 5.1),
    # a count over a list of kinds yields to the kind's own count
    (
        "公职律师参与办理行政复议、行政诉讼案件1,136件。全市一审行政诉讼案件684件。",
        ("city", "岑川市"),
        2025,
        "admin_litigation_count",
        684,
    ),
    ("公职律师参与办理行政复议、行政诉讼案件1,136件。", ("city", "岑川市"), 2025, "admin_litigation_count", 1136),
    # a qualifier that names the other rule's subject
    (
        "办理代表建议412件、政协提案486件,代表满意率98.8%,委员满意率99.0%。",
        ("city", "岑川市"),
        2025,
        "cppcc_satisfaction_rate",
        99.0,
    ),
    (
        "办理代表建议412件、政协提案486件,代表满意率98.8%,委员满意率99.0%。",
        ("city", "岑川市"),
        2025,
        "npc_satisfaction_rate",
        98.8,
    ),
    # the towns' enforcement teams are some of the county's staff (extract.lower_bodies)
    (
        "在全县12个乡镇全部设立综合行政执法队,配备执法人员216名。全县1,367名持证执法人员全部纳入平台管理。",
        ("county", "榕岭县"),
        2025,
        "enforcement_staff_count",
        1367,
    ),
    (
        "在全县12个乡镇全部设立综合行政执法队,配备执法人员216名。",
        ("county", "榕岭县"),
        2025,
        "enforcement_staff_count",
        216,
    ),
    # officers disciplined are not the officers
    ("排查整改问题164个,处理处分违规执法人员19名。", ("city", "岑川市"), 2025, "enforcement_staff_count", None),
    # the body's own part of an area's, its levels' or its years' whole
    (
        "全市各级领导干部参加法治培训1.3万人次,其中市本级2,460人次。",
        ("city", "岑川市"),
        2023,
        "leader_law_training_count",
        2460,
    ),
    (
        "全省药品监管系统持证执法人员2,146名,其中省局218名。",
        ("department", "滇南省药品监督管理局"),
        2024,
        "enforcement_staff_count",
        218,
    ),
    (
        "2019年以来,区政府累计组织领导干部法治培训4,600余人次,其中2022年1,350人次。",
        ("district", "北湖区"),
        2022,
        "leader_law_training_count",
        1350,
    ),
    (
        "组织街道机关干部和社区工作者参加法治培训640人次,其中街道班子成员48人次。",
        ("town", "东滨街道"),
        2024,
        "leader_law_training_count",
        48,
    ),
]


@pytest.mark.parametrize(("text", "who", "year", "rule", "value"), WHOSE)
def test_whose_figure(
    pack: RulePack, text: str, who: tuple[str, str], year: int, rule: str, value: float | None
) -> None:
    found = _by_id(extract_text(text, pack, level=who[0], region=who[1], year=year)).get(rule)
    assert (found.value if found is not None else None) == value


def test_a_hotline_said_to_have_merged_the_others(pack: RulePack) -> None:
    text = "12345政务服务便民热线已整合全市非紧急类政务服务热线,全年受理诉求186.4万件。"
    assert _by_id(extract_text(text, pack))["hotline_12345_unified"].value is True


@pytest.mark.parametrize(
    ("text", "affirmed"),
    [
        ("对赋予9个街道的执法事项开展评估,收回8项基层承接不了的事项。", True),
        ("对赋予9个街道（镇）的执法事项开展评估,调整12项。", True),
        ("赋予9个街道执法事项126项。", False),  # no evaluation said
    ],
)
def test_the_towns_counted_inside_the_delegation(pack: RulePack, text: str, affirmed: bool) -> None:
    """extract.all_of [赋予, 执法事项]: the towns may be counted between the verb and the powers."""
    assert ("township_delegation_evaluated" in _by_id(extract_text(text, pack))) is affirmed


@pytest.mark.parametrize(
    ("text", "rule", "value"),
    [
        # all the bodies' reports published by the deadline: the disclosure rate is 100 (its date is no count)
        ("市直部门法治政府建设年度报告均在4月1日前通过门户网站向社会公开。", "report_disclosure_rate", 100),
        (
            "各部门法治政府建设年度报告均在3月31日前报送市委依法治市办。",
            "report_disclosure_rate",
            None,
        ),  # sent, not published
        # an adjudication case count names a 纠纷 but counts cases decided, not disputes settled
        ("全年办理专利侵权纠纷行政裁决案件43件。", "dispute_resolved_count", None),
        ("调处水事纠纷27件。", "dispute_resolved_count", 27),
    ],
)
def test_a_city_reads_its_bodies_reports_published_and_no_adjudication_as_disputes(
    pack: RulePack, text: str, rule: str, value: float | None
) -> None:
    city = extract_text(text, pack, region="岭北市人民政府", level="city", year=2025).indicators
    assert {i.id: i.value for i in city}.get(rule) == value


@pytest.mark.parametrize(
    ("text", "rule", "value"),
    [
        # 均为 gives each noun named the value, but 行政复议案件 inside 为被申请人的行政复议案件 is the respondent's
        ("全年以本局为被申请人的行政复议案件和以本局为被告的行政诉讼案件均为0件。", "ar_respondent_case_count", 0),
        ("全年以本局为被申请人的行政复议案件和以本局为被告的行政诉讼案件均为0件。", "admin_litigation_count", 0),
        ("全年以本局为被申请人的行政复议案件和以本局为被告的行政诉讼案件均为0件。", "ar_case_count", None),
        # a shorter phrase inside a longer one stays where its sentence names its own subject elsewhere
        (
            "办理人大代表建议105件、政协提案142件,建议和提案办复率、满意率分别为100%和97.6%。",
            "npc_suggestion_handled_rate",
            100,
        ),
    ],
)
def test_a_phrase_inside_another_rules_longer_phrase(pack: RulePack, text: str, rule: str, value: float | None) -> None:
    assert _department(text, pack).get(rule) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全年接收县直部门和乡镇报送备案的规范性文件27件,审查发现问题4件。", None),  # received from others
        ("本局制发规范性文件3件,报送备案规范性文件3件。", 3),  # its own filings
    ],
)
def test_filings_received_from_others_are_not_the_bodys_own(pack: RulePack, text: str, value: float | None) -> None:
    assert _department(text, pack).get("nd_filing_count") == value


def test_another_bodys_review_of_the_town_is_not_the_towns_own(pack: RulePack) -> None:
    text = "县司法局对我镇执法案卷评查1次,我镇自查案卷2次。"
    town = extract_text(text, pack, region="芦浦县青苇镇人民政府", level="town", year=2025).indicators
    assert {i.id: i.value for i in town}.get("enforcement_case_review_count") == 2
    alone = extract_text(
        "县司法局对我镇执法案卷评查1次。", pack, region="芦浦县青苇镇人民政府", level="town", year=2025
    )
    assert "enforcement_case_review_count" not in {i.id for i in alone.indicators}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("局制发行政规范性文件2件,均经合法性审核,均按时报市政府备案。", 100),  # filed on time, all of them
        ("局制发行政规范性文件2件,均经合法性审核。", None),  # no filing named
    ],
)
def test_all_filed_on_time_is_the_timely_filing_rate(pack: RulePack, text: str, value: float | None) -> None:
    assert _department(text, pack).get("nd_filing_timely_rate") == value
