"""The parser's and the validator's problems in the reader's words (hulifa.schema_words, hulifa.yamlsafe,
hulifa.config's TOML), and a path of the wrong kind. Part of REASONS (hulifa.messages.catalogue)."""

from __future__ import annotations

from hulifa.model import Text

CATALOGUE: dict[str, Text] = {
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
    "schema.one_of": Text("「{shown}」不是此处可用的任何一种写法", "'{shown}' matches none of the forms allowed here"),
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
        "the indentation does not line up: this line of the list should start with '- ', indented like the items above",
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
