"""--help in the language asked for (--lang, else the configuration's lang, else Chinese), every screen
at 80 columns and at a phone's 40: every line fits, no word nor bracketed note is cut, nothing is lost, and nothing of
click's English (Usage, Options, [default: …], [required]) is left on a Chinese screen, nor any Chinese
on an English one. A case per command screen and language, through CliRunner and a real process."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from typer.core import TyperGroup

from clihelp import HULI_DATA, ROOT, Run, help_screens, run_cli
from hostile.helpers import run_process
from hulifa.cli.helpformat import description, summary
from hulifa.cli.usage import in_lang
from hulifa.textsafe import cells

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CLICK_ENGLISH = ("Usage:", "Options:", "Arguments:", "Commands:", "[default:", "required]", "env var:")
# click's and typer's placeholders, English in any language: <str>, <int range>, [OPTIONS], COMMAND [ARGS]...
PLACEHOLDERS = re.compile(r"<(?:str|int|int range|integer|float|path|text|format)>|\[OPTIONS\]|COMMAND|\[ARGS\]")


SCREENS = help_screens()
CASES = [
    pytest.param(path, command, lang, id=f"{' '.join(path) or 'hulifa'}-{lang}")
    for path, command in SCREENS
    for lang in ("zh", "en")
]


def _asked(command: Any, lang: str, folder: Path) -> list[str]:
    """How a reader asks for `lang`: nothing for Chinese (the default); --lang en where the command takes
    it, else the configuration file's lang (the root and the commands without --lang)."""
    if lang == "zh":
        return []
    if any("--lang" in param.opts for param in command.params):
        return ["--lang", "en"]
    (folder / "hulifa.toml").write_text('lang = "en"\n', encoding="utf-8")
    return []


def _expected(command: Any, lang: str) -> list[str]:
    """The texts a screen must show whole: the description, each option's and argument's help and
    names, each subcommand's name and summary."""
    texts = [description(command, lang)]
    texts.append({"zh": "显示此帮助并退出", "en": "show this help and exit"}[lang])  # -h, worded by the group
    for param in command.get_params(command.context_class(command)):  # with the completion options
        if not getattr(param, "hidden", False) and param.name != "help":
            named = [in_lang(param.metavar, lang)] if param.param_type_name == "argument" and param.metavar else []
            texts += [*(named or param.opts), in_lang(getattr(param, "help", None), lang)]
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            texts += [name, summary(sub, lang)]
    return [text for text in texts if text]


def _split_notes(lines: list[str], columns: int) -> list[str]:
    """Bracketed notes ([默认:error], [必填], [tool.hulifa]) and argument placeholders ({名称}) broken
    across two lines though the line they go on to would have held them whole (one broke as "[默" /
    "认:respect-gitignore]", `schema`'s usage as "{名称" / "}:<report|" at 40 columns)."""
    split = []
    for (line, after), (opening, closing) in itertools.product(itertools.pairwise(lines), ("[]", "{}")):
        start = line.rfind(opening)
        if start >= 0 and closing not in line[start:] and closing in after:
            note = line[start:] + after.strip()[: after.strip().find(closing) + 1]
            if cells(note) <= columns - (cells(after) - cells(after.lstrip())):
                split.append(note)
    return split


def _check_screen(run: Run, command: Any, lang: str, columns: int) -> None:
    assert run.exit_code == 0 and run.stderr == "", run.stderr
    lines = run.stdout.splitlines()
    wide = [line for line in lines if cells(line) > columns]
    assert not wide, "\n".join(wide)
    assert not _split_notes(lines, columns), run.stdout
    if lang == "zh":
        assert lines[0].startswith("用法: ") and "选项:" in lines
        assert not [words for words in CLICK_ENGLISH if words in run.stdout], run.stdout
        assert not PLACEHOLDERS.search(run.stdout), run.stdout
    else:
        assert lines[0].startswith("Usage: ") and "Options:" in lines
        assert not CJK.search(run.stdout), run.stdout
    # a line to copy is whole where it fits (`schema`'s had "# yaml-language-server:" / "$schema=…" on
    # two lines at 80 columns), and an example names files that are there (`diff`'s named
    # reports/huli/2023.yaml, which is not)
    copied = [line for line in lines if "yaml-language-server:" in line]
    assert columns < 60 or all("$schema=report.schema.json" in line for line in copied), copied
    named = re.findall(r"(?<![\w/])reports/[\w./-]+", run.stdout)
    assert all((ROOT / path).is_file() for path in named), named
    flat = re.sub(r"\s+", "", run.stdout)
    for text in _expected(command, lang):
        assert re.sub(r"\s+", "", text) in flat, f"lost: {text}\n{run.stdout}"
        # no word cut at a line's end: each word (a choice list may break after a bar) on one line
        for word in re.findall(r"[!-~]+?(?:\||(?=\s)|$)", re.sub(CJK, " ", text)):
            assert any(word in line for line in lines), f"cut: {word!r}\n{run.stdout}"


