"""A JSON Schema error (a jsonschema ValidationError, from a rule pack or a configuration file) in the
reader's words: each validator kind our schemas use has a catalogue message (schema.*) with the value
and what was wanted, so a Chinese error line carries no English. jsonschema's own sentence is kept only
for a kind not listed here, and then only in the English line."""

from __future__ import annotations

from typing import Any

from hulifa.messages import did_you_mean, reason
from hulifa.model import Text
from hulifa.yamlsafe import shown

# JSON Schema's type names as a compiler knows them.
_TYPES = {
    "string": Text("文本", "text"),
    "integer": Text("整数", "a whole number"),
    "number": Text("数值", "a number"),
    "object": Text("映射(键: 值)", "a mapping (key: value)"),
    "array": Text("列表", "a list"),
    "boolean": Text("true/false", "true/false"),
    "null": Text("空值", "null"),
}
# Bounds on a value, a text's length, a list's or a mapping's size: the message id for each.
_LIMITS = {
    "minimum": "schema.minimum",
    "maximum": "schema.maximum",
    "exclusiveMinimum": "schema.exclusive_minimum",
    "exclusiveMaximum": "schema.exclusive_maximum",
    "minLength": "schema.min_length",
    "maxLength": "schema.max_length",
    "minItems": "schema.min_items",
    "maxItems": "schema.max_items",
    "minProperties": "schema.min_properties",
}


def _either(words: list[Text]) -> Text:
    return Text("或".join(w.zh for w in words), " or ".join(w.en for w in words))


def _listed(values: Any) -> Text:
    words = [shown(v) for v in values]
    return Text("、".join(words), ", ".join(words))


def schema_problem(error: Any) -> Text:
    """What is wrong with the value at the error's path, in both languages."""
    kind, wanted, value = error.validator, error.validator_value, error.instance
    if kind == "required" or kind == "dependentRequired":
        needed = wanted if kind == "required" else [k for keys in wanted.values() for k in keys]
        lacking = [k for k in needed if isinstance(value, dict) and k not in value] or list(needed)
        return reason("schema.required", keys=_listed(lacking))
    if kind == "type":
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        return reason("schema.type", wanted=_either([_TYPES.get(n, Text(n, n)) for n in names]), shown=shown(value))
    if kind in ("enum", "const"):
        allowed = wanted if kind == "enum" else [wanted]
        return reason("schema.enum", allowed=_listed(allowed), shown=shown(value), hint=_close(value, allowed))
    if kind == "additionalProperties" and isinstance(value, dict):
        known = list(error.schema.get("properties", {}))
        extra = next((str(k) for k in value if k not in known), "")
        return reason("schema.unknown_key", key=shown(extra), hint=did_you_mean(extra, known), known=", ".join(known))
    limit_id = _LIMITS.get(kind)
    if limit_id is not None:
        return reason(limit_id, limit=shown(wanted), shown=shown(value))
    if kind == "pattern":
        return reason("schema.pattern", shown=shown(value), pattern=shown(wanted))
    if kind == "uniqueItems":
        return reason("schema.unique", shown=shown(value))
    if kind in ("oneOf", "anyOf"):
        return reason("schema.one_of", shown=shown(value))
    return reason("schema.other", kind=shown(kind), message=shown(error.message, 200))


def _close(value: Any, allowed: list[Any]) -> Text:
    return did_you_mean(value, [str(a) for a in allowed]) if isinstance(value, str) else Text("", "")


__all__ = ["schema_problem"]
