"""Indicator values as ReportData reads them: a figure's reading is remembered across reports
(reportdata._figure), so the same text under another `unit:` or `bound:`, or in another YAML type,
must still read as itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hulifa.errors import InputError
from hulifa.model import Bound, Value
from hulifa.reportdata import load_report

HEAD = "region: 测试区\nlevel: district\nyear: 2024\nindicators:\n"


def _values(write: Callable[[str, str], Path], name: str, indicators: str) -> dict[str, Value]:
    report = load_report(write(name, HEAD + indicators))
    return {v.key: v for v in report.values}


def test_the_same_figure_reads_by_its_own_unit_and_bound_in_report_after_report(write) -> None:  # type: ignore[no-untyped-def]
    first = _values(write, "a.yaml", "  a: {value: 5, unit: 件}\n  b: 5\n  c: {value: 5, bound: lower}\n")
    second = _values(write, "b.yaml", "  a: {value: 5, unit: 人}\n  b: {value: 5, unit: 件, bound: upper}\n")
    assert first["a"].quantity is not None and first["a"].quantity.unit == "件"
    assert second["a"].quantity is not None and second["a"].quantity.unit == "人"
    assert first["b"].quantity is not None
    assert (first["b"].quantity.unit, first["b"].quantity.bound) == ("", Bound.EXACT)
    assert second["b"].quantity is not None
    assert (second["b"].quantity.unit, second["b"].quantity.bound) == ("件", Bound.UPPER)
    assert first["c"].quantity is not None and first["c"].quantity.bound is Bound.LOWER
    # 5, 5.0 and true are three values, though equal in Python
    third = _values(write, "c.yaml", "  a: 5.0\n  b: true\n  c: '5'\n")
    assert third["a"].quantity is not None and third["a"].quantity.text == "5.0"
    assert third["b"].quantity is None and third["b"].flag is True
    assert third["c"].quantity is not None and third["c"].quantity.text == "5"


def test_a_problem_of_the_entry_wins_over_a_reading_of_its_figure(write) -> None:  # type: ignore[no-untyped-def]
    values = _values(
        write,
        "p.yaml",
        "  a: {value: -3, unit: [件]}\n  b: {value: 4, evidnce: x}\n  c: {value: 12人次, unit: 件}\n  d: {value: -3}\n",
    )
    assert values["a"].problem is not None and "负数" in values["a"].problem.zh  # a list as unit: read all the same
    assert values["b"].problem is not None and "evidence" in values["b"].problem.en  # did you mean
    assert values["c"].problem is not None and "件" in values["c"].problem.en  # the unit contradicts
    for value in values.values():
        assert value.quantity is None and value.flag is None and value.date is None


@pytest.mark.parametrize(
    ("part", "message_id", "line", "column"),
    [
        ("    presnt: false\n", "input.report.unknown_field", 6, 5),
        ("    present: no\n", "input.report.present", 6, 5),
        ("    evidence: 一、措施\n    doubt: [a]\n", "input.report.not_text", 7, 5),
    ],
)
def test_a_parts_refused_key_is_placed_at_its_own_line(
    write: Callable[[str, str], Path], part: str, message_id: str, line: int, column: int
) -> None:
    # a part's keys are placed only when one is refused: the place must still be the key's own
    path = write("s.yaml", "region: 测试区\nlevel: district\nyear: 2024\nsections:\n  measures:\n" + part)
    with pytest.raises(InputError) as caught:
        load_report(path)
    assert caught.value.message_id == message_id
    assert (caught.value.position.line, caught.value.position.column) == (line, column)


def test_values_and_their_places_are_the_records_keywords_make(write) -> None:  # type: ignore[no-untyped-def]
    """Values and their places are made without the records' constructors: the same records, field for field."""
    from hulifa.model import Position, Quantity, Text

    indicators = "  a: 5件\n  b:\n    evidence: 共5件\n    value: 5\n    unit: 件\n    note: 注\n"
    values = _values(write, "v.yaml", indicators)
    file = values["a"].position.file
    assert file.endswith("v.yaml")
    assert values["a"] == Value(
        key="a", position=Position(file, 5, 3), quantity=Quantity(5.0, "件", text="5件"), raw="5件"
    )
    assert values["b"] == Value(
        key="b",
        position=Position(file, 8, 5),  # the `value:` line
        quantity=Quantity(5.0, "件", text="5"),
        raw=5,
        evidence="共5件",
        note="注",
    )
    for value in values.values():
        assert type(value) is Value and len(value) == len(Value._fields)
        assert type(value.position) is Position and len(value.position) == len(Position._fields)
    odd = _values(write, "o.yaml", "  c: [1]\n")["c"]
    assert odd.problem is not None and isinstance(odd.problem, Text) and odd.shared_with == () and odd.note == ""
