"""Extraction quality against the hand-made gold annotations.

Usage: ``python benchmarks/extract_quality.py [--strict] [--verbose] [GOLD.yaml | GOLD_DIR ...]``

Loads tests/extract/gold/*.gold.yaml and tests/extract/samples/*/gold.yaml (or the gold files and
folders given: a folder is searched for */gold.yaml and *.gold.yaml), runs the extractor on each
one's input and prints, per sample and overall, each score on its own:

* figure precision and recall: a figure matches a gold figure on line + value + unit + bound (for a
  gold entry whose line is null: on its text and sentence); each gold figure matches at most once;
* flags, over figures matched on line + value + unit: the bound right, and each of `prior` (an
  earlier level: 由494项减到304项 → 494 is prior), `change` (比上年增加…) and `plan` (next year's
  target) as found/gold/both; `shared` is the indicator-level mark for one count several bodies or
  indicators share (gold `ambiguous: true`);
* indicator accuracy: gold indicators whose id, value and bound the extractor got right;
* section accuracy: of the six statutory parts, how many the extractor got present/absent right;
* year, level and region: right or wrong against the gold's header (level only where the gold says; a
  region is compared as the body's place, so 云岭市人民政府 and 云岭市 agree, and the gold's `place`
  counts too, so 云溪区桂山街道 is 桂山街道办事处);
* implicit full-coverage phrases found (recall);
* verdict: of the pack's rules that apply, how many get the same status (pass / shortfall / missing /
  unverifiable ...) from `hulifa check` on the text as from the report built from the gold. How the
  gold report is built, and what it approximates: benchmarks/extract_verdict.py, which also lists
  the disagreeing rules.

Targets: figure precision >= 0.97 and recall >= 0.97, every gold indicator right. With --strict the
exit code is 1 when a target is missed; without it the script only reports.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from extract_verdict import implicit_indicators  # noqa: E402  (beside this script)

from hulifa.extract import Extraction, extract_text, read_text  # noqa: E402
from hulifa.extract.figures import Figure  # noqa: E402
from hulifa.model import SECTION_IDS  # noqa: E402

FLAGS = ("prior", "change", "plan", "shared")
META = ("year", "level", "region")
SUMMED = (
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
    "bound_right",
    "bound_total",
)
TARGET_PRECISION = 0.97
TARGET_RECALL = 0.97
_UNIT_SAME = {"个百分点": "百分点", "个工作日": "工作日"}


def _unit(unit: Any) -> str:
    text = unicodedata.normalize("NFKC", str(unit or "")).strip()
    return _UNIT_SAME.get(text, text)


def _norm(text: Any) -> str:
    from hulifa.extract.textload import fold

    return "".join(fold(unicodedata.normalize("NFKC", str(text or ""))).split())


def _body(name: Any) -> str:
    """A government is named by its place: 云岭市人民政府 and 云岭市, 东湖街道办事处 and 东湖街道, are one
    body (the gold writes the title's words, the extractor the place). A department keeps its name."""
    return re.sub(r"(?:人民政府|政府|办事处)$", "", _norm(name))


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
    # flags over figures matched on line + value + unit: name -> [gold, found, both]
    flags: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in FLAGS})
    bound_right: int = 0
    bound_total: int = 0
    meta_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(META, 0))
    meta_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(META, 0))
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for attr in SUMMED:
            setattr(self, attr, getattr(self, attr) + getattr(other, attr))
        for name, counts in other.flags.items():
            self.flags[name] = [a + b for a, b in zip(self.flags[name], counts, strict=True)]
        for key in META:
            self.meta_right[key] += other.meta_right[key]
            self.meta_total[key] += other.meta_total[key]

    def flag_text(self, name: str) -> str:
        gold, found, both = self.flags[name]
        return f"{both}/{gold}" + (f"+{found - both}" if found > both else "")

    def meta_text(self) -> str:
        return " ".join(
            f"{key[0]}{'✓' if self.meta_right[key] == self.meta_total[key] else '✗'}"
            if self.meta_total[key] == 1
            else f"{key[0]}{self.meta_right[key]}/{self.meta_total[key]}"
            for key in META
            if self.meta_total[key]
        )

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


