"""The one place a finding becomes words: its name, message, target, stated value, gap and basis, in
Chinese or English. Every output format reads a finding's text through these functions and nothing else.

A finding carries a message id and its parameters (hulifa.model.Finding); MESSAGES holds one wording
in each language for every id, and TARGETS, VALUES and GAPS the ids whose target, stated value or gap
are not the usual ones. Templates name their parameters; a parameter that is a Text is put in the
reader's language, and a few are worked out here from the finding and its rule (see _Words).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from hulifa.model import Basis, Bound, Change, Direction, Finding, Kind, Params, Quantity, Rule, Text
from hulifa.quantity import (
    QuantityError,
    format_number,
    has_no_qualifier,
    parse_chinese_number,
    parse_quantity,
)

SECTION_NAMES = {
    "measures": Text("主要举措和成效", "measures and results"),
    "shortcomings": Text("存在的不足", "shortcomings"),
    "causes": Text("不足的原因", "causes of the shortcomings"),
    "first_responsible": Text("第一责任人履职情况", "first-responsibility duties"),
    "next_year": Text("下一年度主要安排", "next year's plan"),
    "other": Text("其他需要报告的情况", "other matters"),
}
# The one unit catalogue: a unit as rule packs and reports write it, in English (one, many). A unit
# not here is kept as written; "个" is a bare count.
UNITS: dict[str, tuple[str, str]] = {
    "件": ("case", "cases"),
    "个": ("", ""),
    "个月": ("month", "months"),
    "月": ("month", "months"),
    "人次": ("attendance", "attendances"),
    "名": ("person", "people"),
    "人": ("person", "people"),
    "学时": ("hour", "hours"),
    "小时": ("hour", "hours"),
    "工作日": ("working day", "working days"),
    "日": ("day", "days"),
    "天": ("day", "days"),
    "条": ("item", "items"),
    "次": ("time", "times"),
    "项": ("item", "items"),
    "家": ("body", "bodies"),
    "份": ("document", "documents"),
    "起": ("case", "cases"),
    "宗": ("case", "cases"),
    "例": ("case", "cases"),
    "件次": ("case", "cases"),
    "场": ("session", "sessions"),
    "场次": ("session", "sessions"),
    "期": ("session", "sessions"),
    "期次": ("session", "sessions"),
    "批": ("batch", "batches"),
    "批次": ("batch", "batches"),
    "户": ("household", "households"),
    "家次": ("visit", "visits"),
    "篇": ("article", "articles"),
    "部": ("item", "items"),
    "课时": ("hour", "hours"),
    "位": ("person", "people"),
    "年": ("year", "years"),
    "周": ("week", "weeks"),
    "分钟": ("minute", "minutes"),
    "个百分点": ("percentage point", "percentage points"),
    "元": ("yuan", "yuan"),
}
UNIT_NAMES = {unit: many for unit, (_, many) in UNITS.items()}  # the plural, as a heading or label says it
LEVEL_NAMES = {
    "province": Text("省级", "province"),
    "city": Text("市级", "city"),
    "county": Text("县级", "county"),
    "district": Text("区级", "district"),
    "town": Text("乡镇(街道)", "town or sub-district"),
    "department": Text("部门", "department"),
    "department.province": Text("省级政府部门", "provincial government department"),
    "department.city": Text("市级政府部门", "city government department"),
    "department.county": Text("县级政府部门", "county government department"),
}
DIRECTION_NAMES = {
    Direction.INCREASE: Text("应高于上年", "must rise from last year"),
    Direction.DECREASE: Text("应低于上年", "must fall from last year"),
    Direction.NOT_DECREASE: Text("不应低于上年", "must not fall below last year"),
    Direction.NOT_INCREASE: Text("不应高于上年", "must not rise above last year"),
}
# What no check can establish; said in the README, the HTML report and `rules show`.
LIMITS = Text(
    "hulifa 只把报告自述的数字与目标比对,无法核实这些数字是否属实。",
    "hulifa checks the figures a report states about itself against targets; it cannot verify that they are true.",
)

NOT_STATED = Text("未填报", "not stated")
EXACT_NEEDED = Text("需确切数值", "exact figure needed")
APPROVED = Text("经批准延长", "approval of the extension")  # what an extension needs when the pack does not say

# ------------------------------------------------------------------------------------ the catalogue
# id -> the message. {name} is the rule's (or subject's) name, {expected}, {value}, {actual} and {gap}
# the finding's target, stated value (as the report wrote it), stated value as shown, and gap.
MESSAGES: dict[str, Text] = {
    "meets": Text("达标", "meets the target"),
    "stated": Text("已填报(无目标值,不作达标判断)", "stated (no target to meet)"),
    "shortfall": Text(
        "{name}为 {actual},未达到目标 {expected}({gap})",
        "{name} is {actual}, which misses the target {expected} ({gap})",
    ),
    "shortfall.hedged": Text(
        "{name}为 {actual},未达到目标 {expected}({gap});原文为「一般」或「原则上」,允许有理由的例外:报告须说明理由",
        "{name} is {actual}, which misses the target {expected} ({gap}); the text says 'in general' or "
        "'in principle', allowing exceptions for stated reasons: the report must give them",
    ),
    "unverifiable.bound": Text(
        "报告只写「{value}」({bound_word}),无法判断是否达到 {expected};需要确切数值",
        "the report gives only {value} ({quoted}), which cannot settle {expected}; an exact figure is needed",
    ),
    "unverifiable.mean": Text(
        "报告只写平均值「{value}」:平均达到 {expected} 不能说明每一项都达到;需写明每一项均达到",
        "the report gives only an average, {quoted}, and an average cannot show that every item meets "
        "{expected}; it must say that each one does",
    ),
    "unverifiable.derived": Text(
        "由约数推算只得到「{figure}」,无法判断是否达到 {expected};需要确切数值",
        "the bounds only give {figure} (derived from {derive}), which cannot settle {expected}; "
        "an exact figure is needed",
    ),
    "within_extension": Text(
        "超过一般期限 {limit} {unit},但在法定延长期限({longest} {unit})之内:延长合法的前提是{needs};报告须写明已经批准",
        "over the normal limit of {limit_count} but within the statutory extension ({longest_count}): "
        "lawful if approved; the report must state that it was approved",
    ),
    "shared": Text(
        "「{value}」是与{bodies}共用的合计数,不能单独说明政府自身的{name}",
        "a count shared with {bodies}; it cannot settle the government's own figure",
    ),
    "problem": Text("{problem}", "{problem}"),  # the reader's own words on why a value cannot be read
    "invalid.flag": Text(
        "{name}应填 是/否 (true/false),而不是{quoted}", "{name} takes yes or no (true/false), not {quoted}"
    ),
    "invalid.figure": Text("{name}应为数值,而不是「{value}」", "{name} must be a figure, not {quoted}"),
    "invalid.date": Text("{name}应填日期,如 2025-01-20", "{name} takes a date such as 2025-01-20"),
    "unit.rate": Text("单位「{given}」不符:{name}是百分比", "unit {given_quoted} does not fit: this is a rate (%)"),
    "unit.over_100": Text("比率 {rate}% 超过 100%", "rate {rate}% is above 100%"),
    "unit.other": Text(
        "单位「{given}」与要求的「{allowed}」不符", "unit {given_quoted} does not fit the required {allowed}"
    ),
    "affirmed.no": Text("报告称{name}:否", "the report says no to: {name}"),
    "missing": Text("报告未填报「{name}」(要求 {expected})", "the report does not state {name} (required: {expected})"),
    "sections.unlisted": Text(
        "报告数据未列出 sections,无法确认是否包含此部分",
        "the report data has no 'sections', so this part cannot be confirmed",
    ),
    "section.doubt": Text("无法确认「{name}」:{doubt}", "'{name}' cannot be confirmed: {doubt}"),
    "section.present": Text("已包含", "present"),
    "section.partial": Text("「{name}」不完整:缺少{lacking}", "'{name}' is partial: no {lacking}"),
    "section.missing": Text("报告缺少「{name}」部分", "the report has no part on {lacking}"),
    "date.missing": Text(
        "未给出{field_name}({field});须在 {due} 之前", "no '{field}' date given; it is due before {due}"
    ),
    "on_time": Text("按期", "on time"),
    "late": Text("{name}日期 {date} 晚于期限({due} 之前)", "{name}: {date} is not before {due}"),
    "not_applicable": Text("不适用于{level}{year}年度报告", "does not apply to a {level} report for {year}"),
    "not_applicable.department": Text(
        "不适用于{level}{year}年度报告(报告未写 department_of,无法判断是哪一级政府的部门)",
        "does not apply to a {level} report for {year} (the report does not say department_of, so whose "
        "department it is is unknown)",
    ),
    "not_applicable.zero": Text(
        "「{other}」为 0,本项无从计算,不适用",
        "{other} is 0, so this indicator has nothing to measure and does not apply",
    ),
    "duplicate": Text(
        "「{key}」与第 {line} 行的「{first}」是同一指标,重复填报",
        "{key_quoted} is the same indicator as {first_quoted} on line {line}",
    ),
    "unknown": Text("规则包中没有指标「{key}」,未检查", "the rule pack has no indicator {key_quoted}; not checked"),
    "unknown.close": Text(
        "规则包中没有指标「{key}」,未检查;是否想写「{close}」?",
        "the rule pack has no indicator {key_quoted}; not checked; did you mean {close_quoted}?",
    ),
    "derived.over_100": Text(
        "由 {derive} 算得的比率 {figure} 超过 100%:所用数字自相矛盾",
        "the rate derived from {derive} is {figure}, above 100%: the figures contradict each other",
    ),
    "derived.stated": Text("未直接填报,由 {derive} 算得", "not stated, derived from {derive}"),
    "derived.check.over_100": Text(
        "由 {derive} 算得 {derived},超过 100%:所用数字自相矛盾",
        "{derive} gives {derived}, above 100%: the figures contradict each other",
    ),
    "derived.check.agrees": Text("与 {derive} 算得的 {derived} 一致", "agrees with {derive} = {derived}"),
    "derived.check.differs": Text(
        "报告写{name}为「{value}」,但按 {derive} 算得 {derived}(容差 ±{tolerance});"
        "请核对原始数字,hulifa 不会改动报告数值",
        "the report states {value} ({quoted}), but {derive} gives {derived} (tolerance ±{tolerance}); check the source "
        "figures: hulifa never corrects a value",
    ),
    "trend.pass": Text("上年 {previous},本年 {value}:符合「{direction}」", "{previous} → {value}: {direction}"),
    "trend.shortfall": Text(
        "{name}上年 {previous},本年 {value}({change}),而要求{direction}",
        "{name} went from {previous} to {value} ({change}); it {direction}",
    ),
    "trend.unverifiable": Text(
        "上年 {previous}、本年 {value} 含约数,无法判断是否符合「{direction}」;需要确切数值",
        "{previous} → {value} involves bounds, so “{direction}” cannot be settled; exact figures are needed",
    ),
    "part_of.pass": Text("{part}不超过{total}", "{part} does not exceed {total}"),
    "part_of.over": Text(
        "{part}({value})超过了其总数{total}({total_value}):数字自相矛盾;hulifa 不会改动报告数值",
        "{part} ({value}) exceeds its total {total} ({total_value}): the figures contradict each other",
    ),
    "part_of.unverifiable": Text(
        "{part}({value})与{total}({total_value})含约数,无法确认部分不超过总数",
        "{part} ({value}) and {total} ({total_value}) are bounds; part <= total cannot be settled",
    ),
    "commitment.progress": Text("已报告进展", "progress reported"),
    "commitment.missing": Text(
        "上年报告({then})承诺「{commitment}」,本年报告未在 commitments_progress 中说明进展(键 {key})",
        "last year's report ({then}) committed to {commitment_quoted}; this report gives no progress on it under "
        "commitments_progress (key {key})",
    ),
    "deviation.unknown_rule": Text(
        "偏差条目指向不存在的规则「{name}」,未使用",
        "the deviation names rule {name_quoted}, which does not exist; not used",
    ),
    "deviation.expired": Text(
        "「{name}」的偏差已于 {expires} 到期,不再接受;请续批或整改",
        "the deviation for '{name}' expired on {expires} and no longer accepts anything; renew it or fix the finding",
    ),
    "deviation.unused": Text(
        "「{name}」没有需要接受的问题,此偏差条目未使用;请删除",
        "'{name}' has no finding to accept; the deviation is unused: remove it",
    ),
    # free text in both languages: for test fixtures of the reporters only; hulifa itself says nothing
    # through it (tests/hostile/test_input_messages.py holds that every message in src/ has an id)
    "text": Text("{text}", "{text}"),
}
# Errors and notes about an input, said before or instead of a check: an InputError (hulifa.errors,
# exit 2) renders one of these with its parameters, and so do the notes the runner adds to a report
# (note.*, previous.*). One wording in each language per id; parameters are words already (a Text
# parameter is said in the reader's language). Kept in one block: the hostile-input work owns it.
INPUT: dict[str, Text] = {
    "config.invalid_value": Text(
        "配置项「{key}」的值无效:{message}{wanted}",
        "setting '{key}' is invalid: {message}{wanted}",
    ),
    "config.no_file": Text("配置文件不存在", "no such configuration file"),
    "config.no_table": Text("其中没有 [tool.hulifa] 表", "it has no [tool.hulifa] table"),
    "config.not_mapping": Text("配置文件的顶层应为映射", "a configuration file must be a mapping at the top"),
    "config.not_table": Text("[tool.hulifa] 应为表", "[tool.hulifa] must be a table"),
    "config.not_utf8": Text("配置文件应为 UTF-8", "a configuration file must be UTF-8: {reason}"),
    "config.toml_syntax": Text("TOML 语法错误:{message}", "TOML syntax error: {message}"),
    "config.unknown_setting": Text(
        "未知的配置项「{key}」{hint}(可用:{known})",
        "unknown setting '{key}'{hint} (known: {known})",
    ),
    "deviations.entry_shape": Text(
        "每项偏差应为含 rule、reason、approved_by、expires 的映射",
        "each deviation must be a mapping with rule, reason, approved_by and expires",
    ),
    "deviations.expires": Text(
        "expires 应为日期,如 2025-12-31,而不是「{given}」",
        "expires must be a date such as 2025-12-31",
    ),
    "deviations.list": Text(
        "deviations 应为列表,每项含 rule、reason、approved_by、expires",
        "deviations must be a list of {{rule, reason, approved_by, expires}}",
    ),
    "deviations.missing_field": Text(
        "偏差缺少「{key}」:每项须写明 rule、reason、approved_by、expires",
        "the deviation has no '{key}': every entry needs rule, reason, approved_by and expires",
    ),
    "deviations.shape": Text(
        "偏差文件应为列表,或含 deviations 列表的映射",
        "a deviations file must be a list, or a mapping with a 'deviations' list",
    ),
    "deviations.unknown_field": Text(
        "未知的偏差字段「{key}」(可用:{allowed})",
        "unknown deviation field '{key}' (allowed: {allowed})",
    ),
    "deviations.unknown_key": Text("偏差文件中未知的字段「{key}」", "unknown key '{key}' in a deviations file"),
    "deviations.year": Text("year 应为年份,如 2024", "year must be a year such as 2024"),
    "input.commitment.id": Text(
        "承诺 id「{cid}」应唯一,且只含字母、数字、_ . -",
        "commitment id '{cid}' must be unique and use letters, digits, _ . - only",
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
    "input.previous.batch": Text("--previous 只能配合单个输入文件", "--previous goes with a single input file only"),
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
    "pack.applies_if_unknown": Text(
        "applies_if 引用的「{applies_if_nonzero}」不是本规则包中其他指标的 id",
        "applies_if names '{applies_if_nonzero}', which is not another indicator id of this pack",
    ),
    "pack.basis_notes": Text(
        "指标「{rule_id}」的依据含项目内部笔记引用「{text}」;请移入 YAML 注释",
        "the basis of '{rule_id}' cites the project's own notes ('{text}'); move that to a YAML comment",
    ),
    "pack.consistency_unknown": Text(
        "consistency 引用的「{name}」不是本规则包中的指标 id",
        "consistency names '{name}', which is not an indicator id of this pack",
    ),
    "pack.deadline_format": Text("截止日期「{before}」应为 MM-DD 格式", "deadline '{before}' must be MM-DD"),
    "pack.derive_cycle": Text(
        "derive 表达式循环引用:{loop}",
        "derive expressions refer to each other in a cycle: {loop}",
    ),
    "pack.derive_not_numeric": Text(
        "指标「{rule_id}」不是数值指标,不能由表达式计算",
        "'{rule_id}' is not a numeric indicator and cannot be derived",
    ),
    "pack.derive_reads_text": Text(
        "「{name}」不是数值指标,不能用于计算",
        "'{name}' is not a numeric indicator and cannot be used in an expression",
    ),
    "pack.duplicate_id": Text("指标 id「{rule_id}」重复", "duplicate indicator id '{rule_id}'"),
    "pack.extends_cycle": Text("规则包循环继承", "rule packs extend each other in a cycle"),
    "pack.extension_kind": Text(
        "只有 at_most 要求可以有法定延长期限",
        "only an at_most requirement can have a statutory extension",
    ),
    "pack.each_kind": Text(
        "each(目标对每一项都适用)只能用于有数值目标的要求(at_least、at_most、equals、between)",
        "each (the target holds for every item) needs a requirement with a number to reach "
        "(at_least, at_most, equals, between)",
    ),
    "pack.hedged_severity": Text(
        "指标「{rule_id}」的要求有保留(一般/原则上):未达到时级别最高为 warning",
        "the target of '{rule_id}' is hedged (一般/原则上): when missed it is at most a warning",
    ),
    "pack.name_clash": Text(
        "名称或别名「{key}」同时属于「{other}」和「{rule_id}」",
        "name or alias '{key}' belongs to both '{other}' and '{rule_id}'",
    ),
    "pack.not_mapping": Text(
        "规则包应为映射(含 pack、indicators 等键)",
        "a rule pack must be a mapping (with pack, indicators, ...)",
    ),
    "pack.override_unknown": Text("覆盖了不存在的指标「{rule_id}」", "override names unknown indicator '{rule_id}'"),
    "pack.part_is_total": Text("part 与 total 不能是同一指标", "part and total must be different indicators"),
    "pack.redefined": Text(
        "指标「{rule_id}」已在被继承的规则包中定义;请在 overrides 中修改",
        "indicator '{rule_id}' is already defined by the extended pack; change it under overrides",
    ),
    "pack.same_as_unknown": Text(
        "same_as 引用的「{same_as}」不是本规则包中其他指标的 id",
        "same_as names '{same_as}', which is not another indicator id of this pack",
    ),
    "pack.schema": Text(
        "规则包格式错误,位于 {dotted}:{message}{more}",
        "malformed rule pack at {dotted}: {message}{more}",
    ),
    "pack.target_max": Text("target_max 不能小于 target", "target_max cannot be below target"),
    "pack.trend_not_numeric": Text(
        "指标「{rule_id}」不是数值指标,不能设趋势要求",
        "'{rule_id}' is not a numeric indicator and cannot have a trend",
    ),
    "pack.unconfirmed_severity": Text(
        "指标「{rule_id}」的依据为 UNCONFIRMED,级别最高为 info(不能设为 error 或 warning)",
        "indicator '{rule_id}' has an UNCONFIRMED basis: its severity is at most info (not error or warning)",
    ),
    "pack.unknown": Text(
        "没有这个规则包:既不是文件,也不是内置规则包{hint}(内置:{bundled})",
        "no such rule pack: neither a file nor a bundled pack{hint} (bundled: {bundled})",
    ),
    "pack.unknown_bundled": Text("找不到内置规则包「{name}」", "no bundled rule pack named '{name}'"),
    "pack.unknown_setting": Text("未知的设置项「{name}」", "unknown setting '{name}'"),
    "pack.unofficial_link": Text(
        "指标「{rule_id}」的依据链接 {url} 不是官方网站;请只写文件名称和文号,不附非官方链接",
        "the basis of '{rule_id}' links to {url}, which is not an official site; cite the document by name and "
        "number without the link",
    ),
    "pack.why_notes": Text(
        "指标「{rule_id}」的 why 含项目内部笔记引用;请移入 YAML 注释",
        "the 'why' of '{rule_id}' cites the project's own notes; move that to a YAML comment",
    ),
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
# Why a value, a file or an expression was refused or passed over, and the caveats of a note: quoted by
# an invalid finding (a value's `problem`, hulifa.reportdata), a skipped file (hulifa.discovery,
# hulifa.runner), a refused derive expression (hulifa.expressions), a comparison (hulifa.diff) or a
# command-line option. Worded by `reason` (or input_text) like INPUT, and apart from it so that either
# block can grow on its own; an id is in one of the two, never both.
REASONS: dict[str, Text] = {
    "check.no_paths": Text(
        "缺少要检查的路径:请给出文件、文件夹、通配符或 -(标准输入)",
        "missing PATH: name files, folders, globs or - (standard input)",
    ),
    "check.quiet_and_verbose": Text("--quiet 与 --verbose 不能同时使用", "--quiet and --verbose exclude each other"),
    "diff.regions_differ": Text("两份报告的地区不同:{old} / {new}", "the regions differ: {old} / {new}"),
    "diff.years_apart": Text("年度不相邻:{old} → {new}", "the years are not consecutive: {old} → {new}"),
    "file.device": Text("设备或套接字", "a device or socket"),
    "file.fifo": Text("命名管道(FIFO)", "a named FIFO"),
    "hint.did_you_mean": Text(";是否想写「{close}」?", "; did you mean '{close}'?"),
    "hint.tabs": Text(";YAML 不允许用制表符缩进,请改用空格", "; YAML forbids tabs for indentation: use spaces"),
    "option.level": Text("--level 应为 {choices} 之一", "--level must be one of {choices}"),
    "option.region": Text("--region 不能为空", "--region must not be empty"),
    "option.today": Text("--today 应为 YYYY-MM-DD,而不是「{shown}」", "--today must be YYYY-MM-DD, not '{shown}'"),
    "option.year": Text(
        "--year 应为报告所属年份(如 2024),而不是 {shown}", "--year must be the year reported on, not {shown}"
    ),
    "pack.more_problems": Text("(另有 {count} 处问题)", " ({count} more problems)"),
    "quantity.empty": Text("空值", "empty value"),
    "quantity.numeral": Text("无法识别的中文数字「{text}」", "cannot read the Chinese numeral '{text}'"),
    "quantity.too_large": Text("「{text}」数值过大", "'{text}' is too large to be a figure"),
    "quantity.unreadable": Text(
        "「{text}」不是可读的数值(示例: 12、1700余、90%以上、百分之九十、两次)",
        "'{text}' is not a figure hulifa can read (e.g. 12, “1700余”, “90%以上”, “百分之九十”, “两次”)",
    ),
    "quantity.zero_denominator": Text("分母为零:「{text}」", "zero denominator in '{text}'"),
    "report.level_guessed": Text("层级由名称推断", "the level was guessed from the name"),
    "shape.list": Text("列表", "a list"),
    "shape.scalar": Text("单个值", "a single value"),
    "skip.excluded": Text("已跳过:被排除规则或 .gitignore 排除", "skipped: excluded, or ignored by git"),
    "skip.not_regular": Text(
        "已跳过:不是普通文件({kind}),读取可能永远等待", "skipped: not a regular file ({kind}), it could hang"
    ),
    "skip.not_report": Text("已跳过:这是{kind},不是报告数据", "skipped: this is {kind}, not report data"),
    "skip.is.config": Text("hulifa 配置文件", "a hulifa configuration file"),
    "skip.is.deviations": Text("偏差清单", "a deviations file"),
    "skip.is.pack": Text("规则包", "a rule pack"),
    # click's usage errors, said by hulifa.cli.usage from the error's attributes (option, value, parameter)
    "usage.choose_from": Text("(可选:{choices})", " (choose from: {choices})"),
    "usage.close_commands": Text(";是否想用{names}?", "; did you mean {names}?"),
    "usage.close_options": Text("(相近的选项:{names})", " (possible options: {names})"),
    "usage.extra_arguments": Text("多余的参数:{args}", "unexpected extra arguments: {args}"),
    "usage.help": Text("运行「{command}」查看帮助。", "Try '{command}' for help."),
    "usage.invalid": Text("{param} 的值无效:{why}", "invalid value for {param}: {why}"),
    "usage.label": Text("用法", "Usage"),
    "usage.lang": Text("不支持的语言「{value}」;可用:{names}", "unknown language '{value}'; use one of {names}"),
    "usage.missing_argument": Text("缺少参数{name}", "missing argument {name}"),
    "usage.missing_command": Text("缺少命令;可用:{names}", "missing command; use one of {names}"),
    "usage.missing_option": Text("缺少选项 {name}", "missing option {name}"),
    "usage.no_such_command": Text("没有「{name}」这个命令", "no such command '{name}'"),
    "usage.no_such_option": Text("没有 {option} 这个选项", "no such option: {option}"),
    "usage.not_a_choice": Text("「{value}」不是可选值(可选:{choices})", "'{value}' is not one of {choices}"),
    "usage.not_a_number": Text("「{value}」不是数值", "'{value}' is not a number"),
    "usage.not_an_integer": Text("「{value}」不是整数", "'{value}' is not a whole number"),
    "usage.not_written": Text(
        "{command} 不输出 {fmt} 格式;可用:{names}", "{command} does not write {fmt}; use one of {names}"
    ),
    "usage.other": Text("命令行有误:{why}", "{why}"),
    "usage.out_of_range": Text("{value} 超出范围:应{range}", "{value} is out of range: it must be {range}"),
    "usage.range.above": Text("大于 {limit}", "more than {limit}"),
    "usage.range.at_least": Text("不小于 {limit}", "at least {limit}"),
    "usage.range.at_most": Text("不大于 {limit}", "at most {limit}"),
    "usage.range.below": Text("小于 {limit}", "less than {limit}"),
    "usage.range.both": Text("{low} 且{high}", "{low} and {high}"),
    "usage.requires_value": Text("选项 {option} 需要一个值", "option {option} requires a value"),
    "usage.takes_no_value": Text("选项 {option} 不接受值", "option {option} does not take a value"),
    "value.bound": Text(
        "bound 应为 exact/lower/upper/approx,而不是「{shown}」",
        "bound must be exact, lower, upper or approx, not '{shown}'",
    ),
    "value.mean": Text(
        "mean(是否为平均值)应为 true 或 false,而不是「{shown}」",
        "mean (whether the figure is an average) must be true or false, not '{shown}'",
    ),
    "value.date_not_figure": Text("「{text}」是日期,不是数值", "'{text}' is a date, not a figure"),
    "value.implausible": Text("「{text}」大得不合理", "'{text}' is implausibly large"),
    "value.leading_zero": Text(
        "「{text}」以 0 开头,YAML 1.1 会按八进制或十六进制读;请去掉前导 0 或加引号",
        "'{text}' starts with 0: YAML 1.1 reads it as octal or hex; drop the leading 0 or quote it",
    ),
    "value.list": Text("数值不能是列表", "a value cannot be a list"),
    "value.named_only": Text("只写了指标名,没有给出数值", "the indicator is named but no value is given"),
    "value.negative": Text("「{text}」为负数;计数和比率不能为负", "'{text}' is negative; counts and rates cannot be"),
    "value.no_value": Text("缺少 value 字段", "the mapping has no 'value'"),
    "value.not_finite": Text("「{text}」不是有限数值", "'{text}' is not a finite figure"),
    "value.sexagesimal": Text(
        "「{text}」会被 YAML 1.1 读成六十进制数;请加引号或改写",
        "'{text}' is a sexagesimal number in YAML 1.1; quote it or write the figure plainly",
    ),
    "value.shared_with": Text(
        "shared_with 应为共用此数字的机关名称列表,如 [区委]",
        "shared_with must be a list of the bodies that share this figure, e.g. “[区委]”",
    ),
    "value.too_large": Text("数值过大", "number too large"),
    "value.too_many_digits": Text("「{text}…」位数过多,不是合理的数值", "'{text}…' has too many digits to be a figure"),
    "value.type": Text("数值不能是{kind}", "a value cannot be a {kind}"),
    "value.underscores": Text("「{text}」含下划线,请直接写 {plain}", "'{text}' contains underscores; write {plain}"),
    "value.unit_conflict": Text(
        "数值自带单位「{own}」,与 unit「{given}」矛盾", "the figure's own unit '{own}' contradicts unit '{given}'"
    ),
    "value.unknown_field": Text(
        "未知的字段「{shown}」(可用:{allowed}){hint}", "unknown field '{shown}' (allowed: {allowed}){hint}"
    ),
    "value.unreadable": Text("无法读取「{text}」", "cannot read '{text}'"),
    "value.yaml_bool": Text(
        "「{text}」在 YAML 1.1 中会被读成布尔值;如指数值请写数字,如指是否请写 是/否 或 true/false",
        "'{text}' is a boolean in YAML 1.1; write a figure, or “是/否” / true/false for a yes/no fact",
    ),
}
# A derive expression refused (hulifa.expressions raises the id, hulifa.model adds the rule's id): the
# rule comes first, then why.
_REFUSED = Text("指标「{rule_id}」的 derive 表达式被拒绝:", "derive expression of '{rule_id}' refused: ")
REASONS.update(
    (message_id, Text(_REFUSED.zh + why.zh, _REFUSED.en + why.en))
    for message_id, why in {
        "expression.attribute": Text("不允许访问属性「{name}」", "attribute access ('.{name}') is not allowed"),
        "expression.call": Text(
            "不允许调用「{name}」;只能调用 min、max", "calling '{name}' is not allowed; only min and max"
        ),
        "expression.call_args": Text(
            "{name}() 只接受以逗号分隔的参数", "{name}() takes plain comma-separated arguments"
        ),
        "expression.constant": Text("表达式中只能有数字,不能有 {shown}", "only numbers may appear, not {shown}"),
        "expression.deep": Text("表达式嵌套过深", "the expression is nested too deeply"),
        "expression.dunder_attribute": Text(
            "不允许访问双下划线属性「{name}」", "dunder attribute '{name}' is not allowed"
        ),
        "expression.dunder_name": Text("不允许双下划线名称「{name}」", "dunder name '{name}' is not allowed"),
        "expression.empty": Text("表达式为空", "the expression is empty"),
        "expression.function_name": Text("「{name}」只能作为函数调用", "'{name}' can only be called"),
        "expression.lambda": Text("不允许 lambda", "lambda is not allowed"),
        "expression.node": Text(
            "表达式中不允许 {name};只能用指标 id、数字、+ - * /、括号与 min/max",
            "{name} is not allowed; use indicator ids, numbers, + - * /, parentheses and min/max",
        ),
        "expression.not_id": Text("「{name}」不是本规则包中的指标 id", "'{name}' is not an indicator id of this pack"),
        "expression.operator": Text(
            "不允许运算符 {name};只能用 + - * /", "operator {name} is not allowed; only + - * /"
        ),
        "expression.subscript": Text("不允许下标访问", "subscripts are not allowed"),
        "expression.syntax": Text("表达式语法错误:{error}", "syntax error in the expression: {error}"),
        "expression.syntax_statement": Text(
            "表达式语法错误:{error};不能写语句(如 import)",
            "syntax error in the expression: {error}; statements such as import are not expressions",
        ),
        "expression.too_long": Text("表达式超过 {limit} 个字符", "the expression is longer than {limit}"),
        "expression.unparsable": Text("无法解析表达式", "the expression cannot be parsed"),
    }.items()
)
# Appended (the ids above keep their places): said by hulifa.discovery and hulifa.cli.
REASONS.update(
    {
        "skip.link": Text(
            "已跳过:这是指向 {target} 的链接,同一份报告只检查一次",
            "skipped: a link to {target}; one report is checked once",
        ),
        # --help's headings and the notes after an option's help (hulifa.cli.helpformat)
        "help.arguments": Text("参数", "Arguments"),
        "help.commands": Text("命令", "Commands"),
        "help.default": Text("默认:{value}", "default: {value}"),
        "help.env_var": Text("环境变量:{var}", "env var: {var}"),
        "help.options": Text("选项", "Options"),
        "help.required": Text("必填", "required"),
        "option.output_format": Text(
            "无法从「{item}」的扩展名判断输出格式;请加 -f FORMAT,或用这些扩展名:{listed}",
            "cannot tell the format of '{item}' from its extension; pass -f FORMAT, or use one of: {listed}",
        ),
    }
)
# Appended (the ids above keep their places): what the commands say themselves (hulifa.cli), each
# line in the language asked for; the words of `rules list`, `rules show` and `config` among them.
REASONS.update(
    {
        "cli.internal_error": Text("内部错误:{kind}: {error}", "internal error: {kind}: {error}"),
        "cli.interrupted": Text("已中断", "interrupted"),
        "cli.report_bug": Text("请报告此问题", "please report this as a bug"),
        "cli.terminated": Text("已终止", "terminated"),
        "option.output_one_format": Text(
            "--output FILE 只能配合一个未指定文件的格式;请写成 FORMAT=FILE",
            "--output FILE needs exactly one format without a file: write FORMAT=FILE",
        ),
        "option.outputs_unnamed": Text(
            "多个 --output 未注明格式;请写成 FORMAT=FILE", "several --output files without a format: write FORMAT=FILE"
        ),
        "option.previous_single": Text(
            "--previous 只能配合单个输入文件", "--previous goes with a single input file only"
        ),
        "option.stdout_shared": Text(
            "多个格式({names})都要输出到终端;请用 --output FORMAT=FILE 分开",
            "several formats ({names}) would share stdout: send all but one to files with --output FORMAT=FILE",
        ),
        "check.progress": Text("检查中", "checking"),
        "check.read": Text(
            "{file}: 已检查({body},{count} 项结果{previous})", "{file}: checked ({body}, {count} findings{previous})"
        ),
        "check.read.previous": Text(";上年:{previous}", "; previous: {previous}"),
        "check.step_summary": Text(
            "{path}: 无法写入 GITHUB_STEP_SUMMARY:{why}", "{path}: cannot write GITHUB_STEP_SUMMARY: {why}"
        ),
        "check.verbose_deviations": Text("偏差清单:{file}({count} 条)", "deviations: {file} ({count})"),
        "check.verbose_pack": Text(
            "规则包:{id} {version}({count} 个指标,{source})", "rule pack: {id} {version} ({count} rules, {source})"
        ),
        "config.file": Text("# 配置文件:{path}", "# configuration: {path}"),
        "config.from_command_line": Text("命令行", "command line"),
        "config.from_default": Text("默认", "default"),
        "config.isolated": Text("# 配置文件:无(--isolated)", "# configuration: none (--isolated)"),
        "config.none": Text("# 配置文件:未找到", "# configuration: none found"),
        "extract.draft_null": Text(
            "草稿已写出,其中 {field}: null;请在草稿中填写,或用 --{field} 重新提取",
            "the draft was written with {field}: null; fill in {field} in the draft, or extract again with --{field}",
        ),
        "extract.draft_refused": Text(
            "草稿已写出,但 hulifa check 不会接受它", "the draft was written, but hulifa check will refuse it"
        ),
        "extract.level_guessed": Text(
            "注意:{why};已写 {level}(推断),可用 --level 指定", "note: {why}; wrote {level}, a guess: --level sets it"
        ),
        "extract.note": Text("注意:{note}", "note: {note}"),
        "init.exists": Text("{output} 已存在;init 从不覆盖已有文件", "{output} exists; init never overwrites a file"),
        "init.wrote": Text("已写入 {output}", "wrote {output}"),
        # --help's placeholders for a value (hulifa.cli.helpformat)
        "help.metavar.command": Text("命令 [参数]...", "COMMAND [ARGS]..."),
        "help.metavar.integer": Text("<整数>", "<integer>"),
        "help.metavar.number": Text("<数值>", "<number>"),
        "help.metavar.options": Text("[选项]", "[OPTIONS]"),
        "help.metavar.path": Text("<路径>", "<path>"),
        "help.metavar.text": Text("<文本>", "<text>"),
        "rules.close": Text(";是否想查:{names}", "; did you mean: {names}"),
        "rules.no_such": Text("规则包中没有指标「{rule_id}」{close}", "no indicator '{rule_id}' in the pack{close}"),
        # `rules list`'s headings
        "rules.head.missing": Text("缺失时", "if missing"),
        "rules.head.name": Text("指标", "name"),
        "rules.head.severity": Text("级别", "severity"),
        "rules.head.strength": Text("强度", "strength"),
        "rules.head.target": Text("目标", "target"),
        "rules.head.unit": Text("单位", "unit"),
        # `rules show`: a label, then its value
        "rules.show.aliases": Text("别名", "aliases"),
        "rules.show.all": Text("全部", "all"),
        "rules.show.also": Text("(也作 {units})", " (also {units})"),
        "rules.show.applies": Text("适用", "applies"),
        "rules.show.basis": Text("依据", "basis"),
        "rules.show.defined": Text("定义于", "defined at"),
        "rules.show.levels": Text("层级 {levels}", "levels {levels}"),
        "rules.show.limits": Text("注意", "caveat"),
        "rules.show.note": Text("说明", "note"),
        "rules.show.other_name": Text("英文名", "Chinese name"),
        "rules.show.severities": Text(
            "未达标时 {severity},未填报时 {missing}", "{severity} when missed, {missing} when not stated"
        ),
        "rules.show.severity": Text("级别", "severity"),
        "rules.show.source": Text("来源", "source"),
        "rules.show.strength": Text("强度", "strength"),
        "rules.show.target": Text("目标", "target"),
        "rules.show.unit": Text("单位", "unit"),
        "rules.show.why": Text("为何重要", "why"),
        "rules.show.years": Text(";年度 {years}", "; years {years}"),
    }
)
# Appended (the ids above keep their places): the parser's and the validator's problems in the reader's
# words (hulifa.schema_words, hulifa.yamlsafe), and what the commands say about a path of the wrong kind.
REASONS.update(
    {
        "schema.required": Text("缺少必填项 {keys}", "required but missing: {keys}"),
        "schema.type": Text("应为{wanted},而不是「{shown}」", "must be {wanted}, not '{shown}'"),
        "schema.enum": Text(
            "「{shown}」不是可用的值{hint}(可用:{allowed})",
            "'{shown}' is not an allowed value{hint} (allowed: {allowed})",
        ),
        "schema.unknown_key": Text(
            "未知的键「{key}」{hint}(此处可用:{known})", "unknown key '{key}'{hint} (known here: {known})"
        ),
        "schema.minimum": Text("应不小于 {limit},而不是 {shown}", "must be at least {limit}, not {shown}"),
        "schema.maximum": Text("应不大于 {limit},而不是 {shown}", "must be at most {limit}, not {shown}"),
        "schema.exclusive_minimum": Text("应大于 {limit},而不是 {shown}", "must be above {limit}, not {shown}"),
        "schema.exclusive_maximum": Text("应小于 {limit},而不是 {shown}", "must be below {limit}, not {shown}"),
        "schema.min_length": Text("不能为空(至少 {limit} 个字符)", "must not be empty (at least {limit} characters)"),
        "schema.max_length": Text("超过 {limit} 个字符", "is longer than {limit} characters"),
        "schema.min_items": Text("至少需要 {limit} 项", "needs at least {limit} items"),
        "schema.max_items": Text("最多 {limit} 项", "takes at most {limit} items"),
        "schema.min_properties": Text("至少需要 {limit} 个键", "needs at least {limit} keys"),
        "schema.pattern": Text(
            "「{shown}」的写法不符合要求(应匹配 {pattern})",
            "'{shown}' is not written as required (it must match {pattern})",
        ),
        "schema.unique": Text("列表中有重复的项", "the list repeats an item"),
        "schema.one_of": Text(
            "「{shown}」不是此处可用的任何一种写法", "'{shown}' matches none of the forms allowed here"
        ),
        # a kind not worded above: jsonschema's sentence is English, so the Chinese line names the kind only
        "schema.other": Text("不符合格式要求(JSON Schema 的 {kind} 项;详情见 --lang en)", "{message}"),
        "yaml.tab": Text(
            "此处有制表符(Tab);YAML 不允许用制表符缩进,请改用空格",
            "a tab character here; YAML forbids tabs for indentation: use spaces",
        ),
        "yaml.mapping_values": Text(
            "此处不能有「: 」:冒号加空格只能跟在键后面;若值中有冒号,请给整个值加引号,否则请检查这一行或上一行的缩进",
            "': ' is not allowed here: a colon and a space only follow a key; quote the value if it holds a colon, "
            "else check the indentation of this line or the one above",
        ),
        "yaml.unclosed_quote": Text(
            "引号未闭合:直到文件结束也没有配对的引号", "unclosed quote: the file ends before the closing quote"
        ),
        "yaml.unclosed_bracket": Text(
            "方括号未闭合,或列表项之间缺少逗号:此处应有「,」或「]」",
            "unclosed bracket, or a comma missing between items: ',' or ']' was expected here",
        ),
        "yaml.unclosed_brace": Text(
            "花括号未闭合,或键值对之间缺少逗号:此处应有「,」或「}}」",
            "unclosed brace, or a comma missing between entries: ',' or '}}' was expected here",
        ),
        "yaml.indent_mapping": Text(
            "缩进没有对齐,或值后面有多余的内容:这一行应是一个键(键: 值),与上面的键缩进相同",
            "the indentation does not line up, or something follows a value: this line should be a key "
            "(key: value) indented like the keys above it",
        ),
        "yaml.indent_list": Text(
            "缩进没有对齐:列表中的这一行应以「- 」开头,与上面的项缩进相同",
            "the indentation does not line up: this line of the list should start with '- ', "
            "indented like the items above",
        ),
        "yaml.list_here": Text(
            "此处不能开始列表项「- 」:请检查缩进", "a list item '- ' cannot start here: check the indentation"
        ),
        "yaml.no_colon": Text(
            "缺少冒号:键后应写「: 」再写值", "a colon is missing: a key is followed by ': ' and its value"
        ),
        "yaml.undefined_alias": Text(
            "别名(*名称)引用了不存在的锚点(&名称);若是文本,请给整个值加引号",
            "the alias (*name) refers to no anchor (&name); quote the value if it is text",
        ),
        "yaml.duplicate_anchor": Text(
            "锚点名称重复(第一次出现在第 {line} 行)", "an anchor name is used twice (first at line {line})"
        ),
        "yaml.escape": Text(
            "双引号中的反斜杠转义无效;路径等文本请改用单引号",
            "an invalid backslash escape inside double quotes; use single quotes for text such as a path",
        ),
        "yaml.documents": Text(
            "文件中有多个 YAML 文档(以 --- 分隔),只能有一个",
            "the file holds more than one YAML document (separated by ---); it must hold one",
        ),
        "yaml.anchor_name": Text(
            "「&」或「*」后应紧跟名称;若是文本,请给整个值加引号",
            "'&' or '*' must be followed by a name; quote the value if it is text",
        ),
        "yaml.no_value": Text("此处应有一个值", "a value was expected here"),
        "yaml.tag_handle": Text(
            "以「!」开头的是 YAML 标签,此处写法有误;报告数据与规则包不使用标签,若是文本,请给整个值加引号",
            "a malformed YAML tag (starting with '!'); report data and rule packs use no tags: "
            "quote the value if it is text",
        ),
        "yaml.directive": Text(
            "以「%」开头的行是 YAML 指令,此处写法有误;报告数据与规则包不使用指令,若是文本,请给整个值加引号",
            "a malformed YAML directive (a line starting with '%'); report data and rule packs use none: quote the "
            "value if it is text",
        ),
        "yaml.after_indicator": Text(
            "「|」「>」「!」等符号后应有空格或换行;若是文本,请给整个值加引号",
            "a space or a line break must follow '|', '>' or '!'; quote the value if it is text",
        ),
        "yaml.document_start": Text(
            "上一个值之后还有内容:多半是缩进有误,或值后面多写了字符",
            "something follows the last value: most likely the indentation is wrong, or there is more after a value",
        ),
        "yaml.question": Text(
            "此处不能有「? 」(YAML 的复杂键写法);若是文本,请给整个值加引号",
            "'? ' (YAML's complex key) is not allowed here; quote the value if it is text",
        ),
        "yaml.flow_colon": Text(
            "方括号或花括号中的「:」位置不对;若是文本,请给它加引号",
            "a ':' out of place inside brackets or braces; quote it if it is text",
        ),
        "yaml.document_in_quote": Text(
            "引号中的一行以 --- 或 ... 开头:引号多半没有闭合",
            "a line inside quotes starts with --- or ...: the quote is most likely not closed",
        ),
        "yaml.after_value": Text(
            "值后面只能有注释(#)或换行;若整段都是值,请给它加引号",
            "only a comment (#) or a line break may follow a value; quote the whole value",
        ),
        "yaml.bad_character": Text(
            "「{character}」不能作为值的开头;若是文本,请给整个值加引号",
            "'{character}' cannot start a value; quote the value if it is text",
        ),
        # a sentence not worded above: libyaml's English, said as its own in the Chinese line
        "yaml.other": Text("无法解析(解析器原文:{problem})", "{problem}"),
        "yaml.since": Text(";{what}从第 {line} 行第 {column} 列开始", "; {what} began at line {line}, column {column}"),
        "schema.top_level": Text("顶层", "(top level)"),
        # tomllib's problems in a configuration file (hulifa.config)
        "toml.value": Text(
            '值的写法无效:文本要加引号(lang = "en"),列表写成 ["a", "b"]',
            'the value is not valid TOML: quote text (lang = "en"), write a list as ["a", "b"]',
        ),
        "toml.character": Text(
            "此处的字符不允许出现:多半是引号没有闭合", "a character not allowed here: most likely an unclosed quote"
        ),
        "toml.equals": Text("键后应有「=」再写值", "a key is followed by '=' and its value"),
        "toml.twice": Text("同一个键写了两次", "the same key is set twice"),
        "toml.table": Text("表头缺少「]」", "a table header lacks its ']'"),
        "toml.after_value": Text("值后面只能有注释(#)或换行", "only a comment (#) or a line break may follow a value"),
        "toml.unclosed": Text("引号、方括号或花括号没有闭合", "a quote, bracket or brace is not closed"),
        "config.directory": Text(
            "这是一个目录,不是配置文件;请指明其中的文件,如 {example}",
            "this is a directory, not a configuration file: name the file in it, such as {example}",
        ),
    }
)
# Appended in one block (the ids above keep their places): a refusal's rest counted, -o given a folder.
REASONS.update(
    {
        "pack.one_more_problem": Text("(另有 1 处问题)", " (1 more problem)"),
        # the comments and notes of `hulifa extract`'s draft (hulifa.extract.output), in --lang
        "draft.region_missing": Text(
            "正文中未找到报告主体,请填写", "the reporting body is not in the text: fill it in"
        ),
        "draft.level_missing": Text("{why};请填写其一:{levels}", "{why}; fill in one of: {levels}"),
        "draft.level_not_given": Text("未给出层级", "the level is not given"),
        "draft.level_from_name": Text("由名称推断:{why}", "from the name: {why}"),
        "draft.level_guess": Text("推断,请核对", "a guess: confirm it"),
        "draft.level_guessed": Text("核对层级后删除此行", "delete this line once the level is confirmed"),
        "draft.year_missing": Text(
            "标题和首句中未找到报告年度,请填写", "the year is not in the title or first sentence: fill it in"
        ),
        "draft.ambiguous": Text(
            "一数多主体:一个数字由几个主体共用,请核对属于哪一个",
            "ambiguous: one count shared by several bodies; check which applies",
        ),
        "draft.implicit": Text("隐含全覆盖:{text},未写数字", "implicit full coverage: {text}, no number written"),
        "draft.change": Text(
            "该数字可能是变化量(比上年、增加、减少),不是总量",
            "the figure may be a change (from last year, more, fewer), not a level",
        ),
        "draft.title": Text(
            "由 `hulifa extract` 从 {source} 提取的报告数据。",
            "Report data extracted by `hulifa extract` from {source}.",
        ),
        "draft.check_each": Text(
            "每个数值都附有出处句子:使用前请逐一对照报告核对。",
            "Every value carries the sentence it came from: check each against the report before use.",
        ),
        "draft.no_section": Text("未识别出任何法定部分", "no statutory part was recognised"),
        "draft.not_found": Text("未找到:{parts}", "not found: {parts}"),
        "draft.no_indicator": Text("未识别出规则包中的任何指标", "no rule-pack indicator was recognised"),
        "draft.unmapped": Text(
            "未归入任何指标的数字(一并保留,以免遗漏):",
            "Figures no indicator took (kept so that nothing found is lost):",
        ),
        # the draft's short words, in a comment beside a key or a figure: English when no language is asked
        "draft.line": Text("第{line}行", "line {line}"),
        "draft.page_line": Text("第{page}页第{line}行", "p{page}:{line}"),
        "draft.found_by": Text("{place},据{how}", "{place}, by {how}"),
        "draft.by.heading": Text("标题", "heading"),
        "draft.by.sentence": Text("句子", "sentence"),
        "draft.by.paragraph": Text("段落", "paragraph"),
        "draft.implicit_value": Text("隐含全覆盖", "implicit full coverage"),
        "draft.bound.exact": Text("确数", "exact"),
        "draft.bound.lower": Text("下限", "lower"),
        "draft.bound.upper": Text("上限", "upper"),
        "draft.bound.approx": Text("约数", "approx"),
        "draft.flag.change": Text("变化量", "change"),
        "draft.flag.prior": Text("上年", "prior"),
        "draft.flag.plan": Text("计划", "plan"),
        "draft.flag.ambiguous": Text("多主体", "ambiguous"),
        "option.output_directory": Text(
            "「{item}」是目录,而 -o 写入一个文件(没有哪种格式写出目录):请给出目录中的文件名,如 -o {example};"
            "格式由扩展名判断:{listed},或由 -f FORMAT 指定",
            "'{item}' is a folder, but -o writes one file (no format writes a folder): name a file in it, such as "
            "-o {example}; its extension gives the format: {listed}, or -f FORMAT names it",
        ),
    }
)
DERIVED = Text("{value}(由 {derive} 算得)", "{value} (derived from {derive})")  # a figure no one stated
ACCEPTED = Text(
    "{message}(已接受偏差:{reason};批准:{approved_by};有效期至 {expires})",
    "{message} (accepted deviation: {reason_quoted}; approved by {approved_by_quoted}; until {expires})",
)

# Targets that are not the rule's own (cross-checks, trends, commitments). Other ids: the rule's target.
TARGETS: dict[str, Text] = {
    "derived.check.over_100": Text("≈ {derived}", "≈ {derived}"),
    "derived.check.agrees": Text("≈ {derived}", "≈ {derived}"),
    "derived.check.differs": Text("≈ {derived}", "≈ {derived}"),
    "trend.pass": Text("{direction}", "{direction}"),
    "trend.shortfall": Text("{direction}", "{direction}"),
    "trend.unverifiable": Text("{direction}", "{direction}"),
    "part_of.pass": Text("≤ {total_value}", "≤ {total_value}"),
    "part_of.over": Text("≤ {total_value}", "≤ {total_value}"),
    "part_of.unverifiable": Text("≤ {total_value}", "≤ {total_value}"),
    "commitment.progress": Text("须报告进展", "progress must be reported"),
    "commitment.missing": Text("须报告进展", "progress must be reported"),
}
# Stated values shown with more than the value itself. Other ids: the value ("" when none).
VALUES: dict[str, Text] = {
    "shared": Text("{value}(与{bodies}共用)", "{value} (shared with {bodies})"),
    "section.doubt": Text("待核实", "to be confirmed"),
    "section.present": Text("已包含", "present"),
    "section.partial": Text("部分:{have}", "partly: {have}"),
    "deviation.unknown_rule": Text("有效期至 {expires}", "expires {expires}"),
    "deviation.expired": Text("有效期至 {expires}", "expires {expires}"),
    "deviation.unused": Text("有效期至 {expires}", "expires {expires}"),
}
# Gaps in words. A numeric gap (Finding.gap) is worded by _amount; other ids have no gap.
GAPS: dict[str, Text] = {
    "unverifiable.bound": EXACT_NEEDED,
    "unverifiable.mean": Text("平均值,需每项达标", "an average; each item must meet it"),
    "unverifiable.derived": EXACT_NEEDED,
    "within_extension": Text(
        "在法定延长期限内,须写明经批准", "within the statutory extension; approval must be stated"
    ),
    "shared": Text("与{bodies}共用,需政府单独数字", "shared with {bodies}; the government's own figure is needed"),
    "affirmed.no": Text("未落实", "not done"),
    "missing": NOT_STATED,
    "date.missing": NOT_STATED,
    "sections.unlisted": Text("未说明", "not stated"),
    "section.partial": Text("缺少:{lacking}", "missing: {lacking}"),
    "section.missing": Text("缺少:{lacking}", "missing: {lacking}"),
    "late": Text("晚 {late} 天", "{late_days} late"),
    "trend.shortfall": Text("{change}", "{change}"),
    "trend.unverifiable": Text("需确切数值", "exact figures needed"),
    "commitment.missing": Text("未报告进展", "no progress reported"),
}
# A numeric gap: (short, over) x (exact, a bound).
_AMOUNT = {
    (False, True): Text("差 {amount}", "short by {amount}"),
    (True, True): Text("超出 {amount}", "over by {amount}"),
    (False, False): Text("至少差 {amount}", "short by at least {amount}"),
    (True, False): Text("至少超出 {amount}", "over by at least {amount}"),
}
# A bound that excludes the target itself (不足60 against ≥60, 超过5日 against ≤5): missed, by an unknown amount.
_BEYOND_SHORT = Text("低于目标", "below the target")
_BEYOND_OVER = Text("超出目标", "beyond the target")
# The checks of a rule that are not the rule itself, by the suffix of their id.
_CHECK_NAMES = {
    "trend": Text("{name}(年度趋势)", "{name} (year over year)"),
    "derived": Text("{name}(与分项核对)", "{name} (against its counts)"),
}


# ------------------------------------------------------------------------------------------- names


def _check(finding: Finding) -> str:
    """ "trend" or "derived" for a check on a rule (`ID.trend`), "" for the rule itself or a subject."""
    subject_id = finding.subject.id
    return finding.rule[len(subject_id) + 1 :] if finding.rule != subject_id else ""


def _rule_name(finding: Finding, lang: str) -> str:
    """The rule's or subject's own name in `lang`; in English, its id when it has no English name."""
    subject = finding.subject
    if lang == "en":
        return subject.name_en or (subject.id if isinstance(subject, Rule) else subject.name)
    return subject.name


def names(finding: Finding) -> tuple[str, str]:
    """The name and the English name as the rule pack (or hulifa) gives them; the English one may be ""."""
    check = _CHECK_NAMES.get(_check(finding))
    if check is None:
        return finding.subject.name, finding.subject.name_en
    return check.zh.format(name=_rule_name(finding, "zh")), check.en.format(name=_rule_name(finding, "en"))


def name(finding: Finding, lang: str) -> str:
    """The indicator's name in `lang`. In English a rule with no English name shows its id, so the
    gap is visible (and searchable) rather than a Chinese name in an English page. Keys read from a
    report (unknown indicators) are data and stay as written, quoted in English."""
    zh, en = names(finding)
    if lang == "en":
        if en:
            return en
        if not finding.rule.startswith("hulifa.") and finding.rule:
            return finding.rule
        if zh and has_chinese(zh):  # a key as the report wrote it: its words, quoted
            return quote(zh, lang)
    return zh or finding.rule


def unit(finding: Finding) -> str:
    return finding.subject.unit


def basis(finding: Finding) -> Basis | None:
    subject = finding.subject
    if isinstance(subject, Rule) and subject.trend is not None and _check(finding) == "trend":
        return subject.trend.basis
    return subject.basis


# Only English citations read these, so they are left to re's own cache, compiled when first used:
# compiling the four at import (their Chinese numerals make large character sets) took 1.1 ms of
# every start (least of 30 at load 7), Chinese runs included.
_TITLE = r"《[^》]+》(?:[(（][^)）]*[)）])?"
_NUMERAL = "[0-9零〇一二两三四五六七八九十百千]+"
_ARTICLE = rf"第({_NUMERAL})(条|章|节|款|项|部分)"
_REFERENCE = rf"(?:第{_NUMERAL}(?:条|章|节|款|项|部分))+"  # one place: 第六十二条第一款
_GLOSS = r"[(（]([^)）]*)[)）]"
_ITEM = r"^[(（]([零〇一二两三四五六七八九十百]+)[)）]"
_ITEMS = r"[(（]([零〇一二两三四五六七八九十百]+)[)）]"
_PART_WORDS = {"条": "Art.", "章": "Ch.", "节": "Sec.", "款": "para.", "项": "item", "部分": "Part"}
_PLURAL_WORDS = {"Art.": "Arts.", "Ch.": "Chs.", "Sec.": "Secs.", "para.": "paras.", "item": "items", "Part": "Parts"}


def _arabic(numeral: str) -> str:
    return numeral if numeral.isdigit() else format_number(parse_chinese_number(numeral))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _places(text: str) -> str:
    """The places `text` cites, in English: "Art. 62 para. 1", "Arts. 4 and 24" (第四条、第二十四条),
    "Art. 3 para. 3 and Art. 5"; "" when it cites none."""
    places = [re.findall(_ARTICLE, one) for one in re.findall(_REFERENCE, text)]
    if not places:
        return ""
    kinds = {place[0][1] for place in places}
    if len(places) > 1 and len(kinds) == 1 and all(len(place) == 1 for place in places):
        return f"{_PLURAL_WORDS[_PART_WORDS[kinds.pop()]]} {_and([_arabic(place[0][0]) for place in places])}"
    return _and([" ".join(f"{_PART_WORDS[kind]} {_arabic(n)}" for n, kind in place) for place in places])


def article(text: str, lang: str) -> str:
    """An article as cited: "第六十二条第一款" / "Art. 62 para. 1", "第四条、第二十四条" / "Arts. 4 and
    24", "(二)(三)(七)" / "items (2), (3) and (7)". In English a Chinese gloss in brackets ("第四章
    (年度报告)") is left out unless it cites a place itself ("第五十一条 (2015年版 第四十二条)" / "Art. 51
    (Art. 42 of the 2015 version)"); so is an article with no number."""
    if lang != "en" or not has_chinese(text):
        return text
    if re.match(_ITEM, text.strip()):
        items = [f"({_arabic(n)})" for n in re.findall(_ITEMS, text)]
        return f"{'item' if len(items) == 1 else 'items'} {_and(items)}"
    said = _places(re.sub(_GLOSS, " ", text))
    for gloss in re.findall(_GLOSS, text):
        places = _places(gloss)
        if places:
            version = re.search(r"(\d{4})年版", gloss)
            said += f" ({places} of the {version.group(1)} version)" if version else f" ({places})"
    return said.strip()


