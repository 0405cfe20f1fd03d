"""Reading reports: encodings, HTML portal pages, .docx, Traditional characters."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from clihelp import run_cli
from hulifa.errors import InputError
from hulifa.extract import extract_text
from hulifa.extract.textload import decode_bytes, fold, html_to_text, read_text
from hulifa.model import RulePack

HULI = Path(__file__).resolve().parents[1] / "data" / "huli-2024-report.txt"

SAMPLE = "2024年,湖里区坚持依法行政。\n审查行政复议申请590件,行政机关负责人出庭应诉率100%。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "gb18030", "gbk"],
)
def test_encodings_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    text, used = read_text(path)
    assert text == SAMPLE
    assert used == encoding


def test_crlf_normalised(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    assert read_text(path)[0] == SAMPLE


def test_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(SAMPLE.encode("gb18030"))
    assert read_text(path, "gb18030") == (SAMPLE, "gb18030")
    with pytest.raises(InputError) as info:
        read_text(path, "utf-8")
    assert "r.txt:1:" in str(info.value)


def test_unknown_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"abc")
    with pytest.raises(InputError, match="not a text encoding"):
        read_text(path, "no-such-codec")


def test_undecodable_input_is_an_input_error() -> None:
    data = b"\x81\x30" * 3 + b"\xff\xfe\xfd" * 50  # neither UTF-8 nor GB18030
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert info.value.render().startswith("bad.txt:1:")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


PAGE = """<!DOCTYPE html><html><head><title>湖里区</title><meta charset="utf-8">
<style>p{color:red}</style><script>var x = "审查行政复议申请999件";</script></head>
<body><header>首页 | 政务公开</header><nav>网站地图 12345热线</nav>
<div class="tools">字号:默认 大 中 小</div><div>扫一扫在手机上查看当前页面</div>
<div class="content"><h1>湖里区人民政府关于2024年法治政府建设情况的报告</h1>
<p>2024年,湖里区坚持依法行政。</p><p>审查行政复议申请590件,<br>行政机关负责人出庭应诉率100%。</p>
<table><tr><td>指标</td><td>数值</td></tr><tr><td>案件</td><td>590件</td></tr></table>
</div><div>【打印本页】【关闭窗口】</div>
<footer>版权所有:湖里区人民政府 主办单位:湖里区政府办 闽ICP备12345678号 网站标识码3502060001</footer>
</body></html>"""


def test_html_boilerplate_is_dropped() -> None:
    text = html_to_text(PAGE)
    for junk in (
        "999件",
        "扫一扫",
        "字号",
        "默认",
        "打印本页",
        "关闭窗口",
        "版权所有",
        "ICP",
        "网站标识码",
        "首页",
        "color",
    ):
        assert junk not in text, junk
    lines = text.splitlines()
    assert lines[0] == "湖里区人民政府关于2024年法治政府建设情况的报告"
    assert "审查行政复议申请590件," in lines
    assert "行政机关负责人出庭应诉率100%。" in lines  # <br> breaks the line
    assert "案件\t590件" in lines  # a table row: cells joined by a tab


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        # a key-figure list: each term and its description are one row, whatever the markup's line breaks
        (
            "<dl>\n<dt>行政处罚案件（件）</dt>\n<dd>26418</dd>\n<dt>案卷评查合格率</dt> <dd>97.9%</dd>\n</dl>",
            ["行政处罚案件（件）\t26418", "案卷评查合格率\t97.9%"],
        ),
        # a term with two descriptions: one row of three cells
        ("<dl><dt>行政复议（件）</dt><dd>358</dd><dd>372</dd></dl><p>正文</p>", ["行政复议（件）\t358\t372", "正文"]),
        # a description with paragraphs of its own, or with no term, stays on lines of its own
        ("<dl><dt>说明</dt><dd><p>第一段</p><p>第二段</p></dd></dl>", ["说明", "第一段", "第二段"]),
        ("<dl><dd>无术语的说明</dd><dt>术语</dt></dl><p>正文</p>", ["无术语的说明", "术语", "正文"]),
    ],
)
def test_a_definition_list_reads_as_rows_of_a_table(html: str, lines: list[str]) -> None:
    assert html_to_text(html).splitlines() == lines


_PARAGRAPH = (
    "<p>全年收到行政复议申请317件，依法纠错39件，纠错率12.3%，调解和解率33.8%，"
    "行政复议化解行政争议的主渠道作用进一步发挥。</p>"
)


@pytest.mark.parametrize(
    ("html", "seen", "unseen"),
    [
        # a tab the page's CSS hides until chosen; the chosen one shown again by a longer selector
        (
            "<style>.tab-pane{display:none}.tab-pane.active{display:block}</style>"
            f'<div class="tab-pane">解读260余件</div><div class="tab-pane active">{_PARAGRAPH}</div>',
            "317件",
            "260余件",
        ),
        # its own style, the hidden attribute, a rule on a tag and class; a comment and a screen-size rule
        (f'{_PARAGRAPH}<p style="display: none">备注412件</p><div hidden>隐藏5项</div>', "317件", "412件"),
        (
            f'<style>/* x */ div.fold {{ visibility: hidden }}</style>{_PARAGRAPH}<div class="fold">折叠9条</div>',
            "317件",
            "9条",
        ),
        (
            f'<style>@media (max-width:768px){{.wide{{display:none}}}}</style><div class="wide">{_PARAGRAPH}</div>',
            "317件",
            "",
        ),
    ],
)
def test_text_a_reader_does_not_see_is_not_read(html: str, seen: str, unseen: str) -> None:
    text = html_to_text(html)
    assert seen in text and (not unseen or unseen not in text)


def test_a_report_shown_only_by_a_script_is_read_though_hidden() -> None:
    """A page whose whole article is hidden until a script shows it: nothing shown is a report, so the
    hidden text is read rather than nothing."""
    text = html_to_text(f'<div id="zoom" style="display:none">{_PARAGRAPH}</div><p>首页</p>')
    assert "317件" in text


def test_a_folded_article_is_read_whole() -> None:
    """A 展开全文 that hides all but the first paragraph: the hidden text is most of the page's, so it is
    the report, not a tab beside it, and it is read (dropped, the report lost four of its five parts)."""
    folded = f'{_PARAGRAPH}<div style="display:none">{_PARAGRAPH.replace("317", "318") * 3}</div><a>展开全文</a>'
    text = html_to_text(folded)
    assert "317件" in text and text.count("318件") == 3


def test_a_folded_huli_page_gives_the_open_pages_verdict(tmp_path: Path) -> None:
    """Through the CLI: the Huli report on a page, open and folded after its first paragraphs."""
    paragraphs = [line for line in HULI.read_text(encoding="utf-8").splitlines() if line.strip()]

    def page(shown: int) -> str:
        def html(lines: list[str]) -> str:
            return "".join(f"<p>{line}</p>" for line in lines)

        folded = f'<div class="more" style="display:none">{html(paragraphs[shown:])}</div>'
        head = '<html><head><meta charset="utf-8"></head><body><h1>报告</h1>'
        return f"{head}{html(paragraphs[:shown])}{folded}</body></html>"

    verdicts = []
    for name, shown in (("open.html", len(paragraphs)), ("folded.html", 4)):
        (tmp_path / name).write_text(page(shown), encoding="utf-8")
        run = run_cli("check", str(tmp_path / name), "--format", "parsable", "--fail-on", "never")
        assert run.exit_code == 0, run.stderr
        verdicts.append(run.stdout.replace(name, "PAGE"))
    assert verdicts[0] == verdicts[1] and verdicts[0].count("PAGE") > 10


def test_html_file_read_and_extracted(tmp_path: Path, pack) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    text, used = read_text(path)
    assert used == "gb18030"
    ex = extract_text(text, pack)
    assert ex.region == "湖里区" and ex.year == 2024
    assert {i.id: i.value for i in ex.indicators}["ar_case_count"] == 590


def _docx(paragraphs: list[str], rows: list[list[str]] | list[list[tuple[str, int]]]) -> bytes:
    """A minimal .docx: the paragraphs, then a table of the rows; a cell given as (text, n) spans n grid
    columns (w:gridSpan)."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def cell(given: str | tuple[str, int]) -> str:
        text, span = (given, 1) if isinstance(given, str) else given
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{props}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    table = "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>" for row in rows)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}>'
        f"<w:body>{body}<w:tbl>{table}</w:tbl></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def test_docx(tmp_path: Path, pack) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_docx(["2024年,湖里区坚持依法行政。", "审查行政复议申请590件。"], [["出庭应诉率", "100%"]]))
    text, used = read_text(path)
    assert used == "docx"
    assert text.splitlines() == ["2024年,湖里区坚持依法行政。", "审查行政复议申请590件。", "出庭应诉率\t100%"]
    ex = extract_text(text, pack)
    values = {i.id: i.value for i in ex.indicators}
    assert values["ar_case_count"] == 590 and values["agency_head_appearance_rate"] == 100


