"""`hulifa extract INPUT [-o OUT] [--format yaml|json] [--encoding ENC] [--rules PACK] [--force]`.

Listed in the main app's commands (`hulifa.cli._COMMANDS`), and imported only when it runs; shares the
other commands' options (hulifa.cli.options) and helpers. Errors are printed as `file:line:col: message` on stderr
with exit code 2; there are never tracebacks. An existing output
file is only replaced with --force, and always atomically (see hulifa.atomic); `-o -` is stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from hulifa.cli import Lang, asked, internal_error, say, say_lines, text_hints
from hulifa.cli.options import EncodingOption, Format, LangOption, RulesOption, format_option
from hulifa.cli.usage import both, described

if TYPE_CHECKING:
    from hulifa.errors import InputError
    from hulifa.extract.core import Extraction


def _warn_guessed(extraction: Extraction, file: str, lang: str | None) -> None:
    """Say on stderr that the level is a guess (written with `level_guessed:` in the YAML): in `lang`,
    both languages when None."""
    ex = extraction
    guess = ex.level_guess
    if guess is not None and ex.level and not guess.sure:
        from hulifa.messages import reason
        from hulifa.model import Text

        said = reason("extract.level_guessed", why=Text(guess.why_zh, guess.why_en), level=ex.level)
        say_lines(said, lang, f"{file}:1:1: ")


def _draft_note(exc: InputError, lang: str) -> None:
    """Say where the draft stops short of what check needs: the field it left null, and how to fill it."""
    from hulifa.messages import reason

    field = next((f for f in ("region", "year", "level") if f in exc.message_id), "")
    p = exc.position
    said = reason("extract.draft_null", field=field) if field else reason("extract.draft_refused")
    say_lines(said, lang, f"{p.file}:{p.line}:{p.column}: ")


@described(
    "从报告正文提取报告数据,每个数字附原文句子。\n\n示例:hulifa extract huli-2024.txt -o 2024.yaml",
    "Extract report data from a published report's text; every figure keeps the sentence it came from.\n\n"
    "Example: hulifa extract huli-2024.txt -o 2024.yaml",
)
def extract_command(
    input: Annotated[
        Path,
        typer.Argument(
            metavar=both("报告文本", "input"),
            help=both(
                "报告文本:.txt、.md、.html、保存的网页 .mht、.docx 或有文字层的 .pdf",
                "report text: .txt, .md, .html, a saved page .mht, .docx or .pdf",
            ),
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help=both(
                "写入此文件,而非标准输出;已存在的文件需 --force",
                "write here instead of stdout; an existing file needs --force",
            ),
        ),
    ] = None,
    format: Annotated[Format, format_option("extract")] = Format.yaml,
    encoding: EncodingOption = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
    force: Annotated[
        bool, typer.Option("--force", help=both("覆盖已存在的输出文件", "overwrite an existing output file"))
    ] = False,
    region: Annotated[
        str | None,
        typer.Option("--region", help=both("地区名称(正文未写明时)", "region name, if the text does not say")),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            help=both("层级(默认按名称推断)", "level of the body (default: from its name; a guess is marked)"),
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help=both("报告所属年度(默认取自正文)", "year reported on (default: from the text)")),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            help=both(
                "从标准输入(-)读取时使用的文件名:用于提示和草稿的 source,后缀帮助判断网页或文本",
                "the name of standard input (-) in messages and the draft's source; its suffix tells a page from text",
            ),
        ),
    ] = None,
) -> None:
    from hulifa.errors import InputError

    try:
        from hulifa.atomic import write_output
        from hulifa.checkrun.destinations import guard, output_file

        output = output_file(output)
        inputs = guard([output], force, lambda: [input, rules])  # before any work, as check does
        hints = text_hints(year, level, region)
        from hulifa.extract.draft import make_draft
        from hulifa.extract.published import read_published
        from hulifa.rulepack import load_pack

        pack = load_pack(rules)
        name = (stdin_filename or "-") if str(input) == "-" else str(input)
        data = None
        if str(input) == "-":  # a pipe: `curl … | hulifa extract - --stdin-filename page.html`
            from hulifa.decoding import read_stream

            data = read_stream(sys.stdin.buffer, name)
        published = read_published(input, name, encoding, data)
        if published.pdf is not None:
            for note in published.pdf.notes(name):
                say(note)
        draft = make_draft(
            published, name, pack, hints, encoding=encoding, as_json=format is Format.json, lang=lang.value
        )
        noted = asked()  # a note in the language asked for, else in both, as before --lang was read
        _warn_guessed(draft.extraction, name, noted)
        if draft.read_as:
            from hulifa.decoding import fallback_note
            from hulifa.messages import reason
            from hulifa.model import Text

            say_lines(reason("extract.note", note=Text(*fallback_note(draft.read_as))), noted, f"{name}:1:1: ")
        if output is None:
            sys.stdout.write(draft.content)
            sys.stdout.flush()
        else:
            write_output(output, draft.content, force=force, inputs=inputs)  # never half-written; InputError on failure
        if draft.unsettled is not None:  # written with null there: what check would stop at, and how to fill it
            say(draft.unsettled.render(lang.value))
            _draft_note(draft.unsettled, lang.value)
            raise typer.Exit(2)
    except InputError as exc:
        say(exc.render(lang.value))
        raise typer.Exit(2) from None
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as exc:  # never a traceback: report where we were and what went wrong
        internal_error(exc, f"{input}:1:1: ")
        raise typer.Exit(2) from None
