"""A rule pack's shape errors in the reader's words (hulifa.schema_words through load_pack): each
validator kind the pack schema uses, at the line to fix, in Chinese without jsonschema's English, and
in English. Before, both lines quoted jsonschema ("'basis' is a required property")."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from hulifa.errors import InputError
from hulifa.rulepack import load_pack
from hulifa.schema_words import schema_problem

GOOD = """\
pack: p
indicators:
  - id: x
    name: 某指标
    unit: 件
    requirement: {kind: reported}
    severity: info
    levels: [district]
    basis: {document: 某文件, strength: PRACTICE}
"""
# (old, new) applied to GOOD -> the line of the error, and what each language says
BROKEN = [
    pytest.param(
        ("    basis: {document: 某文件, strength: PRACTICE}\n", ""),
        3,
        "缺少必填项 basis",
        "required but missing: basis",
        id="required",
    ),
    pytest.param(
        ("    name: 某指标\n", "    name: 某指标\n    severty: info\n"),
        5,
        "未知的键「severty」;是否想写「severity」?",
        "unknown key 'severty'; did you mean 'severity'?",
        id="unknown-key",
    ),
    pytest.param(
        ("strength: PRACTICE", "strength: LAW"), 9, "「LAW」不是可用的值", "'LAW' is not an allowed value", id="enum"
    ),
    pytest.param(
        ("severity: info", "severity: infos"),
        7,
        "「infos」不是可用的值;是否想写「info」?",
        "did you mean 'info'?",
        id="enum-close",
    ),
    pytest.param(
        ("[district]", "district"), 8, "应为列表,而不是「district」", "must be a list, not 'district'", id="type"
    ),
    pytest.param(("unit: 件", "unit: [件]"), 5, "应为文本", "must be text", id="type-text"),
    pytest.param(
        ("    levels:", "    year_from: 1980\n    levels:"),
        8,
        "应不小于 1990,而不是 1980",
        "must be at least 1990, not 1980",
        id="minimum",
    ),
    pytest.param(("name: 某指标", "name: ''"), 4, "不能为空", "must not be empty", id="min-length"),
    pytest.param(
        ("id: x", "id: Bad-Id"), 3, "「Bad-Id」的写法不符合要求", "'Bad-Id' is not written as required", id="pattern"
    ),
    pytest.param(
        ("[district]", "[district, district]"), 8, "列表中有重复的项", "the list repeats an item", id="unique"
    ),
    pytest.param(
        ("[district]", "[districts]"),
        8,
        "「districts」不是此处可用的任何一种写法",
        "'districts' matches none of the forms allowed here",
        id="one-of",
    ),
]
SENTENCE = re.compile(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}")


@pytest.mark.parametrize(("change", "line", "zh", "en"), BROKEN)
def test_a_shape_error_is_said_in_each_language_at_its_line(
    tmp_path: Path, change: tuple[str, str], line: int, zh: str, en: str
) -> None:
    assert change[0] in GOOD
    (tmp_path / "p.yaml").write_text(GOOD.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_pack(tmp_path / "p.yaml")
    error = info.value
    assert error.position.line == line, error
    assert error.message.zh.startswith("规则包格式错误,位于 ") and zh in error.message.zh, error.message.zh
    assert en in error.message.en, error.message.en
    assert not SENTENCE.search(error.message.zh), error.message.zh


def test_the_good_pack_loads(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(GOOD, encoding="utf-8")
    assert [r.id for r in load_pack(tmp_path / "p.yaml").rules] == ["x"]


def test_a_kind_not_worded_keeps_jsonschemas_sentence_in_english_only() -> None:
    error = next(jsonschema.Draft202012Validator({"not": {"type": "string"}}).iter_errors("x"))
    said = schema_problem(error)
    assert said.en == error.message and "not" in said.zh and not SENTENCE.search(said.zh), said
