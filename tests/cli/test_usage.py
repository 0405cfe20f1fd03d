"""Usage errors (hulifa.cli.usage, usage_text): what click raises while it reads the command line, said as
hulifa's message in the language the command line asks for, else in both; exit 2, stderr only.

The table usage_errors.yaml holds each command line and its stderr, run by CliRunner, and a case of
each kind in a real process; the language comes from --lang, or for `check` from the configuration file; random command
lines never end in a traceback."""

from __future__ import annotations

import contextlib
import io
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.core import TyperGroup
from typer.main import get_command

from clihelp import HULI_DATA, run_cli
from hostile.helpers import run_process
from hulifa.cli import app, main
from hulifa.cli.usage_text import asked_lang
from hulifa.textsafe import cells

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "usage_errors.yaml").read_text("utf-8"))
TABLE = [pytest.param(case, id=" ".join(case["argv"]).encode("unicode_escape").decode("ascii")) for case in CASES]


@pytest.fixture
def empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No configuration file to find: the language is the command line's alone."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", TABLE)
def test_a_usage_error_through_cli_runner(case: dict[str, Any], empty_folder: Path) -> None:
    run = run_cli(*case["argv"], env={"COLUMNS": "80"})
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == case["stderr"]


@pytest.mark.parametrize("case", [param for param in TABLE if "why" in param.values[0]])
def test_a_usage_error_in_a_process(case: dict[str, Any], tmp_path: Path) -> None:
    """A case of each kind (those that say why they are there) as installed: `python -m hulifa.cli`
    names itself hulifa, as the `hulifa` script does."""
    run = run_process(*case["argv"], env={"COLUMNS": "80"}, cwd=tmp_path)
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == case["stderr"]


def test_the_table_covers_every_kind_of_error_in_each_language() -> None:
    said = [case["stderr"] for case in CASES]
    for words in ("no such option", "no such command", "is not one of", "out of range", "not a whole number",
                  "requires a value", "does not take a value", "missing argument", "missing option",
                  "unexpected extra arguments", "does not write"):  # fmt: skip
        assert any(words in text for text in said), f"{words}: no English case"
    for words in ("这个选项", "这个命令", "不是可选值", "超出范围", "不是整数", "需要一个值", "不接受值", "缺少参数",
                  "缺少选项", "多余的参数", "不输出"):  # fmt: skip
        assert any(words in text for text in said), f"{words}: no Chinese case"
    for text in said:  # usage, hint, blank, what is wrong: each line within 80 columns, the rest indented under it
        _, hint, blank, first, *rest = text.splitlines()
        assert hint.endswith(("for help.", "查看帮助。")) and blank == "" and first.startswith("hulifa: ")
        assert all(line.startswith(" " * 8) for line in rest)
        assert all(cells(line) <= 80 for line in text.splitlines()), text
    usage_lines = {text.split(":")[0] for text in said}
    assert usage_lines == {"Usage", "用法", "用法 / Usage"}  # English, Chinese, and both


# ------------------------------------------------------------------------- the language asked for


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["check", "--lang", "en"], "en"),
        (["check", "--lang=zh", "x"], "zh"),
        (["check", "--lang", "zh", "--lang", "en"], "en"),  # the last counts, as for click
        (["check", "--lang", "fr"], None),  # not a language hulifa speaks: both
        (["check", "--lang"], None),  # no value
        (["check", "--", "--lang", "en"], None),  # after --, a path
        (["extract", "x", "--lang", "en"], "en"),
        (["check", "--language", "en"], None),
    ],
)
def test_the_language_is_read_from_the_command_line(argv: list[str], lang: str | None, empty_folder: Path) -> None:
    assert asked_lang(argv) == lang


def _last_line(*argv: str) -> str:
    """What is wrong: the lines after the blank one, each language's lines joined again."""
    run = run_cli(*argv)
    assert (run.exit_code, run.stdout) == (2, ""), run.stderr
    return run.stderr.split("\n\n", 1)[1].rstrip("\n").replace("\n        ", "\n")


