"""The figure parser, case by case: what is a figure (and how it reads) and what is not."""

from __future__ import annotations

import pytest

from hulifa.extract.document import Doc
from hulifa.extract.figures import find_figures
from hulifa.model import Bound

E, L, U, A = Bound.EXACT, Bound.LOWER, Bound.UPPER, Bound.APPROX

# (sentence, [(text, value, unit, bound), ...]) — every figure the sentence holds, in order
FIGURES = [
    ("累计组织相关学习培训1700余人次。", [("1700余人次", 1700, "人次", L)]),
    ("审查行政复议申请590件。", [("590件", 590, "件", E)]),
    ("排查化解各类矛盾纠纷1.1万余件。", [("1.1万余件", 11000, "件", L)]),
    ("新增市场主体5.8万户。", [("5.8万户", 58000, "户", E)]),
    ("减免罚款金额共计104万余元。", [("104万余元", 1_040_000, "元", L)]),
    ("补发2304人工资1458万元。", [("2304人", 2304, "人", E), ("1458万元", 14_580_000, "元", E)]),
    ("实际使用外资3.2亿美元。", [("3.2亿美元", 320_000_000, "美元", E)]),  # a sum in another currency
    ("力促3个项目补发工资。", [("3个", 3, "个", E)]),
    ("化解率达90%以上。", [("90%以上", 90, "%", L)]),
    ("按期答复率１００％。", [("１００％", 100, "%", E)]),
    ("241个涉企服务事项100%全程网办。", [("241个", 241, "个", E), ("100%", 100, "%", E)]),
    ("满意度达到百分之九十。", [("百分之九十", 90, "%", E)]),
    ("群众知晓率8成以上。", [("8成以上", 80, "%", L)]),
    ("约占1/4左右。", [("1/4左右", 25, "%", A)]),
    ("纠错率0%。", [("0%", 0, "%", E)]),
    ("召开常务会议两次。", [("两次", 2, "次", E)]),
    ("开展专题学法十二次。", [("十二次", 12, "次", E)]),
    ("移送刑事立案各1起。", [("1起", 1, "起", E)]),
    ("处理投诉不足50件。", [("不足50件", 50, "件", U)]),
    ("受理案件约300件。", [("约300件", 300, "件", A)]),
    ("办理时限压缩至5个工作日以内。", [("5个工作日以内", 5, "工作日", U)]),
    ("答复期限为3个月。", [("3个月", 3, "个月", E)]),
    # scores, ages, kinds, tenths and half in words, a lead time after its number, a quoted statement
    ("考核得分94.5分,居全县第三。", [("94.5分", 94.5, "分", E)]),
    ("执法人员平均年龄49.2岁。", [("49.2岁", 49.2, "岁", E)]),
    ("修订执法文书格式12种,公布三百四十六种。", [("12种", 12, "种", E), ("三百四十六种", 346, "种", E)]),
    ("法制审核人员占执法人员的两成,权重一成。", [("两成", 20, "%", E), ("一成", 10, "%", E)]),
    ("约占全部案件的两成。", [("两成", 20, "%", A)]),
    ("审批时限缩短一半,超过一半的案件当场办结。", [("一半", 50, "%", E), ("超过一半", 50, "%", L)]),
    ("近半数村全年未发生执法案件,过半数村建成调解室。", [("近半数", 50, "%", A), ("过半数", 50, "%", L)]),
    ("半数以上乡镇配备法制审核人员。", [("半数以上", 50, "%", L)]),
    ("听证材料于听证会召开10日前送达。", [("10日前", 10, "日", L)]),
    ("报告中提出的“省局执法人员人均培训不足五十学时”问题已整改。", [("不足五十学时", 50, "学时", U)]),
    # a range states neither end (gold README); the figures around it stand
    ("平均审核时间6.5个工作日,一般文件3至5个工作日内出具意见。", [("6.5个工作日", 6.5, "工作日", E)]),
    ("一般事项3至5个工作日办结,全年办件4,317件。", [("4,317件", 4317, "件", E)]),
    ("由15个工作日压缩至3至5个工作日。", [("15个工作日", 15, "工作日", E)]),
    ("收到申请后30日内作出决定。", [("30日内", 30, "日", U)]),
    ("超过三分之二的案件以调解结案。", [("超过三分之二", round(200 / 3, 10), "%", L)]),
    ("平均接通时长14.2秒。", [("14.2秒", 14.2, "秒", E)]),
    ("全年共办理103 件。", [("103 件", 103, "件", E)]),
    ("组织15批次85名领导干部参加考试。", [("15批次", 15, "批次", E), ("85名", 85, "名", E)]),
    ("檢查文旅體企業900餘次。", [("900餘次", 900, "次", L)]),
    ("合格率百分之百。", [("百分之百", 100, "%", E)]),
    ("减免罚款5 000元。", [("5 000元", 5000, "元", E)]),
    ("办理1 130条。", [("1 130条", 1130, "条", E)]),
    ("评查案卷210卷。", [("210卷", 210, "卷", E)]),
    ("检查620余个次。", [("620余个次", 620, "个次", L)]),
    ("配备不少于10名。", [("不少于10名", 10, "名", L)]),
    ("不低于95%。", [("不低于95%", 95, "%", L)]),
    ("以调解方式结案的约占三成。", [("三成", 30, "%", A)]),
    ("每年至少组织两次考试。", [("两次", 2, "次", L)]),
    # 至少 over a verb and its object; not over another number or a clause mark
    ("每个乡镇至少配备持证执法人员8名。", [("8名", 8, "名", L)]),
    ("至少组织两次培训,参训300人。", [("两次", 2, "次", L), ("300人", 300, "人", E)]),
    ("至少开展两轮评查发现问题12个。", [("两轮", 2, "轮", L), ("12个", 12, "个", E)]),
]

