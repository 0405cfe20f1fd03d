"""Verdict agreement: does `hulifa check` on the published text give the verdict the gold gives?

Usage: ``python benchmarks/extract_verdict.py [--verbose] [GOLD.yaml | GOLD_DIR ...]`` (the same gold
files as benchmarks/extract_quality.py, which prints the same agreement as its ``verdict`` column).

For each sample, the default pack checks two reports on a fixed day (2026-01-01, so deadlines do
not move with the clock):

(a) **the gold report**, report data built from the gold file:
    * ``region``, ``level`` and ``year`` from its header; for a department, ``department_of`` from
      ``gov_level`` (province | city | county), where the gold gives it;
    * ``sections``: each of the six parts ``true`` or ``false`` as the gold marks it present;
    * ``indicators``: each gold indicator's ``value`` with its ``unit``, ``bound`` and ``mean`` (a yes/no
      indicator as ``true``); an indicator marked ``ambiguous`` (one figure several bodies share)
      gets ``shared_with`` naming a placeholder body; an implicit phrase that the gold ties to an
      indicator (全覆盖 → that rate) gives it 100 %, as extract_quality.py scores it.

    What the gold format cannot express is approximated: it does not say *which* bodies share an
    ambiguous figure (a placeholder is named), nor whether a 第一责任人 passage is in doubt (a part
    the gold marks present is plainly present), nor any publication date (both sides leave it out).
(b) **the extracted report**: exactly what ``hulifa check input.txt`` does (extract, then check),
    on the sample's own input (text, HTML, docx or PDF).

The per-rule statuses (pass / stated / shortfall / missing / unverifiable / invalid / ...) are then
compared, over the pack's rules that apply to the report in either verdict (a rule that is
not_applicable on both sides is not counted; hulifa's own notes such as hulifa.level are left out).
Agreement = rules with the same status / rules counted. A text that cannot be checked at all
(exit 2) agrees on nothing. The exit code each verdict gives (``--fail-on error``) is compared too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hulifa.model import ReportResult, RulePack, Severity, Status  # noqa: E402
from hulifa.runner import check_file  # noqa: E402

TODAY = dt.date(2026, 1, 1)
SHARED_PLACEHOLDER = "(gold: 多主体共用 / shared)"
GOV_LEVELS = ("province", "city", "county")


def implicit_indicators(implicit: dict[str, Any]) -> list[str]:
    """The indicators a gold implicit phrase settles: one id, or a list (均按期办复 after 代表建议…、
    政协提案… settles both handled rates)."""
    named = implicit.get("indicator") or []
    return [named] if isinstance(named, str) else list(named)


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def gold_report_yaml(gold: dict[str, Any]) -> str:
    """Report data (YAML) that states exactly what the gold says; see the module docstring."""
    lines = [f"region: {_scalar(str(gold.get('region') or ''))}"]
    level = gold.get("level")
    lines.append(f"level: {level}")
    if level == "department" and gold.get("gov_level") in GOV_LEVELS:
        lines.append(f"department_of: {gold['gov_level']}")
    lines.append(f"year: {gold.get('year')}")
    lines.append("sections:")
    for sid, sec in (gold.get("sections") or {}).items():
        present = bool(sec.get("present", True)) if isinstance(sec, dict) else bool(sec)
        lines.append(f"  {sid}: {'true' if present else 'false'}")
    wanted = list(gold.get("indicators") or [])
    given = {g["id"] for g in wanted}
    for imp in gold.get("implicit") or []:
        for rule_id in implicit_indicators(imp):
            if rule_id not in given:
                wanted.append({"id": rule_id, "value": 100, "unit": "%", "bound": "exact"})
                given.add(rule_id)
    lines.append("indicators:" if wanted else "indicators: {}")
    for g in wanted:
        value = g.get("value")
        if isinstance(value, bool):
            lines.append(f"  {g['id']}: {'true' if value else 'false'}")
            continue
        lines.append(f"  {g['id']}:")
        lines.append(f"    value: {_scalar(value)}")
        if g.get("unit"):
            lines.append(f"    unit: {_scalar(str(g['unit']))}")
        lines.append(f"    bound: {g.get('bound') or 'exact'}")
        if g.get("mean"):
            lines.append("    mean: true")
        if g.get("ambiguous"):
            lines.append(f"    shared_with: [{_scalar(SHARED_PLACEHOLDER)}]")
    return "\n".join(lines) + "\n"


def statuses(result: ReportResult) -> dict[str, str]:
    """Rule id -> status, for the pack's rules (hulifa's own notes left out)."""
    return {f.rule: f.status.value for f in result.findings if not f.rule.startswith("hulifa.")}


def _exit(result: ReportResult) -> int:
    if not result.checked:
        return 2
    return 1 if result.worst().rank >= Severity.ERROR.rank else 0


@dataclass
class Verdict:
    name: str
    same: int = 0
    counted: int = 0
    exit_gold: int = 0
    exit_text: int = 0
    differ: list[tuple[str, str, str]] = field(default_factory=list)  # rule, gold status, text status
    error: str = ""

    @property
    def agreement(self) -> float:
        return self.same / self.counted if self.counted else 1.0

    def text(self) -> str:
        return f"{self.same}/{self.counted}"


def compare(name: str, gold_result: ReportResult, text_result: ReportResult) -> Verdict:
    verdict = Verdict(name, exit_gold=_exit(gold_result), exit_text=_exit(text_result))
    want = statuses(gold_result)
    got = statuses(text_result) if text_result.checked else {}
    if not text_result.checked:
        from hulifa import messages

        verdict.error = messages.message(text_result.findings[0], "en") if text_result.findings else "not checked"
    na = Status.NOT_APPLICABLE.value
    for rule in sorted(set(want) | set(got)):
        a, b = want.get(rule, "error" if not gold_result.checked else "absent"), got.get(rule, "error")
        if a == na and b == na:
            continue
        verdict.counted += 1
        if a == b:
            verdict.same += 1
        else:
            verdict.differ.append((rule, a, b))
    return verdict


def verdict_of(gold_path: Path, pack: RulePack) -> Verdict:
    """Check the gold report and the sample's text, and compare the two verdicts."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    source = (gold_path.parent / str(gold.get("source", "input.txt"))).resolve()
    name = gold_path.parent.name if gold_path.name == "gold.yaml" else gold_path.name.removesuffix(".gold.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "gold-report.yaml"
        report.write_text(gold_report_yaml(gold), encoding="utf-8")
        gold_result = check_file(str(report), pack, today=TODAY)
    if not gold_result.checked:  # the gold itself must be checkable: say so loudly
        raise SystemExit(f"{gold_path}: the report built from the gold cannot be checked: {gold_result.findings[:1]}")
    text_result = check_file(str(source), pack, today=TODAY)
    return compare(name, gold_result, text_result)


def total(verdicts: list[Verdict]) -> Verdict:
    out = Verdict("OVERALL")
    for v in verdicts:
        out.same += v.same
        out.counted += v.counted
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "gold",
        nargs="*",
        help="gold files or folders (default: the tuning set, found as extract_quality.py finds it)",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every disagreeing rule")
    args = parser.parse_args(argv)

    from extract_quality import gold_files  # the same gold files, found the same way

    from hulifa.rulepack import load_pack

    pack = load_pack(None)
    verdicts = [verdict_of(path, pack) for path in gold_files(args.gold)]
    width = max(22, *(len(v.name) + 2 for v in verdicts)) if verdicts else 22
    print(f"{'sample':<{width}}{'rules agree':>12}{'share':>8}{'exit gold/text':>16}  disagreeing rules (gold → text)")
    for v in [*verdicts, total(verdicts)]:
        exits = f"{v.exit_gold}/{v.exit_text}" if v.name != "OVERALL" else ""
        shown = ", ".join(f"{rule} {a}→{b}" for rule, a, b in v.differ)
        if not args.verbose and len(shown) > 100:
            shown = shown[:99] + "…"
        if v.error:
            shown = f"cannot check the text: {v.error}"
        print(f"{v.name:<{width}}{v.text():>12}{v.agreement:>8.3f}{exits:>16}  {shown}")
    same_exit = sum(v.exit_gold == v.exit_text for v in verdicts)
    print(f"\nexit code (--fail-on error) the same on {same_exit}/{len(verdicts)} samples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
