"""Where the report starts on a page that first ends another document (a gazette issue), on pages laid
out as PDFium reads them. The real PDF is tests/extract/layouts/pdf-gazette-previous-tail."""

from __future__ import annotations

from hulifa.extract.pdf import Line, Page, normalise

BODY = 13.0


def _line(text: str, top: float, size: float = BODY, x0: float = 60.0, x1: float = 530.0) -> Line:
    return Line(text, x0, x1, top, size)


def _report(top: float) -> list[Line]:
    return [
        _line("一、2025年度推进法治政府建设的主要举措和成效", top, x1=380),
        _line("全年办理行政复议案件6件，查处违法用地案件47件。", top - 20, x1=420),
        _line("二、存在的不足和原因", top - 40, x1=200),
    ]


def _text(lines: list[Line]) -> str:
    return normalise([Page(842.0, tuple(lines))]).text


def test_the_previous_documents_tail_above_the_title_is_not_the_report() -> None:
    lines = [
        _line("沅陵市人民政府公报", 800, size=22, x0=180, x1=420),
        _line("……全年新培育专精特新企业40家以上，建成标准化厂房12万平方米。", 770, x1=520),
        _line("沅陵市人民政府办公室", 750, x0=400),
        _line("2026年3月20日", 730, x0=430),
        _line("（此件公开发布）", 710, x0=430),
        _line("沅陵市自然资源局2025年度法治政府建设", 680, size=18, x0=120, x1=480),
        _line("情况报告", 655, size=18, x0=250, x1=330),
        *_report(620),
    ]
    text = _text(lines)
    assert text.startswith("沅陵市人民政府公报\n沅陵市自然资源局2025年度法治政府建设\n情况报告\n")
    assert "40家" not in text and "2026年3月20日" not in text
    assert "查处违法用地案件47件" in text


def test_a_title_with_nothing_dated_above_it_keeps_what_is_there() -> None:
    # a red-head document: the issuing body's name in large type and its number, no previous document
    lines = [
        _line("沅陵市自然资源局文件", 800, size=26, x0=150, x1=450),
        _line("沅自然资发〔2026〕8号", 760, x0=230, x1=370),
        _line("沅陵市自然资源局2025年度法治政府建设情况报告", 720, size=18, x0=100, x1=500),
        *_report(690),
    ]
    assert "沅自然资发〔2026〕8号" in _text(lines)


def test_a_dated_line_above_a_heading_that_is_no_report_title_stays() -> None:
    # the larger line is a part's heading, not a 报告's title: nothing before it is taken for a tail
    lines = [
        _line("全年新培育企业40家，建成厂房12万平方米。", 800, x1=400),
        _line("2026年3月20日", 780, x0=430),
        _line("第一部分 工作情况", 750, size=18, x0=200, x1=400),
        *_report(720),
    ]
    assert "40家" in _text(lines)
