"""Usage errors: what click (vendored by typer) raises while it reads the command line, an unknown
option or command, a bad or missing value, an extra argument, said as hulifa's own message (worded
by usage_text.py) on stderr, exit 2.

`Group` is the app's click group (`typer.Typer(cls=Group)`): it turns a usage error into `Said`, which
typer shows and exits 2 with like any click error, so the installed command, `python -m hulifa.cli`
and typer's CliRunner say the same. Only this much is imported at every start; the wording when
there is an error to word.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from typer._click.exceptions import BadParameter, ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click.core import Context

    from hulifa.model import Text

_ARGV = "hulifa.argv"  # ctx.meta key: the command line as given (the parser consumes its list)


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


class Group(TyperGroup):
    """typer's group whose usage errors, its own and its commands', are `Said`."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            ctx.meta[_ARGV] = list(args)
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
        raise Said(said(error, root, root.meta.get(_ARGV, []))) from None
