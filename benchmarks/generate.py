"""Deterministic, seeded generator of realistic report-data files, with planted shortfalls.

    python benchmarks/generate.py OUT_DIR --count N --seed S

Writes OUT_DIR/bNN/NNNNNN.yaml (1,000 files per batch folder, so OUT_DIR/b00 is a 1k subset) and
OUT_DIR/manifest.json: {"files": {"b00/000000.yaml": [[rule_id, status], ...], ...}}.

Each file is one region's report in the format of docs/report-data.md: ~50 indicators keyed by
rule id, Chinese name or alias, mostly mappings with an evidence sentence, string figures as
reports write them ("1700余人次", "90%以上", "1.1万余件", "百分之九十"), sections, dates, and a
`figures` list, ~7 KB in all. A clean file yields only `pass` and `not_applicable` findings; every
other finding the default pack should give is planted on purpose and listed in the manifest, so
a benchmark can check that the manifest and hulifa's non-pass findings agree exactly.

File i depends only on (seed, i): a run with --count 1000 writes the same first 1,000 files as one
with --count 10000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import random
import sys
from pathlib import Path

import yaml

from hulifa.model import Kind, Rule
from hulifa.rulepack import load_pack

PER_BATCH = 1000
# Bumped whenever the files for a (seed, i) change, so that data generated earlier is made again.
# 2: between-rules, date indicators, extensions and per-level deadlines of the current default pack.
VERSION = 2
LEVELS = ["district"] * 40 + ["county"] * 35 + ["city"] * 15 + ["province"] * 2 + ["department"] * 8
YEARS = [2022, 2023, 2024, 2024]
SECTION_IDS = ("measures", "shortcomings", "causes", "first_responsible", "next_year", "other")

_PLACE_A = "东南西北中新长安平永宁和兴丰泰华庆德清江河山湖海云福顺康寿阳明光金石青白龙凤"
_PLACE_B = "城州阳江川山湖源溪林岭桥州安宁昌平兴定远乐化"
_SUFFIX = {"district": "区", "county": "县", "city": "市", "province": "省", "department": "局"}
_DEPTS = ["司法局", "政府办", "发改委", "市场监管局", "政务服务中心", "信访局", "人社局", "生态环境局"]

_EVIDENCE = [
    "{year}年,{region}{name}{fig},有关工作均按要求完成并建立台账。",
    "全年{name}{fig},较上年度进一步提升,相关情况已向{dept}备案。",
    "据{dept}统计,{year}年度{name}为{fig},工作成效持续巩固。",
    "坚持依法行政,{name}达到{fig},切实做到有据可查、有档可核。",
    "{region}深入推进法治政府建设,{name}{fig},群众满意度稳步提升。",
]
_SECTION_EVIDENCE = {
    "measures": "一、坚持党的领导,统筹推进法治政府建设 … 六、强化监督制约,规范权力运行",
    "shortcomings": (
        "{year}年{region}法治政府建设取得积极进展,但也存在一些短板弱项:执法力量有待加强,基层法治宣传有待深入。"
    ),
    "causes": "究其原因,主要是部分领导干部运用法治思维和法治方式推动工作的能力还不够强,法治人才储备不足。",
    "first_responsible": "{region}党政主要负责同志认真履行推进法治建设第一责任人职责,专题研究法治政府建设工作。",
    "next_year": "{next}年,{region}将坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想。",
    "other": "其他需要报告的情况:本年度无重大行政争议事件,法治政府示范创建工作稳步推进。",
}
_FIGURES = ["5.8万户", "400余家", "88次", "104万余元", "5400余次", "900余次", "270件", "71件", "3376项", "241个"]


class Plain(str):
    """Written as is, unquoted, even where YAML 1.1 reads it as something else (NO, 1:20)."""


@functools.cache
def _plain_ok(text: str) -> bool:
    """True when `text` reads back as the same string written as a plain YAML scalar."""
    if not text or text[0] in "!&*-?{}[]|>'\"%@`#,:" or ": " in text or " #" in text or text != text.strip():
        return False
    try:
        return bool(yaml.load(f"k: {text}\n", Loader=yaml.CSafeLoader) == {"k": text})
    except yaml.YAMLError:
        return False


def scalar(text: object) -> str:
    if not isinstance(text, str):
        return json.dumps(text)
    if isinstance(text, Plain):
        return str(text)
    return text if _plain_ok(text) else json.dumps(text, ensure_ascii=False)


def _region(rng: random.Random, level: str) -> str:
    return rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + _SUFFIX[level]


def _count_figure(rng: random.Random, unit: str) -> str | int:
    style = rng.random()
    if style < 0.35:
        return f"{rng.randint(1, 999)}{unit}"
    if style < 0.6:
        return f"{rng.randint(2, 99) * 100}余{unit}"
    if style < 0.75:
        return f"{rng.randint(11, 99) / 10:.1f}万余{unit}"
    if style < 0.85:
        return f"超过{rng.randint(2, 50) * 10}{unit}"
    if style < 0.93:
        return f"约{rng.randint(2, 90) * 10}{unit}"
    return rng.randint(1, 5000)  # a bare number: the rule's unit is assumed


def _passing(rng: random.Random, rule: Rule, year: int) -> tuple[object, str]:
    """A value meeting the rule, as (YAML value, the figure as it reads in a sentence)."""
    req, unit = rule.requirement, rule.unit
    units = rule.accepted_units
    if req.kind is Kind.AFFIRMED:
        return rng.choice([(True, "已落实"), ("是", "已落实")])
    if req.kind is Kind.EQUALS:
        target = req.target or 0
        if unit == "%" and target == 100:
            return rng.choice([("100%", "100%"), ("100%", "100%"), (100, "100%"), ("全覆盖", "实现全覆盖")])
        return (f"{target:g}{unit}", f"{target:g}{unit}")
    if req.kind is Kind.AT_LEAST:
        target = req.target or 0
        u = rng.choice(units) if unit != "%" else "%"
        v = target + rng.choice([0, 2, 5, 10, 18])
        return (f"{v:g}{u}", f"{v:g}{u}") if rng.random() < 0.8 else (f"{v:g}{u}以上", f"{v:g}{u}以上")
    if req.kind is Kind.BETWEEN:
        v = rng.randint(int(req.target or 0), int(req.target_max or 0))
        return f"{v}{unit}", f"{v}{unit}"
    if req.kind is Kind.DEADLINE:  # an indicator that is a date (the report's own dates are fields)
        month, day = (int(part) for part in req.before.split("-"))
        when = f"{year + req.year_offset}-{month:02d}-{rng.randint(1, max(1, day - 1)):02d}"
        return when, when
    if req.kind is Kind.AT_MOST:
        target = req.target or 0
        u = rng.choice(units)
        v = max(1, int(target) - rng.randint(0, int(target) // 2))
        return (f"{v}{u}", f"{v}{u}") if rng.random() < 0.8 else (f"{v}{u}以内", f"{v}{u}以内")
    # reported
    if unit == "%":
        fig = rng.choice(
            [f"{rng.randint(0, 99)}.{rng.randint(0, 9)}%", f"{rng.randint(60, 95)}%以上", "百分之九十", "8成"]
        )
        return fig, fig
    if unit in ("bool", "date"):
        return True, "已落实"
    count = _count_figure(rng, rng.choice(units))
    return count, f"{count}{unit}" if isinstance(count, int) else count


# Planted deviations: name -> (rule filter, value maker, expected status)
def _plant_value(rng: random.Random, rule: Rule, how: str) -> tuple[object, str]:
    req, unit = rule.requirement, rule.unit
    target = req.target or 0
    if how == "short":
        if req.kind is Kind.AFFIRMED:
            return rng.choice([(False, "未落实"), ("否", "未落实")])
        if req.kind is Kind.EQUALS:
            pct = rng.choice(["98.6", "99.2", "95", "97.5", "86"])
            return (f"{pct}%", f"{pct}%") if rng.random() < 0.7 else (float(pct), f"{pct}%")
        if req.kind is Kind.AT_LEAST:
            v = max(1, int(target * rng.uniform(0.3, 0.9)))
            return f"{v}{unit}", f"{v}{unit}"
        if req.kind is Kind.BETWEEN:
            v = int((req.target_max or 0) * rng.uniform(1.2, 2.0)) + 1
            return f"{v}{unit}", f"{v}{unit}"
        if req.kind is Kind.AT_MOST:  # beyond any extension the law allows, or it is only unsettled
            v = int((target + (req.extension or 0)) * rng.uniform(1.2, 2.0)) + 1
            return f"{v}{rng.choice(rule.accepted_units)}", f"{v}{unit}"
    if how == "unverifiable":  # a bound that cannot settle an exact target
        return rng.choice([("95%以上", "95%以上"), ("近100%", "近100%"), ("约98%", "约98%")])
    if how == "invalid":
        return rng.choice([("105%", "105%"), ("较好", "较好"), (Plain("NO"), "NO")])
    raise ValueError(how)


def _dated(
    rng: random.Random,
    rules: tuple[Rule, ...],
    applies: dict[str, bool],
    field: str,
    year: int,
    late: bool,
    planted: list[tuple[str, str]],
) -> str:
    """The report's `published` or `submitted` date: 1-25 days before the deadline of the rule on that
    field which applies to this report's level (or as many days after it, planted as a shortfall)."""
    rule = next(r for r in rules if r.requirement.field == field and applies[r.id])
    month, day = (int(part) for part in rule.requirement.before.split("-"))
    deadline = dt.date(year + rule.requirement.year_offset, month, day)
    days = dt.timedelta(days=rng.randint(1, 25))
    if late:
        planted.append((rule.id, "shortfall"))
        return (deadline + days).isoformat()
    return (deadline - days).isoformat()


