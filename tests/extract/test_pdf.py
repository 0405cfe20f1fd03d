"""PDF input: the text layer, page furniture, hard wraps, page:line positions, and every bad PDF.

The PDFs are made by tests/extract/samples/pdf/make_pdfs.py (headless Chromium) and committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hulifa import messages
from hulifa.cli import app
from hulifa.errors import InputError
from hulifa.extract import extract_text
from hulifa.extract import pdf as pdfmod
from hulifa.extract.pdf import Line, Page, normalise, read_pdf
from hulifa.model import RulePack
from hulifa.reporters.json_ import expand

SAMPLES = Path(__file__).resolve().parent / "samples"
BAD = SAMPLES / "pdf"
DOCX_PDF = SAMPLES / "pdf-docx" / "input.pdf"
HULI_PDF = SAMPLES / "pdf-huli" / "input.pdf"
GB_PDF = SAMPLES / "pdf-gb18030" / "input.pdf"
PDF_SAMPLES = sorted(p.name for p in SAMPLES.glob("pdf-*") if (p / "input.pdf").is_file())


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# ----------------------------------------------------------------------------- the text layer


@pytest.fixture(scope="module")
def docx_pdf() -> pdfmod.PdfText:
    return read_pdf(DOCX_PDF)


def test_wrapped_number_is_whole_again(docx_pdf: pdfmod.PdfText) -> None:
    # the page prints "…抽查覆盖率达8." at the end of line 11 and "6%，抽查结果…" on line 12
    assert "抽查覆盖率达8.6%，抽查结果100%按时公示。" in docx_pdf.text
    start = docx_pdf.text.index("8.6%")
    assert docx_pdf.where(start) == (1, 11, docx_pdf.where(start)[2])
    assert docx_pdf.where(start + 2)[:2] == (1, 12)  # the "6" is on the next line of the page


def test_headers_footers_and_watermarks_are_dropped(docx_pdf: pdfmod.PdfText) -> None:
    lines = docx_pdf.text.splitlines()
    assert "仅供参考" not in docx_pdf.text
    assert lines.count("澜州市市场监督管理局") == 1  # the signature; the running header of 3 pages is gone
    assert not [line for line in lines if line.strip().isdigit()]  # page numbers
    assert lines[0] == "澜州市市场监督管理局2024年法治政府建设年度报告"  # the title stays


def test_page_numbers_in_words_and_rotated_watermark_dropped() -> None:
    text = read_pdf(GB_PDF).text
    assert "共3页" not in text and "第1页" not in text
    assert "松岭县人民政府网" not in text.replace("\n", "")
    assert text.count("松岭县人民政府关于２０２３年度法治政府建设情况的报告") == 1  # title kept, header gone


def test_a_paragraph_continues_across_a_page_break() -> None:
    # page 1 ends "…調解和解率30%。" on a full line; page 2 goes on "全區行政機關作為被告的…" unindented
    text = read_pdf(SAMPLES / "pdf-traditional" / "input.pdf")
    start = text.text.index("調解和解率30%。全區行政機關作為被告")
    assert text.where(start + len("調解和解率30%。")) == (2, 1, 1)
    assert "共2頁" not in text.text and "僅供參考" not in text.text


def test_the_samples_are_all_there() -> None:
    assert len(PDF_SAMPLES) == 6  # five printed by Chromium, one by fpdf2


def test_table_rows_keep_their_cells(docx_pdf: pdfmod.PdfText) -> None:
    assert "查办违法案件\t3958件\t4126件" in docx_pdf.text


def test_headings_and_indented_paragraphs_are_not_joined(docx_pdf: pdfmod.PdfText) -> None:
    lines = docx_pdf.text.splitlines()
    assert "一、2024年推进法治政府建设的主要举措和成效" in lines
    assert "（一）依法全面履行市场监管职能。" in lines


# ----------------------------------------------------------------------------- normalising


def _line(text: str, x0: float = 50, x1: float = 500, top: float = 700, size: float = 12, **kw: bool) -> Line:
    return Line(text, x0, x1, top, size, kw.get("rotated", False))


def _page(*lines: Line) -> Page:
    return Page(842, tuple(lines))


def test_number_split_across_lines_and_pages() -> None:
    body = [_line("全年新收行政复议案件1", top=700 - i) for i in range(3)]
    pages = [
        _page(_line("某县人民政府", x0=200, x1=300, top=800), *body[:1], _line("- 1 -", x0=260, x1=280, top=40)),
        _page(_line("某县人民政府", x0=200, x1=300, top=800), _line("9件，纠错率高", x1=200), _line("- 2 -", top=40)),
    ]
    text = normalise(pages)
    assert text.text == "全年新收行政复议案件19件，纠错率高\n"
    nine = text.text.index("9件")
    assert text.where(nine) == (2, 1, 1)  # line 1 of page 2: the header is not counted
    assert text.where(0) == (1, 1, 1)


def test_ragged_lines_short_of_the_margin_by_a_character_still_join() -> None:
    # left-aligned CJK: line-start rules leave a line up to a character and a half short of the margin
    pages = [
        _page(
            *[_line(f"第{i}行正文正文正文", x1=500 - (i % 3) * 6, top=700 - 20 * i) for i in range(9)],
            _line("共办理案件1", x1=490, top=500),
            _line("2件。", x1=100, top=480),
        )
    ]
    assert normalise(pages).text.endswith("共办理案件12件。\n")
    assert normalise(pages).text.count("\n") == 1


def _columns(left: list[str], right: list[str], ends: list[float] | None = None) -> Page:
    """A gazette page: a title across both columns, then the left column (x 57-285) and the right one
    (x 311-538), each read top to bottom, as PDFium gives them; `ends` are the left column's x1."""
    ends = ends or [285.0] * len(left)
    return _page(
        _line("某省水利厅2024年度法治政府建设情况报告", x0=136, x1=460, top=780, size=21),
        *[_line(t, x0=57, x1=ends[i], top=700 - 18 * i) for i, t in enumerate(left)],
        *[_line(t, x0=311, x1=538, top=700 - 18 * i) for i, t in enumerate(right)],
    )


