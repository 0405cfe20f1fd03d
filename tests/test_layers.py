"""One-way dependencies between the modules of src/hulifa: records at the bottom, then reading, then
evaluation, then output, with the CLI on top and imported only by the script's entry (__main__). Every
module has a place here, so a new module must be placed (or this fails), and a new import that breaks
the direction or closes a cycle fails here too, where it is cheap to see. Imports inside functions
count: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "hulifa"

# layer (a top-level module, or a package as a whole) -> the layers it may import
ALLOWED: dict[str, set[str]] = {
    # records and values: no I/O (a rule pack's index holds its compiled derive expressions)
    "plainvalue": set(),  # equality, hash and repr of a plain slotted value class
    "version": set(),  # the version string, written once
    "interval": {"plainvalue"},
    "model": {"expressions", "interval"},
    "textsafe": set(),
    "batch": set(),  # how many reports a batch shows in full: a number, read by the table, HTML and CLI
    "quantity": {"model"},
    "errors": {"model", "messages"},  # an input error's words come from the catalogue
    "expressions": {"interval", "plainvalue"},
    # reading files (the reasons they give are worded by messages, which imports only the records)
    "decoding": {"model", "errors", "textsafe", "messages"},
    "atomic": {"errors"},
    "positions": {"model", "errors"},
    "yamlsafe": {"model", "errors", "decoding", "textsafe", "positions", "messages", "plainvalue", "yaml_words"},
    "yaml_words": {"model", "messages"},  # libyaml's problems in the reader's words, imported on a refusal
    "schema_words": {"model", "messages", "yamlsafe"},  # a JSON Schema error in the reader's words
    "discovery": {"model", "errors", "messages"},
    # each follow-up section is read next to the code that checks it
    "commitments": {"model", "errors", "positions", "yamlsafe"},
    "deviations": {"model", "errors", "positions", "yamlsafe", "quantity"},
    "reportdata": {
        "model", "errors", "decoding", "positions", "yamlsafe", "quantity", "commitments", "deviations", "messages",
    },
    # the user's cache folder (usercache): the bundled packs, checked (packcache); the script's compiled
    # regular expressions (patterncache: stdlib only, read before anything else is imported)
    "usercache": set(),
    "patterncache": {"usercache"},
    "packcache": {"model", "usercache"},
    "rulepack": {
        "model", "errors", "decoding", "positions", "yamlsafe", "expressions", "packcache", "messages", "schema_words"
    },
    "config": {"model", "errors", "decoding", "yamlsafe", "discovery", "rulepack", "messages", "schema_words"},
    # evaluation
    "kinds": {"model", "quantity"},
    # a finding in words: the one renderer every format reads
    "messages": {"model", "quantity"},
    "indicator_intervals": {"model", "quantity", "interval", "expressions"},
    "crosscheck": {"model", "quantity", "indicator_intervals", "kinds"},
    "evaluate": {"model", "quantity", "indicator_intervals", "commitments", "deviations", "kinds", "crosscheck"},
    # text in, report data out
    # (its draft's comments and notes are worded by messages, in the reader's language)
    "extract": {"model", "errors", "decoding", "quantity", "textsafe", "atomic", "reportdata", "rulepack", "messages"},
    # result out
    "reporters": {"model", "quantity", "evaluate", "kinds", "messages", "textsafe", "batch", "version"},
    "diff": {"model", "indicator_intervals", "messages", "reporters", "textsafe"},
    "template": {"model", "evaluate", "messages", "reporters"},  # a basis's strength in words, as check says it
    # the library API and the command line
    "runner": {
        "model", "errors", "decoding", "yamlsafe", "discovery", "deviations", "reportdata", "rulepack",
        "evaluate", "extract", "messages",
    },
    "__init__": {"model", "runner", "version"},
    # one `hulifa check` run below the command line: plan, streaming, outputs (no printing, no exit)
    "checkrun": {
        "model", "errors", "atomic", "discovery", "reportdata", "rulepack", "messages", "reporters", "runner", "batch"
    },
    "cli": {
        "model", "errors", "textsafe", "decoding", "atomic", "discovery", "deviations", "reportdata", "rulepack",
        "config", "evaluate", "extract", "messages", "reporters", "diff", "template", "runner", "batch", "version",
        "checkrun",
    },
    # the installed `hulifa` script and `python -m hulifa`: the CLI, started (the one module that imports it)
    "__main__": {"cli", "patterncache"},
}  # fmt: skip


def _hulifa_imports(path: Path) -> set[str]:
    """The layers `path` imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "hulifa":
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:  # from hulifa import config
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("hulifa."):
                    found.add(alias.name.split(".")[1])
    return found


def _layer(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        layer = _layer(path)
        graph.setdefault(layer, set()).update(_hulifa_imports(path) - {layer})
    return graph


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(set(_graph()) - set(ALLOWED))
    assert not unplaced, f"place these modules in ALLOWED: {unplaced}"
    gone = sorted(set(ALLOWED) - set(_graph()))
    assert not gone, f"ALLOWED names modules that no longer exist: {gone}"


def test_dependency_direction() -> None:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        layer = _layer(path)
        imports = _hulifa_imports(path) - {layer}
        if "cli" in imports and layer != "__main__":
            problems.append(f"{path.relative_to(SRC)} imports the CLI")
        extra = imports - ALLOWED.get(layer, set())
        if extra:
            problems.append(f"{path.relative_to(SRC)} ({layer}) imports {sorted(extra)}")
    assert not problems, problems


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle between layers, or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_no_import_cycles() -> None:
    assert _cycle(_graph()) == []


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []
