"""The extraction gold must agree with its inputs (see README.md in this folder)."""

import importlib.util
import zipfile
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("check_gold", Path(__file__).with_name("check_gold.py"))
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def test_every_gold_file_matches_its_input(capsys):
    assert check_gold.main([]) == 0, capsys.readouterr().out


def test_every_heldout_gold_file_matches_its_input(capsys):
    """Held-out gold is never used for tuning, but it must still agree with its own text."""
    paths = sorted(str(p) for p in Path(__file__).parents[1].glob("heldout*/*/gold.yaml"))
    if not paths:  # between rounds: the last round was moved into samples/, which the test above checks
        pytest.skip("no held-out round in tests/extract/ right now")
    assert check_gold.main(paths) == 0, capsys.readouterr().out


def test_a_wrapped_figure_must_cross_its_line_end(tmp_path):
    (tmp_path / "input.txt").write_text("受理案件1\n9件，办结18件\n", encoding="utf-8")
    gold = (
        "source: input.txt\nencoding: utf-8\nregion: 某县\nlevel: town\nyear: 2024\nindicators: []\n"
        "sections: {measures: {present: false}, shortcomings: {present: false}, causes: {present: false},"
        " first_responsible: {present: false}, next_year: {present: false}, other: {present: false}}\n"
        "figures:\n"
        "  - {line: 1, text: '19件', value: 19, unit: 件, bound: exact, wrapped: true}\n"
        "  - {line: 1, text: '18件', value: 18, unit: 件, bound: exact, wrapped: true}\n"
    )
    (tmp_path / "gold.yaml").write_text(gold, encoding="utf-8")
    problems = check_gold.check_gold(tmp_path / "gold.yaml", set())
    assert problems == ["figures[1] '18件': wrapped, but '18件' does not cross the end of line 1"]


_SECTIONS = (
    "sections: {measures: {present: false}, shortcomings: {present: false}, causes: {present: false},"
    " first_responsible: {present: false}, next_year: {present: false}, other: {present: false}}\n"
)


def _gold(tmp_path, source, figures):
    head = f"source: {source}\nencoding: utf-8\nregion: 某县\nlevel: county\nyear: 2024\nindicators: []\n"
    (tmp_path / "gold.yaml").write_text(head + _SECTIONS + "figures:\n" + figures, encoding="utf-8")
    return check_gold.check_gold(tmp_path / "gold.yaml", set())


def test_a_figure_wrapped_over_a_page_break_resumes_on_the_line_it_names(tmp_path):
    # the page mark, a form feed with the running head, then the rest of the figure
    text = "全年受理案件1\n— 1 —\n\f某县司法局2024年法治政府建设年度报告\n9件，办结18件\n"
    (tmp_path / "input.txt").write_text(text, encoding="utf-8")
    figure = "  - {{line: 1, text: '19件', value: 19, unit: 件, bound: exact, wrapped: {}}}\n"
    assert _gold(tmp_path, "input.txt", figure.format(4)) == []
    assert _gold(tmp_path, "input.txt", figure.format("true")) == [
        "figures[0] '19件': text '19件' occurs 0 times in line 1; add or narrow `sentence`"
    ]
    assert _gold(tmp_path, "input.txt", figure.format(1)) == [
        "figures[0] '19件': wrapped 1 is neither true nor a line after 1"
    ]
    assert _gold(tmp_path, "input.txt", figure.format(9)) == [
        "figures[0] '19件': wrapped, but line 9 is past the last line (5)"
    ]


def test_a_paragraph_inside_a_content_control_is_document_text(tmp_path):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (
        "<w:p><w:r><w:t>一、主要举措</w:t></w:r></w:p>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>全年办理行政复议案件37件。</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>结案</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>35件</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>"
    )
    with zipfile.ZipFile(tmp_path / "input.docx", "w") as zf:
        zf.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
    assert check_gold.docx_text(tmp_path / "input.docx") == "一、主要举措\n全年办理行政复议案件37件。\n结案\t35件"
    figures = (
        "  - {line: null, text: 37件, value: 37, unit: 件, bound: exact, sentence: 行政复议案件37件}\n"
        '  - {line: null, text: 35件, value: 35, unit: 件, bound: exact, sentence: "结案\\t35件"}\n'
    )
    assert _gold(tmp_path, "input.docx", figures) == []


PAGE = (
    "<html><body><article><section>全年受理行政复议申请46件</section><section>审结41件</section></article>"
    "<table><tr><td>结案（件）</td><td>108</td><td>85</td></tr><tr><td>立案</td> <td>112</td></tr></table>"
    "<dl><dt>行政执法主体（个）</dt><dd>386</dd><dt>持证执法人员（名）</dt><dd>1,120</dd></dl></body></html>"
)


def test_a_page_reads_its_blocks_as_lines_and_its_cells_apart():
    lines = check_gold.html_text(PAGE).replace(check_gold.CELL, "\t").split("\n")
    assert [line for line in lines if line] == [
        "全年受理行政复议申请46件",
        "审结41件",
        "结案（件）\t108\t85",
        "立案 112",  # the page's own space between the cells stays
        "行政执法主体（个）\t386",
        "持证执法人员（名）\t1,120",
    ]


def test_a_sentence_over_adjoining_cells_is_found_with_or_without_its_tab(tmp_path):
    (tmp_path / "input.html").write_text(PAGE, encoding="utf-8")
    figures = (
        "  - {line: null, text: '108', value: 108, unit: 件, bound: exact, sentence: \"结案（件）\\t108\"}\n"
        "  - {line: null, text: '85', value: 85, unit: 件, bound: exact, sentence: '10885'}\n"  # rounds 4-12
        "  - {line: null, text: '386', value: 386, unit: 个, bound: exact, sentence: \"（个）\\t386\"}\n"
    )
    assert _gold(tmp_path, "input.html", figures) == []
    # a sentence over two sections is not one: they are two lines
    crossing = "  - {line: null, text: 41件, value: 41, unit: 件, bound: exact, sentence: 申请46件审结41件}\n"
    assert _gold(tmp_path, "input.html", crossing) == [
        "figures[0] '41件': sentence '申请46件审结41件' occurs 0 times in the document"
    ]
