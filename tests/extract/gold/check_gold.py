"""Check that every extraction gold file agrees with its input document.

Usage: ``python tests/extract/gold/check_gold.py [GOLD.yaml ...]``. Without arguments it checks
``tests/extract/gold/*.gold.yaml`` and ``tests/extract/samples/*/gold.yaml``. Exit 0 when all are
consistent, 1 when any problem is found (each printed as ``file: message``). Stdlib + PyYAML only.

What is checked (see README.md in this folder for the annotation rules themselves):
* the input decodes with the declared encoding (a BOM for utf-8-sig, none otherwise);
* every figure, implicit phrase and section heading is really there: on its line for plain text,
  or by a ``sentence`` that occurs exactly once in the document text for HTML and docx;
* a figure's ``text`` occurs once in its line or sentence, and figures are listed in text order;
* a figure written with Arabic digits has the value its text implies (万/亿/成, fractions, commas; for a
  figure marked `ocr: true`, after its scan's look-alikes are read: 2O24, l,267, 96。4%, 3 2名; for a figure
  with `scale: 10000` or `scale: 100000000`, times the 万 or 亿 its row label or header states: 罚没款（万元） 46.8);
* indicator ids exist in rules/default.yaml, and every numeric indicator points at a listed figure;
* ``level`` and ``gov_level``, when given, are known levels, and ``year`` is a whole number;
* an item with ``wrapped: true`` (text copied from a PDF) crosses the end of its line into the next one, or,
  with ``wrapped: N`` (cut by a page break), into line N.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from xml.etree import ElementTree

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
RULES = ROOT / "rules" / "default.yaml"
BOUNDS = {"exact", "lower", "upper", "approx"}
SECTIONS = ("measures", "shortcomings", "causes", "first_responsible", "next_year", "other")
FLAGS = {"change", "prior", "plan"}
LEVELS = {"province", "city", "county", "district", "town", "department"}
NEWLINE = re.compile(r"\r\n|\r|\n")


# ---------------------------------------------------------------------------------------- inputs
class _HtmlText(HTMLParser):
    """Visible text of an HTML page, one line per block element; <br> ends a line; a table cell (or a <dd>
    after its <dt>) that follows another with nothing between them starts with a TAB, so a row is one line
    with its cells apart."""

    BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "title"}
        | {"section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "address"}
        | {"dl", "hr", "center", "figure", "figcaption", "caption", "thead", "tbody", "tfoot", "form"}
    )
    # a definition list reads as a table: a term starts a line as a row does, its description is a cell after it
    ROWS: ClassVar[frozenset[str]] = frozenset({"dt"})
    CELLS: ClassVar[frozenset[str]] = frozenset({"td", "th", "dd"})
    SKIP: ClassVar[frozenset[str]] = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "br" or tag in self.BLOCKS | self.ROWS:
            self.parts.append("\n")
        elif tag in self.CELLS and self.parts and self.parts[-1][-1:] not in ("", " ", "\t", "\n", "\u3000", "\xa0"):
            self.parts.append(CELL)  # <td>42</td><td>41</td> is 42, 41; a page's own space between cells stays

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


CELL = "\x1f"  # where html_text set two cells apart; a TAB in the text


def html_text(raw: str) -> str:
    """The page's text, with CELL where a TAB sets two adjoining cells apart (see Doc)."""
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    return "".join(parser.parts)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p: ElementTree.Element) -> str:
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag in (W + "br", W + "cr"):
            out.append("\n")
        elif el.tag == W + "tab":
            out.append("\t")
    return "".join(out)


