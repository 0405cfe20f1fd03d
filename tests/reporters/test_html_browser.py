"""`--format html` in a real browser: headless Chromium loads the page, dumps its DOM, screenshots it
and prints it to PDF.

Skipped with a reason when chromium is not installed (or HULIFA_CHROMIUM="" says so), but only
outside CI: under CI (`CI` set) a missing browser fails, because .ci/run installs it
(.ci/install-chromium.sh). HULIFA_CHROMIUM=/path/to/chrome picks another binary.
"""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from test_html import HOSTILE_REGION, HULI_YAML, Dom, expected_charted, write_hostile

from hulifa.model import CheckResult
from hulifa.reporters import html as html_reporter
from hulifa.runner import check_paths

TIMEOUT = 60  # seconds, for every chromium run
IN_CI = bool(os.environ.get("CI"))


def find_chromium() -> str | None:
    """HULIFA_CHROMIUM (a path, or "" for none) overrides the search of PATH."""
    if "HULIFA_CHROMIUM" in os.environ:
        return os.environ["HULIFA_CHROMIUM"] or None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = find_chromium()

if CHROMIUM is None:
    if IN_CI:
        pytest.fail(
            "chromium is not on PATH under CI: .ci/install-chromium.sh should have installed it",
            pytrace=False,
        )
    pytestmark = pytest.mark.skip(
        reason="headless Chromium not installed (apt-get install chromium fonts-noto-cjk, "
        "or run .ci/install-chromium.sh); required when CI is set"
    )


def chromium(url: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One headless run, isolated (fresh profile, no network services), with a timeout."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--enable-logging=stderr",
        "--v=0",
        f"--user-data-dir={profile}",
        *args,
        url,
    ]
    env = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False, env=env)


def console_messages(stderr: str) -> list[str]:
    """What the page wrote to the console: errors, CSP refusals, uncaught exceptions."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@dataclass
class Page:
    result: CheckResult
    html: str
    path: Path
    dom: str
    dom_stderr: str
    png: Path
    workdir: Path


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Page:
    workdir = tmp_path_factory.mktemp("browser")
    result = check_paths([HULI_YAML, write_hostile(workdir)])
    text = html_reporter.render(result)
    path = workdir / "report.html"
    path.write_text(text, encoding="utf-8")
    dumped = chromium(path.as_uri(), workdir / "profile-dom", "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    png = workdir / "report.png"
    shot = chromium(path.as_uri(), workdir / "profile-png", f"--screenshot={png}", "--window-size=1280,2000")
    assert shot.returncode == 0, shot.stderr[-2000:]
    return Page(result, text, path, dumped.stdout, dumped.stderr, png, workdir)


# ----------------------------------------------------------------------------------- the DOM


def test_loads_without_errors(page: Page) -> None:
    assert page.dom.lstrip().lower().startswith(("<!doctype html>", "<html"))
    assert console_messages(page.dom_stderr) == []  # no script error, no CSP refusal, no failed load


def test_title_charts_parts_and_matrix_in_the_dom(page: Page) -> None:
    dom = Dom(page.dom)
    title = dom.find("title")[0].text
    assert title == "法治政府建设年度报告核查 — 2份报告" == html_reporter.page_title(page.result, "zh")
    assert dom.find("h1", cls="page-title")[0].text == title
    assert [e.text for e in dom.find("h2", cls="report-title")] == ["湖里区 2024", f"{HOSTILE_REGION} 2024"]

    charted = [expected_charted(page.result, i) for i in range(len(page.result.reports))]
    rows = dom.find("div", cls="chart-row")
    bars = dom.find("rect", cls="bar")
    assert len(rows) == len(bars) == sum(len(c) for c in charted)
    assert len(charted[0]) == 45 and len(charted[1]) > 8  # the 8 stated figures, and targets not met

    parts = dom.find("li", cls="part")
    assert len(parts) == 10
    assert Counter(p.attrs["data-state"] for p in parts[:5]) == {"present": 3, "partial": 1, "missing": 1}
    assert Counter(p.attrs["data-state"] for p in parts[5:]) == {"present": 3, "missing": 2}

    assert len(dom.find("table", cls="matrix")) == 1
    assert len(dom.find("tr", data_report="1")) == len(dom.find("tr", data_report="2")) == 1
    assert dom.find("div", cls="rank-row")


def test_injected_script_did_not_run(page: Page) -> None:
    dom = Dom(page.dom)
    root = dom.find("html")[0]
    assert "data-pwned" not in root.attrs
    assert dom.find("title")[0].text != "PWNED"
    assert not dom.find("script") and not dom.find("img")
    # the payload is on the page as text
    assert any(HOSTILE_REGION in e.text for e in dom.find("h2"))
    assert "&lt;script&gt;document.title=" in page.dom


def test_escaping_alone_stops_the_script(page: Page) -> None:
    """Without the page's Content-Security-Policy the payload still does not run; a positive control
    shows that this harness does run scripts, so the check is not vacuous."""
    no_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page.html)
    assert no_csp != page.html
    path = page.workdir / "no-csp.html"
    path.write_text(no_csp, encoding="utf-8")
    run = chromium(path.as_uri(), page.workdir / "profile-nocsp", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = Dom(run.stdout)
    assert "data-pwned" not in dom.find("html")[0].attrs
    assert dom.find("title")[0].text == html_reporter.page_title(page.result, "zh")
    assert console_messages(run.stderr) == []

    control = page.workdir / "control.html"
    control.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
        "<script>document.documentElement.setAttribute('data-pwned','1')</script></body></html>",
        encoding="utf-8",
    )
    run = chromium(control.as_uri(), page.workdir / "profile-control", "--dump-dom")
    assert 'data-pwned="1"' in run.stdout


def test_no_external_resources(page: Page) -> None:
    for text in (page.html, page.dom):
        assert not re.search(r"""\bsrc\s*=\s*["']?\s*(https?:)?//""", text, re.I)
        assert not re.search(r"<link\b", text, re.I)
        assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", text, re.I)
        assert "@import" not in text and "@font-face" not in text


