"""The shipped report schema and `hulifa check` accept and refuse the same report-data files.

The agreement is defined in docs/report-data.md ("What the schema and check agree on"):

* The schema is applied to the document as hulifa reads YAML: a plain scalar is a boolean
  (true/True/TRUE, false/…), null (null, ~, empty) or a decimal number only where YAML 1.1 and
  YAML 1.2 read it alike; every other plain scalar (yes/no/on/off, 017, 0x1F, 1_000, 1:20,
  2025-03-20, .inf, 1e3) is the text as written. `as_read` implements that rule here on its own,
  from PyYAML's node tree, so a loader that drifted from it would be caught.
* "check accepts" means it reads the file (exit 0 or 1). A wrong entry under `indicators` is that
  indicator's `invalid` finding, never a refusal of the file, so the schema accepts any entry there.
* What depends on the rule pack (which rules apply to a level and year, more than 500 unknown
  indicator keys) is check's alone: hand cases use a year and level the default pack covers.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hulifa.decoding import decode_bytes
from hulifa.errors import InputError
from hulifa.reportdata import report_from_bytes, report_from_document
from hulifa.yamlsafe import parse_yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "src" / "hulifa" / "schemas" / "report.schema.json"

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")  # decimal, no leading zero, no underscore: 1.1 and 1.2 agree
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?\Z")  # with a point; 1e3 is 1.2 only
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = {"", "~", "null", "Null", "NULL"}


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.style:  # quoted or a block scalar: text
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text) and len(text) <= 100:
        return int(text)
    if _FLOAT.match(text) and float(text) not in (float("inf"), float("-inf")):
        return float(text)
    return text


# the tags a JSON document can come from (timestamp and value: PyYAML's resolution of plain scalars,
# which _scalar redoes by the rule above)
_STANDARD = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "value", "merge")
}
_MERGE = "tag:yaml.org,2002:merge"


class Refused(Exception):
    """What a YAML-to-JSON reader refuses as well: duplicate keys, unknown tags, and the sizes hulifa's
    loader documents (64 levels, 100,000 values), which stand in for an editor's own limits."""


def _build(node: yaml.Node, depth: int = 0, count: list[int] | None = None) -> Any:
    count = count if count is not None else [0]
    count[0] += 1
    if depth > 64 or count[0] > 100_000:
        raise Refused("too deep or too large")
    if node.tag not in _STANDARD:
        raise Refused(f"unknown tag {node.tag}")
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise Refused("a key that is not a plain scalar")
            if key.tag == _MERGE:
                sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
                for source in sources:
                    for name, item in _build(source, depth + 1, count).items():
                        merged.setdefault(name, item)
                continue
            if key.value in out:
                raise Refused(f"duplicate key {key.value}")
            out[key.value] = _build(value, depth + 1, count)
        return {**merged, **out}
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, depth + 1, count) for item in node.value]
    return _scalar(node)  # type: ignore[arg-type]