def test_two_columns_each_join_at_their_own_margin_and_run_on() -> None:
    left = [f"{chr(0x4E00 + i)}左栏正文全年办理案件" for i in range(9)] + ["共计办理行政复议案件1"]
    right = ["2件，其中纠错3件。"] + [f"{chr(0x4E00 + i)}右栏正文全年办理案件" for i in range(9)]
    text = normalise([_columns(left, right)]).text
    # the left column's lines are full at x 285, not short of the page's margin at 538
    assert text == "某省水利厅2024年度法治政府建设情况报告\n" + "".join(left) + "".join(right) + "\n"
    assert "行政复议案件12件" in text


def test_a_column_paragraph_ends_on_a_short_line() -> None:
    left = [f"{chr(0x4E00 + i)}左栏正文全年办理案件" for i in range(9)] + ["到此为止。"]
    right = [f"{chr(0x4E00 + i)}右栏正文全年办理案件" for i in range(10)]
    ends = [285.0] * 9 + [120.0]
    text = normalise([_columns(left, right, ends)]).text
    assert text.splitlines()[1:] == ["".join(left), "".join(right)]


def test_a_full_line_a_hair_wider_than_its_column_still_runs_on() -> None:
    # Chromium sets a full line of a column a fraction of a point wider (285.7 against 285), and the
    # shorter column has as many lines either way: the gutter goes right of that line, not between it
    # and its column's other lines (where it took the page's margins), so its wrap still joins
    left = [f"{chr(0x4E00 + i)}左栏正文全年办理案件" for i in range(8)]
    left += ["邀请人大代表、政协", "委员参与执法检查26人次。"]
    right = [f"{chr(0x4E00 + i)}右栏正文全年办理案件" for i in range(8)]
    ends = [285.0] * 8 + [285.7, 150.0]
    text = normalise([_columns(left, right, ends)]).text
    assert "邀请人大代表、政协委员参与执法检查26人次。" in text
    assert text.splitlines()[1:] == ["".join(left), "".join(right)]


