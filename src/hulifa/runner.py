"""The library API: paths in, CheckResult out. Finds report files, loads, evaluates; never prints.

A file that cannot be checked becomes a ReportResult with one `error` finding, so one bad file never
stops a batch and every output format receives well-formed data.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from hulifa.errors import InputError, fail
from hulifa.evaluate import evaluate
from hulifa.model import (
    CheckResult,
    Finding,
    Position,
    ReportData,
    ReportResult,
    RulePack,
    Severity,
    Status,
    Text,
)
from hulifa.reportdata import load_report
from hulifa.rulepack import load_pack

DATA_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")


def _display(path: Path) -> str:
    """Relative to the working directory when inside it, so output is the same on every machine."""
    try:
        return os.path.relpath(path) if path.is_absolute() else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def discover(inputs: Sequence[str]) -> list[tuple[str, InputError | None]]:
    """Expand directories (recursively, report-data files only) and globs; keep order, drop repeats.

    A path that does not exist is kept with its error, so it is reported rather than skipped.
    """
    found: list[tuple[str, InputError | None]] = []
    seen: set[str] = set()

    def add(path: str, error: InputError | None = None) -> None:
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            found.append((path, error))

    for raw in inputs:
        path = Path(raw)
        if any(ch in raw for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                add(raw, fail(raw, 1, 1, "没有文件匹配此模式", "no file matches this pattern"))
            for match in matches:
                if Path(match).is_file():
                    add(match)
            continue
        if path.is_dir():
            files = sorted(p for p in _walk(path) if p.suffix.lower() in DATA_SUFFIXES and not p.name.startswith("."))
            if not files:
                add(
                    raw,
                    fail(
                        raw, 1, 1, "目录中没有报告数据文件(*.yaml)", "no report-data files (*.yaml) in this directory"
                    ),
                )
            for file in files:
                add(_display(file))
            continue
        add(raw)
    return found


def _walk(root: Path) -> Iterator[Path]:
    """os.walk without following links, so a symlink loop cannot trap us."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in files:
            yield Path(folder) / name


def error_result(error: InputError, file: str) -> ReportResult:
    p = error.position
    finding = Finding(
        rule="hulifa.input",
        name="无法检查",
        name_en="could not check",
        status=Status.ERROR,
        severity=Severity.ERROR,
        file=p.file or file,
        line=p.line,
        column=p.column,
        message=error.message,
    )
    return ReportResult(file=file, findings=(finding,), checked=False)


def load_input(path: str, pack: RulePack, encoding: str | None = None) -> ReportData:
    file = Path(path)
    if file.suffix.lower() in TEXT_SUFFIXES:
        from hulifa.extract import extract_text, read_text, to_report_data  # heavy; only for text input

        text, _ = read_text(file, encoding)
        return to_report_data(extract_text(text, pack), path)
    return load_report(file, path, encoding)


def check_file(path: str, pack: RulePack, encoding: str | None = None) -> ReportResult:
    try:
        report = load_input(path, pack, encoding)
    except InputError as error:
        return error_result(error, path)
    except RecursionError:
        return error_result(fail(path, 1, 1, "嵌套过深,拒绝处理", "nesting too deep; refused"), path)
    result = evaluate(pack, report)
    if result.required == 0:
        where = report.top_at or Position(path, 1, 1)
        return error_result(
            InputError(
                where,
                Text(
                    f"规则包中没有适用于 {report.level} 级 {report.year} 年的规则",
                    f"no rule of the pack applies to a {report.level} report for {report.year}",
                ),
            ),
            path,
        )
    return result


_worker_pack: RulePack | None = None


def _init_worker(rules: str | None) -> None:
    global _worker_pack
    _worker_pack = load_pack(rules)


def _check_in_worker(args: tuple[str, str | None]) -> ReportResult:
    assert _worker_pack is not None
    return check_file(args[0], _worker_pack, args[1])


def iter_check(
    inputs: Sequence[str],
    pack: RulePack,
    *,
    rules: str | None = None,
    jobs: int = 1,
    encoding: str | None = None,
) -> Iterator[ReportResult]:
    """Results in input order, one at a time, so a batch of any size runs in flat memory."""
    found = discover(inputs)
    if jobs <= 1 or len(found) < 2:
        for path, error in found:
            yield error_result(error, path) if error else check_file(path, pack, encoding)
        return
    todo = [(path, encoding) for path, error in found if error is None]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(rules,)) as pool:
        done = pool.map(_check_in_worker, todo, chunksize=max(1, len(todo) // (jobs * 8)))
        for path, error in found:
            yield error_result(error, path) if error else next(done)


def check_paths(
    inputs: str | Sequence[str],
    rules: str | None = None,
    *,
    jobs: int = 1,
    encoding: str | None = None,
    on_result: Callable[[ReportResult], None] | None = None,
) -> CheckResult:
    """Check report files against a rule pack (None: the bundled default) and return every result.

    Raises InputError only when the rule pack itself cannot be loaded.
    """
    paths = [inputs] if isinstance(inputs, str) else list(inputs)
    pack = load_pack(rules)
    results: list[ReportResult] = []
    for result in iter_check(paths, pack, rules=rules, jobs=jobs, encoding=encoding):
        results.append(result)
        if on_result:
            on_result(result)
    return CheckResult(reports=tuple(results), pack=pack)
