"""`hulifa check`, in steps: options -> output plan -> run -> write -> exit.

The run is hulifa.runner.Run, the library's own; every format that exposes the streaming protocol
(hulifa.reporters.streaming) is written as results arrive, and the exit code is the Outcome's rule.

No `from __future__ import annotations` here: typer reads `check`'s signature twice at every start
(inspect.signature and typing.get_type_hints, each evaluating every annotation written as a string,
most of the ~12 ms typer took to build the command at load 7), so the annotations are objects, and
the names imported only for type checking are quoted."""

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from hulifa.discovery import Selection
    from hulifa.model import CheckResult, ReportResult, Severity
    from hulifa.reportdata import TextHints
    from hulifa.reporters.markdown import Writer as MarkdownWriter
    from hulifa.reporters.table import Block, SummaryItem, SummaryRows
    from hulifa.runner import Run

from hulifa.batch import DETAIL_LIMIT
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
from hulifa.cli.settings import ConfigOption, IsolatedOption, config_file_line, formats_from_outputs, resolve
from hulifa.cli.usage import both, described


def _destinations(formats: list[Format], outputs: list[str]) -> dict[Format, Path | None]:
    """Pair each format with a file or stdout. `--output FILE` goes with a single format;
    `--output sarif=FILE` names its format; `-` is stdout. At most one format may go to stdout."""
    from hulifa.messages import reason  # each refusal's words

    written = FORMATS_OF["check"]
    for fmt in formats:  # -f is checked by its option; `-o yaml=FILE` and the like only here
        if fmt not in written:
            refuse(not_written("check", fmt))
    dest: dict[Format, Path | None] = {f: None for f in formats}
    bare = [o for o in outputs if "=" not in o or o.split("=", 1)[0] not in {f.value for f in written}]
    for item in outputs:
        if item in bare:
            continue
        name, file = item.split("=", 1)
        fmt = Format(name)
        if fmt not in dest:
            dest[fmt] = None
        dest[fmt] = None if file == "-" else Path(file)
    if bare:
        if len(bare) > 1:
            refuse(reason("option.outputs_unnamed"))
        unassigned = [f for f, d in dest.items() if d is None]
        if len(unassigned) != 1:
            refuse(reason("option.output_one_format"))
        dest[unassigned[0]] = None if bare[0] == "-" else Path(bare[0])
    to_stdout = [f.value for f, d in dest.items() if d is None]
    if len(to_stdout) > 1:
        refuse(reason("option.stdout_shared", names=", ".join(to_stdout)))
    return dest


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
    options = _Options.resolved(
        settings.values,
        paths=paths,
        max_bytes=max_bytes,
        show_all=show_all,
        details=details,
        color=color,
        force=force,
        previous=previous,
        hints=text_hints(year, level, region),
        force_exclude=force_exclude,
        stdin_name=stdin_filename,
        quiet=quiet,
        verbose=verbose,
    )
    plan = _Plan.made(options)
    run = _start(options)
    _write(plan, run, options)
    raise typer.Exit(run.exit_code(options.fail_on, none_is_ok=options.force_exclude))