def as_read(text: str) -> Any:
    """The document as the schema sees it (see the module docstring); YAMLError or Refused if no
    JSON document comes of it."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        raise Refused("empty")
    return _build(node)


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_accepts(text: str) -> bool:
    try:
        data = as_read(text)
    except (yaml.YAMLError, Refused, RecursionError):
        return False
    return _validator().is_valid(data)


def check_accepts(text: str) -> bool:
    try:
        report_from_document(parse_yaml(text, "report.yaml"))
    except InputError:
        return False
    return True


def why(text: str) -> str:
    try:
        report_from_document(parse_yaml(text, "report.yaml"))
        loader = "accepted"
    except InputError as exc:
        loader = exc.message.en
    try:
        errors = [e.message for e in _validator().iter_errors(as_read(text))]
    except (yaml.YAMLError, Refused) as exc:
        errors = [str(exc)]
    return f"check: {loader}\nschema: {errors[:3]}\n---\n{text}"


# ------------------------------------------------------------------------------------- documents

HEAD = "region: 湖里区\nlevel: district\nyear: 2024\n"

ODD = ["yes", "No", "ON", "off", "017", "0x1F", "0o17", "1_000", "1:20", "2025-03-20", ".inf", "-.inf", ".nan", "1e3"]
SCALARS = [
    *ODD,
    "湖里区",
    "12",
    "-3",
    "0",
    "1.5",
    "2024",
    "2024.0",
    "true",
    "false",
    "null",
    "~",
    "''",
    '"yes"',
    '"2024"',
    '"no"',
    '"true"',
    "x y",
    "100%",
    "1700余人次",
    "[]",
    "{}",
    "[1, 2]",
    "{value: 3}",
    "[a]",
    "{a: 1}",
]
DATES = ["2025-03-20", "'2025-03-20'", "2025-02-30", "2025/3/20", "2025-3-20", "2025年3月20日", "soon", "20250320"]
PARTS = ["measures", "shortcomings", "causes", "first_responsible", "next_year", "other", "foo"]


def _one_of(*pools: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from([item for pool in pools for item in pool])


scalar = _one_of(SCALARS)
part_value = _one_of(
    SCALARS,
    [
        "{evidence: 一、…}",
        "{present: false}",
        "{present: yes}",
        "{evidence: 1}",
        "{doubt: x, evidence: y}",
        "{foo: 1}",
        "{note: 2}",
    ],
)
sections = st.one_of(
    scalar,
    st.lists(st.sampled_from(PARTS), max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
    st.dictionaries(st.sampled_from(PARTS), part_value, max_size=3).map(
        lambda parts: "{" + ", ".join(f"{k}: {v}" for k, v in parts.items()) + "}"
    ),
)
entry = _one_of(SCALARS, ["{value: 3, unit: 件}", "{value: 3, bound: exactly}", "{evidence: x}", "{value: [1]}"])
indicators = st.one_of(
    scalar,
    st.dictionaries(st.sampled_from(["ar_case_count", "行政复议案件数", "zzz", "yes"]), entry, max_size=3).map(
        lambda items: "{" + ", ".join(f"{k}: {v}" for k, v in items.items()) + "}"
    ),
)
commitment = st.builds(lambda i, t: f"{{id: {i}, text: {t}}}", _one_of(SCALARS, ["c1", "a b"]), scalar)
# unique ids: that ids differ is one thing JSON Schema cannot say (see the hand cases)
commitments = st.lists(commitment, max_size=2, unique_by=lambda c: c.split(",")[0].strip("'\" {}id:"))
deviation = st.builds(
    lambda r, e: f"{{rule: {r}, reason: r, approved_by: a, expires: {e}}}",
    _one_of(SCALARS, ["ar_case_count"]),
    _one_of(DATES),
)

FIELDS: dict[str, st.SearchStrategy[str]] = {
    "region": _one_of(SCALARS),
    "level": _one_of(SCALARS, ["district", "department", "town", "city", "county", "province", "village"]),
    "year": _one_of(SCALARS, ["2023", "1989", "1990", "2100", "2101", "2_024", "02024", "2024.5"]),
    "department_of": _one_of(SCALARS, ["province", "city", "county", "town"]),
    "published": _one_of(DATES, SCALARS),
    "submitted": _one_of(DATES, SCALARS),
    "region_code": _one_of(SCALARS, ["350206", "'350206'", "'3502'", "035020", "'035020'"]),
    "source": scalar,
    "level_guessed": scalar,
    "sections": sections,
    "indicators": indicators,
    "figures": _one_of(SCALARS, ["[{text: 5件, evidence: x, line: 3}]", "[{line: x}]"]),
    "notes": scalar,
    "commitments": st.one_of(scalar, commitments.map(lambda c: "[" + ", ".join(c) + "]")),
    "commitments_progress": st.one_of(
        scalar,
        st.dictionaries(st.sampled_from(["c1", "c2"]), scalar, max_size=2).map(
            lambda items: "{" + ", ".join(f"{k}: {v}" for k, v in items.items()) + "}"
        ),
    ),
    "deviations": st.one_of(scalar, st.lists(deviation, max_size=2).map(lambda d: "[" + ", ".join(d) + "]")),
    "unknown_key": scalar,
}
VALID = {"region": "湖里区", "level": "district", "year": "2024"}
# Well-formed values, drawn as often as the mutated ones so that both answers are common.
GOOD: dict[str, list[str]] = {
    "published": ["2025-03-20", "2025年3月20日", "'2025-03-20'"],
    "submitted": ["2025-02-24", "2025/2/24"],
    "region_code": ["'350206'", "350206"],
    "source": ["huli.txt", "'报告.docx'"],
    "level_guessed": ["'由名称推断'", "true", "false"],
    "sections": [
        "[measures, causes]",
        "{measures: true, causes: false}",
        "{shortcomings: {evidence: 存在不足}}",
        "{next_year: 明年将…, other: null}",
    ],
    "indicators": [
        "{ar_case_count: 12}",
        "{行政复议案件数: {value: 12件, evidence: 全年办理12件}}",
        "{ar_case_count: null}",
    ],
    "commitments": ["[{id: c1, text: 完善制度}]"],
    "commitments_progress": ["{c1: 已完成}", "{c1: null}"],
    "deviations": ["[{rule: ar_case_count, reason: r, approved_by: a, expires: 2025-12-31}]"],
    "department_of": ["county"],
    "figures": ["[{text: 5件, evidence: x, line: 3}]"],
    "notes": ["说明"],
}


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A report document: a valid head, some optional fields, and mutations of any of them."""
    chosen = dict(VALID)
    for key in draw(st.lists(st.sampled_from(sorted(FIELDS)), max_size=5, unique=True)):
        good = GOOD.get(key)
        chosen[key] = draw(st.sampled_from(good)) if good and draw(st.integers(0, 5)) else draw(FIELDS[key])
    if not draw(st.integers(0, 4)):  # now and then a required field is missing or mutated
        key = draw(st.sampled_from(sorted(VALID)))
        if draw(st.booleans()):
            del chosen[key]
        else:
            chosen[key] = draw(FIELDS[key])
    if chosen.get("department_of") and draw(st.booleans()):
        chosen["level"] = "department"
    return "".join(f"{key}: {value}\n" for key, value in chosen.items())