def _blocks(parent: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The paragraphs and tables of a body, those inside block-level content controls (w:sdt, a form
    field or a cover-page block, whose w:sdtContent holds them) and custom XML included, in order."""
    for block in parent:
        if block.tag == W + "sdt":
            content = block.find(W + "sdtContent")
            yield from _blocks(content) if content is not None else ()
        elif block.tag == W + "customXml":
            yield from _blocks(block)
        else:
            yield block


def docx_text(path: Path) -> str:
    """Paragraphs one per line; a table row is one line with its cells joined by a tab."""
    with zipfile.ZipFile(path) as zf:
        root = ElementTree.fromstring(zf.read("word/document.xml"))
    body = root.find(W + "body")
    lines = []
    for block in _blocks(body) if body is not None else []:
        if block.tag == W + "p":
            lines.append(_para_text(block))
        elif block.tag == W + "tbl":
            for tr in block.iter(W + "tr"):
                cells = ["".join(_para_text(p) for p in tc.iter(W + "p")) for tc in tr.iter(W + "tc")]
                lines.append("\t".join(cells))
    return "\n".join(lines)


def load_input(path: Path, encoding: str, problems: list[str]) -> tuple[str, list[str] | None]:
    """Return (document text, lines or None when lines are not meaningful)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_text(path), None
    raw = path.read_bytes()
    has_bom = raw.startswith(b"\xef\xbb\xbf")
    if encoding == "utf-8-sig" and not has_bom:
        problems.append("encoding utf-8-sig declared but the file has no BOM")
    if encoding != "utf-8-sig" and has_bom:
        problems.append(f"file has a UTF-8 BOM but encoding is {encoding}")
    text = raw.decode(encoding)
    if suffix in (".html", ".htm"):
        return html_text(text), None
    return text, NEWLINE.split(text)


# ---------------------------------------------------------------------------------------- values
_NUM = re.compile(r"(\d+(?:\.\d+)?)(?:/(\d+))?\s*(?:[余多餘])?([万亿萬億])?")  # 3200余万元


def implied_value(text: str) -> float | None:
    """The number an Arabic-digit figure text implies, or None when it has no Arabic digits."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"(?<=\d)[,\s](?=\d{3}(?!\d))", "", t)  # thousands separators: 1,037 / 5 000
    m = _NUM.search(t)
    if not m:
        return None
    value = float(m.group(1))
    if m.group(2):  # a fraction such as 1/4 is a share in percent
        return value / float(m.group(2)) * 100
    value *= {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}.get(m.group(3) or "", 1)
    if t[m.end() : m.end() + 1] == "成":
        value *= 10
    return value


# a scanned text's look-alikes of digits (2O24, l,267, 96。4%) and digits it split (3 2名), read as a careful
# reader reads them: only for a figure the gold marks `ocr: true`
_OCR_RUN = re.compile(r"(?<![A-Za-z])[0-9OolI](?:[0-9OolI]|[,.。 ](?=[0-9OolI]))*")


def ocr_read(text: str) -> str:
    """The figure text with its OCR'd digits read: O/o as 0, l/I as 1, 。 and a space between digits dropped
    or read as a point (96。4% is 96.4%, 3 2名 is 32名)."""
    run = lambda m: m.group().translate(str.maketrans("OolI。", "0011.")).replace(" ", "")  # noqa: E731
    return _OCR_RUN.sub(run, unicodedata.normalize("NFKC", text))


# ---------------------------------------------------------------------------------------- checks
class Doc:
    """The document text items are located in. An HTML page's adjoining cells are set apart by a TAB; a
    sentence written with them run together (`行政复议申请1,428件` over two cells, as rounds 4-12 annotated
    before cells were set apart) is looked for in the text without those TABs. Offsets are always in that
    text, so items found either way are ordered alike."""

    def __init__(self, text: str, lines: list[str] | None) -> None:
        self.cuts = [i for i, ch in enumerate(text) if ch == CELL]
        self.text = text.replace(CELL, "\t")
        self.joined = text.replace(CELL, "") if self.cuts else None
        self.lines = lines

    def _find_sentence(self, sentence: str) -> tuple[int, int, str]:
        """(occurrences, offset in the joined text, the scope it was found in) of a whole-document sentence."""
        n = self.text.count(sentence)
        if n == 0 and self.joined is not None and self.joined.count(sentence):
            return self.joined.count(sentence), self.joined.index(sentence), self.joined
        if n != 1:
            return n, 0, self.text
        at = self.text.index(sentence)
        return 1, at - bisect.bisect_left(self.cuts, at), self.text

    def _resume(self, line: int, wrapped: object, what: str, problems: list[str]) -> int | None:
        """The line a wrapped item runs on into: the next one (`wrapped: true`), or, over a page break, the
        line it names (`wrapped: 25`: the page mark, form feed and running head between are skipped)."""
        assert self.lines is not None
        resume = line + 1 if wrapped is True else wrapped
        if not isinstance(resume, int) or isinstance(resume, bool) or resume <= line:
            problems.append(f"{what}: wrapped {wrapped!r} is neither true nor a line after {line}")
            return None
        if resume > len(self.lines):
            last = "the last line" if resume == line + 1 else f"past the last line ({len(self.lines)})"
            problems.append(f"{what}: wrapped, but line {line if resume == line + 1 else resume} is {last}")
            return None
        return resume

    def locate(self, item: dict, what: str, problems: list[str], need_text: bool = True) -> tuple | None:
        """Position (line, offset) of item's text; report what is wrong instead."""
        text, sentence, line = item.get("text"), item.get("sentence"), item.get("line")
        if line is None:
            if self.lines is not None:
                problems.append(f"{what}: line is required for a plain-text input")
                return None
            scope, base = self.text, (0, 0)
            if not sentence:
                problems.append(f"{what}: needs `sentence` (line is null)")
                return None
        else:
            if self.lines is None:
                problems.append(f"{what}: give line: null and a sentence for HTML/docx inputs")
                return None
            if not isinstance(line, int) or not 1 <= line <= len(self.lines):
                problems.append(f"{what}: line {line!r} out of range 1..{len(self.lines)}")
                return None
            scope, base = self.lines[line - 1], (line, 0)
            wrapped = item.get("wrapped")
            if wrapped:  # text copied from a PDF: the item runs on into the next line, or the line given
                resume = self._resume(line, wrapped, what, problems)
                if resume is None:
                    return None
                cut = len(scope)
                scope += self.lines[resume - 1]
                if text and scope.count(text) == 1 and not (scope.index(text) < cut < scope.index(text) + len(text)):
                    problems.append(f"{what}: wrapped, but {text!r} does not cross the end of line {line}")
                    return None
        start = 0
        if sentence:
            if line is None:
                n, start, _ = self._find_sentence(sentence)
            else:
                n = scope.count(sentence)
                start = scope.index(sentence) if n == 1 else 0
            if n != 1:
                where = "the document" if line is None else f"line {line}"
                problems.append(f"{what}: sentence {sentence!r} occurs {n} times in {where}")
                return None
            scope = sentence
        if not need_text:
            return (base[0], start)
        if not text:
            problems.append(f"{what}: missing text")
            return None
        n = scope.count(text)
        if n != 1:
            where = "its sentence" if sentence else f"line {line}"
            problems.append(f"{what}: text {text!r} occurs {n} times in {where}; add or narrow `sentence`")
            return None
        inner = scope.index(text)
        if line is None and self.cuts:
            inner = len(scope[:inner].replace("\t", ""))  # in the joined text's offsets (see Doc)
        return (base[0], start + inner)


def check_figure(i: int, fig: dict, doc: Doc, problems: list[str]) -> tuple | None:
    what = f"figures[{i}] {fig.get('text')!r}"
    for key in ("text", "value", "unit", "bound"):
        if key not in fig:
            problems.append(f"{what}: missing {key}")
    if "line" not in fig:
        problems.append(f"{what}: missing line (use null for HTML/docx)")
    if fig.get("bound") not in BOUNDS:
        problems.append(f"{what}: bound {fig.get('bound')!r} not one of {sorted(BOUNDS)}")
    value = fig.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        problems.append(f"{what}: value {value!r} is not a number")
    elif isinstance(fig.get("text"), str):
        implied = implied_value(ocr_read(fig["text"]) if fig.get("ocr") else fig["text"])
        if implied is not None and fig.get("scale"):  # 万/亿 stated once, in a label: 罚没款（万元） 46.8
            implied *= fig["scale"]
        if implied is not None and abs(implied - value) > 1e-6 * max(1.0, abs(value)):
            problems.append(f"{what}: value {value} but the text implies {implied:g}")
    if fig.get("scale") not in (None, 10_000, 100_000_000):
        problems.append(f"{what}: scale {fig.get('scale')!r} is not 10000 (万) or 100000000 (亿)")
    known = {"line", "text", "value", "unit", "bound", "sentence", "note", "wrapped", "ocr", "scale"}
    unknown = set(fig) - known - FLAGS
    if unknown:
        problems.append(f"{what}: unknown keys {sorted(unknown)}")
    return doc.locate(fig, what, problems)


def check_gold(gold_path: Path, indicator_ids: set[str]) -> list[str]:
    problems: list[str] = []
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    for key in ("source", "encoding", "region", "year", "figures", "indicators", "sections"):
        if key not in gold:
            problems.append(f"missing top-level key {key}")
    if problems:
        return problems
    if gold.get("level") is not None and gold["level"] not in LEVELS:
        problems.append(f"level {gold['level']!r} not one of {sorted(LEVELS)}")
    if gold.get("gov_level") is not None and gold["gov_level"] not in LEVELS - {"department"}:
        problems.append(f"gov_level {gold['gov_level']!r} not one of {sorted(LEVELS - {'department'})}")
    if gold.get("level") == "department" and "gov_level" in gold and gold["gov_level"] is None:
        problems.append("gov_level: give the department's government level or leave the key out")
    if not isinstance(gold["year"], int) or isinstance(gold["year"], bool):
        problems.append(f"year {gold['year']!r} is not a whole number")
    src = (gold_path.parent / gold["source"]).resolve()
    if not src.exists():
        return [f"source {gold['source']} not found"]
    if src.suffix.lower() == ".pdf":
        # a PDF sample's gold is checked against the text the PDF was printed from (its `origin`
        # gold's source), as a whole document: items are located by sentence (make_pdfs.py)
        origin_path = (gold_path.parents[2] / str(gold.get("origin", ""))).resolve()
        if not gold.get("origin") or not origin_path.is_file():
            return [f"a PDF gold needs `origin`, the gold of the text it was printed from ({gold.get('origin')!r})"]
        origin = yaml.safe_load(origin_path.read_text(encoding="utf-8"))
        text, _ = load_input((origin_path.parent / origin["source"]).resolve(), origin["encoding"], problems)
        lines = None
    else:
        text, lines = load_input(src, gold["encoding"], problems)
    doc = Doc(text, lines)

    positions: list[tuple[tuple, dict]] = []
    for i, fig in enumerate(gold["figures"] or []):
        pos = check_figure(i, fig, doc, problems)
        if pos is not None:
            positions.append((pos, fig))
    for (a, fa), (b, fb) in itertools.pairwise(positions):
        if b <= a:
            problems.append(f"figures out of text order: {fa['text']!r} then {fb['text']!r}")

    for i, imp in enumerate(gold.get("implicit") or []):
        what = f"implicit[{i}] {imp.get('text')!r}"
        doc.locate(imp, what, problems)
        named = imp.get("indicator") or []  # one id, or a list when the phrase settles several
        for rule_id in [named] if isinstance(named, str) else named:
            if rule_id not in indicator_ids:
                problems.append(f"{what}: unknown indicator {rule_id!r}")

    figures = gold["figures"] or []
    for i, ind in enumerate(gold["indicators"] or []):
        what = f"indicators[{i}] {ind.get('id')}"
        if ind.get("id") not in indicator_ids:
            problems.append(f"{what}: id not in {RULES.relative_to(ROOT)}")
        value = ind.get("value")
        if isinstance(value, bool):
            doc.locate(ind, what, problems, need_text=False)
            continue
        same = [
            f
            for f in figures
            if f.get("line") == ind.get("line")
            and f.get("value") == value
            and f.get("unit") == ind.get("unit")
            and f.get("bound") == ind.get("bound")
            and (ind.get("sentence") is None or f.get("sentence") == ind.get("sentence"))
        ]
        if len(same) != 1:
            problems.append(f"{what}: matches {len(same)} figures (need exactly one; add `sentence`)")
        elif any(same[0].get(flag) for flag in FLAGS):
            problems.append(f"{what}: points at a change/prior/plan figure, not a current level")

    sections = gold["sections"] or {}
    for name in SECTIONS:
        sec = sections.get(name)
        if not isinstance(sec, dict) or not isinstance(sec.get("present"), bool):
            problems.append(f"sections.{name}: needs present: true/false")
            continue
        if sec["present"]:
            doc.locate(sec, f"sections.{name}", problems, need_text=False)
    for name in set(sections) - set(SECTIONS):
        problems.append(f"sections.{name}: unknown section")
    return problems


def main(argv: list[str]) -> int:
    ids = {ind["id"] for ind in yaml.safe_load(RULES.read_text(encoding="utf-8"))["indicators"]}
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.gold.yaml")) + sorted(
        (HERE.parent / "samples").glob("*/gold.yaml")
    )
    if not paths:
        print("no gold files found", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        try:
            problems = check_gold(path, ids)
        except Exception as exc:  # a broken file is a finding, not a crash
            problems = [f"cannot check: {type(exc).__name__}: {exc}"]
        for p in problems:
            print(f"{path}: {p}")
        failed += bool(problems)
        if not problems:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
