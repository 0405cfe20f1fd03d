"""The library API: paths in, CheckResult out. Finds report files, loads, evaluates; never prints.

A file that cannot be checked becomes a ReportResult with one `error` finding, so one bad file never
stops a batch and every output format receives well-formed data.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import gc
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypedDict, TypeVar, Unpack, overload

from hulifa.decoding import fallback
from hulifa.discovery import DATA_SUFFIXES, Found, Selection, SkipHandler, discover, not_report_data
from hulifa.discovery import display as _display
from hulifa.errors import InputError, fail
from hulifa.evaluate import evaluate
from hulifa.model import (
    CheckResult,
    Deviation,
    Finding,
    Outcome,
    Position,
    ReportData,
    ReportResult,
    RulePack,
    Severity,
    Status,
    Subject,
    Text,
    params,
)
from hulifa.reportdata import TextHints, load_report, report_from_bytes
from hulifa.rulepack import load_pack

# What is read as a published report, through the extractor (its bytes decide the form: see
# hulifa.extract.sniff): text, pages (saved as one file too), Word, PDF, and the forms it refuses with
# what to do instead (Word 97-2003 and WPS, spreadsheets, pictures, OFD, RTF, archives). Anything else
# is report data (YAML).
TEXT_SUFFIXES = (
    *(".txt", ".md", ".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml", ".docx", ".pdf"),
    *(".doc", ".wps", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps", ".ofd", ".rtf"),
    *(".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".zip", ".rar", ".7z"),
)


INPUT = Subject("hulifa.input", "无法检查", "could not check")
PREVIOUS = Subject("hulifa.previous", "上年报告", "previous year's report")


def error_result(error: InputError, file: str) -> ReportResult:
    p = error.position
    finding = Finding(
        rule=INPUT.id,
        subject=INPUT,
        status=Status.ERROR,
        severity=Severity.ERROR,
        position=Position(p.file or file, p.line, p.column),
        message=error.message_id,
        params=error.params,
    )
    return ReportResult(file=file, findings=(finding,), checked=False)


STDIN = "-"


def load_input(
    path: str,
    pack: RulePack,
    encoding: str | None = None,
    hints: TextHints | None = None,
    *,
    stdin_name: str | None = None,
) -> ReportData:
    """Report data from YAML, or from report text through the extractor; both through the one
    validating constructor (reportdata.new_report). `hints` fill in what a text does not say.
    `-` is standard input, named `stdin_name` in messages; its suffix picks the parser, as a file's does."""
    name = (stdin_name or STDIN) if path == STDIN else path
    data: bytes | None = None
    if path == STDIN:
        import sys

        from hulifa.decoding import read_stream

        data = read_stream(sys.stdin.buffer, name)
    suffix = os.path.splitext(name)[1].lower()  # what Path(name).suffix decides, without a Path per file
    if suffix in TEXT_SUFFIXES or (suffix not in DATA_SUFFIXES and _published(path, data)):
        # heavy; only for text input
        from hulifa.extract.core import extract_text
        from hulifa.extract.output import to_report_data
        from hulifa.extract.published import read_published

        published = read_published(Path(path), name, encoding, data)
        if published.pdf is not None:
            from hulifa.extract.pdf import report_data  # positions are page and line of the PDF

            return report_data(published.pdf, name, pack, hints)
        given = hints or TextHints()
        text, used = published.text, published.encoding
        extraction = extract_text(text, pack, region=given.region, level=given.level, year=given.year)
        report = to_report_data(extraction, name, text)
        return report._replace(encoding=fallback(used, encoding)) if fallback(used, encoding) else report
    if data is None:
        return load_report(Path(path), path, encoding)
    return report_from_bytes(data, name, encoding)


def _published(path: str, data: bytes | None) -> bool:
    """Whether a file whose name says neither report data nor a published form (`download.do`, a name
    with no suffix, an unnamed pipe) holds a published report by its first bytes: a PDF, a Word
    document, a saved page, or a form the extractor refuses saying what it is. Never asked of a
    .yaml file, so a batch of report data reads no byte more."""
    from hulifa.extract import sniff

    head = data[: sniff.HEAD] if data is not None else sniff.peek(Path(path))
    try:
        return sniff.form_of(head, "") is not sniff.Form.TEXT
    except InputError:
        return True  # refused there again, with the file's name


