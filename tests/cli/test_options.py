"""The options commands share mean the same in each, through the real CLI: one `--format` (each
command's formats, others refused), and `--rules`, `--lang`, `--encoding` on check, diff and extract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.core import TyperGroup
from typer.main import get_command

from clihelp import HULI_DATA, HULI_TEXT, MINIMAL, run_cli
from hulifa.cli import app
from hulifa.cli.options import FORMATS_OF, Format
from hulifa.reporters import FORMATS

COMMANDS = ("check", "diff", "extract")


def _help(command: str) -> str:
    run = run_cli(command, "--help", env={"COLUMNS": "400"})
    assert run.exit_code == 0
    return run.stdout


def _option_line(help_text: str, option: str) -> str:
    return next(line.strip() for line in help_text.splitlines() if re.search(rf"(^|\s|,){option}\b", line))


def test_check_writes_every_reporter_and_nothing_else() -> None:
    assert [f.value for f in FORMATS_OF["check"]] == list(FORMATS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_lists_its_own_formats(command: str) -> None:
    """In the option's metavar, or when the list is wider than the option column, in its help text."""
    lines = _help(command).splitlines()
    at = next(i for i, line in enumerate(lines) if "-f, --format" in line)
    entry = "".join(line.strip() for line in lines[at : at + 4])  # the option and its wrapped help
    names = "|".join(f.value for f in FORMATS_OF[command])
    assert f"-f, --format <{names}>" in entry or ("-f, --format <格式>" in entry and f":{names}" in entry)


@pytest.mark.parametrize("option", ["--rules", "--lang", "--encoding"])
def test_shared_options_read_the_same_in_every_command(option: str) -> None:
    group = get_command(app)
    assert isinstance(group, TyperGroup)
    seen = {}
    for command in COMMANDS:
        param = next(p for p in group.commands[command].params if option in p.opts)
        seen[command] = (tuple(param.opts), getattr(param, "help", None), param.default)
    assert len(set(seen.values())) == 1, seen
    assert all("/ " in str(help_text) for _, help_text, _ in seen.values())  # bilingual: 中文 / English


@pytest.mark.parametrize(("command", "wrong"), [("diff", "yaml"), ("extract", "table"), ("check", "yaml")])
def test_a_format_the_command_does_not_write_is_refused(command: str, wrong: str) -> None:
    run = run_cli(
        command,
        str(HULI_TEXT if command == "extract" else HULI_DATA),
        *([str(HULI_DATA)] if command == "diff" else []),
        "-f",
        wrong,
    )
    assert run.exit_code == 2
    names = "|".join(f.value for f in FORMATS_OF[command])
    said = _words(run.stderr)
    assert _words(f"{command} does not write {wrong}; use one of {names}") in said, run.stderr


@pytest.mark.parametrize("command", [*COMMANDS, "rules list"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_word_that_is_no_format_is_refused_naming_the_commands_formats_alone(command: str, lang: str) -> None:
    """Not every command's formats: `check -f nosuch` does not offer yaml, which check cannot write."""
    args = {"check": ["F"], "diff": ["A", "B"], "extract": ["F"], "rules list": []}[command]
    run = run_cli(*command.split(), *args, "-f", "nosuch", *(["--lang", lang] if command != "rules list" else []))
    assert run.exit_code == 2 and run.stdout == ""
    said = run.stderr.split("\n\n", 1)[1]
    listed = [word for word in re.findall(r"[a-z-]+", said.split("nosuch", 1)[1]) if word in set(Format)]
    names = [f.value for f in FORMATS_OF[command]]
    assert listed == (names * 2 if command == "rules list" else names), run.stderr  # rules list: in both languages


def _words(text: str) -> str:
    """A message without the spaces and line breaks it was wrapped at (to 80 columns)."""
    return re.sub(r"\s+", "", text)


def test_diff_and_extract_take_json(tmp_path: Path) -> None:
    diff = run_cli("diff", str(HULI_DATA), str(HULI_DATA), "-f", "json")
    assert diff.exit_code == 0, diff.stderr
    assert "rows" in json.loads(diff.stdout)
    extract = run_cli("extract", str(HULI_TEXT), "--format", "json")
    assert extract.exit_code == 0, extract.stderr
    assert json.loads(extract.stdout)["region"] == "湖里区"


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_pack_is_the_same_error_everywhere(command: str) -> None:
    args = {"check": [str(HULI_DATA)], "diff": [str(HULI_DATA), str(HULI_DATA)], "extract": [str(HULI_TEXT)]}
    run = run_cli(command, *args[command], "--rules", "nosuch", "--lang", "en")
    assert run.exit_code == 2
    assert "nosuch:1:1: no such rule pack" in run.stderr, run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_lang_accepts_zh_and_en_only(command: str) -> None:
    run = run_cli(command, "--lang", "fr", "x")
    assert run.exit_code == 2
    assert "不支持的语言「fr」;可用:zh|en" in run.stderr, run.stderr
    assert "unknown language 'fr'; use one of zh|en" in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_extract_speaks_english_when_asked(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("你好\n", encoding="utf-8")
    zh, en = run_cli("extract", str(empty)), run_cli("extract", str(empty), "--lang", "en")
    assert (zh.exit_code, en.exit_code) == (2, 2)
    assert "文本中读不出报告" in zh.stderr
    assert "no report can be read from this text" in en.stderr


def test_encoding_is_honoured_by_diff_and_extract(tmp_path: Path) -> None:
    report = tmp_path / "2024.yaml"
    report.write_bytes((MINIMAL + "  行政复议案件数: 12\n").encode("utf-16"))
    text = tmp_path / "report.txt"
    text.write_bytes(HULI_TEXT.read_bytes().decode("utf-8").encode("big5", errors="ignore"))
    diff = run_cli("diff", str(report), str(report), "--encoding", "latin-1", "--lang", "en")
    assert diff.exit_code == 2  # forced to Latin-1, UTF-16 is not YAML: the option was used
    assert run_cli("diff", str(report), str(report)).exit_code == 0
    extract = run_cli("extract", str(text), "--encoding", "big5", "-f", "json", "--region", "湖里区")
    assert extract.exit_code == 0, extract.stderr
    assert json.loads(extract.stdout)["year"] == 2024


def test_check_refuses_a_format_named_in_output(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    run = run_cli("check", str(HULI_DATA), "-o", f"yaml={out}")
    assert run.exit_code == 2
    assert "check does not write yaml" in run.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["check"], "hulifa: 缺少要检查的路径:请给出文件、文件夹、通配符或 -(标准输入)"),
        (["check", "--lang", "en"], "hulifa: missing PATH: name files, folders, globs or - (standard input)"),
        (["check", "-q", "-v", "x", "--lang", "en"], "hulifa: --quiet and --verbose exclude each other"),
        (["check", "-q", "-v", "x"], "hulifa: --quiet 与 --verbose 不能同时使用"),
    ],
)
def test_checks_own_refusals_are_said_in_the_language_asked_for(
    argv: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the settings are read (unlike a usage error), so in --lang's language, Chinese by default."""
    monkeypatch.chdir(tmp_path)
    run = run_cli(*argv)
    assert run.exit_code == 2 and run.stdout == ""
    assert run.stderr.strip() == said
