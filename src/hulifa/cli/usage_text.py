"""The words of a usage error (see usage.py): worded from the error's attributes (option,
possibilities, parameter, context) through the catalogue (hulifa.messages, ids `usage.*`), never by
rewording click's English; in the language the command line asks for (--lang, else the
configuration file's), else in both. The usage line and the -h hint first, as click says them.
Imported only when there is an error to word."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import get_close_matches

from typer._click.core import Context, Parameter
from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption, UsageError
from typer._click.types import FloatParamType, IntParamType, ParamType
from typer.core import TyperGroup

from hulifa.cli.helpformat import message_lines, usage_pieces
from hulifa.cli.usage import ARGV, Refused, in_lang
from hulifa.messages import reason
from hulifa.model import Text


def said(error: UsageError, root: Context, argv: list[str]) -> list[str]:
    """The lines that say `error`: the usage line, the -h hint, a blank line, then what is wrong.

    `root` is the app's context and `argv` the whole command line: the parser's errors (an option
    missing its value) carry no context, and a value click refused is read again from the command line."""
    ctx = error.ctx if error.ctx is not None else _command_context(root, argv)
    lang = asked_lang(argv)
    lines = [_usage(ctx, lang)]
    if ctx.command.get_help_option(ctx) is not None:
        hint = reason("usage.help", command=f"{ctx.command_path} {ctx.help_option_names[0]}")
        lines += message_lines("", _halves(hint, lang))
    return [*lines, "", *message_lines("hulifa: ", _halves(_what(error, ctx, _args_of(ctx, argv)), lang))]


def asked_lang(argv: Sequence[str]) -> str | None:
    """The language the command line asks for: its last --lang, else the configuration file's `lang`
    (the command line over the file, as every command reads them); None when neither can be read."""
    from hulifa.cli import Lang

    given = _last_value(argv, "--lang")
    if given is None:
        given = configured_lang(argv)
    return given if given in Lang.__members__ else None


def help_lang(ctx: Context) -> str:
    """The language of --help: the command line's --lang, else the configuration file's `lang` (for
    every command: help is the one place `hulifa --help` can be asked for in English), else Chinese."""
    from hulifa.cli import Lang

    argv = ctx.find_root().meta.get(ARGV, [])
    given = _last_value(argv, "--lang")
    if given not in Lang.__members__:  # the file is read only when the command line does not say
        given = configured_lang(argv)
    return given if given is not None and given in Lang.__members__ else Lang.zh.value


def configured_lang(argv: Sequence[str]) -> str | None:
    """The `lang` of the configuration file the command line names (--config, --isolated) or finds."""
    from hulifa import config

    try:
        found = config.load(_last_value(argv, "--config"), "--isolated" in argv)
    except Exception:  # a broken configuration is check's to report once the command line is right
        return None
    lang = found.values.get("lang")
    return lang if isinstance(lang, str) else None


def _last_value(argv: Sequence[str], option: str) -> str | None:
    """The value of the last `option VALUE` or `option=VALUE` before `--`, as click would take it."""
    value = None
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            break
        if token == option:
            value = next(tokens, value)  # `--lang en --lang`: still en
        elif token.startswith(option + "="):
            value = token[len(option) + 1 :]
    return value


def command_names(ctx: Context) -> list[str]:
    """The command's names below the app: ["check"], ["rules", "list"]."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return names[::-1]


def _args_of(ctx: Context, argv: list[str]) -> list[str]:
    """What of the command line is the command's own: after its name (the app's options are all eager)."""
    at = 0
    for name in command_names(ctx):
        if name not in argv[at:]:
            return []
        at = argv.index(name, at) + 1
    return argv[at:]


def _command_context(root: Context, argv: list[str]) -> Context:
    """A context for the command the command line names, for an error raised without one."""
    ctx, rest = root, argv
    while isinstance(ctx.command, TyperGroup):
        name = next((token for token in rest if not token.startswith("-")), None)
        command = ctx.command.get_command(ctx, name) if name is not None else None
        if name is None or command is None:
            break
        ctx, rest = command.context_class(command, info_name=name, parent=ctx), rest[rest.index(name) + 1 :]
    return ctx


# ------------------------------------------------------------------------------------------ words


def _what(error: UsageError, ctx: Context, args: list[str]) -> Text:
    """What is wrong, from the error's attributes; click's own words only for an error hulifa's
    commands cannot raise (BadArgumentUsage, a parameter of several values)."""
    if isinstance(error, NoSuchOption):
        text = reason("usage.no_such_option", option=error.option_name)
        if error.possibilities:
            return _joined(text, reason("usage.close_options", names=_listed(sorted(error.possibilities))))
        return text
    if isinstance(error, BadOptionUsage):
        option = next((p for p in ctx.command.get_params(ctx) if error.option_name in _opts(p)), None)
        flag = option is None or getattr(option, "is_flag", False) or getattr(option, "count", False)
        return reason("usage.takes_no_value" if flag else "usage.requires_value", option=error.option_name)
    if isinstance(error, MissingParameter) and error.param is not None:
        return _missing(error.param)
    if isinstance(error, BadParameter) and error.param is not None:
        why = error.text if isinstance(error, Refused) else _why(error.param, ctx, args)
        if why is not None:
            return reason("usage.invalid", param=_name(error.param), why=why)
    elif type(error) is UsageError:
        command_line = _unknown_command(ctx, args) or _extra_arguments(ctx, args)
        if command_line is not None:
            return command_line
    return reason("usage.other", why=error.format_message())


