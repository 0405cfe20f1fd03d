"""hulifa at national scale, side by side with the parsing floor and a peer, from one run.

    python benchmarks/bench_check.py [--count 10000] [--jobs 2] [--seed 2024] [--data DIR]

Figures (same files, same order, page cache warm):
  floor   read + decode + yaml.load(text, Loader=yaml.CSafeLoader), in process, one core
  hulifa  hulifa.runner.iter_check with the default pack, in process, results consumed one at a
          time; and the CLI end to end: `hulifa check DIR -f json -o FILE` (a child process)
  peer    check-jsonschema (own venv under /tmp) with benchmarks/make_schema.py's schema
Also: peak RSS of the CLI (--format json) at 1,000 and N files, `--jobs J` vs `--jobs 1` (speed-up
and byte-identical output), and cold start of `hulifa check one.yaml` (median of 20) with the top
`-X importtime` offenders.

It proves the planted findings: hulifa's non-pass, non-not_applicable findings must equal the
generator's manifest for every file (every planted shortfall found, nothing unplanted). Exit 1 if
not. Timed targets are reported, never asserted: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import make_schema  # noqa: E402
import yaml  # noqa: E402

from hulifa.rulepack import load_pack  # noqa: E402
from hulifa.runner import BATCH_GC_THRESHOLD, iter_check  # noqa: E402

PEER_VENV = Path(tempfile.gettempdir()) / "hulifa-peer-venv"
MiB = 1024 * 1024
# What a clean generated report gives: a `reported` rule with a value is `stated`, not `pass`
OK_STATUSES = ("pass", "not_applicable", "stated")


# ------------------------------------------------------------------------------------------- helpers
def say(*parts: object) -> None:
    print(*parts, flush=True)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def pkg(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


# Peak RSS must be measured from a small parent: on Linux a child started from a big process (vfork +
# exec) inherits the parent's RSS high-water mark in ru_maxrss. So every measured command runs under
# this tiny launcher, which spawns it, waits for it and reports its own child's rusage.
_LAUNCHER = (
    "import json, os, sys, time\n"
    "start = time.perf_counter()\n"
    "pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)\n"
    "_, status, ru = os.wait4(pid, 0)\n"
    "wall = time.perf_counter() - start\n"
    "sys.stderr.write('\\n@@RUSAGE ' + json.dumps([wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss,\n"
    "                 os.waitstatus_to_exitcode(status)]) + '\\n')\n"
)


def run_child(
    cmd: list[str], cwd: Path, stdout: Any = subprocess.DEVNULL, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run one command: wall time, CPU time and peak RSS (ru_maxrss, KiB on Linux; children included)."""
    proc = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *cmd], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, check=False, env=env
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    head, _, tail = stderr.rpartition("\n@@RUSAGE ")
    wall, cpu, maxrss, rc = json.loads(tail)
    return {
        "wall": wall,
        "cpu": cpu,
        "maxrss_mib": maxrss * 1024 / MiB if sys.platform != "darwin" else maxrss / MiB,
        "rc": rc,
        "stderr": head[-2000:],
    }


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hulifa_cmd() -> list[str]:
    """The hulifa installed beside this Python (the venv's own script), never one found elsewhere on
    PATH: a pyenv shim there is a shell script that added ~60 ms to every cold start measured."""
    beside = Path(sys.executable).parent / ("hulifa.exe" if os.name == "nt" else "hulifa")
    return [str(beside)] if beside.is_file() else [sys.executable, "-m", "hulifa.cli"]


# ------------------------------------------------------------------------------------------- data
def ensure_data(data: Path, count: int, seed: int) -> dict[str, list[list[str]]]:
    manifest_path = data / "manifest.json"
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text("utf-8"))
        if (manifest.get("count"), manifest.get("seed"), manifest.get("version")) == (count, seed, generate.VERSION):
            files: dict[str, list[list[str]]] = manifest["files"]
            return files
    if data.exists():
        shutil.rmtree(data)
    say(f"generating {count} files (seed {seed}) in {data} ...")
    start = time.perf_counter()
    generate.generate(data, count, seed)
    say(f"  done in {time.perf_counter() - start:.1f} s")
    made: dict[str, list[list[str]]] = json.loads(manifest_path.read_text("utf-8"))["files"]
    return made


