"""What the commands say themselves (hulifa.cli), each line in the language asked for: usage errors,
--help's words, options refused, and the words of `rules list`, `rules show` and `config`. Part of
REASONS (hulifa.messages.catalogue)."""

from __future__ import annotations

from hulifa.model import Text

CATALOGUE: dict[str, Text] = {
    "check.no_paths": Text(
        "缺少要检查的路径:请给出文件、文件夹、通配符或 -(标准输入)",
        "missing PATH: name files, folders, globs or - (standard input)",
    ),
    "check.quiet_and_verbose": Text("--quiet 与 --verbose 不能同时使用", "--quiet and --verbose exclude each other"),
    "option.level": Text("--level 应为 {choices} 之一", "--level must be one of {choices}"),
    "option.region": Text("--region 不能为空", "--region must not be empty"),
    "option.today": Text("--today 应为 YYYY-MM-DD,而不是「{shown}」", "--today must be YYYY-MM-DD, not '{shown}'"),
    "option.year": Text(
        "--year 应为报告所属年份(如 2024),而不是 {shown}", "--year must be the year reported on, not {shown}"
    ),
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
    "option.previous_single": Text("--previous 只能配合单个输入文件", "--previous goes with a single input file only"),
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
    "option.output_directory": Text(
        "「{item}」是目录,而 -o 写入一个文件(没有哪种格式写出目录):请给出目录中的文件名,如 -o {example};"
        "格式由扩展名判断:{listed},或由 -f FORMAT 指定",
        "'{item}' is a folder, but -o writes one file (no format writes a folder): name a file in it, such as "
        "-o {example}; its extension gives the format: {listed}, or -f FORMAT names it",
    ),
}
