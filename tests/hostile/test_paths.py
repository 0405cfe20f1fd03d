"""Bad paths: a directory, a missing file, no permission, symlink loops, dangling links, looping globs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hostile.helpers import EXAMPLE, run_cli, run_process


def test_empty_directory(tmp_path: Path) -> None:
    run = run_cli("check", str(tmp_path), "--lang", "en")
    assert run.exit_code == 2
    assert f"{tmp_path}:1:1: no report-data files" in run.stderr


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    run = run_cli("check", str(missing), "--lang", "en")
    assert run.exit_code == 2
    assert f"{missing}:1:1: no such file" in run.stderr


def test_unmatched_glob(tmp_path: Path) -> None:
    run = run_cli("check", str(tmp_path / "*.yaml"), "--lang", "en")
    assert run.exit_code == 2 and "no file matches this pattern" in run.stderr


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    shutil.copy(EXAMPLE, path)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("permissions are not enforced for this user (root)")
        run = run_cli("check", str(path), "--lang", "en")
        assert run.exit_code == 2
        assert f"{path}:1:1: permission denied" in run.stderr
    finally:
        path.chmod(0o644)


def test_symlink_loop_as_input(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    run = run_cli("check", str(a), "--lang", "en")
    assert run.exit_code == 2
    assert f"{a}:1:1: cannot read file" in run.stderr


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.yaml"
    link.symlink_to(tmp_path / "never-there.yaml")
    run = run_cli("check", str(link), "--lang", "en")
    assert run.exit_code == 2
    assert f"{link}:1:1: no such file" in run.stderr


def test_directory_with_links_and_a_good_file(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "good.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "sub").symlink_to(tmp_path)  # a folder loop: not followed
    run = run_process("check", str(tmp_path), "--lang", "en", "--format", "parsable", timeout=30)
    assert run.exit_code == 2  # the loop could not be checked ...
    assert "loop.yaml:1:1: cannot read file" in run.stderr
    assert "good.yaml:7:1:" in run.stdout  # ... but the good file was
    assert run.stdout.count("good.yaml:7:1: [warning]") == 1  # once, not once per link


def test_glob_through_symlink_loops_does_not_hang(tmp_path: Path) -> None:
    # glob.glob("**", recursive=True) follows links: two links back to the folder made it walk
    # 2**40 paths (a hang). Now the glob does not follow symlinked folders.
    shutil.copy(EXAMPLE, tmp_path / "r.yaml")
    (tmp_path / "a").symlink_to(".")
    (tmp_path / "b").symlink_to(".")
    run = run_process("check", "**/*.yaml", "--format", "parsable", timeout=30, cwd=tmp_path)
    assert run.exit_code == 1, run.output
    assert run.stdout.count("r.yaml:7:1: [warning]") == 1
    run = run_process("check", "**/*.yml", "--lang", "en", timeout=30, cwd=tmp_path)
    assert run.exit_code == 2 and "no file matches" in run.stderr


def test_glob_still_finds_nested_files(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    shutil.copy(EXAMPLE, tmp_path / "x" / "y" / "r.yaml")
    shutil.copy(EXAMPLE, tmp_path / "x" / ".hidden.yaml")
    run = run_cli("check", f"{tmp_path}/**/*.yaml", "--format", "parsable")
    assert run.exit_code == 1
    assert f"{tmp_path}/x/y/r.yaml:7:1:" in run.stdout
    assert ".hidden.yaml" not in run.output
