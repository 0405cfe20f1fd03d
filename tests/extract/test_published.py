"""A published report read from a file or a pipe (hulifa.extract.published): the same text either
way, a PDF with its page map whatever its name, and `hulifa extract -` on a pipe through the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hulifa.errors import InputError
from hulifa.extract.published import read_published

SAMPLES = Path(__file__).resolve().parent / "samples"
CASES = [
    (SAMPLES / "html-portal" / "input.html", "page.html", "utf-8"),
    (SAMPLES / "gb18030" / "input.txt", "report.txt", "gb18030"),
    (SAMPLES / "docx" / "input.docx", "report.docx", "docx"),
    (SAMPLES / "pdf-huli" / "input.pdf", "download.do", "pdf"),
    (Path(__file__).resolve().parent / "forms" / "blink.mhtml", "saved.mhtml", "utf-8"),
]


@pytest.mark.parametrize(("path", "name", "encoding"), CASES, ids=[case[1] for case in CASES])
def test_a_file_and_its_bytes_on_a_pipe_read_alike(path: Path, name: str, encoding: str) -> None:
    from_file = read_published(path, name)
    from_pipe = read_published(Path("-"), name, data=path.read_bytes())
    assert from_file.text == from_pipe.text and from_file.text.strip()
    assert from_file.encoding == from_pipe.encoding == encoding
    assert (from_file.pdf is None) == (from_pipe.pdf is None) == (encoding != "pdf")
    if from_file.pdf is not None and from_pipe.pdf is not None:
        assert from_file.pdf.locate(20, 1) == from_pipe.pdf.locate(20, 1)  # the same page and line


def test_a_refused_form_on_a_pipe_is_refused_under_its_given_name() -> None:
    with pytest.raises(InputError) as caught:
        read_published(Path("-"), "附件.doc", data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert caught.value.message_id == "input.form.ole"
    assert caught.value.position.file == "附件.doc"


def _extract(*args: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "hulifa", "extract", *args], input=data, capture_output=True, check=False
    )


def test_extract_reads_a_page_from_a_pipe_under_the_name_given() -> None:
    page = CASES[0][0].read_bytes()
    run = _extract("-", "--stdin-filename", "qinghe.html", data=page)
    assert run.returncode == 0, run.stderr.decode()
    out = run.stdout.decode()
    assert 'region: "青禾区"' in out and 'source: "qinghe.html"' in out
    named = _extract(str(CASES[0][0]), data=b"")
    assert out.replace("qinghe.html", "input.html") == named.stdout.decode()


def test_extract_reads_a_pdf_from_a_pipe_with_page_and_line() -> None:
    run = _extract("-", data=CASES[3][0].read_bytes())
    assert run.returncode == 0, run.stderr.decode()
    assert "# 第1页第" in run.stdout.decode()  # the draft's comments in --lang, Chinese by default


def test_extract_says_what_a_piped_form_is_and_where() -> None:
    run = _extract(
        "-", "--stdin-filename", "附件.doc", "--lang", "en", data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
    )
    assert run.returncode == 2 and run.stdout == b""
    assert run.stderr.decode().startswith("附件.doc:1:1: this is an old Word")
    assert b"Traceback" not in run.stderr
