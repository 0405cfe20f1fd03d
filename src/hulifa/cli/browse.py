"""The smaller commands: `diff`, `schema`, `rules list|show`, `init`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from hulifa.model import Rule

from hulifa.cli import FailOn, Lang, die_error, load_pack_or_die, refuse, say_lines, text_hints
from hulifa.cli.options import EncodingOption, Format, LangOption, RulesOption, format_option
from hulifa.cli.usage import Group, both, described


@described(
    "两年报告逐项对比:数值、变化与趋势。\n\n"
    "退出码与 check 相同:趋势检查未达标且达到 --fail-on 级别时为 1,文件无法读取时为 2。\n\n"
    "示例:hulifa diff 2023.yaml 2024.yaml",
    "Two years side by side: values, change, trend verdicts.\n\n"
    "Exit codes as for check: 1 when a trend check fails at or above --fail-on, 2 when a file cannot be read.\n\n"
    "Example: hulifa diff 2023.yaml 2024.yaml",
)
def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar=both("上年报告", "old"), help=both("上年报告数据", "last year's report data"), show_default=False
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            metavar=both("本年报告", "new"), help=both("本年报告数据", "this year's report data"), show_default=False
        ),
    ],
    rules: RulesOption = None,
    fmt: Annotated[Format, format_option("diff")] = Format.table,
    lang: LangOption = Lang.zh,
    encoding: EncodingOption = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(help=both("趋势未达标且达到此级别即以 1 退出", "exit 1 when a trend fails at this severity")),
    ] = FailOn.error,
) -> None:
    from hulifa.diff import compare, render_json, render_table
    from hulifa.errors import InputError
    from hulifa.model import Severity
    from hulifa.runner import load_input

    pack = load_pack_or_die(rules, lang.value)
    try:
        comparison = compare(pack, load_input(old, pack, encoding), load_input(new, pack, encoding))
    except InputError as error:
        die_error(error, lang.value)
    sys.stdout.write(render_json(comparison) if fmt is Format.json else render_table(comparison, lang.value))
    raise typer.Exit(comparison.exit_code(None if fail_on is FailOn.never else Severity(fail_on.value)))


class SchemaName(StrEnum):
    report = "report"
    rulepack = "rulepack"
    config = "config"
    output = "output"


@described(
    "打印 JSON Schema,供编辑器校验(yaml-language-server)。\n\n"
    "保存后在 YAML 文件开头加上这一行:\n\n# yaml-language-server: $schema=report.schema.json",
    "Print a JSON Schema for editors (yaml-language-server).\n\n"
    "Save it and add this line to the top of your YAML:\n\n# yaml-language-server: $schema=report.schema.json",
)
def schema(
    name: Annotated[
        SchemaName,
        typer.Argument(
            metavar=both("名称", "name"),
            help=both(
                "report、rulepack、config 或 output(--format json 的输出)",
                "report, rulepack, config or output (what --format json writes)",
            ),
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=both("写入此文件(如 report.schema.json)", "write it to this file")),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=both("覆盖已存在的文件", "overwrite the file"))] = False,
    lang: LangOption = Lang.zh,
) -> None:
    from hulifa.rulepack import schema_text

    if output is None:
        sys.stdout.write(schema_text(name.value))
        return
    from hulifa.atomic import write_output
    from hulifa.errors import InputError

    try:  # refuses an existing file without --force, and writes atomically
        write_output(output, schema_text(name.value), force=force)
    except InputError as error:
        die_error(error, lang.value)


rules_app = typer.Typer(cls=Group, no_args_is_help=True)


@rules_app.callback()
@described("查看规则包中的指标。", "Browse the indicators of a rule pack.")
def rules() -> None:
    pass


# From this many columns on, unit, target and the missing-figure severity have columns of their own.
RULES_WIDE = 140


@rules_app.command("list")
@described(
    "列出指标、目标、级别与依据强度。\n\n"
    "任何宽度下指标 id 都完整显示(名称换行)。--format json 给出脚本所需的全部字段:"
    "id、名称、单位、目标、级别、依据强度与依据文件。",
    "List indicators with target, severity and strength.\n\n"
    "Ids are shown whole at any width (the name wraps instead). --format json gives every field a "
    "script needs: id, names, unit, target, severities, strength and the basis document.",
)
def rules_list(
    rules: RulesOption = None,
    level: Annotated[Level | None, typer.Option(help=both("只列出适用于此级别的指标", "only this level"))] = None,
    year: Annotated[
        int | None, typer.Option(min=1990, max=2100, help=both("只列出适用于此年度的指标", "only this year"))
    ] = None,
    fmt: Annotated[Format, format_option("rules list")] = Format.table,
    lang: LangOption = Lang.zh,
) -> None:
    from hulifa.messages import expected_text, reason

    pack = load_pack_or_die(rules, lang.value)
    chosen = [
        rule
        for rule in pack.rules
        if not (level or year)
        or rule.applies(level.value if level else (rule.levels[0].body if rule.levels else ""), year or 2024)
    ]
    if fmt is Format.json:
        import json

        doc = {
            "rule_pack": {"id": pack.id, "version": pack.version, "title": pack.title},
            "rules": [
                {
                    "id": rule.id,
                    "name": rule.name,
                    "name_en": rule.name_en,
                    "unit": rule.unit,
                    "target": expected_text(rule),
                    "severity": rule.severity.value,
                    "missing_severity": rule.missing_severity.value,
                    "strength": rule.basis.strength.value,
                    "basis": rule.basis.cite(),
                }
                for rule in chosen
            ],
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from hulifa.reporters.table_rich import Trimmed
    from hulifa.textsafe import visible as clean

    def head(name: str) -> str:
        return reason(f"rules.head.{name}").get(lang.value)

    def named(rule: Rule) -> str:
        return (rule.name_en or rule.name) if lang is Lang.en else rule.name

    console = Console(highlight=False, markup=False, emoji=False)
    from hulifa.reporters.labels import pack_title
    from hulifa.reporters.labels import severity as severity_word
    from hulifa.reporters.labels import strength as strength_word

    def strength(rule: Rule) -> str:  # in words, as check shows it; the code is in --format json
        return strength_word(rule.basis.strength.value, lang.value)

    title = Text(clean(f"{pack_title(pack.title, lang.value)} ({pack.id} {pack.version})"), "bold")
    if console.width < RULES_WIDE:  # a rule is two lines: id, severity and strength; the name and target
        from rich.cells import cell_len
        from rich.console import Group, RenderableType
        from rich.padding import Padding

        def severity(rule: Rule) -> str:
            said = severity_word(rule.severity, lang.value)
            if rule.missing_severity is rule.severity:
                return said
            return f"{said} ({severity_word(rule.missing_severity, lang.value)})"

        rows = [("id", head("severity"), head("strength")), ("", f"({head('missing')})", "")]
        rows += [(clean(r.id), severity(r), strength(r)) for r in chosen]
        widths = [max(cell_len(row[i]) for row in rows) for i in range(1, 3)]

        def line(cells: tuple[str, str, str], style: str) -> Table:
            grid = Table.grid(padding=(0, 2), expand=True)
            grid.add_column(ratio=1, no_wrap=True)  # ids are at most ~40 characters: whole at 80 columns
            for width in widths:
                grid.add_column(no_wrap=True, width=width)
            grid.add_row(*(Text(c, style) for c in cells))
            return grid

        out: list[RenderableType] = [title, line(rows[0], "bold"), line(rows[1], "dim")]
        for rule, cells in zip(chosen, rows[2:], strict=True):
            out.append(line(cells, ""))
            about = " · ".join(clean(x) for x in (named(rule), expected_text(rule, lang.value)) if x)
            out.append(Padding(Text(about), (0, 0, 0, 4), expand=False))
        console.print(Trimmed(Group(*out)))
        return
    table = Table(title=title, header_style="bold", box=None)
    table.add_column("id", no_wrap=True)
    table.add_column(head("name"), ratio=1, overflow="fold")
    table.add_column(head("unit"), no_wrap=True)
    table.add_column(head("target"), overflow="fold")
    table.add_column(head("severity"), no_wrap=True)
    table.add_column(head("missing"), no_wrap=True)
    table.add_column(head("strength"), no_wrap=True)
    for rule in chosen:
        target = expected_text(rule, lang.value)
        severities = [severity_word(s, lang.value) for s in (rule.severity, rule.missing_severity)]
        values = [rule.id, named(rule), rule.unit, target, *severities, strength(rule)]
        table.add_row(*(Text(clean(v)) for v in values))
    console.print(Trimmed(table))


@rules_app.command("show")
@described(
    "显示一个指标的全部信息,含依据与说明。",
    "Everything about one indicator, with its basis.",
)
def rules_show(
    rule_id: Annotated[
        str,
        typer.Argument(
            metavar=both("指标", "rule_id"), help=both("指标 id、中文名或别名", "indicator id, name or alias")
        ),
    ],
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    from hulifa.textsafe import visible as clean

    pack = load_pack_or_die(rules, lang.value)
    table = pack.index.by_key
    rule = table.get(rule_id)
    if rule is None:
        import difflib

        from hulifa.messages import reason
        from hulifa.model import Text

        close = difflib.get_close_matches(rule_id, sorted(table), n=3, cutoff=0.4)
        hint = reason("rules.close", names=Text("、".join(close), ", ".join(close))) if close else ""
        refuse(reason("rules.no_such", rule_id=rule_id, close=hint))
    import shutil

    width = min(SHOW_WIDTH, shutil.get_terminal_size().columns)  # COLUMNS, else the terminal's
    sys.stdout.write("".join(clean(line) + "\n" for line in shown_rule(rule, lang.value, width)))


SHOW_WIDTH = 80  # `rules show` fits the narrowest usual terminal, and a narrower one it is in
STACKED = 30  # below this many cells beside the labels, each value goes under its label instead


def shown_rule(rule: Rule, lang: str, width: int = SHOW_WIDTH) -> list[str]:
    """`rules show`'s lines in `lang`: the indicator's name (the pack's, in that language) and id, then
    a label and its value a line, a long value wrapped under where it starts, within `width` cells."""
    from hulifa.cli.helpformat import wrap
    from hulifa.messages import LIMITS, citation, expected_text, reason, scopes_text
    from hulifa.reporters._common import qualifier_text
    from hulifa.reporters.labels import severity as severity_word
    from hulifa.reporters.labels import strength as strength_word
    from hulifa.textsafe import cells

    def said(message_id: str, **values: object) -> str:
        return reason(message_id, **values).get(lang)

    b = rule.basis
    name, other = ((rule.name_en or rule.name), rule.name) if lang == "en" else (rule.name, rule.name_en)
    years = f"{rule.year_from or ''}–{rule.year_to or ''}" if rule.year_from or rule.year_to else ""
    applies = said("rules.show.levels", levels=scopes_text(rule, lang) or said("rules.show.all"))
    severity, missing = (severity_word(s, lang) for s in (rule.severity, rule.missing_severity))
    severities = said("rules.show.severities", severity=severity, missing=missing)
    qualified = qualifier_text(b, lang)
    fields = [
        ("other_name", other),
        ("unit", rule.unit + (said("rules.show.also", units=", ".join(rule.units)) if rule.units else "")),
        ("target", expected_text(rule, lang)),
        ("severity", severities),
        ("applies", applies + (said("rules.show.years", years=years) if years else "")),
        ("basis", (citation(b, lang) if lang == "en" else f"{b.document} {b.article}".strip()) + qualified),
        ("strength", f"{strength_word(b.strength.value, lang)} ({b.strength.value})"),
        ("source", b.url),
        ("note", b.note),
        ("why", rule.why),
        ("aliases", "、".join(rule.aliases)),
        ("limits", LIMITS.get(lang)),
        ("defined", f"{rule.source.file}:{rule.source.line}"),
    ]
    labels = {key: "  " + said(f"rules.show.{key}") + ":" for key, _ in fields}
    column = max(cells(label) for label in labels.values()) + 1
    stacked = width - column < STACKED  # a phone's 40 columns: 24 cells beside the labels broke a title
    lines = wrap(f"{name}  ({rule.id})", width)
    for key, value in fields:
        if not value:
            continue
        beside = stacked and cells(f"{labels[key]} {value}") <= width  # "  单位: %" stays one line
        room = width - 4 if stacked and not beside else width - column
        # a link is never cut: the terminal folds it, and it still opens and copies whole; a citation
        # breaks after its 《title》 or before it where it can (joined), not in mid-title
        parts = [value] if key == "source" else split_lines(value, max(room, 20), titled=key == "basis")
        if beside:
            lines.append(f"{labels[key]} {value}")
        elif stacked:
            lines += [labels[key], *("    " + part for part in parts)]
        else:
            lines.append(labels[key] + " " * (column - cells(labels[key])) + parts[0])
            lines += [" " * column + part for part in parts[1:]]
    return lines


def split_lines(text: str, width: int, titled: bool = False) -> list[str]:
    """`text` in lines within `width` cells: between words, a run of Chinese wherever it must break;
    with `titled`, after a 《title》 or before one where it then fits (see reporters.table.joined)."""
    from hulifa.cli.helpformat import wrap

    if not titled:
        return wrap(text, width)
    from hulifa.reporters.table import joined

    return joined([text], width).split("\n")


class Level(StrEnum):
    province = "province"
    city = "city"
    county = "county"
    district = "district"
    town = "town"
    department = "department"


class DepartmentOf(StrEnum):
    province = "province"
    city = "city"
    county = "county"


@described(
    "生成报告数据模板,列出所有须填报的指标。\n\n从不覆盖已有文件。",
    "Write a report-data template with every required indicator.\n\nNever overwrites an existing file.",
)
def init(
    output: Annotated[
        Path,
        typer.Argument(
            metavar=both("文件", "output"), help=both("要写入的报告数据文件", "the report-data file to write")
        ),
    ],
    region: Annotated[
        str, typer.Option(help=both("地区或部门名称,如 湖里区", "the region or department, as the report names it"))
    ],
    year: Annotated[int, typer.Option(min=1990, max=2100, help=both("报告所属年度", "the year reported on"))],
    level: Annotated[Level, typer.Option(help=both("层级", "level"))],
    department_of: Annotated[
        DepartmentOf | None,
        typer.Option(help=both("部门报告:哪一级政府的部门", "for a department: whose department it is")),
    ] = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    from hulifa.atomic import STDOUT, write_output
    from hulifa.errors import InputError
    from hulifa.messages import reason
    from hulifa.template import report_template

    text_hints(year, level.value, region)  # an empty --region is refused, as check and extract refuse it
    pack = load_pack_or_die(rules, lang.value)
    if str(output) != STDOUT and output.exists() and output.is_file():  # the user's own file, not at fault
        refuse(reason("init.exists", output=str(output)))
    try:
        write_output(
            output,
            report_template(pack, region, year, level.value, department_of.value if department_of else "", lang.value),
            force=False,
        )
    except InputError as error:
        die_error(error, lang.value)
    if str(output) != STDOUT:
        say_lines(reason("init.wrote", output=str(output)), lang.value, "")