def test_docx_header_cell_merged_across_columns_keeps_the_columns_in_line(tmp_path: Path, pack: RulePack) -> None:
    # 项目 spans the category and item columns (w:gridSpan): read as one cell, 2024年 stood over the item
    # and 2023年 over this year's figure, so 52 was read as last year's
    path = tmp_path / "report.docx"
    rows = [
        [("项目", 2), ("2024年", 1), ("2023年", 1)],
        [("执法监督", 1), ("会计信息质量检查（户）", 1), ("52", 1), ("46", 1)],
        [("合计", 2), ("58", 1), ("—", 1)],
    ]
    path.write_bytes(_docx(["2024年县财政局执法情况如下。"], rows))
    text, _ = read_text(path)
    assert text.splitlines()[1:] == [
        "项目\t项目\t2024年\t2023年",
        "执法监督\t会计信息质量检查（户）\t52\t46",
        "合计\t合计\t58\t—",
    ]
    figures = {f.text: f for f in extract_text(text, pack).figures}
    assert (figures["52"].value, figures["52"].unit, figures["52"].prior) == (52, "户", False)
    assert figures["46"].prior


def test_docx_number_merged_across_columns_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_docx(["2024年县财政局执法情况如下。"], [[("共计", 1), ("1,286", 3)]]))
    assert read_text(path)[0].splitlines()[1] == "共计\t1,286\t\t"