@pytest.mark.parametrize(("path", "command", "lang"), CASES)
@pytest.mark.parametrize("columns", [80, 40])
def test_every_help_screen_in_each_language_fits_whole(
    path: list[str], command: Any, lang: str, columns: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    asked = _asked(command, lang, tmp_path)
    _check_screen(run_cli(*path, "--help", *asked, env={"COLUMNS": str(columns)}), command, lang, columns)


@pytest.mark.parametrize(("path", "command", "lang"), CASES)
def test_every_help_screen_in_a_process_at_40_columns(path: list[str], command: Any, lang: str, tmp_path: Path) -> None:
    asked = _asked(command, lang, tmp_path)
    run = run_process(*path, "--help", *asked, env={"COLUMNS": "40"}, cwd=tmp_path)
    _check_screen(Run(run.exit_code, run.stdout, run.stderr), command, lang, 40)


def test_the_command_line_over_the_configuration_and_chinese_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("check", "--help").stdout.startswith("用法: hulifa check")
    assert run_cli("check", "-h", "--lang=en").stdout.startswith("Usage: hulifa check")
    (tmp_path / "hulifa.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert run_cli("--help").stdout.startswith("Usage: hulifa")
    assert run_cli("check", "--help", "--lang", "zh").stdout.startswith("用法: hulifa check")
    assert run_cli("check", "--help", "--isolated").stdout.startswith("用法: hulifa check")
    (tmp_path / "hulifa.toml").write_text('lang = "en"\nlang =\n', encoding="utf-8")  # broken: the default
    assert run_cli("--help").stdout.startswith("用法: hulifa")


def test_a_group_named_alone_shows_its_help_in_the_language_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`hulifa` and `hulifa rules` without a command show their help (click's no_args_is_help: on
    stderr, exit 2) in it too."""
    monkeypatch.chdir(tmp_path)
    assert run_cli().stderr.startswith("用法: hulifa [选项] 命令 [参数]...")
    (tmp_path / "hulifa.toml").write_text('lang = "en"\n', encoding="utf-8")
    rules = run_cli("rules")
    assert rules.stderr.startswith("Usage: hulifa rules") and "Commands:" in rules.stderr


def test_the_apps_own_lang_is_every_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`hulifa --help --lang en` was refused ("no such option: --lang"). The app takes --lang as its
    commands do: its own help, and every command under it, in that language; a command's own --lang,
    given after it, still wins, and either beats the configuration file's lang."""
    monkeypatch.chdir(tmp_path)
    assert run_cli("--help", "--lang", "en").stdout.startswith("Usage: hulifa [OPTIONS] COMMAND")
    assert run_cli("--lang", "en", "-h").stdout.startswith("Usage: hulifa [OPTIONS] COMMAND")
    (tmp_path / "hulifa.toml").write_text('lang = "zh"\n', encoding="utf-8")
    report = str(HULI_DATA)
    english = run_cli("--lang", "en", "check", report)
    assert english.exit_code == 1 and "Verdict: has errors" in english.stdout, english.stdout
    assert "结论:有错误" in run_cli("--lang", "en", "check", report, "--lang", "zh").stdout
    assert run_cli("--lang", "en", "check", "--help").stdout.startswith("Usage: hulifa check")
    assert "Chinese name: 年度报告向社会公开" in run_cli("--lang", "en", "rules", "show", "report_published_by").stdout
    wrong = run_cli("--lang", "en", "check", "--bogus")
    assert wrong.exit_code == 2 and "hulifa: no such option: --bogus" in wrong.stderr


def test_the_app_with_options_and_no_command_says_so_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """click's English "Missing command." was the only line left of its own words."""
    monkeypatch.chdir(tmp_path)
    for lang, said in (
        ("en", "hulifa: missing command; use one of check, extract"),
        ("zh", "hulifa: 缺少命令;可用:check、extract"),
    ):
        run = run_cli("--lang", lang)
        assert run.exit_code == 2 and said in run.stderr, run.stderr
    refused = run_cli("--lang", "fr", "check", "x.yaml")
    assert refused.exit_code == 2 and "unknown language 'fr'" in refused.stderr