def test_two_columns_drawn_line_by_line_around_a_table_read_column_by_column() -> None:
    # a layout that draws a line of each column in turn, and the table across both columns last: the
    # text above the table is read left column then right, then the table, then the columns below it
    above = [(f"{chr(0x4E00 + i)}左栏上段正文办理案件", f"{chr(0x4E10 + i)}右栏上段正文办理案件") for i in range(5)]
    below = [(f"{chr(0x4E20 + i)}左栏下段正文办理案件", f"{chr(0x4E30 + i)}右栏下段正文办理案件") for i in range(5)]
    lines = [_line("某市生态环境局2025年法治政府建设年度报告", x0=136, x1=460, top=780, size=18)]
    for k, (left, right) in enumerate(above):
        lines += [_line(left, x0=57, x1=285, top=740 - 18 * k), _line(right, x0=311, x1=538, top=740 - 18 * k)]
    for k, (left, right) in enumerate(below):
        lines += [_line(left, x0=57, x1=285, top=500 - 18 * k), _line(right, x0=311, x1=538, top=500 - 18 * k)]
    lines += [
        _line("指标\t2025年\t2024年", x0=150, x1=450, top=620, size=10),
        _line("PM2.5平均浓度（微克/立方米）\t28.4\t30.3", x0=150, x1=450, top=600, size=10),
    ]
    text = normalise([_page(*lines)]).text
    assert text.splitlines() == [
        "某市生态环境局2025年法治政府建设年度报告",
        "".join(left for left, _ in above) + "".join(right for _, right in above),
        "指标\t2025年\t2024年",
        "PM2.5平均浓度（微克/立方米）\t28.4\t30.3",
        "".join(left for left, _ in below) + "".join(right for _, right in below),
    ]
    # each line keeps its place on the page as PDFium numbers it: the table's first row was drawn 22nd
    pdf = normalise([_page(*lines)])
    assert pdf.where(pdf.text.index("指标"))[:2] == (1, 22)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=60, max_value=500), min_size=16, max_size=40),
    st.integers(min_value=0, max_value=12),
)
def test_one_column_with_short_lines_and_a_signature_is_not_two(ends: list[int], signed: int) -> None:
    """Paragraph ends anywhere, and a few right-aligned lines (a signature, dates), are one column."""
    lines = [_line(f"{chr(0x4E00 + i)}正文", x1=500 if i % 3 else e, top=800 - 15 * i) for i, e in enumerate(ends)]
    lines += [_line("某县人民政府", x0=420, x1=500, top=100 - 12 * i) for i in range(signed)]
    assert pdfmod._gutter(lines) is None


def _headed(heads: list[str], body_top: float = 700.0) -> list[Page]:
    """Pages each headed by its head (in the top margin, 10.5pt), then four lines of text."""
    return [
        _page(
            _line(head, x0=300, x1=530, top=805, size=10.5),
            *[_line(f"第{n}页第{k}行正文，全年办理案件{n}{k}件。", top=body_top - 20 * k) for k in range(4)],
        )
        for n, head in enumerate(heads, 1)
    ]


@pytest.mark.parametrize("count", [3, 5])
def test_a_gazettes_two_running_heads_on_facing_pages_are_both_dropped(count: int) -> None:
    # odd pages carry the gazette's name, even ones the issue: each on half the pages only
    heads = ["沅陵市人民政府公报" if n % 2 else "2026年第4期（总第188期） 部门文件" for n in range(1, count + 1)]
    text = normalise(_headed(heads)).text
    assert "公报" not in text and "第4期" not in text
    assert text.startswith("第1页第0行正文")


def test_a_pages_first_line_below_the_heads_height_is_text() -> None:
    # page 2 has no head: its first line is text, set lower than the heads of pages 1 and 3, in another size
    pages = _headed(["沅陵市人民政府公报", "", "沅陵市人民政府公报"])
    pages[1] = _page(*[_line(f"第2页第{k}行正文。", top=790 - 20 * k) for k in range(4)])
    assert "第2页第0行正文。" in normalise(pages).text


def test_phrase_split_across_lines() -> None:
    pages = [_page(_line("行政复议纠错率高", top=700), _line("达55.6%。", x1=150, top=680))]
    assert normalise(pages).text == "行政复议纠错率高达55.6%。\n"


def test_short_heading_indented_line_and_colon_end_a_line() -> None:
    pages = [
        _page(
            _line("一、主要举措", x1=150, top=700),
            _line("依法全面履行政府职能，全年", top=680),
            _line("办理案件12件。", x0=74, x1=200, top=660),  # indented: a new paragraph
            _line("现将有关情况报告如下：", top=640),  # full, but a colon ends a lead-in
            _line("（一）依法行政", x1=150, top=620),
        )
    ]
    assert normalise(pages).text.splitlines() == [
        "一、主要举措",
        "依法全面履行政府职能，全年",
        "办理案件12件。",
        "现将有关情况报告如下：",
        "（一）依法行政",
    ]