def previous_candidate(path: str, year: int) -> Path | None:
    """The file beside `path` whose name has `year` − 1 where this one has `year` (2024.yaml → 2023.yaml)."""
    if str(year) not in os.path.basename(path):  # most names (000123.yaml, huli.yaml): no regex, no Path
        return None
    file = Path(path)
    name = re.sub(rf"(?<!\d){year}(?!\d)", str(year - 1), file.name)
    if name == file.name:
        return None
    candidate = file.with_name(name)
    return candidate if candidate.is_file() else None


def _note(where: Position, status: Status, severity: Severity, message_id: str, /, **values: Any) -> Finding:
    return Finding(
        rule=PREVIOUS.id,
        subject=PREVIOUS,
        status=status,
        severity=severity,
        position=where,
        message=message_id,
        params=params(**values),
    )


def load_previous(
    path: str, report: ReportData, pack: RulePack, previous: str | None, encoding: str | None
) -> tuple[ReportData | None, list[Finding]]:
    """Last year's report for `report`: `previous` if given, else the file found beside it by name.

    It counts only if its region is this report's and its year is one less. A previous file that
    cannot be read, or does not match, becomes a finding, never a crash."""
    explicit = previous is not None
    if previous is None and path == STDIN:
        return None, []
    if previous is None:
        found = previous_candidate(path, report.year)
        if found is None:
            return None, []
        previous = _display(found) if found.is_absolute() else str(found)
    top = report.top_at
    try:
        before = load_input(previous, pack, encoding)
    except InputError as error:
        p = error.position
        return None, [
            _note(
                top,
                Status.INVALID,
                Severity.WARNING,
                "previous.unreadable",
                file=p.file,
                line=p.line,
                column=p.column,
                message=error.message,
            )
        ]
    except RecursionError:
        return None, [_note(top, Status.INVALID, Severity.WARNING, "previous.too_deep", previous=previous)]
    if before.region != report.region or before.year != report.year - 1:
        status, severity = (Status.INVALID, Severity.WARNING) if explicit else (Status.NOT_APPLICABLE, Severity.NONE)
        return None, [
            _note(
                top,
                status,
                severity,
                "previous.other_report",
                previous=previous,
                region=before.region,
                year=before.year,
                expected_region=report.region,
                expected_year=report.year - 1,
            )
        ]
    return before, []


# More unknown keys than this and the file is not a report for this pack: one clear error, not
# thousands of findings (and thousands of did-you-mean searches).
MAX_UNKNOWN = 500


def _refuse_unknown_flood(report: ReportData, pack: RulePack, table: dict[str, Any]) -> None:
    if len(report.values) <= MAX_UNKNOWN:  # the usual report: too few keys to be a flood, none looked up
        return
    unknown = [value for value in report.values if value.key not in table]
    if len(unknown) > MAX_UNKNOWN:
        first = unknown[0].position
        raise fail(
            first.file,
            first.line,
            first.column,
            "input.report.unknown_keys",
            count=len(unknown),
            pack=pack.id,
            limit=MAX_UNKNOWN,
        )


def check_file(
    path: str,
    pack: RulePack,
    encoding: str | None = None,
    *,
    previous: str | None = None,
    deviations: tuple[Deviation, ...] = (),
    today: dt.date | None = None,
    hints: TextHints | None = None,
    stdin_name: str | None = None,
) -> ReportResult:
    """One report. Last year's report is `previous`, or the one found beside it (see load_previous).
    `path` `-` is standard input, named `stdin_name` in messages."""
    name = (stdin_name or STDIN) if path == STDIN else path
    try:
        report = load_input(path, pack, encoding, hints, stdin_name=stdin_name)
    except InputError as error:
        return error_result(error, name)
    except RecursionError:
        return error_result(fail(name, 1, 1, "input.yaml.nesting"), name)
    source, path = path, name
    try:
        before, notes = load_previous(source, report, pack, previous, encoding)
        _refuse_unknown_flood(report, pack, pack.index.by_key)
        result = evaluate(pack, report, before, accepted=deviations, today=today or dt.date.today())
    except InputError as error:  # a malformed deviations section is the report's own input error
        return error_result(error, path)
    notes += _unsettled(pack, report, result)
    if notes:
        result = result._replace(findings=_merged(result.findings, notes))
    if result.required == 0:
        where = report.top_at
        return error_result(
            InputError(
                where,
                "input.report.no_rule",
                params(level=report.level, year=report.year),
            ),
            path,
        )
    return result


