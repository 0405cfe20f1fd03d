"""Writes the saved-page fixtures beside it from tests/extract/samples/html-portal/input.html, the way
browsers save a page as one file (run from the repository: python tests/extract/forms/make_forms.py).

- blink.mhtml: Chrome/Edge's "网页，单个文件" (Save as… Webpage, Single File): `From: <Saved by Blink>`
  headers, a multipart/related body whose text/html part is quoted-printable UTF-8 with no charset
  in its Content-Type (the page's own <meta charset> says it), then a stylesheet part.
- ie.mht: Internet Explorer's and old Word's .mht: `MIME-Version` first, the page base64-encoded in
  GB18030 with the charset in the part's Content-Type, and the page's <meta> removed.
The encoders are the standard library's quopri and base64, not the email package hulifa reads with.
"""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

HERE = Path(__file__).parent
PAGE = HERE.parent / "samples" / "html-portal" / "input.html"
URL = "http://www.qinghe.gov.cn/zwgk/fzzfjs/202503/t20250318_1234567.html"


def blink(page: bytes) -> bytes:
    boundary = "----MultipartBoundary--Yq3eM0bKkQ2lW8x1Jp5sT7uZ9vA4cD6fG0hI2jK4----"
    # a long subject is folded into encoded words, one a line, as Blink writes it
    words = ["青禾区2024年", "法治政府建设年度报告"]
    subject = "\r\n ".join(
        "=?utf-8?Q?" + quopri.encodestring(w.encode(), header=True).decode().replace("=\n", "") + "?=" for w in words
    )
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {URL}\r\n"
        f"Subject: {subject}\r\n"
        "Date: Tue, 18 Mar 2025 09:12:40 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n'
    )
    html_part = (
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-4F1C2B7A9E0D3C5B8A6F1E2D4C7B9A0E@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {URL}\r\n\r\n"
    )
    css_part = (
        f"\r\n--{boundary}\r\n"
        "Content-Type: text/css\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://www.qinghe.gov.cn/css/main.css?v=20240105\r\n\r\n"
        "body { font-size: 16px; }\r\n"
        f"\r\n--{boundary}--\r\n"
    )
    body = quopri.encodestring(page).replace(b"\n", b"\r\n")
    return head.encode() + html_part.encode() + body + css_part.encode()


def ie(page: bytes) -> bytes:
    boundary = "----=_NextPart_000_0000_01DB97A1.5C2E3F40"
    text = page.decode("utf-8").replace('<meta charset="utf-8">\n', "")
    encoded = base64.encodebytes(text.encode("gb18030")).replace(b"\n", b"\r\n")
    head = (
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; boundary="{boundary}"; type="text/html"\r\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n\r\n"
        f"--{boundary}\r\n"
        'Content-Type: text/html; charset="gb18030"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        f"Content-Location: {URL}\r\n\r\n"
    )
    return head.encode() + encoded + f"\r\n--{boundary}--\r\n".encode()


if __name__ == "__main__":
    page = PAGE.read_bytes()
    (HERE / "blink.mhtml").write_bytes(blink(page))
    (HERE / "ie.mht").write_bytes(ie(page))
