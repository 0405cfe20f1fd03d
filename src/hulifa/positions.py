"""Where each value of a YAML document is: `Document` keeps the composed node tree and looks a
position up only when asked (recording one per value while building cost more than building)."""

from __future__ import annotations

from typing import Any, Final

import yaml

from hulifa.errors import InputError, fail
from hulifa.model import Position

Path_ = tuple[str | int, ...]

_MERGE = "tag:yaml.org,2002:merge"
_MappingNode = yaml.MappingNode
_new = tuple.__new__


class Document:
    """A file's built data and its composed tree. A plain slotted class: a frozen dataclass compiles
    its methods with exec at every start (README "Start-up"); the fields are Final for the type
    checker, and a Document is never compared (one is made per file)."""

    __slots__ = ("_entries", "data", "end", "file", "merge_keys", "root")

    def __init__(self, file: str, data: Any, root: yaml.Node, end: Position, *, merge_keys: bool = True) -> None:
        self.file: Final = file
        self.data: Final = data
        # The composed node tree, which holds libyaml's marks (0-based). Positions are looked up in it
        # only when asked: recording one per value while building cost more than building the values.
        self.root: Final = root
        self.end: Final = end  # the last line, where something missing at the top level points
        # False when the file has no merge key (`<<`, yamlsafe's plain path): a mapping's entries are then
        # its pairs as written (duplicate and complex keys were refused when building), with no table to make.
        self.merge_keys: Final = merge_keys
        self._entries: Final[dict[int, dict[str, tuple[yaml.Node, yaml.Node]]]] = {}

    def __repr__(self) -> str:
        return f"Document(file={self.file!r}, end={self.end!r})"

    def error(self, path: Path_, message_id: str, /, **values: Any) -> InputError:
        """An input error placed at `path` (or its nearest parent): `raise doc.error(path, "input.…", …)`."""
        where = self.at(path)
        return fail(self.file, where.line, where.column, message_id, **values)

    def at(self, path: Path_) -> Position:
        """Where `path` is (the key that introduces it, or the item), or the nearest parent that exists."""
        mark = self._walk(path)[1]
        return Position(self.file, mark.line + 1, mark.column + 1)

    def _walk(self, path: Path_) -> tuple[yaml.Node | None, yaml.Mark]:
        """The node at `path` (None if the path goes nowhere) and the mark of as far as it got."""
        node = self.root
        mark = node.start_mark
        for step in path:
            if isinstance(node, yaml.MappingNode):
                entry = self._mapping(node).get(step) if isinstance(step, str) else None
                if entry is None:
                    return None, mark
                key, node = entry
                mark = key.start_mark
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
                mark = node.start_mark
            else:
                return None, mark
        return node, mark

    def entries_at(self, path: Path_, inner: str) -> dict[str, Position]:
        """Where each entry of the mapping at `path` is, in one pass: the entry's `inner` key when the
        entry is a mapping that has one (an indicator's `value:` line), else the entry's own key."""
        node = self._walk(path)[0]
        if not isinstance(node, yaml.MappingNode):
            return {}
        file, found = self.file, {}
        for key, value in self._mapping(node).values() if self.merge_keys else node.value:
            name = key.value
            if value.__class__ is _MappingNode:  # a few keys: a scan is cheaper than a table
                for inner_key, _ in value.value:
                    if inner_key.value == inner and inner_key.tag != _MERGE:
                        key = inner_key
                        break
            mark = key.start_mark
            # every field given, through tuple.__new__: not Position's generated __new__ (a Python
            # function) for each of the ~75 entries of a report
            found[name] = _new(Position, (file, mark.line + 1, mark.column + 1, 0))
        return found

    def _mapping(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """key -> (key node, value node), merged keys (`<<`) included as the builder merged them."""
        table = self._entries.get(id(node))  # the tree outlives the document's use, so ids are stable
        if table is None:
            table = {}
            sources: list[yaml.Node] = []
            for key, value in node.value:
                if key.tag == _MERGE:
                    sources.extend(value.value if isinstance(value, yaml.SequenceNode) else [value])
                elif isinstance(key, yaml.ScalarNode):
                    table.setdefault(key.value, (key, value))
            for source in sources:
                if isinstance(source, yaml.MappingNode) and source is not node:
                    for name, entry in self._mapping(source).items():
                        table.setdefault(name, entry)
            self._entries[id(node)] = table
        return table