def _merged(findings: tuple[Finding, ...], notes: list[Finding]) -> tuple[Finding, ...]:
    """`findings` (in order) with the few `notes` put in their places: the order that sorting them all
    together gives (a note after the findings it ties with), without sorting the findings again."""
    merged = list(findings)
    for note in notes:
        bisect.insort(merged, note, key=Finding.sort_key)
    return tuple(merged)


def _warning(
    at: Position,
    rule: str,
    name: str,
    name_en: str,
    message_id: str,
    severity: Severity = Severity.WARNING,
    **values: Any,
) -> Finding:
    """A warning (or a note) that the verdict rests on something unconfirmed: unverifiable, never a pass."""
    return Finding(
        rule=rule,
        subject=Subject(rule, name, name_en),
        status=Status.UNVERIFIABLE,
        severity=severity,
        position=at,
        message=message_id,
        params=params(**values),
    )


def _unsettled(pack: RulePack, report: ReportData, result: ReportResult) -> list[Finding]:
    """What the verdict rests on but nobody confirmed: a level guessed from the name, pages with no text
    layer, a pack under which no statutory-part rule applies (the parts then go unchecked, never passed),
    and, as a note, an encoding chosen by fallback."""
    notes = []
    top = report.top_at
    if report.encoding:
        at = top._replace(line=1, column=1)
        name, name_en = "文件编码", "file encoding"
        notes.append(
            _warning(at, "hulifa.encoding", name, name_en, "note.encoding", Severity.INFO, encoding=report.encoding)
        )
    if report.level_guess is not None:
        why = report.level_guess
        notes.append(
            _warning(
                top,
                "hulifa.level",
                "报告层级",
                "level of the reporting body",
                "note.level_guess",
                level=report.level,
                why=why,
            )
        )
    if report.unread_pages:
        pages = ", ".join(str(p) for p in report.unread_pages)
        notes.append(
            _warning(
                top._replace(line=1, column=1, page=report.unread_pages[0]),
                "hulifa.pdf",
                "未读取的页面",
                "pages not read",
                "note.unread_pages",
                pages=pages,
            )
        )
    part_rules = pack.index.parts
    statuses = [f.status for f in result.findings if f.rule in part_rules]
    if part_rules and statuses and all(s is Status.NOT_APPLICABLE for s in statuses):
        notes.append(
            _warning(
                report.sections_at,
                "hulifa.sections",
                "法定部分",
                "statutory parts",
                "note.sections_unchecked",
                level=report.level,
                year=report.year,
            )
        )
    return notes


BATCH_GC_THRESHOLD = 20_000


@contextlib.contextmanager
def batch_gc() -> Iterator[None]:
    """Fewer passes of Python's cycle collector while a batch runs; the old thresholds come back after.

    A report allocates a few thousand objects and frees them, by reference count, before the next one
    starts; none of them form cycles. At the default first threshold (700) the collector still runs
    about once a report, finds that report's objects alive, and moves them to older generations, whose
    full passes then took ~10% of a batch. At 20,000 a report comes and goes between passes.
    """
    saved = _raise_gc_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _raise_gc_threshold() -> tuple[int, int, int]:
    """Set the first threshold to at least BATCH_GC_THRESHOLD; return the thresholds as they were."""
    first, second, third = gc.get_threshold()
    gc.set_threshold(max(first, BATCH_GC_THRESHOLD), second, third)
    return first, second, third


class Skipped(NamedTuple):
    """A file met in a scan that is one of hulifa's other YAML files (see discovery.not_report_data)."""

    path: str
    reason: Text


