"""Instruction counts of the command users run, beside the parse floor's: a figure that load does not move.

    python benchmarks/instructions.py [N] [--warm M] [--formats json,table,...] [--baseline REV] [--cache]

whole.py's wall and CPU ratios to the floor moved by a quarter between two runs 13 minutes apart on an
idle machine (benchmarks/README.md, 1 Dec 2026), so a change of a few per cent cannot be seen in them.
This script runs each command under valgrind's callgrind, which counts the instructions a process
executes: the load, the clock and the neighbours' use of the caches do not change the count (nor, with
the hash seed fixed at 0, the order Python's dictionaries and sets take: see measure). It is not
a time (cache misses and stalls are not in it), so whole.py stays the headline; this is the steady
second figure, and the one to compare revisions with on a busy machine.

For the floor (whole.py's: a Python loop loading every file with PyYAML's CSafeLoader) and for each
format (`hulifa check PATHS --isolated --fail-on never -f FORMAT > /dev/null`, an installed copy, as
whole.py --installed), it counts a run over the first generated report, one over the first M and one
over the first N (default 300 and M = N / 3), and prints:
  one report   instructions of the run over one report: start-up and one report
  per report   (count at N - count at M) / (N - M): what each further report costs once warm
  vs floor     that per-report cost over the floor's
  10k vs floor (count at N + (10,000 - N) x per report) over the floor's: the issue's size, as a count
The slope starts at M, not at 1, because hulifa's first reports fill what later ones reuse (json's
render memos, the remembered verdicts and figures, patterns compiled on first use): counted from 1,
json-compact cost 14.35M instructions a report over its first 100 reports and 12.71M from 100 to 300,
while the floor, which keeps nothing, cost 11.98M and 11.83M (2 Dec 2026). A batch of 10,000 is nearly
all warm reports. `--warm 1` gives the old slope from 1.
With --baseline REV a second copy (that git revision, installed alike) is counted too, and a last
table gives after / before. Under callgrind a run is ~50x slower than without: N=300 with the ten
formats takes ~30 minutes of one core; --parallel runs that many counts at once (the counts do not
depend on it). Needs valgrind on PATH. Printed, never asserted: this is a benchmark, not a test.
whole.py --instructions N runs the same counts (measure) and prints the ratio beside its CPU ratio.

--cache runs cachegrind instead, its last-level cache set to this CPU's 1 MiB L2 (`--LL=1048576,8,64`,
the level whose misses go out to the L3 that other machines' work shares), and adds each further
report's L2 misses: json ran 1.2x the floor's instructions but ~1.8x its CPU time, and the difference
was memory (25K L2 misses a report against the floor's 1K). Cachegrind's instruction count is
callgrind's; a run takes about as long.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from whole import _FLOOR, FORMATS, baseline_copy, dataset, git_rev, installed_copy, parse_size, users_env  # noqa: E402

_COLLECTED = re.compile(r"^==\d+== Collected : (\d+)$", re.MULTILINE)
_REFS = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)$", re.MULTILINE)  # cachegrind's instructions
_L2_MISSES = re.compile(r"^==\d+== LL misses:\s+([\d,]+) ", re.MULTILINE)
_L2 = "--LL=1048576,8,64"  # this CPU's L2: 1 MiB, 8-way, 64-byte lines
AT = 10_000  # the size


@dataclass(frozen=True)
class Job:
    """One command counted at one size."""

    name: str  # "floor", a format, or "FORMAT @REV"
    size: int  # 1, M or N
    cmd: tuple[str, ...]


def count(job: Job, cwd: Path, env: dict[str, str], cache: bool = False) -> tuple[int, int]:
    """Instructions counted for the whole run of `job` (the process only, no children), and with
    `cache` its L2 misses (0 without)."""
    tool = (
        ["--tool=cachegrind", "--cache-sim=yes", _L2, "--cachegrind-out-file=/dev/null"]
        if cache
        else ["--tool=callgrind", "--callgrind-out-file=/dev/null"]
    )
    proc = subprocess.run(
        ["valgrind", *tool, *job.cmd],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = (_REFS if cache else _COLLECTED).findall(proc.stderr)
    misses = _L2_MISSES.findall(proc.stderr) if cache else ["0"]
    if not found or not misses:
        raise SystemExit(
            f"{job.name} at {job.size}: valgrind printed no count (exit {proc.returncode}):\n" + proc.stderr[-2000:]
        )
    return int(found[-1].replace(",", "")), int(misses[-1].replace(",", ""))


class Counts:
    """Each command's count (and L2 misses, with cache) over one report, over `warm` and over `size`,
    by name ("floor", a format, "FORMAT @REV"): what the tables are made of."""

    def __init__(
        self, size: int, warm: int, by: dict[tuple[str, int], int], misses: dict[tuple[str, int], int]
    ) -> None:
        self.size, self.warm, self.by, self.misses = size, warm, by, misses

    def per_report(self, name: str, misses: bool = False) -> float:
        """What each further report costs once warm: (count at N - count at M) / (N - M)."""
        of = self.misses if misses else self.by
        return (of[name, self.size] - of[name, self.warm]) / (self.size - self.warm)

    def at(self, name: str, n: int) -> float:
        """The count a run over n reports (n >= N) would make: N reports', then n - N further ones."""
        return self.by[name, self.size] + (n - self.size) * self.per_report(name)

    def ratio(self, name: str) -> float:
        """Each further report's instructions against the floor's: the figure whole.py prints beside CPU time."""
        return self.per_report(name) / self.per_report("floor")


