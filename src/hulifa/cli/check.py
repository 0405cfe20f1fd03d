"""`hulifa check`: the command, its options, and the wiring of one run: options -> output plan ->
run -> write -> exit. Each step is hulifa.checkrun's (which neither prints nor exits); this module
turns their refusals into messages and exit code 2, and gives them the terminal (stderr, rich's
consoles, signals).

No `from __future__ import annotations` here: typer reads `check`'s signature twice at every start
(inspect.signature and typing.get_type_hints, each evaluating every annotation written as a string,
most of the ~12 ms typer took to build the command at load 7), so the annotations are objects, and
the names imported only for type checking are quoted."""

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from hulifa.checkrun.plan import Plan
    from hulifa.checkrun.progress import Progress
    from hulifa.runner import Run

from hulifa.checkrun.options import CheckOptions, read_notes, selection, start_run
from hulifa.cli import (
    Color,
    FailOn,
    Lang,
    color_args,
    die,
    die_error,
    parse_today,
    raise_if_signalled,
    refuse,
    say,
    say_lines,
    started,
    stderr_console,
    text_hints,
)
from hulifa.cli.options import (
    FORMATS_OF,
    EncodingOption,
    Format,
    LangOption,
    RulesOption,
    format_option,
    not_written,
)
from hulifa.cli.settings import ConfigOption, IsolatedOption, config_file_line, resolve
from hulifa.cli.usage import both, described


