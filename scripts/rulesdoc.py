"""Write docs/rules.md from the bundled default pack: every rule with its source, strength, severity
and why, so a reviewer can read the whole pack without opening YAML.

    python scripts/rulesdoc.py          # rewrite docs/rules.md
    python scripts/rulesdoc.py --check  # exit 1 if docs/rules.md is not what the pack gives
"""

from __future__ import annotations

import sys
from pathlib import Path

from hulifa.messages import LIMITS, expected_text, scopes_text
from hulifa.model import Rule, RulePack
from hulifa.rulepack import load_pack

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

HEADER = """\
# The default rule pack, rule by rule

Generated from `rules/default.yaml` by `python scripts/rulesdoc.py`; do not edit by hand (a test
checks that this file is what the pack gives).

{limits_zh}
{limits_en}

## How to read a verdict

- **Strength** says how binding the target is: `HARD-LAW` (statute, regulation, judicial
  interpretation), `HARD-POLICY` (binding Party/State document), `EVAL` (an evaluation system's
  scoring target), `PRACTICE` (local practice, named where it comes from one place) and
  `UNCONFIRMED` (no source confirmed it: at most a note, `info`, whether missed or not stated).
- **Severity** applies when a stated value misses the target; **when not stated** when the report
  does not give it. The law binds the conduct, not always the report's content, so a hard target
  is an error when missed but often a warning or a note when not stated.
- **Hedged duties** ("一般", "原则上"): a missed target is at most a warning, and the finding says the
  report must give the reason for the exception.
- **Statutory extensions** (复议 60 日 +30, 代表建议 3 个月/6 个月, 信访 60 日 +30): a value within
  the extension is never a shortfall; it is `unverifiable` (info) until the report states the
  approval.
- **须填报 (must be stated)**: no target; a stated value is `stated` (已填报), never "met".
- **Applies to**: the bodies (`town` = 乡镇、街道; `department.county` = a county government's
  department) and years a rule holds for; "all" means every body.
- Links go to official pages only; a document known only from a private reprint is cited by name
  and number.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rule(rule: Rule) -> str:
    b = rule.basis
    years = ""
    if rule.year_from or rule.year_to:
        years = f"; years {rule.year_from or ''}–{rule.year_to or ''}"
    lines = [
        f"### {rule.name} (`{rule.id}`)",
        "",
        f"{rule.name_en}" if rule.name_en else "",
        "",
        "| | |",
        "|---|---|",
        f"| Target | {_cell(expected_text(rule))} |",
        f"| Severity | {rule.severity.value} when missed, {rule.missing_severity.value} when not stated |",
        f"| Strength | {b.strength.value}{' (' + _cell(b.qualifier) + ')' if b.qualifier else ''} |",
        f"| Source | {_cell(b.cite())}{' — ' + b.url if b.url else ''} |",
        f"| Applies to | {_cell(scopes_text(rule) or 'all')}{years} |",
    ]
    if rule.same_as:
        lines.append(f"| Old-law twin of | `{rule.same_as}` (values given under its keys count here) |")
    if rule.government_only:
        lines.append("| Counts | the government alone: a figure shared with the Party committee cannot settle it |")
    if b.note:
        lines.append(f"| Note | {_cell(b.note)} |")
    if rule.why:
        lines.append(f"| Why | {_cell(rule.why)} |")
    return "\n".join(line for line in lines if line is not None) + "\n"


def render(pack: RulePack) -> str:
    out = [HEADER.format(limits_zh=LIMITS.zh, limits_en=LIMITS.en)]
    out.append(f"Pack `{pack.id}` {pack.version}: {len(pack.rules)} rules.\n")
    for rule in pack.rules:
        out.append(_rule(rule))
    return "\n".join(out)


def main(argv: list[str]) -> int:
    text = render(load_pack())
    if "--check" in argv:
        same = DOC.is_file() and DOC.read_text(encoding="utf-8") == text
        if not same:
            sys.stderr.write("docs/rules.md is out of date: run python scripts/rulesdoc.py\n")
        return 0 if same else 1
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
