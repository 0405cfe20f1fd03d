"""Every input error and runner note is said from a message id in hulifa.messages.INPUT (or, for the
reasons they quote, REASONS), with its parameters: one wording per language, no free text at the call
site. Checked three ways: each id renders in both languages, every id the code raises is in the
catalogue (read from the source), and a real error through the CLI and the library carries its id and
its file:line:column."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from hostile.helpers import run_cli
from hulifa import messages
from hulifa.errors import InputError
from hulifa.model import Text
from hulifa.runner import check_paths

SRC = Path(__file__).resolve().parents[2] / "src" / "hulifa"
CJK = re.compile(r"[\u3400-\u9fff]")
# call -> index of its message-id argument
CALLS = {
    "fail": 3, "error": 1, "_refuse_at": 1, "_note": 3, "_warning": 4, "PackError": 2, "InputError": 1,
    "reason": 0, "ExpressionError": 0, "QuantityError": 0,
}  # fmt: skip
CATALOGUE = {**messages.INPUT, **messages.REASONS}


def _fields(template: Text) -> set[str]:
    return {f for text in (template.zh, template.en) for _, f, _, _ in string.Formatter().parse(text) if f}


def test_an_id_is_in_one_block_only() -> None:
    assert not messages.INPUT.keys() & messages.REASONS.keys()


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_every_input_message_renders_in_both_languages(message_id: str) -> None:
    template = CATALOGUE[message_id]
    values = tuple(
        (name, Text("某值", "some value") if name in ("hint", "why") else "x1") for name in _fields(template)
    )
    said = messages.input_text(message_id, values)
    for text in (said.zh, said.en):
        assert text and not re.search(r"\{\w+\}", text) and message_id not in text, (message_id, text)
    english = re.sub(r"“[^”]*”", "", said.en.replace("一般/原则上", ""))  # the pack's and the reader's words stay
    assert not CJK.search(english), (message_id, said.en)
    assert CJK.search(said.zh), (message_id, said.zh)
    assert message_id not in messages.MESSAGES  # one catalogue per id


def _raised_ids() -> list[tuple[str, str]]:
    """(where, id) of every message id the source passes to an error or note, and the calls that pass
    anything but an id (free text) as ("where", "")."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            at = CALLS.get(name)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            if isinstance(arg, ast.IfExp):  # reason("file.fifo" if fifo else "file.device")
                found.extend(
                    (where, a.value) if isinstance(a, ast.Constant) else (where, "") for a in (arg.body, arg.orelse)
                )
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((where, arg.value))
            elif isinstance(arg, ast.JoinedStr):
                prefix = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                found.append((where, prefix + "*"))
            elif not isinstance(arg, ast.Name | ast.Attribute | ast.Starred):
                found.append((where, ""))  # free text or a Text(...) at the call site
    return found


def test_every_id_the_code_raises_is_in_the_catalogue() -> None:
    raised = _raised_ids()
    assert len(raised) > 120  # the scan sees the call sites (a broken scan would pass vacuously)
    for where, message_id in raised:
        if message_id.endswith("*"):  # f"input.text.no_{key}": every completion must exist
            assert any(k.startswith(message_id[:-1]) for k in CATALOGUE), where
            continue
        assert message_id in CATALOGUE, (where, message_id or "free text instead of a message id")


def test_no_code_says_the_generic_text_message() -> None:
    for path in sorted(SRC.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert 'message="text"' not in source and "params(text=" not in source, path


def test_an_input_error_through_the_cli_and_the_library(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text("region: 测试区\nlevel: district\nyear: 2024\nyear: 2025\nindicators: {}\n", encoding="utf-8")
    run = run_cli("check", str(report), "--lang", "en")
    assert run.exit_code == 2
    assert f"{report}:4:1: duplicate key 'year' (first at line 3)" in run.stderr
    (result,) = check_paths([str(report)]).reports
    (finding,) = result.findings
    assert finding.message == "input.yaml.duplicate_key" and (finding.line, finding.column) == (4, 1)
    assert dict(finding.params) == {"name": "year", "line": "3"}
    assert messages.message(finding, "zh").startswith("重复的键「year」(第一次出现在第 3 行)")


def test_an_input_error_keeps_its_id_and_parameters() -> None:
    from hulifa.errors import fail

    error = fail("a.pdf", 1, 1, "input.pdf.too_many_pages", pages=100000, limit=500)
    assert isinstance(error, InputError) and error.message_id == "input.pdf.too_many_pages"
    assert error.params == (("pages", "100000"), ("limit", "500"))  # words now, never re-read later
    assert error.render("en").startswith("a.pdf:1:1: too many pages (100000, limit 500)")
    assert error.render("zh").startswith("a.pdf:1:1: PDF 页数过多(100000 页,上限 500)")


def test_a_runner_note_is_said_from_its_id(tmp_path: Path) -> None:
    report = tmp_path / "2024.yaml"
    report.write_text("region: 测试区\nlevel: district\nyear: 2024\nindicators: {}\n", encoding="utf-8")
    (tmp_path / "2023.yaml").write_text("region: 别区\nlevel: district\nyear: 2023\nindicators: {}\n", "utf-8")
    (result,) = check_paths([str(report)], previous=str(tmp_path / "2023.yaml")).reports
    (note,) = [f for f in result.findings if f.rule == "hulifa.previous"]
    assert note.message == "previous.other_report"
    assert messages.message(note, "en").endswith("is 别区 2023, not 测试区 2023; no comparison")
