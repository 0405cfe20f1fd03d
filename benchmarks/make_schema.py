"""The peer's rules: a JSON Schema (draft 2020-12) equivalent, as far as JSON Schema can say it, to a rule pack.

    python benchmarks/make_schema.py [--rules PACK] > schema.json

Thresholds become `const` (equals), `minimum` (at_least) and `maximum` (at_most) where the value is
a number; yes/no facts must be true or one of the yes words; `reported` values must be present
if given. Every id, Chinese name and alias is a property of `indicators`. The required statutory
parts become `required` keys of `sections` (mapping form).

What JSON Schema cannot say, and this schema therefore does not check: string figures such as
"98.6%" or "1700余人次" (only their type is checked), bounds (以上/约), units, deadlines (dates
cannot be compared), which rules apply to which level and year, and missing indicators whose
absence is only a warning. So the peer does strictly less work per file than hulifa, which makes
the speed comparison generous to the peer.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from hulifa.model import LEVELS, SECTION_IDS, Kind, Rule, RulePack
from hulifa.reportdata import _NO, _YES
from hulifa.rulepack import load_pack

_YES_WORDS = sorted(w for w in _YES if w not in ("true",))
_NO_WORDS = sorted(_NO)


def _scalar_schema(rule: Rule) -> dict[str, Any]:
    req = rule.requirement
    if req.kind is Kind.AFFIRMED:
        return {"enum": [True, *_YES_WORDS]}
    number: dict[str, Any] = {"type": "number"}
    if req.kind is Kind.EQUALS and req.target is not None:
        number["const"] = req.target
    elif req.kind is Kind.AT_LEAST and req.target is not None:
        number["minimum"] = req.target
    elif req.kind is Kind.AT_MOST and req.target is not None:
        number["maximum"] = req.target
    if rule.unit == "%":
        number.setdefault("minimum", 0)
        number.setdefault("maximum", 100)
    else:
        number.setdefault("minimum", 0)
    return {"anyOf": [number, {"type": "string", "minLength": 1}, {"type": "boolean"}]}


def _value_schema(rule: Rule) -> dict[str, Any]:
    scalar = _scalar_schema(rule)
    mapping = {
        "type": "object",
        "required": ["value"],
        "properties": {
            "value": scalar,
            "unit": {"type": "string"},
            "bound": {"enum": ["exact", "lower", "upper", "approx"]},
            "evidence": {"type": "string"},
            "note": {"type": "string"},
        },
        "additionalProperties": False,
    }
    return {"anyOf": [scalar, mapping]}


def build_schema(pack: RulePack) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    props: dict[str, Any] = {}
    required_parts: list[str] = []
    for rule in pack.rules:
        kind = rule.requirement.kind
        if kind is Kind.SECTION:
            if rule.severity.value == "error":
                required_parts.extend(rule.requirement.sections)
            continue
        if kind is Kind.DEADLINE:
            continue
        defs[rule.id] = _value_schema(rule)
        for key in (rule.id, rule.name, *rule.aliases):
            props.setdefault(key, {"$ref": f"#/$defs/{rule.id}"})
    part = {
        "anyOf": [
            {"type": "boolean"},
            {"type": "string"},
            {
                "type": "object",
                "properties": {
                    "present": {"type": "boolean"},
                    "evidence": {"type": "string"},
                    "note": {"type": "string"},
                },
                "additionalProperties": False,
            },
        ]
    }
    present_part = {"not": {"const": False}}
    sections = {
        "anyOf": [
            {
                "type": "array",
                "items": {"enum": list(SECTION_IDS)},
                "uniqueItems": True,
                "allOf": [{"contains": {"const": s}} for s in required_parts],
            },
            {
                "type": "object",
                "properties": {s: part for s in SECTION_IDS},
                "required": required_parts,
                "allOf": [{"properties": {s: present_part}} for s in required_parts],
                "additionalProperties": False,
            },
        ]
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://hulifa.invalid/peer/{pack.id}-{pack.version}.schema.json",
        "title": f"{pack.title} as JSON Schema (benchmark peer)",
        "type": "object",
        "required": ["region", "level", "year", "indicators"],
        "properties": {
            "region": {"type": "string", "minLength": 1},
            "region_code": {"type": "string", "pattern": "^[0-9]{6}$"},
            "level": {"enum": list(LEVELS)},
            "year": {"type": "integer", "minimum": 1990, "maximum": 2100},
            "published": {"format": "date"},
            "submitted": {"format": "date"},
            "source": {"type": "string"},
            "sections": sections,
            "indicators": {"type": "object", "properties": props},
            "figures": {"type": "array"},
            "notes": {},
        },
        "additionalProperties": False,
        "$defs": defs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", default=None, help="rule pack file (default: the bundled pack)")
    args = parser.parse_args(argv)
    json.dump(build_schema(load_pack(args.rules)), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
