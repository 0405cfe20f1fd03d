"""How fast a browser opens hulifa's HTML page for a batch, and what the page costs to write.

    python benchmarks/html_page.py [COUNT ...] [--seed 2024] [--rounds 2]

For each COUNT (default 1000) generated reports (benchmarks/generate.py, cached under /tmp), it runs
`hulifa check DIR -f html -o PAGE` as a child process (wall and CPU time, peak RSS, page size), then
loads the page in headless Chromium inside a 1280 px frame and reads, from the page's own
navigation timing, when its load event started (parse, style and first layout of what is shown),
plus the time of a forced full layout after load. Timings are printed, never asserted: the browser
test (tests/reporters/test_html_browser.py) holds the page's structure at 1,000 reports.
Chromium: /usr/bin/chromium, or HULIFA_CHROMIUM.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MEASURE_JS = """
function measure(frame) {
  var win = frame.contentWindow, doc = frame.contentDocument;
  var nav = win.performance.getEntriesByType('navigation')[0];
  var t0 = performance.now(), width = doc.documentElement.scrollWidth, t1 = performance.now();
  document.documentElement.setAttribute('data-measure', JSON.stringify({
    loadMs: nav ? nav.loadEventStart : -1, layoutMs: t1 - t0, scrollWidth: width,
    reports: doc.querySelectorAll('.report').length, nodes: doc.getElementsByTagName('*').length}));
}
"""


def chromium() -> str:
    found = os.environ.get("HULIFA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        sys.exit("no chromium: run .ci/install-chromium.sh or set HULIFA_CHROMIUM")
    return found


def data(count: int, seed: int) -> Path:
    out = Path(tempfile.gettempdir()) / f"hulifa-bench-n{count}-s{seed}"
    if not (out / "manifest.json").exists():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "generate.py"),
                str(out),
                "--count",
                str(count),
                "--seed",
                str(seed),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return out


def write_page(folder: Path, page: Path) -> dict[str, float]:
    hulifa = Path(sys.executable).with_name("hulifa")
    command = [
        str(hulifa),
        "check",
        str(folder),
        "--isolated",
        "--fail-on",
        "never",
        "-f",
        "html",
        "-o",
        str(page),
        "--force",
    ]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own usage and peak RSS
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit(f"hulifa exited {child.returncode}")
    return {
        "wall_s": time.perf_counter() - start,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_mib": usage.ru_maxrss / 1024,
        "page_mib": page.stat().st_size / 2**20,
    }


def open_page(page: Path, work: Path) -> dict[str, float]:
    frame = work / "frame.html"
    frame.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><script>{MEASURE_JS}</script></head>'
        f'<body style="margin:0"><iframe style="border:0" width="1280" height="900" src="{page.as_uri()}" '
        'onload="measure(this)"></iframe></body></html>',
        encoding="utf-8",
    )
    profile = tempfile.mkdtemp(dir=work)
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--disable-background-networking", "--allow-file-access-from-files", f"--user-data-dir={profile}",
        "--window-size=1300,900", "--dump-dom", frame.as_uri(),
    ]  # fmt: skip
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    wall = time.perf_counter() - start
    found = re.search(r'data-measure="([^"]*)"', run.stdout)
    if not found:
        sys.exit(f"the page did not report its timing:\n{run.stderr[-2000:]}")
    seen: dict[str, float] = json.loads(html.unescape(found.group(1)))
    seen["browser_wall_s"] = wall
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000])
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| reports | write wall | write CPU | peak RSS | page | browser load | full layout | browser run | nodes |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for _ in range(args.rounds):  # rounds interleave the sizes, so drifting load hits each alike
            for count in args.counts:
                page = work / f"page-{count}.html"
                w = write_page(data(count, args.seed), page)
                b = open_page(page, work)
                print(
                    f"| {count:,} | {w['wall_s']:.1f} s | {w['cpu_s']:.1f} s | {w['rss_mib']:.0f} MiB "
                    f"| {w['page_mib']:.1f} MiB | {b['loadMs'] / 1000:.2f} s | {b['layoutMs']:.0f} ms "
                    f"| {b['browser_wall_s']:.1f} s | {b['nodes']:,.0f} |"
                )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
