"""The options commands share, each defined once: `--format` (which command writes which format),
`--rules`, `--lang` and `--encoding`. An option means the same thing, with the same help, in every
command that takes it."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.core import Context, Parameter
from typer._types import TyperChoice

from hulifa.cli import Lang
from hulifa.cli.usage import Refused, both

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
    "rules list": (Format.table, Format.json),
}


def not_written(command: str, fmt: Format) -> "Text":
    """What `command` says of a format it does not write, with the ones it does."""
    from hulifa.messages import reason  # only on a refusal

    names = "|".join(f.value for f in FORMATS_OF[command])
    return reason("usage.not_written", command=command, fmt=fmt.value, names=names)


class _Written(TyperChoice[Format]):
    """The formats one command writes, the only ones its --format accepts, lists and completes. A
    format another command writes is refused as one this command does not (`check -f yaml`); any
    other word as not a choice, naming this command's formats (usage_text.py)."""

    def __init__(self, command: str) -> None:
        super().__init__(FORMATS_OF[command])
        self.command = command

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        fmt = next((f for f in Format if f.value == value), None)
        if fmt is not None and fmt not in self.choices:
            refused = Refused(not_written(self.command, fmt))
            refused.param, refused.ctx = param, ctx
            raise refused
        return super().convert(value, param, ctx)


def format_option(command: str, *, repeatable: bool = False) -> Any:
    """`-f/--format` for `command`: its formats alone, in --help and in what it accepts (exit 2 else)."""
    names = "|".join(f.value for f in FORMATS_OF[command])
    zh, en = ("输出格式,可重复", "output format, repeatable") if repeatable else ("输出格式", "output format")
    if len(names) > 24:  # wider than --help's option column at 80 columns: the list goes in the help text
        listed = both(f"{zh}:{names}", f"{en}: {names}")
        placeholder = both("<格式>", "<format>")
        return typer.Option("--format", "-f", metavar=placeholder, click_type=_Written(command), help=listed)
    return typer.Option("--format", "-f", metavar=f"<{names}>", click_type=_Written(command), help=both(zh, en))


RulesOption = Annotated[
    str | None,
    typer.Option(
        "--rules",
        "-r",
        help=both(
            "规则包:文件或内置包名(默认:内置 default)",
            "rule pack: a YAML file or a bundled pack's name (default: the bundled default)",
        ),
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
    Lang, typer.Option("--lang", metavar="<zh|en>", parser=known_lang, help=both("消息语言", "message language"))
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help=both(
            "强制输入编码(默认自动识别 UTF-8/16、GB18030)",
            "force the input encoding (default: UTF-8/16 or GB18030, recognised)",
        ),
    ),
]
