"""Shared test helpers: run the real CLI in-process, paths of the bundled data. Import as `clihelp`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.core import TyperGroup
from typer.main import get_command
from typer.testing import CliRunner

from hulifa.cli import app

ROOT = Path(__file__).resolve().parent.parent
HULI_DATA = ROOT / "reports" / "huli" / "2024.yaml"
HULI_TEXT = ROOT / "tests" / "data" / "huli-2024-report.txt"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """Invoke `hulifa ARGS` the way a user would, without a subprocess."""
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "200", **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback would have reached the user: fail loudly
    return Run(result.exit_code, result.stdout, result.stderr)


MINIMAL = """\
region: 测试区
level: district
year: 2024
sections: [measures, shortcomings, causes, first_responsible, next_year]
indicators:
"""


def help_screens() -> list[tuple[list[str], Any]]:
    """Every command with a --help of its own, the app's and each group's too: its path and its click command."""
    found: list[tuple[list[str], Any]] = []

    def walk(command: Any, path: list[str]) -> None:
        found.append((path, command))
        if isinstance(command, TyperGroup):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])

    walk(get_command(app), [])
    return found