def measure(
    copies: dict[str, list[str]],
    python: str,
    formats: list[str],
    size: int,
    *,
    warm: int = 0,
    seed: int = 2024,
    data_root: Path | None = None,
    parallel: int = 2,
    cache: bool = False,
) -> Counts:
    """Count the floor (on `python`) and each format of each copy ({"": this checkout's `hulifa check`,
    " @REV": another's}) over the first generated report, over the first `warm` (default size / 3)
    and over the first `size`."""
    warm = warm or max(1, size // 3)
    root = (data_root or Path(tempfile.gettempdir())).resolve()
    sets = dataset(root, sorted({warm, size}), seed)
    data, paths, manifest = sets[size]
    first = sorted(manifest)[0]
    runs = {1: (data, [first]), warm: sets[warm][:2], size: (data, paths)}  # n -> its folder, what it checks
    scratch = Path(tempfile.mkdtemp(prefix="hulifa-instructions-"))
    env = users_env()
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")  # bytecode cached, as `pip install .` leaves it
    # One hash seed for every run: with Python's random one a count moved by up to 1.5% between two runs
    # of the same command (json-compact over 300 reports: 4,418M and 4,483M instructions), a few tenths of
    # a per-report ratio; with seed 0 two runs gave the same count to the instruction. A seed is one of
    # the orders a user's run may take, so this is a fair sample and a repeatable one.
    env["PYTHONHASHSEED"] = "0"
    jobs: list[Job] = []
    for n, (_, where) in runs.items():
        jobs.append(Job("floor", n, (python, "-c", _FLOOR, *where)))
        for fmt in formats:
            for suffix, hulifa in copies.items():
                jobs.append(Job(fmt + suffix, n, (*hulifa, *where, "--isolated", "--fail-on", "never", "-f", fmt)))
    # Each run its own user cache (the pack and the compiled patterns, hulifa.usercache), filled by the
    # same command run once before it is counted, as a user's cache is by the runs before: when the cache
    # kept one file of patterns per command, each format stored its own run's over the others'
    # (hulifa.patterncache now keeps a file per command and format), so a count depended on which ran
    # before it, here or in another session (json-compact over 100 reports counted 1,802M and 1,849M
    # instructions, seed 0 both times). A cache of its own still keeps a count from depending on what
    # another session ran: two measures in other orders agreed within 300 instructions in 870M.
    envs = {job: {**env, "XDG_CACHE_HOME": str(scratch / f"cache{i}")} for i, job in enumerate(jobs)}
    for job in jobs:  # bytecode and the user cache written, outside the counts
        folder = runs[job.size][0]
        subprocess.run(job.cmd, cwd=folder, env=envs[job], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(
        f"instruction counts: M={warm}, N={size}, {len(formats)} formats, {len(jobs)} runs under "
        f"{'cachegrind' if cache else 'callgrind'}, {parallel} at a time; hulifa at {git_rev()}",
        file=sys.stderr,
        flush=True,
    )
    try:
        with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
            counted = dict(
                zip(jobs, pool.map(lambda job: count(job, runs[job.size][0], envs[job], cache), jobs), strict=True)
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    by = {(job.name, job.size): n for job, (n, _) in counted.items()}
    misses = {(job.name, job.size): m for job, (_, m) in counted.items()}
    return Counts(size, warm, by, misses)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", nargs="?", type=parse_size, default=300, help="N, reports in the largest run (300)")
    parser.add_argument(
        "--warm", metavar="M", type=parse_size, default=0, help="the slope starts at M reports (default N / 3)"
    )
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated (default: all ten)")
    parser.add_argument("--baseline", metavar="REV", default="", help="also count this git revision, installed")
    parser.add_argument("--parallel", type=int, default=2, help="counts run at once (default 2)")
    parser.add_argument("--cache", action="store_true", help="cachegrind: also each report's L2 misses")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--data-root", type=Path, default=Path(tempfile.gettempdir()), help="where data is made")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not on PATH (Debian: apt-get install valgrind)")
    if args.size < 2:
        parser.error("N must be at least 2")
    if not 0 <= args.warm < args.size:
        parser.error("M must be less than N")
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        parser.error(f"unknown format(s): {', '.join(unknown)}")

    copies = {"": [*installed_copy(), "check"]}
    if args.baseline:
        copies[f" @{git_rev(args.baseline)}"] = [*baseline_copy(args.baseline), "check"]
    python = str(Path(copies[""][0]).with_name("python"))
    counts = measure(
        copies,
        python,
        formats,
        args.size,
        warm=args.warm,
        seed=args.seed,
        data_root=args.data_root,
        parallel=args.parallel,
        cache=args.cache,
    )
    print_tables(counts, formats, list(copies), args.cache)
    return 0


def print_tables(counts: Counts, formats: list[str], suffixes: list[str], cache: bool) -> None:
    per_report = counts.per_report
    floor_each, floor_at = per_report("floor"), counts.at("floor", AT)
    l2 = " L2 misses per report (K) | vs floor |" if cache else ""
    print(f"\n| command | one report (M) | per report (M) | vs floor | {AT // 1000}k vs floor |{l2}")
    print("|---|---:|---:|---:|---:|" + "---:|---:|" * cache)
    for name in ["floor", *(fmt + suffix for fmt in formats for suffix in suffixes)]:
        l2 = (
            f" {per_report(name, True) / 1e3:.1f} | {per_report(name, True) / per_report('floor', True):.1f}x |"
            if cache
            else ""
        )
        print(
            f"| {name} | {counts.by[name, 1] / 1e6:.0f} | {per_report(name) / 1e6:.2f} | "
            f"{per_report(name) / floor_each:.2f}x | {counts.at(name, AT) / floor_at:.2f}x |{l2}"
        )
    for suffix in suffixes[1:]:
        l2 = " L2 misses per report, after / before |" if cache else ""
        print(f"\n| format | one report, after / before | per report, after / before |{l2}")
        print("|---|---:|---:|" + "---:|" * cache)
        for fmt in formats:
            l2 = f" {per_report(fmt, True) / per_report(fmt + suffix, True):.3f} |" if cache else ""
            print(
                f"| {fmt} | {counts.by[fmt, 1] / counts.by[fmt + suffix, 1]:.3f} | "
                f"{per_report(fmt) / per_report(fmt + suffix):.3f} |{l2}"
            )


if __name__ == "__main__":
    raise SystemExit(main())
