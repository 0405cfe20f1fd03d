"""libyaml's English problems said in the reader's words (hulifa.yaml_words through parse_yaml): each
common slip a compiler makes, its place (line:column) kept, what to change said in Chinese and in
English, and no libyaml sentence left in the Chinese line. Before, the Chinese line quoted libyaml."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hulifa.errors import InputError
from hulifa.yamlsafe import parse_yaml

# text -> (line, column), words the Chinese and the English line must say
SLIPS = [
    pytest.param("region: x\nyear: 2024\n\tlevel: district\n", (3, 1), "制表符", "a tab character", id="tab"),
    pytest.param("a:\n\tb: 1\n", (2, 1), "制表符", "a tab character", id="tab-first-in-block"),
    pytest.param("region: x\nyear: 2024: 3\n", (2, 11), "此处不能有「: 」", "': ' is not allowed here", id="colon"),
    pytest.param("region: x\n  year: 2024\n", (2, 7), "检查这一行或上一行的缩进", "check the indentation", id="indent"),
    pytest.param(
        'region: "湖里区\nyear: 2024\n',
        (3, 1),
        "引号未闭合;引号从第 1 行第 9 列开始",
        "unclosed quote: the file ends before the closing quote; the quote began at line 1, column 9",
        id="quote",
    ),
    pytest.param("region: '湖里区\n", (2, 1), "引号未闭合", "unclosed quote", id="single-quote"),
    pytest.param(
        "region: [湖里区\nyear: 2024\n",
        (2, 5),
        "方括号未闭合",
        "the bracket '[' began at line 1, column 9",
        id="bracket",
    ),
    pytest.param("region: {a: 1\n", (2, 1), "花括号未闭合", "unclosed brace", id="brace"),
    pytest.param("a:\n    b: 1\n  c: 2\n", (3, 3), "缩进没有对齐", "the mapping began at line 1", id="mapping-indent"),
    pytest.param("- a\nb: 1\n", (2, 1), "应以「- 」开头", "should start with '- '", id="list-indent"),
    pytest.param("a: 1\nb\nc: 2\n", (3, 1), "缺少冒号", "a colon is missing", id="no-colon"),
    pytest.param("a: @x\n", (1, 4), "「@」不能作为值的开头", "'@' cannot start a value", id="at-sign"),
    pytest.param("region: *a\n", (1, 9), "不存在的锚点", "refers to no anchor", id="undefined-alias"),
    pytest.param(
        "a: &x 1\nb: &x 2\n", (2, 4), "锚点名称重复(第一次出现在第 1 行)", "first at line 1", id="anchor-twice"
    ),
    pytest.param('a: "C:\\path"\n', (1, 7), "反斜杠转义无效", "use single quotes", id="escape"),
    pytest.param("a: 1\n---\nb: 2\n", (2, 1), "多个 YAML 文档", "more than one YAML document", id="documents"),
    pytest.param("a: & x\n", (1, 5), "「&」或「*」后应紧跟名称", "must be followed by a name", id="anchor-name"),
    pytest.param("a: ]\n", (1, 4), "此处应有一个值", "a value was expected here", id="no-value"),
    pytest.param("a: !x!y 1\n", (1, 4), "YAML 标签", "a malformed YAML tag", id="tag-handle"),
    pytest.param("%a\n", (1, 3), "YAML 指令", "a malformed YAML directive", id="directive"),
    pytest.param("a: |x\n", (1, 5), "值后面只能有注释", "only a comment (#) or a line break", id="block-indicator"),
    pytest.param("a: !|x\n", (1, 5), "「|」「>」「!」等符号后", "must follow '|', '>' or '!'", id="after-tag"),
    pytest.param('"a" b\n', (1, 5), "上一个值之后还有内容", "something follows the last value", id="after-document"),
    pytest.param("{a:?}\n", (1, 3), "「:」位置不对", "a ':' out of place", id="flow-colon"),
]
LIBYAML = re.compile(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}")  # three English words in a row: a sentence


def _refusal(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        parse_yaml(text, "r.yaml")
    return info.value


@pytest.mark.parametrize(("text", "place", "zh", "en"), SLIPS)
def test_a_common_slip_is_said_in_each_language_at_its_place(
    text: str, place: tuple[int, int], zh: str, en: str
) -> None:
    error = _refusal(text)
    assert (error.position.line, error.position.column) == place
    assert error.message.zh.startswith("YAML 语法错误:") and error.message.en.startswith("YAML syntax error: ")
    assert all(part in error.message.zh for part in zh.split(";")), error.message.zh
    assert en in error.message.en, error.message.en
    assert not LIBYAML.search(error.message.zh), error.message.zh


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=":-[]{}\"'&*!@`#\t \nab|>%?,", max_size=30))
def test_whatever_breaks_the_chinese_line_carries_no_libyaml_sentence(text: str) -> None:
    """A sentence not in the catalogue is kept (marked as the parser's), but the common ones are all
    worded: over this alphabet of YAML's punctuation, every refusal libyaml gives is one of them."""
    try:
        parse_yaml(text, "r.yaml")
    except InputError as error:
        assert "解析器原文" not in error.message.zh, (text, error.message.zh)