def _in_brackets(text: str) -> bool:
    return len(re.findall(r"[(（]", text)) > len(re.findall(r"[)）]", text))


def document(text: str, lang: str) -> str:
    """A document as cited. In English: each 《title》 (and its number) with the places cited after it
    ("《行政诉讼法》 Art. 3 para. 3"), several documents parted by "; "; a source without a title, as the
    rule pack words it, quoted (“地方实践”): what the basis rests on is always said."""
    if lang != "en" or not has_chinese(text):
        return text
    said = []
    for part in re.split(r"[;；]", text):
        titles = list(re.finditer(_TITLE, part))
        # a title in brackets is an example of the source ("地方规定 (如 …《…》…)"), not the source
        if not titles or any(_in_brackets(part[: title.start()]) for title in titles):
            if part.strip():
                said.append(quote(part.strip(), lang))
            continue
        for title, after in zip(titles, [*titles[1:], None], strict=True):
            places = _places(part[title.end() : after.start() if after else len(part)])
            said.append(f"{title.group()} {places}".strip())
    return "; ".join(said)


def citation(basis: Basis, lang: str) -> str:
    """The basis as `document article`, in `lang` (see document and article)."""
    return f"{document(basis.document, lang)} {article(basis.article, lang)}".strip()


def bound(finding: Finding) -> str:
    """The stated figure's bound (`lower`, `upper`, `approx`, `exact`), or "" when no figure was given."""
    return _BOUND_TEXT[finding.quantity.bound] if finding.quantity is not None else ""


