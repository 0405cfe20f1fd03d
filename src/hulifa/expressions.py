"""`derive:` expressions: indicator ids, numbers, + - * /, parentheses, unary minus, min() and max().

Checked once, at pack load: `compile_expression` parses the text with `ast.parse(mode="eval")` and
walks every node against a whitelist, so a pack that tries to import, open a file, call anything but
min/max, or reach an attribute (dunders included) is refused with its file:line. The checked tree is
kept, and `Expression.evaluate` walks it over Intervals: it knows only the whitelisted nodes, so
nothing a pack writes ever reaches Python's eval. Stdlib and interval arithmetic only.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Collection, Mapping
from typing import Final

from hulifa.interval import Interval, imax, imin
from hulifa.plainvalue import PlainValue

MAX_LENGTH = 500
FUNCTIONS = {"min": imin, "max": imax}
_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_UNARY = {ast.USub: "-", ast.UAdd: "+"}


class ExpressionError(ValueError):
    """Why an expression is refused: a message id (hulifa.messages.REASONS, expression.*) and its parameters."""

    def __init__(self, message_id: str, /, **values: str) -> None:
        super().__init__(message_id)
        self.message_id, self.params = message_id, tuple(values.items())


def _refuse(node: ast.AST) -> ExpressionError:
    if isinstance(node, ast.Attribute):
        if node.attr.startswith("__"):
            return ExpressionError("expression.dunder_attribute", name=node.attr)
        return ExpressionError("expression.attribute", name=node.attr)
    if isinstance(node, ast.Subscript):
        return ExpressionError("expression.subscript")
    if isinstance(node, ast.Lambda):
        return ExpressionError("expression.lambda")
    if isinstance(node, ast.BinOp):
        return ExpressionError("expression.operator", name=type(node.op).__name__)
    return ExpressionError("expression.node", name=type(node).__name__)


class Expression(PlainValue):
    """A checked expression: as written, the indicator ids it reads (in order), and its tree. A
    PlainValue (a NamedTuple would compare trees): equal by its text and names, as the tree follows."""

    __slots__ = ("names", "text", "tree")
    _fields = ("text", "names")

    def __init__(self, text: str, names: tuple[str, ...], tree: ast.expr) -> None:
        self.text: Final = text
        self.names: Final = names
        self.tree: Final = tree  # passed the whitelist; never changed

    def evaluate(self, values: Mapping[str, Interval]) -> Interval:
        """The expression over intervals; every name it reads must be in `values`."""
        return _evaluate(self.tree, values)


def compile_expression(text: str, ids: Collection[str]) -> Expression:
    """The expression checked against the whitelist and the pack's ids, or ExpressionError."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("expression.empty")
    if len(text) > MAX_LENGTH:
        raise ExpressionError("expression.too_long", limit=str(MAX_LENGTH))
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        syntax = "expression.syntax_statement" if "import" in text else "expression.syntax"
        raise ExpressionError(syntax, error=str(exc.msg)) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("expression.unparsable") from None
    for node in ast.walk(tree):  # dunders first: they are the usual way out of a sandbox, say so plainly
        if isinstance(node, ast.Name) and node.id.startswith("__"):
            raise ExpressionError("expression.dunder_name", name=node.id)
        if isinstance(node, ast.Attribute) and node.attr.startswith("__"):
            raise _refuse(node)
    names: list[str] = []
    _check(tree.body, ids, names, depth=0)
    return Expression(text, tuple(dict.fromkeys(names)), tree.body)


def _check(node: ast.AST, ids: Collection[str], names: list[str], depth: int) -> None:
    if depth > 50:
        raise ExpressionError("expression.deep")
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise ExpressionError("expression.constant", shown=repr(node.value))
        return
    if isinstance(node, ast.Name):
        if node.id.startswith("__"):
            raise ExpressionError("expression.dunder_name", name=node.id)
        if node.id in FUNCTIONS:
            raise ExpressionError("expression.function_name", name=node.id)
        if node.id not in ids:
            raise ExpressionError("expression.not_id", name=node.id)
        names.append(node.id)
        return
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        _check(node.left, ids, names, depth + 1)
        _check(node.right, ids, names, depth + 1)
        return
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        _check(node.operand, ids, names, depth + 1)
        return
    if isinstance(node, ast.Call):
        func = node.func
        if not isinstance(func, ast.Name) or func.id not in FUNCTIONS:
            called = func.id if isinstance(func, ast.Name) else ast.unparse(func)
            if isinstance(func, ast.Attribute):
                raise _refuse(func)
            raise ExpressionError("expression.call", name=called)
        if node.keywords or not node.args or any(isinstance(a, ast.Starred) for a in node.args):
            raise ExpressionError("expression.call_args", name=func.id)
        for arg in node.args:
            _check(arg, ids, names, depth + 1)
        return
    raise _refuse(node)


_OPERATORS: dict[type, Callable[..., Interval]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def _evaluate(node: ast.expr, values: Mapping[str, Interval]) -> Interval:
    """One node of a checked tree: the node kinds `_check` lets through, and nothing else."""
    if isinstance(node, ast.BinOp):
        return _OPERATORS[type(node.op)](_evaluate(node.left, values), _evaluate(node.right, values))
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return Interval.exact(float(node.value))
    if isinstance(node, ast.UnaryOp):
        return _OPERATORS[type(node.op)](_evaluate(node.operand, values))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return FUNCTIONS[node.func.id](*(_evaluate(arg, values) for arg in node.args))
    raise _refuse(node)  # unreachable for a tree that passed _check
