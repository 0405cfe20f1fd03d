"""Build the PDF samples for the extraction gold (dev-only: needs headless Chromium and pypdf).

Run from the repository root: ``python tests/extract/samples/pdf/make_pdfs.py``. The PDFs are
committed, so the tests need neither Chromium nor this script. Chromium is installed by
``bash .ci/install-chromium.sh``; pypdf (``pip install pypdf``) is used only to write the
encrypted sample.

Each text sample is printed as a portal would publish it: A4 pages, justified text with a first-line
indent, ``word-break: break-all`` so that lines wrap inside numbers ("1\\n9件") and phrases, a running
header (a portal name or the report title), page numbers in the footer ("- 3 -", "第3页 共9页") and a
faint diagonal watermark on every page. The gold of a PDF sample is the gold of its text sample with
each figure located by `sentence` (a substring that occurs once in the document) instead of `line`,
as for the HTML and docx samples.

Also written into this folder: ``scan.pdf`` (pages that are images only, like a scan),
``mixed-scan.pdf`` (text pages and one image-only page), ``encrypted.pdf`` (needs a password),
``broken.pdf`` (cut off mid-file), ``not-a-pdf.pdf`` (a text file with a .pdf name) and
``restricted.pdf`` (pdf-docx encrypted with an owner password only: it opens without one).
``pdf-fpdf-city`` is written by a second producer, fpdf2 (``pip install fpdf2``).
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent
ROOT = SAMPLES.parents[2]
sys.path.insert(0, str(ROOT / "src"))

from hulifa.extract.textload import docx_to_text  # noqa: E402

CSS = """
@page {{ size: A4; margin: 24mm 22mm 22mm 22mm;
  @top-center {{ content: "{header}"; font-size: 9pt; color: #555; }}
  @bottom-center {{ content: {footer}; font-size: 10pt; }} }}
body {{ font-family: "{font}"; font-size: {size}pt; line-height: 1.7; text-align: justify;
  word-break: break-all; margin: 0; }}
p {{ text-indent: 2em; margin: 0; }}
p.h {{ text-indent: 0; font-weight: bold; }}
table {{ border-collapse: collapse; margin: 6pt auto; }}
td {{ border: 1px solid #333; padding: 2pt 8pt; text-indent: 0; }}
.wm {{ position: fixed; top: 45%; left: 18%; font-size: 64pt; color: rgba(120, 120, 120, 0.12);
  transform: rotate(-30deg); z-index: -1; }}
"""

# name: (text sample, header, footer (CSS content), watermark, font, size)
SPECS: dict[str, dict[str, Any]] = {
    "pdf-huli": {
        "gold": SAMPLES.parent / "gold" / "huli-2024.gold.yaml",
        "header": "厦门市湖里区人民政府门户网站",
        "footer": '"- " counter(page) " -"',
        "watermark": "仅供参考",
        "font": "Noto Serif CJK SC",
        "size": 15,
    },
    "pdf-gb18030": {
        "gold": SAMPLES / "gb18030" / "gold.yaml",
        "header": "松岭县人民政府关于２０２３年度法治政府建设情况的报告",
        "footer": '"第" counter(page) "页 共" counter(pages) "页"',
        "watermark": "松岭县人民政府网",
        "font": "Noto Sans CJK SC",
        "size": 14,
    },
    "pdf-docx": {
        "gold": SAMPLES / "docx" / "gold.yaml",
        "header": "澜州市市场监督管理局",
        "footer": "counter(page)",
        "watermark": "仅供参考",
        "font": "Noto Serif CJK SC",
        "size": 16,
    },
    "pdf-traditional": {
        "gold": SAMPLES / "traditional" / "gold.yaml",
        "header": "",
        "footer": '"共" counter(pages) "頁 第" counter(page) "頁"',
        "watermark": "僅供參考",
        "font": "Noto Serif CJK TC",
        "size": 11.5,
    },
    "pdf-bom-utf8": {
        "gold": SAMPLES / "bom-utf8" / "gold.yaml",
        "header": "",
        "footer": '"— " counter(page) " —"',
        "watermark": "",
        "font": "Noto Sans CJK SC",
        "size": 13,
    },
}


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        sys.exit("make_pdfs: chromium not found; run `bash .ci/install-chromium.sh`")
    return found


def run_chromium(args: list[str], work: Path) -> None:
    cmd = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={work / 'profile'}",
        *args,
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def print_pdf(page: str, out: Path, work: Path) -> None:
    source = work / (out.stem + ".html")
    source.write_text(page, encoding="utf-8")
    run_chromium(["--no-pdf-header-footer", f"--print-to-pdf={out}", source.as_uri()], work)


def source_lines(gold: dict[str, Any], gold_path: Path) -> list[str]:
    source = gold_path.parent / str(gold["source"])
    if source.suffix == ".docx":
        return docx_to_text(source.read_bytes(), str(source)).splitlines()
    text = source.read_bytes().decode(gold.get("encoding", "utf-8"))
    return text.splitlines()


def body_html(lines: list[str]) -> str:
    out: list[str] = []
    table: list[str] = []
    for line in lines:
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t"))
            table.append(f"<tr>{cells}</tr>")
            continue
        if table:
            out.append("<table>" + "".join(table) + "</table>")
            table = []
        if not line.strip():
            continue
        heading = len(line) < 40 and not line.rstrip().endswith(("。", "：", ":"))
        out.append(f'<p class="{"h" if heading else ""}">{html.escape(line.strip())}</p>')
    if table:
        out.append("<table>" + "".join(table) + "</table>")
    return "\n".join(out)


def page_html(lines: list[str], spec: dict[str, Any]) -> str:
    css = CSS.format(header=spec["header"], footer=spec["footer"], font=spec["font"], size=spec["size"])
    mark = f'<div class="wm">{html.escape(spec["watermark"])}</div>' if spec["watermark"] else ""
    head = f'<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head>'
    return f"{head}<body>{mark}\n{body_html(lines)}</body></html>"


# ------------------------------------------------------------------------------- gold

_STOPS = "。！？；，、：!?;,:"


def _nows(text: str) -> str:
    return "".join(text.split())


def locate(text: str, line: str, sentence: str | None, whole: str) -> str:
    """The shortest clause-bounded window of `line` around `text` that occurs once in `whole`."""
    anchor = line.find(sentence) if sentence else -1
    start = line.find(text, anchor if anchor >= 0 else 0)
    if start < 0:
        raise SystemExit(f"make_pdfs: {text!r} not in its line {line[:40]!r}")
    end = start + len(text)
    flat = _nows(whole)
    # clause boundaries of the figure's sentence; try its own clause, then one more on the left,
    # on the right, on both, and so on
    lo = max(line.rfind(c, 0, start) for c in "。！？") + 1
    hi = min((i for i in (line.find(c, end) for c in "。！？") if i >= 0), default=len(line))
    cuts = [lo] + [i + 1 for i in range(lo, hi) if line[i] in _STOPS] + [hi]
    cuts = sorted(set(cuts))
    k = max(i for i, c in enumerate(cuts) if c <= start)
    candidates = [(start, end)]
    for width in range(0, len(cuts)):
        for before in range(width + 1):
            after = width - before
            a, b = k - before, k + 1 + after
            if a >= 0 and b < len(cuts):
                candidates.append((cuts[a], cuts[b]))
    for left, right in candidates:
        window = line[left:right].strip(_STOPS)
        if flat.count(_nows(window)) == 1 and (sentence is None or sentence in window or window in sentence):
            return window
    return sentence or line[lo:hi]


def pdf_gold(gold: dict[str, Any], lines: list[str], name: str, origin: Path) -> dict[str, Any]:
    whole = "\n".join(lines)
    out = dict(gold)
    out["source"] = "input.pdf"
    out["encoding"] = "pdf"
    out["origin"] = str(origin.relative_to(SAMPLES.parent))

    def move(item: dict[str, Any]) -> dict[str, Any]:
        item = dict(item)
        if item.get("line") is not None:
            line = lines[item["line"] - 1]
            text = str(item.get("text", ""))
            item["sentence"] = locate(text, line, item.get("sentence"), whole) if text else line.strip()
            item["line"] = None
        return item

    moved: dict[tuple[Any, ...], str] = {}
    out["figures"] = []
    for fig in gold.get("figures") or []:
        new = move(fig)
        key = (fig.get("line"), fig.get("value"), fig.get("unit"), fig.get("bound"), fig.get("sentence"))
        moved.setdefault(key, new.get("sentence", ""))
        out["figures"].append(new)
    out["implicit"] = [move(i) for i in gold.get("implicit") or []]
    out["indicators"] = []
    for ind in gold.get("indicators") or []:
        key = (ind.get("line"), ind.get("value"), ind.get("unit"), ind.get("bound"), ind.get("sentence"))
        if ind.get("line") is not None and key in moved:  # the same figure: the same sentence
            ind = {**ind, "line": None, "sentence": moved[key]}
        out["indicators"].append(move(ind))
    sections = {}
    for sid, sec in (gold.get("sections") or {}).items():
        if isinstance(sec, dict) and sec.get("line") is not None:
            sec = dict(sec)
            sec.setdefault("sentence", lines[sec["line"] - 1].strip()[:30])
            sec["line"] = None
        sections[sid] = sec
    out["sections"] = sections
    return out


def write_gold(path: Path, gold: dict[str, Any], name: str) -> None:
    head = (
        f"# Gold for input.pdf, generated by ../pdf/make_pdfs.py from {gold['origin']} (edit that gold, not this).\n"
        "# Items are located by `sentence` (line: null), compared with whitespace removed: the PDF wraps lines.\n"
    )
    body = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(head + body, encoding="utf-8")


# ------------------------------------------------------------------------------- hostile samples


def scan_pdf(work: Path, lines: list[str], out: Path, keep_text: list[str] | None = None) -> None:
    """Pages that are pictures of text: print the text to PNG, then print the PNG to PDF."""
    shot = work / "shot.html"
    shot.write_text(
        '<!doctype html><meta charset="utf-8"><body style="font: 20px \'Noto Serif CJK SC\'; width: 760px">'
        + "".join(f"<p>{html.escape(x)}</p>" for x in lines)
        + "</body>",
        encoding="utf-8",
    )
    png = work / "shot.png"
    run_chromium([f"--screenshot={png}", "--window-size=800,1100", "--hide-scrollbars", shot.as_uri()], work)
    text_pages = "".join(f'<p style="page-break-after: always">{html.escape(x)}</p>' for x in keep_text or [])
    page = (
        '<!doctype html><meta charset="utf-8"><style>@page { size: A4; margin: 15mm }</style>'
        f'<body style="margin:0">{text_pages}<img src="{png.as_uri()}" style="width: 100%"></body>'
    )
    print_pdf(page, out, work)


# A second producer: fpdf2 (``pip install fpdf2``) sets text left-aligned with a ragged right edge,
# indents paragraphs with two ideographic spaces as Word users type them, and draws its own header
# and footer: nothing here depends on how Chromium lays out a page.
FPDF_SPECS: dict[str, dict[str, Any]] = {
    "pdf-fpdf-city": {
        "gold": SAMPLES / "heldout1-city-2024" / "gold.yaml",
        "header": "云岭市人民政府门户网站",
        "font": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "size": 12,
    },
}


def fpdf_pdf(lines: list[str], spec: dict[str, Any], out: Path) -> None:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("noto", size=9)
            self.cell(0, 8, spec["header"], align="C", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-18)
            self.set_font("noto", size=10)
            self.cell(0, 8, f"第{self.page_no()}页", align="C")

    pdf = Report(format="A4")
    pdf.set_margins(25, 30, 25)
    pdf.set_auto_page_break(True, 25)
    pdf.set_creation_date(dt.datetime(2025, 2, 28, tzinfo=dt.UTC))
    pdf.add_font("noto", fname=spec["font"], collection_font_number=2)  # 2: the SC face of the collection
    pdf.add_page()
    pdf.set_font("noto", size=spec["size"])
    for line in lines:
        if "\t" in line:  # a table row: cells at fixed stops
            for cell in line.split("\t"):
                pdf.cell(40, 7, cell.strip())
            pdf.ln(7)
        elif line.strip():
            pdf.multi_cell(0, 7, "\u3000\u3000" + line.strip(), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))


def restricted(source: Path, out: Path) -> None:
    """Encrypted with an owner password only (copying and printing forbidden), as many portals publish:
    it opens without a password, so it must be read."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="", owner_password="owner", permissions_flag=0, algorithm="AES-128")
    with open(out, "wb") as handle:
        writer.write(handle)


def main(only: list[str]) -> None:
    """Build every sample, or only the named ones (``make_pdfs.py pdf-traditional``): Chromium's
    output is not byte-identical from run to run, so rebuilding the others would only churn them."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, spec in FPDF_SPECS.items():
            if only and name not in only:
                continue
            gold_path = spec["gold"]
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            lines = source_lines(gold, gold_path)
            folder = SAMPLES / name
            folder.mkdir(exist_ok=True)
            fpdf_pdf(lines, spec, folder / "input.pdf")
            write_gold(folder / "gold.yaml", pdf_gold(gold, lines, name, gold_path), name)
            print(f"wrote {folder / 'input.pdf'}")
        for name, spec in SPECS.items():
            if only and name not in only:
                continue
            gold_path = spec["gold"]
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            lines = source_lines(gold, gold_path)
            folder = SAMPLES / name
            folder.mkdir(exist_ok=True)
            print_pdf(page_html(lines, spec), folder / "input.pdf", work)
            write_gold(folder / "gold.yaml", pdf_gold(gold, lines, name, gold_path), name)
            print(f"wrote {folder / 'input.pdf'}")

        if only:
            return
        huli = (ROOT / "tests" / "data" / "huli-2024-report.txt").read_text(encoding="utf-8").splitlines()
        scan_pdf(work, huli[:4], HERE / "scan.pdf")
        scan_pdf(work, huli[4:6], HERE / "mixed-scan.pdf", keep_text=huli[:2])

        plain = HERE / "plain.pdf"
        print_pdf(page_html(huli[:3], SPECS["pdf-huli"]), plain, work)
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(plain))
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
        with open(HERE / "encrypted.pdf", "wb") as handle:
            writer.write(handle)
        restricted(SAMPLES / "pdf-docx" / "input.pdf", HERE / "restricted.pdf")
        data = plain.read_bytes()
        (HERE / "broken.pdf").write_bytes(data[: len(data) // 3])
        (HERE / "not-a-pdf.pdf").write_text("这不是PDF文件,只是改了扩展名。\n", encoding="utf-8")
        plain.unlink()
        print(f"wrote {HERE}/scan.pdf, mixed-scan.pdf, encrypted.pdf, broken.pdf, not-a-pdf.pdf")


if __name__ == "__main__":
    main(sys.argv[1:])
