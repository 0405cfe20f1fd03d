"""Build input.docx, a minimal Word document for the extraction gold (stdlib only).

Run from anywhere: ``python tests/extract/samples/docx/make_docx.py``. The output is byte-for-byte
deterministic: fixed member order, fixed timestamps, no compression.

The body is a list of blocks. A block is either a paragraph, given as a list of runs (one string is one
run, so a figure can be split across runs the way Word splits text on editing), or a table, given as a
list of rows of cell strings. BR inside a run list inserts a line break (<w:br/>) inside the paragraph.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).with_name("input.docx")
FIXED_TIME = (2025, 2, 28, 9, 0, 0)
BR = object()

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

BLOCKS: list = [
    ["澜州市市场监督管理局2024年法治政府建设年度报告"],
    [
        "2024年，市市场监管局在市委、市政府的坚强领导下，深入学习贯彻习近平法治思想，"
        "围绕建设统一开放、竞争有序的市场体系，扎实推进法治市场监管建设。现将有关情况报告如下："
    ],
    ["一、2024年推进法治政府建设的主要举措和成效"],
    ["（一）依法全面履行市场监管职能。"],
    ["深化商事制度改革，全市新设立经营主体8.93万户，其中企业2.61万户。"],
    ["推进“证照分离”改革全覆盖，涉企经营许可事项全部实行清单管理。"],
    ["实施信用风险分类监管，“双随机、一公开”抽查覆盖率达8.6%，抽查结果100%按时公示。"],
    ["（二）严格规范公正文明执法。"],
    ["全系统现有持证行政执法人员1583名，法制审核人员96名，执法人员人均培训68学时。"],
    # A figure split across runs, as Word does after an edit.
    ["全年查办各类违法案件", "41", "26件，罚没款8270.6万元，近两年主要执法数据见下表。"],
    [
        ["指标", "2023年", "2024年"],
        ["查办违法案件", "3958件", "4126件"],
        ["罚没款", "7915.2万元", "8270.6万元"],
        ["移送司法机关", "31件", "27件"],
        ["轻微违法不予处罚", "412件", "538件"],
        ["行政复议被纠错", "5件", "3件"],
        ["行政诉讼败诉", "2件", "0件"],
        ["重大执法决定法制审核率", "98.5%", "100%"],
    ],
    ["开展行政执法案卷评查2次，评查案卷600卷，优秀率达到85%以上。"],
    ["（三）推进依法科学民主决策。"],
    ["起草、审核部门行政规范性文件7件，合法性审核率100%，均按规定报市政府备案。"],
    [
        "局法律顾问和公职律师全年审查合同协议153份，出具法律意见书87份，",
        BR,
        "参与重大执法决定法制审核214件。",
    ],
    ["（四）自觉接受监督。"],
    ["承办市人大代表建议31件、市政协提案44件，办结率、满意率均为100%。"],
    ["主动公开政府信息1.07万条，办理政府信息公开申请19件。"],
    ["处理12315投诉举报11.4万件，为消费者挽回经济损失3200余万元。"],
    ["（五）依法化解行政争议。"],
    ["全年发生行政复议案件46件、行政诉讼案件21件，局负责人出庭应诉率100%。"],
    ["二、党组书记、局长履行推进法治建设第一责任人职责情况"],
    ["局党组书记、局长切实履行推进法治建设第一责任人职责，主持召开局党组会议、局长办公会议研究法治建设工作9次。"],
    ["带头参加局党组理论学习中心组法治专题学习6次，带头旁听庭审1次。"],
    ["将履行推进法治建设第一责任人职责情况纳入年终述职，局领导班子成员年度述法实现全覆盖。"],
    ["三、存在的不足和原因"],
    [
        "一是基层执法人员业务能力与新形势新任务的要求还有差距；二是部分领域执法标准不统一，"
        "自由裁量权行使不够规范；三是网络交易等新业态监管手段不足。"
    ],
    [
        "上述问题的原因主要在于：机构改革后执法队伍整合时间较短，人员来源多元、专业背景差异大，"
        "系统化培训不够；新业态监管的法律依据相对滞后，监管技术投入不足。"
    ],
    ["四、2025年工作安排"],
    ["（一）持续深化法治市场监管建设，全面落实行政裁量权基准制度。"],
    ["（二）加强执法队伍专业化建设，分层分类开展执法人员培训。"],
    ["（三）加强网络交易等新业态监管的制度供给和技术支撑。"],
    ["五、其他需要报告的情况"],
    ["2024年，市市场监管局被评为全省市场监管系统法治建设先进集体。本年度无其他需要报告的情况。"],
    ["澜州市市场监督管理局"],
    ["2025年2月28日"],
]


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(runs: list) -> str:
    body = "".join("<w:r><w:br/></w:r>" if r is BR else _run(r) for r in runs)
    return f"<w:p>{body}</w:p>"


def _table(rows: list[list[str]]) -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in rows[0])
    trs = "".join(
        "<w:tr>"
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{_paragraph([c])}</w:tc>' for c in row)
        + "</w:tr>"
        for row in rows
    )
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{trs}</w:tbl>"
    )


def document_xml() -> str:
    parts = [_table(b) if isinstance(b[0], list) else _paragraph(b) for b in BLOCKS]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
        f"<w:body>{''.join(parts)}<w:sectPr/></w:body></w:document>"
    )


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def build(out: Path = OUT) -> None:
    members = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", document_xml()),
    ]
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED  # stored, not deflated: no dependence on the zlib version
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