def test_docx_prose_cell_merged_across_columns_is_read_once(tmp_path: Path, pack: RulePack) -> None:
    # a 公文 template: the whole report in one cell spanning the layout's two columns; repeated as a label
    # is, every figure in it was stated twice
    path = tmp_path / "report.docx"
    rows = [
        [("溪山县人民政府文件", 2)],
        [("溪政〔2026〕3号", 1), ("签发人：李明", 1)],
        [("2025年，全县共办理行政复议案件126件，组织领导干部法治培训3次，参训1,250人次。", 2)],
    ]
    path.write_bytes(_docx([], rows))
    lines = read_text(path)[0].splitlines()
    assert lines[0] == "溪山县人民政府文件\t溪山县人民政府文件"
    assert lines[2] == "2025年，全县共办理行政复议案件126件，组织领导干部法治培训3次，参训1,250人次。\t"
    texts = [f.text for f in extract_text("\n".join(lines), pack).figures]
    assert texts.count("126件") == 1 and texts.count("1,250人次") == 1


def test_broken_docx_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="docx"):
        read_text(path)


def test_fold_keeps_length_and_simplifies() -> None:
    traditional = "審查行政複議申請５９０件，復議案件登記率及依法受理率均為１００％。"
    folded = fold(traditional)
    assert len(folded) == len(traditional)
    assert folded == "审查行政复议申请590件,复议案件登记率及依法受理率均为100%。"


def test_traditional_report(pack, huli_text: str) -> None:
    from hulifa.extract.textload import _T2S

    reverse = {s: t for t, s in sorted(_T2S.items(), reverse=True)}
    traditional = "".join(reverse.get(c, c) for c in huli_text)
    assert traditional != huli_text and len(traditional) == len(huli_text)
    simplified = extract_text(huli_text, pack)
    converted = extract_text(traditional, pack)
    assert [(f.value, f.unit, f.bound, f.line, f.start) for f in converted.figures] == [
        (f.value, f.unit, f.bound, f.line, f.start) for f in simplified.figures
    ]
    assert {i.id for i in converted.indicators} == {i.id for i in simplified.indicators}
    assert converted.section_ids == simplified.section_ids
    first = converted.figures[0]
    assert traditional[first.start : first.end] == first.text  # evidence as written, in Traditional


