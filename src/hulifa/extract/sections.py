"""Which statutory parts a report contains, and its year, region and level.

Parts are found three ways: by heading ("二、存在的不足和原因"), by an embedded sentence (第一责任人 inside
part 一), or by an unnumbered closing paragraph ("…但也存在一些短板弱项:…", "2025年,湖里区将…").
`causes` needs a real causal analysis (原因是/究其原因/主要是由于…), not just a list of problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hulifa.extract.document import Doc
from hulifa.extract.metadata import YEAR_FIRST


@dataclass(frozen=True, slots=True)
class SectionHit:
    id: str
    line: int
    column: int
    evidence: str
    how: str  # heading | sentence | paragraph


_HEADING_NUM = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
    r"|第[一二三四五六七八九十]{1,3}\s*(?:部分|章|节|篇)|\d{1,2}\s*[、．](?!\d)|\d{1,2}\.(?!\d)|[①-⑩])"
)
_TOP_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}\s*(?:部分|章|节|篇))"
)

_SHORTCOMING_HEAD = re.compile(r"不足|问题|短板|差距|薄弱|困难|弱项|短处")
_CAUSE_HEAD = re.compile(r"原因")
_NEXT_HEAD = re.compile(
    r"下一步|下一年|明年|来年|下年度|工作安排|工作计划|工作打算|工作思路|主要安排|努力方向|工作设想|下步"
)
_FIRST_HEAD = re.compile(r"第一责任")
_OTHER_HEAD = re.compile(r"其他需要报告|其他需报告|其他事项|其他情况|其他需要说明")
_MEASURE_HEAD = re.compile(r"举措|成效|做法|工作情况|开展情况|主要工作|进展|成绩|取得")

_SHORTCOMING_PARA = re.compile(
    r"(?:但|仍|还|也|依然|同时)(?:也|然|还|仍)?(?:存在|有)(?:着)?(?:一些|若干|以下|不少|一定)?(?:的)?"
    r"(?:不足|问题|短板|差距|薄弱|困难|弱项)"
    r"|(?:存在|面临)的(?:主要)?(?:不足|问题|短板|困难)"
    r"|(?:不足|问题|短板|差距)(?:之处)?(?:主要)?(?:表现在|体现在|有以下|如下)"
    r"|与.{0,20}(?:要求|期待|期望)(?:相比|相较)?.{0,6}(?:还有|仍有|存在)(?:一定)?差距"
)
CAUSE_MARKERS = re.compile(
    r"究其原因|原因(?:主要)?(?:是|在于|有|包括|为)|主要原因|深层次原因|原因分析|分析原因|主要是由于|主要由于"
    r"|根源在于|归因于|(?:主观|客观)(?:上|方面)(?:的原因)?|一方面.{0,40}另一方面|之所以"
)
_FIRST_SENTENCE = re.compile(r"第一责任")
_NEXT_PARA_WORDS = re.compile(r"^\s*(?:下一步|下一年度?|明年|今后|新的一年|下步)")
_OTHER_PARA = re.compile(r"其他需要报告的(?:情况|事项)|其他需要说明的(?:情况|事项)")


def _headings(doc: Doc) -> list[tuple[int, str, bool]]:
    """(line number, folded line, is top level) for lines that look like headings."""
    out = []
    for number, start, end in doc.lines():
        line = doc.folded[start:end].strip()
        if not line or number in doc.boiler_lines:
            continue
        numbered = _HEADING_NUM.match(line)
        short = len(line) <= 40 and not line.endswith(("。", ";", "；")) and "。" not in line
        if numbered and (short or len(line) <= 60):
            out.append((number, line, bool(_TOP_HEADING.match(line))))
        elif short and len(line) <= 30 and number > 1 and not re.search(r"\d", line):
            out.append((number, line, False))
    return out


def _classify_heading(line: str, year: int | None) -> str | None:
    if _OTHER_HEAD.search(line):
        return "other"
    if _FIRST_HEAD.search(line):
        return "first_responsible"
    if _CAUSE_HEAD.search(line) and _SHORTCOMING_HEAD.search(line):
        return "shortcomings+causes"
    if _SHORTCOMING_HEAD.search(line) and not _MEASURE_HEAD.search(line):
        return "shortcomings"
    if _NEXT_HEAD.search(line):
        return "next_year"
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", line)]
    if year is not None and years and max(years) == year + 1:
        return "next_year"
    if _MEASURE_HEAD.search(line):
        return "measures"
    return None


def detect_sections(doc: Doc, year: int | None) -> list[SectionHit]:
    f = doc.folded
    found: dict[str, SectionHit] = {}
    region_start: dict[str, int] = {}  # section id -> line where its region starts

    def add(sid: str, line: int, evidence: str, how: str, column: int = 1) -> None:
        if sid not in found:
            found[sid] = SectionHit(sid, line, column, evidence.strip(), how)
            region_start.setdefault(sid, line)

    for number, line, top in _headings(doc):
        kind = _classify_heading(line, year)
        original = doc.line_text(number).strip()
        if kind == "shortcomings+causes":
            add("shortcomings", number, original, "heading")
            region_start.setdefault("causes?", number)
        elif kind is not None:
            add(kind, number, original, "heading")
        elif top:
            add("measures", number, original, "heading")

    lines = doc.lines()
    # unnumbered paragraphs and embedded sentences
    for number, start, end in lines:
        if number in doc.boiler_lines:
            continue
        para = f[start:end]
        if not para.strip():
            continue
        if "shortcomings" not in found:
            hit = _SHORTCOMING_PARA.search(para)
            if hit:
                add(
                    "shortcomings",
                    number,
                    doc.sentence(start + hit.start()),
                    "paragraph",
                    doc.column_of(start + hit.start()),
                )
        if "next_year" not in found:
            stripped = para.lstrip()
            offset = start + len(para) - len(stripped)
            m = YEAR_FIRST.match(stripped)
            if (m and year is not None and int(m.group(1)) == year + 1) or _NEXT_PARA_WORDS.match(stripped):
                add("next_year", number, doc.sentence(offset), "paragraph")
        if "first_responsible" not in found:
            hit = _FIRST_SENTENCE.search(para)
            if hit:
                add(
                    "first_responsible",
                    number,
                    doc.sentence(start + hit.start()),
                    "sentence",
                    doc.column_of(start + hit.start()),
                )
        if "other" not in found:
            hit = _OTHER_PARA.search(para)
            if hit:
                add("other", number, doc.sentence(start + hit.start()), "sentence")

    # causes: a causal analysis within the shortcomings part (up to the next part)
    if "shortcomings" in found:
        first = min(region_start.get("causes?", found["shortcomings"].line), found["shortcomings"].line)
        later = [h.line for sid, h in found.items() if sid in ("next_year", "other") and h.line > first]
        last = min(later) if later else len(lines) + 1
        for number, start, end in lines:
            if first <= number < last:
                hit = CAUSE_MARKERS.search(f, start, end)
                if hit:
                    add("causes", number, doc.sentence(hit.start()), "sentence", doc.column_of(hit.start()))
                    break
    if "causes" not in found:
        hit = re.search(r"究其原因|原因(?:主要)?(?:在于|是)|主要原因(?:是|在于|有)", f)
        if hit and doc.line_of(hit.start()) not in doc.boiler_lines:
            add(
                "causes",
                doc.line_of(hit.start()),
                doc.sentence(hit.start()),
                "sentence",
                doc.column_of(hit.start()),
            )

    # measures: without a heading, the body that comes before the closing parts
    if "measures" not in found:
        stop = min([h.line for h in found.values()] or [len(lines) + 1])
        for number, start, end in lines:
            if number >= stop:
                break
            para = f[start:end].strip()
            if len(para) >= 40 and number not in doc.boiler_lines:
                add("measures", number, doc.sentence(start), "paragraph")
                break
    order = ("measures", "shortcomings", "causes", "first_responsible", "next_year", "other")
    return [found[s] for s in order if s in found]
