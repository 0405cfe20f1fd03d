"""The command line: parses options, wires loaders, evaluation and reporters, prints and exits.

The only package that prints or exits. Exit codes: 0 nothing at or above --fail-on, 1 findings,
2 hulifa could not check (bad input, bad rule pack, nothing applicable). The app and what every
command shares live here; check.py holds `check`, browse.py the smaller commands.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, NoReturn, TypedDict

import typer

from hulifa.cli.usage import Group, both, described

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import Console

    from hulifa.errors import InputError
    from hulifa.model import RulePack, Text
    from hulifa.reportdata import TextHints


def _typer(add_completion: bool) -> typer.Typer:
    return typer.Typer(
        name="hulifa",
        cls=Group,  # click's usage errors said in hulifa's words (cli/usage.py)
        no_args_is_help=True,
        # --install-completion / --show-completion for bash, zsh, fish and PowerShell (see README)
        add_completion=add_completion,
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )


# The whole app, every command in it: made on first use (see __getattr__ at the end); `lean` makes
# one with only the command being run.
app: typer.Typer


def _version(value: bool) -> None:
    if value:
        from hulifa.version import __version__

        sys.stdout.write(f"hulifa {__version__}\n")
        raise typer.Exit(0)


@described(
    "法治政府建设年度报告合规检查。\n\n退出码:0 = 没有达到 --fail-on 级别的问题;1 = 有问题;2 = 无法检查。",
    "Compliance checker for the annual rule-of-law government report.\n\n"
    "Exit codes: 0 = nothing at or above --fail-on; 1 = findings; 2 = could not check.",
)
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help=both("显示版本", "show the version")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="<zh|en>",
            parser=lambda value: _known_lang(value).value,
            help=both("此帮助和所有命令的语言", "language of this help and of every command"),
        ),
    ] = None,
) -> None:
    if lang is None and ctx.invoked_subcommand not in _OWN_SETTINGS:
        from hulifa.cli.usage import ARGV
        from hulifa.cli.usage_text import configured_lang

        lang = configured_lang(ctx.meta.get(ARGV, []))  # the configuration file's, for every command
    if lang is not None:  # every command's --lang defaults to it; the command's own still wins
        ctx.default_map = _lang_defaults(ctx.command, lang)


# The commands that read the configuration file themselves, --lang among their settings, and say
# where each came from (`check --show-settings`, `config`): the file's lang is not made theirs here.
_OWN_SETTINGS = frozenset({"check", "config"})


def _known_lang(value: str) -> Lang:
    from hulifa.cli.options import known_lang

    return known_lang(value)


def _lang_defaults(command: object, lang: str) -> dict[str, object]:
    """`hulifa --lang en …` as click's default_map: `{"check": {"lang": "en"}, "rules": {"list": {…}}}`, for
    every command below `command` that takes --lang (settings count it as given on the command line)."""
    from typer.core import TyperGroup

    out: dict[str, object] = {}
    for name, sub in getattr(command, "commands", {}).items():
        if isinstance(sub, TyperGroup):
            out[name] = _lang_defaults(sub, lang)
        elif any(param.name == "lang" for param in sub.params):
            out[name] = {"lang": lang}
    return out


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def stderr_console(color: Color = Color.auto) -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, emoji=False, **color_args(color))


class ColorArgs(TypedDict, total=False):
    """The keyword arguments of rich's Console that --color decides."""

    no_color: bool
    color_system: None
    force_terminal: bool


def color_args(color: Color) -> ColorArgs:
    if color is Color.never or (color is Color.auto and os.environ.get("NO_COLOR")):
        return {"no_color": True, "color_system": None}
    if color is Color.always:
        return {"force_terminal": True}
    return {}


def say(message: str) -> None:
    """A line on stderr, with control characters made visible: file names and pack text are data."""
    from hulifa.textsafe import visible as clean

    sys.stderr.write(clean(message.rstrip("\n")) + "\n")


