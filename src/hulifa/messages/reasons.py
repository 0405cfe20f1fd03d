"""Why a value or a file was refused or passed over (value.*, quantity.*, shape.*, skip.*, file.*, hint.*,
diff.*, pack.*more_problem*): part of REASONS (hulifa.messages.catalogue), quoted by an input error
or a finding."""

from __future__ import annotations

from hulifa.model import Text

CATALOGUE: dict[str, Text] = {
    "diff.regions_differ": Text("两份报告的地区不同:{old} / {new}", "the regions differ: {old} / {new}"),
    "diff.years_apart": Text("年度不相邻:{old} → {new}", "the years are not consecutive: {old} → {new}"),
    "file.device": Text("设备或套接字", "a device or socket"),
    "file.fifo": Text("命名管道(FIFO)", "a named FIFO"),
    "hint.did_you_mean": Text(";是否想写「{close}」?", "; did you mean '{close}'?"),
    "hint.tabs": Text(";YAML 不允许用制表符缩进,请改用空格", "; YAML forbids tabs for indentation: use spaces"),
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
    "skip.link": Text(
        "已跳过:这是指向 {target} 的链接,同一份报告只检查一次",
        "skipped: a link to {target}; one report is checked once",
    ),
    "pack.one_more_problem": Text("(另有 1 处问题)", " (1 more problem)"),
}