def make_report(seed: int, index: int, rules: tuple[Rule, ...]) -> tuple[str, list[tuple[str, str]]]:
    rng = random.Random(f"{seed}:{index}")
    level = rng.choice(LEVELS)
    year = rng.choice(YEARS)
    region = _region(rng, level)
    code = f"{rng.randint(11, 65)}{rng.randint(1, 99):02d}{rng.randint(1, 99):02d}"
    # deadlines on the report's own fields (published, submitted) are written below; other deadlines
    # are indicators whose value is a date
    value_rules = [
        r
        for r in rules
        if r.requirement.kind is not Kind.SECTION and not (r.requirement.kind is Kind.DEADLINE and r.requirement.field)
    ]
    applies = {r.id: r.applies(level, year) for r in rules}
    planted: list[tuple[str, str]] = []

    # choose what to plant: 0-4 deviations on distinct rules, ~1.6 per file on average
    plans: dict[str, str] = {}
    n_plant = rng.choices([0, 1, 2, 3, 4], weights=[20, 30, 25, 15, 10])[0]
    for _ in range(n_plant):
        kind = rng.choices(
            ["short", "unverifiable", "invalid", "missing", "late", "partial", "no_section", "unknown"],
            weights=[40, 10, 8, 12, 10, 10, 5, 5],
        )[0]
        if kind in ("short", "unverifiable", "invalid", "missing"):
            if kind == "short":
                pool = [
                    r
                    for r in value_rules
                    if r.requirement.kind in (Kind.EQUALS, Kind.AT_LEAST, Kind.AT_MOST, Kind.BETWEEN, Kind.AFFIRMED)
                ]
            elif kind == "missing":
                # only rules whose absence is reported; REPORTED rules too. Not a rule that reads another's
                # indicator (same_as) or is read by one: the other key still gives the value.
                paired = {r.id for r in value_rules if r.same_as} | {r.same_as for r in value_rules}
                pool = [r for r in value_rules if r.id not in paired]
            else:
                pool = [r for r in value_rules if r.unit == "%" and r.requirement.kind is Kind.EQUALS]
            pool = [r for r in pool if applies[r.id] and r.id not in plans]
            if pool:
                plans[rng.choice(pool).id] = kind
        elif kind not in plans.values() or kind == "unknown":
            plans.setdefault(f"@{kind}", kind)

    def fig_line(rule: Rule, fig: str) -> str:
        if rule.unit == "bool":
            return f"{region}{rule.name}工作{fig},已形成制度性安排。"
        return rng.choice(_EVIDENCE).format(year=year, region=region, name=rule.name, fig=fig, dept=rng.choice(_DEPTS))

    lines = [
        "# yaml-language-server: $schema=../../src/hulifa/schemas/report.schema.json",
        f"# {region} {year}年法治政府建设年度报告(生成的基准数据 / generated benchmark data, #{index})",
        f"region: {region}",
        f'region_code: "{code}"',
        f"level: {level}",
        f"year: {year}",
    ]
    pub_late = "@late" in plans and rng.random() < 0.5
    sub_late = "@late" in plans and not pub_late
    published = _dated(rng, rules, applies, "published", year, pub_late, planted)
    submitted = _dated(rng, rules, applies, "submitted", year, sub_late, planted)
    lines += [f"published: {published}", f"submitted: {submitted}"]
    lines.append(f"source: https://www.example.gov.cn/fzzf/{year}/{index:06d}.html")

    # sections
    present: dict[str, bool | None] = {s: True for s in SECTION_IDS}
    if "@partial" in plans:
        present["causes"] = False
        planted.append(("part_shortcomings_causes", "shortfall"))
    if "@no_section" in plans:
        gone = rng.choice(["next_year", "first_responsible", "measures"])
        present[gone] = None  # left out entirely
        planted.append(
            (
                {
                    "next_year": "part_next_year",
                    "first_responsible": "part_first_responsible",
                    "measures": "part_measures",
                }[gone],
                "missing",
            )
        )
    if rng.random() < 0.15:
        lines.append("sections: [" + ", ".join(s for s in SECTION_IDS if present[s]) + "]")
    else:
        lines.append("sections:")
        for s in SECTION_IDS:
            if present[s] is None:
                continue
            if present[s] is False:
                lines.append(f"  {s}: false")
            elif rng.random() < 0.1:
                lines.append(f"  {s}: true")
            else:
                ev = _SECTION_EVIDENCE[s].format(year=year, next=year + 1, region=region)
                lines.append(f"  {s}:")
                lines.append(f"    evidence: {scalar(ev)}")

    # indicators
    lines.append("indicators:")
    order = list(value_rules)
    rng.shuffle(order)
    for rule in order:
        how = plans.get(rule.id)
        if how == "missing":
            planted.append((rule.id, "missing"))
            continue
        if how is None:
            value, fig = _passing(rng, rule, year)
        else:
            value, fig = _plant_value(rng, rule, how)
            planted.append((rule.id, {"short": "shortfall"}.get(how, how)))
        key = rng.choices([rule.id, rule.name, *rule.aliases], weights=[5, 3, *[2] * len(rule.aliases)])[0]
        text = value if isinstance(value, str) else json.dumps(value)
        if rng.random() < 0.35:
            lines.append(f"  {scalar(key)}: {scalar(text) if isinstance(value, str) else text}")
            continue
        lines.append(f"  {scalar(key)}:")
        lines.append(f"    value: {scalar(text) if isinstance(value, str) else text}")
        lines.append(f"    evidence: {scalar(fig_line(rule, fig))}")
        if rng.random() < 0.08:
            lines.append(f"    note: {scalar('数据来源:' + rng.choice(_DEPTS) + '年度统计')}")
    if "@unknown" in plans:
        lines.append(f"  {scalar('法治宣传教育覆盖人次')}:")
        lines.append(f"    value: {scalar(_count_figure(rng, '人次'))}")
        lines.append(f"    evidence: {scalar('全年开展法治宣传教育活动,覆盖群众数万人次。')}")
        planted.append(("hulifa.unknown_indicator", "unknown"))

    lines.append("figures:")
    for fig in rng.sample(_FIGURES, 4):
        q = functools.partial(json.dumps, ensure_ascii=False)
        lines.append(f"  - {{text: {q(fig)}, evidence: {q('全年' + fig + ',相关工作有序推进。')}}}")
    return "\n".join(lines) + "\n", sorted(planted)


def relpath(index: int) -> str:
    return f"b{index // PER_BATCH:02d}/{index:06d}.yaml"


def generate(out: Path, count: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    rules = load_pack().rules
    manifest: dict[str, list[tuple[str, str]]] = {}
    for i in range(count):
        text, planted = make_report(seed, i, rules)
        rel = relpath(i)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        manifest[rel] = planted
    (out / "manifest.json").write_text(
        json.dumps({"seed": seed, "count": count, "version": VERSION, "files": manifest}, ensure_ascii=False, indent=0),
        encoding="utf-8",
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    manifest = generate(args.out_dir, args.count, args.seed)
    planted = sum(len(v) for v in manifest.values())
    sizes = [(args.out_dir / rel).stat().st_size for rel in manifest]
    print(
        f"wrote {len(manifest)} files to {args.out_dir} (mean {sum(sizes) / len(sizes) / 1024:.1f} KB), "
        f"{planted} planted findings listed in {args.out_dir / 'manifest.json'}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