class _Settings(NamedTuple):
    """How every report of a run is checked, the same in each worker (pickled to it with each chunk).
    A NamedTuple, as discovery's records: a dataclass compiles its methods with exec at every start."""

    encoding: str | None
    deviations: tuple[Deviation, ...]
    today: dt.date | None
    transform: Callable[[ReportResult], Any] | None
    hints: TextHints | None


class IterOptions(TypedDict, total=False):
    """What iter_check takes besides the inputs, the pack and the settings of each check."""

    jobs: int
    encoding: str | None
    previous: str | None
    hints: TextHints | None
    selection: Selection | None
    on_skip: SkipHandler | None
    stdin_name: str | None


class RunOptions(IterOptions, total=False):
    """Run's and check_paths' options: iter_check's, and the deviations file and the day they apply on."""

    deviations: str | Path | None
    today: dt.date | None


def _check_found(
    found: Found, pack: RulePack, settings: _Settings, previous: str | None = None, stdin_name: str | None = None
) -> Any:
    """check_file, except that a scanned file that turns out to be a deviations file, a rule pack or a
    configuration file is Skipped rather than an error: telling them apart costs only on failure.
    The transform's value when there is one, else the ReportResult (or Skipped)."""
    encoding, deviations, today, transform, hints = settings
    result = check_file(
        found.path,
        pack,
        encoding,
        deviations=deviations,
        today=today,
        hints=hints,
        previous=previous,
        stdin_name=stdin_name,
    )
    if not result.checked and not found.explicit and found.path.lower().endswith(DATA_SUFFIXES):
        kind = _sniff(found.path, encoding)
        if kind is not None:
            from hulifa.messages import reason

            return Skipped(found.path, reason("skip.not_report", kind=kind))
    return transform(result) if transform else result


def _sniff(path: str, encoding: str | None) -> Text | None:
    from hulifa.decoding import read_bytes
    from hulifa.yamlsafe import decode

    try:
        return not_report_data(decode(read_bytes(Path(path), path), path, encoding))
    except InputError:
        return None


_worker_pack: RulePack | None = None


def _init_worker(rules: str | None, parent: int) -> None:
    global _worker_pack
    _die_with_parent(parent)
    _worker_pack = load_pack(rules)
    # The pack lives as long as the worker: frozen, as the CLI freezes its own once start-up is over
    # (hulifa.cli.started), so that no collection in the worker walks it again.
    gc.freeze()
    _raise_gc_threshold()  # a worker only ever runs a batch: see batch_gc


def _die_with_parent(parent: int) -> None:
    """A worker ends when the CLI does, however the CLI ends (SIGKILL included).

    The parent's SIGTERM/SIGHUP handlers (inherited through fork) would make a worker survive the
    pool's terminate(); the default action ends it, and a signal noted while the worker was being
    forked (_signals_held) ends it now. On Linux the kernel sends SIGKILL when the parent dies
    (PR_SET_PDEATHSIG); elsewhere a daemon thread watches the parent's pid.
    """
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if _held:
        os._exit(128 + _held[0])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent handles it
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # 1 = PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


_held: list[int] = []  # SIGTERM or SIGHUP, come while workers were being forked (_signals_held)


def _hold(signum: int, _frame: object) -> None:
    _held.append(signum)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and SIGHUP are only noted while the pool forks its workers (in `submit`), then handled
    as before once it has. The CLI's handler raises (cli.Terminated); raised inside the fork hooks
    that logging and threading run in the parent and in the new worker, the exception can only be
    printed, as "Exception ignored in ..." with a traceback, and the program goes on. A worker forked
    meanwhile inherits the noting handler and ends in _die_with_parent if it noted a signal."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread sets handlers
        yield
        return
    numbers = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    before = {number: signal.getsignal(number) for number in numbers}
    for number in numbers:
        signal.signal(number, _hold)
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
        if _held:
            signum = _held.pop(0)
            _held.clear()
            handler = before[signum]
            if callable(handler):
                handler(signum, None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), signum)


