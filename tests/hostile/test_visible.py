"""Round two: C1 controls (U+009B CSI), bidi overrides and zero-width characters from any file, on every
channel, are shown (`\\x9b`, `<U+202E>`), never passed raw; rule packs are input too."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.helpers import run_cli

# Characters a terminal, a renderer or a reader's eye would act on without showing them.
RAW = ("\x9b", "\x1b", "\u202e", "\u200b", "\u2066", "\x07")

PACK = """\
pack: "evil\\x9b2J\\e]0;owned\\a\\u202e"
title: "标题\\u202egnp.exe\\u200b"
extends: default
indicators:
  - id: evil_count
    name: "恶意\\e[2J\\x9b31m指标\\u202e"
    name_en: "Evil\\x9b31m\\u2066"
    unit: 项
    requirement: {kind: reported}
    severity: error
    basis: {document: "测试\\x9b", strength: PRACTICE, note: "说明\\u202e"}
"""

REPORT = """\
region: "湖里区\\u202e\\x9b"
level: district
year: 2024
indicators:
  evil_count: "五\\x9b\\u200b个"
  "unknown\\u202ekey\\x9b": 3
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    pack, report = tmp_path / "pack.yaml", tmp_path / "r\u202eport.yaml"
    pack.write_text(PACK, encoding="utf-8")
    report.write_text(REPORT, encoding="utf-8")
    return pack, report


def _clean(text: str) -> None:
    for ch in RAW:
        assert ch not in text, f"raw {ch!r} reached the output"


@pytest.mark.parametrize("fmt", ["table", "markdown", "github", "parsable", "junit", "sarif", "html"])
def test_every_format_shows_hidden_characters(files: tuple[Path, Path], fmt: str) -> None:
    pack, report = files
    run = run_cli("check", str(report), "--rules", str(pack), "--format", fmt, "--all", "--lang", "en")
    assert run.exit_code == 1, run.output
    _clean(run.stdout)
    _clean(run.stderr)
    if fmt in ("table", "parsable", "github"):
        assert "x9b" in run.stdout and "<U+202E>" in run.stdout  # shown, not dropped


def test_stderr_messages_show_hidden_characters(tmp_path: Path) -> None:
    path = tmp_path / "bad\x9b.yaml"
    path.write_text('region: x\nlevel: district\nyear: 2024\n"k\\u202e\\x9b": 1\n', encoding="utf-8")
    run = run_cli("check", str(path), "--lang", "en")
    assert run.exit_code == 2
    _clean(run.stderr)
    assert "bad\\x9b.yaml:4:" in run.stderr and "k<U+202E>\\x9b" in run.stderr


def test_rules_list_and_show_escape_pack_text(files: tuple[Path, Path]) -> None:
    pack, _ = files
    listed = run_cli("rules", "list", "--rules", str(pack))
    assert listed.exit_code == 0, listed.output
    _clean(listed.stdout)
    assert "\\x9b" in listed.stdout and "<U+202E>" in listed.stdout
    shown = run_cli("rules", "show", "evil_count", "--rules", str(pack))
    assert shown.exit_code == 0, shown.output
    _clean(shown.stdout)
    assert "恶意\\x1b[2J\\x9b31m指标<U+202E>" in shown.stdout
    missing = run_cli("rules", "show", "no\u202esuch\x9b", "--rules", str(pack))
    assert missing.exit_code == 2
    _clean(missing.stderr)