# a bound's text by a dict lookup: an Enum member's `.value` is a Python property on 3.11
_BOUND_TEXT = {b: b.value for b in Bound}


# -------------------------------------------------------------------------------------------- texts


def message(finding: Finding, lang: str) -> str:
    template = MESSAGES.get(finding.message) or INPUT[finding.message]
    text = _fill(template, finding, lang)
    entry = finding.accepted
    if entry is None:
        return text
    extra = {"message": text, "reason": entry.reason, "approved_by": entry.approved_by, "expires": entry.expires}
    return ACCEPTED.get(lang).format_map(_Words(finding, lang, extra))


def expected(finding: Finding, lang: str) -> str:
    """The target as a person reads it: "≥ 60 学时", "须填报" / "must be stated"."""
    own = TARGETS.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    subject = finding.subject
    return expected_text(subject, lang) if isinstance(subject, Rule) else ""


def actual(finding: Finding, lang: str) -> str:
    """The stated value as shown, "" when none was stated."""
    own = VALUES.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    text = value(finding, lang)
    if text and finding.param("by_derive"):
        return _fill(DERIVED, finding, lang)
    return text


def gap(finding: Finding, lang: str) -> str:
    """How far the stated value is from the target, or why it cannot be settled; "" when nothing is missed."""
    own = GAPS.get(finding.message)
    if own is not None:
        return _fill(own, finding, lang)
    if finding.gap is None:
        return ""
    if finding.gap == 0 and finding.param("bounded"):  # 不足60学时 against ≥60: under it, by an unknown amount
        return (_BEYOND_OVER if finding.param("over") else _BEYOND_SHORT).get(lang)
    return _fill(_AMOUNT[(bool(finding.param("over")), not finding.param("bounded"))], finding, lang)