def _stop_pool(pool: Any) -> None:
    """Stop a ProcessPoolExecutor now: queued work cancelled, running workers terminated.

    shutdown(wait=True), what `with` does, would wait for every queued file of the batch."""
    procs = list((getattr(pool, "_processes", None) or {}).values())  # private, but the one handle on them
    for proc in procs:
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.join(5)


def _check_in_worker(args: tuple[list[Found], _Settings]) -> list[Any]:
    assert _worker_pack is not None
    return [_check_found(found, _worker_pack, args[1]) for found in args[0]]


def iter_check(
    inputs: Sequence[str],
    pack: RulePack,
    *,
    rules: str | None = None,
    jobs: int = 1,
    encoding: str | None = None,
    previous: str | None = None,
    deviations: tuple[Deviation, ...] = (),
    today: dt.date | None = None,
    transform: Callable[[ReportResult], Any] | None = None,
    hints: TextHints | None = None,
    selection: Selection | None = None,
    on_skip: SkipHandler | None = None,
    stdin_name: str | None = None,
) -> Iterator[Any]:
    """Results in input order, one at a time, so a batch of any size runs in flat memory.

    Inputs are found lazily (see hulifa.discovery); files skipped there, or recognised here as
    hulifa's other YAML files, go to `on_skip` and yield nothing. `-` reads standard input.
    `previous` (last year's report) only goes with a single input file (see previous_alone). `transform`, if given, is
    applied to each result where it was made (in the worker process with `jobs` > 1) and its value is
    yielded instead: rendering there spares the parent both the work and the pickling of results.
    It must be picklable (a module-level function, or a functools.partial of one). While a batch of
    more than one file runs, the cycle collector's first threshold is raised (see batch_gc)."""
    previous_alone(inputs, previous)
    found = discover(inputs, selection, on_skip)
    head = list(itertools.islice(found, 2))
    items = itertools.chain(head, found)
    settings = _Settings(encoding, deviations, today, transform, hints)

    def done_here(item: Any) -> Iterator[Any]:
        if isinstance(item, Skipped):
            if on_skip:
                on_skip(item.path, item.reason)
        else:
            yield item

    def error_here(item: Found) -> Any:
        assert item.error is not None
        result = error_result(item.error, item.path)
        return transform(result) if transform else result

    if jobs <= 1 or len(head) < 2 or any(f.path == STDIN for f in head) or STDIN in inputs:
        with batch_gc() if len(head) > 1 else contextlib.nullcontext():
            for item in items:
                if item.error:
                    yield error_here(item)
                else:
                    yield from done_here(_check_found(item, pack, settings, previous, stdin_name))
        return
    yield from _parallel(items, rules, jobs, settings, done_here, error_here)


def previous_alone(inputs: Sequence[str], previous: str | None) -> None:
    """Refuse `previous` (last year's report) unless one report is named alone: not with several
    inputs, a folder or a pattern, whatever they hold now. The command line asks this before any file
    is read, and iter_check for the library: one rule, one message. Raises InputError at `previous`."""
    if previous is None:
        return
    if len(inputs) == 1 and (inputs[0] == STDIN or not (Path(inputs[0]).is_dir() or _pattern(inputs[0]))):
        return
    raise fail(previous, 1, 1, "option.previous_single")


def _pattern(raw: str) -> bool:
    """Whether discover reads `raw` as a glob: it has a wildcard and names no file as it is."""
    return any(ch in raw for ch in "*?[") and not Path(raw).exists()


CHUNK = 16


def _parallel(
    items: Iterator[Found],
    rules: str | None,
    jobs: int,
    settings: _Settings,
    done_here: Callable[[Any], Iterator[Any]],
    error_here: Callable[[Found], Any],
) -> Iterator[Any]:
    """Check in `jobs` processes, in input order, with a bounded window of chunks in flight: the
    inputs are found as the checks go, never listed whole."""
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor  # 15 ms of imports: only for --jobs

    window: deque[tuple[list[Found], Future[list[Any]]]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rules, os.getpid()))
    try:

        def drain(keep: int) -> Iterator[Any]:
            while len(window) > keep:
                chunk, future = window.popleft()
                checked = iter(future.result())
                for item in chunk:
                    if item.error:
                        yield error_here(item)
                    else:
                        yield from done_here(next(checked))

        while True:
            chunk = list(itertools.islice(items, CHUNK))
            if not chunk:
                break
            todo = [item for item in chunk if item.error is None]
            with _signals_held():
                future = pool.submit(_check_in_worker, (todo, settings))
            window.append((chunk, future))
            yield from drain(jobs * 4)
        yield from drain(0)
    except BaseException:  # Ctrl-C, SIGTERM, an error, or the caller closing the generator early
        _stop_pool(pool)
        raise
    pool.shutdown()