def die(message: str) -> NoReturn:
    """A clear message on stderr and exit 2: the one way a command gives up."""
    say(message)
    raise typer.Exit(2)


def parse_today(today: str | None) -> dt.date | None:
    import datetime as dt

    if today is None:
        return None
    try:
        return dt.date.fromisoformat(today)
    except ValueError:
        from hulifa.messages import reason

        refuse(reason("option.today", shown=today))


def text_hints(year: int | None, level: str | None, region: str | None) -> TextHints:
    """--year/--level/--region for report text, checked here so a typo stops before any file is read."""
    from hulifa.reportdata import OptionError, TextHints

    try:
        return TextHints.given(year, level, region)
    except OptionError as exc:
        refuse(exc.text)


def asked() -> str | None:
    """The language the running command was asked to speak: its --lang, else the configuration file's
    lang, as a usage error reads them (usage_text.asked_lang); None when neither says."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is None:
        return None
    from hulifa.cli.usage import ARGV
    from hulifa.cli.usage_text import asked_lang

    return asked_lang(ctx.find_root().meta.get(ARGV, []))


def refuse(text: Text, lang: str | None = None) -> NoReturn:
    """`die` with a message of the catalogue: in `lang`, else in the language asked for (`asked`), else in
    both, as a usage error is said; on one line, or on lines within 80 columns where one would not fit."""
    say_lines(text, lang or asked())
    raise typer.Exit(2)


def say_lines(text: Text, lang: str | None, prefix: str = "hulifa: ") -> None:
    """`text` on stderr in `lang` (both when None), on lines within 80 columns, indented under `prefix`."""
    from hulifa.cli.helpformat import message_lines

    for line in message_lines(prefix, [text.get(lang)] if lang else [text.zh, text.en]):
        say(line)


def die_error(error: InputError, lang: str) -> NoReturn:
    """An input error as `file:line:column: message` in `lang`, then exit 2. On one line, however long:
    that line is what editors and CI problem matchers read (and the file's name alone may pass 80)."""
    die(error.render(lang))


def load_pack_or_die(rules: str | None, lang: str = "zh") -> RulePack:
    from hulifa.errors import InputError
    from hulifa.rulepack import load_pack

    try:
        return load_pack(rules)
    except InputError as error:
        die_error(error, lang)


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program is, like KeyboardInterrupt for SIGINT, so every
    `except BaseException`/`finally` on the way out runs: temporary files go, --jobs workers stop."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_received: list[int] = []  # the signal, also when Python swallowed the exception (see raise_if_signalled)


def _terminate(signum: int, _frame: object) -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):  # a second signal must not cut the clean-up short
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    _received.append(signum)
    raise Terminated(signum)


def raise_if_signalled() -> None:
    """Raise Terminated again if a signal came while Python ignores exceptions (in a fork hook, a
    __del__): called between results and before output is moved into place."""
    if _received:
        raise Terminated(_received[0])


def _catch_signals() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP does not exist on Windows
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)


def _stopped(message_id: str, code: int) -> NoReturn:
    """End after a signal: temporary files removed, then out at once. os._exit skips the interpreter's
    exit hooks, among them the join of a --jobs pool's threads, which can wait forever on a worker
    that was terminated halfway through sending a result. Said in both languages: the signal may come
    before the command line is read."""
    output = sys.modules.get("hulifa.atomic")
    if output is not None:
        output.remove_temporary_files()
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    with contextlib.suppress(Exception):  # nothing may keep the process from ending
        from hulifa.messages import reason

        said = reason(message_id)
        sys.stderr.write(f"hulifa: {said.zh} / {said.en}\n")
        sys.stderr.flush()
    os._exit(code)


# Whether the cycle collector is paused for start-up: only hulifa.__main__ (the script) pauses it.
_paused = False
# The commands that end that pause themselves, by calling started() once their start-up is over
# (check: before its first report). Any other command resumes the collector before it is run.
_PAUSED_UNTIL_STARTED = frozenset({"check"})


