"""PDF bombs: a stream that inflates past the memory cap, a page tree past the page cap, a PDF with no
text at all. Each ends as exit 2 with a clear message, never a hang, a MemoryError or a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hostile.helpers import HERE, run_cli
from hulifa.extract import pdf as pdfmod

sys.path.insert(0, str(HERE / "pdf"))
from make_bombs import page_bomb, pdf

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
def test_a_stream_that_inflates_past_the_memory_cap(
    args: list[str], says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdfmod, "MAX_MEMORY", 256 * 1024 * 1024)  # the real cap is 1 GiB
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
