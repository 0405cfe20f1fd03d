"""Round two: one long line. A 4.9 MB .txt without a newline or full stop did not finish in 120 s,
because every figure scanned its whole "sentence" character by character. Work per figure is now
bounded (Doc.REACH), so extraction is linear in the input."""

from __future__ import annotations

import random
from pathlib import Path

from hostile.helpers import run_process
from hulifa.extract.document import REACH, Doc

_CHARS = "法治政府建设行政复议案件办理诉讼应诉出庭率12345678%，、"


def _line(size: int) -> str:
    rng = random.Random(17)
    return "湖里区2024年法治政府建设年度报告" + "".join(rng.choice(_CHARS) for _ in range(size))


def test_spans_are_bounded_whatever_the_text() -> None:
    text = "办理案件12件" * 20_000  # no sentence end, no clause end
    doc = Doc.of(text)
    middle = len(text) // 2
    start, end = doc.sentence_span(middle)
    assert start <= middle <= end and end - start <= 2 * REACH + 1
    assert middle - REACH <= doc.clause_start(middle) <= middle <= doc.clause_end(middle) <= middle + REACH


def test_spans_unchanged_for_ordinary_sentences() -> None:
    doc = Doc.of("第一句。办理案件12件,结案10件。\n第三句")
    offset = doc.folded.index("12")
    assert doc.sentence(offset) == "办理案件12件,结案10件。"
    assert doc.folded[doc.clause_start(offset) : doc.clause_end(offset)] == "办理案件12件"


def test_a_long_line_extracts_without_hanging(tmp_path: Path) -> None:
    # 300,000 characters on one line: about two seconds now; before the fix, minutes. The timeout
    # only guards against a hang, it measures nothing.
    path = tmp_path / "one-line.txt"
    path.write_text(_line(300_000), encoding="utf-8")
    run = run_process("extract", str(path), timeout=120)
    assert run.exit_code in (0, 2), run.stderr  # a report or a clear refusal, never a crash
    assert "Traceback" not in run.stderr


def test_a_long_run_of_digits_extracts_without_hanging(tmp_path: Path) -> None:
    # A run of digits with no 号 after it: the document-number pattern (第?\d+号) was tried from every
    # digit, each try scanning to the run's end, so 32,768 digits (what PDFium keeps of one huge PDF
    # line) took 15 s and a million would take hours. Now each run is scanned once; a million digits
    # take about two seconds. The timeout guards against a hang, it measures nothing.
    path = tmp_path / "digits.txt"
    path.write_text("7" * 1_000_000, encoding="utf-8")
    run = run_process("extract", str(path), timeout=120)
    assert run.exit_code in (0, 2), run.stderr  # data with no body named, or a clear refusal
    assert "Traceback" not in run.stderr


def test_document_numbers_are_still_protected() -> None:
    doc = Doc.of("依据厅字〔2019〕28号和第711号文件,另有12345号与5第12号,办理案件12件")
    protected = [doc.folded[a:b] for a, b in doc.protected]
    assert protected == ["〔2019〕28号", "第711号", "12345号", "第12号"]