# -------------------------------------------------------------------------------- screenshot


def png_rows(data: bytes, max_rows: int) -> tuple[int, int, int, list[bytes]]:
    """A tiny PNG decoder (8-bit RGB/RGBA/grey, not interlaced): width, height, bytes per pixel and
    the first `max_rows` unfiltered rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, bytearray(), None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and interlace == 0 and colour in (0, 2, 4, 6), header
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(min(height, max_rows)):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def test_screenshot_is_a_real_page(page: Page) -> None:
    data = page.png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000
    width, height, bpp, rows = png_rows(data, max_rows=700)
    assert (width, height) == (1280, 2000)
    colours: Counter[bytes] = Counter()
    for row in rows[::3]:
        for x in range(0, width * bpp, bpp * 2):
            colours[row[x : x + 3]] += 1
    total = sum(colours.values())
    background, most = colours.most_common(1)[0]
    assert len(colours) > 40, "a blank or single-colour page"
    assert 0.02 < 1 - most / total < 0.9, "mostly one colour"
    assert background == b"\xff\xff\xff"  # white page
    # the status colours of the matrix are on screen (pass green, missing amber)
    assert any(abs(c[0] - 0x2E) < 8 and abs(c[1] - 0x7D) < 8 and abs(c[2] - 0x32) < 8 for c in colours)
    assert any(abs(c[0] - 0xB2) < 8 and abs(c[1] - 0x6A) < 8 and abs(c[2] - 0x00) < 8 for c in colours)


def test_cjk_font_installed() -> None:
    """Chinese must not render as tofu: fontconfig must know a font covering zh."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        if IN_CI:
            pytest.fail("fc-list missing: cannot confirm a CJK font (install fontconfig fonts-noto-cjk)")
        pytest.skip("fc-list not installed; cannot list fonts")
    listed = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=TIMEOUT)
    families = listed.stdout
    if not families.strip() and not IN_CI:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    assert re.search(r"Noto Sans CJK|Source Han Sans|WenQuanYi|Droid Sans Fallback", families), families


# ------------------------------------------------------------------------------------- print


def test_prints_on_a4(page: Page) -> None:
    pdf = page.workdir / "report.pdf"
    run = chromium(page.path.as_uri(), page.workdir / "profile-pdf", f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert run.returncode == 0, run.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data))
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes), boxes
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert pages >= 3  # overview, then each report from a new page


