"""Fuzz `hulifa check` for a fixed time budget; exit 1 on the first crash, hang or traceback.

    python tests/hostile/fuzz_check.py --seconds 60 [--seed N] [--timeout 5]

Inputs are hypothesis-generated (mutated reports/huli/2024.yaml, random text and bytes; see mutate.py):
about half keep the example report valid and change its values, so exit 0 and 1 are reached too.
Each runs `check` in a random output format, or `extract` on a mutated report text: .txt (UTF-8 or
GB18030), an HTML page, a .docx with its XML or its archive bytes damaged (mutate.text_inputs), or
one of the sample PDFs damaged (mutate_pdf.pdf_inputs: bytes, objects, xref, Flate streams, /Length,
reference loops, many pages). A PDF is read in a child process (about a second), so one extract in
five is a PDF and the budget stays the same.
Each input runs in-process through hulifa.cli.app; a watchdog turns a hang into a failure. A failing
input is saved to --crash-dir (default: ./fuzz-crashes) so it can be added to tests/hostile/corpus.
"""

from __future__ import annotations

import argparse
import faulthandler
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for `hostile`

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning
from typer.testing import CliRunner

from hostile.mutate import text_inputs, yaml_inputs
from hostile.mutate_pdf import pdf_inputs
from hulifa.cli import app

# Every output format, so a crash in any reporter is found, not only in JSON.
FORMATS = ["json", "table", "junit", "sarif", "github", "markdown", "parsable", "html"]


class Crash(Exception):
    pass


def _stopped_by(exc: BaseException, done: type[BaseException]) -> bool:
    """Whether `exc` is, wraps or arose while handling the harness's own stop signal. Hypothesis
    replays the example that raised it, and when the budget runs out between two draws of that
    example the replay draws less and is reported as FlakyStrategyDefinition, with the stop signal
    as its context: that is the end of the budget, not a crash."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, done):
            return True
        todo += [x for x in (e.__cause__, e.__context__) if x is not None]
        todo += list(getattr(e, "exceptions", []))
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60, help="time budget (default 60)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds one input may take (default 10)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, for a reproducible run")
    parser.add_argument("--crash-dir", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", category=HypothesisWarning)  # a 40 KB report text has a long repr

    work = Path(tempfile.mkdtemp(prefix="hulifa-fuzz-"))
    target = work / "input.yaml"
    text = work / "input.txt"
    runner = CliRunner()
    deadline = time.monotonic() + args.seconds
    stats = {"runs": 0, 0: 0, 1: 0, 2: 0}
    crashes: list[Path] = []  # a crash is a crash even if hypothesis's replay of it ends in the stop signal

    def one(data: bytes, fmt: str, command: str, published: tuple[str, bytes]) -> None:
        target.write_bytes(data)
        argv = ["check", str(target), "--lang", "en", "--format", fmt]
        if command == "extract":  # a published text: extract, then its YAML or JSON
            suffix, data = published
            source = text.with_suffix(suffix)
            source.write_bytes(data)
            argv = ["extract", str(source), "--format", "json" if fmt == "json" else "yaml"]
        # a hang dumps every thread's stack and kills the process: exit code 1 via faulthandler's exit
        faulthandler.dump_traceback_later(args.timeout, exit=True)
        try:
            started = time.monotonic()
            result = runner.invoke(app, argv)
            elapsed = time.monotonic() - started
        finally:
            faulthandler.cancel_dump_traceback_later()
        stats["runs"] += 1
        problem = None
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            problem = "".join(traceback.format_exception(result.exception))
        elif result.exit_code not in (0, 1, 2):
            problem = f"exit code {result.exit_code}"
        elif "Traceback" in result.stderr or "internal error" in result.stderr:
            problem = result.stderr
        elif elapsed > args.timeout:
            problem = f"took {elapsed:.1f} s"
        if problem:
            args.crash_dir.mkdir(parents=True, exist_ok=True)
            saved = args.crash_dir / f"crash-{int(time.time())}{published[0] if command == 'extract' else '.yaml'}"
            saved.write_bytes(data)
            crashes.append(saved)
            raise Crash(f"{problem}\ninput saved to {saved}")
        stats[result.exit_code] += 1
        stats[command] = stats.get(command, 0) + 1
        stats[f"{command} {result.exit_code}"] = stats.get(f"{command} {result.exit_code}", 0) + 1
        if command == "extract" and published[0] == ".pdf":
            stats["pdf"] = stats.get("pdf", 0) + 1
            stats[f"pdf {result.exit_code}"] = stats.get(f"pdf {result.exit_code}", 0) + 1

    class _Done(Exception):
        pass

    # a published text is drawn only for extract: a damaged PDF costs up to a second to build
    pdf = pdf_inputs().map(lambda case: (".pdf", case[1]))
    published = st.sampled_from(["text"] * 4 + ["pdf"]).flatmap(lambda kind: pdf if kind == "pdf" else text_inputs())

    def guarded(data: bytes, fmt: str, command: str, draws: st.DataObject) -> None:
        if time.monotonic() > deadline:
            raise _Done  # hypothesis has no time budget: stop it from inside
        one(data, fmt, command, draws.draw(published) if command == "extract" else (".txt", b""))

    test = settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate],  # no shrinking: the raw input is saved as it was
    )(given(yaml_inputs, st.sampled_from(FORMATS), st.sampled_from(["check"] * 4 + ["extract"]), st.data())(guarded))
    if args.seed is not None:
        test = seed(args.seed)(test)
    try:
        test()
    except _Done:
        pass
    except Crash as crash:
        print(f"hulifa fuzz: CRASH after {stats['runs']} inputs\n{crash}", file=sys.stderr)
        return 1
    except BaseException as exc:  # hypothesis wraps the first failure; anything else is a crash too
        if isinstance(exc, KeyboardInterrupt):
            raise
        if _stopped_by(exc, _Done) and not crashes:
            pass
        else:
            print(f"hulifa fuzz: CRASH after {stats['runs']} inputs", file=sys.stderr)
            traceback.print_exception(exc)
            return 1
    print(
        f"hulifa fuzz: {stats['runs']} inputs in {args.seconds:.0f} s, no crash "
        f"(exit 0: {stats[0]}, 1: {stats[1]}, 2: {stats[2]}; check {stats.get('check', 0)}, "
        f"extract {stats.get('extract', 0)}: exit 0 {stats.get('extract 0', 0)}, 2 {stats.get('extract 2', 0)}; "
        f"of them PDF {stats.get('pdf', 0)}: exit 0 {stats.get('pdf 0', 0)}, 2 {stats.get('pdf 2', 0)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
