"""--jobs 0: the cores free now, never fewer than one, never more than this process may use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hulifa.cli import jobs


@pytest.mark.parametrize(
    ("cores", "load", "workers"),
    [
        (2, 0.0, 2),  # an idle machine: every core
        (2, 0.4, 2),
        (2, 0.6, 1),  # one core mostly busy: a second worker would only compete with it
        (2, 5.0, 1),  # overloaded: still one
        (8, 3.2, 5),
        (1, 0.0, 1),
        (4, 0.0, 4),  # never more than the usable cores, however idle
    ],
)
def test_workers_are_the_free_cores(cores: int, load: float, workers: int) -> None:
    assert jobs.workers_for(cores, load) == workers


def test_the_machine_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs.os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(jobs.os, "getloadavg", lambda: (1.2, 0.0, 0.0), raising=False)
    assert jobs.usable_cores() == 3
    assert jobs.auto_jobs() == 2


def test_jobs_zero_checks_like_one_job(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        shutil.copy(HULI_DATA, tmp_path / name)
    monkeypatch.setattr(jobs, "auto_jobs", lambda: 2)
    args = ("check", str(tmp_path), "-f", "parsable", "--fail-on", "never", "--isolated")
    serial, parallel = run_cli(*args, "-j", "1"), run_cli(*args, "-j", "0")
    assert serial.exit_code == parallel.exit_code == 0
    assert parallel.stdout == serial.stdout
    assert serial.stdout.count("a.yaml:") == serial.stdout.count("c.yaml:") > 0


def test_help_says_when_jobs_help() -> None:
    text = " ".join(run_cli("check", "--help", "--lang", "en").stdout.split())
    assert "the cores free now" in text and "Faster only when a core is idle" in text
    assert "当前空闲的核心数" in run_cli("check", "--help").stdout  # Chinese by default


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 generated reports (over the 20 shown in full), missing and falling short in varied ways."""
    import sys

    from clihelp import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    folder = tmp_path_factory.mktemp("batch")
    generate.generate(folder, 30, 2024)
    return folder


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_batch_table_is_the_same_from_workers(batch: Path, lang: str) -> None:
    """Past 20 reports the table shows only its summary, whose rows workers make and send instead of
    each whole result: the same summary, most-missed ranking and verdict as one job, also when a
    file format needs every whole result in the parent too."""
    args = ("check", str(batch), "--fail-on", "never", "--isolated", "--lang", lang, "--today", "2025-06-01")
    serial, parallel = run_cli(*args), run_cli(*args, "-j", "2")
    assert serial.exit_code == parallel.exit_code == 0
    assert parallel.stdout == serial.stdout
    ranking = "最常缺失或未达标的指标" if lang == "zh" else "Most-missed indicators"
    assert serial.stdout.count(".yaml") == 30 and ranking in serial.stdout
    # junit is a writer: every whole result crosses to the parent as well as the table's rows
    junit = batch.parent / f"{batch.name}-{lang}.xml"
    both = run_cli(*args, "-j", "2", "-f", "table", "-f", "junit", "-o", f"junit={junit}")
    assert both.stdout == serial.stdout and junit.is_file()


def test_a_detailed_batch_table_is_the_same_from_workers(batch: Path) -> None:
    args = ("check", str(batch), "--details", "--fail-on", "never", "--isolated", "--today", "2025-06-01")
    serial, parallel = run_cli(*args), run_cli(*args, "-j", "2")
    assert parallel.stdout == serial.stdout and serial.stdout.count("000") > 30
