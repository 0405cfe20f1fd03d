"""Option values hulifa refuses after click has read them, through the CLI: exit 2, nothing written,
each language on lines of its own where one line would pass 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hostile.helpers import Run, run_process
from hulifa.textsafe import cells


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_output_without_an_extension_is_refused_naming_the_known_ones(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o results` without -f: the format cannot be told. The message was one line of 335 columns,
    written out by hand apart from the catalogue."""
    monkeypatch.chdir(tmp_path)
    run = run_cli("check", str(HULI_DATA), "-o", "results", "--lang", lang)
    assert run.exit_code == 2 and run.stdout == "" and not (tmp_path / "results").exists()
    assert all(cells(line) <= 80 for line in run.stderr.splitlines()), run.stderr
    said = " ".join(run.stderr.split())
    zh, en = "无法从「results」的扩展名判断输出格式" in said, "cannot tell the format of 'results'" in said
    assert (zh, en) == (lang == "zh", lang == "en")  # in the language asked for alone
    assert ".sarif (sarif)" in said


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("given", ["out", "out/"])
def test_an_output_folder_is_refused_saying_what_to_write(
    lang: str, given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o out` where out is a folder, without -f: it said only that the extension told no format, as
    if a folder could take one; no format writes a folder, so the message says to name a file in it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    for run in (run_cli("check", str(HULI_DATA), "-o", given, "--lang", lang), _process(given, lang, tmp_path)):
        assert run.exit_code == 2 and run.stdout == "" and list((tmp_path / "out").iterdir()) == []
        assert all(cells(line) <= 80 for line in run.stderr.splitlines()), run.stderr
        said = " ".join(run.stderr.split())
        if lang == "zh":
            assert f"「{given}」是目录" in said and "没有哪种格式写出目录" in said and "-f FORMAT" in said
            assert "-o out/hulifa.json" in said and "is a folder" not in said
        else:
            assert f"'{given}' is a folder" in said and "no format writes a folder" in said and "-f FORMAT" in said
            assert "-o out/hulifa.json" in said and "目录" not in said
        assert ".sarif (sarif)" in said


def _process(given: str, lang: str, folder: Path) -> Run:
    return run_process("check", str(HULI_DATA), "-o", given, "--lang", lang, cwd=folder)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_output_folder_with_a_format_says_to_name_a_file(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-f json -o out`: "out:1:1: this is a directory", and nothing of what to do."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    run = run_cli("check", str(HULI_DATA), "-f", "json", "-o", "out", "--lang", lang)
    assert run.exit_code == 2 and run.stdout == ""
    wanted = (
        "这是一个目录,不是文件:请给出其中的文件名"
        if lang == "zh"
        else "this is a folder, not a file: name a file in it"
    )
    assert run.stderr.startswith(f"out:1:1: {wanted}"), run.stderr


def test_init_refuses_an_empty_region_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As check and extract refuse `--region ''`; init wrote a template whose region was empty."""
    monkeypatch.chdir(tmp_path)
    run = run_cli("init", "new.yaml", "--region", " ", "--year", "2024", "--level", "city")
    assert run.exit_code == 2 and run.stderr == "hulifa: --region 不能为空 / --region must not be empty\n"
    assert not (tmp_path / "new.yaml").exists()