def started() -> None:
    """Start-up is over: what it made (modules, classes, the app, a command's pack) is frozen, where no
    collection walks it again, and the cycle collector that hulifa.__main__ paused runs from here on.
    Does nothing unless the script paused it: a program that calls the CLI keeps its own collector."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def main(*, collector_paused: bool = False) -> None:
    """Entry point: run the app and turn anything unexpected into a message and exit 2, never a traceback.
    `collector_paused`: hulifa.__main__ disabled the cycle collector for start-up (see started).

    Exit codes on a signal follow the shell's 128 + N: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP."""
    global _paused
    _paused = collector_paused
    _catch_signals()
    try:
        app = lean(sys.argv[1:])  # as installed, also under `python -m hulifa.cli`
        if (sys.argv[1] if len(sys.argv) > 1 else "") not in _PAUSED_UNTIL_STARTED:
            started()
        app(prog_name="hulifa")
    except KeyboardInterrupt:
        _stopped("cli.interrupted", 130)
    except Terminated as stop:
        _stopped("cli.terminated", 128 + stop.signum)
    except SystemExit:
        raise
    except Exception as exc:
        internal_error(exc)
        sys.exit(2)


def internal_error(exc: Exception, prefix: str = "hulifa: ") -> None:
    """What went wrong where nothing should have, in the language asked for (else both), and whom to tell."""
    from hulifa.messages import reason

    lang = _asked_quietly()
    say_lines(reason("cli.internal_error", kind=type(exc).__name__, error=str(exc)), lang, prefix)
    say_lines(reason("cli.report_bug"), lang, "")


def _asked_quietly() -> str | None:
    """`asked`, else what the process's command line asks for (main: the command has ended), or None
    where even that fails (the error may be in reading the configuration)."""
    try:
        from hulifa.cli.usage_text import asked_lang

        return asked() or asked_lang(sys.argv[1:])
    except Exception:
        return None


# Every command, in the order --help lists them: its name, the module it lives in and the function
# (for a group, the Typer) there. A command's module is imported only when that command runs or the
# whole app is wanted: typer reads every parameter's annotations, and each module imports what its
# commands use (`hulifa check` is spared the others' ~14 million instructions, 3% of its start).
_COMMANDS = (
    ("check", "hulifa.cli.check", "check"),
    ("extract", "hulifa.cli.extract", "extract_command"),
    ("diff", "hulifa.cli.browse", "diff"),
    ("schema", "hulifa.cli.browse", "schema"),
    ("rules", "hulifa.cli.browse", "rules_app"),
    ("init", "hulifa.cli.browse", "init"),
    ("config", "hulifa.cli.settings", "config_command"),
)


def lean(argv: list[str]) -> typer.Typer:
    """The app with only the command being run. Typer makes a click command, reading every parameter's
    annotations, for each registered command at every start. Nor does it have the completion options,
    which belong to `hulifa --install-completion`, never to a command (building them: ~1 ms). The whole
    app for anything else (--help, --version, a misspelt command, shell completion)."""
    name = argv[0] if argv else ""
    chosen = [entry for entry in _COMMANDS if entry[0] == name]
    if not chosen or any(key.endswith("_COMPLETE") for key in os.environ):
        return whole()
    return _made(chosen, add_completion=False)


@functools.cache
def whole() -> typer.Typer:
    """The app with every command, made once."""
    return _made(_COMMANDS, add_completion=True)


def _made(commands: Sequence[tuple[str, str, str]], add_completion: bool) -> typer.Typer:
    import importlib

    made = _typer(add_completion)
    made.callback()(_root)
    for name, module, attribute in commands:
        found = getattr(importlib.import_module(module), attribute)
        if isinstance(found, typer.Typer):
            made.add_typer(found, name=name)
        else:
            made.command(name)(found)
    return made


if not TYPE_CHECKING:

    def __getattr__(name: str) -> typer.Typer:
        """`hulifa.cli.app`, the whole app, made when it is first asked for (PEP 562)."""
        if name == "app":
            return whole()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
