"""PDF bombs: a stream that inflates past the memory cap, a page tree past the page cap (100,000 pages,
or a tree that loops), a page of one huge line, a PDF with no text at all. Each ends as exit 2 with a
clear message, never a hang, a MemoryError or a traceback; memory is bounded and measured (the reading
process's peak RSS, the parent's traced allocations), never the time."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest

from hostile.helpers import HERE, run_cli
from hulifa.extract import pdf as pdfmod

sys.path.insert(0, str(HERE / "pdf"))
from make_bombs import long_line, looping_tree, page_bomb, pdf, shared_pages

BOMB = HERE / "pdf" / "flate-bomb.pdf"  # 400 KB that inflates to 400 MiB (make_bombs.py)


def _clean(run_output: str) -> None:
    assert "Traceback" not in run_output and "internal error" not in run_output and "MemoryError" not in run_output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["check", "--lang", "en"], "more than 256 MiB of memory and was stopped (a malformed PDF or a PDF bomb)"),
        (["extract"], "读取 PDF 所需内存超过上限(256 MiB),已停止(文件可能异常或为 PDF 炸弹)"),
    ],
)
def test_a_stream_that_inflates_past_the_memory_cap(args: list[str], says: str) -> None:
    assert pdfmod.MAX_MEMORY == 256 * 1024 * 1024  # the real cap, not one lowered for the test
    run = run_cli(args[0], str(BOMB), *args[1:])
    assert run.exit_code == 2, run.output
    assert says in run.stderr
    if args[0] == "extract":
        assert run.stdout == ""  # nothing half-written
    _clean(run.output)


def test_a_page_tree_past_the_page_cap(tmp_path: Path) -> None:
    bomb = tmp_path / "pages.pdf"
    bomb.write_bytes(page_bomb(2000))
    run = run_cli("check", str(bomb), "--lang", "en")
    assert run.exit_code == 2
    assert "too many pages (2000, limit 500)" in run.output and "HULIFA_MAX_PAGES" in run.output
    _clean(run.output)


def test_pages_with_neither_text_nor_images(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HULIFA_MAX_PAGES", "5000")  # past the cap, the pages are walked: still no pass
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(page_bomb(2000))
    run = run_cli("check", str(blank), "--lang", "en")
    assert run.exit_code == 2
    assert "no text to read (none of its 2000 pages has a text layer)" in run.output
    _clean(run.output)


def test_a_page_with_a_missing_content_object(tmp_path: Path) -> None:
    broken = tmp_path / "dangling.pdf"
    broken.write_bytes(
        pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 99 0 R >>",
            ]
        )
    )
    run = run_cli("check", str(broken), "--lang", "en")
    assert run.exit_code == 2
    assert "dangling.pdf:1:1:" in run.stderr and "no text to read" in run.stderr
    _clean(run.output)


# The reading process's peak RSS, from a fresh interpreter whose only child is that process: the
# test process's own children (the browser test's Chromium among them) must not count.
_PEAK = """
import resource, sys
from typer.testing import CliRunner
from hulifa.cli import app
run = CliRunner().invoke(app, sys.argv[1:])
print(run.exit_code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def _peak(*args: str) -> tuple[int, int]:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *args], capture_output=True, text=True, timeout=120, check=False
    )
    code, peak = done.stdout.split()[-2:]
    return int(code), int(peak)


def test_the_inflating_stream_never_takes_more_than_the_cap() -> None:
    # before: the 400 MiB bomb reached 840 MB of RSS under a 1 GiB cap
    code, peak = _peak("check", str(BOMB))
    assert code == 2
    assert peak <= pdfmod.MAX_MEMORY


def test_a_hundred_thousand_pages_stop_at_the_page_count(tmp_path: Path) -> None:
    bomb = tmp_path / "pages.pdf"
    bomb.write_bytes(shared_pages(100_000))  # 600 KB: one page named 100,000 times
    assert bomb.stat().st_size < 1 << 20
    code, peak = _peak("check", str(bomb), "--lang", "en")
    assert code == 2
    assert peak < 128 * 1024 * 1024  # the pages are counted, never loaded (about 32 MB)
    run = run_cli("check", str(bomb), "--lang", "en")
    assert "too many pages (100000, limit 500)" in run.stderr
    _clean(run.output)


def test_a_page_tree_that_loops(tmp_path: Path) -> None:
    bomb = tmp_path / "loop.pdf"
    bomb.write_bytes(looping_tree())
    for command in ("check", "extract"):
        run = run_cli(command, str(bomb), "--lang", "en")
        assert run.exit_code == 2
        assert run.stderr.startswith(f"{bomb}:1:1: the PDF is damaged or not a PDF and cannot be read")
        _clean(run.output)


def test_a_content_stream_of_one_huge_line(tmp_path: Path) -> None:
    # a 5 KB PDF whose one Tj draws five million digits on one line: PDFium keeps the first 32,768,
    # and extraction is linear in them (a run of digits was quadratic: 15 s for 32K, see
    # test_long_line); the text names no reporting body, so it is refused, bounded in memory
    bomb = tmp_path / "line.pdf"
    bomb.write_bytes(long_line(5_000_000))
    assert bomb.stat().st_size < 8 * 1024
    tracemalloc.start()
    try:
        run = run_cli("check", str(bomb), "--lang", "en")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert run.exit_code == 2
    assert "line.pdf:1:1: the reporting body (region or department) is not named in the text" in run.stderr
    assert peak < 64 * 1024 * 1024  # in this process: the reader's JSON and the extraction
    _clean(run.output)


def test_more_characters_than_the_limit_stop_before_the_page_is_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HULIFA_MAX_BYTES", "10000")
    bomb = tmp_path / "line.pdf"
    bomb.write_bytes(long_line(50_000))
    run = run_cli("extract", str(bomb))
    assert run.exit_code == 2
    assert "PDF 文字过多(超过 10000 个字符)" in run.stderr and "HULIFA_MAX_BYTES" in run.stderr
    _clean(run.output)


def test_the_reader_refuses_a_page_over_the_limit_by_its_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hulifa.extract import pdfread

    def walked(*_: object) -> list[list[object]]:
        raise AssertionError("the page was walked character by character")

    bomb = tmp_path / "line.pdf"
    bomb.write_bytes(long_line(50_000))
    monkeypatch.setattr(pdfread, "_lines", walked)
    result = pdfread.read(str(bomb), 10, 10_000)
    assert result == {"error": "chars", "detail": str(result["detail"])} and int(result["detail"]) > 10_000
