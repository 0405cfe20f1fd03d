"""Measure proposed optimisations of src/ without editing it: monkeypatch, time, and check the output is unchanged.

    python benchmarks/what_if.py [--count 1000] [--seed 2024] [--data DIR] [--repeat 3]

Each step adds one patch to the ones before it and times `iter_check` over the same files (least
of --repeat runs, noisy machines), then checks that every ReportResult equals the unpatched one.
The last part times a streaming `--format json` writer (one report at a time) against
`reporters.json_.render` in child processes, for wall time, peak RSS and byte-identical output.

The patches are sketches of the proposed changes, not the changes themselves: the lead applies
the real ones in src/.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_check  # noqa: E402

try:  # hulifa.check was renamed hulifa.runner (8a9520e)
    from hulifa.runner import iter_check
except ImportError:  # pragma: no cover - older trees
    from hulifa.check import iter_check  # type: ignore[no-redef]

from hulifa import evaluate, loader, model, reportdata  # noqa: E402
from hulifa.errors import InputError, fail  # noqa: E402
from hulifa.rulepack import load_pack  # noqa: E402


# ------------------------------------------------------------------------------------------- patches
def patch_read() -> None:
    """loader.read_bytes: read(size + 1), not read(limit + 1) (which allocates a 5 MiB buffer per file)."""

    def read_bytes(path: Path, display: str, limit: int | None = None) -> bytes:
        limit = loader.max_bytes() if limit is None else limit
        try:
            with path.open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:
                    raise fail(display, 1, 1, "文件过大", "file too large")
                return handle.read(min(size, limit) + 1)
        except InputError:
            raise
        except IsADirectoryError:
            raise fail(display, 1, 1, "这是一个目录,不是文件", "this is a directory, not a file") from None
        except FileNotFoundError:
            raise fail(display, 1, 1, "文件不存在", "no such file") from None

    loader.read_bytes = read_bytes


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def patch_decode() -> None:
    """loader.decode: count control characters with one regex, not a generator over 4,096 chars."""
    original = loader.decode

    def decode(data: bytes, display: str, encoding: str | None = None) -> str:
        if encoding or data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
            return original(data, display, encoding)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return original(data, display, encoding)
        if len(_CONTROL.findall(text, 0, 4096)) > 8:
            return original(data, display, encoding)
        return text

    loader.decode = decode


def patch_pack_tables() -> None:
    """model.RulePack.by_key and evaluate.expected_text: computed once per pack/rule, not per report/finding."""
    by_key_cache: dict[int, tuple[object, dict]] = {}
    original_by_key = model.RulePack.by_key

    def by_key(self):  # type: ignore[no-untyped-def]
        hit = by_key_cache.get(id(self))
        if hit is None or hit[0] is not self:
            hit = by_key_cache[id(self)] = (self, original_by_key(self))
        return hit[1]

    model.RulePack.by_key = by_key  # type: ignore[method-assign]
    original_expected = evaluate.expected_text
    expected_cache: dict[int, tuple[object, str]] = {}

    def expected_text(rule):  # type: ignore[no-untyped-def]
        hit = expected_cache.get(id(rule))
        if hit is None or hit[0] is not rule:
            hit = expected_cache[id(rule)] = (rule, original_expected(rule))
        return hit[1]

    evaluate.expected_text = expected_text


def patch_replace() -> None:
    """evaluate._value_rule: give the bound to the one Finding built, instead of dataclasses.replace()."""

    def set_bound(finding, **changes):  # type: ignore[no-untyped-def]
        object.__setattr__(finding, "bound", changes["bound"])  # the finding is new and unshared
        return finding

    evaluate.replace = set_bound


def patch_scalar_cache() -> None:
    """reportdata._read_scalar: memoise on the raw value (figures repeat: "100%", "全覆盖", "是")."""
    original = reportdata._read_scalar
    cached = functools.lru_cache(maxsize=4096, typed=True)(original)  # typed: 100 and 100.0 differ

    def read_scalar(raw):  # type: ignore[no-untyped-def]
        return original(raw) if isinstance(raw, list | dict) else cached(raw)

    reportdata._read_scalar = read_scalar


STEPS = [
    ("baseline (src/ as is)", None),
    ("+ read(size+1) in loader.read_bytes", patch_read),
    ("+ regex control-char count in loader.decode", patch_decode),
    ("+ by_key / expected_text once per pack", patch_pack_tables),
    ("+ no dataclasses.replace in _value_rule", patch_replace),
    ("+ memoised reportdata._read_scalar", patch_scalar_cache),
]


def run_once(data: Path) -> tuple[float, list]:
    pack = load_pack()
    cwd = os.getcwd()
    os.chdir(data)
    try:
        start = time.process_time()  # CPU time: other load on a shared machine does not count
        results = list(iter_check(["."], pack))
        return time.process_time() - start, results
    finally:
        os.chdir(cwd)


# ------------------------------------------------------------------------------------------- streaming JSON
STREAM_CHILD = r"""
import json, os, sys, time
try:
    from hulifa.runner import iter_check
