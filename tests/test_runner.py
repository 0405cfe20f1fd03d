"""runner: batches through the library API."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clihelp import HULI_DATA
from hulifa.model import Finding, Position, Severity, Status, Subject
from hulifa.rulepack import load_pack
from hulifa.runner import BATCH_GC_THRESHOLD, _merged, check_paths, iter_check


def test_a_batch_raises_the_collector_threshold_only_while_it_runs(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(HULI_DATA, tmp_path / name)
    before = gc.get_threshold()
    seen = [gc.get_threshold()[0] for _ in iter_check([str(tmp_path)], load_pack())]
    assert seen == [max(before[0], BATCH_GC_THRESHOLD)] * 2
    assert gc.get_threshold() == before
    # a consumer that stops early gets the thresholds back when the generator is closed
    batch = iter_check([str(tmp_path)], load_pack())
    next(batch)
    batch.close()
    assert gc.get_threshold() == before


def test_one_file_leaves_the_collector_alone() -> None:
    before = gc.get_threshold()
    assert [gc.get_threshold() for _ in iter_check([str(HULI_DATA)], load_pack())] == [before]


def _worker_state() -> tuple[bool, int]:
    """In a --jobs worker: whether a collection can reach the worker's pack, and the first threshold."""
    from hulifa import runner

    assert runner._worker_pack is not None
    walked = {id(o) for o in gc.get_objects()}  # every generation but the frozen objects
    return id(runner._worker_pack.rules) in walked, gc.get_threshold()[0]


def test_a_worker_freezes_the_pack_it_loads() -> None:
    """A worker loads its own pack, which lives as long as the worker: frozen, no collection walks it."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from hulifa.runner import _init_worker

    with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(None, os.getpid())) as pool:
        walked, threshold = pool.submit(_worker_state).result()
    assert not walked
    assert threshold >= BATCH_GC_THRESHOLD


_POSITIONS = st.builds(
    Position, st.sampled_from(["a.yaml", "b.yaml"]), st.integers(1, 4), st.integers(1, 3), st.integers(0, 1)
)
_FINDINGS = st.builds(
    lambda rule, status, at: Finding(rule, Subject(rule, rule), status, Severity.NONE, at, "note.level_guess"),
    st.sampled_from(["a", "b", "hulifa.level"]),
    st.sampled_from(list(Status)),
    _POSITIONS,
)


@given(st.lists(_FINDINGS, max_size=12), st.lists(_FINDINGS, max_size=4))
def test_notes_go_where_sorting_everything_puts_them(findings: list[Finding], notes: list[Finding]) -> None:
    """check_file adds its notes to findings already in order: the same order, ties and all, as sorting
    the findings with the notes after them."""
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    merged = _merged(ordered, notes)
    assert [id(f) for f in merged] == [id(f) for f in sorted((*ordered, *notes), key=Finding.sort_key)]


# ----------------------------------------------------------------------------- a published report under a name
# that says nothing of it


_PDF = Path(__file__).resolve().parent / "extract" / "samples" / "pdf-huli" / "input.pdf"


@pytest.mark.parametrize("name", ["download.do", "2503281530", "report.bin"])
def test_a_pdf_under_a_name_that_says_nothing_is_checked_as_a_pdf(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(_PDF.read_bytes())
    result = check_paths([str(path)])
    (report,) = result.reports
    assert report.checked and report.region == "湖里区"
    assert any(f.position.page for f in report.findings)  # positions page:line, as a .pdf gets


def test_an_unnamed_pipe_holding_a_pdf_is_checked_as_a_pdf() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "hulifa", "check", "-", "-f", "parsable", "--fail-on", "never"],
        input=_PDF.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.startswith(b"-:p")


def test_a_word_97_file_under_a_name_that_says_nothing_is_refused_saying_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "attachment.bin"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (report,) = check_paths([str(path)]).reports
    assert not report.checked
    assert report.findings[0].message == "input.form.ole"


def test_report_data_under_a_name_that_says_nothing_is_still_report_data(tmp_path: Path) -> None:
    path = tmp_path / "2024.txt.bak"
    path.write_text("region: 湖里区\nlevel: district\nyear: 2024\n", encoding="utf-8")
    (report,) = check_paths([str(path)]).reports
    assert report.checked and report.region == "湖里区"


def _previous_cases(tmp_path: Path) -> dict[str, list[str]]:
    """Inputs that --previous is refused with, each holding one report or more."""
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(HULI_DATA, folder / "2024.yaml")
    shutil.copy(HULI_DATA, tmp_path / "b.yaml")
    return {
        "two files": [str(folder / "2024.yaml"), str(tmp_path / "b.yaml")],
        "a folder of one report": [str(folder)],
        "a pattern matching one report": [str(folder / "*.yaml")],
    }


@pytest.mark.parametrize("case", ["two files", "a folder of one report", "a pattern matching one report"])
def test_previous_with_more_than_one_named_report_is_refused_alike(tmp_path: Path, case: str) -> None:
    """The command line and the library refuse --previous with the same rule and the same words,
    the command line before any file is read (no output is made)."""
    from clihelp import run_cli
    from hulifa.errors import InputError

    inputs = _previous_cases(tmp_path)[case]
    out = tmp_path / "out.json"
    run = run_cli("check", *inputs, "--previous", str(HULI_DATA), "-o", str(out), "--isolated")
    assert run.exit_code == 2 and not out.exists()
    assert run.stderr.splitlines() == [
        "hulifa: --previous 只能配合单个输入文件",
        "        --previous goes with a single input file only",
    ]
    with pytest.raises(InputError) as refused:
        check_paths(inputs, previous=str(HULI_DATA))
    assert refused.value.message_id == "option.previous_single"
    assert refused.value.render("en") == f"{HULI_DATA}:1:1: --previous goes with a single input file only"


def test_previous_with_one_named_report_or_stdin_is_taken(tmp_path: Path) -> None:
    from clihelp import run_cli

    one = check_paths([str(HULI_DATA)], previous=str(HULI_DATA))
    assert len(one.reports) == 1
    piped = subprocess.run(
        [sys.executable, "-m", "hulifa", "check", "-", "--previous", str(HULI_DATA), "--isolated", "-f", "json"],
        input=HULI_DATA.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert piped.returncode in (0, 1), piped.stderr
    assert run_cli("check", str(HULI_DATA), "--previous", str(HULI_DATA), "--isolated").exit_code in (0, 1)
