"""CI as users wire it: the GitHub Action's script step and the GitLab template's script, run here
as the runners would run them, and the pre-commit hook over staged files (its command, and the real
`pre-commit try-repo`)."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from clihelp import HULI_DATA, ROOT

BIN = str(Path(sys.executable).parent)  # where this environment's `hulifa` is
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "reports" / "huli").mkdir(parents=True)
    shutil.copy(HULI_DATA, tmp_path / "reports" / "huli" / "2024.yaml")
    (tmp_path / "reports" / "deviations.yaml").write_text(
        "deviations:\n  - {rule: x, reason: r, approved_by: 局, expires: 2030-01-01}\n", encoding="utf-8"
    )
    return tmp_path


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"], "NO_COLOR": "1", **extra}


@needs_bash
def test_github_action_script_step(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert "${{ github.action_path }}" in install["run"]  # installs its own checkout, no placeholder URL
    check = next(s for s in steps if s.get("id") == "check")
    assert "ci/hulifa-action.sh" in check["run"]
    assert any("upload-sarif" in s.get("uses", "") for s in steps)
    work = _workspace(tmp_path)
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs.txt"
    env = _env(
        HULIFA_PATH="reports/", HULIFA_ARGS="--lang en", HULIFA_SARIF="hulifa.sarif",
        GITHUB_STEP_SUMMARY=str(summary), GITHUB_OUTPUT=str(outputs), GITHUB_ACTIONS="true",
    )  # fmt: skip
    run = subprocess.run(
        ["bash", str(ROOT / "ci" / "hulifa-action.sh")], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1, run.stderr  # the Huli data's own finding; the deviations file skipped
    assert "::error file=reports/huli/2024.yaml" in run.stdout
    assert "deviations.yaml: skipped" in run.stderr
    sarif = json.loads((work / "hulifa.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"]
    assert summary.read_text(encoding="utf-8").strip()
    assert "exit-code=1" in outputs.read_text(encoding="utf-8").splitlines()


@needs_bash
def test_gitlab_template_script(tmp_path: Path) -> None:
    template = yaml.safe_load((ROOT / "ci" / "gitlab-hulifa.yml").read_text(encoding="utf-8"))
    job = template["hulifa"]
    reports = job["artifacts"]["reports"]
    work = _workspace(tmp_path)
    env = _env(**{**job["variables"], "HULIFA_PATH": "reports/", "HULIFA_INSTALL": str(ROOT)})
    for line in job["script"]:  # before_script installs hulifa: this environment already has it
        run = subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, run.stderr
    quality = json.loads((work / reports["codequality"]).read_text(encoding="utf-8"))
    assert quality and {"description", "check_name", "fingerprint", "severity", "location"} <= set(quality[0])
    assert len({issue["fingerprint"] for issue in quality}) == len(quality)
    assert {issue["severity"] for issue in quality} <= {"info", "minor", "major", "critical", "blocker"}
    assert all(issue["location"]["path"] == "reports/huli/2024.yaml" for issue in quality)
    junit = ET.parse(work / reports["junit"]).getroot()
    assert junit.get("failures") != "0"
    # an empty HULIFA_INSTALL stops the job with a message, not a pip error
    guard = job["before_script"][0]
    run = subprocess.run(["bash", "-c", guard], env={**env, "HULIFA_INSTALL": ""}, capture_output=True, text=True)
    assert run.returncode == 2 and "HULIFA_INSTALL" in run.stdout


def test_precommit_hook_command_with_staged_files_and_config(tmp_path: Path) -> None:
    """pre-commit runs `entry args FILES…` in the repository's top folder: the hook's command, run
    directly and quickly (the real `pre-commit try-repo` is the next test)."""
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    work = _workspace(tmp_path)
    staged = ["reports/huli/2024.yaml", "reports/deviations.yaml"]
    command = [*shlex.split(hook["entry"]), *hook["args"], *staged]
    run = subprocess.run(command, cwd=work, env=_env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr  # the report's finding; the deviations file is skipped
    assert "reports/deviations.yaml: 已跳过" in run.stderr and "reports/huli/2024.yaml:" in run.stdout
    (work / "hulifa.toml").write_text('fail-on = "never"\n', encoding="utf-8")  # the office's settings
    run = subprocess.run(command, cwd=work, env=_env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    only_deviations = subprocess.run(
        [*command[: -len(staged)], "reports/deviations.yaml"], cwd=work, env=_env(), capture_output=True, text=True
    )
    assert only_deviations.returncode == 0, only_deviations.stderr


def _pre_commit() -> str:
    found = shutil.which("pre-commit", path=BIN) or shutil.which("pre-commit")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("pre-commit is not installed under CI: `pip install -e '.[test]'` should have installed it")
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    return found


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="pre-commit try-repo needs this project as a git repository")
def test_precommit_try_repo_real(tmp_path: Path) -> None:
    """The real `pre-commit try-repo`: pre-commit clones this repository, builds the hook's own
    environment with pip, and runs the hook on the staged files of an office's repository."""
    pre_commit = _pre_commit()
    work = _workspace(tmp_path / "office")
    env = _env(
        PRE_COMMIT_HOME=str(tmp_path / "cache"),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@t",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@t",
    )
    subprocess.run(["git", "init", "-q"], cwd=work, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=work, check=True, env=env)

    def try_repo() -> subprocess.CompletedProcess[str]:
        command = [pre_commit, "try-repo", str(ROOT), "hulifa-check", "--verbose"]
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=600)

    run = try_repo()
    if "An unexpected error has occurred" in run.stdout + run.stderr and "pip" in run.stdout + run.stderr:
        # Building the hook's environment needs a package index; where there is none, this cannot run.
        pytest.skip("pre-commit could not build the hook's environment (no package index?):\n" + run.stdout[-2000:])
    assert run.returncode == 1, run.stdout + run.stderr  # the Huli report has warnings and an error
    assert "reports/huli/2024.yaml:18:" in run.stdout  # findings point at the staged file's lines
    assert "reports/deviations.yaml: 已跳过" in run.stdout  # the office's own deviations file is not an error
    (work / "hulifa.toml").write_text('fail-on = "never"\n', encoding="utf-8")  # the office's settings
    subprocess.run(["git", "add", "hulifa.toml"], cwd=work, check=True, env=env)
    run = try_repo()
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