def test_report_text_has_the_same_size_limit_as_report_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("2024年,测试区坚持…" * 200, encoding="utf-8")
    monkeypatch.setenv("HULIFA_MAX_BYTES", "1000")
    with pytest.raises(InputError, match="HULIFA_MAX_BYTES"):
        read_text(path)


# ----------------------------------------------------------------------------- an article outside the visible DOM

import json  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from hulifa.cli import app  # noqa: E402
from hulifa.extract.textload import js_unescape  # noqa: E402

SAMPLES = Path(__file__).resolve().parent / "samples"
# an empty <div id="zoom"></div> and the article where a script copies it from
HIDDEN = [
    "hidden-template-county-2024",  # a <template>
    "hidden-textarea-district-2024",  # a hidden <textarea> of escaped markup
    "hidden-jsstring-county-2024",  # innerHTML = '…' + '…' with \u4e2d, \' and \n escapes
    "hidden-json-city-2024",  # <script type="application/json">{"content": "<p>…</p>"}
]


@pytest.mark.parametrize("sample", HIDDEN)
def test_an_article_kept_for_a_script_is_read(sample: str, pack) -> None:
    text, _ = read_text(SAMPLES / sample / "input.html")
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("全年办理行政复议案件")] and "<" not in text
    assert sum(line.startswith(("一、", "二、", "三、", "四、", "五、")) for line in lines) == 5
    assert not {"hm.js", "getElementById", "innerHTML", "政策文件"} & set(re.findall(r"[\w.]+", text))
    found = {i.id for i in extract_text(text, pack).indicators}
    assert {"ar_case_count", "ar_correction_rate", "agency_head_appearance_rate"} <= found


def test_scripts_strings_are_not_text_and_a_shown_article_is_not_doubled() -> None:
    text, _ = read_text(SAMPLES / "hidden-unrelated-scripts-town-2024" / "input.html")
    assert text.count("全年办理行政复议案件17件") == 1  # shown, and kept again in `var backup`
    for word in ("UA-000000-1", "门户网站", "正在加载", "办事服务", "console", "location"):
        assert word not in text


@pytest.mark.parametrize("sample", [*HIDDEN, "hidden-unrelated-scripts-town-2024"])
def test_an_article_kept_for_a_script_through_the_cli(sample: str) -> None:
    path = str(SAMPLES / sample / "input.html")
    result = CliRunner().invoke(app, ["extract", path])
    assert result.exit_code == 0 and "  ar_case_count:" in result.stdout
    result = CliRunner().invoke(app, ["check", path, "--format", "json"])
    findings = {f["rule"]: f for f in json.loads(result.stdout)["reports"][0]["findings"]}
    assert findings["part_next_year"]["status"] == "pass"
    assert findings["agency_head_appearance_rate"]["status"] == "pass"


def _js_escape(value: str) -> str:
    """A JavaScript literal body in the forms pages write: \\xNN, \\uNNNN, \\u{…}, \\' and plain text."""
    out = []
    for i, c in enumerate(value):
        code = ord(c)
        if c in "\\'\"":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif code > 0xFFFF:
            out.append(f"\\u{{{code:x}}}")
        elif code < 0x100 and i % 2:
            out.append(f"\\x{code:02x}")
        elif code > 0x7F or code < 0x20:
            out.append(f"\\u{code:04x}")
        else:
            out.append(c)
    return "".join(out)


@given(st.text())
def test_js_unescape_inverts_json_and_javascript_escapes(value: str) -> None:
    assert js_unescape(json.dumps(value)[1:-1]) == value
    assert js_unescape(json.dumps(value, ensure_ascii=False)[1:-1]) == value
    assert js_unescape(_js_escape(value)) == value


def test_js_unescape_joins_surrogate_pairs_and_continues_lines() -> None:
    assert js_unescape("\\ud83d\\ude00 \\u4e2d\\u6587 a\\\nb \\/p") == "😀 中文 ab /p"
