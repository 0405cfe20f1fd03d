"""Option values hulifa refuses after click has read them, through the CLI: exit 2, nothing written,
each language on lines of its own where one line would pass 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hulifa.cli.helpformat import cells


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_output_without_an_extension_is_refused_naming_the_known_ones(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o out` (here a folder) without -f: the format cannot be told. The message was one line of 335
    columns, written out by hand apart from the catalogue."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    run = run_cli("check", str(HULI_DATA), "-o", "out", "--lang", lang)
    assert run.exit_code == 2 and run.stdout == ""
    assert all(cells(line) <= 80 for line in run.stderr.splitlines()), run.stderr
    said = " ".join(run.stderr.split())
    zh, en = "无法从「out」的扩展名判断输出格式" in said, "cannot tell the format of 'out'" in said
    assert (zh, en) == (lang == "zh", lang == "en")  # in the language asked for alone
    assert ".sarif (sarif)" in said


def test_init_refuses_an_empty_region_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As check and extract refuse `--region ''`; init wrote a template whose region was empty."""
    monkeypatch.chdir(tmp_path)
    run = run_cli("init", "new.yaml", "--region", " ", "--year", "2024", "--level", "city")
    assert run.exit_code == 2 and run.stderr == "hulifa: --region 不能为空 / --region must not be empty\n"
    assert not (tmp_path / "new.yaml").exists()