def test_watermarks_page_numbers_radicals_and_spaces() -> None:
    pages = [
        _page(
            _line("仅供参考", x0=200, x1=300, top=400),
            _line("倾斜的水印文字", top=420, rotated=True),
            _line("依法⾏政 工作 取得 成效", x1=200, top=700),
            _line("第1页 共1页", x0=260, x1=300, top=30),
        )
    ]
    assert normalise(pages).text == "依法行政工作取得成效\n"


def test_a_page_mark_as_a_pages_last_or_first_line_is_furniture_wherever_it_stands() -> None:
    # a page laid out short (a gazette's page, a report printed page by page): the mark is no lower than
    # the text, far above the bottom margin; a bare number there may be a table's cell and stays
    pages = [
        _page(_line("第25页", x0=450, x1=490, top=500, size=10), _line("现将有关情况报告如下：", top=480)),
        _page(_line("全年受理申请31件。", x1=200, top=700), _line("第 26 页", x0=60, x1=100, top=420, size=10)),
        _page(_line("合计", x1=100, top=700), _line("12", x0=60, x1=80, top=420)),
    ]
    assert normalise(pages).text == "现将有关情况报告如下：\n全年受理申请31件。\n合计\n12\n"


def test_a_line_repeated_on_most_pages_is_furniture() -> None:
    pages = [
        _page(
            _line("XX区人民政府门户网站", x1=200, top=810),
            _line("网站水印", x1=200, top=400),
            _line(f"第{i}部分正文{i}件", x1=200, top=700),
            _line(f"{i}", x0=250, x1=260, top=810),
        )
        for i in range(1, 5)
    ]
    text = normalise(pages).text
    assert "门户网站" not in text and "水印" not in text
    assert text.count("正文") == 4  # the same body line with other figures is not furniture


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.text(alphabet="一二行政复议案件0123456789%，。", min_size=1, max_size=30), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=5),
)
def test_wraps_join_back_and_every_character_maps_to_its_place(paragraph: list[str], per_page: int) -> None:
    """A paragraph broken into full lines over pages comes back whole; each character finds its line."""
    paragraph = [piece + chr(0x4E00 + i) for i, piece in enumerate(paragraph)]  # no two lines alike
    lines = [_line(piece, top=700 - 20 * (i % per_page)) for i, piece in enumerate(paragraph)]
    pages = [_page(*lines[i : i + per_page]) for i in range(0, len(lines), per_page)]
    text = normalise(pages)
    assert text.text == "".join(paragraph) + "\n"
    offset = 0
    for i, piece in enumerate(paragraph):
        for column in range(1, len(piece) + 1):
            assert text.where(offset) == (i // per_page + 1, i % per_page + 1, column)
            offset += 1


# ----------------------------------------------------------------------------- table rows


def _transposed_table(top: float = 540) -> list[Line]:
    """A transposed table as PDFium gives it: each header cell over two lines (name, then unit), each row's
    year over two lines (2020 / 年) beside one line of its numbers set at mid height."""
    s = 12.7
    header = [_line("年度", 77, 96, top - 8, s)]
    heads = ((113, "行政复议申请", "（件）"), (190, "复议纠错率", "（％）"), (461, "主动公开信息", "（条）"))
    for x0, name, unit in heads:
        header += [_line(name, x0, x0 + 57, top, s), _line(unit, x0 + 20, x0 + 37, top - 17.2, s)]
    rows = []
    for k, (year, numbers) in enumerate((("2020", "186\t7.5\t6,420"), ("2021", "203\t8.4\t7,015"))):
        y = top - 47 - 38.3 * k
        rows += [_line(year, 76, 97, y, s), _line("年", 82, 91, y - 16.2, s), _line(numbers, 134, 501, y - 9, s)]
    return [*header, *rows]


def test_a_tables_cells_on_lines_of_their_own_are_read_as_rows() -> None:
    body = _line("全年办理行政复议案件317件，纠错率12.3%，其中近五年主要指标见下表。", 69, 527, 600, 14.7)
    text = normalise([_page(body, *_transposed_table())])
    assert text.text.splitlines()[1:] == [
        "年度\t行政复议申请（件）\t复议纠错率（％）\t主动公开信息（条）",
        "2020年\t186\t7.5\t6,420",
        "2021年\t203\t8.4\t7,015",
    ]
    # each piece keeps its page line: the unit under its name, the year's 年, a number in the numbers' line
    assert text.where(text.text.index("（件）")) == (1, 4, 1)
    assert text.where(text.text.index("2020年") + 4) == (1, 10, 1)
    assert text.where(text.text.index("6,420")) == (1, 11, len("186\t7.5\t") + 1)


def test_a_transposed_table_over_a_page_break_gives_each_cell_its_header_unit_and_year(pack: RulePack) -> None:
    body = _line("2021年，某县人民政府全年办理行政复议案件203件。", 69, 527, 700, 14.7)
    table, next_page = _transposed_table(), _transposed_table(top=780)
    pages = [_page(body, *table[:10]), _page(*next_page[:7], *next_page[10:])]  # the header repeated on page 2
    text = normalise(pages)
    ex = extract_text(text.text, pack, region="某县", level="county", year=2021)
    cells = [(f.text, f.unit, f.prior) for f in ex.figures if "\t" in f.sentence]
    assert cells == [
        ("186", "件", True),
        ("7.5", "%", True),
        ("6,420", "条", True),
        ("203", "件", False),
        ("8.4", "%", False),
        ("7,015", "条", False),
    ]


def test_tight_rows_stay_rows_and_a_top_aligned_cells_second_line_joins_its_row() -> None:
    # a Word table: no cell padding, so rows stand as close as a cell's lines; the second row has an empty
    # cell, the third a label on two lines, aligned to the top
    s = 12.0
    pages = [
        _page(
            _line("指标", 60, 90, 700, s),
            _line("2023年", 200, 240, 700, s),
            _line("2024年", 300, 340, 700, s),
            _line("行政复议（件）", 60, 150, 685, s),
            _line("31", 200, 215, 685, s),
            _line("27", 300, 315, 685, s),
            _line("败诉案件", 60, 110, 670, s),
            _line("2", 300, 308, 670, s),
            _line("出庭应诉率", 60, 125, 655, s),
            _line("95.2%", 200, 235, 655, s),
            _line("100%", 300, 330, 655, s),
            _line("（%）", 60, 90, 640, s),
        )
    ]
    assert normalise(pages).text.splitlines() == [
        "指标\t2023年\t2024年",
        "行政复议（件）\t31\t27",
        "败诉案件\t2",
        "出庭应诉率（%）\t95.2%\t100%",
    ]


def test_lines_side_by_side_on_one_baseline_or_of_a_paragraph_are_not_a_row() -> None:
    # two columns of text whose gutter is not found (too few lines): PDFium would have joined one row
    pages = [_page(_line("左栏正文全年办理案件", 57, 285, 700), _line("右栏正文全年办理案件", 311, 538, 700))]
    assert normalise(pages).text == "左栏正文全年办理案件\n右栏正文全年办理案件\n"
    # lines of one paragraph set tight overlap in height, but stand one under the other
    tight = [_line(f"第{i}行正文内容", 50, 200, 700 - 11 * i) for i in range(4)]
    assert normalise([_page(*tight)]).text.count("\t") == 0


# ----------------------------------------------------------------------------- extract and check


def test_extract_yaml_points_at_page_and_line() -> None:
    code, out, err = _cli("extract", str(DOCX_PDF))
    assert code == 0, err
    assert "enforcement_staff_count:  # 第1页第" in out  # the draft's comments in --lang, Chinese by default
    assert "value: 1583" in out
    code, out, err = _cli("extract", str(DOCX_PDF), "--lang", "en")
    assert code == 0 and "enforcement_staff_count:  # p1:" in out, err


def test_extract_json_has_page_and_line() -> None:
    code, out, err = _cli("extract", str(DOCX_PDF), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    fig = next(f for f in doc["figures"] if f["text"] == "8.6%")
    assert (fig["page"], fig["line"]) == (1, 11)


def test_check_pdf_gives_the_same_verdict_as_its_text(tmp_path: Path) -> None:
    text_copy = tmp_path / "huli.txt"
    text_copy.write_text((SAMPLES.parent.parent / "data" / "huli-2024-report.txt").read_text("utf-8"), "utf-8")
    code_pdf, out_pdf, _ = _cli("check", str(HULI_PDF), "--format", "json")
    code_txt, out_txt, _ = _cli("check", str(text_copy), "--format", "json")
    assert code_pdf == code_txt == 1
    pdf_findings = expand(json.loads(out_pdf))["reports"][0]["findings"]
    txt_findings = expand(json.loads(out_txt))["reports"][0]["findings"]
    verdict = sorted((f["rule"], f["status"], f["actual"]) for f in pdf_findings)
    assert verdict == sorted((f["rule"], f["status"], f["actual"]) for f in txt_findings)
    shortfall = next(f for f in pdf_findings if f["rule"] == "sections" or f["status"] == "shortfall")
    assert shortfall["page"] >= 1 and shortfall["line"] >= 1


@pytest.mark.parametrize("sample", PDF_SAMPLES)
def test_every_pdf_sample_gets_the_verdict_of_its_text(sample: str, pack: RulePack) -> None:
    import datetime as dt

    import yaml

    from hulifa.runner import check_file

    gold = yaml.safe_load((SAMPLES / sample / "gold.yaml").read_text(encoding="utf-8"))
    origin_gold = SAMPLES.parent / gold["origin"]
    source = origin_gold.parent / yaml.safe_load(origin_gold.read_text(encoding="utf-8"))["source"]
    today = dt.date(2026, 1, 1)
    from_pdf = check_file(str(SAMPLES / sample / "input.pdf"), pack, today=today)
    from_text = check_file(str(source), pack, today=today)
    assert from_pdf.checked and from_text.checked
    verdict = sorted((f.rule, f.status.value, f.severity.value, messages.actual(f, "zh")) for f in from_pdf.findings)
    # the text sample may be GB18030 (named by an encoding note); a PDF's text layer has no encoding
    text = [f for f in from_text.findings if f.rule != "hulifa.encoding"]
    assert verdict == sorted((f.rule, f.status.value, f.severity.value, messages.actual(f, "zh")) for f in text)
    assert all(f.page >= 1 for f in from_pdf.findings)  # every finding points at a page


def test_check_table_shows_page_and_line() -> None:
    code, out, _ = _cli("check", str(HULI_PDF), "--color", "never")
    assert code == 1
    # the compact layout (under 120 columns) says 第4页第N行; the full table input.pdf:p4:N
    assert "第4页第" in out or "input.pdf:p4:" in out


@pytest.mark.parametrize("sample", PDF_SAMPLES)
def test_pdf_figures_match_the_text_samples(sample: str, pack: RulePack) -> None:
    """The figures found in the PDF are those found in the text it was printed from."""
    import yaml

    from hulifa.extract import read_text

    gold = yaml.safe_load((SAMPLES / sample / "gold.yaml").read_text(encoding="utf-8"))
    origin_gold = SAMPLES.parent / gold["origin"]
    origin = yaml.safe_load(origin_gold.read_text(encoding="utf-8"))
    text, _ = read_text(origin_gold.parent / origin["source"], origin.get("encoding"))
    want = [(f.value, f.unit, f.bound) for f in extract_text(text, pack).figures]
    got = [
        (f.value, f.unit, f.bound) for f in extract_text(read_pdf(SAMPLES / sample / "input.pdf").text, pack).figures
    ]
    assert got == want


# ----------------------------------------------------------------------------- bad PDFs


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("scan.pdf", "这是扫描件"),
        ("encrypted.pdf", "已加密"),
        ("broken.pdf", "已损坏"),
        ("not-a-pdf.pdf", "不是 PDF"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "check"])
def test_bad_pdfs_exit_2_with_a_clear_message(name: str, says: str, command: str) -> None:
    code, out, err = _cli(command, str(BAD / name))
    assert code == 2
    assert says in out + err
    assert "Traceback" not in out + err and "internal error" not in out + err


def test_a_pdf_restricted_by_an_owner_password_is_read() -> None:
    # many portals publish PDFs encrypted with an owner password only (no copying, no printing)
    code, out, err = _cli("extract", str(BAD / "restricted.pdf"))
    assert code == 0, err
    assert "enforcement_staff_count:  # 第1页第" in out


@settings(max_examples=12, deadline=None)
@given(st.data())
def test_a_damaged_pdf_is_read_or_refused_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Bytes of a real PDF cut, flipped or overwritten: text, or an InputError; nothing else."""
    raw = bytearray(DOCX_PDF.read_bytes())
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)))
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), max_size=40))
    for where, value in edits:
        raw[where] = value
    path = tmp_path_factory.mktemp("fuzz") / "mangled.pdf"
    path.write_bytes(bytes(raw[: max(cut, 1)]) if data.draw(st.booleans()) else bytes(raw))
    try:
        text = read_pdf(path)
    except InputError as error:
        assert error.message.zh and error.message.en and error.position.line == 1
    else:
        assert text.text.strip()


def test_scan_message_in_english() -> None:
    code, out, err = _cli("check", str(BAD / "scan.pdf"), "--lang", "en", "--format", "parsable")
    assert code == 2
    assert "scan" in out + err and "OCR" in out + err


def test_a_scanned_page_among_text_pages_is_named() -> None:
    code, out, err = _cli("extract", str(BAD / "mixed-scan.pdf"))
    assert code == 0
    assert "mixed-scan.pdf:p3:1:1:" in err and "第 3 页没有文字层" in err
    assert 'region: "湖里区"' in out


def test_page_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HULIFA_MAX_PAGES", "2")
    with pytest.raises(InputError) as caught:
        read_pdf(HULI_PDF)
    assert "HULIFA_MAX_PAGES" in caught.value.message.zh and "4" in caught.value.message.en


@pytest.mark.parametrize("value", ["garbage", "0", "-1", "1.5"])
def test_a_nonsense_page_cap_is_an_error(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HULIFA_MAX_PAGES", value)
    code, _, err = _cli("extract", str(DOCX_PDF))
    assert code == 2 and "HULIFA_MAX_PAGES" in err and value in err


def test_a_pdf_on_standard_input() -> None:
    result = CliRunner().invoke(
        app, ["check", "-", "--stdin-filename", "report.pdf", "--format", "json"], input=DOCX_PDF.read_bytes()
    )
    assert result.exit_code in (0, 1), result.output
    report = expand(json.loads(result.stdout))["reports"][0]
    assert report["region"] == "澜州市市场监督管理局"
    assert all(f["file"] == "report.pdf" and f["page"] >= 1 for f in report["findings"])


def test_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HULIFA_MAX_BYTES", "100000")
    code, _, err = _cli("extract", str(HULI_PDF))
    assert code == 2 and "HULIFA_MAX_BYTES" in err


def test_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfmod, "TIMEOUT_SECONDS", 0.001)
    with pytest.raises(InputError) as caught:
        read_pdf(HULI_PDF)
    assert "PDF bomb" in caught.value.message.en


def test_memory_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfmod, "MAX_MEMORY", 16 * 1024 * 1024)
    with pytest.raises(InputError) as caught:
        read_pdf(HULI_PDF)
    assert "memory" in caught.value.message.en


def test_check_names_a_scanned_page_as_a_warning_at_its_page() -> None:
    code, out, _ = _cli("check", str(BAD / "mixed-scan.pdf"), "--format", "json")
    assert code in (0, 1)
    finding = next(f for f in expand(json.loads(out))["reports"][0]["findings"] if f["rule"] == "hulifa.pdf")
    assert (finding["status"], finding["severity"], finding["page"]) == ("unverifiable", "warning", 3)
    assert "第 3 页没有文字层" in finding["message"]


def test_a_text_pdf_has_no_unread_page_warning() -> None:
    code, out, _ = _cli("check", str(DOCX_PDF), "--format", "json")
    assert code in (0, 1)
    assert not [f for f in json.loads(out)["reports"][0]["findings"] if f["rule"] == "hulifa.pdf"]


@pytest.mark.parametrize(
    ("fmt", "says"),
    [
        ("parsable", "input.pdf:p4:1:25: [error]"),  # the 不足 part starts at column 25 of page 4's line 1
        ("sarif", '"page": 4'),
        ("github", "@p4%3A1"),  # GitHub escapes ":" in a title
        ("markdown", "input.pdf:p4:1:25"),
        ("junit", "input.pdf:p4:1:25"),
        ("html", "input.pdf:p4:1"),
    ],
)
def test_every_format_names_the_page(fmt: str, says: str) -> None:
    code, out, _ = _cli("check", str(HULI_PDF), "--format", fmt)
    assert code == 1
    assert says in out


@pytest.mark.parametrize("footer", ["- 3 -", "第3页 共9页", "共9頁 第3頁", "3/9", "— 3 —", "Page 3 of 9", "3"])
def test_a_page_number_alone_in_the_margin_goes_even_on_one_page(footer: str) -> None:
    pages = [_page(_line("正文办理案件12件。", x1=200, top=700), _line(footer, x0=280, x1=300, top=30))]
    assert normalise(pages).text == "正文办理案件12件。\n"
