"""The shipped pre-commit hook: well formed, matches report files, and its command works."""

from __future__ import annotations

import re
import shlex

import yaml

from clihelp import HULI_DATA, ROOT, run_cli


def test_hook_definition_runs_the_checker() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    for key in ("id", "name", "entry", "language"):
        assert hook[key], key
    assert hook["language"] == "python"  # pre-commit installs this repository as a package
    assert re.search(hook["files"], "reports/huli/2024.yaml")
    assert not re.search(hook["files"], "src/hulifa/cli.py")
    program, *args = shlex.split(hook["entry"])
    assert program == "hulifa"
    # pre-commit appends the staged file names to entry + args
    run = run_cli(*args, *hook.get("args", []), str(HULI_DATA))
    assert run.exit_code == 1  # the Huli data lacks the causes of its shortcomings
    assert "part_shortcomings_causes" in run.stdout and run.stdout.count("\n") > 5
