"""--help and messages laid out by terminal cells, --help in one language. click wraps help text by
characters, but a Chinese character takes two cells: at COLUMNS=80, 55 lines of hulifa's help screens
ran past the terminal's edge (its own wrapping then tore the columns apart), and the commands'
summaries were cut with "...".

`CellFormatter` wraps each help text itself, by cells, breaking at a space, between two wide
characters or after a bar (never before a closing mark such as , 。 ) 」 nor after an opening one),
and hands click the lines as a verbatim paragraph ("\\b"), so click only indents them.

`help_screen` is a command's --help (usage.CellContext.get_help) in the language the command line
asks for (--lang, or for `check` the configuration's lang, as a usage error is said; Chinese by
default): the commands' help texts are declared in both languages (usage.py), and the headings and the notes after
an option's help ([默认:zh], [必填]) come from the catalogue (`help.*`), not from click's English.
Loaded only to show help.
"""

from __future__ import annotations

import inspect
import re
import shutil
from collections.abc import Iterator, Sequence
from typing import Any

from typer._click.core import Context, Parameter
from typer._click.formatting import HelpFormatter, join_options
from typer._click.types import FloatParamType, IntParamType, StringParamType, _NumberRangeBase
from typer.core import TyperGroup, _extract_default_help_str, _get_default_string
from typer.models import TyperPath

from hulifa.cli.usage import in_lang
from hulifa.messages import reason
from hulifa.textsafe import cells

_NO_LINE_START = frozenset(",。;:、)」』》?!,.;:)]")
_NO_LINE_END = frozenset("(「『《([")


# A bracketed note ([默认:error], [必填], [tool.hulifa]) or an argument's placeholder ({名称}): one
# chunk, never broken where it fits a line.
_NOTE = re.compile(r"\[[^\[\]\n]*\]|\{[^{}\n]*\}")


def _chunks(text: str) -> Iterator[str]:
    """`_words`, with each bracketed note whole and the marks after it (、 ,) kept to it."""
    at = 0
    for note in _NOTE.finditer(text):
        sticking = len(text[note.end() :]) - len(text[note.end() :].lstrip("".join(_NO_LINE_START)))
        yield from _words(text[at : note.start()])
        yield text[note.start() : note.end() + sticking]
        at = note.end() + sticking
    yield from _words(text[at:])


def _words(text: str) -> Iterator[str]:
    """Words, wide characters (each a place to break) with the marks that stick to them, and spaces."""
    chunk = ""
    for ch in text:
        if ch == " ":
            if chunk:
                yield chunk
            chunk = ""
            yield " "
        elif ch == "." and chunk and cells(chunk[-1]) == 2:  # Chinese ends with 。: this starts a name (.hulifa.yaml)
            yield chunk
            chunk = ch
        elif ch in _NO_LINE_START or (chunk and chunk[-1] in _NO_LINE_END):
            chunk += ch
        elif ch == "|":  # a list of choices breaks after a bar
            yield chunk + ch
            chunk = ""
        elif chunk and (cells(ch) == 2 or cells(chunk[-1]) == 2):
            yield chunk
            chunk = ch
        else:
            chunk += ch
    if chunk:
        yield chunk


def wrap(text: str, width: int) -> list[str]:
    """`text` (one paragraph) in lines of at most `width` cells; a word wider than that is cut."""
    lines: list[str] = []
    line = ""
    chunks = list(_chunks(" ".join(part.strip() for part in text.splitlines())))[::-1]
    while chunks:
        chunk = chunks.pop()
        if chunk == " ":
            line += " " if line else ""
            continue
        note = _NOTE.match(chunk) if cells(chunk) > width else None
        if note:  # wider than a line with the marks after it: the note whole, else broken as words are
            fits = cells(note.group()) <= width and note.end() < len(chunk)
            words = [note.group(), chunk[note.end() :]] if fits else list(_words(chunk))
            if len(words) > 1:
                chunks += words[::-1]
                continue
        if line and cells(line + chunk) > width:
            lines.append(line.rstrip())
            line = ""
        while cells(chunk) > width:
            cut = next(i for i in range(len(chunk), 0, -1) if cells(chunk[:i]) <= width or i == 1)
            lines.append(chunk[:cut])
            chunk = chunk[cut:]
        line += chunk
    if line.strip():
        lines.append(line.rstrip())
    return lines


_NARROWEST = 20  # cells of help text beside the names, below which the text goes under them instead
MESSAGE_WIDTH = 80  # a message on stderr fits the narrowest usual terminal, whatever the one it is in