def stated_texts(finding: Finding) -> tuple[str, str, str, str, str]:
    """`actual` and `gap`, each in Chinese and English, and `bound`: what json words for each finding it
    has not met before, most of them a figure stated with no target (so that case is worded directly)."""
    message = finding.message
    if finding.params or finding.gap is not None or message in VALUES or message in GAPS:
        return actual(finding, "zh"), actual(finding, "en"), gap(finding, "zh"), gap(finding, "en"), bound(finding)
    # no words of its own, no derivation (a parameter) and no gap: `actual` is the value, `gap` empty
    q = finding.quantity
    if q is None or q.implicit:
        return value(finding, "zh"), value(finding, "en"), "", "", bound(finding)
    # a figure (most of json's new findings): what value() gives, without its steps for other values
    of = unit(finding)
    return quantity(q, of, "zh"), quantity(q, of, "en"), "", "", _BOUND_TEXT[q.bound]


def value(finding: Finding, lang: str) -> str:
    """The stated value as the report wrote it: a figure, yes/no, a date, or the text given."""
    q = finding.quantity
    if q is not None:
        if q.implicit:
            return quote(q.text, lang) + (" (full coverage, read as 100%)" if lang == "en" else "(全覆盖,视为100%)")
        return quantity(q, unit(finding), lang)
    if finding.flag is not None:
        return ("yes" if finding.flag else "no") if lang == "en" else ("是" if finding.flag else "否")
    if finding.date is not None:
        return finding.date.isoformat()
    return figure(finding.stated, unit(finding), lang)


