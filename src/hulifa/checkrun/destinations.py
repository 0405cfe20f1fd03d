"""Where each output goes: `--format` and `--output` paired into format -> file (None: stdout), without
`--format` the formats the output files' extensions name, and the outputs that cannot be written
refused before any work. `hulifa extract` uses the same, for its one output."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hulifa.reportdata import OptionError

Identities = frozenset[tuple[int, int]]

# `-o FILE` without `-f`: the format from the file's extension
EXTENSIONS = {
    ".json": "json",
    ".sarif": "sarif",
    ".xml": "junit",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "table",
}


def formats_from_outputs(outputs: Sequence[str], known: Collection[str]) -> tuple[list[str], list[str]]:
    """(formats, FORMAT=FILE outputs) for outputs given without -f: each bare FILE's format comes from
    its extension (`-` is the table). Raises OptionError for an extension hulifa does not know,
    listing the known ones, and for a folder, saying to name a file in it."""
    formats: list[str] = []
    paired: list[str] = []
    for item in outputs:
        name, sep, _ = item.partition("=")
        if sep and name in known:
            formats.append(name)
            paired.append(item)
            continue
        if item == "-":
            formats.append("table")
            paired.append(item)
            continue
        lower = item.lower()
        fmt = next((f for ext, f in EXTENSIONS.items() if lower.endswith(ext)), None)
        if fmt is None:
            raise _unknown_extension(item)
        formats.append(fmt)
        paired.append(f"{fmt}={item}")
    return list(dict.fromkeys(formats)), paired


def _unknown_extension(item: str) -> OptionError:
    """No format in `item`'s name: the known extensions, and for a folder what to write instead."""
    from hulifa.messages import reason
    from hulifa.reportdata import OptionError

    listed = ", ".join(f"{ext} ({f})" for ext, f in EXTENSIONS.items())
    if os.path.isdir(item) or item.endswith(("/", os.sep)):
        example = os.path.join(item, "hulifa.json")
        return OptionError(reason("option.output_directory", item=item, example=example, listed=listed))
    return OptionError(reason("option.output_format", item=item, listed=listed))


def destinations(formats: Sequence[str], outputs: Sequence[str], written: Collection[str]) -> dict[str, Path | None]:
    """Pair each format with a file or stdout. `--output FILE` goes with a single format;
    `--output sarif=FILE` names its format (one of `written`, the formats check writes; any other
    `NAME=` is part of a file's name); `-` is stdout. At most one format may go to stdout.

    Raises OptionError, saying why, for outputs that cannot be paired."""
    from hulifa.messages import reason  # each refusal's words
    from hulifa.reportdata import OptionError

    dest: dict[str, Path | None] = {str(f): None for f in formats}
    bare = [o for o in outputs if "=" not in o or o.split("=", 1)[0] not in written]
    for item in outputs:
        if item in bare:
            continue
        name, file = item.split("=", 1)
        dest[name] = output_file(file)
    if bare:
        if len(bare) > 1:
            raise OptionError(reason("option.outputs_unnamed"))
        unassigned = [f for f, d in dest.items() if d is None]
        if len(unassigned) != 1:
            raise OptionError(reason("option.output_one_format"))
        dest[unassigned[0]] = output_file(bare[0])
    to_stdout = [f for f, d in dest.items() if d is None]
    if len(to_stdout) > 1:
        raise OptionError(reason("option.stdout_shared", names=", ".join(to_stdout)))
    return dest


def output_file(given: str | Path | None) -> Path | None:
    """An output as the command line gives it: the file, or None for stdout (`-`, or none given)."""
    from hulifa.atomic import STDOUT

    return None if given is None or str(given) == STDOUT else Path(given)


def guard(files: Iterable[Path | None], force: bool, read: Callable[[], Iterable[str | Path | None]]) -> Identities:
    """Refuse, before any work, an output that cannot be written: it exists and --force is not given,
    it is a folder, or it is one of the files the run reads (`read()`). Returns those files'
    identities, for the writing step to check again. Raises InputError.

    Only an output that exists now can be one of the inputs: `read` is called only then (for check,
    that walks the folders again)."""
    from hulifa.atomic import check_target, identities

    outputs = [file for file in files if file is not None]
    inputs = identities(read()) if any(os.path.isfile(file) for file in outputs) else frozenset()
    for file in outputs:
        check_target(file, force=force, inputs=inputs)
    return inputs
