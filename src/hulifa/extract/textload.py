"""Bytes to text: encodings, HTML portal pages, .docx, and a length-preserving fold for matching.

`read_text(path)` returns the decoded text with line endings normalised to "\\n"; every offset the
extractor reports indexes that string. `fold(text)` gives a string of the *same length* in which
full-width forms are folded (NFKC, one character to one character) and Traditional characters are
replaced by Simplified ones, so a match in the folded text maps back to the original by position.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from hulifa.decoding import decode_bytes, max_bytes, normalise_newlines, read_bytes
from hulifa.errors import fail
from hulifa.extract import sniff

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# Decoding is shared with report-data files: hulifa.decoding (re-exported here for the extractor).
__all__ = ["decode_bytes", "docx_to_text", "fold", "html_to_text", "js_unescape", "read_text"]


# ----------------------------------------------------------------------------- HTML

_SKIP_TAGS = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "noscript",
    "template",
    "iframe",
    "select",
    "button",
    "svg",
    "head",
    "title",
    "aside",
    "form",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "center",
    "tbody",
    "thead",
    "main",
    "figure",
    "figcaption",
    "address",
}
_CELL_TAGS = {"td", "th"}
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}

# Lines that are page furniture, not report text.
BOILERPLATE = re.compile(
    r"扫一扫在手机上查看当前页面|扫一扫在手机打开当前页|^\s*字号\s*[:：]?|默认\s*大\s*中\s*小|^\s*【?\s*(?:大|中|小)\s*】?\s*$"
    r"|打印本页|关闭窗口|网站标识码|ICP\s*备|ICP证|公网安备|版权所有|主办单位|承办单位|技术支持|联系我们|网站地图"
    r"|^\s*(?:首页|当前位置|您当前的位置|【?打印】?|【?关闭】?|分享到|浏览次数|访问量|来源\s*[:：]|发布时间\s*[:：]"
    r"|信息来源\s*[:：]|点击数|责任编辑|索引号\s*[:：])"
    r"|^\s*\[?\s*(?:打印|关闭|收藏|返回顶部)\s*\]?\s*$"
)


# Where some CMS pages keep the article while the visible <div id="zoom"></div> is empty, for a script
# to copy in: a <template>'s or a hidden <textarea>'s content, or a script's string literal of HTML.
_HIDDEN_TAGS = {"template", "textarea"}
_JS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`', re.S)
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.S)
_JS_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": "", "\r\n": ""}
_MARKUP = re.compile(r"<\s*/?\s*(?:p|br|div|span|section|article|table|tr|td|h[1-6]|li|strong|font)\b", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a line with this many Chinese characters is a paragraph of a report, not a menu, title or footer
_BODY_LINE = 40


# Text a reader does not see: an element hidden by its own style (display:none, visibility:hidden), by the
# `hidden` attribute, or by a class the page's <style> hides (.tab-pane{display:none}) and does not show
# again for the element's other classes (.tab-pane.active{display:block}): a tab not chosen, a folded
# 政策解读 that restates the report's figures. It is read only when the shown text holds no report at all.
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SHOWING = re.compile(r"display\s*:\s*(?!none)[a-z-]+|visibility\s*:\s*visible", re.I)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# rules for some screens or for print only (@media (max-width:768px){.pc{display:none}}) hide nothing here
_CSS_AT_BLOCK = re.compile(r"@[a-z-]+[^{};]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.I)
_CLASS_SELECTOR = re.compile(r"^[a-z0-9]*((?:\.[\w-]+)+)$", re.I)


def class_rules(css: str) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """(the class sets a page's CSS hides, those it shows), from its rules on classes alone: .a, div.a, .a.b."""
    hide: list[frozenset[str]] = []
    show: list[frozenset[str]] = []
    for selectors, body in _CSS_RULE.findall(_CSS_AT_BLOCK.sub("", _CSS_COMMENT.sub("", css))):
        if not (_HIDING.search(body) or _SHOWING.search(body)):
            continue
        into = hide if _HIDING.search(body) else show
        for selector in selectors.split(","):
            m = _CLASS_SELECTOR.match(selector.strip())
            if m is not None:
                into.append(frozenset(m.group(1).strip(".").split(".")))
    return hide, show


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.shown: list[str] = []  # the parts a reader sees: no hidden element's text
        self.skip = 0
        self.hidden: list[list[str]] = []  # the content of each <template> and <textarea>
        self.scripts: list[list[str]] = []  # the code of each <script>
        self.into: list[str] | None = None  # where the data goes while inside one of those
        # a <dt> just ended: its <dd>s are the cells of its row ("行政处罚案件（件）\t26418"), so that the
        # term's unit is the number's, as a table row's label is
        self.term = False
        self.css: list[str] | None = None  # the text of the <style> being read
        self.rules: tuple[list[frozenset[str]], list[frozenset[str]]] = ([], [])
        self.unseen = ("", 0)  # the tag of the hidden element we are in, and how deep in its own tag

    def _block(self, tag: str, end: bool) -> str:
        """What a block tag's start or end adds: a line end, or a tab between a <dt> and its <dd>."""
        if tag == "dd" and self.term:
            return "" if end else "\t"
        self.term = tag == "dt" and end
        return "" if self.term else "\n"

    def _put(self, text: str, data: bool = False) -> None:
        self.parts.append(text)
        if not (data and self.unseen[1]):
            self.shown.append(text)

    def _hides(self, attrs: list[tuple[str, str | None]]) -> bool:
        values = dict(attrs)
        if "hidden" in values or _HIDING.search(values.get("style") or ""):
            return True
        classes = set((values.get("class") or "").split())
        hide, show = self.rules
        return any(h <= classes and not any(len(s) > len(h) and s <= classes for s in show) for h in hide)

    def _follow_hidden(self, tag: str, attrs: list[tuple[str, str | None]] | None) -> None:
        """Count the hidden element's own tag in and out; start one when this start tag hides."""
        name, depth = self.unseen
        if attrs is None:  # an end tag
            if depth and tag == name:
                self.unseen = (name, depth - 1)
        elif depth:
            self.unseen = (name, depth + (tag == name))
        elif tag not in _VOID_TAGS and self._hides(attrs):
            self.unseen = (tag, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.css = []
        self._follow_hidden(tag, attrs)
        if self.into is None and tag in _HIDDEN_TAGS | {"script"}:
            self.into = []
            (self.scripts if tag == "script" else self.hidden).append(self.into)
        elif self.into is not None and tag in _BLOCK_TAGS:
            self.into.append(self._block(tag, False))
        if tag in _SKIP_TAGS | _HIDDEN_TAGS and tag not in _VOID_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self._put(self._block(tag, False))
        elif tag in _CELL_TAGS:
            self._put("\t")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            if self.into is None:
                self._put(self._block(tag, False))
            else:
                self.into.append(self._block(tag, False))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self.css is not None:
            hide, show = class_rules("".join(self.css))
            self.rules = (self.rules[0] + hide, self.rules[1] + show)
            self.css = None
        if tag in _SKIP_TAGS | _HIDDEN_TAGS:
            self.skip = max(0, self.skip - 1)
            if tag in _HIDDEN_TAGS | {"script"}:
                self.into = None
        elif tag in _BLOCK_TAGS:
            if self.into is None:
                self._put(self._block(tag, True))
            else:
                self.into.append(self._block(tag, True))
        self._follow_hidden(tag, None)

    def handle_data(self, data: str) -> None:
        if self.css is not None:
            self.css.append(data)
        if self.term and not data.strip():
            return  # the markup's own line breaks between a <dt> and its <dd>
        if self.into is not None:
            self.into.append(data)
        elif not self.skip:
            self._put(data, data=True)


def js_unescape(literal: str) -> str:
    """The value of a JavaScript or JSON string literal's body: \\n, \\", \\u4e2d, \\u{1F600}, \\x41
    and a backslash before a line end (a continuation) decoded; UTF-16 surrogate pairs joined."""

    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if code[0] in "ux" and len(code) > 1:
            return chr(min(int(code.strip("ux{}"), 16), 0x10FFFF))
        return _JS_SIMPLE.get(code, code)

    out = _JS_ESCAPE.sub(one, literal)
    if any("\ud800" <= c <= "\udfff" for c in out):
        out = out.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return out


def _script_html(code: str) -> str:
    """The HTML a script's string literals hold, joined in order ('<p>…' + '…</p>'); analytics ids,
    URLs, menu names and the code itself are left out: a literal counts only when it holds markup."""
    pieces = []
    for m in _JS_STRING.finditer(code):
        value = js_unescape(next(g for g in m.groups() if g is not None))
        if _MARKUP.search(value) and _CJK.search(value):
            pieces.append(value)
    return "".join(pieces)


def _cjk_count(lines: list[str]) -> int:
    return sum(len(_CJK.findall(line)) for line in lines)


def _has_body(lines: list[str]) -> bool:
    return any(len(_CJK.findall(line)) >= _BODY_LINE for line in lines)


def _clean_lines(raw: str) -> list[str]:
    lines = []
    for line in raw.split("\n"):
        line = re.sub(r"[ \t\u00a0\u3000]+", lambda m: "\t" if "\t" in m.group(0) else " ", line).strip()
        if not line.strip("\t "):
            continue
        if BOILERPLATE.search(line):
            continue
        lines.append(line.strip("\t"))
    return lines


def _parse(html: str) -> _TextParser:
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; never let a malformed page out as a traceback
        pass
    return parser


def html_to_text(html: str) -> str:
    """Visible text of a portal page: paragraphs on their own lines, page furniture dropped. When the
    visible text holds no paragraph of a report, the article that a <template>, a <textarea> or a
    script's string keeps for a script to show (the one with the most Chinese text) follows it."""
    parser = _parse(html)
    lines = _clean_lines("".join(parser.shown))
    every = _clean_lines("".join(parser.parts))
    # Hidden text is dropped when it is the lesser part of the page (a tab not chosen, a folded 政策解读).
    # When the shown text holds no report, or less Chinese than the hidden (a script that shows the article
    # by a style, a 展开全文 that folds all but its first paragraphs), the hidden text is the report: read it.
    shown, hidden = _cjk_count(lines), _cjk_count(every) - _cjk_count(lines)
    if not _has_body(lines) or hidden > shown:
        lines = every
    if not _has_body(lines):
        kept = ["".join(parts) for parts in parser.hidden] + [_script_html("".join(c)) for c in parser.scripts]
        # a <textarea> holds escaped markup (&lt;p&gt;), read as text: parse what it holds once more
        articles = [_clean_lines("".join(_parse(k).parts)) for k in kept]
        best = max(articles, key=_cjk_count, default=[])
        if _has_body(best):
            lines += best
    return "\n".join(lines) + ("\n" if lines else "")


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


# ----------------------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p: ElementTree.Element) -> str:
    out: list[str] = []
    for el in p.iter():
        if el.tag == _W + "t" and el.text:
            out.append(el.text)
        elif el.tag == _W + "tab":
            out.append("\t")
        elif el.tag in (_W + "br", _W + "cr"):
            out.append("\n")
    return "".join(out)


def _walk_body(el: ElementTree.Element, lines: list[str]) -> None:
    for child in el:
        if child.tag == _W + "p":
            lines.append(_para_text(child))
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                cells = []
                for cell in row.findall(_W + "tc"):
                    text = " ".join(t for t in (_para_text(p).strip() for p in cell.iter(_W + "p")) if t)
                    cells += _spanned(text, _grid_span(cell))
                lines.append("\t".join(cells))
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "smartTag"):
            _walk_body(child, lines)


def _grid_span(cell: ElementTree.Element) -> int:
    """How many grid columns a table cell spans (w:gridSpan), 1 when it does not say or says nonsense."""
    span = cell.find(f"{_W}tcPr/{_W}gridSpan")
    value = span.get(_W + "val", "1") if span is not None else "1"
    return min(int(value), 64) if value.isdigit() and int(value) > 0 else 1


def _spanned(text: str, span: int) -> list[str]:
    """A cell merged across `span` columns as that many cells, so the row's cells stand under the header's
    columns: a header or a label (2025年 over 件数 and 办结率, 项目 over a category and an item) in each, as a
    reader of the table takes it; a number once, then empty cells, so it is not read twice. Prose is given
    once too: a 公文 template's one cell spanning the layout holds the whole report, whose figures a copy
    would state twice."""
    if span == 1:
        return [text]
    label = _CJK.search(text) and len(text) <= _LABEL_CHARS and not _SENTENCE_MARK.search(text)
    return [text] + [text if label else ""] * (span - 1)


# A header or row label is a few words (会计信息质量检查（户）: 11); a cell longer than this, or with a sentence's
# punctuation, is text, not a label.
_LABEL_CHARS = 24
_SENTENCE_MARK = re.compile("[。，；！？]")


# A document.xml may inflate to this many times the file-size limit (HULIFA_MAX_BYTES): Word's XML is
# verbose, yet 20 MiB of it by default is hundreds of times a real report.
DOCX_XML_FACTOR = 4


def docx_to_text(data: bytes, file: str) -> str:
    """Paragraphs of word/document.xml, one a line; table rows as tab-joined cells."""
    import io

    limit = DOCX_XML_FACTOR * max_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "word/document.xml" not in names:
                sniff.refuse_zip(names, file)  # an OFD, a spreadsheet, an archive: said what it is
            with archive.open("word/document.xml") as member:
                # Streamed, never past the limit: the size the archive declares may lie, and a 0.7 MB
                # zip bomb inflating to 700 MB took 2.8 GB of memory before ending in MemoryError.
                xml = member.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise fail(file, 1, 1, "input.docx.invalid", exc=exc) from None
    if len(xml) > limit:
        raise fail(
            file,
            1,
            1,
            "input.docx.bomb",
            limit=limit,
        )
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        line, col = exc.position
        raise fail(
            file,
            line,
            col + 1,
            "input.docx.xml",
            exc=exc,
        ) from None
    body = root.find(_W + "body")
    lines: list[str] = []
    if body is not None:
        _walk_body(body, lines)
    return normalise_newlines("\n".join(lines)) + "\n"


# ----------------------------------------------------------------------------- entry point


def read_text(path: str | Path, encoding: str | None = None) -> tuple[str, str]:
    """Read a report (text, HTML, a saved page, .docx, PDF: told by its bytes, see hulifa.extract.sniff)
    as text; return (text, encoding used)."""
    file = str(path)
    if sniff.form_of(sniff.peek(Path(path)), file) is sniff.Form.PDF:  # its text layer (hulifa.extract.pdf)
        from hulifa.extract.pdf import read_pdf

        return read_pdf(path).text, "pdf"
    data = read_bytes(Path(path), file)  # the same size limit and read errors as report-data files
    return text_from_bytes(data, file, encoding)


def text_from_bytes(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """A report's bytes as text, the form told by its bytes, then its name's suffix; (text, encoding)."""
    form = sniff.form_of(data[: sniff.HEAD], file)
    if form is sniff.Form.PDF:  # a PDF through a pipe: its reader needs a file
        raise fail(file, 1, 1, "input.form.pdf_stream")
    if form is sniff.Form.DOCX:
        return docx_to_text(data, file), "docx"
    if form is sniff.Form.MHTML:
        text, used = decode_bytes(sniff.mhtml_html(data, file), file, encoding, html=True)
        return html_to_text(text), used
    suffix = Path(file).suffix.lower()
    is_html = suffix in HTML_SUFFIXES
    text, used = decode_bytes(data, file, encoding, html=is_html or data.lstrip()[:1] == b"<")
    if is_html or (suffix not in (".txt", ".md") and looks_like_html(text)):
        text = html_to_text(text)
    return text, used


# ----------------------------------------------------------------------------- folding


class _FoldTable(dict[int, int]):
    """str.translate table built on demand: NFKC when it keeps one character, then T->S."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char)
        if len(folded) != 1:
            folded = char
        folded = _T2S.get(folded, folded)
        self[code] = ord(folded)
        return self[code]


def _t2s() -> dict[str, str]:
    from hulifa.extract._t2s import SIMPLIFIED, TRADITIONAL

    return dict(zip(TRADITIONAL, SIMPLIFIED, strict=True))


_T2S = _t2s()
_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Same-length folding: full-width digits/％/punctuation to ASCII, Traditional to Simplified."""
    folded = text.translate(_TABLE)
    if len(folded) != len(text):  # cannot happen: every mapping is one code point to one
        raise AssertionError("fold changed the text length")
    return folded


def is_boilerplate(line: str) -> bool:
    return bool(BOILERPLATE.search(line))
