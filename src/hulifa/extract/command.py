"""`hulifa extract INPUT [-o OUT] [--format yaml|json] [--encoding ENC] [--rules PACK] [--force]`.

Registered by the main app as `app.command("extract")(extract_command)`. Errors are printed as
`file:line:col: message` on stderr with exit code 2; there are never tracebacks. An existing output
file is only replaced with --force, and always atomically (temp file in the same folder + os.replace).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class ExtractFormat(str, Enum):  # noqa: UP042 - typer needs a str Enum
    yaml = "yaml"
    json = "json"


def _error(message: str) -> None:
    print(message, file=sys.stderr)


def write_atomic(path: Path, content: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def extract_command(
    input: Annotated[Path, typer.Argument(help="Report text: .txt, .md, .html or .docx", show_default=False)],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of standard output")
    ] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="yaml (report data) or json")] = (
        ExtractFormat.yaml
    ),
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Force an encoding (default: detect UTF-8/16, GB18030)")
    ] = None,
    rules: Annotated[
        str | None, typer.Option("--rules", help="Rule pack (default: the bundled pack)")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing output file")] = False,
    region: Annotated[
        str | None, typer.Option("--region", help="Region name, if the text does not say")
    ] = None,
    level: Annotated[
        str | None,
        typer.Option("--level", help="province|city|county|district|department (default: guessed)"),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Year reported on (default: from the text)")
    ] = None,
) -> None:
    """Extract report data (every figure with its evidence) from a published report's text."""
    from hulifa.errors import InputError

    try:
        if output is not None and output.exists() and not force:
            _error(
                f"{output}:1:1: 输出文件已存在,如需覆盖请加 --force / "
                "the output file exists; use --force to overwrite it"
            )
            raise typer.Exit(2)
        if level is not None:
            from hulifa.model import LEVELS

            if level not in LEVELS:
                choices = " | ".join(LEVELS)
                _error(f"{input}:1:1: --level 应为 {choices} 之一 / --level must be one of {choices}")
                raise typer.Exit(2)
        from hulifa.extract import extract_text, read_text
        from hulifa.extract.output import to_json, to_report_yaml
        from hulifa.rulepack import load_pack

        pack = load_pack(rules)
        text, _used = read_text(input, encoding)
        extraction = extract_text(text, pack, region=region, level=level, year=year)
        content = to_json(extraction) if format is ExtractFormat.json else to_report_yaml(extraction, input.name)
        if output is None:
            sys.stdout.write(content)
            sys.stdout.flush()
            return
        try:
            write_atomic(output, content)
        except OSError as exc:
            _error(f"{output}:1:1: 无法写入输出文件 / cannot write the output file: {exc.strerror or exc}")
            raise typer.Exit(2) from None
    except InputError as exc:
        _error(exc.render())
        raise typer.Exit(2) from None
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as exc:  # never a traceback: report where we were and what went wrong
        _error(f"{input}:1:1: 内部错误 / internal error: {type(exc).__name__}: {exc}")
        raise typer.Exit(2) from None