def test_every_command_takes_the_language_from_the_configuration_file(empty_folder: Path) -> None:
    (empty_folder / "hulifa.toml").write_text('lang = "en"\n', encoding="utf-8")
    (empty_folder / "zh.toml").write_text('lang = "zh"\n', encoding="utf-8")
    english, chinese = "hulifa: no such option: --nosuch", "hulifa: 没有 --nosuch 这个选项"
    assert _last_line("check", "--nosuch") == english
    assert _last_line("check", "--nosuch", "--lang", "zh") == chinese  # the command line over the file
    assert _last_line("check", "--config", "zh.toml", "--nosuch") == chinese
    assert _last_line("check", "--isolated", "--nosuch") == f"{chinese} / no such option: --nosuch"
    # every command reads the file's lang (only `check` did: `extract` answered in both)
    assert _last_line("extract", "--nosuch") == english


def test_a_broken_configuration_leaves_both_languages(empty_folder: Path) -> None:
    (empty_folder / "hulifa.toml").write_text('lang = "en"\nlang = \n', encoding="utf-8")
    assert _last_line("check", "--nosuch") == "hulifa: 没有 --nosuch 这个选项 / no such option: --nosuch"


def test_a_value_refused_by_hulifa_is_said_in_the_language_asked_for() -> None:
    english = _last_line("diff", "a", "b", "-f", "yaml", "--lang", "en")
    assert english == "hulifa: invalid value for --format: diff does not write yaml; use one of table|\njson"
    assert _last_line("diff", "a", "b", "-f", "yaml", "--lang", "zh") == (
        "hulifa: --format 的值无效:diff 不输出 yaml 格式;可用:table|json"
    )


# ------------------------------------------------------------------------------ random command lines


def _words() -> list[str]:
    """Every command and option the app has (not the completion installers, which write to the home
    folder), and values that are right for some and wrong for others."""
    words = {"--", "-", "=", "-xyz", "--lang=en", "--nosuch", "zh", "en", "fr", "-1", "0", "2", "1800", "abc",
             "x.yaml", "x.txt", "json", "yaml", "table", "never", "report", "city", "list", "show", "chek"}  # fmt: skip

    def walk(command: Any) -> None:
        for param in command.params:
            words.update(o for o in [*param.opts, *getattr(param, "secondary_opts", [])] if "completion" not in o)
        if isinstance(command, TyperGroup):
            words.update(command.commands)
            for sub in command.commands.values():
                walk(sub)

    walk(get_command(app))
    return sorted(words)


@pytest.fixture(scope="module")
def quiet_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder to run in (init and schema -o write there), and the signal handlers main() installs put back."""
    handlers = {name: signal.getsignal(getattr(signal, name)) for name in ("SIGTERM", "SIGHUP")}
    yield tmp_path_factory.mktemp("argv")
    for name, handler in handlers.items():
        signal.signal(getattr(signal, name), handler)


def _main(argv: list[str], folder: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    with (
        contextlib.chdir(folder),
        mock.patch.object(sys, "argv", ["hulifa", *argv]),
        mock.patch.object(sys, "stdin", stdin),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            main()
        except SystemExit as end:
            return (end.code if isinstance(end.code, int) else 1 if end.code else 0), err.getvalue()
    return 0, err.getvalue()


@given(argv=st.lists(st.one_of(st.sampled_from(_words()), st.text(max_size=6)), max_size=6))
@example(argv=["check", "\x00"])  # a NUL byte in a path: ValueError from realpath and open, found by this test
@settings(max_examples=150, deadline=None)
def test_random_command_lines_never_end_in_a_traceback(argv: list[str], quiet_folder: Path) -> None:
    code, err = _main(argv, quiet_folder)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "内部错误" not in err, err


def test_only_an_error_loads_the_wording() -> None:
    """A start pays for the group alone (usage.py); usage_text.py and the catalogue's usage words load
    when there is an error to word, helpformat.py when there is help to show. Through a process, as
    the start-up tests do."""
    probe = (
        "import sys\n"
        "from hulifa.cli import main\n"
        "sys.argv = ['hulifa', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('\\nLOADED ' + ' '.join(sorted(m for m in sys.modules if m.startswith('hulifa.cli.'))))\n"
    )

    def loaded(*argv: str) -> set[str]:
        run = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=False)
        return set(run.stderr.rsplit("LOADED", 1)[-1].split())

    plain = loaded("check", str(HULI_DATA), "-f", "parsable", "--isolated")
    assert "hulifa.cli.usage" in plain and not plain & {"hulifa.cli.usage_text", "hulifa.cli.helpformat"}
    assert "hulifa.cli.helpformat" in loaded("check", "--help")
    assert {"hulifa.cli.usage", "hulifa.cli.usage_text"} <= loaded("check", "--nosuch")  # the probe sees it