def message_lines(prefix: str, halves: Sequence[str], width: int = MESSAGE_WIDTH) -> list[str]:
    """A message in one language or two ("中文 / English") on one line when it fits `width` cells; else
    each language on lines of its own, wrapped by cells and indented under the text after `prefix`."""
    one = prefix + " / ".join(halves)
    if cells(one) <= width:
        return [one]
    indent = cells(prefix)
    if indent > width - _NARROWEST:  # a long file name: the text on lines of its own under it
        return [prefix.rstrip(), *("    " + line for half in halves for line in wrap(half, width - 4))]
    lines = [line for half in halves for line in wrap(half, width - indent)]
    return [prefix + lines[0], *(" " * indent + line for line in lines[1:])]


def verbatim(text: str, width: int) -> str:
    """`text`'s paragraphs wrapped to `width` cells, each marked for click to keep as it is."""
    if not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.lstrip("\n").startswith("\b"):
            paragraphs.append(paragraph.lstrip("\n"))
        elif paragraph.strip():
            paragraphs.append("\b\n" + "\n".join(wrap(paragraph, width)))
    return "\n\n".join(paragraphs)


class CellFormatter(HelpFormatter):
    """click's help formatter, with its two wrapped parts wrapped by cells first."""

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        # click's own layout, by cells (a name may hold a Chinese placeholder): the first column as wide
        # as its widest entry up to col_max, the text after it; a wider name on a line of its own
        first = min(max((cells(row[0]) for row in rows), default=0), col_max) + col_spacing
        width = self.width - self.current_indent - first
        indent = " " * self.current_indent
        if width >= _NARROWEST:
            for name, text in rows:
                lines = [line for paragraph in text.split("\n\n") for line in ["", *wrap(paragraph, width)]][1:]
                room = first - cells(name) if cells(name) <= first - col_spacing else 0
                head = f"{indent}{name}" + (" " * room if room else f"\n{indent}{' ' * first}")
                self.write(f"{head}{lines[0]}\n" if lines else f"{indent}{name}\n")
                self.write("".join(f"{indent}{' ' * first}{line}\n" if line else "\n" for line in lines[1:]))
            return
        # A narrow terminal (a phone): each name on lines of its own, its text under it, indented 4
        for name, text in rows:
            self.write("".join(f"{indent}{line}\n" for line in wrap(name, self.width - self.current_indent)))
            for paragraph in text.split("\n\n"):
                lines = wrap(paragraph, max(self.width - self.current_indent - 4, 10))
                self.write("".join(f"{indent}    {line}\n" for line in lines))

    def write_text(self, text: str) -> None:
        super().write_text(verbatim(text, max(self.width - self.current_indent, 11)))

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, wrapped by cells (a Chinese prefix, 用法, takes two a character)."""
        head = f"{prefix or ''}{prog} "
        room = self.width - self.current_indent - cells(head)
        if room >= 12:  # the arguments beside the head and under where they start, as click lays them
            lines = wrap(args, room)
            self.write(head + (lines[0] if lines else "") + "\n")
            self.write("".join(" " * cells(head) + line + "\n" for line in lines[1:]))
        else:  # the head alone, the arguments on lines of their own
            self.write(head.rstrip() + "\n")
            self.write("".join("    " + line + "\n" for line in wrap(args, max(self.width - 4, 10))))


def help_screen(ctx: Context, lang: str) -> str:
    """`ctx`'s command's --help in `lang`: usage, description, arguments, options and, for a group,
    its commands, laid out as click lays them out."""
    command = ctx.command
    # click's own width, without its floor of 50 columns: a phone's 40 are laid out as 40
    columns = ctx.terminal_width or shutil.get_terminal_size().columns
    formatter = CellFormatter(width=max(min(columns, ctx.max_content_width or 80) - 2, 20))
    formatter.write_usage(ctx.command_path, usage_pieces(ctx, lang), prefix=f"{reason('usage.label').get(lang)}: ")
    text = description(command, lang)
    if text:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        row = _row(param, ctx, lang)
        if row is not None:
            (arguments if param.param_type_name == "argument" else options).append(row)
    for heading, rows in (
        ("help.arguments", arguments),
        ("help.options", options),
        ("help.commands", _commands(ctx, lang)),
    ):
        if rows:
            with formatter.section(reason(heading).get(lang)):
                formatter.write_dl(rows)
    return formatter.getvalue().rstrip("\n")


def description(command: Any, lang: str) -> str:
    """A command's help in `lang`, as `described` declared it."""
    return inspect.cleandoc(in_lang(command.help, lang))


def summary(command: Any, lang: str) -> str:
    """A command's first line, its summary in a list of commands, whole (click cuts it at 45 characters)."""
    return description(command, lang).split("\n\n", 1)[0].replace("\n", " ")


def _commands(ctx: Context, lang: str) -> list[tuple[str, str]]:
    group = ctx.command
    if not isinstance(group, TyperGroup):
        return []
    rows = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            rows.append((name, summary(command, lang)))
    return rows


# ------------------------------------------------------------------------------- placeholders
# What stands for a value in --help and on the usage line, in the language of the help: as a parameter
# declares it (usage.both), a list of its choices, else a word for its type from the catalogue
# (click's own, <str> or <int range>, are English). Laid out as click lays them out.

_TYPE_WORDS = ((IntParamType, "integer"), (FloatParamType, "number"), (TyperPath, "path"), (StringParamType, "text"))


def usage_pieces(ctx: Context, lang: str) -> str:
    """What follows the command's name on its usage line: [OPTIONS], its arguments, COMMAND [ARGS]..."""
    command = ctx.command
    pieces = [reason("help.metavar.options").get(lang)] if command.options_metavar else []
    pieces += [_argument(p, ctx, lang, usage=True) for p in command.get_params(ctx) if p.param_type_name == "argument"]
    if isinstance(command, TyperGroup):
        pieces.append(reason("help.metavar.command").get(lang))
    return " ".join(pieces)


def metavar(param: Parameter, ctx: Context, lang: str) -> str:
    """An option's placeholder for its value, in `lang`."""
    if param.metavar is not None:
        return in_lang(param.metavar, lang)
    if getattr(param.type, "choices", None):
        return param.type.get_metavar(param, ctx) or ""  # the choices, the same in every language
    word = next((word for kind, word in _TYPE_WORDS if isinstance(param.type, kind)), None)
    return reason(f"help.metavar.{word}").get(lang) if word else f"<{param.type.name}>"


def _argument(param: Parameter, ctx: Context, lang: str, usage: bool) -> str:
    """An argument as typer writes it: its name (on the usage line in [] or, required, in {}), its
    choices after a colon, ... when it takes several."""
    name = in_lang(param.metavar, lang) if param.metavar is not None else param.name or ""
    if usage:
        name = f"{{{name}}}" if param.required else f"[{name}]"
    if getattr(param.type, "choices", None):
        name += f":{param.type.get_metavar(param, ctx)}"
    return name + ("..." if param.nargs != 1 else "")


def _names(param: Parameter, ctx: Context, lang: str) -> str:
    """An option's names with the placeholder of its value (`-r, --rules <文本>`), or an argument's name."""
    if param.param_type_name == "argument":
        return _argument(param, ctx, lang, usage=False)
    takes = not getattr(param, "is_flag", False) and not getattr(param, "count", False)
    written = [join_options(opts)[0] for opts in (param.opts, param.secondary_opts) if opts]
    return " / ".join(f"{names} {metavar(param, ctx, lang)}" if takes else names for names in written)


def _row(param: Parameter, ctx: Context, lang: str) -> tuple[str, str] | None:
    """An option's or argument's names and its help in `lang`, with what click adds after it (default,
    range, required, environment variable) worded by the catalogue."""
    if param.get_help_record(ctx) is None:  # hidden
        return None
    notes = []
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if envvar:
        names = envvar if isinstance(envvar, str) else ", ".join(envvar)
        notes.append(reason("help.env_var", var=names).get(lang))
    shown = _default(param, ctx)
    if shown:
        notes.append(reason("help.default", value=shown).get(lang))
    if isinstance(param.type, _NumberRangeBase) and param.param_type_name == "option":
        notes.append(param.type._describe_range())
    if param.required:
        notes.append(reason("help.required").get(lang))
    text = in_lang(getattr(param, "help", None), lang)
    noted = f"[{'; '.join(note for note in notes if note)}]" if any(notes) else ""
    return _names(param, ctx, lang), f"{text}  {noted}" if text and noted else text or noted


def _default(param: Parameter, ctx: Context) -> str:
    """The default --help shows, as typer words it (an enum by its value, a flag pair by its name)."""
    show = getattr(param, "show_default", None)
    if not hasattr(param, "_get_default_string"):  # click's own --help option: no default shown
        return ""
    value = _extract_default_help_str(param, ctx=ctx)  # type: ignore[arg-type]
    if not isinstance(show, str) and (value is None or not (show or ctx.show_default)):
        return ""
    return _get_default_string(param, ctx=ctx, show_default_is_str=isinstance(show, str), default_value=value)  # type: ignore[arg-type]