# text that holds no figure at all
NOT_FIGURES = [
    ("span of years", "连续3年获评先进。"),
    ("span 近", "近三年来,败诉率持续下降。"),
    ("ordinal range", "第2至3批名单已公布。"),
    ("range 至", "办理时限为5至7个工作日。"),
    ("range dash", "每年开展2-3次督查。"),
    ("range 日内", "一般信访事项在5-7日内作出初步答复。"),
    ("range in words", "每年开展一至两次。"),
    ("range with the unit twice", "审核用时3个至5个工作日。"),
    ("range of shares", "增幅在3%-5%之间。"),
    ("an age naming a group", "60岁以上人员参加。"),
    ("分 as an adverb", "十分重要。"),
    ("a clock time", "9点30分开始。"),
    ("a pair of kinds", "用蒙汉两种文字公开。"),
    ("the other half", "另一半由企业承担。"),
    ("a slogan's list in quotes", "推行“首问负责、一次告知、限时办结”制度。"),
    ("year", "2024年,湖里区坚持依法行政。"),
    ("year 年度", "制定公布2024年度区政府重大行政决策事项目录。"),
    ("date", "于9月30日前完成。"),
    ("date 底前", "3月底前报送。"),
    ("date full", "2025年2月24日报送市委。"),
    ("document number", "依据厅字〔2019〕28号文件。"),
    ("document number []", "依据厦府[2024]3号。"),
    ("document number ()", "依据厦府(2024)3号。"),
    ("document number no year", "依据湖政〔〕12号。"),
    ("document number 第", "国务院令第711号。"),
    ("year range", "落实《实施方案(2021-2025年)》。"),
    ("year range outside title", "实施方案(2021-2025年)印发。"),
    ("year range dash lost", "实施纲要(20212025年)。"),
    ("ordinal", "入选第二批典型案例。"),
    ("ordinal arabic", "召开第7次会议。"),
    ("ordinal 第一", "第一责任人职责。"),
    ("list marker 一是", "一是加强领导,二是完善制度。"),
    ("list marker 一、", "一、突出政治引领"),
    ("list marker (一)", "(一)深化改革"),
    ("title", "制定《2024年度3项办法》。"),
    ("quoted code", "优化“2+2+N”企业服务体系。"),
    ("unquoted code", "形成1+3+N网络模式。"),
    ("quoted slogan", "开展“八五”普法。"),
    ("slogan 八五普法", "深化八五普法工作。"),
    ("quoted 一总十三分", "开展街道“一总十三分”预案编修。"),
    ("quoted 三图一表", "建立“三图一表”。"),
    ("quoted 一件事", "推进“高效办成一件事”改革。"),
    ("hotline", "畅通12345热线。"),
    ("hotline 7x24", "提供7×24小时人工服务。"),
    ("rank", "在全国100个城市法治政府评估中排名第八名。"),
    ("rank 第八名", "位列全市第八名。"),
    ("rank 前", "位居全省前3名。"),
    ("plenum", "学习贯彻党的二十届三中全会精神。"),
    ("plenum 二中", "深入学习二十届二中、三中全会精神。"),
    ("set phrase", "增强四个意识、坚定四个自信、做到两个维护。"),
    ("set phrase 三项制度", "全面落实行政执法三项制度。"),
    ("idiom 一起", "与群众一起研究。"),
    ("one-off", "实行一次性告知。"),
    ("vague 一批", "出台一批制度。"),
    ("vague 数十", "组织数十家单位参加。"),
    ("plan name", "开展提升行政执法质量三年行动。"),
    ("anniversary", "庆祝成立70周年。"),
    ("5G", "建成5G基站。"),
    ("bare number", "编号12345。"),
    ("进一步", "进一步提升执法能力。"),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES, ids=[t for t, _ in FIGURES])