def _in_folder(folder: Path) -> list[Path]:
    if (folder / "gold.yaml").is_file():
        # one sample's folder: its gold.yaml only. A PDF sample also keeps source.gold.yaml, the gold
        # of the page it was printed from, which is not this sample's input.
        return [folder / "gold.yaml"]
    return sorted(folder.glob("*.gold.yaml")) + sorted(folder.glob("*/gold.yaml"))


def gold_files(args: list[str]) -> list[Path]:
    """The gold files given (a folder stands for the gold files in it), or the tuning set."""
    if args:
        out: list[Path] = []
        for arg in args:
            path = Path(arg)
            out.extend(_in_folder(path) if path.is_dir() else [path])
        return out
    tests = ROOT / "tests" / "extract"
    return _in_folder(tests / "gold") + _in_folder(tests / "samples")


def _figure_matches(fig: Figure, gold: dict[str, Any], bound: bool = True) -> bool:
    if not (_same_value(fig.value, gold.get("value")) and _unit(fig.unit) == _unit(gold.get("unit"))):
        return False
    if bound and _bound(gold.get("bound")) != fig.bound.value:
        return False
    if gold.get("line") is not None:
        return bool(fig.line == gold["line"])
    text_ok = _norm(gold.get("text")) in _norm(fig.sentence) and (
        _norm(fig.text) in _norm(gold.get("text")) or _norm(gold.get("text")) in _norm(fig.text)
    )
    sentence = gold.get("sentence")
    return text_ok and (sentence is None or _norm(sentence) in _norm(fig.sentence))


def _pairs(found: list[Figure], gold: list[dict[str, Any]], bound: bool = True) -> list[tuple[int, int]]:
    """Greedy one-to-one matching as (gold index, found index); gold entries with a sentence are
    matched first (they are pickier)."""
    used: set[int] = set()
    pairs = []
    order = sorted(range(len(gold)), key=lambda i: gold[i].get("sentence") is None)
    for gi in order:
        g = gold[gi]
        candidates = [i for i, f in enumerate(found) if i not in used and _figure_matches(f, g, bound)]
        if g.get("sentence") and len(candidates) > 1:
            narrowed = [i for i in candidates if _norm(g["sentence"]) in _norm(found[i].sentence)]
            candidates = narrowed or candidates
        if candidates:
            used.add(candidates[0])
            pairs.append((gi, candidates[0]))
    return pairs


def _assign(found: list[Figure], gold: list[dict[str, Any]]) -> tuple[int, list[dict[str, Any]], list[Figure]]:
    pairs = _pairs(found, gold)
    matched_gold = {gi for gi, _ in pairs}
    used = {fi for _, fi in pairs}
    unmatched_gold = [g for i, g in enumerate(gold) if i not in matched_gold]
    extra = [f for i, f in enumerate(found) if i not in used]
    return len(pairs), unmatched_gold, extra


def _score_flags(score: Score, found: list[Figure], gold: list[dict[str, Any]]) -> None:
    """Bound and prior/change/plan marks, on figures matched regardless of bound."""
    for gi, fi in _pairs(found, gold, bound=False):
        g, f = gold[gi], found[fi]
        score.bound_total += 1
        if _bound(g.get("bound")) == f.bound.value:
            score.bound_right += 1
        else:
            score.misses.append(f"bound wrong: line {f.line} {f.text} want {_bound(g.get('bound'))}, got {f.bound}")
        for name in ("prior", "change", "plan"):
            want, got = bool(g.get(name)), bool(getattr(f, name))
            counts = score.flags[name]
            counts[0] += want
            counts[1] += got
            counts[2] += want and got
            if want != got:
                score.misses.append(f"flag {name} {'missed' if want else 'extra'}: line {f.line} {f.text}")


def _shared(ind: Any) -> bool:
    """Marked as one figure several bodies share: ambiguous, or with the bodies the YAML names."""
    from hulifa.extract.output import shared_with

    return bool(ind.ambiguous or shared_with(ind))


