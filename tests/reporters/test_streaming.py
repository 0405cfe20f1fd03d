"""reporters.streaming: a document written report by report is the whole-run document, and a
streamed batch (SARIF, JUnit, Markdown, Code Quality) holds no more memory for more reports
(tracemalloc, not time)."""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import hulifa
from clihelp import HULI_DATA
from hulifa.errors import fail
from hulifa.model import CheckResult, ReportResult, Severity
from hulifa.reporters import module, streaming
from hulifa.runner import error_result


def _huli() -> CheckResult:
    return hulifa.check(str(HULI_DATA))


class _Counting:
    """A sink that keeps only how much was written."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> None:
        self.size += len(text)


@pytest.mark.parametrize("name", ["sarif", "junit", "json", "parsable", "markdown", "codequality"])
@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_equals_rendered(name: str, count: int) -> None:
    huli = _huli()
    broken = error_result(fail("x.yaml", 2, 1, "input.yaml.error", exc="坏 bad"), "x.yaml")
    clean = ReportResult(file="clean.yaml", findings=(), region="甲区", year=2024, required=1)
    reports = [huli.reports[0], broken, clean][:count]
    result = CheckResult(reports=tuple(reports), pack=huli.pack)
    sink = io.StringIO()
    doc = streaming.Document(module(name), sink, result.pack, "zh", Severity.WARNING)
    for report in reports:
        doc.add(report)
    doc.finish()
    if name == "junit":
        assert sink.getvalue() == module(name).render(result, "zh", Severity.WARNING)
    else:
        assert sink.getvalue() == module(name).render(result, "zh")


@pytest.mark.parametrize("name", ["sarif", "junit", "markdown", "codequality"])
def test_a_streamed_batch_does_not_grow_with_the_number_of_reports(name: str) -> None:
    huli = _huli()
    report = huli.reports[0]
    # Markdown unbounded: every report's details are written, none dropped by the budget
    options = {"max_bytes": 0} if name == "markdown" else {}

    def held_after(count: int) -> int:
        sink = _Counting()
        tracemalloc.start()
        try:
            doc = streaming.Document(module(name), sink, huli.pack, "zh", Severity.WARNING, **options)
            base = tracemalloc.get_traced_memory()[0]
            for i in range(count):
                doc.add(report._replace(region=f"区{i}"))  # a new result each time, as a batch has
            gc.collect()  # json's pure-Python encoder (indent) leaves closures in cycles: garbage, not held
            held = tracemalloc.get_traced_memory()[0] - base
            doc.finish()
        finally:
            tracemalloc.stop()
        assert sink.size > count * 1000  # the document was written, report by report
        return held

    few, many = held_after(20), held_after(200)
    assert many < few + 64 * 1024, (few, many)  # ten times the reports, the same memory


@pytest.mark.parametrize(("limit", "cut"), [(0, ""), (3000, "the details of"), (800, "rows of the table")])
def test_markdown_streamed_within_a_budget_is_the_rendered_document(limit: int, cut: str) -> None:
    """Cut to a budget (details dropped, or table rows too), the streamed document is still render's."""
    huli = _huli()
    reports = [huli.reports[0]._replace(region=f"区{i}", file=f"r{i}.yaml") for i in range(12)]
    result = CheckResult(reports=tuple(reports), pack=huli.pack)
    sink = io.StringIO()
    doc = streaming.Document(module("markdown"), sink, huli.pack, "en", None, max_bytes=limit)
    for report in reports:
        doc.add(report)
    doc.finish()
    assert sink.getvalue() == module("markdown").render(result, "en", limit)
    if limit:
        assert len(sink.getvalue()) <= limit and cut in sink.getvalue()


def test_a_batch_with_no_issue_is_an_empty_code_quality_array() -> None:
    clean = ReportResult(file="clean.yaml", findings=(), region="甲区", year=2024, required=1)
    sink = io.StringIO()
    doc = streaming.Document(module("codequality"), sink, None, "zh")
    doc.add(clean)
    doc.finish()
    assert sink.getvalue() == "[]\n"


@pytest.mark.parametrize("name", ["sarif", "junit", "html"])
def test_the_spilled_reports_are_copied_back_in_small_pieces(name: str) -> None:
    """At the end the spill file is read back COPY_CHARS at a time, never whole (a read of 1 MiB of
    characters held ~6 MiB at once, in bytes, text and the encoded write), and the document is the one
    rendered whole."""
    huli = _huli()
    reports = [huli.reports[0]._replace(region=f"区{i}") for i in range(30)]

    class Pieces(_Counting):
        def __init__(self) -> None:
            super().__init__()
            self.sizes: list[int] = []

        def write(self, text: str) -> None:
            super().write(text)
            self.sizes.append(len(text))
            whole.write(text)

    whole = io.StringIO()
    sink = Pieces()
    doc = streaming.Document(module(name), sink, huli.pack, "zh", Severity.WARNING)
    for report in reports:
        doc.add(report)
    doc.finish()
    copied = sink.sizes[1:-1]  # between the head and the tail (the rule table, written whole)
    assert sink.size > 4 * streaming.COPY_CHARS and max(copied) <= streaming.COPY_CHARS, sink.sizes
    result = CheckResult(reports=tuple(reports), pack=huli.pack)
    rendered = module(name).render(result, "zh", Severity.WARNING) if name == "junit" else None
    assert whole.getvalue() == (rendered if rendered is not None else module(name).render(result, "zh"))


@pytest.mark.parametrize("name", ["junit", "sarif"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_spilled_document_is_the_rendered_one_in_the_output_encoding(
    name: str, encoding: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spilled items are copied as their UTF-8 bytes where the output writes UTF-8 (stdout, a
    file), and as text where it does not (PYTHONIOENCODING=utf-16): the same document either way."""
    (tmp_path / "r").mkdir()
    for i in range(3):
        shutil.copy(HULI_DATA, tmp_path / "r" / f"huli-{i}.yaml")
    args = [sys.executable, "-m", "hulifa", "check", "r", "--fail-on", "never", "--today", "2025-06-01", "-f", name]
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    run = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    monkeypatch.chdir(tmp_path)
    result = hulifa.check("r", today=dt.date(2025, 6, 1))
    extra = {"fail_on": None} if name == "junit" else {}
    whole = module(name).render(result, "zh", **extra)
    assert run.stdout.decode(encoding) == whole
    to_file = subprocess.run([*args, "-o", "out"], cwd=tmp_path, env=env, capture_output=True, check=False)
    assert to_file.returncode == 0 and (tmp_path / "out").read_bytes() == whole.encode("utf-8")
