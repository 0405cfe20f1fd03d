"""`--format json-compact`: the JSON document with each rule's names and basis written once.

A `rules` table, made from the rule pack before the first report, maps a rule id (and `ID.trend`
for a rule's trend) to its `name`, `name_en` and `basis`. A finding whose name and basis are the
table's omits them: its `rule` is the reference. Anything else is as in `--format json`, and a
finding the table does not cover (input errors, notes about files) keeps its fields inline.
Streams like `json`; see docs/json-output.md.
"""

from __future__ import annotations

from typing import Any

from hulifa.model import CheckResult, ReportResult, RulePack
from hulifa.reporters import json_
from hulifa.reporters._common import join_stream

SEP = json_.SEP
_table: dict[str, dict[str, Any]] = {}  # the current run's table: filled by head(), read by item()


def rules_table(pack: RulePack | None) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for rule in pack.rules if pack else ():
        table[rule.id] = {"name": rule.name, "name_en": rule.name_en, "basis": json_.basis_dict(rule.basis)}
        if rule.trend is not None:
            trend = {"name": rule.name, "name_en": rule.name_en, "basis": json_.basis_dict(rule.trend.basis)}
            table[f"{rule.id}.trend"] = trend
    return table


def use(pack: RulePack | None) -> None:
    """Make `pack`'s table the one item() refers to: head() does it, and a --jobs worker, where
    item() runs without head(), must do it too (the CLI does, with the same pack)."""
    _table.clear()
    _table.update(rules_table(pack))
    json_.forget()


def head(pack: RulePack | None, lang: str = "zh") -> str:
    use(pack)
    top = json_.head(pack, lang)
    rules = ",\n".join(f"    {json_._dump(key)}: {json_._dump(value)}" for key, value in _table.items())
    marker = '  "reports": [\n'
    return top[: -len(marker)] + '  "rules": {\n' + rules + "\n  },\n" + marker


def item(report: ReportResult, lang: str = "zh") -> str:
    return json_.report_text(report, _table)


def tail(lang: str = "zh") -> str:
    return json_.tail(lang)


def render(result: CheckResult, lang: str = "zh") -> str:
    return join_stream(head, item, SEP, tail, result, lang)
