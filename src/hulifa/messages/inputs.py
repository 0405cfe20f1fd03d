"""Errors about a report's input, the notes the runner adds to a report, and refused outputs (input.*,
note.*, output.*, previous.*): part of INPUT (hulifa.messages.catalogue)."""

from __future__ import annotations

from hulifa.model import Text

CATALOGUE: dict[str, Text] = {
    "input.commitment.id": Text(
        "承诺 id「{cid}」应唯一,且只含字母、数字、_ . -",
        "commitment id '{cid}' must be unique and use letters, digits, _ . - only",
    ),
    "input.commitment.decimal": Text(
        "承诺 id {cid} 是小数:YAML 把 1.10 读作 1.1,两个 id 会合而为一。请加引号,如 \"{cid}\"",
        "commitment id {cid} is a decimal number, and YAML reads 1.10 as 1.1, so two ids could become one:"
        ' quote it, as "{cid}"',
    ),
    "input.commitment.list": Text(
        "commitments 应为列表:[{{id: c1, text: …}}]",
        "commitments must be a list: [{{id: c1, text: …}}]",
    ),
    "input.commitment.progress_shape": Text(
        "commitments_progress 应为「承诺 id: 进展」的映射",
        "commitments_progress must be a mapping of commitment id: progress",
    ),
    "input.commitment.progress_text": Text("进展应为文本(或 {{text: …}})", "progress must be text (or {{text: …}})"),
    "input.commitment.shape": Text(
        "每项承诺应为 {{id, text}} 映射,且 text 不能为空",
        "each commitment must be a mapping {{id, text}} with a non-empty text",
    ),
    "input.directory.no_reports": Text(
        "目录中没有报告数据文件(*.yaml)",
        "no report-data files (*.yaml) in this directory",
    ),
    "input.docx.bomb": Text(
        "word/document.xml 解压后超过 {limit} 字节(压缩炸弹?);如确需检查,请设置 HULIFA_MAX_BYTES",
        "word/document.xml inflates to over {limit} bytes (a zip bomb?); set HULIFA_MAX_BYTES to raise the limit",
    ),
    "input.docx.invalid": Text("不是有效的 .docx 文件: {exc}", "not a valid .docx file: {exc}"),
    "input.docx.xml": Text("word/document.xml 无法解析: {exc}", "word/document.xml is not well-formed: {exc}"),
    "input.encoding.corrupt_bom": Text(
        "{label} 文件已损坏:以字节序标记开头,但内容无法按 {label} 解码",
        "corrupt {label} file: it starts with a byte-order mark but does not decode as {label}",
    ),
    "input.encoding.neither": Text(
        "无法解码:既不是 UTF-8 也不是 GB18030(或 UTF-16);请用 --encoding 指定编码,可能是:{names}",
        "cannot decode: neither UTF-8 nor GB18030 (nor UTF-16); name the encoding with --encoding, perhaps one of: "
        "{names}",
    ),
    "input.encoding.not_text": Text(
        "「{shown}」不是文本编码;请用 utf-8、gb18030、big5 等",
        "'{shown}' is not a text encoding; use one such as utf-8, gb18030 or big5",
    ),
    "input.encoding.undecodable": Text(
        "无法按 {encoding} 解码(第 {start} 字节)",
        "cannot decode as {encoding} (byte {start}): {reason}",
    ),
    "input.encoding.unknown": Text(
        "既不是 UTF-8,按 GB18030 读出的也不像中文(如「{odd}」);请用 --encoding 指定编码,可能是:{names}",
        "neither UTF-8 nor plausible GB18030 Chinese (it would read '{odd}'); name the encoding with --encoding, "
        "perhaps one of: {names}",
    ),
    "input.env.max_bytes": Text(
        "环境变量 HULIFA_MAX_BYTES 设为「{shown}」;应为正整数字节数(如 {example}),或不设置",
        "HULIFA_MAX_BYTES is set to '{shown}'; it must be a positive whole number of bytes (e.g. {example}), or unset",
    ),
    "input.env.max_pages": Text(
        "环境变量 HULIFA_MAX_PAGES 应为正整数(页数上限),现为「{raw}」",
        "HULIFA_MAX_PAGES must be a positive whole number (the page limit); it is '{raw}'",
    ),
    "input.file.directory": Text("这是一个目录,不是文件", "this is a directory, not a file"),
    "input.file.missing": Text("文件不存在", "no such file"),
    "input.file.not_regular": Text(
        "不是普通文件({kind}),拒绝读取;数据流请用 - 或 <(…) 传入",
        "not a regular file ({kind}); refused. Pass a stream as - or <(…)",
    ),
    "input.file.permission": Text("没有读取权限", "permission denied"),
    "input.file.too_large": Text(
        "文件过大({size} 字节,上限 {limit});如确需检查,请设置 HULIFA_MAX_BYTES",
        "file too large ({size} bytes, limit {limit}); set HULIFA_MAX_BYTES to raise the limit",
    ),
    "input.file.unreadable": Text("无法读取文件:{strerror}", "cannot read file: {strerror}"),
    "input.form.archive": Text(
        "这是压缩包({kind}),不是报告;请解压后提取其中的报告",
        "this is an archive ({kind}), not a report; unpack it and extract the report inside",
    ),
    "input.form.image": Text(
        "这是一张图片({kind}),没有可读的文字;请先做文字识别(OCR),把识别出的文字存为 .txt 再提取,并逐项核对数字",
        "this is a picture ({kind}) with no text to read; run OCR on it first, save the text as .txt and extract "
        "that, checking every figure against the picture",
    ),
    "input.form.mhtml_empty": Text(
        "保存的网页(MHTML)里没有网页本身(没有 text/html 部分)",
        "the saved web page (MHTML) holds no page (no text/html part)",
    ),
    "input.form.ofd": Text(
        "这是 OFD 版式文件,hulifa 读不了;请用 OFD 阅读器导出为 PDF 后再提取",
        "this is an OFD document, which hulifa cannot read; export it to PDF with an OFD reader, then extract that",
    ),
    "input.form.office": Text(
        "这是 {kind} 文件,不是 Word 文档;报告正文请用 .docx、PDF、网页或文本文件",
        "this is not a Word document but {kind} (a spreadsheet or slides); give the report as .docx, PDF, a web page "
        "or a text file",
    ),
    "input.form.ole": Text(
        "这是 Word/Excel 97-2003 或 WPS 的旧格式文件(.doc、.xls、.wps),hulifa 读不了;"
        "请在 Word 或 WPS 中另存为 .docx 或 PDF 后再提取",
        "this is an old Word/Excel 97-2003 or WPS file (.doc, .xls, .wps), which hulifa cannot read; save it as "
        ".docx or PDF in Word or WPS, then extract that",
    ),
    "input.form.pdf_stream": Text(
        "这是从管道读入的 PDF;PDF 请给出文件路径",
        "this is a PDF read from a pipe; give a PDF by its file path",
    ),
    "input.form.rtf": Text(
        "RTF 文件 hulifa 读不了;请另存为 .docx 或 PDF 后再提取",
        "hulifa cannot read RTF; save it as .docx or PDF, then extract that",
    ),
    "input.form.zip": Text(
        "这是压缩包(内有 {names}),不是 Word 文档;请解压后提取其中的报告",
        "this is a zip archive (holding {names}), not a Word document; unpack it and extract the report inside",
    ),
    "input.glob.no_match": Text("没有文件匹配此模式", "no file matches this pattern"),
    "input.pdf.cannot_start": Text("无法启动 PDF 读取进程: {exc}", "cannot start the PDF reader: {exc}"),
    "input.pdf.damaged": Text(
        "PDF 文件已损坏或不是 PDF,无法读取({detail})",
        "the PDF is damaged or not a PDF and cannot be read ({detail})",
    ),
    "input.pdf.encrypted": Text(
        "PDF 已加密,需要密码才能读取;请先解除密码保护(或另存为未加密的 PDF)再检查",
        "the PDF is encrypted and needs a password; remove the protection (save an unencrypted copy) first",
    ),
    "input.pdf.memory": Text(
        "读取 PDF 所需内存超过上限({mib} MiB),已停止(文件可能异常或为 PDF 炸弹)",
        "reading the PDF needs more than {mib} MiB of memory and was stopped (a malformed PDF or a PDF bomb)",
    ),
    "input.pdf.no_reader": Text(
        "读取 PDF 需要 pypdfium2,请重新安装 hulifa: {detail}",
        "reading PDF needs pypdfium2; reinstall hulifa: {detail}",
    ),
    "input.pdf.no_text": Text(
        "PDF 中没有可读取的文字({pages} 页均无文字层);如是扫描件,请先做 OCR(文字识别)或取得原文再检查",
        "the PDF has no text to read (none of its {pages} pages has a text layer); if it is a scan, run OCR on it or "
        "get the text version first",
    ),
    "input.pdf.not_pdf": Text("不是 PDF 文件(文件开头没有 %PDF 标记)", "not a PDF file (it does not start with %PDF)"),
    "input.pdf.scan": Text(
        "这是扫描件:PDF 没有文字层({pages} 页中 {scanned} 页为图像),无法读取其中的数字;请先做 "
        "OCR(文字识别)或取得原文再检查",
        "this PDF is a scan: it has no text layer ({scanned} of {pages} pages are images), so no figure can be read; "
        "run OCR on it or get the text version first",
    ),
    "input.pdf.time": Text(
        "读取 PDF 超过 {seconds} 秒仍未完成,已停止(文件可能异常或为 PDF 炸弹)",
        "reading the PDF took longer than {seconds} s and was stopped (a malformed PDF or a PDF bomb)",
    ),
    "input.pdf.too_many_pages": Text(
        "PDF 页数过多({pages} 页,上限 {limit});如确需检查,请设置 HULIFA_MAX_PAGES",
        "too many pages ({pages}, limit {limit}); set HULIFA_MAX_PAGES to raise the limit",
    ),
    "input.pdf.too_much_text": Text(
        "PDF 文字过多(超过 {limit} 个字符);如确需检查,请设置 HULIFA_MAX_BYTES",
        "the PDF holds too much text (over {limit} characters); set HULIFA_MAX_BYTES to raise the limit",
    ),
    "input.pdf.unmapped_fonts": Text(
        "PDF 的文字层无法识别(字体缺少 Unicode 映射),相当于扫描件;请先做 OCR(文字识别)或取得原文再检查",
        "the PDF's text layer cannot be read (its fonts have no Unicode map), so it is like a scan; run OCR on it or "
        "get the text version first",
    ),
    "input.report.date": Text("{key} 应为日期,如 2025-03-20", "{key} must be a date such as 2025-03-20"),
    "input.report.department_of": Text(
        "department_of 应为 {allowed} 之一(哪一级政府的部门),而不是「{shown}」",
        "department_of must be one of {allowed} (whose department), not '{shown}'",
    ),
    "input.report.department_of_level": Text(
        "只有 level: department 的报告才写 department_of",
        "department_of belongs only to a report with level: department",
    ),
    "input.report.indicators_shape": Text(
        "indicators 应为「指标: 数值」的映射",
        "indicators must be a mapping of indicator: value",
    ),
    "input.report.level": Text(
        "level 应为 {allowed} 之一,而不是「{shown}」",
        "level must be one of {allowed}, not '{shown}'",
    ),
    "input.report.level_guessed": Text(
        "level_guessed 应为说明文字;核对层级后删除此行",
        "level_guessed must be a short note; delete the line once the level is confirmed",
    ),
    "input.report.no_rule": Text(
        "规则包中没有适用于 {level} 级 {year} 年的规则",
        "no rule of the pack applies to a {level} report for {year}",
    ),
    "input.report.missing_field": Text("缺少必填字段「{key}」", "required field '{key}' is missing"),
    "input.report.not_mapping": Text(
        "这不是报告数据文件:顶层是{shape},应为含 region、year、indicators 的映射",
        "not a report-data file: the top level must be a mapping with region, year and indicators",
    ),
    "input.report.not_report": Text(
        "这不是报告数据文件:缺少 region、year、indicators",
        "not a report-data file: it has no region, year or indicators",
    ),
    "input.report.not_text": Text("{key} 应为文本", "{key} must be text"),
    "input.report.part_shape": Text(
        "报告部分「{shown}」的值应为 true/false 或含 evidence 的映射",
        "part '{shown}' must be true/false or a mapping with evidence",
    ),
    "input.report.present": Text("present 应为 true 或 false", "present must be true or false"),
    "input.report.region": Text("region 应为文本", "region must be text"),
    "input.report.region_code": Text(
        "region_code 应为6位行政区划代码(请加引号)",
        "region_code must be the 6-digit administrative code (quote it)",
    ),
    "input.report.sections_shape": Text("sections 应为列表或映射", "sections must be a list or a mapping"),
    "input.report.source": Text("source 应为文本(来源文件名)", "source must be text (the file it came from)"),
    "input.report.unknown_field": Text(
        "未知的字段「{shown}」(可用:{allowed}){hint}",
        "unknown field '{shown}' (allowed: {allowed}){hint}",
    ),
    "input.report.unknown_key": Text("未知的顶层字段「{shown}」{hint}", "unknown top-level key '{shown}'{hint}"),
    "input.report.unknown_keys": Text(
        "{count} 个键不是规则包「{pack}」中的指标(上限 {limit});这不像是此规则包的报告数据",
        "{count} keys are not indicators of the pack '{pack}' (limit {limit}); this does not look like report data "
        "for this pack",
    ),
    "input.report.unknown_part": Text(
        "未知的报告部分「{shown}」(可用:{allowed}){hint}",
        "unknown report part '{shown}' (allowed: {allowed}){hint}",
    ),
    "input.report.year": Text(
        "year 应为报告所属年份(如 2024),而不是「{shown}」",
        "year must be the year reported on (e.g. 2024), not '{shown}'",
    ),
    "input.text.empty": Text("文件中没有正文,无法检查", "the file holds no text: there is no report to check"),
    "input.text.no_report": Text(
        "文本中读不出报告:没有年度、报告主体、法定部分(举措成效、不足和原因、下一年安排等),也没有任何数字",
        "no report can be read from this text: no year, no reporting body, no statutory part and no figure",
    ),
    "input.text.title_attachment": Text(
        "只读到标题(年度、报告主体),没有报告正文:没有任何法定部分,也没有任何数字;正文应在附件里:{names}。"
        "请下载附件,再对附件运行 hulifa",
        "only a title was read (a year, a reporting body), no report body: no statutory part and no figure; the "
        "body must be in the attachment: {names}. Download it and run hulifa on that",
    ),
    "input.text.title_only": Text(
        "只读到标题(年度、报告主体),没有报告正文:没有任何法定部分,也没有任何数字;不能据此检查。"
        "如正文在附件或图片中,请对附件运行 hulifa",
        "only a title was read (a year, a reporting body), no report body: no statutory part and no figure, "
        "nothing to check. If the body is an attachment or a picture, run hulifa on that",
    ),
    "input.text.level_unknown": Text(
        "未能判断层级;请用 --level 指定({levels})", "the level is unknown; give it with --level ({levels})"
    ),
    "input.text.no_level": Text("{why};请用 --level 指定({levels})", "{why}; give it with --level ({levels})"),
    "input.text.no_region": Text(
        "正文中找不到报告主体(地区或部门名称);请用 --region 指定,如 --region 某某县",
        "the reporting body (region or department) is not named in the text; give it with --region",
    ),
    "input.text.no_year": Text(
        "标题和首句中找不到报告所属年度;请用 --year 指定,如 --year 2024",
        "the year reported on is not in the title or the first sentence; give it with --year, e.g. --year 2024",
    ),
    "input.text.unknown_level": Text(
        "{why}({level}),规则包尚无此层级;请用 --level 指定({levels})",
        "{why} ({level}), a level the rule pack does not know yet; give --level ({levels})",
    ),
    "input.yaml.alias_bomb": Text(
        "文档展开后超过 {limit} 个值(可能是别名炸弹),拒绝处理",
        "document expands to more than {limit} values (an alias bomb?); refused",
    ),
    "input.yaml.complex_key": Text("键必须是简单文本", "keys must be plain scalars"),
    "input.yaml.control_chars": Text(
        "文件含大量控制字符,似为二进制文件",
        "file is full of control characters; it looks binary",
    ),
    "input.yaml.duplicate_key": Text(
        "重复的键「{name}」(第一次出现在第 {line} 行);YAML 会静默保留后者,请删除其中一个",
        "duplicate key '{name}' (first at line {line}); YAML would silently keep the last one: remove one of them",
    ),
    "input.yaml.empty": Text("文件为空", "the file is empty"),
    "input.yaml.error": Text("YAML 错误:{exc}", "YAML error: {exc}"),
    "input.yaml.nesting": Text("嵌套过深,拒绝处理", "nesting too deep; refused"),
    "input.yaml.nul_bytes": Text(
        "文件含 NUL 字节,似为二进制文件,不是报告数据",
        "file contains NUL bytes; it looks binary, not report data",
    ),
    "input.yaml.syntax": Text("YAML 语法错误:{problem}{hint}", "YAML syntax error: {problem}{hint}"),
    "input.yaml.too_deep": Text("嵌套超过 {depth} 层,拒绝处理", "nesting deeper than {depth} levels; refused"),
    "input.yaml.too_many_values": Text(
        "文档超过 {limit} 个值,拒绝处理",
        "document has more than {limit} values; refused",
    ),
    "input.yaml.unknown_tag": Text(
        "未知的 YAML 标签「{shown_tag}」;报告数据与规则包不使用标签,请删去",
        "unknown YAML tag '{shown_tag}'; report data and rule packs use no tags: remove it",
    ),
    "note.encoding": Text(
        "文件不是 UTF-8,已按 {encoding} 读取;如有乱码,请用 --encoding 指定编码",
        "the file is not UTF-8; it was read as {encoding}. If the text looks garbled, name the encoding with "
        "--encoding",
    ),
    "note.level_guess": Text(
        "层级「{level}」是推断的:{why}。哪些规则适用取决于层级;请核对后删除 level_guessed,或对正文用 --level 指定",
        "the level '{level}' is a guess: {why}. Which rules apply depends on it; confirm it and delete "
        "level_guessed, or give --level for report text",
    ),
    "note.sections_unchecked": Text(
        "规则包中没有适用于 {level} 级 {year} 年报告的法定部分规则,报告是否具备法定的五项内容未作检查",
        "no statutory-part rule of the pack applies to a {level} report for {year}: whether the report has the "
        "required parts was not checked",
    ),
    "note.unread_pages": Text(
        "第 {pages} 页没有文字层(扫描图像),其中的数字未读取;请人工核对,或做 OCR 后再检查",
        "page(s) {pages} have no text layer (scanned images): figures on them were not read; check them by hand, or "
        "run OCR and check again",
    ),
    "output.created_meanwhile": Text(
        "运行期间另有程序创建了此文件;未覆盖。如需覆盖请加 --force",
        "another program created this file while hulifa ran; nothing overwritten (pass --force to overwrite it)",
    ),
    "output.directory": Text(
        "这是一个目录,不是文件:请给出其中的文件名(没有哪种输出写成目录)",
        "this is a folder, not a file: name a file in it (no output is written as a folder)",
    ),
    "output.exists": Text("文件已存在;如需覆盖请加 --force", "file exists; pass --force to overwrite it"),
    "output.is_input": Text(
        "输出文件就是输入文件之一;拒绝覆盖(--force 也不行),请换一个文件名",
        "the output is one of the input files; refused even with --force: choose another name",
    ),
    "output.write_failed": Text("无法写入:{strerror}", "cannot write: {strerror}"),
    "previous.other_report": Text(
        "{previous} 是{region}{year}年的报告,不是{expected_region}{expected_year}年的;未作年度对比",
        "{previous} is {region} {year}, not {expected_region} {expected_year}; no comparison",
    ),
    "previous.too_deep": Text("上年报告 {previous} 嵌套过深", "{previous}: too deep"),
    "previous.unreadable": Text(
        "上年报告 {file}:{line}:{column} 无法读取,未作年度对比:{message}",
        "last year's report {file}:{line}:{column} cannot be read; no comparison: {message}",
    ),
}
