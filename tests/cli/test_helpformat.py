"""--help by terminal cells (hulifa.cli.helpformat): every help screen fits the terminal it is shown
in, Chinese taking two cells a character; nothing cut short; every option's help declared in both languages.
The wrapping itself: a property test over mixed text, and the places it may and may not break."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.main import get_command

from clihelp import Run, help_screens, run_cli
from hostile.helpers import run_process
from hulifa.cli import app
from hulifa.cli.helpformat import description, wrap
from hulifa.cli.usage import in_lang
from hulifa.textsafe import cells

SCREENS = [path for path, _ in help_screens()]


def _fits(run: Run, columns: int) -> None:
    assert run.exit_code == 0, run.stderr
    wide = [line for line in run.stdout.splitlines() if cells(line) > columns]
    assert not wide, "\n".join(wide)
    commands = run.stdout.partition("命令:")[2]  # Chinese, the default
    assert "..." not in commands  # a command's summary is whole, not cut


@pytest.mark.parametrize("path", SCREENS, ids=lambda path: " ".join(path) or "hulifa")
def test_help_fits_80_columns(path: list[str]) -> None:
    _fits(run_cli(*path, "--help", env={"COLUMNS": "80"}), 80)  # CliRunner lays help out at 80


@pytest.mark.parametrize("path", [[], ["check"], ["rules"]], ids=lambda path: " ".join(path) or "hulifa")
def test_help_fits_a_narrower_terminal(path: list[str], tmp_path: Path) -> None:
    run = run_process(*path, "--help", env={"COLUMNS": "60"}, cwd=tmp_path)
    _fits(Run(run.exit_code, run.stdout, run.stderr), 60)


def test_every_screen_is_seen() -> None:
    names = {" ".join(path) for path in SCREENS}
    assert {"", "check", "extract", "diff", "rules", "rules list", "rules show", "init", "schema", "config"} <= names


@pytest.mark.parametrize("path", SCREENS, ids=lambda path: " ".join(path) or "hulifa")
def test_every_option_and_command_is_explained_in_both_languages(path: list[str]) -> None:
    """Declared in both (usage.both, usage.described), so that --help has each in either language: also the options
    click and typer add (-h/--help, --install-completion, --show-completion)."""
    group: Any = get_command(app)
    ctx = group.context_class(group)
    command = group
    for name in path:
        command = command.get_command(ctx, name)  # as the group hands it out: -h worded by it
        ctx = command.context_class(command, parent=ctx, info_name=name)
    pairs = [(description(command, "zh"), description(command, "en"))]
    pairs += [(in_lang(p.help, "zh"), in_lang(p.help, "en")) for p in command.get_params(ctx) if not p.hidden]
    for zh, en in pairs:
        assert re.search(r"[\u4e00-\u9fff]", zh) and en and not re.search(r"[\u4e00-\u9fff]", en), (zh, en)


def test_a_long_list_of_formats_goes_into_the_help_text() -> None:
    run = run_cli("check", "--help", env={"COLUMNS": "80"})
    lines = run.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "-f, --format <格式>" in line)
    text = " ".join(line.strip() for line in lines[at : at + 3])
    assert "table|json|json-compact|junit|sarif|github|markdown|parsable|html|codequality" in text.replace("| ", "|")


# --------------------------------------------------------------------------------------- wrapping

_MIXED = st.text(alphabet=st.sampled_from("报告数据文件,。、()「」 abcXYZ-|/.: 12"), max_size=80)


# Mixed text with the bracketed notes --help puts after an option's text
_NOTED = st.lists(
    st.one_of(
        _MIXED,
        st.sampled_from(
            ["[默认:error]", "[必填]", "[默认:65536; x>=0]", "[默认:respect-gitignore]", "[tool.hulifa]、"]
        ),
    ),
    max_size=6,
).map("".join)


@given(text=_NOTED, width=st.integers(min_value=2, max_value=50))
@settings(max_examples=300, deadline=None)
def test_wrapped_lines_fit_and_keep_every_character_and_every_note_that_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cells(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(line == line.strip() and line for line in lines)
    for note in re.findall(r"\[[^\[\]]*\]", text):
        if cells(note) <= width:  # a bracketed note whole on one line ("[默" / "认:error]" before)
            assert any(note in line for line in lines), (note, lines)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # a note whole on the next line rather than broken between two characters
        ("达到此级别即以 1 退出  [默认:error]", 20, ["达到此级别即以 1 退", "出  [默认:error]"]),
        ("退出  [默认:error]", 12, ["退出", "[默认:error]"]),
        ("[默认:respect-gitignore]", 22, ["[默", "认:respect-gitignore]"]),  # wider than a line: as words
        # between two Chinese characters, never before a closing mark nor after an opening one
        ("报告数据文件,目录", 12, ["报告数据文", "件,目录"]),
        ("规则包(默认:内置)", 7, ["规则包", "(默认:", "内置)"]),
        # English at spaces only, not at a hyphen (click broke "pre-commit" and "respect-gitignore")
        ("named (for pre-commit) here", 12, ["named (for", "pre-commit)", "here"]),
        ("a|b|c|d", 4, ["a|b|", "c|d"]),
        ("x  [default: 1]", 40, ["x  [default: 1]"]),  # spaces inside a line kept
        ("abcdefgh", 3, ["abc", "def", "gh"]),  # a word wider than the column: cut
    ],
)
def test_where_a_line_breaks(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines
