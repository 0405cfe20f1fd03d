"""Map figures to the rule pack's indicators, using only what each rule says about itself.

A rule is found in the text by its `extract.phrases`, its name and its aliases (longest first); its
`extract.context` words must occur in the same sentence; the figure's unit must be one the rule
accepts (`extract.units`, else the rule's unit and `units`). There are no indicator-specific code
paths: a new indicator needs only rule-pack entries.

* A phrase in the clause before a figure beats one after it ("85名领导干部参加任前法律知识考试").
* Distributive "均为/各/分别" gives every noun in the clause the same value.
* Implicit full coverage ("全部进驻", "实现全覆盖", "应备尽备") gives a percentage rule 100 (exact,
  implicit) when no figure states it.
* Yes/no rules (unit `bool`, `extract.affirm`) are true when a phrase and an affirming verb share
  a sentence and the verb is not negated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hulifa.extract.document import Doc
from hulifa.extract.figures import _DISTRIBUTIVE, Figure
from hulifa.model import Bound, Rule, RulePack


@dataclass(frozen=True, slots=True)
class Implicit:
    """A phrase that states full coverage without a number."""

    phrase: str
    line: int
    column: int
    start: int
    end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Indicator:
    """One rule-pack indicator as found in the text."""

    id: str
    name: str
    value: float | bool
    unit: str
    bound: Bound
    text: str  # the figure or phrase as written
    evidence: str  # its sentence
    line: int
    column: int
    start: int
    end: int
    ambiguous: bool = False
    implicit: bool = False
    change: bool = False


IMPLICIT_PHRASES = (
    "实现全覆盖",
    "全覆盖",
    "全部进驻",
    "应备尽备",
    "应审尽审",
    "应审必审",
    "应出尽出",
    "应诉尽诉",
    "应公开尽公开",
    "应录尽录",
    "应纳尽纳",
    "应办尽办",
    "应进必进",
    "全部纳入",
    "全部按期答复",
    "全部按时办结",
    "全部办结",
    "全部公开",
    "全部实现",
    "无一遗漏",
)
# 均/全部 + an action: "均经合法性审核", "全部在法定期限内答复", "均已取得行政执法证件"
_ALL_DONE = (
    r"(?<![人平])(?:均|全部|全都|一律)(?:已|已经)?(?:按|经|在|取得|向|实行|严格|依法|纳入|进驻|公开|公示|办结|答复"
    r"|办复|完成|参加|落实|通过|实现|录入|上线|接入|报送|备案|持证)[^,;:。!?\n\d%]{0,16}"
)
_IMPLICIT_RE = re.compile("|".join([*sorted(IMPLICIT_PHRASES, key=len, reverse=True), _ALL_DONE]))
_RATE_SUFFIX = re.compile(r"(?:全覆盖|覆盖率|设立率|办结率|办复率|率)$")
_STEM_SUFFIX = re.compile(r"(?:件数|次数|人数|条数|个数|数)$")
_NEGATION = re.compile(r"(?:未|尚未|没有|未能|不|暂未|仍未)$")
_SKIP_UNITS = ("date", "section")


@dataclass(frozen=True, slots=True)
class _Matcher:
    rule: Rule
    phrases: tuple[str, ...]
    stems: tuple[str, ...]  # for implicit coverage of percentage rules
    context: tuple[str, ...]
    units: tuple[str, ...]
    affirm: tuple[str, ...]


def _matchers(pack: RulePack) -> list[_Matcher]:
    out = []
    for rule in pack.rules:
        if rule.unit in _SKIP_UNITS:
            continue
        ex = rule.extract or {}
        phrases = [str(p) for p in ex.get("phrases", []) or []]
        if rule.unit == "bool":
            affirm = tuple(str(a) for a in ex.get("affirm", []) or [])
            if not affirm:
                continue
            phrases.append(rule.name)
        else:
            affirm = ()
            phrases += [rule.name, *rule.aliases]
            stem = _STEM_SUFFIX.sub("", rule.name)
            if len(stem) >= 3:
                phrases.append(stem)
        phrases = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
        stems: list[str] = []
        if rule.unit == "%":
            for p in phrases:
                s = _RATE_SUFFIX.sub("", p)
                if len(s) >= 2:
                    stems.append(s)
        units = tuple(str(u) for u in (ex.get("units") or rule.accepted_units))
        context = tuple(str(c) for c in ex.get("context", []) or [])
        out.append(
            _Matcher(rule, tuple(phrases), tuple(sorted(set(stems), key=len, reverse=True)), context, units, affirm)
        )
    return out


def _unit_ok(m: _Matcher, unit: str) -> bool:
    return unit in m.units


def _find_phrase(phrases: tuple[str, ...], segment: str, from_end: bool) -> tuple[str, int] | None:
    """The longest phrase in the segment and its distance to the figure."""
    for p in phrases:
        pos = segment.rfind(p) if from_end else segment.find(p)
        if pos != -1:
            distance = len(segment) - (pos + len(p)) if from_end else pos
            return p, distance
    return None


def _context_ok(m: _Matcher, sentence: str) -> bool:
    return not m.context or any(c in sentence for c in m.context)


def find_implicit(doc: Doc) -> list[Implicit]:
    out = []
    for hit in _IMPLICIT_RE.finditer(doc.folded):
        line = doc.line_of(hit.start())
        if line in doc.boiler_lines:
            continue
        out.append(
            Implicit(
                phrase=doc.text[hit.start() : hit.end()],
                line=line,
                column=doc.column_of(hit.start()),
                start=hit.start(),
                end=hit.end(),
                sentence=doc.sentence(hit.start()),
            )
        )
    return out


def map_indicators(doc: Doc, pack: RulePack, figures: list[Figure], implicit: list[Implicit]) -> list[Indicator]:
    f = doc.folded
    matchers = _matchers(pack)
    numeric = [m for m in matchers if m.rule.unit != "bool"]
    # rule id -> (score, figure index)
    best: dict[str, tuple[tuple[int, ...], int]] = {}
    sentence_cache: dict[int, str] = {}

    def sentence_of(offset: int) -> str:
        s, e = doc.sentence_span(offset)
        if s not in sentence_cache:
            sentence_cache[s] = f[s:e]
        return sentence_cache[s]

    for index, fig in enumerate(figures):
        if fig.plan or fig.prior:
            continue  # a next-year target or last year's level is not this year's figure
        prev_end = figures[index - 1].end if index else 0
        next_start = figures[index + 1].start if index + 1 < len(figures) else len(f)
        hard_left = max(doc.clause_start(fig.start, hard=True), prev_end)
        soft_left = max(doc.clause_start(fig.start), prev_end)
        distributive = bool(_DISTRIBUTIVE.search(f, hard_left, fig.start)) and bool(
            re.search(r"(?:均|各|分别|都|皆)(?:为|是|达|达到|在)?$", f[hard_left : fig.start])
        )
        # the figure's own text counts too: 人均培训52学时 names 学时
        left = f[hard_left : fig.end] if distributive else f[soft_left : fig.end]
        right = f[fig.end : min(doc.clause_end(fig.end), next_start)]
        sentence = sentence_of(fig.start)
        candidates: list[tuple[tuple[int, ...], _Matcher]] = []
        for m in numeric:
            if not _unit_ok(m, fig.unit) or not _context_ok(m, sentence):
                continue
            hit = _find_phrase(m.phrases, left, from_end=True)
            if hit is not None:
                candidates.append(((2, len(hit[0]), -hit[1]), m))
                continue
            hit = _find_phrase(m.phrases, right, from_end=False)
            if hit is not None:
                candidates.append(((1, len(hit[0]), -hit[1]), m))
                continue
            # the phrase earlier in the sentence, with no figure of a fitting unit in between:
            # 任前法律知识考试3场,参考人员68名
            sent_start = doc.sentence_span(fig.start)[0]
            hit = _find_phrase(m.phrases, f[sent_start:soft_left], from_end=True)
            if hit is not None:
                phrase_end = soft_left - hit[1]
                between = [
                    g
                    for g in figures[max(0, index - 12) : index]
                    if g.start >= phrase_end and not g.prior and _unit_ok(m, g.unit)
                ]
                if not between:
                    candidates.append(((0, len(hit[0]), -hit[1]), m))
        if not candidates:
            continue
        if distributive:
            chosen = [c for c in candidates if c[0][0] == 2] or candidates
        else:
            top = max(c[0][:2] for c in candidates)
            chosen = [c for c in candidates if c[0][:2] == top]
        for score, m in chosen:
            key = m.rule.id
            if key not in best or score > best[key][0]:
                best[key] = (score, index)

    results: dict[str, Indicator] = {}
    for m in numeric:
        if m.rule.id not in best:
            continue
        fig = figures[best[m.rule.id][1]]
        results[m.rule.id] = Indicator(
            id=m.rule.id,
            name=m.rule.name,
            value=fig.value,
            unit=fig.unit,
            bound=fig.bound,
            text=fig.text,
            evidence=fig.sentence,
            line=fig.line,
            column=fig.column,
            start=fig.start,
            end=fig.end,
            ambiguous=fig.ambiguous,
            change=fig.change,
        )

    # implicit full coverage, for percentage rules no figure settled
    for imp in implicit:
        left = f[doc.clause_start(imp.start, hard=True) : imp.end]
        sentence = sentence_of(imp.start)
        for m in numeric:
            if m.rule.id in results or "%" not in m.units or not _context_ok(m, sentence):
                continue
            if any(s in left for s in m.stems) or any(p in left for p in m.phrases):
                results[m.rule.id] = Indicator(
                    id=m.rule.id,
                    name=m.rule.name,
                    value=100.0,
                    unit="%",
                    bound=Bound.EXACT,
                    text=imp.phrase,
                    evidence=imp.sentence,
                    line=imp.line,
                    column=imp.column,
                    start=imp.start,
                    end=imp.end,
                    implicit=True,
                )

    # yes/no facts
    for m in matchers:
        if m.rule.unit != "bool" or m.rule.id in results:
            continue
        found = _affirmed(doc, m)
        if found is not None:
            start, end = found
            results[m.rule.id] = Indicator(
                id=m.rule.id,
                name=m.rule.name,
                value=True,
                unit="bool",
                bound=Bound.EXACT,
                text=doc.text[start:end],
                evidence=doc.sentence(start),
                line=doc.line_of(start),
                column=doc.column_of(start),
                start=start,
                end=end,
            )
    order = {r.id: i for i, r in enumerate(pack.rules)}
    return sorted(results.values(), key=lambda ind: (ind.line, ind.start, order.get(ind.id, 0)))


def _affirmed(doc: Doc, m: _Matcher) -> tuple[int, int] | None:
    f = doc.folded
    for phrase in m.phrases:
        pos = f.find(phrase)
        while pos != -1:
            s, e = doc.sentence_span(pos)
            if doc.line_of(pos) not in doc.boiler_lines:
                for verb in m.affirm:
                    vpos = f.find(verb, s, e)
                    while vpos != -1:
                        if not _NEGATION.search(f, max(s, vpos - 2), vpos):
                            return pos, pos + len(phrase)
                        vpos = f.find(verb, vpos + 1, e)
            pos = f.find(phrase, pos + 1)
    return None
