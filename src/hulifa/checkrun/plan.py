"""The output plan of a run, made before any report is read: how each format is streamed (in pieces
rendered where the report was checked, or fed to a writer), which files no output may replace, and
how many files the inputs mean."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from hulifa.batch import DETAIL_LIMIT

if TYPE_CHECKING:
    from hulifa.checkrun.destinations import Identities
    from hulifa.checkrun.options import CheckOptions
    from hulifa.discovery import Selection


class Plan(NamedTuple):
    """Where each format goes and how it is streamed: pieces rendered where the report was checked, or
    a writer fed here. No result is kept until the end, so a batch of any size runs in flat memory."""

    inputs: Identities  # the identities of the input files: no output may replace one
    pieces: list[str]
    writers: list[str]
    table: bool
    step_summary: bool
    bar: bool  # a progress bar may show: stderr is a terminal, not in CI, not -q
    total: int  # how many files the inputs mean, or more than DETAIL_LIMIT when no bar may show (count_inputs)


def make_plan(o: CheckOptions, environ: Mapping[str, str] = os.environ, *, bar: bool | None = None) -> Plan:
    """The plan for `o`. Raises InputError, before any report is read, when an output cannot be
    written (it exists without --force, it is one of the inputs, it is a folder). `bar`: whether a
    progress bar may show (default: stderr is a terminal, not in CI, not -q), which decides the count."""
    from hulifa.checkrun.destinations import guard

    inputs = guard(
        o.dest.values(), o.force, lambda: input_paths(o.paths, o.selection, o.rules, o.previous, o.deviations)
    )
    pieces, writers = by_kind(o.dest)
    if bar is None:
        bar = not o.quiet and sys.stderr.isatty() and not environ.get("CI")
    return Plan(
        inputs=inputs,
        pieces=pieces,
        writers=writers,
        table="table" in o.dest,
        step_summary="github" in o.dest and bool(environ.get("GITHUB_STEP_SUMMARY")),
        bar=bar,
        total=count_inputs(o.paths, o.selection, None if bar else DETAIL_LIMIT + 1),
    )


def by_kind(formats: Iterable[str]) -> tuple[list[str], list[str]]:
    """The formats other than the table, in their order, as (pieces, writers): how each module streams
    (hulifa.reporters.streaming). A module that does neither is a defect, refused here (TypeError):
    rendered from every result at the end, it would hold a whole batch in memory."""
    from hulifa.reporters import module
    from hulifa.reporters.streaming import in_pieces, streams

    pieces: list[str] = []
    writers: list[str] = []
    for fmt in formats:
        if fmt == "table":
            continue
        mod = module(fmt)
        if not streams(mod):
            raise TypeError(f"{mod.__name__} does not stream (hulifa.reporters.streaming): every format must")
        (pieces if in_pieces(mod) else writers).append(fmt)
    return pieces, writers


def count_inputs(paths: list[str], selection: Selection, most: int | None = None) -> int:
    """How many files the inputs mean, counted before the run by a walk of the folders (no file is
    read): whether a batch is small enough for per-report tables, and the progress bar's total.
    `most`: stop counting there. Without a bar the walk stops once past the per-report limit: on
    10,000 files the whole second walk was ~3% of a run."""
    import itertools

    from hulifa.discovery import discover

    found = discover(paths, selection)
    if most is not None:
        found = itertools.islice(found, most)
    return sum(1 for _ in found)


def input_paths(paths: list[str], selection: Selection, *named: str | None) -> list[str | None]:
    """The files this run reads (inputs found in folders and globs, the pack, last year's report,
    deviations): an output that is one of them is refused, whatever its name."""
    from hulifa.discovery import discover

    found = [item.path for item in discover([p for p in paths if p != "-"], selection) if item.error is None]
    return [*found, *named]


def shows_details(plan: Plan, quiet: bool, details: bool) -> bool:
    """Whether the table shows each report's findings: not with -q; for a batch past DETAIL_LIMIT
    only with --details (the summary alone, else)."""
    return not quiet and (details or plan.total <= DETAIL_LIMIT)


def shows_bar(plan: Plan, tables: bool) -> bool:
    """Whether the progress bar shows: where one may (plan.bar), for more than one file, and not while
    the table prints each report's findings to the same terminal (`tables`)."""
    return plan.bar and plan.total >= 2 and not tables
