"""What the run keeps of one checked report (Prepared), made where the report was checked: with
--jobs in a worker, so the parent neither renders it nor receives the whole result unless a format
needs it. `prepare` is pure but for the JSON formats' rule table, loaded once per process."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hulifa.checkrun.options import CheckOptions
    from hulifa.checkrun.plan import Plan
    from hulifa.model import ReportResult
    from hulifa.reporters.table import SummaryItem


class Prepared(NamedTuple):
    """What the run needs of one checked report."""

    texts: dict[str, str]  # format streamed in pieces -> this report's piece
    errors: tuple[str, ...]  # "file:line:col: message" when the file could not be checked
    read: str  # with --verbose: what was read
    result: ReportResult | None  # when a writer, the table's blocks or the step summary needs it
    summary: SummaryItem | None = None  # the table's summary row, when that is all the table shows


def prepare(
    result: ReportResult,
    formats: tuple[str, ...],
    lang: str,
    send: bool,
    verbose: bool,
    rules: str | None = None,
    summary: bool = False,
) -> Prepared:
    """`result` as the run needs it: its piece of each format in `formats`, why it was not checked,
    what --verbose says was read, the result itself if `send`, the table's summary row if `summary`."""
    if "json" in formats or "json-compact" in formats:
        _json_table(rules)
    errors: tuple[str, ...] = ()
    if not result.checked:
        from hulifa import messages

        errors = tuple(f"{f.file}:{f.line}:{f.column}: {messages.message(f, lang)}" for f in result.findings)
    read = ""
    if verbose and result.checked:
        from hulifa.messages import reason

        body = " ".join(str(p) for p in (result.region, result.year, result.level) if p)
        last = reason("check.read.previous", previous=result.previous) if result.previous else ""
        read = reason("check.read", file=result.file, body=body, count=len(result.findings), previous=last).get(lang)
    row = None
    if summary:
        from hulifa.reporters.table import summary_item

        row = summary_item(result, lang)
    return Prepared(
        texts={fmt: _item(fmt)(result, lang) for fmt in formats},
        errors=errors,
        read=read,
        result=result if send else None,
        summary=row,
    )


def transform_for(plan: Plan, o: CheckOptions, details: bool) -> Callable[[ReportResult], Prepared]:
    """`prepare` with what this run needs (picklable, for --jobs). `details`: whether the table shows
    each report's findings; without them it needs only a summary row of each report, made where the
    report is checked, so with --jobs the whole result need not cross between processes for it."""
    rows_only = plan.table and not details
    return partial(
        prepare,
        formats=tuple(plan.pieces),
        lang=o.lang,
        send=bool(plan.writers) or (plan.table and not rows_only) or plan.step_summary,
        verbose=o.verbose,
        rules=o.rules,
        summary=rows_only,
    )


@cache
def _item(fmt: str) -> Callable[[ReportResult, str], str]:
    """A streamed format's `item`, looked up once, not once a report (an import_module call each)."""
    from hulifa.reporters import module

    item: Callable[[ReportResult, str], str] = module(fmt).item
    return item


def _json_table(rules: str | None) -> None:
    """JSON findings refer to the pack's `rules` table; in a --jobs worker head() never ran."""
    from hulifa.reporters import json_
    from hulifa.rulepack import load_pack

    json_.ensure_table(lambda: load_pack(rules))
