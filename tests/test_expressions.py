"""The derive-expression sandbox: whitelist at pack load (file:line, exit 2), the checked tree walked at check time."""

from __future__ import annotations

import pytest

from clihelp import MINIMAL, run_cli
from hulifa.expressions import ExpressionError, compile_expression
from hulifa.interval import Interval

IDS = frozenset({"a", "b"})

PACK = """\
pack: sandbox-test
extends: default
indicators:
  - id: a
    name: 甲数
    unit: 件
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
  - id: b
    name: 乙率
    unit: "%"
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    derive: 'EXPR'
"""

ATTEMPTS = {
    "import": ("import os", "import"),
    "dunder import": ("__import__('os').system('true')", "__import__"),
    "open": ("open('/etc/passwd')", "open"),
    "dunder attribute": ("a.__class__.__bases__", "__"),
    "dunder name": ("__builtins__", "__builtins__"),
    "other call": ("eval('1')", "eval"),
    "method call": ("a.bit_length()", "bit_length"),
    "attribute": ("a.real", "real"),
    "power": ("a ** 99999999", "Pow"),
    "comprehension": ("[x for x in (1, 2)]", "ListComp"),
    "lambda": ("(lambda: 1)()", "lambda"),
    "subscript": ("a[0]", "subscript"),
    "string": ("'x' * 10", "number"),
    "unknown id": ("a / c", "'c'"),
    "keyword": ("min(a, key=b)", "min()"),
    "walrus": ("(x := 1)", "NamedExpr"),
}


@pytest.mark.parametrize("name", sorted(ATTEMPTS))
def test_pack_with_unsafe_expression_is_refused_with_file_line(write, name: str) -> None:
    expression, fragment = ATTEMPTS[name]
    rules = write("pack.yaml", PACK.replace("EXPR", expression.replace("'", "''")))
    report = write("report.yaml", MINIMAL + "  a: 1\n")
    run = run_cli("check", str(report), "--rules", str(rules), "--lang", "en")
    assert run.exit_code == 2, run.stdout
    assert f"{rules}:16:" in run.stderr, run.stderr  # the line of `derive:`
    assert "derive expression of 'b' refused" in run.stderr
    assert fragment in run.stderr, run.stderr
    with pytest.raises(ExpressionError):
        compile_expression(expression, IDS)


@pytest.mark.parametrize(
    ("expression", "names"),
    [("a / b * 100", ("a", "b")), ("-(a - 1) + 2.5", ("a",)), ("max(a, b) / min(a, 3)", ("a", "b")), ("42", ())],
)
def test_whitelisted_expressions(expression: str, names: tuple[str, ...]) -> None:
    assert compile_expression(expression, IDS).names == names


def test_evaluation_uses_intervals() -> None:
    values = {"a": Interval.exact(9576), "b": Interval.exact(10000)}
    result = compile_expression("a / b * 100", IDS).evaluate(values)
    assert result.is_exact and abs(result.low - 95.76) < 1e-9
    assert compile_expression("-a + 1", IDS).evaluate({"a": Interval(1, 2)}) == Interval(-1, 0)
    assert compile_expression("max(a, b)", IDS).evaluate({"a": Interval(1, 5), "b": Interval.exact(3)}) == Interval(
        3, 5
    )
    assert compile_expression("+(a - b) / 2", IDS).evaluate({"a": Interval(4, 6), "b": Interval.exact(2)}) == Interval(
        1, 2
    )


def test_a_good_expression_loads(write) -> None:
    rules = write("pack.yaml", PACK.replace("EXPR", "a / 10"))
    report = write("report.yaml", MINIMAL + "  a: 5\n")
    run = run_cli("check", str(report), "--rules", str(rules), "--format", "json")
    assert run.exit_code == 0, run.stderr
