"""Writes the inputs of the scenarios beside it that are made, not typed: each PDF from its source.html
with headless Chromium (as a portal or an office prints one), the .docx from the paragraphs and table
written here (a Word table whose first column is merged down, w:vMerge). Run from the repository:
python tests/extract/layouts/make_inputs.py (needs /usr/bin/chromium with CJK fonts for the PDFs)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

DOCX_PARAGRAPHS = [
    "柘川县财政局2024年度法治政府建设情况报告",
    "2024年，县财政局深入学习贯彻习近平法治思想，依法履行财政管理职能，现将有关情况报告如下。",
    "一、2024年度推进法治政府建设的主要举措和成效",
    "全年检查会计信息质量52户，作出行政处罚7件，主动公开政府信息688条。主要指标见下表。",
]
# (category, item, 2023, 2024): a category is written once and merged down over the rows under it
DOCX_ROWS = [
    ("执法监督", "会计信息质量检查（户）", "46", "52"),
    ("", "行政处罚（件）", "9", "7"),
    ("政务公开", "主动公开信息（条）", "612", "688"),
    ("", "依申请公开（件）", "—", "14"),
]
DOCX_CLOSING = [
    "二、存在的不足和原因",
    "一是执法力量不足。究其原因，主要是专业人员短缺。",
    "三、2025年推进法治政府建设的主要安排",
    "2025年，县财政局将继续推进依法理财。",
    "柘川县财政局",
    "2025年3月18日",
]


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def _cell(text: str, merge: str) -> str:
    props = f'<w:tcPr><w:vMerge w:val="{merge}"/></w:tcPr>' if merge == "restart" else ""
    props = "<w:tcPr><w:vMerge/></w:tcPr>" if merge == "continue" else props
    return f"<w:tc>{props}{_paragraph(text) if text else '<w:p/>'}</w:tc>"


def docx() -> bytes:
    header = "<w:tr>" + "".join(_cell(t, "") for t in ("类别", "项目", "2023年", "2024年")) + "</w:tr>"
    rows = [
        "<w:tr>" + _cell(c, "continue" if not c else "restart") + "".join(_cell(t, "") for t in rest) + "</w:tr>"
        for c, *rest in DOCX_ROWS
    ]
    body = "".join(map(_paragraph, DOCX_PARAGRAPHS)) + f"<w:tbl>{header}{''.join(rows)}</w:tbl>"
    body += "".join(map(_paragraph, DOCX_CLOSING))
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'
    out = HERE / "docx-merged-category" / "input.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr("word/document.xml", xml)
    return out.read_bytes()


def pdfs() -> None:
    for source in sorted(HERE.glob("*/source.html")):
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={source.parent / 'input.pdf'}",
                str(source),
            ],
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    docx()
    pdfs()
