"""Compare PDF text libraries on the Chinese PDF samples: the measurement behind hulifa's choice.

Usage: ``python benchmarks/pdf_libraries.py`` (dev-only: ``pip install pypdfium2 pdfminer.six pypdf``).

For each sample PDF under tests/extract/samples/pdf-*/ it compares each library's text with the text
the PDF was printed from (the sample its gold names as `origin`), and prints:

* chars: share of the source's characters (whitespace removed) that come out, in order (difflib);
* CJK: share of the source's CJK ideographs that come out (as a multiset, so order does not matter);
* punct: share of full-width punctuation (，。、；：（）“”《》％) kept as full-width characters;
* extra sp: spaces inserted between two CJK characters per 1000 characters (a space in the middle of
  a phrase breaks phrase matching);
* lines: non-empty lines returned (one per visual line lets every figure keep its page and line;
  more means a line was split, fewer that lines were merged);
* ms/page: median of 3 runs, text only.
"""

from __future__ import annotations

import difflib
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PUNCT = "，。、；：（）“”《》％"


def _pdfium(path: Path) -> list[str]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    doc = pdfium.PdfDocument(str(path))
    out = []
    for page in doc:
        textpage = page.get_textpage()
        out.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
    doc.close()
    return out


def _pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    pages = []
    for layout in extract_pages(str(path)):
        pages.append("".join(el.get_text() for el in layout if isinstance(el, LTTextContainer)))
    return pages


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


LIBRARIES: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "pypdfium2": (_pdfium, "Apache-2.0 / BSD-3 (PDFium)"),
    "pdfminer.six": (_pdfminer, "MIT"),
    "pdfplumber": (_pdfplumber, "MIT (on pdfminer.six)"),
    "pypdf": (_pypdf, "BSD-3"),
}


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def source_text(sample: Path) -> str:
    gold = yaml.safe_load((sample / "gold.yaml").read_text(encoding="utf-8"))
    origin_gold = ROOT / "tests" / "extract" / gold["origin"]
    origin = yaml.safe_load(origin_gold.read_text(encoding="utf-8"))
    source: Path = origin_gold.parent / origin["source"]
    if source.suffix == ".docx":
        from hulifa.extract.textload import docx_to_text

        return docx_to_text(source.read_bytes(), str(source))
    return source.read_bytes().decode(origin.get("encoding", "utf-8")).lstrip("\ufeff")


def measure(name: str, sample: Path) -> dict[str, float]:
    read = LIBRARIES[name][0]
    times = []
    pages: list[str] = []
    for _ in range(3):
        start = time.perf_counter()
        pages = read(sample / "input.pdf")
        times.append(time.perf_counter() - start)
    text = "\n".join(pages)
    src = "".join(source_text(sample).split())
    got = "".join(text.split())
    matcher = difflib.SequenceMatcher(None, src, got, autojunk=False)
    in_order = sum(b.size for b in matcher.get_matching_blocks()) / len(src)
    want_cjk = Counter(c for c in src if _cjk(c))
    have_cjk = Counter(c for c in got if _cjk(c))
    cjk = sum((want_cjk & have_cjk).values()) / sum(want_cjk.values())
    want_p = Counter(c for c in src if c in PUNCT)
    have_p = Counter(c for c in got if c in PUNCT)
    punct = sum((want_p & have_p).values()) / max(1, sum(want_p.values()))
    extra = sum(1 for i in range(1, len(text) - 1) if text[i] == " " and _cjk(text[i - 1]) and _cjk(text[i + 1]))
    lines = sum(len([x for x in p.split("\n") if x.strip()]) for p in pages)
    return {
        "chars": in_order,
        "cjk": cjk,
        "punct": punct,
        "extra": extra * 1000 / max(1, len(text)),
        "lines": lines,
        "ms": statistics.median(times) * 1000 / max(1, len(pages)),
    }


def main() -> int:
    import logging

    logging.disable(logging.WARNING)  # pdfminer warns once per glyph about Chromium's font descriptors
    samples = sorted(p for p in (ROOT / "tests" / "extract" / "samples").glob("pdf-*") if p.is_dir())
    print(f"{'library':<14}{'sample':<14}{'chars':>7}{'CJK':>7}{'punct':>7}{'extra sp':>9}{'lines':>7}{'ms/page':>9}")
    totals: dict[str, list[dict[str, float]]] = {}
    for sample in samples:
        for name in LIBRARIES:
            row = measure(name, sample)
            totals.setdefault(name, []).append(row)
            print(
                f"{name:<14}{sample.name:<14}{row['chars']:>7.3f}{row['cjk']:>7.3f}{row['punct']:>7.3f}"
                f"{row['extra']:>9.1f}{row['lines']:>7.0f}{row['ms']:>9.1f}"
            )
    print("\nmean over samples, and license")
    for name, rows in totals.items():
        mean = {k: statistics.mean(r[k] for r in rows) for k in rows[0]}
        print(
            f"{name:<14}{'':<14}{mean['chars']:>7.3f}{mean['cjk']:>7.3f}{mean['punct']:>7.3f}"
            f"{mean['extra']:>9.1f}{mean['lines']:>7.1f}{mean['ms']:>9.1f}  {LIBRARIES[name][1]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
