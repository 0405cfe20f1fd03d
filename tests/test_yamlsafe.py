"""The safe YAML loader: encodings, limits, tags, and what PyYAML would silently get wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hulifa.errors import InputError
from hulifa.yamlsafe import Odd, load_yaml_file, parse_yaml


def _error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        parse_yaml(text, "f.yaml")
    return info.value


def test_duplicate_top_level_key_is_an_error_with_both_lines() -> None:
    error = _error("region: a\nyear: 2024\nregion: b\n")
    assert (error.position.line, error.position.column) == (3, 1)
    assert "第一次出现在第 1 行" in error.message.zh and "first at line 1" in error.message.en


def test_duplicate_nested_key_is_an_error() -> None:
    error = _error("indicators:\n  x:\n    value: 1\n    value: 2\n")
    assert error.position.line == 4
    assert "value" in error.message.en


def test_syntax_error_has_line_and_column() -> None:
    error = _error("region: a\nindicators: [1, 2\nyear: 3\n")
    assert error.position.line >= 2
    assert "YAML" in error.message.zh


def test_tab_indentation_gets_a_hint() -> None:
    error = _error("indicators:\n\ta: 1\n")
    assert error.position.line == 2
    assert "制表符" in error.message.zh and "tabs" in error.message.en


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("NO", "bool"),
        ("yes", "bool"),
        ("on", "bool"),
        ("1:20", "int"),
        ("1_000", "int"),
        (".inf", "float"),
        (".nan", "float"),
        ("2025-03-01", "timestamp"),
        ("0x1F", "int"),
    ],
)
def test_yaml_11_surprises_are_kept_as_written(text: str, tag: str) -> None:
    value = parse_yaml(f"v: {text}\n", "f.yaml").data["v"]
    assert value == Odd(text, tag)


@pytest.mark.parametrize(("text", "value"), [("12", 12), ("-3", -3), ("2.5", 2.5), ("true", True), ("'NO'", "NO")])
def test_plain_scalars(text: str, value: object) -> None:
    assert parse_yaml(f"v: {text}\n", "f.yaml").data["v"] == value


def test_merge_keys_are_honoured() -> None:
    doc = parse_yaml("a: &base {x: 1, y: 2}\nb: {<<: *base, y: 3}\n", "f.yaml")
    assert doc.data["b"] == {"x": 1, "y": 3}


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    error = _error("\n".join(lines) + "\n")  # refused at MAX_NODES: see tests/hostile/test_large.py
    assert "别名炸弹" in error.message.zh


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    with pytest.raises(InputError) as info:
        parse_yaml(f"w: 1\nv: !!python/object/apply:os.system ['touch {marker}']\n", "f.yaml")
    assert not marker.exists()
    assert "unknown YAML tag '!!python/object/apply:os.system'" in info.value.render("en")
    assert info.value.position.line == 2  # an error with its line, never dropped in silence


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_yaml_file(path)
    assert "为空" in info.value.message.zh


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "utf-16"],
)
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes("region: 湖里区\n出庭应诉率: 100%\n".encode(encoding))
    doc = load_yaml_file(path)
    assert doc.data == {"region": "湖里区", "出庭应诉率": "100%"}
    assert doc.at(("出庭应诉率",)).line == 2


def test_nul_bytes_are_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes(b"region: a\nyear: 2024\n\x00\x01\x02")
    with pytest.raises(InputError) as info:
        load_yaml_file(path)
    assert info.value.position.line == 3
    assert "NUL" in info.value.message.zh


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_yaml_file(tmp_path / "nope.yaml")
    assert "不存在" in info.value.message.zh
    with pytest.raises(InputError) as info:
        load_yaml_file(tmp_path)
    assert "目录" in info.value.message.zh


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("region: " + "x" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setenv("HULIFA_MAX_BYTES", "1000")
    with pytest.raises(InputError) as info:
        load_yaml_file(path)
    assert "HULIFA_MAX_BYTES" in info.value.message.en
    monkeypatch.setenv("HULIFA_MAX_BYTES", "100000")
    assert load_yaml_file(path).data["region"].startswith("x")


def _real_depth_and_nodes(text: str) -> tuple[int, int]:
    import yaml

    depth = deepest = nodes = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent | yaml.SequenceStartEvent | yaml.MappingStartEvent):
            nodes += 1
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            depth -= 1
    return deepest, nodes


_leaves = st.one_of(st.integers(), st.text(max_size=5), st.booleans(), st.none())
_trees = st.recursive(
    _leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=200,
)


def _nest(value: object, levels: int) -> object:
    for i in range(levels):
        value = [value] if i % 2 else {"k": value}
    return value


@settings(max_examples=200, deadline=None)
@given(_trees, st.integers(min_value=0, max_value=90), st.sampled_from([True, False, None]))
def test_cheap_bound_never_lets_a_deep_file_skip_the_event_pass(tree: object, levels: int, flow: bool | None) -> None:
    """_surely_small may say "not sure" too often, but never "small" for a file that is not."""
    import yaml

    from hulifa.yamlsafe import MAX_DEPTH, MAX_NODES, _surely_small

    text = yaml.dump(_nest(tree, levels), default_flow_style=flow, allow_unicode=True)
    if _surely_small(text):
        depth, nodes = _real_depth_and_nodes(text)
        assert depth <= MAX_DEPTH and nodes <= MAX_NODES


def test_cheap_bound_says_small_for_real_reports() -> None:
    """Otherwise the fast path would never be taken and the bound above would test nothing."""
    from clihelp import HULI_DATA
    from hulifa.yamlsafe import _surely_small

    assert _surely_small(HULI_DATA.read_text(encoding="utf-8"))
    assert not _surely_small("[" * 70 + "]" * 70)
    assert not _surely_small("\n".join(" " * i + "k:" for i in range(0, 140, 2)))


@settings(max_examples=500)
@given(
    st.one_of(
        st.text(max_size=12),
        st.from_regex(r"[-+]?[0-9_:.xoeE]{0,10}", fullmatch=True),
        st.sampled_from(["~", "null", "NO", "yes", "on", ".inf", "<<", "=", "2025-03-01", "1:20", "0x1F"]),
        # not ASCII, so text without a look at the patterns: full-width digits, a Kelvin sign, 件 after digits
        st.sampled_from(["１２", "１:20", "\u212a", "ｙｅｓ", "12件", "2025-03-01号", "NО"]),
    )
)
def test_lean_resolver_gives_pyyaml_tags(text: str) -> None:
    """The loader's own resolver must tag every plain scalar exactly as PyYAML's safe resolver would."""
    import yaml

    from hulifa.yamlsafe import _plain_tag

    assert _plain_tag(text) == yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))


_scalar_texts = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["~", "null", "NO", "yes", "on", ".inf", "1:20", "0x1F", "1_000", "2025-03-01", "12", "-3", "2.5"]),
)
_plain_trees = st.recursive(
    st.one_of(_scalar_texts, st.integers(), st.booleans(), st.none()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_scalar_texts, inner, max_size=4)),
    max_leaves=60,
)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*path, index))
    return found


@settings(max_examples=300, deadline=None)
@given(_plain_trees, st.sampled_from([True, False, None]))
def test_plain_path_builds_what_the_general_path_builds(tree: object, flow: bool | None) -> None:
    """Files without anchors, tags or merge keys skip libyaml's resolver callback (_PlainLoader) and
    resolve plain scalars themselves: values and every position must be the general path's."""
    import yaml

    from hulifa import yamlsafe

    text = yaml.dump({"root": tree}, default_flow_style=flow, allow_unicode=True)
    if not yamlsafe._plain_file(text):
        return
    plain = parse_yaml(text, "f.yaml")
    original = yamlsafe._plain_file
    try:
        yamlsafe._plain_file = lambda _text: False  # type: ignore[assignment]
        general = parse_yaml(text, "f.yaml")
    finally:
        yamlsafe._plain_file = original
    assert plain.data == general.data
    assert [type(v) for v in _leaves_of(plain.data)] == [type(v) for v in _leaves_of(general.data)]
    for path in _paths(general.data):
        assert plain.at(path) == general.at(path)


