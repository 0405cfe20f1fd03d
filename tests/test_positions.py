"""Where values are: one-based positions at keys, the nearest parent for a missing path, merge keys
and sequences, and every entry's line in one pass."""

from __future__ import annotations

from hulifa.yamlsafe import parse_yaml


def test_positions_are_one_based_and_point_at_keys() -> None:
    doc = parse_yaml("region: 湖里区\nindicators:\n  a: 1\n  b: 2\n", "f.yaml")
    assert doc.at(("indicators", "b")).line == 4
    assert doc.at(("indicators", "b")).column == 3
    # a path that does not exist falls back to its nearest parent
    assert doc.at(("indicators", "zzz")).line == 2


def test_positions_through_merge_keys_and_sequences() -> None:
    doc = parse_yaml("base: &b\n  x: 1\nitem:\n  <<: *b\n  y: 2\nlist:\n  - p: 1\n  - q: 2\n", "f.yaml")
    assert doc.data["item"] == {"x": 1, "y": 2}
    assert (doc.at(("item", "y")).line, doc.at(("item", "x")).line) == (5, 2)  # x: where it was written
    assert (doc.at(("list", 1, "q")).line, doc.at(("list", 1)).column) == (8, 5)
    assert doc.at(("list", 7)).line == 6  # no such item: the list's key
    assert doc.at(()).line == 1


def test_entries_at_gives_each_value_line_in_one_pass() -> None:
    doc = parse_yaml("indicators:\n  a: 1\n  b:\n    evidence: s\n    value: 2\n  c:\n    note: n\n", "f.yaml")
    where = doc.entries_at(("indicators",), "value")
    assert {k: (p.line, p.column) for k, p in where.items()} == {"a": (2, 3), "b": (5, 5), "c": (6, 3)}
    assert doc.entries_at(("nope",), "value") == {}