class _Options(NamedTuple):
    """What `check` was asked to do: the command line over the configuration file over the defaults."""

    paths: list[str]
    rules: str | None
    deviations: str | None
    today: dt.date | None
    encoding: str | None
    jobs: int
    selection: "Selection"
    fail_on: "Severity | None"
    lang: str
    dest: dict[Format, Path | None]
    show_all: bool
    details: bool
    color: Color
    force: bool
    previous: str | None
    hints: "TextHints"
    force_exclude: bool
    stdin_name: str | None
    quiet: bool
    verbose: bool
    max_bytes: int = 65_536  # --format markdown's budget, in characters

    @classmethod
    def resolved(cls, v: dict[str, Any], **given: Any) -> "_Options":
        from hulifa.model import Severity

        format_names, outputs = v["format"], v["output"]
        if not format_names and outputs:  # -o report.json alone: the format from the extension
            format_names, outputs = formats_from_outputs(outputs, tuple(f.value for f in Format))
        chosen = list(dict.fromkeys([Format(f) for f in format_names or [Format.table]]))
        paths, previous = given["paths"], given["previous"]
        if previous is not None and (len(paths) != 1 or Path(paths[0]).is_dir() or any(c in paths[0] for c in "*?[")):
            from hulifa.messages import reason

            refuse(reason("option.previous_single"))
        jobs = v["jobs"]
        if jobs == 0:
            from hulifa.cli.jobs import auto_jobs

            jobs = auto_jobs()
        fail_on = FailOn(v["fail-on"])
        return cls(
            rules=v["rules"],
            deviations=v["deviations"],
            today=parse_today(v["today"]),
            encoding=v["encoding"],
            jobs=jobs,
            selection=scan_selection(
                v["exclude"], v["extend-exclude"], given["force_exclude"], v["respect-gitignore"], v["include"]
            ),
            fail_on=None if fail_on is FailOn.never else Severity(fail_on.value),
            lang=Lang(v["lang"]).value,
            dest=_destinations(chosen, outputs or []),
            **given,
        )

    def note(self, message: str) -> None:
        """A line on stderr that -q silences (what was skipped, and with -v what was read)."""
        if not self.quiet:
            say(message)


class _Plan(NamedTuple):
    """Where each format goes and how it is written: streamed (pieces rendered where the report was
    checked, or a writer fed here), or rendered at the end from every result (`whole`)."""

    inputs: frozenset[tuple[int, int]]  # the identities of the input files: no output may replace one
    pieces: list[Format]
    writers: list[Format]
    whole: list[Format]
    table: bool
    step_summary: bool
    total: int  # how many files the inputs mean, or more than DETAIL_LIMIT when no bar shows (_count)

    @property
    def keep(self) -> bool:
        """Whether every result must be kept until the end."""
        return bool(self.whole)

    @classmethod
    def made(cls, o: _Options) -> "_Plan":
        from hulifa.atomic import check_target
        from hulifa.errors import InputError
        from hulifa.reporters import module
        from hulifa.reporters.streaming import in_pieces, streams

        # Only an output that exists now can be one of the inputs: the folders are walked again only then.
        existing = any(file is not None and file.is_file() for file in o.dest.values())
        inputs = _input_identities(o.paths, o.selection, o.rules, o.previous, o.deviations) if existing else frozenset()
        for file in o.dest.values():  # before any work: a run that cannot write its output fails at once
            if file is not None:
                try:
                    check_target(file, force=o.force, inputs=inputs)
                except InputError as error:
                    die_error(error, o.lang)
        pieces: list[Format] = []
        writers: list[Format] = []
        whole: list[Format] = []
        for fmt in o.dest:
            if fmt is Format.table:
                continue
            mod = module(fmt.value)
            (pieces if in_pieces(mod) else writers if streams(mod) else whole).append(fmt)
        return cls(
            inputs=inputs,
            pieces=pieces,
            writers=writers,
            whole=whole,
            table=Format.table in o.dest,
            step_summary=Format.github in o.dest and bool(os.environ.get("GITHUB_STEP_SUMMARY")),
            total=_count(o),
        )


def _count(o: _Options) -> int:
    """How many files the inputs mean, counted before the run by a second walk of the folders (no file
    is read): whether a batch is small enough for per-report tables, and the progress bar's total.
    Without a bar (not a terminal, CI, -q) the walk stops once past the per-report limit: on 10,000
    files the whole second walk was ~3% of a run."""
    import itertools

    from hulifa.discovery import discover

    found = discover(o.paths, o.selection)
    if o.quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        found = itertools.islice(found, DETAIL_LIMIT + 1)
    return sum(1 for _ in found)


def _start(o: _Options) -> "Run":
    """The run: the pack and deviations loaded (a broken one ends here, exit 2)."""
    from hulifa.errors import InputError
    from hulifa.runner import Run

    try:
        run = Run(
            o.paths,
            o.rules,
            deviations=o.deviations,
            today=o.today,
            jobs=o.jobs,
            encoding=o.encoding,
            previous=o.previous,
            hints=o.hints,
            selection=o.selection,
            on_skip=lambda path, why: o.note(f"{path}: {why.get(o.lang)}"),
            stdin_name=o.stdin_name,
        )
    except InputError as error:
        die_error(error, o.lang)
    if o.verbose:
        from hulifa.messages import reason

        pack = run.pack
        source = o.rules or "default"
        said = reason("check.verbose_pack", id=pack.id, version=pack.version, count=len(pack.rules), source=source)
        say_lines(said, o.lang)
        if o.deviations is not None:
            say_lines(reason("check.verbose_deviations", file=o.deviations, count=len(run.deviations)), o.lang)
    return run


