"""Extraction speed: the Huli 2024 report replicated 1,000 times, as 1,000 separate reports.

Usage: ``python benchmarks/extract_speed.py [--reports N]``. Prints reports per second and the time
for one 10 KB report (the Huli text repeated up to 10 KB), which must stay well under a second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hulifa.extract import extract_text  # noqa: E402
from hulifa.extract.output import to_json, to_report_yaml  # noqa: E402
from hulifa.rulepack import load_pack  # noqa: E402

HULI = ROOT / "tests" / "data" / "huli-2024-report.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    args = parser.parse_args(argv)
    pack = load_pack(None)
    text = HULI.read_text(encoding="utf-8")
    extract_text(text, pack)  # warm the caches (fold table, compiled patterns)

    started = time.perf_counter()
    figures = 0
    for _ in range(args.reports):
        ex = extract_text(text, pack)
        figures += len(ex.figures)
        to_report_yaml(ex, "huli.txt")
    elapsed = time.perf_counter() - started
    size = len(text.encode("utf-8"))
    print(
        f"{args.reports} reports of {size / 1024:.1f} KB in {elapsed:.2f} s: "
        f"{args.reports / elapsed:.0f} reports/s, {figures / elapsed:.0f} figures/s (extract + YAML)"
    )

    ten_kb = text
    while len(ten_kb.encode("utf-8")) < 10 * 1024:
        ten_kb += "\n" + text
    ten_kb = ten_kb.encode("utf-8")[: 10 * 1024].decode("utf-8", errors="ignore")
    runs = 20
    started = time.perf_counter()
    for _ in range(runs):
        to_json(extract_text(ten_kb, pack))
    one = (time.perf_counter() - started) / runs
    print(f"one 10 KB report: {one * 1000:.1f} ms (extract + JSON)")
    return 0 if one < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
