"""A fallback encoding is named in the output (issue 17): an info finding `hulifa.encoding` in every
format of `check`, and a comment (YAML), a field (JSON) and a note on stderr from `extract`.

UTF-8, a BOM, or an encoding given with --encoding are settled and get no word."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hostile.helpers import CORPUS, EXAMPLE, run_cli
from hulifa.reporters import FORMATS
from hulifa.reporters.json_ import expand

NOTE_EN = "it was read as gb18030"
NOTE_ZH = "已按 gb18030 读取"


@pytest.fixture(params=["gb18030.yaml", "gb18030.txt"])
def gb_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / str(request.param)
    shutil.copy(CORPUS / str(request.param), target)
    return target


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_names_the_fallback(gb_file: Path, fmt: str) -> None:
    run = run_cli("check", str(gb_file), "--format", fmt, "--lang", "en", "--color", "never", "--fail-on", "never")
    assert run.exit_code == 0, run.output
    assert NOTE_EN in run.stdout, run.stdout[:3000]


def test_json_finding_is_an_info_note_at_line_one(gb_file: Path) -> None:
    run = run_cli("check", str(gb_file), "--format", "json")
    findings = expand(json.loads(run.stdout))["reports"][0]["findings"]
    notes = [f for f in findings if f["rule"] == "hulifa.encoding"]
    assert len(notes) == 1, notes
    assert (notes[0]["severity"], notes[0]["status"], notes[0]["line"]) == ("info", "unverifiable", 1)
    assert NOTE_ZH in notes[0]["message"]
    assert NOTE_EN in notes[0]["message_en"]


@pytest.mark.parametrize("name", ["utf8-bom.yaml", "utf16-le-bom.yaml", "utf16-be-bom.yaml"])
def test_settled_encodings_get_no_note(name: str) -> None:
    run = run_cli("check", str(CORPUS / name), "--format", "json")
    findings = json.loads(run.stdout)["reports"][0]["findings"]
    assert not [f for f in findings if f["rule"] == "hulifa.encoding"]


def test_plain_utf8_gets_no_note() -> None:
    run = run_cli("check", str(EXAMPLE), "--format", "json")
    assert "hulifa.encoding" not in run.stdout


def test_given_encoding_gets_no_note(gb_file: Path) -> None:
    run = run_cli("check", str(gb_file), "--encoding", "gb18030", "--format", "json")
    assert run.exit_code == 1, run.output
    assert "hulifa.encoding" not in run.stdout


def test_stdin_names_the_fallback_too(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hulifa.cli import app

    data = (CORPUS / "gb18030.yaml").read_bytes()
    result = CliRunner().invoke(app, ["check", "-", "--stdin-filename", "r.yaml", "--format", "json"], input=data)
    assert result.exit_code == 1, result.output
    assert "hulifa.encoding" in result.stdout


def test_extract_yaml_says_the_encoding_and_still_checks(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    shutil.copy(CORPUS / "gb18030.txt", source)
    out = tmp_path / "report.yaml"
    run = run_cli("extract", str(source), "-o", str(out))
    assert run.exit_code == 0, run.output
    assert f"{source}:1:1:" in run.stderr and NOTE_EN in run.stderr
    head = out.read_text(encoding="utf-8").splitlines()[:4]
    assert any(line.startswith("# 编码 / encoding: gb18030") for line in head), head
    # the draft is UTF-8: checking it names no fallback, and the comment does not disturb the loader
    checked = run_cli("check", str(out), "--format", "json")
    assert checked.exit_code in (0, 1), checked.output
    assert "hulifa.encoding" not in checked.stdout


def test_extract_json_has_the_encoding_field(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    shutil.copy(CORPUS / "gb18030.txt", source)
    run = run_cli("extract", str(source), "--format", "json")
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["encoding"] == "gb18030"
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(source.read_bytes().decode("gb18030").encode("utf-8"))
    plain = run_cli("extract", str(utf8), "--format", "json")
    assert "encoding" not in json.loads(plain.stdout)
    assert NOTE_EN not in plain.stderr