# ------------------------------------------------------------------------------- a phone screen

# A phone is emulated by an iframe of that width (headless windows are at least 500 px wide): the page
# inside is the page as written, Content-Security-Policy included; this script runs in the frame around
# it, measures once the page has loaded, and leaves what it saw as JSON on the frame's <html data-measure>.
MEASURE_JS = """
function measure(frame) {
  var win = frame.contentWindow, doc = frame.contentDocument, vw = win.innerWidth;
  var nav = win.performance.getEntriesByType('navigation')[0];
  var t0 = performance.now();
  var out = {innerWidth: vw, scrollWidth: doc.documentElement.scrollWidth,
    layoutMs: performance.now() - t0, loadMs: nav ? nav.loadEventStart : -1,
    reports: doc.querySelectorAll('.report').length, labels: [], overprints: [], split: [], wide: []};
  var verdict = doc.querySelector('.verdict');
  out.verdictBottom = verdict ? verdict.getBoundingClientRect().bottom : -1;
  if (frame.hasAttribute('data-light')) {  // a large page: its load time and shape only
    document.documentElement.setAttribute('data-measure', JSON.stringify(out));
    return;
  }
  function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.right, r.width, r.height]; }
  function text(e) { return (e.textContent || '').trim().slice(0, 60); }
  doc.querySelectorAll('.chart-value, .tick-label, .rank-row > .small').forEach(function (e) {
    var b = box(e); out.labels.push({text: text(e), box: b,
      visible: b[2] > 0 && b[3] > 0 && b[0] >= 0 && b[1] <= vw && win.getComputedStyle(e).visibility !== 'hidden'});
  });
  doc.querySelectorAll('table.findings tbody tr').forEach(function (row) {
    var st = row.querySelector('.status'), sev = row.children[5], loc = row.querySelector('td.loc');
    var a = st.getBoundingClientRect(), b = sev.getBoundingClientRect();
    if (sev.textContent && a.right > b.left && b.right > a.left && a.bottom > b.top && b.bottom > a.top)
      out.overprints.push(text(row.children[0]));
    var range = doc.createRange(); range.selectNodeContents(loc);
    var lines = {};
    Array.prototype.forEach.call(range.getClientRects(), function (r) { lines[Math.round(r.top)] = 1; });
    if (Object.keys(lines).length !== 1) out.split.push(text(loc));
  });
  // the matrix scrolled to its last indicator: where its report column is, and how it reads
  var wrap = doc.querySelector('.matrix-wrap');
  out.matrix = [];
  if (wrap) {
    wrap.scrollLeft = wrap.scrollWidth;
    var left = wrap.getBoundingClientRect().left;
    doc.querySelectorAll('.matrix th.region').forEach(function (e) {
      var r = e.getBoundingClientRect();
      out.matrix.push({text: text(e), offset: r.left - left, width: r.width, scrolled: wrap.scrollLeft,
        fontSize: parseFloat(win.getComputedStyle(e).fontSize), clipped: e.scrollWidth > e.clientWidth + 1});
    });
    wrap.scrollLeft = 0;
  }
  // where a report's file name breaks across lines in the matrix and the list: after a /, - or … only
  out.fileBreaks = [];
  doc.querySelectorAll('.matrix th.region .file, .toc .file').forEach(function (e) {
    var walker = doc.createTreeWalker(e, 4), node, top = null, last = '';
    while ((node = walker.nextNode())) {
      for (var i = 0; i < node.length; i++) {
        var range = doc.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
        var rect = range.getClientRects()[0];
        if (!rect) continue;
        if (top !== null && Math.abs(rect.top - top) > 2 && '/-…'.indexOf(last) < 0) out.fileBreaks.push(e.textContent);
        top = rect.top; last = node.data[i];
      }
    }
  });
  // text a phone shows smaller than 12 px: each element that holds text of its own, outside the charts'
  // SVG (ticks scale with the chart) and the matrix's one-glyph cells
  out.small = {};
  doc.querySelectorAll('body *').forEach(function (e) {
    if (e.closest('svg') || e.matches('.matrix td.cell')) return;
    var own = Array.prototype.some.call(e.childNodes, function (n) {
      return n.nodeType === 3 && n.textContent.trim();
    });
    var style = win.getComputedStyle(e), size = parseFloat(style.fontSize);
    if (own && size < 12 && style.display !== 'none' && e.getClientRects().length) {
      var key = e.tagName + '.' + (e.getAttribute('class') || '') + ' ' + size + 'px';
      out.small[key] = (out.small[key] || 0) + 1;
    }
  });
  doc.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    var scrolls = e.closest('.matrix-wrap') !== null;  // the matrix scrolls sideways inside its own box
    var spills = e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
      && win.getComputedStyle(e).overflowX === 'visible';
    if (!scrolls && (r.right > vw + 0.5 || spills)) out.wide.push(e.tagName + '.' + e.getAttribute('class'));
  });
  document.documentElement.setAttribute('data-measure', JSON.stringify(out));
}
"""


