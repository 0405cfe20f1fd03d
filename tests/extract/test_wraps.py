"""Hard line wraps in text copied from a PDF, joined before figures are found; positions stay the file's."""

from __future__ import annotations

import pytest

from hulifa.extract import extract_text
from hulifa.extract.wraps import Shift, line_width, unwrap
from hulifa.model import RulePack


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("办理复议案件1\n9件。\n", "办理复议案件19件。\n"),  # number_wrap: digit, digit
        ("参训12\n00人次。\n", "参训1200人次。\n"),
        ("办理复议案件19\n件。\n", "办理复议案件19件。\n"),  # digit, measure word
        ("办理复议案件19件。\n2.执法队伍。\n", "办理复议案件19件。\n2.执法队伍。\n"),  # a sentence end
        ("全年办理案件19\n2.执法队伍建设\n", "全年办理案件19\n2.执法队伍建设\n"),  # a numbered item
        ("指标\t2023年\n2024\t31件\n", "指标\t2023年\n2024\t31件\n"),  # table rows
        ("第一段没有句号\n第二段\n", "第一段没有句号\n第二段\n"),  # no fixed width: not a wrap
    ],
)
def test_unwrap(text: str, joined: str) -> None:
    assert unwrap(text)[0] == joined


def _pdf_copy(paragraphs: list[str], width: int = 36) -> str:
    """Break paragraphs at a display width, as text copied out of a PDF is."""
    lines = []
    for para in paragraphs:
        line, used = "", 0
        for char in para:
            size = 2 if ord(char) > 0x2E7F else 1
            if used + size > width:
                lines.append(line)
                line, used = "", 0
            line, used = line + char, used + size
        lines.append(line)
    return "\n".join(lines) + "\n"


# my own text
PDF_COPY = _pdf_copy(
    [
        "2024年,某某县坚持依法行政,全面推进法治政府建设。全年新收行政复议案件19件,办结率为100%,"
        "复议纠错率高达55.6%,主动公开政府信息1500条,依申请公开答复率为100%,依法全面履行政府职能。",
        "一、存在的不足",
        "执法力量不足。",
    ]
)


def test_width_is_found_only_when_lines_share_it() -> None:
    width = line_width(PDF_COPY.split("\n"))
    assert width is not None and width.size == 36
    paragraphs = [
        "这是一个长一些的句子,有十五个字以上。",
        "另一段文字也很长,但长度完全不一样的哦,还要更长一些才行。",
        "短句子也有十二个字以上吧。",
        "最后一段。",
    ]
    assert line_width(paragraphs) is None


def test_wrapped_figures_are_whole_and_point_into_the_file(pack: RulePack) -> None:
    assert "\n" in PDF_COPY.split("一、")[0].strip()  # the paragraph really is broken into lines
    ex = extract_text(PDF_COPY, pack)
    figures = {f.text.replace("\n", ""): f for f in ex.figures}
    assert figures["19件"].value == 19 and figures["55.6%"].value == 55.6
    for fig in ex.figures:  # every figure points at its own first and last character in the file
        assert PDF_COPY[fig.start] == fig.text[0] and PDF_COPY[fig.end - 1] == fig.text[-1]
        assert fig.line == PDF_COPY.count("\n", 0, fig.start) + 1
    assert {i.id: i.value for i in ex.indicators}.get("ar_correction_rate") == 55.6
    heading = next(s for s in ex.sections if s.id == "shortcomings")
    assert PDF_COPY.split("\n")[heading.line - 1] == "一、存在的不足"


def test_a_number_split_over_lines_is_one_figure(pack: RulePack) -> None:
    text = "2024年,某某县坚持依法行政。\n全年新收行政复议案件1\n9件。\n"
    ex = extract_text(text, pack)
    assert [(f.value, f.line) for f in ex.figures] == [(19, 2)]


def test_shift_maps_joined_offsets_back() -> None:
    text = "ab\ncd\nef"
    joined, removed = "abcd\nef", [2]
    shift = Shift.of(removed)
    assert [text[shift.start(i)] for i in range(len(joined))] == list("abcd\nef")
    assert shift.end(2) == 2 and shift.end(3) == 4


def _cut_every_20_characters(body: str) -> str:
    """A report whose body is cut every 20 characters; the width found must be those 20 characters."""
    lines = [body[i : i + 20] for i in range(0, len(body), 20)]
    width = line_width(lines)
    assert width is not None and width.size == 20 and width.measure is len
    return "某县2023年度法治政府建设报告\n" + "\n".join(lines) + "\n"


def test_a_copy_broken_every_n_characters_is_joined_whatever_the_digits(pack: RulePack) -> None:
    """Some copies break every N characters, so a line with half-width digits is narrower on screen
    than one without: the width is then counted in characters."""
    body = (
        "全年县委常委会会议、县政府常务会议共听取法治政府建设工作汇报7次,县政府常务会议会前学法12次。"
        "全县审核行政规范性文件19件,报备19件,报备率100%,组织执法人员培训1360人次,开展执法案卷评查2次。"
        "办理行政复议案件112件,纠错率8.9%,行政诉讼案件65件,败诉率4.6%,负责人出庭应诉率100%。"
    )
    text = _cut_every_20_characters(body)
    ex = extract_text(text, pack)
    hears = {i.id: i for i in ex.indicators}["exec_meeting_hears_fzzf_count"]
    assert hears.value == 7


def test_the_measure_more_lines_reach_is_taken(pack: RulePack) -> None:
    """A copy cut every N characters whose lines are mostly Chinese has a display width too, reached by
    the lines without digits; the lines with digits reach the character count only, and still join."""
    body = (
        "坚持以习近平法治思想为指导深入推进依法行政全面建设法治政府不断提升政府治理能力和水平"
        "全面推行行政执法公示执法全过程记录重大执法决定法制审核制度严格规范公正文明执法"
        "全年新收行政复议案件1234件审结1200件纠错率12.5%行政诉讼案件65件负责人出庭应诉率100%"
        "持续深化放管服改革优化法治化营商环境推动政务服务事项全部进驻政务服务中心实现一网通办"
    )
    text = _cut_every_20_characters(body)
    figures = {f.text.replace("\n", "") for f in extract_text(text, pack).figures}
    assert {"1234件", "1200件", "12.5%", "65件", "100%"} <= figures


def test_a_table_row_does_not_set_the_width(pack: RulePack) -> None:
    """A portal page's 索引号 table row (cells joined by a tab) is longer than the body's printed lines:
    the width is still the body's, so its lines join."""
    body = (
        "全年县委常委会会议、县政府常务会议共听取法治政府建设工作汇报7次,县政府常务会议会前学法12次。"
        "全县审核行政规范性文件19件,报备19件,报备率100%,组织执法人员培训1360人次,开展执法案卷评查2次。"
        "办理行政复议案件112件,纠错率8.9%,以本局为被告的行政诉讼案件65件,负责人出庭应诉率100%。"
    )
    lines = _cut_every_20_characters(body).split("\n")
    index_row = "索 引 号：11330925MB1234567X/2026-00018\t发布机构：某县交通运输局"
    text = "\n".join([lines[0], index_row, *lines[1:]])
    width = line_width(text.split("\n"))
    assert width is not None and width.size == 20
    assert {i.id: i.value for i in extract_text(text, pack).indicators}.get("admin_litigation_count") == 65
