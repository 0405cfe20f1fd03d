"""A published report read from a file or a pipe, in whatever form its bytes say (hulifa.extract.sniff):
its text, the encoding that read it, and for a PDF the map back to page and line.

`hulifa extract` and `hulifa check` on report text both read through here, so a form is read (or
refused) the same way by both, from a path or from standard input.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from hulifa.decoding import read_bytes
from hulifa.extract import sniff
from hulifa.extract.pdf import PdfText, read_pdf
from hulifa.extract.textload import text_from_bytes


class Published(NamedTuple):
    text: str
    encoding: str  # as textload names it: "pdf" and "docx" for what the format itself encodes
    pdf: PdfText | None  # a PDF's pages and lines, for positions page:line; None for any other form


def read_published(path: Path, name: str, encoding: str | None = None, data: bytes | None = None) -> Published:
    """The report at `path`, named `name` in messages; `data` is its bytes when it came on a pipe (`-`).
    `encoding` (--encoding) is for text: a PDF and a Word document say their own."""
    head = data[: sniff.HEAD] if data is not None else sniff.peek(path)
    if sniff.form_of(head, name) is sniff.Form.PDF:
        pdf = _pdf(path, name, data)
        return Published(pdf.text, "pdf", pdf)
    if data is None:  # the same size limit and read errors as report-data files
        data = read_bytes(path, name)
    return Published(*text_from_bytes(data, name, encoding), None)


def _pdf(path: Path, name: str, data: bytes | None) -> PdfText:
    if data is None:
        return read_pdf(path, name)
    import tempfile

    # the PDF reader runs in a process of its own and reads a file: a pipe's bytes go to a private one
    with tempfile.TemporaryDirectory(prefix="hulifa-pdf-") as folder:
        copy = Path(folder) / "stdin.pdf"
        copy.write_bytes(data)
        return read_pdf(copy, name)


__all__ = ["Published", "read_published"]
