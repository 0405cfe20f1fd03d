"""Write the PDF bombs the hostile tests read (stdlib only; deterministic).

Run from anywhere: ``python tests/hostile/pdf/make_bombs.py``. Writes ``flate-bomb.pdf``: one page
whose 400 KB content stream inflates to 400 MiB of spaces, past the PDF reader's 256 MiB memory cap.
The tests build the other bombs themselves (page count, a looping page tree, one huge line): they
are small and fast to make.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIB = 1 << 20


def pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF: the objects numbered from 1 (object 1 is the catalog), an xref table, a trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def flate_bomb(mib: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b" " * MIB
    data = b"".join(packer.compress(chunk) for _ in range(mib)) + packer.flush()
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream",
        ]
    )


def page_bomb(pages: int) -> bytes:
    """`pages` empty pages sharing one page tree: tiny on disk, enormous to walk."""
    kids = " ".join(f"{n} 0 R" for n in range(3, pages + 3))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    return pdf(objects)


def long_line(chars: int, compress: bool = True) -> bytes:
    """One page whose text is one line of `chars` characters, drawn by a single `Tj` (a few KB deflated)."""
    content = b"BT /F1 1 Tf 10 400 Td (" + b"7" * chars + b") Tj ET"
    stream = zlib.compress(content, 9) if compress else content
    flate = b" /Filter /FlateDecode" if compress else b""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(stream)}{flate.decode()} >>\nstream\n".encode() + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def shared_pages(pages: int) -> bytes:
    """A page tree that names one page `pages` times: a few hundred KB, and `pages` pages to a reader."""
    kids = b"3 0 R " * pages
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def looping_tree() -> bytes:
    """A page tree whose only kid is an intermediate node that names the root as its kid."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ]
    )


if __name__ == "__main__":
    (HERE / "flate-bomb.pdf").write_bytes(flate_bomb(400))
    print(f"wrote {HERE / 'flate-bomb.pdf'}")
