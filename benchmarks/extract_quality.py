"""Extraction quality against the hand-made gold annotations.

Usage: ``python benchmarks/extract_quality.py [--strict] [--verbose] [GOLD.yaml ...]``

Loads tests/extract/gold/*.gold.yaml and tests/extract/samples/*/gold.yaml, runs the extractor on
each one's input and prints, per sample and overall:

* figure precision and recall: a figure matches a gold figure on line + value + unit + bound (for a
  gold entry whose line is null: on its text and sentence); each gold figure matches at most once;
* indicator accuracy: gold indicators whose id, value and bound the extractor got right;
* section accuracy: of the six statutory parts, how many the extractor got present/absent right;
* implicit full-coverage phrases found (recall).

Targets: figure precision >= 0.97 and recall >= 0.97, every gold indicator right. With --strict the
exit code is 1 when a target is missed; without it the script only reports.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hulifa.extract import Extraction, extract_text, read_text  # noqa: E402
from hulifa.extract.figures import Figure  # noqa: E402
from hulifa.model import SECTION_IDS  # noqa: E402

TARGET_PRECISION = 0.97
TARGET_RECALL = 0.97
_UNIT_SAME = {"个百分点": "百分点", "个工作日": "工作日"}


def _unit(unit: Any) -> str:
    text = unicodedata.normalize("NFKC", str(unit or "")).strip()
    return _UNIT_SAME.get(text, text)


def _norm(text: Any) -> str:
    from hulifa.extract.textload import fold

    return "".join(fold(unicodedata.normalize("NFKC", str(text or ""))).split())


def _bound(raw: Any) -> str:
    return str(raw or "exact")


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


@dataclass
class Score:
    name: str
    gold_figures: int = 0
    found_figures: int = 0
    matched_figures: int = 0
    gold_indicators: int = 0
    right_indicators: int = 0
    extra_indicators: int = 0
    sections_right: int = 0
    sections_total: int = 0
    implicit_gold: int = 0
    implicit_found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_figures / self.found_figures if self.found_figures else 1.0

    @property
    def recall(self) -> float:
        return self.matched_figures / self.gold_figures if self.gold_figures else 1.0

    @property
    def indicator_accuracy(self) -> float:
        return self.right_indicators / self.gold_indicators if self.gold_indicators else 1.0

    @property
    def section_accuracy(self) -> float:
        return self.sections_right / self.sections_total if self.sections_total else 1.0


def gold_files(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    tests = ROOT / "tests" / "extract"
    return sorted((tests / "gold").glob("*.gold.yaml")) + sorted((tests / "samples").glob("*/gold.yaml"))


def _figure_matches(fig: Figure, gold: dict[str, Any]) -> bool:
    if not (_same_value(fig.value, gold.get("value")) and _unit(fig.unit) == _unit(gold.get("unit"))):
        return False
    if _bound(gold.get("bound")) != fig.bound.value:
        return False
    if gold.get("line") is not None:
        return bool(fig.line == gold["line"])
    text_ok = _norm(gold.get("text")) in _norm(fig.sentence) and (
        _norm(fig.text) in _norm(gold.get("text")) or _norm(gold.get("text")) in _norm(fig.text)
    )
    sentence = gold.get("sentence")
    return text_ok and (sentence is None or _norm(sentence) in _norm(fig.sentence))


def _assign(found: list[Figure], gold: list[dict[str, Any]]) -> tuple[int, list[dict[str, Any]], list[Figure]]:
    """Greedy one-to-one matching; gold entries with a sentence are matched first (they are pickier)."""
    used: set[int] = set()
    unmatched_gold = []
    order = sorted(range(len(gold)), key=lambda i: gold[i].get("sentence") is None)
    matched = 0
    for gi in order:
        g = gold[gi]
        candidates = [i for i, f in enumerate(found) if i not in used and _figure_matches(f, g)]
        if g.get("sentence") and len(candidates) > 1:
            narrowed = [i for i in candidates if _norm(g["sentence"]) in _norm(found[i].sentence)]
            candidates = narrowed or candidates
        if candidates:
            used.add(candidates[0])
            matched += 1
        else:
            unmatched_gold.append(g)
    extra = [f for i, f in enumerate(found) if i not in used]
    return matched, unmatched_gold, extra


def score_one(path: Path, pack: Any) -> Score:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = (path.parent / str(gold.get("source", "input.txt"))).resolve()
    name = path.parent.name if path.name == "gold.yaml" else path.name.removesuffix(".gold.yaml")
    score = Score(name)
    try:
        text, _ = read_text(source)
    except Exception as exc:  # report, do not stop the benchmark
        score.misses.append(f"cannot read {source}: {exc}")
        text, _ = read_text(source, gold.get("encoding"))
    ex: Extraction = extract_text(text, pack)

    figures = list(gold.get("figures") or [])
    score.gold_figures = len(figures)
    score.found_figures = len(ex.figures)
    matched, missed, extra = _assign(list(ex.figures), figures)
    score.matched_figures = matched
    for g in missed:
        score.misses.append(
            f"figure missed: line {g.get('line')} {g.get('text')} = {g.get('value')}{g.get('unit', '')} "
            f"({_bound(g.get('bound'))})"
        )
    for f in extra:
        score.misses.append(f"figure extra: line {f.line} {f.text} = {f.value:g}{f.unit} ({f.bound.value})")

    ours = {i.id: i for i in ex.indicators}
    wanted = list(gold.get("indicators") or [])
    # an implicit phrase that settles an indicator (全覆盖 → 100%) is gold for that indicator too
    given = {g["id"] for g in wanted}
    for g in gold.get("implicit") or []:
        if g.get("indicator") and g["indicator"] not in given:
            wanted.append({"id": g["indicator"], "value": 100, "bound": "exact", "line": g.get("line")})
            given.add(g["indicator"])
    score.gold_indicators = len(wanted)
    for g in wanted:
        got = ours.get(g["id"])
        ok = got is not None and _same_value(got.value, g.get("value"))
        if ok and not isinstance(g.get("value"), bool):
            ok = got.bound.value == _bound(g.get("bound"))
        if ok:
            score.right_indicators += 1
        else:
            have = "none" if got is None else f"{got.value} ({got.bound.value}) line {got.line}"
            score.misses.append(
                f"indicator wrong: {g['id']} want {g.get('value')} ({_bound(g.get('bound'))}), got {have}"
            )
    gold_ids = {g["id"] for g in wanted}
    for ind in ex.indicators:
        if ind.id not in gold_ids:
            score.extra_indicators += 1
            score.misses.append(f"indicator extra: {ind.id} = {ind.value} line {ind.line} «{ind.text}»")

    sections = gold.get("sections") or {}
    present = set(ex.section_ids)
    for sid in SECTION_IDS:
        if sid not in sections:
            continue
        want = sections[sid]
        want_present = bool(want.get("present", True)) if isinstance(want, dict) else bool(want)
        score.sections_total += 1
        if (sid in present) == want_present:
            score.sections_right += 1
        else:
            score.misses.append(f"section wrong: {sid} want {'present' if want_present else 'absent'}")

    implicit = list(gold.get("implicit") or [])
    score.implicit_gold = len(implicit)
    for g in implicit:
        hit = any(
            (g.get("line") is None or i.line == g["line"])
            and (_norm(i.phrase) in _norm(g.get("text")) or _norm(g.get("text")) in _norm(i.phrase))
            for i in ex.implicit
        )
        if hit:
            score.implicit_found += 1
        else:
            score.misses.append(f"implicit missed: line {g.get('line')} {g.get('text')}")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", help="gold files (default: all under tests/extract)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)

    from hulifa.rulepack import load_pack

    pack = load_pack(None)
    files = gold_files(args.gold)
    if not files:
        print("no gold files found")
        return 1 if args.strict else 0
    scores = [score_one(path, pack) for path in files]
    total = Score("OVERALL")
    for s in scores:
        for attr in (
            "gold_figures",
            "found_figures",
            "matched_figures",
            "gold_indicators",
            "right_indicators",
            "extra_indicators",
            "sections_right",
            "sections_total",
            "implicit_gold",
            "implicit_found",
        ):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))

    header = f"{'sample':<22}{'fig P':>7}{'fig R':>7}{'found/gold':>12}{'ind acc':>10}"
    header += f"{'extra':>7}{'sect':>8}{'impl':>8}"
    print(header)
    print("-" * len(header))
    for s in [*scores, total]:
        print(
            f"{s.name:<22}{s.precision:>7.3f}{s.recall:>7.3f}{f'{s.found_figures}/{s.gold_figures}':>12}"
            f"{f'{s.right_indicators}/{s.gold_indicators}':>10}{s.extra_indicators:>7}"
            f"{f'{s.sections_right}/{s.sections_total}':>8}{f'{s.implicit_found}/{s.implicit_gold}':>8}"
        )
    if args.verbose:
        for s in scores:
            if s.misses:
                print(f"\n== {s.name}")
                for miss in s.misses:
                    print(f"  {miss}")
    ok = (
        total.precision >= TARGET_PRECISION
        and total.recall >= TARGET_RECALL
        and total.right_indicators == total.gold_indicators
    )
    print(
        f"\ntargets: figure precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}, "
        f"every indicator right: {'met' if ok else 'NOT met'}"
    )
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
