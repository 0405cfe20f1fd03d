"""Data is printed as data: rich markup stays literal, escape sequences never reach the terminal,
control characters never break XML, JSON never carries NaN."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest

from hostile.helpers import run_cli

HOSTILE = """\
region: "湖里[bold red]x[/]\\e[2J"
level: district
year: 2024
indicators:
  ar_case_count: "[link=http://x]y[/link]\\e]0;title\\a"
  "bad\\e[31mkey\\x00\\x0b": 1
  nd_filing_count:
    value: 5
    evidence: "证据\\x01\\x08\\x1f\\x7f\\u0085[bold]b[/bold]\\e[2J"
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


@pytest.mark.parametrize("color", ["never", "always"])
def test_table_prints_markup_literally_and_no_escape(hostile: Path, color: str) -> None:
    # a wide terminal, so no cell is folded in the middle of the markup the assertions look for
    run = run_cli("check", str(hostile), "--all", "--color", color, "--lang", "en", env={"COLUMNS": "250"})
    assert run.exit_code == 1
    if color == "never":
        assert "\x1b" not in run.stdout
    else:  # our own colours only: SGR sequences, never the file's clear-screen or title change
        assert "\x1b[2J" not in run.stdout and "\x1b]0;" not in run.stdout
    assert "\x07" not in run.stdout and "\x00" not in run.stdout
    assert "[bold red]x[/]" in run.stdout  # the markup is shown, not interpreted
    assert "[link=" in run.stdout  # the link markup is text, not a hyperlink
    assert "\x1b]8;" not in run.stdout


def test_error_message_on_stderr_carries_no_escape(tmp_path: Path) -> None:
    path = tmp_path / "key.yaml"
    path.write_text('region: x\nlevel: district\nyear: 2024\n"k\\e[2J\\e]0;t\\a": 1\n', encoding="utf-8")
    run = run_cli("check", str(path), "--lang", "en")
    assert run.exit_code == 2
    assert "unknown top-level key 'k\\x1b[2J\\x1b]0;t\\x07'" in run.stderr
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr


def test_duplicate_key_message_carries_no_escape(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text('"a\\e[2J": 1\n"a\\e[2J": 2\n', encoding="utf-8")
    run = run_cli("check", str(path), "--lang", "en")
    assert run.exit_code == 2 and "duplicate key 'a\\x1b[2J'" in run.stderr
    assert "\x1b" not in run.output


def _xml_ok(text: str) -> None:
    xml.dom.minidom.parseString(text.encode("utf-8"))


def test_junit_survives_control_characters(hostile: Path) -> None:
    pytest.importorskip("hulifa.reporters.junit")
    run = run_cli("check", str(hostile), "--format", "junit", "--lang", "en")
    assert run.exit_code == 1
    _xml_ok(run.stdout)
    assert "\x1b" not in run.stdout and "\x00" not in run.stdout and "\x0b" not in run.stdout


def test_sarif_survives_control_characters(hostile: Path) -> None:
    pytest.importorskip("hulifa.reporters.sarif")
    run = run_cli("check", str(hostile), "--format", "sarif", "--lang", "en")
    assert run.exit_code == 1
    data = json.loads(run.stdout, parse_constant=_refuse)
    assert data["runs"]
    assert "\x1b" not in run.stdout and "\\u001b" not in run.stdout.lower()


def _refuse(name: str) -> None:
    raise AssertionError(f"JSON contains {name}")


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1.0e+400", "NaN", "Infinity", "'nan'", "'inf'"])
def test_json_never_contains_nan(tmp_path: Path, value: str) -> None:
    path = tmp_path / "nan.yaml"
    path.write_text(
        f"region: x\nlevel: district\nyear: 2024\nindicators:\n  ar_case_count: {value}\n"
        f"  行政机关负责人出庭应诉率: {value}\n  admin_litigation_count: {value}\n",
        encoding="utf-8",
    )
    run = run_cli("check", str(path), "--format", "json", "--lang", "en", "--all")
    assert run.exit_code == 1
    data = json.loads(run.stdout, parse_constant=_refuse)
    statuses = {f["rule"]: f["status"] for f in data["reports"][0]["findings"]}
    assert statuses["ar_case_count"] == "invalid"  # never a figure


def test_escape_sequences_in_a_rule_pack_never_reach_stderr(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text('pack: p\nextends: "default\\e[2J"\n', encoding="utf-8")
    report = tmp_path / "r.yaml"
    report.write_text("region: x\nlevel: district\nyear: 2024\nindicators: {}\n", encoding="utf-8")
    run = run_cli("check", str(report), "--rules", str(pack))
    assert run.exit_code == 2
    assert "\x1b" not in run.stderr and "\\x1b" in run.stderr