@settings(max_examples=150, deadline=None)
@given(documents())
def test_check_and_schema_agree_on_generated_documents(text: str) -> None:
    assert check_accepts(text) == schema_accepts(text), why(text)


# ------------------------------------------------------------------------------------- hand cases
# (what follows the three header lines, check reads it, the schema accepts it, why)
HAND = [
    ("", True, True, "the header alone"),
    ("published: 2025-03-20\n", True, True, "a plain date is text (YAML 1.1 would make it a timestamp)"),
    ("published: 2025年3月20日\n", True, True, "a date as reports write it"),
    ("published: 2025-02-30\n", False, False, "not a calendar date (format: date)"),
    ("published: soon\n", False, False, "not a date"),
    ("published: 20250320\n", False, False, "a number, not a date"),
    ("published:\n", True, True, "left empty"),
    ("sections: {measures: yes}\n", False, False, "yes/no for a part: YAML readers disagree; write true/false"),
    ("sections: {measures: 'no'}\n", False, False, "quoted too: 'no' as a part's evidence would read as present"),
    ("sections: {measures: {present: no}}\n", False, False, "present: no"),
    ("sections: {measures: {presnt: false}}\n", False, False, "a misspelt key in a part"),
    ("sections: {measures: 一、坚持党的领导}\n", True, True, "a part's evidence"),
    ("sections: [measures, measures]\n", True, True, "a part listed twice says the same thing twice"),
    ("sections:\n", True, True, "left empty: the file does not say"),
    ("indicators: {ar_case_count: [1, 2]}\n", True, True, "a wrong entry is that indicator's invalid finding"),
    ("indicators: {ar_case_count: {value: 1, bound: exactly}}\n", True, True, "the same, inside the mapping"),
    ("indicators: {ar_case_count: NO}\n", True, True, "a YAML 1.1 boolean as a figure: invalid, not refused"),
    ("indicators: []\n", False, False, "indicators is a mapping"),
    ("indicators: ''\n", False, False, "an empty text is not an empty mapping"),
    ("indicators:\n", True, True, "left empty"),
    ("region_code: 350206\n", True, True, "six digits, unquoted"),
    ("region_code: 035020\n", True, True, "a leading 0 keeps it text"),
    ("region_code: 3502\n", False, False, "four digits"),
    ("source: 12\n", True, True, "a number stands for its digits"),
    ("source: [a]\n", False, False, "a list is not text"),
    ("source: true\n", False, False, "a boolean is not text"),
    ("department_of: county\n", False, False, "only for level: department"),
    ("notes: [1, {a: b}]\n", True, True, "notes and figures are for people; check does not read them"),
    ("commitments_progress: {c1: [x]}\n", False, False, "progress is text"),
    ("commitments: [{id: true, text: x}]\n", False, False, "an id is text or a number"),
    ("deviations: [{rule: x, reason: [r], approved_by: a, expires: 2025-12-31}]\n", False, False, "reason is text"),
    ("deviations: [{rule: x, reason: r, approved_by: a, expires: 2025-12-31, year: 2024}]\n", True, True, "scoped"),
    ("year: 2024\n", False, False, "a duplicate key (YAML 1.2 forbids it)"),
    ("x: !include /etc/passwd\n", False, False, "an unknown tag"),
    # What JSON Schema cannot say: check refuses, the schema accepts. Named here so that none is silent.
    ("commitments: [{id: c1, text: a}, {id: c1, text: b}]\n", False, True, "JSON Schema cannot say: ids unique"),
    ("published: 2025年2月30日\n", False, True, "JSON Schema cannot say: a calendar date written with 年月日"),
]
HEADERS = [
    ("region: NO\nlevel: district\nyear: 2024\n", True, True, "region NO is the text NO (YAML 1.2)"),
    ("region: 湖里区\nlevel: district\nyear: 2024.0\n", True, True, "2024.0 is the integer 2024 in JSON Schema"),
    ("region: 湖里区\nlevel: district\nyear: 02024\n", False, False, "a leading 0: octal in YAML 1.1"),
    ("region: 湖里区\nlevel: district\nyear: 2_024\n", False, False, "underscores: a number only in YAML 1.1"),
    ("region: 湖里区\nlevel: district\nyear: 0x7E8\n", False, False, "hexadecimal"),
    ("region: 12\nlevel: district\nyear: 2024\n", False, False, "a region is text"),
    ("region: 湖里区\nlevel: department\nyear: 2024\ndepartment_of: county\n", True, True, "a department's"),
]