def measure(
    page_html: str, workdir: Path, name: str, width: int, height: int = 844, light: bool = False
) -> dict[str, Any]:
    """Load the page in a `width`x`height` frame and return what MEASURE_JS saw (`light`: only the
    load time, the first layout and the number of report sections)."""
    path = workdir / f"{name}.html"
    path.write_text(page_html, encoding="utf-8")
    frame = workdir / f"{name}-frame.html"
    frame.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><script>{MEASURE_JS}</script></head>'
        f'<body style="margin:0"><iframe style="border:0;display:block" width="{width}" height="{height}" '
        f'src="{path.name}"{" data-light" if light else ""} onload="measure(this)"></iframe></body></html>',
        encoding="utf-8",
    )
    window = f"--window-size={max(width, 800)},{height}"
    run = chromium(frame.as_uri(), workdir / f"profile-{name}", "--allow-file-access-from-files", "--dump-dom", window)
    assert run.returncode == 0, run.stderr[-2000:]
    found = re.search(r'<html[^>]*\sdata-measure="([^"]*)"', run.stdout)
    assert found, (run.stdout[:500], console_messages(run.stderr))
    data: dict[str, Any] = json.loads(htmllib.unescape(found.group(1)))
    return data


@pytest.fixture(scope="module")
def phone(page: Page) -> dict[int, dict[str, Any]]:
    """The batch page (Huli, a second Huli report from another folder, the hostile region) in Chinese at
    390 px and in English at 360 px."""
    twin = page.workdir / "other" / "2024.yaml"
    twin.parent.mkdir()
    twin.write_bytes(Path(HULI_YAML).read_bytes())
    result = check_paths([HULI_YAML, str(twin), write_hostile(page.workdir)])
    return {
        390: measure(html_reporter.render(result, "zh"), page.workdir, "phone-zh", 390),
        360: measure(html_reporter.render(result, "en"), page.workdir, "phone-en", 360),
    }


@pytest.mark.parametrize("width", [390, 360])
def test_phone_nothing_overflows(phone: dict[int, dict[str, Any]], width: int) -> None:
    seen = phone[width]
    assert seen["innerWidth"] == width
    assert seen["scrollWidth"] <= seen["innerWidth"], seen["wide"][:10]
    assert seen["wide"] == []


@pytest.mark.parametrize("width", [390, 360])
def test_phone_text_is_at_least_12_px(phone: dict[int, dict[str, Any]], width: int) -> None:
    """No text of its own smaller than 12 px on a phone (the chart's SVG ticks and the matrix's
    one-glyph cells aside): a note, a basis link or a badge at 10-11 px was hard to read at arm's length."""
    assert phone[width]["small"] == {}, " ".join(sorted(phone[width]["small"]))


@pytest.mark.parametrize("width", [390, 360])
def test_phone_file_names_break_after_a_slash_only(phone: dict[int, dict[str, Any]], width: int) -> None:
    """At 12 px a path in the matrix's narrow report column broke inside its name ("../b3/r00/2024.yam"
    / "l"): it may break after a / (or a - or the … of a path cut in the middle) only."""
    assert phone[width]["fileBreaks"] == []


@pytest.mark.parametrize("width", [390, 360])
def test_phone_every_chart_value_label_is_visible(phone: dict[int, dict[str, Any]], width: int) -> None:
    labels = phone[width]["labels"]
    assert len(labels) > 100  # the value text of every chart row, the axis ticks and the ranking counts
    hidden = [label for label in labels if not label["visible"]]
    assert hidden == []


