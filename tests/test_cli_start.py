"""The start-up path: `hulifa COMMAND` builds only that command, with the same behaviour."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from clihelp import HULI_DATA
from hulifa.cli import app, lean


def invoke(target: object, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(target, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})  # type: ignore[arg-type]
    return result.exit_code, result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(HULI_DATA), "-f", "parsable"),
        ("check", str(HULI_DATA), "--lang", "en", "--fail-on", "never"),
        ("check", "--help"),
        ("check", "--no-such-option"),
        ("schema", "--help"),
    ],
)
def test_the_lean_app_answers_as_the_whole_one(args: tuple[str, ...]) -> None:
    only = lean(list(args))
    assert only is not app and len(only.registered_commands) == 1
    assert invoke(only, *args) == invoke(app, *args)


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chek", "x.yaml"], ["rules", "list"]])
def test_anything_else_gets_the_whole_app(args: list[str]) -> None:
    assert lean(args) is app


def test_shell_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_HULIFA_COMPLETE", "bash_complete")
    assert lean(["check"]) is app
