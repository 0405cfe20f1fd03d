"""One consistent command line: short options, formats from extensions, JUnit and --fail-on, dead ends."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli


def test_short_help_and_version() -> None:
    assert run_cli("-h").stdout == run_cli("--help").stdout and "--install-completion" in run_cli("-h").stdout
    assert run_cli("check", "-h").exit_code == 0 and "--stdin-filename" in run_cli("check", "-h").stdout
    assert run_cli("-V").stdout == run_cli("--version").stdout and run_cli("-V").stdout.startswith("hulifa ")


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.json", lambda text: json.loads(text)["reports"]),
        ("out.sarif", lambda text: json.loads(text)["runs"]),
        ("out.xml", lambda text: ET.fromstring(text).tag == "testsuites"),
        ("out.md", lambda text: text.lstrip().startswith(("#", "|", "**", "<"))),
        ("out.html", lambda text: "<html" in text.lower()),
    ],
)
def test_output_format_from_the_extension(tmp_path: Path, name: str, check) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / name
    run = run_cli("check", str(HULI_DATA), "-o", str(out))
    assert run.exit_code == 1, run.stderr
    assert "┏" not in out.read_text(encoding="utf-8") and check(out.read_text(encoding="utf-8"))


def test_unknown_extension_lists_the_known_ones(tmp_path: Path) -> None:
    run = run_cli("check", str(HULI_DATA), "-o", str(tmp_path / "out.docx"), "--lang", "en")
    assert run.exit_code == 2 and ".json (json)" in run.stderr and ".xml (junit)" in run.stderr
    assert not (tmp_path / "out.docx").exists() and run.stdout == ""


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_junit_follows_fail_on(tmp_path: Path, fail_on: str, code: int) -> None:
    out = tmp_path / "out.xml"
    run = run_cli("check", str(HULI_DATA), "-o", str(out), "--fail-on", fail_on)
    assert run.exit_code == code
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    types = {f.get("type") for f in root.iter("failure")}
    allowed = {"error": {"error"}, "warning": {"error", "warning"}, "info": {"error", "warning", "info"}}
    assert types <= allowed.get(fail_on, set())
    assert (root.get("failures") != "0") == (code == 1)  # a run that exits 1 never says failures="0"


def test_unknown_rule_pack_lists_the_bundled_ones_with_did_you_mean() -> None:
    run = run_cli("check", str(HULI_DATA), "--rules", "xiamn", "--lang", "en")
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr == (
        "xiamn:1:1: no such rule pack: neither a file nor a bundled pack; did you mean 'xiamen'? "
        "(bundled: default, xiamen)\n"
    )
    for command in (["rules", "list"], ["extract", str(HULI_DATA)]):
        other = run_cli(*command, "--rules", "xiamn")
        assert other.exit_code == 2 and "xiamen" in other.stderr, command


def test_extract_and_diff_share_rules_lang_encoding() -> None:
    for command in ("extract", "diff"):
        text = run_cli(command, "-h").stdout
        for option in ("--rules", "--lang", "--encoding"):
            assert option in text, (command, option)
