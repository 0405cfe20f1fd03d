"""benchmarks/instructions.py: the per-report slope and the ratios it prints, from counts given by a
stand-in for callgrind (the real counts need valgrind and minutes; the script is run by hand)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clihelp import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import instructions


def test_the_table_sets_each_further_report_against_the_floor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # floor: 100M to start, 10M a report; parsable: 300M to start, 15M a report
    costs = {"floor": (100e6, 10e6), "parsable": (300e6, 15e6)}

    def fake_count(job: instructions.Job, cwd: object, env: object) -> int:
        start, each = costs[job.name]
        return int(start + (job.size - 1) * each)

    monkeypatch.setattr(instructions, "count", fake_count)
    monkeypatch.setattr(instructions, "installed_copy", lambda: [sys.executable, "-m", "hulifa"])
    monkeypatch.setattr(instructions.shutil, "which", lambda name: "/usr/bin/" + name)
    assert instructions.main(["3", "--formats", "parsable", "--data-root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| floor | 100 | 10.00 | 1.00x | 1.00x |" in out
    # 15M against 10M a report; at 10k: (300M + 9,999 x 15M) / (100M + 9,999 x 10M)
    assert f"| parsable | 300 | 15.00 | 1.50x | {(300e6 + 9999 * 15e6) / (100e6 + 9999 * 10e6):.2f}x |" in out


def test_a_machine_without_valgrind_is_told_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(instructions.shutil, "which", lambda name: None)
    with pytest.raises(SystemExit) as stop:
        instructions.main(["3"])
    assert stop.value.code == 2