@described(
    "检查报告数据是否满足规则包。\n\n示例:hulifa check reports/huli/2024.yaml --all(或:hulifa check - < 2024.yaml)",
    "Check report data against a rule pack.\n\n"
    "Example: hulifa check reports/huli/2024.yaml --all    (or: hulifa check - < 2024.yaml)",
)
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar=both("路径", "paths"),
            help=both(
                "报告数据文件(YAML)、报告文本(.txt/.md/.html/.docx)、目录、通配符或 -(标准输入)",
                "report files, dirs, globs, or - for standard input",
            ),
            show_default=False,
        ),
    ] = None,
    rules: RulesOption = None,
    formats: Annotated[list[Format] | None, format_option("check", repeatable=True)] = None,
    outputs: Annotated[
        list[str] | None,
        typer.Option("--output", "-o", help=both("FILE 或 FORMAT=FILE,可重复", "FILE or FORMAT=FILE, repeatable")),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            "-a",
            help=both(
                "也列出达标与不适用的指标,并给出完整依据",
                "also list passes and rules that do not apply, with full citations",
            ),
        ),
    ] = False,
    details: Annotated[
        bool,
        typer.Option(
            "--details",
            help=both(
                "超过 20 份报告时也逐份列出问题(默认只给汇总)",
                "per-report tables even for a batch of more than 20 (default: the summary only)",
            ),
        ),
    ] = False,
    fail_on: Annotated[
        FailOn, typer.Option(help=both("达到此级别即以 1 退出", "exit 1 at or above this severity"))
    ] = FailOn.error,
    lang: LangOption = Lang.zh,
    color: Annotated[
        Color, typer.Option(help=both("颜色(遵循 NO_COLOR)", "colour (NO_COLOR is respected)"))
    ] = Color.auto,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help=both(
                "并行进程数;0 = 当前空闲的核心数(可用核心减去平均负载);仅在有空闲核心时更快(README:实测加速);"
                "输出与串行相同",
                "parallel workers; 0 = the cores free now (usable cores less the load average). Faster only when "
                "a core is idle (README: measured speed-up); output identical to a serial run",
            ),
        ),
    ] = 1,
    encoding: EncodingOption = None,
    force: Annotated[
        bool, typer.Option("--force", help=both("覆盖已存在的输出文件", "overwrite output files"))
    ] = False,
    previous: Annotated[
        str | None,
        typer.Option(
            "--previous",
            help=both(
                "上年报告数据(仅限单个输入;默认在同目录按文件名查找)",
                "last year's report (single input only; by default found beside the file by name)",
            ),
        ),
    ] = None,
    deviations: Annotated[
        str | None,
        typer.Option("--deviations", help=both("已批准的偏差清单 YAML", "a YAML file of accepted deviations")),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help=both(
                "判断偏差是否到期的日期 YYYY-MM-DD(默认今天)",
                "the date deviations expire against, YYYY-MM-DD (default: today)",
            ),
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help=both(
                "报告文本的所属年度(正文未写明时)", "year reported on by report text, when the text does not say"
            ),
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            help=both(
                "报告文本的主体层级(名称无法判断时)", "level of the body of report text, when its name does not tell"
            ),
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            help=both("报告文本的主体名称(正文未写明时)", "reporting body of report text, when the text does not say"),
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            help=both(
                "目录扫描时排除的模式(gitignore 语法,可重复),替换默认值(.*、build/、dist/、node_modules/…)",
                "patterns to exclude in directory scans (gitignore syntax, repeatable), replacing the defaults "
                "(.*, build/, dist/, node_modules/…)",
            ),
        ),
    ] = None,
    extend_exclude: Annotated[
        list[str] | None,
        typer.Option("--extend-exclude", help=both("在默认排除之外再排除", "patterns to exclude besides the defaults")),
    ] = None,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help=both(
                "命令行上指名的文件也按排除规则与形状筛选(用于 pre-commit)",
                "apply excludes and skip rule packs, deviations and config files even when named (for pre-commit)",
            ),
        ),
    ] = False,
    respect_gitignore: Annotated[
        bool, typer.Option(help=both("目录扫描遵循 .gitignore", "follow .gitignore in directory scans"))
    ] = True,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            help=both(
                "从标准输入(-)读取时使用的文件名,其后缀决定解析方式",
                "the name of standard input (-) in messages; its suffix picks the parser (.yaml, .txt, .html)",
            ),
        ),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            min=0,
            help=both(
                "Markdown 的篇幅上限,按字符(Unicode 码位)计,与 GitHub 评论上限的计法相同;"
                "超出时先略去问题最轻的报告详情;0 = 不限",
                "size budget of --format markdown in characters (Unicode code points, as GitHub counts a "
                "comment's 65,536); details of the least severe reports go first; 0 = no limit",
            ),
        ),
    ] = 65_536,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings", help=both("显示生效的设置及其来源后退出", "print the settings in force and exit")
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help=both("只输出错误与结论行", "print only errors and the verdict line")),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help=both("在标准错误输出说明读取与跳过了什么", "say on stderr what was read and skipped"),
        ),
    ] = False,
) -> None:
    settings = resolve(ctx, config, isolated, lang.value)
    if show_settings:
        shown = Lang(settings.values["lang"]).value
        sys.stdout.write(config_file_line(config, isolated, shown) + settings.render(shown))
        raise typer.Exit(0)
    if not paths or (quiet and verbose):
        from hulifa.messages import reason

        said = reason("check.no_paths" if not paths else "check.quiet_and_verbose")
        die("hulifa: " + said.get(Lang(settings.values["lang"]).value))
    options = _options(
        settings.values,
        paths=paths,
        max_bytes=max_bytes,
        show_all=show_all,
        details=details,
        color=color.value,
        force=force,
        previous=previous,
        hints=text_hints(year, level, region),
        force_exclude=force_exclude,
        stdin_name=stdin_filename,
        quiet=quiet,
        verbose=verbose,
    )
    plan = _plan(options)
    run = _start(options)
    _write(plan, run, options)
    raise typer.Exit(run.exit_code(options.fail_on, none_is_ok=options.force_exclude))


