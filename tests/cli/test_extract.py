"""`hulifa extract` through typer's CliRunner, registered on a tiny app as the main CLI does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from hulifa.cli.extract import extract_command

HULI = Path(__file__).resolve().parents[1] / "data" / "huli-2024-report.txt"


@pytest.fixture()
def app() -> typer.Typer:
    app = typer.Typer()
    app.command("extract")(extract_command)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps typer in multi-command mode
        pass

    return app


def _run(app: typer.Typer, *args: str):
    return CliRunner().invoke(app, ["extract", *args])


def test_yaml_to_stdout(app: typer.Typer) -> None:
    result = _run(app, str(HULI))
    assert result.exit_code == 0, result.output
    assert "ar_case_count:" in result.stdout and 'region: "湖里区"' in result.stdout


def test_json_to_file(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "huli.json"
    result = _run(app, str(HULI), "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["region"] == "湖里区" and doc["year"] == 2024
    assert isinstance(doc["indicators"], list) and isinstance(doc["figures"], list)
    assert not list(tmp_path.glob(".*.tmp"))  # the temp file was renamed into place


def test_refuses_to_overwrite(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "huli.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = _run(app, str(HULI), "-o", str(out))
    assert result.exit_code == 2
    assert f"{out}:1:1:" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    result = _run(app, str(HULI), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert "ar_case_count:" in out.read_text(encoding="utf-8")


def test_missing_input(app: typer.Typer, tmp_path: Path) -> None:
    result = _run(app, str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'nope.txt'}:1:1:")
    assert "Traceback" not in result.output


def test_bad_encoding(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("审查行政复议申请590件。".encode("gb18030"))
    result = _run(app, str(path), "--encoding", "utf-8")
    assert result.exit_code == 2 and result.stderr.startswith(f"{path}:1:")
    result = _run(app, str(path), "--encoding", "gb18030", "--format", "json", "--region", "某县", "--year", "2024")
    assert result.exit_code == 0 and json.loads(result.stdout)["indicators"][0]["value"] == 590


def test_bad_rule_pack(app: typer.Typer, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("pack: [unclosed\n", encoding="utf-8")
    result = _run(app, str(HULI), "--rules", str(pack))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and str(pack) in result.stderr


def test_overrides(app: typer.Typer) -> None:
    result = _run(app, str(HULI), "--format", "json", "--level", "county", "--region", "湖里", "--year", "2024")
    doc = json.loads(result.stdout)
    assert (doc["region"], doc["level"], doc["year"]) == ("湖里", "county", 2024)
    result = _run(app, str(HULI), "--level", "village")
    assert result.exit_code == 2
