"""Refusals of a rule pack, a configuration file and a deviations file (config.*, deviations.*, pack.*):
part of INPUT (hulifa.messages.catalogue)."""

from __future__ import annotations

from hulifa.model import Text

CATALOGUE: dict[str, Text] = {
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
}
