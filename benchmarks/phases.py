"""Where one report's time goes, in process: the parse floor, then hulifa's steps and each format's render.

    python benchmarks/phases.py [SIZE] [--formats json,parsable,...]

For the first SIZE generated reports (default 300; the same data as whole.py), each file goes
through the steps `hulifa check` takes, timed apart with the process's CPU clock (time.process_time,
so other processes' load on a shared machine does not count):

  floor       PyYAML's CSafeLoader over the file's text (what whole.py's floor does)
  read        the file's bytes, decoded
  parse       hulifa's YAML composer with positions (yamlsafe.parse_yaml)
  build       the document to ReportData (reportdata.report_from_document)
  evaluate    the rules over the ReportData, with check_file's notes
  FORMAT      one report rendered by that format (its streamed piece, or its writer's item)

and the table gives each step's total, its time per report and its ratio to the floor. A step is
timed over the whole batch in one go (never per call), so the clock's resolution does not matter.
In-process figures: the whole command adds start-up, discovery and writing (see whole.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_check import ensure_data  # noqa: E402

FORMATS = ("json", "json-compact", "parsable", "github", "junit", "sarif", "codequality", "markdown", "html", "table")


def _timed(label: str, items: list[Any], step: Callable[[Any], Any], rows: list[tuple[str, float]]) -> list[Any]:
    gc.collect()
    start = time.process_time()
    out = [step(item) for item in items]
    rows.append((label, time.process_time() - start))
    return out


def _streams(fmt: str) -> bool:
    from hulifa.reporters import module
    from hulifa.reporters.streaming import streams

    return fmt == "table" or streams(module(fmt))


def _renderer(fmt: str, pack: Any) -> Callable[[Any], Any]:
    from hulifa.reporters import module
    from hulifa.reporters.streaming import in_pieces, streams

    if fmt == "table":
        from hulifa.reporters.table import BatchSummary

        summary = BatchSummary()
        return lambda report: summary.add(report, "zh")
    mod = module(fmt)
    if not streams(mod):  # rendered from every result at the end: timed as one call over the batch
        from hulifa.model import CheckResult

        return lambda results: mod.render(CheckResult(reports=tuple(results), pack=pack), "zh")
    if in_pieces(mod):
        mod.head(pack, "zh")  # json-compact's table
        return lambda report: mod.item(report, "zh")
    writer = mod.writer(pack, "zh", None)
    return writer.item  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", nargs="?", type=int, default=300)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    import yaml

    from hulifa.decoding import read_bytes
    from hulifa.evaluate import evaluate
    from hulifa.reportdata import report_from_document
    from hulifa.rulepack import load_pack
    from hulifa.runner import _unsettled, batch_gc
    from hulifa.yamlsafe import decode_used, parse_yaml

    data = Path(tempfile.gettempdir()) / f"hulifa-bench-n{max(args.size, 1000)}-s{args.seed}"
    manifest = ensure_data(data, max(args.size, 1000), args.seed)
    files = [str(data / rel) for rel in sorted(manifest)[: args.size]]
    pack = load_pack(None)
    today = dt.date(2025, 6, 1)
    rows: list[tuple[str, float]] = []
    with batch_gc():
        texts = [read_bytes(Path(f), f).decode("utf-8") for f in files]
        _timed("floor (CSafeLoader)", texts, lambda t: yaml.load(t, Loader=yaml.CSafeLoader), rows)
        _timed("read + decode", files, lambda f: decode_used(read_bytes(Path(f), f), f, None)[0], rows)
        docs = _timed("parse (yamlsafe)", list(zip(texts, files, strict=True)), lambda p: parse_yaml(*p), rows)
        reports = _timed("build ReportData", docs, report_from_document, rows)

        def check(report: Any) -> Any:
            result = evaluate(pack, report, None, today=today)
            _unsettled(pack, report, result)
            return result

        results = _timed("evaluate", reports, check, rows)
        for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
            render = _renderer(fmt, pack)
            whole = not _streams(fmt)
            _timed(f"render {fmt}" + (" (whole run)" if whole else ""), [results] if whole else results, render, rows)

    floor = rows[0][1]
    n = len(files)
    print(f"{n} reports, in process, CPU time (load {os.getloadavg()[0]:.2f}); ratio = step / floor")
    print("| step | total | per report | / floor |")
    print("|---|---:|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.2f} s | {seconds / n * 1000:.2f} ms | {seconds / floor:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