@pytest.mark.parametrize(
    ("text", "check", "schema"),
    [(HEAD + rest, c, v) for rest, c, v, _ in HAND] + [(t, c, v) for t, c, v, _ in HEADERS],
    ids=[why for *_, why in HAND] + [why for *_, why in HEADERS],
)
def test_hand_cases_through_the_cli(text: str, check: bool, schema: bool, tmp_path: Path) -> None:
    from clihelp import run_cli

    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    run = run_cli("check", str(path), "--format", "json", "--today", "2026-01-01")
    assert (run.exit_code != 2) is check, run.output
    shipped = json.loads(run_cli("schema", "report").stdout)
    try:
        valid = jsonschema.Draft202012Validator(
            shipped, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        ).is_valid(as_read(text))
    except (yaml.YAMLError, Refused):
        valid = False
    assert valid is schema, why(text)


# ----------------------------------------------------------------- the hostile corpus, the generator
CORPUS = sorted((ROOT / "tests" / "hostile" / "corpus").glob("*.yaml"))


def _agree_on_bytes(data: bytes, name: str) -> tuple[bool, bool]:
    try:
        report_from_bytes(data, name)
        check = True
    except (InputError, RecursionError):
        check = False
    try:  # an editor decodes the file first; what hulifa cannot decode, no schema sees
        schema = schema_accepts(decode_bytes(data, name)[0])
    except InputError:
        schema = False
    return check, schema


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_check_and_schema_agree_on_the_hostile_corpus(path: Path) -> None:
    check, schema = _agree_on_bytes(path.read_bytes(), path.name)
    assert check == schema, f"{path.name}: check {check}, schema {schema}"


def test_check_and_schema_agree_on_the_benchmark_generator(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    manifest = generate.generate(tmp_path, 30, 2024)
    for rel in manifest:
        check, schema = _agree_on_bytes((tmp_path / rel).read_bytes(), rel)
        assert check and schema, f"{rel}: check {check}, schema {schema}\n{why((tmp_path / rel).read_text('utf-8'))}"
