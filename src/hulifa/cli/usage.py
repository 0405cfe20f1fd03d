"""Usage errors: what click (vendored by typer) raises while it reads the command line, an unknown
option or command, a bad or missing value, an extra argument, said as hulifa's own message (worded
by usage_text.py) on stderr, exit 2.

`Group` is the app's click group (`typer.Typer(cls=Group)`, and `rules`'): it turns a usage error into
`Said`, which typer shows and exits 2 with like any click error, so the installed command, `python -m
hulifa.cli` and typer's CliRunner say the same. Its commands' --help is in the language asked for
and laid out by terminal cells (helpformat.py). Only this much is imported at every start;
the wording when there is an error to word, the layout when there is help to show.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, TypeVar

from typer._click.core import Command, Context, Parameter
from typer._click.exceptions import BadParameter, ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click.formatting import HelpFormatter

    from hulifa.model import Text

ARGV = "hulifa.argv"  # ctx.meta key: the command line as given (the parser consumes its list)


# ------------------------------------------------------------------------------------ help texts
# Every help text is declared in both languages (`both`, `described`): typer, click and shell
# completion read it as "中文 / English", and --help shows the half its language asks for
# (helpformat.py), looked up here by that text. Here, not in a module of their own, because every
# start declares them: a module more was ~1 million instructions of a cold start (callgrind).

_DECLARED: dict[str, tuple[str, str]] = {}
_Command = TypeVar("_Command", bound=Callable[..., object])


def both(zh: str, en: str) -> str:
    """An option's or argument's help, in Chinese and in English."""
    text = f"{zh} / {en}"
    _DECLARED[text] = (zh, en)
    return text


def described(zh: str, en: str) -> Callable[[_Command], _Command]:
    """A command's help, in Chinese and in English (its docstring, as typer reads it). Each language's
    first paragraph is the command's summary in the list of commands."""

    def describe(command: _Command) -> _Command:
        command.__doc__ = both(zh, en)
        return command

    return describe


def in_lang(text: str | None, lang: str) -> str:
    """`text` in `lang` when it was declared in both; a text given in one form only as it is."""
    pair = _DECLARED.get(text or "")
    return (text or "") if pair is None else pair[lang == "en"]


# ---------------------------------------------------------------------------------- usage errors


class Refused(BadParameter):
    """A value one of hulifa's option callbacks refused, with its words in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


class Said(ClickException):
    """A usage error in hulifa's words: typer shows it and exits 2 with it, as it would click's."""

    exit_code = 2

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines

    def show(self, file: IO[Any] | None = None) -> None:
        from hulifa.textsafe import visible  # the options and values are the user's: made visible

        out = file or sys.stderr
        out.write("".join(visible(line) + "\n" for line in self.lines))


# click's and typer's help for the options they add, in both languages as every option's help is
_HELP_HELP = both("显示此帮助并退出", "show this help and exit")
_COMPLETION_HELP = {
    "install_completion": both("为当前 shell 安装命令补全", "install completion for the current shell"),
    "show_completion": both(
        "显示当前 shell 的补全脚本,可复制或自行安装",
        "show completion for the current shell, to copy it or customise the installation",
    ),
}


class CellContext(Context):
    """A context whose help is in the language asked for, laid out by terminal cells (a Chinese
    character takes two): helpformat.py."""

    def make_formatter(self) -> HelpFormatter:
        from hulifa.cli.helpformat import CellFormatter

        return CellFormatter(width=self.terminal_width, max_width=self.max_content_width)

    def get_help(self) -> str:
        from hulifa.cli.helpformat import help_screen
        from hulifa.cli.usage_text import help_lang

        return help_screen(self, help_lang(self))


class Group(TyperGroup):
    """typer's group whose usage errors, its own and its commands', are `Said`, and whose help and
    its commands' is laid out by cells."""

    context_class = CellContext

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        for param in params:  # typer's shell-completion options (added after the group is made)
            if param.name in _COMPLETION_HELP:
                param.help = _COMPLETION_HELP[param.name]  # type: ignore[attr-defined]
        return params

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _HELP_HELP
        return option

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:  # typer builds the commands; their help is ours to lay out and word
            command.context_class = CellContext
            option = command.get_help_option(ctx)
            if option is not None:
                option.help = _HELP_HELP
        return command

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            ctx.meta[ARGV] = list(args)
        with _in_words(ctx):
            return super().parse_args(ctx, args)

    def invoke(self, ctx: Context) -> Any:
        with _in_words(ctx):
            return super().invoke(ctx)


@contextmanager
def _in_words(ctx: Context) -> Iterator[None]:
    try:
        yield
    except NoArgsIsHelpError:
        raise  # a group named without a command: its help, as click shows it
    except UsageError as error:
        from hulifa.cli.usage_text import said

        root = ctx.find_root()
        raise Said(said(error, root, root.meta.get(ARGV, []))) from None