def _write(plan: _Plan, run: "Run", o: _Options) -> None:
    """Check every input, write each format as results arrive, then what needs the whole run."""
    from hulifa.atomic import write_output
    from hulifa.errors import InputError
    from hulifa.model import CheckResult

    show_details = not o.quiet and (o.details or plan.total <= DETAIL_LIMIT)
    # Without per-report blocks the table needs only a summary row of each report, made where the
    # report is checked: with --jobs the whole result need not cross between processes for it.
    rows_only = plan.table and not show_details
    transform = partial(
        _prepare,
        formats=tuple(f.value for f in plan.pieces),
        lang=o.lang,
        send=plan.keep or bool(plan.writers) or (plan.table and not rows_only) or plan.step_summary,
        verbose=o.verbose,
        rules=o.rules,
        summary=rows_only,
    )
    summary = _summary_writer(run, o.lang) if plan.step_summary else None
    try:
        table = _TableOut(o.dest[Format.table], o, show_details, plan.inputs) if plan.table else None
        live = table is not None and table.live and show_details
        progress = None if o.quiet else _progress(plan.total, o.lang, quiet=live)
        started()  # the first report comes next: the collector runs from here (hulifa.__main__)
        try:
            kept = _stream(plan, run, o, transform, table, progress, summary)
        finally:
            if progress:
                progress.close()
        result = CheckResult(reports=tuple(kept), pack=run.pack)
        for fmt in plan.whole:
            file = o.dest[fmt]
            text = _renderer(fmt)(result, o.lang)
            if file is None:
                sys.stdout.write(text)
            else:
                write_output(file, text, force=o.force, inputs=plan.inputs)
    except InputError as error:
        die_error(error, o.lang)
    if summary is not None:
        _append_step_summary(summary, o.lang)


def _renderer(fmt: Format) -> "Callable[[CheckResult, str], str]":
    from hulifa.reporters import renderer

    return renderer(fmt.value)


class _Prepared(NamedTuple):
    """What the CLI needs of one checked report: made where the report was checked (with --jobs, in a
    worker), so the parent neither renders it nor receives the whole result unless a format needs it."""

    texts: dict[str, str]  # format streamed in pieces -> this report's piece
    errors: tuple[str, ...]  # "file:line:col: message" when the file could not be checked
    read: str  # with --verbose: what was read
    result: "ReportResult | None"  # when a writer, the table's blocks or a whole-run format needs it
    summary: "SummaryItem | None" = None  # the table's summary row, when that is all the table shows


def _prepare(
    result: "ReportResult",
    formats: tuple[str, ...],
    lang: str,
    send: bool,
    verbose: bool,
    rules: str | None = None,
    summary: bool = False,
) -> _Prepared:
    if "json" in formats or "json-compact" in formats:
        _json_table(rules)
    errors: tuple[str, ...] = ()
    if not result.checked:
        from hulifa import messages

        errors = tuple(f"{f.file}:{f.line}:{f.column}: {messages.message(f, lang)}" for f in result.findings)
    read = ""
    if verbose and result.checked:
        from hulifa.messages import reason

        body = " ".join(str(p) for p in (result.region, result.year, result.level) if p)
        last = reason("check.read.previous", previous=result.previous) if result.previous else ""
        read = reason("check.read", file=result.file, body=body, count=len(result.findings), previous=last).get(lang)
    row = None
    if summary:
        from hulifa.reporters.table import summary_item

        row = summary_item(result, lang)
    return _Prepared(
        texts={fmt: _item(fmt)(result, lang) for fmt in formats},
        errors=errors,
        read=read,
        result=result if send else None,
        summary=row,
    )