except ImportError:
    from hulifa.check import iter_check
from hulifa.rulepack import load_pack
from hulifa.reporters.json_ import _no_nan, report_dict, render
from hulifa.model import FORMAT_VERSION, CheckResult

mode, out = sys.argv[1], sys.argv[2]
pack = load_pack()
if mode == "render":  # what the CLI does today: collect everything, then one json.dumps
    results = tuple(iter_check(["."], pack))
    text = render(CheckResult(reports=results, pack=pack))
    with open(out, "w", encoding="utf-8", newline="\n") as h:
        h.write(text)
else:  # stream: header, then one report at a time, same bytes
    head = {"format_version": FORMAT_VERSION, "tool": "hulifa",
            "rule_pack": {"id": pack.id, "version": pack.version, "title": pack.title}}
    with open(out, "w", encoding="utf-8", newline="\n") as h:
        h.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "reports": [')
        first = True
        for r in iter_check(["."], pack):
            text = json.dumps(_no_nan(report_dict(r)), ensure_ascii=False, indent=2, allow_nan=False)
            h.write(("\n" if first else ",\n") + "    " + text.replace("\n", "\n    "))
            first = False
        h.write("]\n}\n" if first else "\n  ]\n}\n")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stream-count", type=int, nargs="*", default=[1000])
    args = parser.parse_args(argv)
    data = (args.data or Path(tempfile.gettempdir()) / f"hulifa-bench-n{args.count}-s{args.seed}").resolve()
    manifest = bench_check.ensure_data(data, args.count, args.seed)
    files = sorted(manifest)
    floor = min(bench_check.measure_floor(files, data)["cpu"] for _ in range(args.repeat))
    print(f"{args.count} files; floor (read + decode + CSafeLoader) {floor / args.count * 1000:.3f} ms/file")
    print(f"{'step (CPU ms per file, least of --repeat)':<46}{'ms/file':>9}{'/floor':>8}{'gain':>9}  output")
    reference = None
    before = None
    for label, patch in STEPS:
        if patch:
            patch()
        best, results = min((run_once(data) for _ in range(args.repeat)), key=lambda x: x[0])
        if reference is None:
            reference = results
        same = results == reference
        per = best / args.count * 1000
        gain = "" if before is None else f"{per - before:+.3f}"
        print(f"{label:<46}{per:9.3f}{best / floor:8.2f}{gain:>9}  {'same' if same else 'DIFFERENT'}")
        before = per
    print(
        textwrap.dedent("""
        streaming --format json (child processes; peak RSS via wait4):""")
    )
    for count in args.stream_count:
        folder = data if count == args.count else data / "b00"
        outs = {}
        for mode in ("render", "stream"):
            out = Path(tempfile.gettempdir()) / f"hulifa-whatif-{mode}.json"
            res = bench_check.run_child([sys.executable, "-c", STREAM_CHILD, mode, str(out)], folder)
            outs[mode] = out
            print(
                f"  {count:>6} files  {mode:<7} {res['wall']:7.1f} s wall {res['cpu']:7.1f} s cpu "
                f"{res['maxrss_mib']:8.1f} MiB peak  rc {res['rc']} {res['stderr'][-300:]}"
            )
        same = bench_check.sha256(outs["render"]) == bench_check.sha256(outs["stream"])
        print(f"  {count:>6} files  byte-identical: {'yes' if same else 'NO'}")
        for out in outs.values():
            out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