def _options(v: dict[str, Any], **given: Any) -> CheckOptions:
    """What `check` was asked to do: the command line over the configuration file (`v`, resolved)
    over the defaults. A setting that cannot be used is refused here (exit 2), before any file is read."""
    from hulifa.checkrun.destinations import destinations, formats_from_outputs
    from hulifa.model import Severity
    from hulifa.reportdata import OptionError

    format_names, outputs = v["format"], v["output"]
    if not format_names and outputs:  # -o report.json alone: the format from the extension
        try:
            format_names, outputs = formats_from_outputs(outputs, {f.value for f in Format})
        except OptionError as refused:
            refuse(refused.text)
    chosen = list(dict.fromkeys([Format(f) for f in format_names or [Format.table]]))
    paths, previous = given["paths"], given["previous"]
    if previous is not None:
        from hulifa.errors import InputError
        from hulifa.runner import previous_alone

        try:
            previous_alone(paths, previous)
        except InputError as refused:  # a usage error, said before any file is read
            refuse(refused.message)
    jobs = v["jobs"]
    if jobs == 0:
        from hulifa.cli.jobs import auto_jobs

        jobs = auto_jobs()
    fail_on = FailOn(v["fail-on"])
    today = parse_today(v["today"])
    scan = selection(v["exclude"], v["extend-exclude"], given["force_exclude"], v["respect-gitignore"], v["include"])
    lang = Lang(v["lang"]).value
    written = FORMATS_OF["check"]
    for fmt in chosen:  # -f is checked by its option; `-o yaml=FILE` and the like only here
        if fmt not in written:
            refuse(not_written("check", fmt))
    try:
        dest = destinations(chosen, outputs or [], {f.value for f in written})
    except OptionError as refused:
        refuse(refused.text)
    return CheckOptions(
        rules=v["rules"],
        deviations=v["deviations"],
        today=today,
        encoding=v["encoding"],
        jobs=jobs,
        selection=scan,
        fail_on=None if fail_on is FailOn.never else Severity(fail_on.value),
        lang=lang,
        dest=dest,
        **given,
    )


def _plan(o: CheckOptions) -> "Plan":
    """The output plan; an output that cannot be written ends the run here, before any work (exit 2)."""
    from hulifa.checkrun.plan import make_plan
    from hulifa.errors import InputError

    try:
        return make_plan(o)
    except InputError as error:
        die_error(error, o.lang)


def _start(o: CheckOptions) -> "Run":
    """The run: the pack and deviations loaded (a broken one ends here, exit 2), said with -v."""
    from hulifa.errors import InputError

    try:
        run = start_run(o, say)
    except InputError as error:
        die_error(error, o.lang)
    for said in read_notes(run, o):
        say_lines(said, o.lang)
    return run


def _write(plan: "Plan", run: "Run", o: CheckOptions) -> None:
    """Check every input and write each format as results arrive."""
    from hulifa.checkrun.plan import shows_bar, shows_details
    from hulifa.checkrun.prepare import transform_for
    from hulifa.checkrun.stream import stream
    from hulifa.errors import InputError

    details = shows_details(plan, o.quiet, o.details)
    transform = transform_for(plan, o, details)
    summary = None
    if plan.step_summary:
        from hulifa.reporters.markdown import summary_writer

        summary = summary_writer(run.pack, o.lang)
    try:
        table = None
        if plan.table:
            from hulifa.checkrun.tableout import open_table

            table = open_table(o.dest["table"], o, details, plan.inputs, _console(Color(o.color)))
        on_screen = table is not None and table.live and details  # a bar would tear the report tables
        progress = _progress(plan, o.lang) if shows_bar(plan, on_screen) else None
        started()  # the first report comes next: the collector runs from here (hulifa.__main__)
        try:
            stream(
                plan,
                run,
                o,
                transform,
                say=say,
                table=table,
                progress=progress,
                summary=summary,
                between=raise_if_signalled,
            )
        finally:
            if progress:
                progress.close()
    except InputError as error:
        die_error(error, o.lang)
    if summary is not None:
        from hulifa.checkrun.stream import append_step_summary

        path = os.environ["GITHUB_STEP_SUMMARY"]
        problem = append_step_summary(summary, path)
        if problem is not None:
            say_lines(problem, o.lang, "")


def _console(color: Color) -> "Callable[[], Console]":
    """The table's rich console on stdout, made only when rich writes the table."""

    def made() -> "Console":
        from rich import console

        return console.Console(highlight=False, markup=False, emoji=False, **color_args(color))

    return made


def _progress(plan: "Plan", lang: str) -> "Progress":
    from hulifa.checkrun.progress import Progress

    return Progress(plan.total, lang, stderr_console())