def quoted(finding: Finding, lang: str) -> str:
    """The stated value as the report wrote it, marked as a quote: “12次” / 「12次」."""
    q = finding.quantity
    return quote((q.text if q is not None else "") or finding.stated, lang)


def previous(finding: Finding, lang: str) -> str:
    """Last year's figure (as that report wrote it in Chinese), "" when no previous report was compared."""
    return figure(finding.previous, unit(finding), lang) if finding.previous else ""


def change(finding: Finding, lang: str) -> str:
    """This year's figure against last year's: "+2 (+11.1%)", "-1.5 个百分点" / "-1.5 points", "" when none."""
    return change_text(finding.change, unit(finding), lang) if finding.change is not None else ""


# --------------------------------------------------------------------------------- figures in words

_BOUND_WORDS = {Bound.LOWER: "at least ", Bound.UPPER: "at most ", Bound.APPROX: "about "}
# a bound that excludes its number: 1700余人次, 超过90% / 不足60学时, 不到10人
_STRICT_BOUND_WORDS = {Bound.LOWER: "more than ", Bound.UPPER: "under "}
_PLAIN = re.compile(r"\d+(?:\.\d+)?$")
UNDETERMINED = Text("无法确定", "cannot be determined")


def has_chinese(text: str) -> bool:
    """Whether `text` has a CJK ideograph (U+3400 to U+9FFF)."""
    return not text.isascii() and _cjk().search(text) is not None


