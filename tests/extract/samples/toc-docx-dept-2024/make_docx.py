"""Build input.docx: a department report whose first page is a Word table of contents (stdlib only).

Run: ``python tests/extract/samples/toc-docx-dept-2024/make_docx.py``. Deterministic: fixed member order and
timestamps, no compression. The contents list is what Word writes for 引用 > 目录: a w:sdt holding a TOC
field (w:fldChar begin, w:instrText, separate) whose entries are hyperlinks with a tab and a PAGEREF page.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).with_name("input.docx")
FIXED_TIME = (2025, 3, 1, 9, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

TITLE = "溪川市生态环境局2024年法治政府建设年度报告"
CONTENTS = [
    ("一、2024年推进法治政府建设的主要举措和成效", 2),
    ("二、主要负责人履行推进法治建设第一责任人职责情况", 3),
    ("三、存在的不足和原因", 3),
    ("四、2025年推进法治政府建设的工作计划", 4),
    ("五、其他需要报告的情况", 4),
]
BODY = [
    CONTENTS[0][0],
    "全年办理生态环境行政处罚案件312件，罚没款1864.5万元，重大执法决定法制审核率100%。",
    "本局作为被申请人的行政复议案件11件，被纠错1件。",
    CONTENTS[1][0],
    "局主要负责人全年主持局党组会议专题研究法治工作6次。",
    CONTENTS[2][0],
    "一是执法装备不足；二是部分执法人员业务能力不强。究其原因，主要是经费投入有限、培训针对性不强。",
    CONTENTS[3][0],
    "力争行政处罚案件法制审核率保持100%，组织执法人员培训不少于400人次。",
    CONTENTS[4][0],
    "无。",
]


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str) -> str:
    return f"<w:p>{run(text)}</w:p>"


def field(code: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


PAGEREF = "PAGEREF _Toc{} \\h"


def contents() -> str:
    entries = []
    for i, (title, page) in enumerate(CONTENTS):
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            if i == 0
            else ""
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(CONTENTS) - 1 else ""
        entries.append(
            '<w:p><w:pPr><w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8296"/>'
            f'</w:tabs></w:pPr>{begin}<w:hyperlink w:anchor="_Toc{i}">{run(title)}<w:r><w:tab/></w:r>'
            f"{field(PAGEREF.format(i), str(page))}</w:hyperlink>{end}</w:p>"
        )
    return (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        f"<w:sdtContent>{para('目  录')}{''.join(entries)}</w:sdtContent></w:sdt>"
    )


def document() -> str:
    body = para(TITLE) + contents() + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + "".join(map(para, BODY))
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{head}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def main() -> None:
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_STORED) as z:
        for name, data in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", document()),
        ):
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data.encode("utf-8"))


if __name__ == "__main__":
    main()