@pytest.mark.parametrize("width", [390, 360])
def test_phone_findings_cards_do_not_overprint_or_split(phone: dict[int, dict[str, Any]], width: int) -> None:
    seen = phone[width]
    assert seen["overprints"] == []  # status (未填报) and severity (警告) side by side, never on top
    assert seen["split"] == []  # `2024.yaml:25` on one line


@pytest.mark.parametrize("width", [390, 360])
def test_phone_shows_the_verdict_on_the_first_screen(phone: dict[int, dict[str, Any]], width: int) -> None:
    """The run's verdict is read without scrolling, on a phone's first screen (844 px tall)."""
    assert 0 < phone[width]["verdictBottom"] <= 844


@pytest.mark.parametrize("width", [390, 360])
def test_phone_matrix_keeps_each_reports_name_in_view(phone: dict[int, dict[str, Any]], width: int) -> None:
    """Scrolled to its last indicator, the matrix still shows which report each row is: the report
    column stays at the left edge, wide enough and large enough to read, nothing of it cut off. Before,
    it scrolled away with the indicators, and a file name broke inside a word."""
    rows = phone[width]["matrix"]
    assert len(rows) == 4 and rows[0]["scrolled"] > 0  # the heading and three reports; it did scroll
    for row in rows:
        assert abs(row["offset"]) <= 1 and row["width"] >= 90 and row["fontSize"] >= 11, row
        assert not row["clipped"], row


def test_desktop_layout_is_kept(page: Page) -> None:
    """At 1280 px the chart rows stay three columns (name, bar, values) and findings stay a table."""
    seen = measure(page.html, page.workdir, "desktop", 1280)
    assert seen["scrollWidth"] <= seen["innerWidth"] == 1280
    assert seen["overprints"] == [] and seen["split"] == []
    rows = [label for label in seen["labels"] if label["box"][0] > 500]  # value text right of the bar
    assert len(rows) > 50


# ------------------------------------------------------------------------------- 1,000 reports

BATCH = 1000


@pytest.fixture(scope="module")
def thousand(page: Page) -> tuple[str, dict[str, Any]]:
    """A page of 1,000 reports (Huli and the hostile region, 500 folders each: more issues per report
    than a typical batch), written through the page's writer, then opened in a 390 px frame."""
    huli, hostile = page.result.reports
    reports = tuple((huli, hostile)[i % 2]._replace(file=f"reports/r{i:04d}/2024.yaml") for i in range(BATCH))
    text = html_reporter.render(CheckResult(reports=reports, pack=page.result.pack))
    seen = measure(text, page.workdir, "thousand", 390, light=True)
    # a timing, printed for the record (see benchmarks/html_page.py); never asserted
    print(f"\n{BATCH:,}-report page: {len(text.encode()) / 2**20:.1f} MiB, load event at {seen['loadMs']:.0f} ms")
    return text, seen


def test_thousand_reports_open_folded_with_a_summary(thousand: tuple[str, dict[str, Any]]) -> None:
    text, seen = thousand
    assert seen["reports"] == BATCH  # every report is on the page, as the browser built it
    assert seen["scrollWidth"] <= seen["innerWidth"] == 390
    # (counted with patterns: the stdlib parser of test_html takes minutes on a page this size)
    assert len(re.findall(r'<details class="report folded" id="report-\d+" data-checked="true">', text)) == BATCH
    assert "<details open" not in text and '<details class="report folded" open' not in text
    assert 'class="chart-row' not in text  # no per-report charts: the batch charts summarise them
    assert '<table class="matrix"' not in text  # nor a cell per report and indicator
    assert len(re.findall(r'<div class="rank-row"', text)) > 40  # a status bar per indicator, and the ranking
    # each report is one line that says which file it is, and opens to its issues only
    files = set(re.findall(r'<span class="file" title="(reports/r\d{4}/2024\.yaml)">', text))
    assert len(files) == BATCH
    assert not re.search(r'<tr class="st-(pass|stated|not_applicable)', text)
    # Huli's 36 issues and the hostile report's 61: ~35 KB a report folded, ~90 KB in full
    assert len(text.encode()) < BATCH * 45_000
