"""`--format json-compact`: the `--format json` document (format 3, docs/json-output.md) with no white
space between its tokens and each report on a line of its own. Same keys, same values, same streaming."""

from __future__ import annotations

from hulifa.model import CheckResult, ReportResult, RulePack
from hulifa.reporters import json_
from hulifa.reporters._common import join_stream

SEP = json_.SEP


def head(pack: RulePack | None, lang: str = "zh") -> str:
    return json_.head(pack, lang, json_.COMPACT)


def item(report: ReportResult, lang: str = "zh") -> str:
    return json_.report_text(report, json_.COMPACT)


def tail(lang: str = "zh") -> str:
    return "\n]}\n"


def render(result: CheckResult, lang: str = "zh") -> str:
    return join_stream(head, item, SEP, tail, result, lang)