@cache
def _item(fmt: str) -> "Callable[[ReportResult, str], str]":
    """A streamed format's `item`, looked up once, not once a report (an import_module call each)."""
    from hulifa.reporters import module

    item: Callable[[ReportResult, str], str] = module(fmt).item
    return item


def _json_table(rules: str | None) -> None:
    """JSON findings refer to the pack's `rules` table; in a --jobs worker head() never ran."""
    from hulifa.reporters import json_
    from hulifa.rulepack import load_pack

    json_.ensure_table(lambda: load_pack(rules))


def _stream(
    plan: _Plan,
    run: "Run",
    o: _Options,
    transform: "Callable[[ReportResult], _Prepared]",
    table: "_TableOut | None",
    progress: "_Progress | None",
    summary: "MarkdownWriter | None" = None,
) -> "list[ReportResult]":
    """Write the streamed formats as results arrive; return the results only if some format needs them all."""
    from hulifa.atomic import Sink, StdoutSink, open_output
    from hulifa.reporters import module
    from hulifa.reporters.streaming import Document

    kept: list[ReportResult] = []
    docs: list[tuple[str, Document, Sink]] = []
    try:
        for fmt in (*plan.pieces, *plan.writers):
            file = o.dest[fmt]
            sink = open_output(file, force=o.force, inputs=plan.inputs) if file is not None else StdoutSink()
            options = {"max_bytes": o.max_bytes} if fmt is Format.markdown else {}
            docs.append((fmt.value, Document(module(fmt.value), sink, run.pack, o.lang, o.fail_on, **options), sink))
        for prepared in run.results(transform):
            for name, doc, _ in docs:
                doc.add(prepared.result, prepared.texts.get(name))
            for line in prepared.errors:  # whatever the format, say once, on stderr, why a file was not checked
                say(line)
            if prepared.read:
                say(prepared.read)
            if table is not None and prepared.summary is not None:
                table.summary.add_item(prepared.summary)
            elif table is not None and prepared.result is not None:
                table.add(prepared.result)
            if summary is not None and prepared.result is not None:
                summary.item(prepared.result)
            if prepared.result is not None and plan.keep:
                kept.append(prepared.result)
            if progress:
                progress(prepared)
            raise_if_signalled()
        if progress:
            progress.close()
        for _, doc, _ in docs:
            doc.finish()
        if table is not None:
            table.finish()
        raise_if_signalled()
    except BaseException:
        for _, doc, sink in docs:
            doc.close()
            sink.abort()
        if summary is not None:
            summary.close()
        if table is not None:
            table.sink.abort()
        raise
    for _, _, sink in docs:
        sink.commit()
    if table is not None:
        table.sink.commit()
    return kept


def _input_identities(paths: list[str], selection: "Selection", *named: str | None) -> frozenset[tuple[int, int]]:
    """The files this run reads (inputs found in folders and globs, the pack, last year's report,
    deviations): an output that is one of them is refused, whatever its name."""
    from hulifa.atomic import identities
    from hulifa.discovery import discover

    found = [item.path for item in discover([p for p in paths if p != "-"], selection) if item.error is None]
    return identities([*found, *named])


def _summary_writer(run: "Run", lang: str) -> "MarkdownWriter":
    """The step summary, fed as results arrive (`--format github` with $GITHUB_STEP_SUMMARY set)."""
    from hulifa.reporters.markdown import summary_writer

    return summary_writer(run.pack, lang)


def _append_step_summary(summary: "MarkdownWriter", lang: str) -> None:
    from hulifa.reporters.markdown import append_step_summary

    path = os.environ["GITHUB_STEP_SUMMARY"]
    try:
        append_step_summary(path, summary)
    except OSError as exc:
        from hulifa.messages import reason

        say_lines(reason("check.step_summary", path=path, why=exc.strerror or str(exc)), lang, "")
    finally:
        summary.close()


def scan_selection(
    exclude: list[str] | None,
    extend_exclude: list[str] | None,
    force_exclude: bool,
    gitignore: bool,
    include: list[str] | None = None,
) -> "Selection":
    from hulifa.discovery import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Selection

    return Selection(
        include=tuple(include) if include is not None else DEFAULT_INCLUDE,
        exclude=tuple(exclude) if exclude is not None else DEFAULT_EXCLUDE,
        extend_exclude=tuple(extend_exclude or ()),
        gitignore=gitignore,
        force_exclude=force_exclude,
    )