T = TypeVar("T")


def _tallied(
    transform: Callable[[ReportResult], T] | None, result: ReportResult
) -> tuple[Severity, bool, T | ReportResult]:
    """What the Outcome needs of a result, with what the caller asked for (with --jobs, in the worker)."""
    return result.worst(), result.checked, transform(result) if transform else result


class Run:
    """One check run, as `hulifa.check()` and `hulifa check` both do it: the rule pack and the accepted
    deviations loaded once, results streamed in input order (see iter_check), and the Outcome that
    decides the exit code tallied as they pass.

    Raises InputError when the rule pack, the deviations file or the inputs' shape is wrong."""

    def __init__(
        self,
        inputs: str | Sequence[str],
        rules: str | None = None,
        *,
        deviations: str | Path | None = None,
        today: dt.date | None = None,
        jobs: int = 1,
        encoding: str | None = None,
        previous: str | None = None,
        hints: TextHints | None = None,
        selection: Selection | None = None,
        on_skip: SkipHandler | None = None,
        stdin_name: str | None = None,
    ) -> None:
        from hulifa.deviations import load_deviations

        self.inputs = [inputs] if isinstance(inputs, str) else list(inputs)
        self.rules = rules
        self.pack = load_pack(rules)
        self.deviations = load_deviations(deviations) if deviations is not None else ()
        self.today = today or dt.date.today()
        self.options: IterOptions = {
            "jobs": jobs,
            "encoding": encoding,
            "previous": previous,
            "hints": hints,
            "selection": selection,
            "on_skip": on_skip,
            "stdin_name": stdin_name,
        }
        self.outcome = Outcome()

    @overload
    def results(self) -> Iterator[ReportResult]: ...

    @overload
    def results(self, transform: Callable[[ReportResult], T]) -> Iterator[T]: ...

    def results(self, transform: Callable[[ReportResult], object] | None = None) -> Iterator[object]:
        """Each report's result, or `transform` of it (made where the report was checked: see iter_check)."""
        tally = partial(_tallied, transform)
        for worst, checked, value in iter_check(
            self.inputs,
            self.pack,
            rules=self.rules,
            deviations=self.deviations,
            today=self.today,
            transform=tally,
            **self.options,
        ):
            self.outcome.add(worst, checked)
            yield value

    def exit_code(self, fail_on: Severity | None, *, none_is_ok: bool = False) -> int:
        return self.outcome.exit_code(fail_on, none_is_ok=none_is_ok)


def check_paths(
    inputs: str | Sequence[str],
    rules: str | None = None,
    *,
    on_result: Callable[[ReportResult], None] | None = None,
    **options: Unpack[RunOptions],
) -> CheckResult:
    """Check report files against a rule pack (None: the bundled default) and return every result.

    Options are Run's: `previous`: last year's report (single input only; otherwise it is found
    beside each file). `deviations`: a file of accepted deviations, applied to every report, as of
    `today`. `hints`: year, level and region for report text that does not say them (YAML ignores
    them). `selection`: which files a directory means (hulifa.discovery); skipped files go to
    `on_skip`. `jobs`, `encoding`, `stdin_name`. The result's `exit_code(fail_on)` is the CLI's.
    Raises InputError only when the rule pack, the deviations file or the inputs' shape is wrong.
    """
    run = Run(inputs, rules, **options)
    results: list[ReportResult] = []
    for result in run.results():
        results.append(result)
        if on_result:
            on_result(result)
    return CheckResult(reports=tuple(results), pack=run.pack)