def test_figures(text: str, expected: list[tuple[str, float, str, Bound]]) -> None:
    got = [(f.text, f.value, f.unit, f.bound) for f in find_figures(Doc.of(text))]
    assert got == [(t, float(v), u, b) for t, v, u, b in expected]


@pytest.mark.parametrize(("kind", "text"), NOT_FIGURES, ids=[k for k, _ in NOT_FIGURES])
def test_not_figures(kind: str, text: str) -> None:
    assert [f.text for f in find_figures(Doc.of(text))] == []


CHANGES = [
    ("比上年增加842件。", "842件", True),
    ("减少检查次数88次。", "88次", True),
    ("压缩比达89%。", "89%", True),
    ("由首批15个升级为30个。", "15个", False),  # the prior level, flagged prior
    ("由首批15个升级为30个。", "30个", False),  # this year's level
    ("新增市场主体5.8万户。", "5.8万户", False),
    ("累计组织培训1700余人次。", "1700余人次", False),
    # points from another level, with 较/比 before it as with 低于/高于
    ("败诉率5.5%,较全市平均水平低2.6个百分点。", "2.6个百分点", True),
    ("败诉率5.5%,比全省平均高0.4个百分点。", "0.4个百分点", True),
    ("败诉率5.5%,较全市平均水平低2.6个百分点。", "5.5%", False),
]


@pytest.mark.parametrize(("text", "figure", "change"), CHANGES)
def test_changes(text: str, figure: str, change: bool) -> None:
    figures = {f.text: f for f in find_figures(Doc.of(text))}
    assert figures[figure].change is change


def test_prior_level() -> None:
    prior, level = find_figures(Doc.of("全县行政执法主体由15个增加到30个。"))
    assert (prior.value, prior.prior, level.value, level.prior) == (15, True, 30, False)


def test_shared_count_is_ambiguous() -> None:
    text = "组织召开区委常委会、区政府常务会研究相关工作12次。"
    (figure,) = find_figures(Doc.of(text))
    assert figure.ambiguous and figure.value == 12


@pytest.mark.parametrize(
    "text",
    [
        "县委常委会会议、县政府常务会议共听取法治建设工作汇报12次。",
        "全年区政府常务会议和区政府党组会议共专题学法16次。",
    ],
)
def test_meetings_counted_together_are_ambiguous(text: str) -> None:
    (figure,) = find_figures(Doc.of(text))
    assert figure.ambiguous


def test_single_body_count_is_not_ambiguous() -> None:
    (figure,) = find_figures(Doc.of("区政府常务会议研究法治政府建设工作3次。"))
    assert not figure.ambiguous


def test_offsets_lines_and_columns() -> None:
    text = "第一行没有数字。\n审查行政复议申请590件。\n"
    (figure,) = find_figures(Doc.of(text))
    assert text[figure.start : figure.end] == "590件"
    assert (figure.line, figure.column) == (2, 9)
    assert figure.sentence == "审查行政复议申请590件。"


def test_traditional_figure_keeps_original_text() -> None:
    text = "審查行政複議申請５９０件。"
    (figure,) = find_figures(Doc.of(text))
    assert figure.text == "５９０件" and figure.value == 590


@pytest.mark.parametrize(
    ("text", "figure", "mean"),
    [
        ("审核规范性文件9件,平均审核时间七个工作日。", "七个工作日", True),
        ("审核时限平均6个工作日。", "平均6个工作日", True),
        ("执法人员人均参加培训64学时。", "64学时", True),
        ("审核规范性文件9件,平均审核时间七个工作日。", "9件", False),  # before the average word
        ("重大决策平均用时12个工作日,审查合同8份。", "8份", False),  # another clause
        ("复议纠错率高于全省平均水平2个百分点。", "2个百分点", False),  # a comparison with an average level
        ("办理行政复议案件41件,办理时间30日。", "30日", False),
    ],
)
def test_an_average_word_before_a_figure_in_its_clause_makes_it_a_mean(text: str, figure: str, mean: bool) -> None:
    figures = {f.text: f for f in find_figures(Doc.of(text))}
    assert figures[figure].mean is mean
