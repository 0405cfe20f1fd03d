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
from dataclasses import dataclass, field

from hulifa.interval import Interval, imax, imin

MAX_LENGTH = 500
FUNCTIONS = {"min": imin, "max": imax}
_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_UNARY = {ast.USub: "-", ast.UAdd: "+"}


class ExpressionError(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def _refuse(node: ast.AST) -> ExpressionError:
    if isinstance(node, ast.Attribute):
        if node.attr.startswith("__"):
            return ExpressionError(
                f"不允许访问双下划线属性「{node.attr}」", f"dunder attribute '{node.attr}' is not allowed"
            )
        return ExpressionError(f"不允许访问属性「{node.attr}」", f"attribute access ('.{node.attr}') is not allowed")
    if isinstance(node, ast.Subscript):
        return ExpressionError("不允许下标访问", "subscripts are not allowed")
    if isinstance(node, ast.Lambda):
        return ExpressionError("不允许 lambda", "lambda is not allowed")
    if isinstance(node, ast.BinOp):
        sign = type(node.op).__name__
        return ExpressionError(f"不允许运算符 {sign};只能用 + - * /", f"operator {sign} is not allowed; only + - * /")
    kind = type(node).__name__
    return ExpressionError(
        f"表达式中不允许 {kind};只能用指标 id、数字、+ - * /、括号与 min/max",
        f"{kind} is not allowed; use indicator ids, numbers, + - * /, parentheses and min/max",
    )


@dataclass(frozen=True, slots=True)
class Expression:
    """A checked expression: as written, the indicator ids it reads (in order), and its tree."""

    text: str
    names: tuple[str, ...]
    tree: ast.expr = field(compare=False, repr=False)  # passed the whitelist; never changed

    def evaluate(self, values: Mapping[str, Interval]) -> Interval:
        """The expression over intervals; every name it reads must be in `values`."""
        return _evaluate(self.tree, values)


def compile_expression(text: str, ids: Collection[str]) -> Expression:
    """The expression checked against the whitelist and the pack's ids, or ExpressionError."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("表达式为空", "the expression is empty")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"表达式超过 {MAX_LENGTH} 个字符", f"the expression is longer than {MAX_LENGTH}")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        hint_zh = ";不能写语句(如 import)" if "import" in text else ""
        hint_en = "; statements such as import are not expressions" if "import" in text else ""
        raise ExpressionError(
            f"表达式语法错误:{exc.msg}{hint_zh}", f"syntax error in the expression: {exc.msg}{hint_en}"
        ) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("无法解析表达式", "the expression cannot be parsed") from None
    for node in ast.walk(tree):  # dunders first: they are the usual way out of a sandbox, say so plainly
        if isinstance(node, ast.Name) and node.id.startswith("__"):
            raise ExpressionError(f"不允许双下划线名称「{node.id}」", f"dunder name '{node.id}' is not allowed")
        if isinstance(node, ast.Attribute) and node.attr.startswith("__"):
            raise _refuse(node)
    names: list[str] = []
    _check(tree.body, ids, names, depth=0)
    return Expression(text, tuple(dict.fromkeys(names)), tree.body)


def _check(node: ast.AST, ids: Collection[str], names: list[str], depth: int) -> None:
    if depth > 50:
        raise ExpressionError("表达式嵌套过深", "the expression is nested too deeply")
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise ExpressionError(
                f"表达式中只能有数字,不能有 {node.value!r}", f"only numbers may appear, not {node.value!r}"
            )
        return
    if isinstance(node, ast.Name):
        if node.id.startswith("__"):
            raise ExpressionError(f"不允许双下划线名称「{node.id}」", f"dunder name '{node.id}' is not allowed")
        if node.id in FUNCTIONS:
            raise ExpressionError(f"「{node.id}」只能作为函数调用", f"'{node.id}' can only be called")
        if node.id not in ids:
            raise ExpressionError(
                f"「{node.id}」不是本规则包中的指标 id", f"'{node.id}' is not an indicator id of this pack"
            )
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
            raise ExpressionError(
                f"不允许调用「{called}」;只能调用 min、max", f"calling '{called}' is not allowed; only min and max"
            )
        if node.keywords or not node.args or any(isinstance(a, ast.Starred) for a in node.args):
            raise ExpressionError(
                f"{func.id}() 只接受以逗号分隔的参数", f"{func.id}() takes plain comma-separated arguments"
            )
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
