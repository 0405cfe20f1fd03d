"""`hulifa extract`'s output goes where check's does, through hulifa.checkrun.destinations: `-o -` and
no -o are stdout, a file is written whole, and an output that exists without --force, is a folder or
is one of the files read is refused before any work. A set of commands, each output the same bytes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clihelp import run_cli

HULI = Path(__file__).resolve().parents[1] / "data" / "huli-2024-report.txt"


@pytest.fixture(scope="module")
def draft() -> str:
    run = run_cli("extract", str(HULI))
    assert run.exit_code == 0 and 'region: "湖里区"' in run.stdout
    return run.stdout


def test_stdout_dash_file_and_forced_file_hold_the_same_draft(tmp_path: Path, draft: str) -> None:
    assert run_cli("extract", str(HULI), "-o", "-").stdout == draft
    out = tmp_path / "out.yaml"
    first = run_cli("extract", str(HULI), "-o", str(out))
    assert (first.exit_code, first.stdout) == (0, "") and out.read_text(encoding="utf-8") == draft
    out.write_text("older", encoding="utf-8")
    assert run_cli("extract", str(HULI), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8") == draft
    as_json = tmp_path / "out.json"
    assert run_cli("extract", str(HULI), "-f", "json", "-o", str(as_json)).exit_code == 0
    assert as_json.read_text(encoding="utf-8") == run_cli("extract", str(HULI), "-f", "json").stdout


def test_standard_input_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    def piped(*args: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "hulifa", "extract", "-", "--stdin-filename", "page.txt", *args]
        return subprocess.run(command, input=HULI.read_bytes(), capture_output=True, check=False)

    out = tmp_path / "stdin.yaml"
    to_stdout, to_file = piped("-o", "-"), piped("-o", str(out))
    assert to_stdout.returncode == 0 and to_file.returncode == 0, to_file.stderr
    assert to_file.stdout == b"" and out.read_bytes() == to_stdout.stdout
    assert b"page.txt" in to_stdout.stdout


@pytest.mark.parametrize(
    ("output", "force", "said"),
    [
        ("exists.yaml", False, "file exists; pass --force to overwrite it"),
        ("report.txt", True, "the output is one of the input files; refused even with --force"),
        ("pack.yaml", True, "the output is one of the input files; refused even with --force"),
        ("folder", False, "this is a folder, not a file"),
        ("folder/", True, "this is a folder, not a file"),
    ],
)
def test_an_output_that_cannot_be_written_is_refused_first(tmp_path: Path, output: str, force: bool, said: str) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(HULI.read_bytes())
    (tmp_path / "exists.yaml").write_text("keep me", encoding="utf-8")
    (tmp_path / "pack.yaml").write_text("extends: default\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    target = str(tmp_path / output)
    args = ["extract", str(report), "--rules", str(tmp_path / "pack.yaml"), "-o", target, "--lang", "en"]
    run = run_cli(*args, *(["--force"] if force else []))
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.startswith(f"{target.rstrip('/')}:1:1: {said}"), run.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_folder_that_does_not_exist_cannot_be_written(tmp_path: Path) -> None:
    target = tmp_path / "new" / "out.yaml"
    run = run_cli("extract", str(HULI), "-o", str(target), "--lang", "en")
    assert run.exit_code == 2 and run.stderr.startswith(f"{target}:1:1: cannot write: ")
    assert not target.parent.exists()
