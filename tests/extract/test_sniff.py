"""The form of a report told by its bytes (hulifa.extract.sniff): saved pages read as their page, a PDF
or a page under any name read as what it is, and the forms hulifa cannot read refused with what to do."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clihelp import run_cli
from hulifa.errors import InputError
from hulifa.extract import extract_text, read_text
from hulifa.extract.output import to_report_yaml
from hulifa.extract.sniff import HEAD, Form, form_of
from hulifa.model import RulePack

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"
PAGE = HERE / "samples" / "html-portal" / "input.html"
HULI_PDF = HERE / "samples" / "pdf-huli" / "input.pdf"


def _draft(path: Path, pack: RulePack) -> str:
    """The draft `hulifa extract` writes, but its first line, which names the file."""
    text, _ = read_text(path)
    return to_report_yaml(extract_text(text, pack), "input").split("\n", 1)[1]


@pytest.mark.parametrize("name", ["blink.mhtml", "ie.mht"])
def test_a_saved_page_gives_the_draft_of_the_page_itself(pack: RulePack, name: str) -> None:
    assert _draft(FORMS / name, pack) == _draft(PAGE, pack)


def test_a_saved_page_with_a_header_folded_wrongly_still_gives_its_page(pack: RulePack, tmp_path: Path) -> None:
    # a continuation line without its leading space ends the headers early: the parts are found by
    # the boundary the file declared
    broken = (FORMS / "blink.mhtml").read_bytes().replace(b"?=\r\n =?utf-8", b"?=\r\n=?utf-8")
    assert broken != (FORMS / "blink.mhtml").read_bytes()
    path = tmp_path / "saved.mhtml"
    path.write_bytes(broken)
    assert _draft(path, pack) == _draft(PAGE, pack)


def test_a_saved_page_is_recognised_by_its_headers_whatever_its_name(pack: RulePack, tmp_path: Path) -> None:
    path = tmp_path / "t20250318_1234567.html"
    shutil.copy(FORMS / "blink.mhtml", path)
    assert _draft(path, pack) == _draft(PAGE, pack)


def test_a_page_saved_under_a_word_name_is_read_as_a_page(pack: RulePack, tmp_path: Path) -> None:
    path = tmp_path / "report.doc"  # portals' "Word" attachments are often a page with a .doc name
    shutil.copy(PAGE, path)
    assert _draft(path, pack) == _draft(PAGE, pack)


def test_a_saved_page_with_no_page_inside_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.mhtml"
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n"
    )
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert caught.value.message_id == "input.form.mhtml_empty"


def test_the_cli_extracts_and_checks_a_saved_page(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    run = run_cli("extract", str(FORMS / "blink.mhtml"), "-o", str(out))
    assert run.exit_code == 0, run.stderr
    assert 'region: "青禾区"' in out.read_text(encoding="utf-8")
    checked = run_cli("check", str(FORMS / "blink.mhtml"), "-f", "parsable", "--fail-on", "never")
    assert checked.exit_code == 0, checked.stderr
    assert "blink.mhtml:" in checked.stdout and "无法检查" not in checked.stdout + checked.stderr


@pytest.mark.parametrize("name", ["download.do", "report.html", "P020250331.txt"])
def test_a_pdf_under_another_name_is_read_as_a_pdf(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(HULI_PDF, path)
    as_pdf = tmp_path / "same.pdf"
    shutil.copy(HULI_PDF, as_pdf)
    renamed, named = run_cli("extract", str(path)), run_cli("extract", str(as_pdf))
    assert renamed.exit_code == named.exit_code == 0, renamed.stderr
    # the same draft, page:line positions alike, but the names of the file
    assert renamed.stdout.replace(name, "same.pdf") == named.stdout
    assert "# 第1页第" in renamed.stdout  # a PDF's page and line (第1页第3行), not a text's line
    if path.suffix != ".do":  # check reads a name it does not know as report data (YAML)
        checked = run_cli("check", str(path), "-f", "parsable", "--fail-on", "never")
        assert f"{path}:p" in checked.stdout


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
# name, bytes, the message that refuses them, a word of it in Chinese and in English
REFUSED = [
    ("report.doc", OLE, "input.form.ole", "另存为 .docx", "save it as .docx"),
    ("report.wps", OLE, "input.form.ole", "WPS", "WPS"),
    ("report.docx", OLE, "input.form.ole", "97-2003", "97-2003"),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "input.form.image", "OCR", "OCR"),
    ("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "input.form.image", "JPEG", "JPEG"),
    ("scan.gif", b"GIF89a" + bytes(20), "input.form.image", "GIF", "GIF"),
    ("scan.tif", b"II*\x00" + bytes(20), "input.form.image", "TIFF", "TIFF"),
    ("scan.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "input.form.image", "WebP", "WebP"),
    ("scan.bmp", b"BM" + bytes(60), "input.form.image", "BMP", "BMP"),
    ("report.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "input.form.rtf", "RTF", "RTF"),
    ("report.ofd", _zip("OFD.xml", "Doc_0/Document.xml"), "input.form.ofd", "OFD", "OFD"),
    ("table.xlsx", _zip("[Content_Types].xml", "xl/workbook.xml"), "input.form.office", "Excel", "Excel"),
    (
        "slides.pptx",
        _zip("[Content_Types].xml", "ppt/presentation.xml"),
        "input.form.office",
        "PowerPoint",
        "PowerPoint",
    ),
    ("reports.zip", _zip("a.pdf", "b.pdf"), "input.form.zip", "a.pdf、b.pdf", "a.pdf"),
    ("reports.rar", b"Rar!\x1a\x07\x01\x00" + bytes(20), "input.form.archive", "RAR", "RAR"),
    ("reports.7z", b"7z\xbc\xaf\x27\x1c" + bytes(20), "input.form.archive", "7z", "7z"),
]


@pytest.mark.parametrize(("name", "data", "message_id", "zh", "en"), REFUSED, ids=[case[0] for case in REFUSED])
def test_a_form_hulifa_cannot_read_is_refused_saying_what_to_do(
    tmp_path: Path, name: str, data: bytes, message_id: str, zh: str, en: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert caught.value.message_id == message_id
    zh_run, en_run = run_cli("extract", str(path)), run_cli("extract", "--lang", "en", str(path))
    assert zh_run.exit_code == en_run.exit_code == 2
    assert zh_run.stdout == en_run.stdout == ""
    assert zh_run.stderr.startswith(f"{path}:1:1: ") and zh in zh_run.stderr
    assert en_run.stderr.startswith(f"{path}:1:1: ") and en in en_run.stderr
    checked = run_cli("check", str(path), "-f", "parsable")  # check reads published reports too
    assert checked.exit_code == 2 and zh in checked.stderr


def test_a_pdf_through_a_pipe_is_read_by_check_and_refused_by_text_reading(tmp_path: Path) -> None:
    pdf = HULI_PDF.read_bytes()
    with pytest.raises(InputError) as caught:
        from hulifa.extract.textload import text_from_bytes

        text_from_bytes(pdf, "-")
    assert caught.value.message_id == "input.form.pdf_stream"
    # check writes it to a private file for the reader (hulifa.extract.pdf.report_data)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "hulifa",
            "check",
            "-",
            "--stdin-filename",
            "r.html",
            "-f",
            "parsable",
            "--fail-on",
            "never",
        ],
        input=pdf,
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    assert b"r.html:p" in run.stdout and b"Traceback" not in run.stderr


def test_a_docx_name_on_bytes_that_are_neither_zip_nor_page_says_it_is_no_word_document(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes("二〇二五年法治政府建设情况".encode())
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert caught.value.message_id == "input.docx.invalid"


@given(st.binary(max_size=HEAD + 16), st.sampled_from(["r.txt", "r.html", "r.docx", "r.mht", "r", "r.bmp", "r.doc"]))
def test_any_bytes_get_a_form_or_a_refusal(data: bytes, name: str) -> None:
    try:
        assert isinstance(form_of(data, name), Form)
    except InputError as exc:
        assert exc.message_id.startswith("input.form.")


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=200))
def test_chinese_text_is_text(text: str) -> None:
    assert form_of(text.encode("utf-8"), "report.txt") is Form.TEXT
    assert form_of(text.encode("gb18030"), "report.txt") is Form.TEXT


# ----------------------------------------------------------------------------- a title alone


@pytest.mark.parametrize(
    ("page", "message_id", "said"),
    [
        ("title-attachment.html", "input.text.title_attachment", "青禾区2024年法治政府建设年度报告.pdf"),
        ("title-iframe.html", "input.text.title_only", "附件"),
    ],
)
def test_a_page_with_a_title_alone_is_not_checked_as_a_report_that_leaves_out_everything(
    page: str, message_id: str, said: str
) -> None:
    # a portal page whose report is its attachment (a link, or a PDF in an <iframe>): its title gives
    # a year and a body, but a verdict of "every part and figure missing" would be wrong
    path = FORMS / page
    with pytest.raises(InputError) as caught:
        from hulifa.extract.output import require_report

        text, _ = read_text(path)
        from hulifa.rulepack import load_pack

        require_report(extract_text(text, load_pack(None)), str(path), text)
    assert caught.value.message_id == message_id
    extracted = run_cli("extract", str(path))
    assert extracted.exit_code == 2 and extracted.stdout == ""
    assert said in extracted.stderr
    checked = run_cli("check", str(path), "-f", "json")
    assert checked.exit_code == 2
    assert "没有报告正文" in checked.stdout and "hulifa.input" in checked.stdout and "未填报" not in checked.stdout
    english = run_cli("check", "--lang", "en", str(path))
    assert "no report body" in english.stderr


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("附件：青禾区2024年法治政府建设年度报告.pdf（下载次数：47）", ("青禾区2024年法治政府建设年度报告.pdf",)),
        ("附件1:报告.docx  附件2:附表.XLS 附件3:报告.DOC", ("报告.docx", "报告.DOC")),
        ("相关下载 2025年度报告.wps、2025年度报告.ofd、2025年度报告.wps", ("2025年度报告.wps", "2025年度报告.ofd")),
        ("见 www.example.gov.cn/a.pdfx 与 report.pdf2", ()),
    ],
)
def test_attachments_are_the_report_files_a_text_names(text: str, names: tuple[str, ...]) -> None:
    from hulifa.extract.sniff import attachments

    assert attachments(text) == names
