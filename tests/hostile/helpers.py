"""Helpers for the hostile-input suite: run the CLI in-process and in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from hulifa.cli import app

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
ROOT = HERE.parent.parent
EXAMPLE = ROOT / "reports" / "huli" / "2024.yaml"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """`hulifa ARGS` in-process; any exception other than a clean exit fails the test."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"exception escaped: {result.exception!r}\n{result.output}") from result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, timeout: float = 60, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """`python -m hulifa.cli ARGS` in a subprocess, so a crash (SIGSEGV) or a hang fails one test, not the run."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "hulifa.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=full_env,
        cwd=cwd,
    )
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}\n{proc.stderr[-2000:]}"
    return Run(proc.returncode, proc.stdout, proc.stderr)
