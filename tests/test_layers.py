"""One-way dependencies: the model imports nothing; evaluation and reporters only the model; nothing imports
the CLI. A new import that breaks this fails here, where it is cheap to see."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "hulifa"

ALLOWED = {
    "model": set(),
    "quantity": {"model"},
    "errors": {"model"},
    "decoding": {"errors"},
    "kinds": {"model", "quantity"},
    "crosscheck": {"model", "quantity", "figures", "kinds"},
    "evaluate": {"model", "quantity", "figures", "commitments", "deviations", "kinds", "crosscheck"},
    "interval": set(),
    "textsafe": set(),
    "expressions": {"interval"},
    "figures": {"model", "quantity", "interval", "expressions"},
    "commitments": {"model"},
    "deviations": {"model"},
    "compare": {"model", "figures", "reporters", "textsafe"},
    "reporters": {"model", "quantity", "reporters", "evaluate", "kinds", "textsafe"},
}


def _hulifa_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hulifa"):
            parts = node.module.split(".")
            found.add(parts[1] if len(parts) > 1 else "hulifa")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("hulifa."):
                    found.add(alias.name.split(".")[1])
    return found


def _layer(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def test_dependency_direction() -> None:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        layer = _layer(path)
        imports = _hulifa_imports(path)
        if "cli" in imports and layer != "cli":
            problems.append(f"{path.name} imports the CLI")
        if layer in ALLOWED:
            extra = imports - ALLOWED[layer] - {layer}
            if extra:
                problems.append(f"{path.relative_to(SRC)} ({layer}) imports {sorted(extra)}")
    assert not problems, problems