def _leaves_of(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for child in value.values() for leaf in _leaves_of(child)]
    if isinstance(value, list):
        return [leaf for child in value for leaf in _leaves_of(child)]
    return [value]


def test_files_with_anchors_tags_or_merge_keys_take_the_general_path() -> None:
    from hulifa.yamlsafe import _plain_file

    assert _plain_file("region: 湖里区\nindicators:\n  a: 1\n")
    assert not _plain_file("a: &x 1\nb: *x\n")
    assert not _plain_file("a: !!str 1\n")
    assert not _plain_file("a: {<<: {b: 1}}\n")


def test_the_plain_scalar_memo_stops_growing_and_values_stay_right() -> None:
    # a batch of 100,000 reports meets far more distinct figures than the memo keeps (memory flat)
    from hulifa import yamlsafe

    figures = [f"{i}件" for i in range(yamlsafe.MEMO_SIZE + 500)]
    for start in range(0, len(figures), 1000):
        text = "".join(f"k{i}: {figure}\n" for i, figure in enumerate(figures[start : start + 1000]))
        parse_yaml(text + "n: 12\nflag: true\n", "f.yaml")
    assert len(yamlsafe._PLAIN_VALUES) <= yamlsafe.MEMO_SIZE
    doc = parse_yaml(f"a: {figures[-1]}\nn: 12\nflag: true\n", "f.yaml")  # past the bound: resolved, not kept
    assert doc.data == {"a": figures[-1], "n": 12, "flag": True}