@functools.cache
def _cjk() -> re.Pattern[str]:
    # compiled when first needed: [\u3400-\u9fff] is walked code point by code point in Python when
    # compiled (~2 ms at load 8), and a Chinese table or parsable run never asks
    return re.compile(r"[\u3400-\u9fff]")


def quote(text: str, lang: str) -> str:
    """The report's own words, verbatim and marked as a quote (in English too: they are its words)."""
    if not text:
        return ""
    return f"“{text}”" if lang == "en" else f"「{text}」"


def _english_number(value: float) -> str:
    if type(value) is float and value.is_integer():  # most figures: format_number's text, grouped
        return f"{int(value):,}"
    text = format_number(value)
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    if len(digits) > 3:  # English groups thousands: 1,700, 11,000
        digits = f"{int(digits):,}"
    return f"{sign}{digits}{dot}{frac}"


def count(value: float, unit: str, lang: str) -> str:
    """A number with its unit, as a reader of `lang` writes it: "12 次" / "12 times", "1 working day",
    "95%". The unit is the rule pack's or the report's; one not in UNITS is kept as written."""
    if unit in ("%", "‰"):
        return f"{format_number(value)}{unit}"
    if unit in _NOT_COUNTED:  # a figure given for a yes/no, a date or a part: the figure alone, "12"
        unit = ""
    if lang != "en":
        return f"{format_number(value)} {unit}".strip()
    one, many = UNITS.get(unit, (unit, unit))
    return f"{_english_number(value)} {one if value == 1 else many}".strip()


