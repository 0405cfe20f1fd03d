"""Each NOT_A_FIGURE rule on its own, as a linter's rules are tested: sentences it rejects, and
look-alike sentences it lets through (another rule may still reject those)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hulifa.extract import figures as fg
from hulifa.extract.document import Doc
from hulifa.extract.figures import NOT_A_FIGURE, Candidate
from hulifa.quantity import QUANTITY_PATTERN, is_number_match

Rule = Callable[[Candidate], bool]

# (rule, sentence, the figure as written, does the rule reject it)
ROWS: list[tuple[Rule, str, str, bool]] = [
    (fg.across_a_line_break, "召开会议3\n次。", "3\n次", True),  # a number at a line end, a unit on the next
    (fg.across_a_line_break, "召开会议3次。", "3次", False),
    (fg.no_kind, "编号12345。", "12345", True),
    (fg.no_kind, "审查申请590件。", "590件", False),
    (fg.no_kind, "减免5.8万。", "5.8万", False),  # 万 on digits is a sum
    (fg.cheng_in_a_word, "三成员单位参加。", "三成", True),
    (fg.cheng_in_a_word, "群众知晓率8成以上。", "8成以上", False),
    (fg.cheng_in_a_word, "约占三成。", "三成", False),
    (fg.page_furniture, "浏览次数:1234次", "1234次", True),
    (fg.page_furniture, "全年检查1234次。", "1234次", False),
    (fg.in_title_or_quote, "制定《2024年度3项办法》。", "3项", True),
    (fg.in_title_or_quote, "推进“一网通办”。", "一", True),
    (fg.in_title_or_quote, "制定《办法》3项。", "3项", False),
    (fg.ordinal, "召开第7次会议。", "7次", True),
    (fg.ordinal, "位列全市第八名。", "八名", True),
    (fg.ordinal, "召开会议7次。", "7次", False),
    (fg.code_before, "优化2+2+N体系。", "2+N", True),  # the second 2
    (fg.code_before, "提供7×24小时服务。", "24小时", True),
    (fg.code_before, "办理时限为7个工作日。", "7个工作日", False),
    (fg.code_after, "建成5G基站。", "5", True),
    (fg.code_after, "形成1+3+N模式。", "1", True),
    (fg.code_after, "建成5个基站。", "5个", False),
    (fg.fraction_in_a_code, "按1/3/5分级。", "1/3", True),
    (fg.fraction_in_a_code, "按a/1/3分级。", "1/3", True),  # a slash before it
    (fg.fraction_in_a_code, "约占1/4左右。", "1/4左右", False),
    (fg.before_a_time, "位居全省前3名。", "3名", True),
    (fg.before_a_time, "提前3天办结。", "3天", False),
    (fg.before_a_time, "听证材料于听证会召开前10日送达。", "10日", False),  # a lead time before an event
    (fg.before_a_time, "会议召开前3名代表发言。", "3名", True),  # not a time: a rank
    (fg.before_a_time, "每月前10日报送。", "10日", True),  # a span of the month, not a lead time
    (fg.not_a_chinese_numeral, "百件小事。", "百件", True),
    (fg.not_a_chinese_numeral, "检查十二次。", "十二次", False),
    (fg.not_a_chinese_numeral, "检查十次。", "十次", False),
    (fg.not_a_chinese_numeral, "千家万户。", "千家", True),
    (fg.not_a_chinese_numeral, "参训近千人次。", "千人次", False),  # a round amount under its qualifier
    (fg.not_a_chinese_numeral, "覆盖群众近万人次。", "万人次", False),  # 万 too, now that it reads as 10000
    (fg.not_a_chinese_numeral, "逾千人参加。", "千人", False),
    (fg.vague_amount, "组织数十家单位参加。", "十家", True),
    (fg.vague_amount, "组织十家单位参加。", "十家", False),
    (fg.set_phrase, "增强四个意识。", "四个", True),
    (fg.set_phrase, "落实三项制度。", "三项", True),
    (fg.set_phrase, "涉及四个部门。", "四个", False),
    (fg.one_in_a_word, "开展新一轮督察。", "一轮", True),
    (fg.one_in_a_word, "统一部署。", "一部", True),
    (fg.one_in_a_word, "形成一个方面的经验。", "一个", True),
    (fg.one_in_a_word, "召开一次会议。", "一次", False),  # 次 counts events
    (fg.one_in_a_word, "全年仅一件。", "一件", False),  # after 仅: a count, whatever the unit
    (fg.one_in_a_word, "全年召开常务会议一次", "一次", False),  # the text ends after it: still a count
    (fg.calendar_year, "2024年,全区坚持依法行政。", "2024年", True),
    (fg.calendar_year, "1998年出台。", "1998年", True),
    (fg.calendar_year, "0300年", "0300年", True),  # four digits, whatever the value
    (fg.calendar_year, "连续3年获评先进。", "3年", False),  # a span: dropped later, not a year
    (fg.years_in_a_name, "开展三年行动。", "三年", True),
    (fg.years_in_a_name, "近5年来,败诉率下降。", "近5年", True),
    (fg.years_in_a_name, "5年内完成。", "5年内", False),
    (fg.month_or_day, "3月底前报送。", "3月", True),
    (fg.month_or_day, "于9月30日前完成。", "30日", True),
    (fg.month_or_day, "答复期限为3个月。", "3个月", False),
    (fg.month_or_day, "办结用时12日。", "12日", False),
    (fg.anniversary, "庆祝成立70周年。", "70周", True),
    (fg.anniversary, "集中培训3周。", "3周", False),
    (fg.service_hours, "提供7×24小时服务。", "24小时", True),
    (fg.service_hours, "24小时内答复。", "24小时内", False),
    (fg.not_a_count_of_times, "实行一次性告知。", "一次", True),
    (fg.not_a_count_of_times, "学习二十届三次、四次全会精神。", "三次", True),
    (fg.not_a_count_of_times, "召开全会3次。", "3次", False),
    (fg.not_a_count_of_times, "212名参加考试,209名一次通过。", "一次", True),  # at the first attempt
    (fg.not_a_count_of_times, "群众办事一次办结。", "一次", True),
    (fg.not_a_count_of_times, "全年召开一次,通过决议3项。", "一次", False),  # a clause mark between
    (fg.sample_size_beside_a_rank, "在全国100个城市中排名第八名。", "100个", True),
    (fg.sample_size_beside_a_rank, "覆盖100个城市。", "100个", False),
    (fg.sample_size_beside_a_rank, "败诉率6.8%,位列全省14个设区市第三。", "14个", True),  # the verb before, 第三 after
    (fg.in_a_file_name, "附件:1.主要指标完成情况表(共12项).xlsx", "12项", True),
    (fg.in_a_file_name, "附件:2.全年办理案件86件.pdf", "86件", True),
    (fg.in_a_file_name, "完成指标12项。详见附件.xlsx", "12项", False),  # a sentence ends first
    (fg.in_a_document_title, "相关推荐\n某开发区2025年优化营商环境十条措施\n", "十条", True),  # a related link
    (fg.in_a_document_title, "2025年出台优化营商环境措施10条。", "10条", False),  # a sentence
    (fg.in_a_document_title, "（二）2025年推行十项措施\n", "十项", False),  # a heading: no kind of document at its end
    (fg.sample_size_beside_a_rank, "位居全省前列,建成示范点14个。", "14个", False),  # another clause
    (fg.not_a_score_or_age, "十分重要。", "十分", True),
    (fg.not_a_score_or_age, "9点30分开始。", "30分", True),
    (fg.not_a_score_or_age, "60岁以上人员。", "60岁以上", True),
    (fg.not_a_score_or_age, "考核得分94.5分。", "94.5分", False),
    (fg.not_a_score_or_age, "平均年龄49.2岁。", "49.2岁", False),
    (fg.two_kinds, "用蒙汉两种文字公开。", "两种", True),
    (fg.two_kinds, "修订文书格式12种。", "12种", False),
    (fg.in_title_or_quote, "提出的“省局执法人员人均培训不足五十学时”问题。", "不足五十学时", False),  # a statement
    (fg.in_title_or_quote, "推行“首问负责、一次告知、限时办结”制度。", "一次", True),  # a slogan's parts
    (fg.part_of_a_range, "办理时限为5-7个工作日。", "7个工作日", True),
    (fg.part_of_a_range, "一般事项承诺3至5个工作日办结。", "5个工作日", True),
    (fg.part_of_a_range, "疑难诉求一般5-7日内答复。", "7日内", True),
    (fg.part_of_a_range, "每年一至两次。", "两次", True),
    (fg.part_of_a_range, "审核用时3个至5个工作日。", "3个", True),  # the lower end with its own unit
    (fg.part_of_a_range, "审核用时3个至5个工作日。", "5个工作日", True),
    (fg.part_of_a_range, "出资1.2-1.5万元。", "1.5万元", True),
    (fg.part_of_a_range, "第2至3批名单已公布。", "3批", True),
    (fg.part_of_a_range, "由3件到5件。", "5件", False),  # from one level to another: 3件 is prior
    (fg.part_of_a_range, "由3件到5件。", "3件", False),
    (fg.part_of_a_range, "办理时限由5至7个工作日压缩至2个工作日内。", "7个工作日", True),  # 由 before a range
    (fg.part_of_a_range, "办理时限由5至7个工作日压缩至2个工作日内。", "2个工作日内", False),
    (fg.part_of_a_range, "审核时限由15个工作日压缩至5个工作日。", "5个工作日", False),
    (fg.part_of_a_range, "统一到3个平台。", "3个", False),  # 统一 is a word, not a lower end
    (fg.part_of_a_range, "调解成功8,745件，至12月底。", "8,745件", False),
    (fg.part_of_a_range, "满意率保持在百分之九十至百分之九十五。", "百分之九十", True),  # both ends in words
    (fg.part_of_a_range, "满意率保持在百分之九十至百分之九十五。", "百分之九十五", True),
    (fg.part_of_a_range, "满意率由百分之九十提高到百分之九十五。", "百分之九十", False),  # a change of level
]


def candidate(sentence: str, figure: str) -> Candidate:
    """The number match that overlaps the first place `figure` is written in `sentence`."""
    doc = Doc.of(sentence)
    at = sentence.index(figure)
    for m in QUANTITY_PATTERN.finditer(doc.folded):
        if is_number_match(m) and m.start() < at + len(figure) and m.end() > at:
            return Candidate.of(doc, m)
    raise AssertionError(f"no number match at {figure!r} in {sentence!r}")


@pytest.mark.parametrize(
    ("rule", "sentence", "figure", "rejects"),
    ROWS,
    ids=[f"{r.__name__}-{s}-{'rejects' if x else 'passes'}" for r, s, _, x in ROWS],
)
def test_rule(rule: Rule, sentence: str, figure: str, rejects: bool) -> None:
    assert rule(candidate(sentence, figure)) is rejects


def test_every_rule_has_a_rejected_and_a_passed_row() -> None:
    for rule in NOT_A_FIGURE:
        decisions = {rejects for r, _, _, rejects in ROWS if r is rule}
        assert decisions == {True, False}, rule.__name__


def test_a_rejected_row_is_no_figure() -> None:
    """is_figure_match is the rules' disjunction: whatever one rule rejects is not a figure."""
    for rule, sentence, figure, rejects in ROWS:
        if rejects:
            c = candidate(sentence, figure)
            assert fg.is_figure_match(c.doc, c.m) == (False, c.lead), (rule.__name__, sentence)
