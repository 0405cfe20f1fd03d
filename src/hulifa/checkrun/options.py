"""What `hulifa check` was asked to do (CheckOptions), and the run it starts: the rule pack and the
deviations loaded, with what --verbose says of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from hulifa.discovery import Selection
    from hulifa.model import Severity, Text
    from hulifa.reportdata import TextHints
    from hulifa.runner import Run


class CheckOptions(NamedTuple):
    """What `check` was asked to do: the command line over the configuration file over the defaults."""

    paths: list[str]
    rules: str | None
    deviations: str | None
    today: dt.date | None
    encoding: str | None
    jobs: int
    selection: Selection
    fail_on: Severity | None
    lang: str
    dest: dict[str, Path | None]  # format -> its file, None for stdout (see destinations)
    show_all: bool
    details: bool
    color: str  # auto, always or never
    force: bool
    previous: str | None
    hints: TextHints
    force_exclude: bool
    stdin_name: str | None
    quiet: bool
    verbose: bool
    max_bytes: int = 65_536  # --format markdown's budget, in characters


def selection(
    exclude: list[str] | None,
    extend_exclude: list[str] | None,
    force_exclude: bool,
    gitignore: bool,
    include: list[str] | None = None,
) -> Selection:
    """Which files a folder means, from the options (None: the defaults)."""
    from hulifa.discovery import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Selection

    return Selection(
        include=tuple(include) if include is not None else DEFAULT_INCLUDE,
        exclude=tuple(exclude) if exclude is not None else DEFAULT_EXCLUDE,
        extend_exclude=tuple(extend_exclude or ()),
        gitignore=gitignore,
        force_exclude=force_exclude,
    )


def start_run(o: CheckOptions, say: Callable[[str], None]) -> Run:
    """The run: the pack and deviations loaded (a broken one raises InputError). Each file skipped
    goes to `say` as `path: why`, unless -q."""
    from hulifa.runner import Run

    def skipped(path: str, why: Text) -> None:
        if not o.quiet:
            say(f"{path}: {why.get(o.lang)}")

    return Run(
        o.paths,
        o.rules,
        deviations=o.deviations,
        today=o.today,
        jobs=o.jobs,
        encoding=o.encoding,
        previous=o.previous,
        hints=o.hints,
        selection=o.selection,
        on_skip=skipped,
        stdin_name=o.stdin_name,
    )


def read_notes(run: Run, o: CheckOptions) -> list[Text]:
    """What --verbose says was read before the first report: the rule pack, and the deviations file."""
    if not o.verbose:
        return []
    from hulifa.messages import reason

    pack = run.pack
    source = o.rules or "default"
    said = [reason("check.verbose_pack", id=pack.id, version=pack.version, count=len(pack.rules), source=source)]
    if o.deviations is not None:
        said.append(reason("check.verbose_deviations", file=o.deviations, count=len(run.deviations)))
    return said
