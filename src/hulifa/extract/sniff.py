"""What kind of file a report is, told by its first bytes before its name, and the saved web page
(MHTML) read down to its HTML.

Portals publish a report as a page, a PDF or a Word attachment, and what a user saves is not always
named for what it is: a PDF served as `download.do` or `P020250331.pdf.html`, a Word 97-2003 file
(`.doc`, or WPS's `.wps`) that is not a .docx, a page saved by the browser as one file (`.mht`,
`.mhtml`: the page inside a MIME message, its text quoted-printable), an OFD (China's fixed-layout
format, a zip of XML), a photo or a scan. Read by their suffix, the first ones were decoded as text
and gave an empty draft or a wrong encoding's advice ("perhaps cp1252"). Here the bytes decide: a
PDF or a .docx is read as one whatever its name, a saved page is unwrapped, and a form hulifa cannot
read is refused with what it is and what to do (save it as .docx or PDF, run OCR first).
"""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import NoReturn

from hulifa.errors import fail

# as many bytes as telling the form needs: a PDF's header may follow up to 1 KiB of junk (PDFium
# accepts it), a saved page's headers fill a few hundred bytes
HEAD = 4096

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of Word/Excel 97-2003 and WPS
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_ARCHIVES = ((b"Rar!\x1a\x07", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7z"), (b"\x1f\x8b", "gzip"))
MHTML_SUFFIXES = (".mht", ".mhtml")
_BOUNDARY = re.compile(rb'boundary="?([^";\s]+)', re.IGNORECASE)


class Form(enum.Enum):
    """How a report's bytes are read."""

    PDF = "pdf"  # its text layer (hulifa.extract.pdf)
    DOCX = "docx"
    MHTML = "mhtml"  # a saved page: its HTML part, then as HTML
    TEXT = "text"  # text or HTML, told apart by textload


def form_of(head: bytes, file: str) -> Form:
    """The form of a report whose first bytes are `head` (HEAD of them, or all if fewer); an
    InputError, at `file`, for a form hulifa does not read."""
    suffix = Path(file).suffix.lower()
    if b"%PDF-" in head[:1024]:
        return Form.PDF
    if head.startswith(b"PK\x03\x04"):
        return Form.DOCX  # or another zip: docx_to_text says which (refuse_zip)
    if head.startswith(_OLE):
        raise fail(file, 1, 1, "input.form.ole")
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            raise fail(file, 1, 1, "input.form.image", kind=kind)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise fail(file, 1, 1, "input.form.image", kind="WebP")
    if suffix == ".bmp" and head.startswith(b"BM"):  # two letters a text may start with: the name too
        raise fail(file, 1, 1, "input.form.image", kind="BMP")
    for magic, kind in _ARCHIVES:
        if head.startswith(magic):
            raise fail(file, 1, 1, "input.form.archive", kind=kind)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise fail(file, 1, 1, "input.form.rtf")
    if suffix in MHTML_SUFFIXES or _mime_headers(head):
        return Form.MHTML
    if suffix == ".pdf":
        return Form.PDF  # a page where a PDF was due (a portal's error page): the PDF reader says it is none
    if suffix == ".docx" and not head.lstrip().startswith(b"<"):
        return Form.DOCX  # named a Word document and not a page either: docx_to_text says it is not one
    return Form.TEXT


def _mime_headers(head: bytes) -> bool:
    """Whether `head` opens with a MIME message's headers declaring a multipart page, as browsers save
    one (Chrome: `From: <Saved by Blink>`, then `MIME-Version: 1.0` … `Content-Type: multipart/related`)."""
    top = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].lower()
    return top.startswith((b"from:", b"mime-version:", b"snapshot-content-location:", b"subject:", b"date:")) and (
        b"mime-version:" in top and b"content-type: multipart/" in top
    )


def peek(path: Path) -> bytes:
    """The first HEAD bytes of a regular file; none of anything else (a pipe is read once, by its
    reader) or of what cannot be opened (its reader says why)."""
    try:
        if not path.is_file():
            return b""
        with path.open("rb") as handle:
            return handle.read(HEAD)
    except OSError:
        return b""


def mhtml_html(data: bytes, file: str) -> bytes:
    """The page a saved MHTML file holds: the bytes of its first text/html part (else text/plain),
    transfer-decoded; its charset is the part's, left to the HTML reader with the page's own <meta>."""
    from email import message_from_bytes, policy

    message = message_from_bytes(data, policy=policy.compat32)
    parts = [part for part in message.walk() if not part.is_multipart()]
    boundary = _BOUNDARY.search(data[:HEAD])
    if not message.is_multipart() and boundary:
        # headers the parser gave up on (a folded line without its leading space ends them early):
        # the parts are still there between the boundary lines the file declared
        chunks = data.split(b"--" + boundary.group(1))[1:]
        parts = [message_from_bytes(chunk.lstrip(b"\r\n"), policy=policy.compat32) for chunk in chunks]
    for wanted in ("text/html", "text/plain"):
        for part in parts:
            if part.get_content_type() == wanted:
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    charset = part.get_content_charset()
                    return _with_charset(payload, charset) if wanted == "text/html" else payload
    raise fail(file, 1, 1, "input.form.mhtml_empty")


def _with_charset(html: bytes, charset: str | None) -> bytes:
    """The page with the part's declared charset as a <meta> ahead of it, when the part names one:
    the HTML reader honours a page's <meta>, and a saved page's own may be gone or say otherwise."""
    if not charset:
        return html
    return f'<meta charset="{charset}">'.encode("ascii", "replace") + html


def refuse_zip(names: list[str], file: str) -> NoReturn:
    """Refuse a zip that is not a Word document (no word/document.xml among `names`), saying what it
    is: an OFD, a spreadsheet or slides, or an archive (its first entries named)."""
    if any(name.lower() == "ofd.xml" for name in names):
        raise fail(file, 1, 1, "input.form.ofd")
    if any(name.startswith(("xl/", "ppt/")) for name in names):
        kind = "Excel" if any(name.startswith("xl/") for name in names) else "PowerPoint"
        raise fail(file, 1, 1, "input.form.office", kind=kind)
    shown = "、".join(names[:5]) + ("…" if len(names) > 5 else "")
    raise fail(file, 1, 1, "input.form.zip", names=shown or "-")


# an attached file's name as a portal shows it: 附件：XX区2024年法治政府建设年度报告.pdf, (下载) 报告.docx
_ATTACHED = re.compile(r"[^\s:：,，;；、()（）《》<>\"'|]+\.(?:pdf|docx?|wps|ofd)(?![A-Za-z0-9])", re.IGNORECASE)


def attachments(text: str) -> tuple[str, ...]:
    """The names of attached report files a page's text shows (in order, each once)."""
    return tuple(dict.fromkeys(match.group(0) for match in _ATTACHED.finditer(text)))