class _TableOut:
    """`--format table`, written as results arrive: each report's block while blocks are wanted, one
    small row per report for the batch summary, and the verdict line at the end. No finding outlives
    its report, so a batch of any size runs in flat memory.

    A terminal gets rich (colours, the console's width); a pipe or a file gets the same text laid out
    by table_plain, which does not import rich's console, for a shorter start (README, Start-up)."""

    def __init__(
        self, file: Path | None, o: _Options, details: bool, inputs: frozenset[tuple[int, int]] = frozenset()
    ) -> None:
        import time

        from hulifa.atomic import Sink, StdoutSink, open_output
        from hulifa.reporters.table import BatchSummary

        self.lang, self.show_all, self.details, self.quiet = o.lang, o.show_all, details, o.quiet
        self.started = time.perf_counter()
        self.summary = BatchSummary()
        self.live = file is None or str(file) == "-"
        self.sink: Sink = StdoutSink() if file is None else open_output(file, force=o.force, inputs=inputs)
        self.console: Console | None = None
        if self.live and _colours(o.color):
            from rich import console

            self.console = console.Console(highlight=False, markup=False, emoji=False, **color_args(o.color))
        self.width = self.console.width if self.console is not None else _pipe_width() if self.live else 160

    def _print(self, blocks: "Sequence[SummaryRows | Block]") -> None:
        if self.console is not None:
            from hulifa.reporters.table_rich import printable

            self.console.print(printable(blocks))
            return
        from hulifa.reporters.table import text

        self.sink.write(text(blocks, self.width))

    def add(self, report: "ReportResult") -> None:
        from hulifa.reporters.table import BLANK, report_blocks, unchecked_blocks

        if self.details and not report.checked:  # the reason is said once, on stderr
            self._print(unchecked_blocks(report, self.lang, self.width))
        elif self.details:
            self._print([*report_blocks(report, self.lang, self.show_all, self.width), BLANK])
        self.summary.add(report, self.lang)

    def finish(self) -> None:
        import time

        from hulifa.reporters.table import BLANK, Line

        out: list[SummaryRows | Block] = []
        if len(self.summary.rows) > 1 and not self.quiet:
            out += self.summary.blocks(self.lang, self.width)
            out.append(BLANK)
        seconds = time.perf_counter() - self.started if self.live and sys.stdout.isatty() else None
        out.append(Line(((self.summary.verdict(self.lang, seconds), "bold"),)))
        for part in out:  # one at a time: the summary comes in chunks of rows, never laid out whole
            self._print([part])


def _colours(color: Color) -> bool:
    """Whether rich writes the table: on a terminal, or when colours are asked for (--color always,
    FORCE_COLOR or TTY_COMPATIBLE=1, as rich reads them)."""
    forced = bool(os.environ.get("FORCE_COLOR")) or os.environ.get("TTY_COMPATIBLE") == "1"
    return color is Color.always or (color is Color.auto and forced) or sys.stdout.isatty()


def _pipe_width() -> int:
    """The width rich gives a console that does not write to a terminal: COLUMNS, else the size of
    the terminal on stdin, stdout or stderr, else 80."""
    width = 0
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
            break
        except (AttributeError, ValueError, OSError):  # not a terminal
            pass
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() else width
    return width or 80


class _Progress:
    """A progress bar on stderr for long batches (count, total, time left); only on a terminal, never in CI."""

    def __init__(self, total: int, lang: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from hulifa.messages import reason

        self.bar = Progress(
            TextColumn(reason("check.progress").get(lang)),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
            console=stderr_console(),
        )
        self.task = self.bar.add_task("check", total=total)
        self.bar.start()

    def __call__(self, _result: object) -> None:
        self.bar.advance(self.task)

    def close(self) -> None:
        self.bar.stop()


def _progress(total: int, lang: str, quiet: bool = False) -> _Progress | None:
    if quiet or total < 2 or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    return _Progress(total, lang)