# Units that name a kind of value, not what a figure counts: a figure is never "12 bool".
_NOT_COUNTED = frozenset({"bool", "date", "section"})
_EXACT = Bound.EXACT  # a module name: an Enum member's attribute is slow to read on Python 3.11


def _bound_words(q: Quantity) -> str:
    """The bound as the report's own words state it, as the Chinese shows them: "12次" is 12 times even
    where report data marks it `bound: upper` because two bodies share it (the gap says so); 1700余 is
    more than 1,700, 不少于60 at least 60."""
    bound, strict, text = q.bound, q.strict, q.text
    # Read the words again only where they could say something else: not for an exact figure whose
    # text has no qualifier word, which is most (the reading was a tenth of json's render).
    if (strict or bound is not _EXACT or not has_no_qualifier(text)) and text and has_chinese(text):
        try:
            written = parse_quantity(q.text)
        except QuantityError:
            written = None
        if written is not None and written.value == q.value:
            bound, strict = written.bound, written.strict
    if strict and bound in _STRICT_BOUND_WORDS:
        return _STRICT_BOUND_WORDS[bound]
    return _BOUND_WORDS.get(bound, "")


def quantity(q: Quantity, unit: str, lang: str) -> str:
    """A stated figure: in Chinese as the report wrote it ("1700余人次"); in English from its value,
    unit and the bound its words state ("more than 1,700 attendances")."""
    if lang != "en":
        return q.text or format_number(q.value)
    if q.implicit:
        return "full coverage, read as 100%"
    return ("an average of " if q.mean else "") + _bound_words(q) + count(q.value, q.unit or unit, lang)


def figure(text: str, unit: str, lang: str) -> str:
    """A figure held as text (a stated or derived value, last year's value) in `lang`: in English, a
    Chinese figure is read and put in words, and anything else Chinese is quoted."""
    if lang == "en" and _PLAIN.match(text) and unit not in ("", "bool", "date", "section"):  # "12" -> "12 cases"
        return count(float(text), unit, lang)
    if lang != "en" or not has_chinese(text):
        return text
    if text == UNDETERMINED.zh:
        return UNDETERMINED.en
    try:
        return quantity(parse_quantity(text), unit, lang)
    except QuantityError:
        return quote(text, lang)


