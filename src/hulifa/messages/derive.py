"""A derive expression refused (hulifa.expressions raises the id, hulifa.model adds the rule's id), the
rule first, then why (expression.*). Part of REASONS (hulifa.messages.catalogue)."""

from __future__ import annotations

from hulifa.model import Text

_REFUSED = Text("指标「{rule_id}」的 derive 表达式被拒绝:", "derive expression of '{rule_id}' refused: ")
CATALOGUE: dict[str, Text] = {
    message_id: Text(_REFUSED.zh + why.zh, _REFUSED.en + why.en)
    for message_id, why in {
        "expression.attribute": Text("不允许访问属性「{name}」", "attribute access ('.{name}') is not allowed"),
        "expression.call": Text(
            "不允许调用「{name}」;只能调用 min、max", "calling '{name}' is not allowed; only min and max"
        ),
        "expression.call_args": Text(
            "{name}() 只接受以逗号分隔的参数", "{name}() takes plain comma-separated arguments"
        ),
        "expression.constant": Text("表达式中只能有数字,不能有 {shown}", "only numbers may appear, not {shown}"),
        "expression.deep": Text("表达式嵌套过深", "the expression is nested too deeply"),
        "expression.dunder_attribute": Text(
            "不允许访问双下划线属性「{name}」", "dunder attribute '{name}' is not allowed"
        ),
        "expression.dunder_name": Text("不允许双下划线名称「{name}」", "dunder name '{name}' is not allowed"),
        "expression.empty": Text("表达式为空", "the expression is empty"),
        "expression.function_name": Text("「{name}」只能作为函数调用", "'{name}' can only be called"),
        "expression.lambda": Text("不允许 lambda", "lambda is not allowed"),
        "expression.node": Text(
            "表达式中不允许 {name};只能用指标 id、数字、+ - * /、括号与 min/max",
            "{name} is not allowed; use indicator ids, numbers, + - * /, parentheses and min/max",
        ),
        "expression.not_id": Text("「{name}」不是本规则包中的指标 id", "'{name}' is not an indicator id of this pack"),
        "expression.operator": Text(
            "不允许运算符 {name};只能用 + - * /", "operator {name} is not allowed; only + - * /"
        ),
        "expression.subscript": Text("不允许下标访问", "subscripts are not allowed"),
        "expression.syntax": Text("表达式语法错误:{error}", "syntax error in the expression: {error}"),
        "expression.syntax_statement": Text(
            "表达式语法错误:{error};不能写语句(如 import)",
            "syntax error in the expression: {error}; statements such as import are not expressions",
        ),
        "expression.too_long": Text("表达式超过 {limit} 个字符", "the expression is longer than {limit}"),
        "expression.unparsable": Text("无法解析表达式", "the expression cannot be parsed"),
    }.items()
}