def _missing(param: Parameter) -> Text:
    argument = param.param_type_name == "argument"
    text = reason("usage.missing_argument" if argument else "usage.missing_option", name=_name(param))
    choices = _choices(param.type)
    return _joined(text, reason("usage.choose_from", choices=_listed(choices))) if choices else text


def _why(param: Parameter, ctx: Context, args: list[str]) -> Text | None:
    """Why click's type refused the value: the value is read again from the command line (the error
    does not keep it), and the first of the parameter's values the type refuses is the one."""
    value = _refused_value(param, ctx, args)
    if value is None:
        return None
    choices = _choices(param.type)
    if choices:
        return reason("usage.not_a_choice", value=value, choices=_listed(choices))
    if isinstance(param.type, IntParamType | FloatParamType):
        whole = isinstance(param.type, IntParamType)
        try:
            int(value) if whole else float(value)
        except ValueError:
            return reason("usage.not_an_integer" if whole else "usage.not_a_number", value=value)
        limits = _range(param.type)
        return None if limits is None else reason("usage.out_of_range", value=value, range=limits)
    return None


def _refused_value(param: Parameter, ctx: Context, args: list[str]) -> str | None:
    try:
        opts, _, _ = ctx.command.make_parser(ctx).parse_args(args=list(args))
    except UsageError:
        return None
    given = opts.get(param.name or "")
    for value in given if isinstance(given, list | tuple) else [given]:
        if isinstance(value, str):
            try:
                param.type.convert(value, param, ctx)
            except UsageError:
                return value
    return None


def _unknown_command(ctx: Context, args: list[str]) -> Text | None:
    """A group's first word that is none of its commands, with typer's close matches, or its lack."""
    group = ctx.command
    if not isinstance(group, TyperGroup):
        return None
    rest = _leftover(ctx, args)
    if not rest:  # options only (`hulifa --lang en`): click's "Missing command"
        return reason("usage.missing_command", names=_listed(list(group.commands)))
    if group.get_command(ctx, rest[0]) is not None:
        return None
    text = reason("usage.no_such_command", name=rest[0])
    close = get_close_matches(rest[0], list(group.commands)) if group.suggest_commands else []
    return _joined(text, reason("usage.close_commands", names=_listed(close, quoted=True))) if close else text


def _extra_arguments(ctx: Context, args: list[str]) -> Text | None:
    rest = [] if isinstance(ctx.command, TyperGroup) else _leftover(ctx, args)
    return reason("usage.extra_arguments", args=_listed(rest, quoted=True)) if rest else None


def _leftover(ctx: Context, args: list[str]) -> list[str]:
    """The command line's words that none of the command's parameters takes."""
    try:
        _, rest, _ = ctx.command.make_parser(ctx).parse_args(args=list(args))
    except UsageError:
        return []
    return list(rest)


def _range(kind: ParamType) -> Text | None:
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if low is None and high is None:
        return None
    above = getattr(kind, "min_open", False)
    below = getattr(kind, "max_open", False)
    low_text = reason("usage.range.above" if above else "usage.range.at_least", limit=str(low))
    high_text = reason("usage.range.below" if below else "usage.range.at_most", limit=str(high))
    if high is None:
        return low_text
    if low is None:
        return high_text
    return reason("usage.range.both", low=low_text, high=high_text)


def _choices(kind: ParamType) -> list[str]:
    return [str(getattr(choice, "value", choice)) for choice in getattr(kind, "choices", None) or ()]


def _opts(param: Parameter) -> list[str]:
    return [*param.opts, *getattr(param, "secondary_opts", [])]


def _name(param: Parameter) -> Text:
    """An option by its long name (--format, not -f), an argument by its name, quoted."""
    if param.param_type_name == "argument":  # by the name --help gives it, in each language
        named = param.metavar or param.name or ""
        return Text(*(_listed([in_lang(named, lang)], quoted=True).get(lang) for lang in ("zh", "en")))
    return _listed([next((opt for opt in param.opts if opt.startswith("--")), param.opts[0])])


# Punctuation of a list in each language, like the quotes 「」 and '' the catalogue puts round a value.
_SEPARATOR = {"zh": "、", "en": ", "}
_QUOTES = {"zh": ("「", "」"), "en": ("'", "'")}


def _listed(items: Sequence[str], quoted: bool = False) -> Text:
    def say(lang: str) -> str:
        left, right = _QUOTES[lang] if quoted else ("", "")
        return _SEPARATOR[lang].join(f"{left}{item}{right}" for item in items)

    return Text(say("zh"), say("en"))


def _joined(first: Text, then: Text) -> Text:
    return Text(first.zh + then.zh, first.en + then.en)


def _usage(ctx: Context, lang: str | None) -> str:
    """The usage line, its placeholders in `lang` (in English when it is not known, as click's are)."""
    return f"{_in(reason('usage.label'), lang)}: {ctx.command_path} {usage_pieces(ctx, lang or 'en')}"


def _halves(text: Text, lang: str | None) -> list[str]:
    """`text` in `lang`, or in both languages when the language is not known."""
    return [text.get(lang)] if lang is not None else [text.zh, text.en]


def _in(text: Text, lang: str | None) -> str:
    """`text` in `lang`; in both when the language is not known, as every option error is said."""
    return text.get(lang) if lang is not None else f"{text.zh} / {text.en}"
