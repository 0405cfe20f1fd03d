"""`hulifa check` as one pipeline: the library and the CLI agree, errors are said once, -q and -v."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import hulifa
from clihelp import MINIMAL, run_cli
from hulifa.model import Severity
from hulifa.reporters import junit, sarif


def _batch(write) -> Path:  # type: ignore[no-untyped-def]
    write("reports/a/2024.yaml", MINIMAL.replace("测试区", "甲区") + "  出庭应诉率: 100%\n")
    write("reports/b/2024.yaml", MINIMAL.replace("测试区", "乙区") + "  出庭应诉率: 80%\n")
    write("reports/c/2024.yaml", "region: 丙区\n  bad: [\n")
    deviations = "deviations:\n  - {rule: x, reason: y, approved_by: z, expires: 2030-01-01}\n"
    return Path(write("reports/deviations.yaml", deviations)).parent


@pytest.mark.parametrize(
    ("extra", "fail_on"),
    [
        ("  出庭应诉率: 100%\n", "error"),
        ("  出庭应诉率: 80%\n", "warning"),
        ("  出庭应诉率: 80%\n", "never"),
        ("", "info"),
    ],
)
def test_library_and_cli_share_one_exit_code(write, extra: str, fail_on: str) -> None:  # type: ignore[no-untyped-def]
    path = write("r.yaml", MINIMAL + extra)
    threshold = None if fail_on == "never" else Severity(fail_on)
    assert run_cli("check", str(path), "--fail-on", fail_on).exit_code == hulifa.check(str(path)).exit_code(threshold)


def test_a_batch_with_a_broken_file_exits_2_in_library_and_cli(write) -> None:  # type: ignore[no-untyped-def]
    folder = _batch(write)
    assert hulifa.check(str(folder)).exit_code(Severity.ERROR) == 2
    assert run_cli("check", str(folder), "-f", "sarif").exit_code == 2


def test_an_unchecked_file_is_said_once_on_stderr(write) -> None:  # type: ignore[no-untyped-def]
    folder = _batch(write)
    run = run_cli("check", str(folder))
    reason = [line for line in run.stderr.splitlines() if "c/2024.yaml:" in line]
    assert len(reason) == 1, run.stderr
    detail = reason[0].split(": ", 1)[1]
    assert detail not in run.stdout  # the table does not repeat the error …
    assert "c/2024.yaml: 无法检查,原因见标准错误输出" in run.stdout  # … it points at it
    # machine formats keep their error record: it is part of the document
    data = json.loads(run_cli("check", str(folder), "-f", "json").stdout)
    assert [r["checked"] for r in data["reports"]] == [True, True, False]


def test_quiet_prints_only_errors_and_the_verdict(write) -> None:  # type: ignore[no-untyped-def]
    folder = _batch(write)
    loud = run_cli("check", str(folder))
    assert "deviations.yaml" in loud.stderr  # the skipped deviations file is named …
    quiet = run_cli("check", str(folder), "-q")
    assert quiet.exit_code == loud.exit_code == 2
    assert "deviations.yaml" not in quiet.stderr  # … but not with -q
    assert [line for line in quiet.stderr.splitlines() if "c/2024.yaml:" in line]  # errors stay
    assert quiet.stdout.strip() == loud.stdout.strip().splitlines()[-1]  # the verdict line alone
    assert quiet.stdout.startswith("检查 3 份报告")


def test_verbose_says_what_was_read(write) -> None:  # type: ignore[no-untyped-def]
    folder = _batch(write)
    run = run_cli("check", str(folder), "-v", "-f", "json")
    assert "hulifa: 规则包:default" in run.stderr and "rule pack" not in run.stderr
    assert "a/2024.yaml: 已检查(甲区 2024 district" in run.stderr
    english = run_cli("check", str(folder), "-v", "-f", "json", "--lang", "en").stderr
    assert "hulifa: rule pack: default" in english and "a/2024.yaml: checked (甲区 2024 district" in english
    assert "规则包" not in english
    assert "deviations.yaml" in run.stderr  # what was skipped, as without -v
    assert json.loads(run.stdout)["reports"]  # stdout is the document alone
    both = run_cli("check", str(folder), "-q", "-v")
    assert both.exit_code == 2 and "--quiet" in both.stderr


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_streamed_documents_equal_the_whole_run_rendered(write, fmt: str) -> None:  # type: ignore[no-untyped-def]
    folder = _batch(write)
    result = hulifa.check(str(folder))
    whole = sarif.render(result) if fmt == "sarif" else junit.render(result, "zh", Severity.ERROR)
    assert run_cli("check", str(folder), "-f", fmt).stdout == whole
