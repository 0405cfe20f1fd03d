"""`hulifa init`: a report-data template listing every indicator the pack requires, with name and unit."""

from __future__ import annotations

import json

from hulifa.evaluate import whole_report
from hulifa.messages import UNIT_NAMES, expected_text
from hulifa.model import Rule, RulePack, body_of
from hulifa.reporters._common import basis_label
from hulifa.reporters.labels import pick


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _comment(rule: Rule, lang: str) -> str:
    """What an indicator's entry is, above it: name, unit, target and how binding its basis is, in
    words as `check` says them ("依据(法律法规)", "Basis (law)"; the codes are for machines)."""
    unit = {"bool": pick(("是/否", "yes/no"), lang), "date": "YYYY-MM-DD"}.get(rule.unit, rule.unit)
    if lang == "en":
        unit = UNIT_NAMES.get(unit, unit)  # "days", "hours"
    name = (rule.name_en or rule.name) if lang == "en" else rule.name
    target = pick(("要求", "target"), lang)
    return f"  # {name} ({unit}) {target} {expected_text(rule, lang)} · {basis_label(rule.basis, lang)}"


def report_template(
    pack: RulePack, region: str, year: int, level: str, department_of: str = "", lang: str = "zh"
) -> str:
    """YAML text; every applicable indicator is present but empty, so `check` reports it until filled.
    Each indicator's comment is in `lang`; the header says everything in both."""
    lines = [
        "# yaml-language-server: $schema=report.schema.json",
        "# 编辑器校验:先运行 hulifa schema report --output report.schema.json / for editors, first run that command",
        f"# 报告数据模板 / report-data template — rule pack: {pack.id} {pack.version}",
        "# 每个指标填写数值,并在 evidence 中引用原文句子。Fill in each value and quote its sentence as evidence.",
        '# 数值写法 / value forms: 12 | "1700余" | "90%以上" | "百分之九十" | true/false | {value: …, evidence: …}',
        f"region: {_quote(region)}",
        f"level: {level}",
        *([f"department_of: {department_of}"] if department_of else []),
        f"year: {year}",
        "# published: YYYY-MM-DD   # 公开日期;未公开前不要填写 / leave out until published",
        "# submitted: YYYY-MM-DD   # 报送日期",
        "sections:",
    ]
    parts = ("measures", "shortcomings", "causes", "first_responsible", "next_year", "other")
    for part in parts:
        lines.append(f'  {part}: false   # 改为 {{evidence: "…"}} / set to {{evidence: "…"}}')
    lines.append("indicators:")
    for rule in pack.rules:
        if whole_report(rule) or not rule.applies(body_of(level, department_of), year):
            continue
        lines.append(_comment(rule, lang))
        lines.append(f"  {rule.id}:")
        lines.append("    value:")
        lines.append('    evidence: ""')
    return "\n".join(lines) + "\n"