def change_text(change: Change, unit: str, lang: str) -> str:
    """A change as a person reads it: "+120 (+3.4%)" (the percentage when both years are exact counts),
    "-1.5 个百分点" / "-1.5 points", "≥ 3", "1 至 3" / "1 to 3", "无法确定" / "cannot be determined"."""
    low, high = change.low, change.high
    if low == float("-inf") and high == float("inf"):
        return UNDETERMINED.get(lang)
    points = ("points" if lang == "en" else "个百分点") if unit == "%" else ""
    suffix = f" {points}" if points else ""
    if abs(high - low) <= 1e-9:
        d = round(low, 2)
        sign = "+" if d > 0 else ("±" if d == 0 else "")
        text = f"{sign}{format_number(d)}{suffix}"
        if unit != "%" and change.base and d != 0:
            text += f" ({d / change.base * 100:+.1f}%)"
        return text
    if high == float("inf"):
        return f"≥ {format_number(round(low, 2))}{suffix}"
    if low == float("-inf"):
        return f"≤ {format_number(round(high, 2))}{suffix}"
    to = " to " if lang == "en" else " 至 "
    return f"{format_number(round(low, 2))}{to}{format_number(round(high, 2))}{suffix}"


# ---------------------------------------------------------------------------------------- targets


def expected_text(rule: Rule, lang: str = "zh") -> str:
    """A rule's target as a person reads it, e.g. "≥ 60 学时", "= 100%", "须填报" / "must be stated"."""
    return _target(rule).get(lang)


def _number(value: float) -> str:
    return format_number(value) if value == value else "—"  # a NaN target (a broken pack) still renders


def _figure(value: float, unit: str) -> str:
    """A target in English with its unit's word ("60 hours"); NaN (a broken pack) as "—"."""
    return count(value, unit, "en") if value == value else "—"


def _target(rule: Rule) -> Text:
    req = rule.requirement
    unit = "%" if rule.unit == "%" else f" {rule.unit}"
    if req.kind is Kind.BETWEEN and req.target is not None and req.target_max is not None:
        low = _number(req.target)
        return Text(f"{low}–{_number(req.target_max)}{unit}", f"{low}–{_figure(req.target_max, rule.unit)}")
    if req.kind in (Kind.AT_LEAST, Kind.AT_MOST, Kind.EQUALS) and req.target is not None:
        sign = {Kind.AT_LEAST: "≥", Kind.AT_MOST: "≤", Kind.EQUALS: "="}[req.kind]
        target = _number(req.target)
        target_en = _figure(req.target, rule.unit)
        if req.extension is not None:
            longest = req.target + req.extension
            return Text(
                f"{sign} {target}{unit}(依法可延长至 {_number(longest)}{unit})",
                f"{sign} {target_en} (up to {_figure(longest, rule.unit)} where the law allows)",
            )
        return Text(f"{sign} {target}{unit}", f"{sign} {target_en}")
    if req.kind is Kind.AFFIRMED:
        return Text("是", "yes")
    if req.kind is Kind.REPORTED:
        return Text("须填报", "must be stated")
    if req.kind is Kind.SECTION:
        return Text(
            "须包含:" + "、".join(SECTION_NAMES[s].zh for s in req.sections),
            "must contain: " + ", ".join(SECTION_NAMES[s].en for s in req.sections),
        )
    if req.kind is Kind.DEADLINE:
        if req.year_offset == 1:
            return Text(f"次年 {req.before} 之前", f"{'before' if req.field else 'by'} {req.before} of the next year")
        return Text(f"{req.before} 之前", f"before {req.before}")
    return Text("", "")


def amount(value: float, unit: str, lang: str) -> str:
    """A difference with its unit: "3 件" / "3 cases", "2.5 个百分点" / "2.5 points"."""
    if unit == "%":
        return f"{format_number(value)} {'points' if lang == 'en' else '个百分点'}"
    return count(value, unit, lang)


def scopes_text(rule: Rule, lang: str | None = None) -> str:
    """The bodies a rule applies to, with years where a scope has them: named in `lang` ("县级、县级政府部门
    (–2023)", "county, county government department (–2023)"), as `rules show` says them; or, with no
    `lang`, as the pack writes them ("county, department.county (–2023)"), as docs/rules.md lists them."""
    parts = []
    for scope in rule.levels:
        years = f" ({scope.year_from or ''}–{scope.year_to or ''})" if scope.year_from or scope.year_to else ""
        named = scope.body if lang is None or scope.body not in LEVEL_NAMES else LEVEL_NAMES[scope.body].get(lang)
        parts.append(named + years)
    return ("、" if lang == "zh" else ", ").join(parts)


# ------------------------------------------------------------------------------------- parameters


def input_text(message_id: str, values: Params) -> Text:
    """An input error's, note's or reason's words in both languages (INPUT, REASONS), from its parameters alone."""
    template, given = INPUT.get(message_id) or REASONS[message_id], dict(values)
    zh, en = (template.get(lang).format_map({k: _say(v, lang) for k, v in given.items()}) for lang in ("zh", "en"))
    return Text(zh, en)


def reason(message_id: str, /, **values: Any) -> Text:
    """`input_text` with its parameters named at the call site: `reason("value.negative", text="-3")`."""
    return input_text(message_id, tuple(values.items()))


def more_problems(count: int) -> Text:
    """ "(另有 2 处问题)" / " (2 more problems)", " (1 more problem)": what a refusal that names the first
    problem says of the rest; nothing when there is none."""
    if count < 1:
        return Text("", "")
    return reason("pack.one_more_problem" if count == 1 else "pack.more_problems", count=str(count))


def did_you_mean(word: str, choices: Iterable[str]) -> Text:
    """ "; did you mean 'x'?" for the choice closest to a misspelt `word`, or nothing when none is close."""
    import difflib  # only on a refusal

    close = difflib.get_close_matches(word, list(choices), n=1)
    return reason("hint.did_you_mean", close=close[0]) if close else Text("", "")


def _fill(template: Text, finding: Finding, lang: str) -> str:
    return template.get(lang).format_map(_Words(finding, lang))


def _say(item: Any, lang: str) -> str:
    if isinstance(item, Text):
        return item.get(lang)
    if isinstance(item, float | int) and not isinstance(item, bool):
        return format_number(item)
    if isinstance(item, dt.date):
        return item.isoformat()
    return str(item)


# Parameters every finding can be worded with, each from the finding alone.
_OF_FINDING: dict[str, Callable[[Finding, str], str]] = {
    "name": _rule_name,
    "expected": expected,
    "actual": actual,
    "value": value,
    "gap": gap,
    "previous": previous,
    "change": change,
    "quoted": quoted,
}


# The dates a report states (report-data keys), in words: a Chinese message names the key only in brackets.
DATE_FIELD_NAMES = {"published": Text("公开日期", "publication date"), "submitted": Text("报送日期", "submission date")}


class _Words(dict[str, str]):
    """A finding's parameters in `lang`, and the words worked out from the finding and its rule, each
    made only when a template names it."""

    def __init__(self, finding: Finding, lang: str, extra: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.finding, self.lang = finding, lang
        self.given = dict(finding.params)
        if extra:
            self.given.update(extra)

    def __missing__(self, key: str) -> str:
        f, lang = self.finding, self.lang
        if key in self.given:
            item = self.given[key]
            if key in ("have", "lacking"):
                word = (", " if lang == "en" else "、").join(SECTION_NAMES[s].get(lang) for s in item)
            elif key == "bodies":  # the report's words: quoted in English
                word = ", ".join(quote(b, lang) for b in item) if lang == "en" else "、".join(item)
            # units; an input error's "allowed" is its own text (a Text, itself a tuple)
            elif key == "allowed" and isinstance(item, tuple) and not isinstance(item, Text):
                word = ", ".join(str(UNIT_NAMES.get(u, u)) for u in item) if lang == "en" else "、".join(item)
            else:
                word = _say(item, lang)
        elif key in _OF_FINDING:
            word = _OF_FINDING[key](f, lang)
        elif key == "needs":
            word = APPROVED.get(lang)
        elif key == "level":
            body = str(self.given.get("body", ""))
            word = LEVEL_NAMES.get(body, Text(body, body)).get(lang)
        elif key == "amount":
            word = amount(f.gap or 0.0, unit(f), lang)
        elif key == "late":
            word = format_number(f.gap or 0.0)
        elif key == "date":
            word = f.date.isoformat() if f.date else ""
        elif key == "field_name":  # a report-data date key in words: 公开日期 (published)
            field = str(self.given.get("field", ""))
            word = DATE_FIELD_NAMES.get(field, Text(field, field)).get(lang)
        elif key in ("bound", "bound_word"):
            b = f.quantity.bound if f.quantity is not None else Bound.APPROX
            word = b.value if key == "bound" else {Bound.LOWER: "下限", Bound.UPPER: "上限"}.get(b, "约数")
        elif key in ("derive", "limit", "longest", "unit", "direction"):
            word = _from_rule(f, key, lang)
        elif key.endswith("_quoted"):
            word = quote(self[key.removesuffix("_quoted")], lang)
        elif key in ("limit_count", "longest_count", "late_days"):
            word = count(float(self[key.removesuffix("_count").removesuffix("_days")]), "日" if key == "late_days"
                         else _from_rule(f, "unit", lang), lang)  # fmt: skip
        else:
            raise KeyError(f"message {f.message!r} has no parameter {key!r}")
        self[key] = word
        return word


def _from_rule(finding: Finding, key: str, lang: str) -> str:
    rule = finding.subject
    assert isinstance(rule, Rule), f"{finding.message} needs a rule"
    req = rule.requirement
    if key == "derive":
        return rule.derive
    if key == "unit":
        return rule.unit
    if key == "direction":
        assert rule.trend is not None
        return DIRECTION_NAMES[rule.trend.direction].get(lang)
    assert req.target is not None
    return format_number(req.target if key == "limit" else req.target + (req.extension or 0.0))