def _score_meta(score: Score, gold: dict[str, Any], ex: Extraction) -> None:
    got = {"year": ex.year, "level": ex.level, "region": ex.region}
    for key in META:
        if gold.get(key) in (None, ""):
            continue
        score.meta_total[key] += 1
        want = gold[key]
        if key == "region":  # the body as titled, or its full place (gold `place`: 云溪区桂山街道)
            names = {_body(want)} | ({_body(gold["place"])} if gold.get("place") else set())
            ok = bool(got[key]) and _body(got[key]) in names
        else:
            ok = str(want) == str(got[key])
        if ok:
            score.meta_right[key] += 1
        else:
            score.misses.append(f"{key} wrong: want {want}, got {got[key]}")


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
    _score_flags(score, list(ex.figures), figures)
    _score_meta(score, gold, ex)

    ours = {i.id: i for i in ex.indicators}
    wanted = list(gold.get("indicators") or [])
    # an implicit phrase that settles an indicator (全覆盖 → 100%) is gold for that indicator too
    given = {g["id"] for g in wanted}
    for g in gold.get("implicit") or []:
        for rule_id in implicit_indicators(g):
            if rule_id not in given:
                wanted.append({"id": rule_id, "value": 100, "bound": "exact", "line": g.get("line")})
                given.add(rule_id)
    score.gold_indicators = len(wanted)
    shared = score.flags["shared"]
    for g in wanted:
        got = ours.get(g["id"])
        want_shared, got_shared = bool(g.get("ambiguous")), got is not None and _shared(got)
        shared[0] += want_shared
        shared[1] += got_shared
        shared[2] += want_shared and got_shared
        if want_shared != got_shared:
            score.misses.append(f"flag shared {'missed' if want_shared else 'extra'}: {g['id']}")
        ok = got is not None and _same_value(got.value, g.get("value"))
        if ok and got is not None and not isinstance(g.get("value"), bool):
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
    parser.add_argument(
        "gold",
        nargs="*",
        help="gold files or folders (default: the tuning set, tests/extract/gold and tests/extract/samples;"
        " a blind held-out round, while there is one, is tests/extract/heldoutN)",
    )
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
        total.add(s)
    from extract_verdict import total as verdict_total
    from extract_verdict import verdict_of

    verdicts = [verdict_of(path, pack) for path in files]
    verdicts.append(verdict_total(verdicts))

    width = max(22, *(len(s.name) + 2 for s in scores))
    header = f"{'sample':<{width}}{'fig P':>7}{'fig R':>7}{'found/gold':>12}{'ind acc':>10}"
    header += f"{'extra':>7}{'sect':>9}{'impl':>8}{'bound':>11}"
    header += "".join(f"{name:>9}" for name in FLAGS) + f"{'verdict':>11}  meta"
    print(header)
    print("-" * len(header))
    for s, v in zip([*scores, total], verdicts, strict=True):
        print(
            f"{s.name:<{width}}{s.precision:>7.3f}{s.recall:>7.3f}{f'{s.found_figures}/{s.gold_figures}':>12}"
            f"{f'{s.right_indicators}/{s.gold_indicators}':>10}{s.extra_indicators:>7}"
            f"{f'{s.sections_right}/{s.sections_total}':>9}{f'{s.implicit_found}/{s.implicit_gold}':>8}"
            f"{f'{s.bound_right}/{s.bound_total}':>11}"
            + "".join(f"{s.flag_text(name):>9}" for name in FLAGS)
            + f"{v.text():>11}  {s.meta_text()}"
        )
    print("flags: right/gold+extra, over figures matched on line, value and unit; meta: y(ear) l(evel) r(egion)")
    print(f"verdict: rules with the same status from the text as from the gold ({verdicts[-1].agreement:.3f} overall)")
    if args.verbose:
        for s, v in zip(scores, verdicts, strict=False):
            misses = s.misses + [f"verdict differs: {rule} gold {a}, text {b}" for rule, a, b in v.differ]
            if v.error:
                misses.append(f"verdict: cannot check the text: {v.error}")
            if misses:
                print(f"\n== {s.name}")
                for miss in misses:
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
