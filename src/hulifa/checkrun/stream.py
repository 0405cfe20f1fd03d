"""Writing a run's formats to their destinations as results arrive (with the table, the step summary
and the progress bar fed from the same loop), and the GitHub step summary appended last. Every
output file is committed only when the run got through; on any error or signal each is aborted, so
none is left half-written."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hulifa.checkrun.options import CheckOptions
    from hulifa.checkrun.plan import Plan
    from hulifa.checkrun.prepare import Prepared
    from hulifa.checkrun.progress import Progress
    from hulifa.checkrun.tableout import TableOut
    from hulifa.model import ReportResult, Text
    from hulifa.reporters.markdown import Writer as MarkdownWriter
    from hulifa.runner import Run


def _nothing() -> None:
    pass


def stream(
    plan: Plan,
    run: Run,
    o: CheckOptions,
    transform: Callable[[ReportResult], Prepared],
    *,
    say: Callable[[str], None],
    table: TableOut | None = None,
    progress: Progress | None = None,
    summary: MarkdownWriter | None = None,
    between: Callable[[], None] = _nothing,
) -> None:
    """Write every format as results arrive; no result is kept past its report. Why a file was not
    checked, and with -v what was read, go to `say`, once whatever the formats. `between` runs after
    each report and before the outputs are committed (the CLI raises there on a signal Python
    swallowed)."""
    from hulifa.atomic import Sink, StdoutSink, open_output
    from hulifa.reporters import module
    from hulifa.reporters.streaming import Document

    docs: list[tuple[str, Document, Sink]] = []
    try:
        for fmt in (*plan.pieces, *plan.writers):
            file = o.dest[fmt]
            sink = open_output(file, force=o.force, inputs=plan.inputs) if file is not None else StdoutSink()
            options = {"max_bytes": o.max_bytes} if fmt == "markdown" else {}
            docs.append((fmt, Document(module(fmt), sink, run.pack, o.lang, o.fail_on, **options), sink))
        for prepared in run.results(transform):
            for name, doc, _ in docs:
                doc.add(prepared.result, prepared.texts.get(name))
            for line in prepared.errors:  # whatever the format, say once, on stderr, why a file was not checked
                say(line)
            if prepared.read:
                say(prepared.read)
            if table is not None and prepared.summary is not None:
                table.summary.add_item(prepared.summary)
            elif table is not None and prepared.result is not None:
                table.add(prepared.result)
            if summary is not None and prepared.result is not None:
                summary.item(prepared.result)
            if progress:
                progress(prepared)
            between()
        if progress:
            progress.close()
        for _, doc, _ in docs:
            doc.finish()
        if table is not None:
            table.finish()
        between()
    except BaseException:
        for _, doc, sink in docs:
            doc.close()
            sink.abort()
        if summary is not None:
            summary.close()
        if table is not None:
            table.sink.abort()
        raise
    for _, _, sink in docs:
        sink.commit()
    if table is not None:
        table.sink.commit()


def append_step_summary(summary: MarkdownWriter, path: str) -> Text | None:
    """Append the step summary (`--format github` with $GITHUB_STEP_SUMMARY set) to `path`; what went
    wrong, if it could not be, for the caller to say. The summary is closed either way."""
    from hulifa.reporters.markdown import append_step_summary as append

    try:
        append(path, summary)
    except OSError as exc:
        from hulifa.messages import reason

        return reason("check.step_summary", path=path, why=exc.strerror or str(exc))
    finally:
        summary.close()
    return None
