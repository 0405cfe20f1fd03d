"""benchmarks/instructions.py: the per-report slope and the ratios it prints, from counts given by a
stand-in for callgrind (the real counts need valgrind and minutes; the script is run by hand)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from clihelp import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import instructions


def test_the_table_sets_each_further_report_against_the_floor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # floor: 100M to start, 10M a report, 1K L2 misses a report; parsable: 300M, 15M, 12.5K
    costs = {"floor": (100e6, 10e6, 1e3), "parsable": (300e6, 15e6, 12.5e3)}

    def fake_count(job: instructions.Job, cwd: object, env: object, cache: bool = False) -> tuple[int, int]:
        start, each, misses = costs[job.name]
        return int(start + (job.size - 1) * each), int(800e3 + (job.size - 1) * misses) if cache else 0

    monkeypatch.setattr(instructions, "count", fake_count)
    monkeypatch.setattr(instructions, "installed_copy", lambda: [sys.executable, "-m", "hulifa"])
    monkeypatch.setattr(instructions.shutil, "which", lambda name: "/usr/bin/" + name)
    assert instructions.main(["3", "--formats", "parsable", "--data-root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| floor | 100 | 10.00 | 1.00x | 1.00x |\n" in out
    # 15M against 10M a report; at 10k: (300M + 9,999 x 15M) / (100M + 9,999 x 10M)
    assert f"| parsable | 300 | 15.00 | 1.50x | {(300e6 + 9999 * 15e6) / (100e6 + 9999 * 10e6):.2f}x |\n" in out
    # with --cache, each further report's L2 misses beside them
    assert instructions.main(["3", "--formats", "parsable", "--data-root", str(tmp_path), "--cache"]) == 0
    out = capsys.readouterr().out
    assert "| floor | 100 | 10.00 | 1.00x | 1.00x | 1.0 | 1.0x |\n" in out
    assert re.search(r"^\| parsable \| 300 \| 15\.00 \| 1\.50x \| [\d.]+x \| 12\.5 \| 12\.5x \|$", out, re.MULTILINE)


def test_cachegrind_gives_the_instructions_and_the_l2_misses(monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[list[str]] = []

    def fake_run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        said.append(cmd)
        stderr = (
            "==7== I   refs:      3,234,199,746\n==7== D1  misses:  30,581,595  ( 26,722,415 rd + 3,859,180 wr)\n"
            "==7== LL misses:         5,000,286  (  3,933,988 rd   +   1,066,298 wr)\n"
            if "--tool=cachegrind" in cmd
            else "==7== Events    : Ir\n==7== Collected : 519940015\n"
        )
        return subprocess.CompletedProcess(cmd, 0, "", stderr)

    monkeypatch.setattr(instructions.subprocess, "run", fake_run)
    job = instructions.Job("json", 200, ("hulifa", "check", "b00"))
    assert instructions.count(job, Path("."), {}, cache=True) == (3_234_199_746, 5_000_286)
    assert "--LL=1048576,8,64" in said[-1] and said[-1][-3:] == ["hulifa", "check", "b00"]
    assert instructions.count(job, Path("."), {}) == (519_940_015, 0)


def test_a_machine_without_valgrind_is_told_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(instructions.shutil, "which", lambda name: None)
    with pytest.raises(SystemExit) as stop:
        instructions.main(["3"])
    assert stop.value.code == 2


def test_the_slope_starts_once_the_first_reports_have_warmed_what_later_ones_reuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # parsable's first 9 further reports cost 5M more each (memos filling), then 12M a report like any
    costs = {"floor": (100e6, 10e6, 0.0), "parsable": (300e6, 12e6, 5e6)}
    sizes: list[int] = []
    seeds: set[str] = set()

    def fake_count(job: instructions.Job, cwd: object, env: dict[str, str], cache: bool = False) -> tuple[int, int]:
        start, each, warming = costs[job.name]
        sizes.append(job.size)
        seeds.add(env.get("PYTHONHASHSEED", "random"))
        return int(start + (job.size - 1) * each + min(job.size - 1, 9) * warming), 0

    monkeypatch.setattr(instructions, "count", fake_count)
    monkeypatch.setattr(instructions, "installed_copy", lambda: [sys.executable, "-m", "hulifa"])
    monkeypatch.setattr(instructions.shutil, "which", lambda name: "/usr/bin/" + name)
    assert instructions.main(["30", "--formats", "parsable", "--data-root", str(tmp_path)]) == 0
    assert sorted(set(sizes)) == [1, 10, 30]  # one report, M = N / 3, N
    assert seeds == {"0"}  # one hash seed: a count repeats to the instruction
    out = capsys.readouterr().out
    assert "| parsable | 300 | 12.00 | 1.20x |" in out  # from 10 to 30: the warm cost alone
    assert instructions.main(["30", "--warm", "1", "--formats", "parsable", "--data-root", str(tmp_path)]) == 0
    assert f"| parsable | 300 | {(12e6 + 9 * 5e6 / 29) / 1e6:.2f} |" in capsys.readouterr().out  # from 1: warm-up in it
