"""Where each output format goes: `--format` and `--output` paired into format -> file (None: stdout)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path


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
        dest[name] = None if file == "-" else Path(file)
    if bare:
        if len(bare) > 1:
            raise OptionError(reason("option.outputs_unnamed"))
        unassigned = [f for f, d in dest.items() if d is None]
        if len(unassigned) != 1:
            raise OptionError(reason("option.output_one_format"))
        dest[unassigned[0]] = None if bare[0] == "-" else Path(bare[0])
    to_stdout = [f for f, d in dest.items() if d is None]
    if len(to_stdout) > 1:
        raise OptionError(reason("option.stdout_shared", names=", ".join(to_stdout)))
    return dest