def ensure_peer() -> Path | None:
    exe = PEER_VENV / "bin" / "check-jsonschema"
    if exe.is_file():
        return exe
    say(f"installing the peer: python -m venv {PEER_VENV} && pip install check-jsonschema ...")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True, capture_output=True)
        subprocess.run(
            [str(PEER_VENV / "bin" / "pip"), "install", "-q", "check-jsonschema"],
            check=True,
            capture_output=True,
            timeout=600,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        say(f"  could not install check-jsonschema: {exc}")
        return None
    return exe if exe.is_file() else None


# ------------------------------------------------------------------------------------------- measurements
def measure_floor(files: list[str], data: Path, gc_threshold: int | None = None) -> dict[str, float]:
    """The floor loop; with `gc_threshold`, under the collector threshold hulifa's batches use."""
    load, loader = yaml.load, yaml.CSafeLoader
    saved = gc.get_threshold()
    if gc_threshold:
        gc.set_threshold(gc_threshold, saved[1], saved[2])
    try:
        cpu0, start = time.process_time(), time.perf_counter()
        for rel in files:
            with open(data / rel, "rb") as handle:
                load(handle.read().decode("utf-8"), Loader=loader)
        return {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu0}
    finally:
        gc.set_threshold(*saved)


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    """The round with the least CPU time: other load on a shared machine only ever adds."""
    return dict(min(runs, key=lambda r: r["cpu"]), rounds=[round(r["cpu"], 3) for r in runs])  # type: ignore[arg-type]


def measure_hulifa(data: Path) -> tuple[dict[str, float], dict[str, list[list[str]]], int]:
    pack_start = time.perf_counter()
    pack = load_pack()
    pack_s = time.perf_counter() - pack_start
    found: dict[str, list[list[str]]] = {}
    ok_statuses = OK_STATUSES
    cwd = os.getcwd()
    os.chdir(data)  # display paths relative to the data folder, as in the manifest
    try:
        findings = 0
        cpu0, start = time.process_time(), time.perf_counter()
        for result in iter_check(["."], pack):
            findings += len(result.findings)
            found[result.file] = sorted(
                [f.rule, f.status.value] for f in result.findings if f.status.value not in ok_statuses
            )
        timing = {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu0, "pack_load": pack_s}
    finally:
        os.chdir(cwd)
    return timing, found, findings


def verify(manifest: dict[str, list[list[str]]], found: dict[str, list[list[str]]]) -> tuple[int, int, list[str]]:
    """(planted, planted found, problems)."""
    problems: list[str] = []
    planted = hit = 0
    for rel, expected in manifest.items():
        got = found.get(rel)
        planted += len(expected)
        if got is None:
            problems.append(f"{rel}: not checked at all")
            continue
        remaining = list(got)
        for item in expected:
            if list(item) in remaining:
                remaining.remove(list(item))
                hit += 1
            else:
                problems.append(f"{rel}: planted {item[0]} -> {item[1]} not found")
        for item in remaining:
            problems.append(f"{rel}: unplanted finding {item[0]} -> {item[1]}")
    for rel in set(found) - set(manifest):
        problems.append(f"{rel}: checked but not in the manifest")
    return planted, hit, problems


def measure_peer(exe: Path, files: list[str], data: Path, manifest: dict[str, list[list[str]]]) -> dict[str, Any]:
    schema_path = data.parent / f"{data.name}.peer-schema.json"
    schema_path.write_text(json.dumps(make_schema.build_schema(load_pack()), ensure_ascii=False), "utf-8")
    out = data.parent / f"{data.name}.peer-out.json"
    with out.open("wb") as handle:
        res = run_child(
            [str(exe), "--schemafile", str(schema_path), "--output-format", "json", *files], data, stdout=handle
        )
    flagged: set[str] = set()
    try:
        report = json.loads(out.read_text("utf-8"))
        for error in report.get("errors", []):
            flagged.add(error["filename"])
        parse_errors = len(report.get("parse_errors") or [])
    except (json.JSONDecodeError, OSError):
        parse_errors = -1
    deviant = {rel for rel, items in manifest.items() if items}
    res.update(
        files_flagged=len(flagged),
        files_with_planted=len(deviant),
        planted_files_flagged=len(flagged & deviant),
        parse_errors=parse_errors,
        version=subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.strip(),
    )
    return res


def measure_cold_start(one: Path, runs: int = 20) -> dict[str, Any]:
    """Median start of `hulifa check one.yaml`, two ways.

    As installed here: this environment as it is. An editable install (`pip install -e .`) under
    PYTHONDONTWRITEBYTECODE=1, as on this project's machines, compiles every hulifa module from
    source at every start. With bytecode: as any `pip install .` leaves it, the modules compiled once
    (into a private PYTHONPYCACHEPREFIX, so the source tree is not touched).
    """
    cmd = [*hulifa_cmd(), "check", str(one)]
    walls = [run_child(cmd, one.parent)["wall"] for _ in range(runs)]
    cache = Path(tempfile.mkdtemp(prefix="hulifa-pycache-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    for _ in range(2):  # the first run writes the bytecode
        run_child(cmd, one.parent, env=env)
    compiled = [run_child(cmd, one.parent, env=env)["wall"] for _ in range(runs)]
    shutil.rmtree(cache, ignore_errors=True)
    bare = [run_child([sys.executable, "-c", "pass"], one.parent)["wall"] for _ in range(5)]
    cpus = [run_child(cmd, one.parent)["cpu"] for _ in range(5)]
    best: dict[tuple[int, str], tuple[int, int]] = {}  # (depth, module) -> least (cumulative, self) of 5 runs
    for _ in range(5):  # noisy vCPUs: a module's least time over runs is its cost
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "hulifa.cli", "check", str(one)],
            capture_output=True,
            text=True,
            cwd=one.parent,
        )
        for line in proc.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)", line)
            if m:
                key = ((len(m.group(3)) - 1) // 2, m.group(4))
                cum, own = int(m.group(2)), int(m.group(1))
                old = best.get(key, (cum, own))
                best[key] = (min(old[0], cum), min(old[1], own))
    rows = [(cum, own, depth, name) for (depth, name), (cum, own) in best.items()]
    top_level = sorted((r for r in rows if r[2] == 0), reverse=True)[:10]
    by_self = sorted(rows, key=lambda r: r[1], reverse=True)[:8]
    total_import_us = sum(r[0] for r in rows if r[2] == 0)
    return {
        "median": statistics.median(walls),
        "median_bytecode": statistics.median(compiled),
        "no_bytecode_here": os.environ.get("PYTHONDONTWRITEBYTECODE", "") != "",
        "min": min(walls),
        "cpu_median": statistics.median(cpus),
        "max": max(walls),
        "python_bare": statistics.median(bare),
        "import_total_ms": total_import_us / 1000,
        "top_cumulative": [(name, cum / 1000) for cum, _, _, name in top_level],
        "top_self": [(name, own / 1000) for _, own, _, name in by_self],
    }


# ------------------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2, help="workers for the --jobs comparison (default 2)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: under /tmp, reused)")
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of floor and hulifa (least CPU)")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)

    n = args.count
    data = (args.data or Path(tempfile.gettempdir()) / f"hulifa-bench-n{n}-s{args.seed}").resolve()
    manifest = ensure_data(data, n, args.seed)
    files = sorted(manifest)  # the order hulifa's discovery walks them
    sizes = [(data / rel).stat().st_size for rel in files]
    out_dir = Path(tempfile.mkdtemp(prefix="hulifa-bench-out-"))
    results: dict[str, Any] = {}

    say("=" * 78)
    say("hulifa benchmark: batch check vs the parsing floor vs check-jsonschema")
    say("=" * 78)
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    say(
        f"machine   {cpu_model()}; {os.cpu_count()} logical CPUs ({affinity} usable); "
        f"{platform.system()} {platform.release()}"
    )
    say(f"python    {platform.python_version()} ({platform.python_implementation()}) {sys.executable}")
    say(
        "libraries "
        + ", ".join(f"{p} {pkg(p)}" for p in ("hulifa", "PyYAML", "typer", "click", "rich", "jsonschema"))
        + f"; libyaml {'yes' if yaml.__with_libyaml__ else 'NO'}"
    )
    say(
        f"data      {n} files in {data}, mean {sum(sizes) / len(sizes) / 1024:.1f} KB, "
        f"{sum(len(v) for v in manifest.values())} planted findings"
    )
    results["machine"] = {"cpu": cpu_model(), "cpus": os.cpu_count(), "python": platform.python_version()}

    for rel in files:  # warm the page cache so every contender reads from memory
        (data / rel).read_bytes()

    say(f"\n[1-2/6] floor (read + decode + yaml.load CSafeLoader) and hulifa iter_check, {args.rounds} rounds ...")
    floors, floors_gc, huls = [], [], []
    for _ in range(args.rounds):  # interleaved, so drifting load on the machine hits both alike
        floors.append(measure_floor(files, data))
        floors_gc.append(measure_floor(files, data, BATCH_GC_THRESHOLD))
        hul_run, found, n_findings = measure_hulifa(data)
        huls.append(hul_run)
    floor, floor_gc, hul = best(floors), best(floors_gc), best(huls)
    planted, hit, problems = verify(manifest, found)

    say("[3/6] hulifa CLI end to end: -f json, --jobs 1 and --jobs", args.jobs, "...")
    cli_out1 = out_dir / "jobs1.json"
    cli1 = run_child([*hulifa_cmd(), "check", ".", "-f", "json", "-o", str(cli_out1), "--force", "-j", "1"], data)
    cli_outj = out_dir / f"jobs{args.jobs}.json"
    clij = run_child(
        [*hulifa_cmd(), "check", ".", "-f", "json", "-o", str(cli_outj), "--force", "-j", str(args.jobs)], data
    )
    out_size = cli_out1.stat().st_size if cli_out1.exists() else 0
    same = cli_out1.exists() and cli_outj.exists() and sha256(cli_out1) == sha256(cli_outj)
    for path in (cli_out1, cli_outj):
        path.unlink(missing_ok=True)

    say("[4/6] peak memory of the CLI at 1,000 files ...")
    mem1k = None
    if n > 1000 and (data / "b00").is_dir():
        out1k = out_dir / "1k.json"
        mem1k = run_child([*hulifa_cmd(), "check", "b00", "-f", "json", "-o", str(out1k), "--force"], data)
        out1k.unlink(missing_ok=True)
    elif n == 1000:
        mem1k = cli1

    say("[5/6] peer: check-jsonschema ...")
    peer = None
    exe = None if args.skip_peer else ensure_peer()
    if exe is not None:
        peer = measure_peer(exe, files, data, manifest)

    say("[6/6] cold start: hulifa check one.yaml x20, -X importtime ...")
    cold = measure_cold_start(data / files[0])
    shutil.rmtree(out_dir, ignore_errors=True)

    # ----------------------------------------------------------------------------------- report
    def row(label: str, wall: float, cpu: float | None) -> str:
        cpu_text = f"{cpu:8.1f}" if cpu is not None else "       -"
        return (
            f"  {label:<34}{wall:8.1f} s{cpu_text} s{wall / n * 1000:9.2f} ms{n / wall:9.0f}/s"
            f"{wall / floor['wall']:8.2f}x"
        )

    say("\n" + "-" * 78)
    say(f"RESULTS ({n} files; wall and CPU seconds; one process unless stated)")
    say(f"  {'':<34}{'wall':>10}{'cpu':>10}{'per file':>12}{'rate':>11}{'/floor':>9}")
    say(row("floor  yaml.load CSafeLoader", floor["wall"], floor["cpu"]))
    say(row(f"floor, gc threshold {BATCH_GC_THRESHOLD}", floor_gc["wall"], floor_gc["cpu"]))
    say(row("hulifa iter_check (in process)", hul["wall"], hul["cpu"]))
    say(row("hulifa CLI -f json -j 1", cli1["wall"], cli1["cpu"]))
    say(row(f"hulifa CLI -f json -j {args.jobs}", clij["wall"], clij["cpu"]))
    if peer:
        say(row("peer   check-jsonschema", peer["wall"], peer["cpu"]))
    else:
        say("  peer: unavailable")
    say(
        f"  (pack load, not in the figures above: {hul['pack_load'] * 1000:.0f} ms; "
        f"{n_findings} findings; CLI JSON output {out_size / MiB:.0f} MiB; CLI exit {cli1['rc']})"
    )

    say("\nRATIOS (CPU time decides the targets: wall time on a shared, noisy machine includes other load)")
    ratio_floor = hul["cpu"] / floor["cpu"]
    say(
        f"  hulifa in process / floor            {ratio_floor:6.2f}x cpu  {hul['wall'] / floor['wall']:6.2f}x wall"
        f"   target <= 1.5x   {'MET' if ratio_floor <= 1.5 else 'NOT MET'}"
    )
    say(
        f"  hulifa in process / floor with the same gc threshold  {hul['cpu'] / floor_gc['cpu']:6.2f}x cpu"
        "   (like for like: hulifa raises the threshold during a batch, the floor as defined does not)"
    )
    say(f"  CPU seconds per round: floor {floor['rounds']}, floor+gc {floor_gc['rounds']}, hulifa {hul['rounds']}")
    say(
        f"  hulifa CLI -j 1 / floor              {cli1['cpu'] / floor['cpu']:6.2f}x cpu  "
        f"{cli1['wall'] / floor['wall']:6.2f}x wall"
    )
    if peer:
        ratio_peer = peer["cpu"] / hul["cpu"]
        say(
            f"  peer / hulifa in process             {ratio_peer:6.2f}x cpu  {peer['wall'] / hul['wall']:6.2f}x wall"
            f"   target >= 8x     {'MET' if ratio_peer >= 8 else 'NOT MET'}"
        )
        say(
            f"  peer / hulifa CLI -j 1               {peer['cpu'] / cli1['cpu']:6.2f}x cpu  "
            f"{peer['wall'] / cli1['wall']:6.2f}x wall"
        )
        say(
            f"  peer flagged {peer['planted_files_flagged']} of {peer['files_with_planted']} files with planted "
            f"findings ({peer['files_flagged']} files flagged in all); hulifa found {hit} of {planted} findings"
        )
    speedup = cli1["wall"] / clij["wall"]
    say(
        f"  --jobs {args.jobs} speed-up over --jobs 1      {speedup:6.2f}x   output byte-identical: "
        f"{'yes' if same else 'NO'}   target: identical and >= 1.0x "
        f"{'MET' if same and speedup >= 1.0 else 'NOT MET'}"
    )

    flat = not mem1k or cli1["maxrss_mib"] <= mem1k["maxrss_mib"] * 1.25
    mem_ok = cli1["maxrss_mib"] <= 40 and flat
    say("\nMEMORY (peak RSS of the CLI child, --format json, --jobs 1)")
    if mem1k and mem1k is not cli1:
        say(f"  1,000 files   {mem1k['maxrss_mib']:8.1f} MiB")
    say(
        f"  {n:,} files {cli1['maxrss_mib']:8.1f} MiB   target <= 40 MiB at 10,000 and flat: "
        f"{'MET' if mem_ok else 'NOT MET'}"
    )
    say(f"  --jobs {args.jobs}: {clij['maxrss_mib']:.1f} MiB (largest of the parent and its workers)")

    say("\nCOLD START  hulifa check one.yaml (table to a pipe), 20 runs")
    say(
        f"  with bytecode (as `pip install .` leaves it): median {cold['median_bytecode'] * 1000:.0f} ms   "
        f"target <= 200 ms   {'MET' if cold['median_bytecode'] <= 0.2 else 'NOT MET'}"
    )
    say(
        f"  as installed here{' (PYTHONDONTWRITEBYTECODE set)' if cold['no_bytecode_here'] else ''}: "
        f"median {cold['median'] * 1000:.0f} ms (min {cold['min'] * 1000:.0f}, max {cold['max'] * 1000:.0f}); "
        f"CPU {cold['cpu_median'] * 1000:.0f} ms; bare `python -c pass` {cold['python_bare'] * 1000:.0f} ms   "
        f"{'MET' if cold['median'] <= 0.2 else 'NOT MET'}"
    )
    say(
        f"  -X importtime (least of 5 runs per module): {cold['import_total_ms']:.0f} ms of imports; "
        "top-level, cumulative:"
    )
    for name, ms in cold["top_cumulative"]:
        say(f"    {ms:7.1f} ms  {name}")
    say("  largest self times: " + ", ".join(f"{name} {ms:.1f} ms" for name, ms in cold["top_self"]))

    say("\nPLANTED FINDINGS")
    say(f"  {hit} of {planted} planted findings found; {len(problems)} problems")
    for line in problems[:20]:
        say("   ", line)

    results.update(
        count=n,
        floor=floor,
        floor_same_gc=floor_gc,
        hulifa=hul,
        cli_jobs1={k: v for k, v in cli1.items() if k != "stderr"},
        cli_jobsN={k: v for k, v in clij.items() if k != "stderr"},
        jobs=args.jobs,
        identical=same,
        mem1k=mem1k and {k: v for k, v in mem1k.items() if k != "stderr"},
        peer=peer and {k: v for k, v in peer.items() if k != "stderr"},
        cold=cold,
        planted=planted,
        found=hit,
        problems=len(problems),
        cli_output_bytes=out_size,
    )
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    if cli1["rc"] not in (0, 1):
        say(f"\nCLI failed (exit {cli1['rc']}): {cli1['stderr']}")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
