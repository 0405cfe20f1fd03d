"""The options commands share, each defined once: `--format` (every format, and which command writes
which), `--rules`, `--lang` and `--encoding`. An option means the same thing, with the same help,
in every command that takes it."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hulifa.cli import Lang
from hulifa.cli.usage import Refused

if TYPE_CHECKING:
    from hulifa.model import Text


class Format(StrEnum):
    """Every output format of every command (`check`'s are hulifa.reporters.FORMATS)."""

    table = "table"
    json = "json"
    json_compact = "json-compact"
    junit = "junit"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    parsable = "parsable"
    html = "html"
    codequality = "codequality"
    yaml = "yaml"


# The formats each command writes, its default first.
FORMATS_OF: dict[str, tuple[Format, ...]] = {
    "check": (
        Format.table,
        Format.json,
        Format.json_compact,
        Format.junit,
        Format.sarif,
        Format.github,
        Format.markdown,
        Format.parsable,
        Format.html,
        Format.codequality,
    ),
    "diff": (Format.table, Format.json),
    "extract": (Format.yaml, Format.json),
}


def not_written(command: str, fmt: Format) -> "Text":
    """What `command` says of a format it does not write, with the ones it does."""
    from hulifa.messages import reason  # only on a refusal

    names = "|".join(f.value for f in FORMATS_OF[command])
    return reason("usage.not_written", command=command, fmt=fmt.value, names=names)


def format_option(command: str, *, repeatable: bool = False) -> Any:
    """`-f/--format` for `command`: its formats in --help, and any other format refused (exit 2)."""
    formats = FORMATS_OF[command]
    names = "|".join(f.value for f in formats)

    def written_by_command(value: Format | list[Format] | None) -> Format | list[Format] | None:
        for fmt in value if isinstance(value, list) else [value]:
            if fmt is not None and fmt not in formats:
                raise Refused(not_written(command, fmt))
        return value

    text = "输出格式,可重复 / output format, repeatable" if repeatable else "输出格式 / output format"
    if len(names) > 24:  # wider than --help's option column at 80 columns: the list goes in the help text
        return typer.Option("--format", "-f", metavar="<format>", callback=written_by_command, help=f"{text}: {names}")
    return typer.Option("--format", "-f", metavar=f"<{names}>", callback=written_by_command, help=text)


RulesOption = Annotated[
    str | None,
    typer.Option(
        "--rules",
        "-r",
        help="规则包:文件或内置包名(默认:内置 default)/ rule pack: a YAML file or a bundled pack's name "
        "(default: the bundled default)",
    ),
]


def known_lang(value: str | Lang) -> Lang:
    """`--lang` is zh or en; anything else is refused in both languages (exit 2), by every command."""
    if isinstance(value, Lang):
        return value
    if value not in Lang.__members__:
        from hulifa.messages import reason

        raise Refused(reason("usage.lang", value=value, names="|".join(Lang)))
    return Lang(value)


# Parsed by known_lang, whose refusal says what the languages are.
LangOption = Annotated[
    Lang, typer.Option("--lang", metavar="<zh|en>", parser=known_lang, help="消息语言 / message language")
]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", help="强制输入编码(默认自动识别 UTF-8/16、GB18030)/ force the input encoding"),
]
