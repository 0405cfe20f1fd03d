"""Which statutory parts a report contains, each found where it is.

Parts are found three ways, each a small named rule with its own test table (tests/extract/
test_section_rules.py; whole reports in tests/extract/test_sections.py):

* by heading: a numbered heading's *title* (up to its first full stop) names the part
  ("二、存在的不足和原因"). A top-level heading (一、/第一部分) beats an item heading ((一)/1.), and an item
  heading counts only when it is a bare title: "18.法治督察。督促整改问题23个。" is a measure, not the
  shortcomings part. A text pasted as one line keeps its inline headings (…报告 一、… 二、… 三、…).
* never from a table of contents: its lines are furniture (document.contents_lines), and a top heading
  written twice counts where it is written last.
* by an embedded sentence: 第一责任人 inside part 一. A sentence about other bodies' duties
  ("督促各乡镇党政主要负责人履行第一责任人职责") is not the report's own part; one that does not say whose
  duty it is is found with a doubt, which the checker reports as unverifiable, never as a pass.
* by an unnumbered closing paragraph ("…但也存在一些短板弱项:…", "2025年,湖里区将…"). A problem a
  measure acts on ("针对检查中存在的问题,逐项分析原因,督促整改") is not the shortcomings part.

`causes` needs a real causal analysis (原因是/究其原因/主要是由于…) inside the shortcomings part, not a
list of problems.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from hulifa.extract.document import Doc
from hulifa.extract.metadata import DATE_LINE, YEAR_FIRST


@dataclass(frozen=True, slots=True)
class SectionHit:
    id: str
    line: int
    column: int
    evidence: str
    how: str  # heading | sentence | paragraph
    start: int = 0  # offset where the part starts in the text
    doubt: str = ""  # why the finding is unsure: then the part is unverifiable, not present


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading as found: its title (folded, up to its first full stop) decides which part it is."""

    start: int  # offset of the heading
    title: str
    text: str  # as written, for evidence
    top: bool  # 一、/第一部分: a part; (一)/1.: an item within a part
    bare: bool  # nothing but the title on the heading's line


_HEADING_NUM = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
    r"|第[一二三四五六七八九十]{1,3}\s*(?:部分|章|节|篇)|\d{1,2}\s*[、．](?!\d)|\d{1,2}\.(?!\d)|[①-⑩])"
)
_TOP_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}\s*(?:部分|章|节|篇))"
)
_TITLE_END = re.compile(r"[。;；:：!！?？]")
# 一、 written inside a line, after white space or a sentence end: a one-line paste of a report
_INLINE_TOP = re.compile(r"(?:^|(?<=[\s。;；!！?？]))([一二三四五六七八九十]{1,2})\s*、")
_INLINE_TITLE_END = re.compile(r"[\s。;；:：,，!！?？]")
_CN_VALUES = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}

_SHORTCOMING_HEAD = re.compile(r"不足|问题|短板|差距|薄弱|困难|弱项|短处")
# an item heading must name the part itself; "问题" alone there is usually a measure's subject
_SHORTCOMING_ITEM = re.compile(
    r"不足|短板|差距|弱项|短处|存在的?(?:主要)?问题|问题(?:和|与|及)(?:不足|原因)|困难和问题"
)
_SOLVING = re.compile(r"(?:解决|整改|化解|处理|破解|聚焦|回应|治理|针对|梳理|排查|查找|查摆|纠正|督促)")
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
    r"|根源(?:主要)?在于|归因于|(?:主观|客观)(?:上|方面)(?:的原因)?|一方面.{0,40}另一方面|之所以"
    # an analysis introduced as such: 问题产生的原因:一是…; 产生上述问题的原因,主要是…; 问题产生的根源主要在于
    r"|产生(?:上述|这些|以上)?(?:问题|不足|短板)?的(?:主要|深层次)?(?:原因|根源)"
    r"|(?<![和及与、])原因\s*[:：]|原因[,，]\s*主要"
)
_CAUSE_ANYWHERE = re.compile(r"究其原因|原因(?:主要)?(?:在于|是)|主要原因(?:是|在于|有)")
_FIRST_SENTENCE = re.compile(r"第一责任")
# whose 第一责任人 duty a sentence speaks of: the report's own leaders, or others it supervises
_OWN_SUBJECT = re.compile(
    r"书记|县长|区长|市长|省长|州长|旗长|盟长|乡长|镇长|主任|局长|厅长|主要负责(?:人|同志)|政府(?:主要)?负责|领导班子|党组"
    r"|本人|我(?:县|区|市|省|局|委|办|镇|乡|厅)"
)
_OTHER_BODY = re.compile(
    r"督促|指导|推动|要求|压实|考核|各(?:乡镇|街道|部门|单位|区|县|市|级|地)|所属|下属|下级|基层|被督察|乡镇(?:街道)?党政"
)
_NEXT_PARA_WORDS = re.compile(r"^\s*(?:下一步|下一年度?|明年|今后|新的一年|下步)")
_OTHER_PARA = re.compile(r"其他需要报告的(?:情况|事项)|其他需要说明的(?:情况|事项)")
ORDER = ("measures", "shortcomings", "causes", "first_responsible", "next_year", "other")


# ----------------------------------------------------------------------------- headings


# 存 在 的 不 足 和 原 因: a heading spaced out character by character (a scan's text, a typeset title) names
# its part as the words do
_SPACED_OUT = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])")


def _title(rest: str) -> str:
    end = _TITLE_END.search(rest)
    return _SPACED_OUT.sub("", (rest[: end.start()] if end else rest).strip())


# a Markdown copy's heading marks: ## 三、2025年工作安排 is the heading 三、2025年工作安排
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")


def line_headings(doc: Doc) -> Iterator[Heading]:
    """Lines that are headings: numbered ones, and short unnumbered lines without digits (a Markdown
    heading's leading #s set aside)."""
    for number, start, end in doc.lines():
        raw = doc.folded[start:end]
        line = raw.strip()
        marks = _MARKDOWN_HEADING.match(line)
        if marks:
            line = line[marks.end() :]
        if line and number not in doc.boiler_lines:
            offset = start + len(raw) - len(raw.lstrip()) + (marks.end() if marks else 0)
            heading = line_heading(doc, number, offset, line)
            if heading is not None:
                yield heading


def line_heading(doc: Doc, number: int, offset: int, line: str) -> Heading | None:
    """A numbered line up to 60 characters (a top-level 一、 at any length), or a short plain line
    without digits and without a full stop after the first line: "二、存在的不足" and "存在的不足" are
    headings, "18.法治督察。督促整改问题23个。" is one whose title is 法治督察."""
    numbered = _HEADING_NUM.match(line)
    short = len(line) <= 40 and not line.endswith(("。", ";", "；")) and "。" not in line
    text = doc.text[offset : offset + len(line)]
    if numbered and (short or len(line) <= 60 or _TOP_HEADING.match(line)):
        title = _title(line[numbered.end() :])
        bare = title == line[numbered.end() :].strip().rstrip("。")
        return Heading(offset, title, text, bool(_TOP_HEADING.match(line)), bare)
    if short and len(line) <= 30 and number > 1 and not re.search(r"\d", line):
        return Heading(offset, line, text, False, True)
    return None


def inline_headings(doc: Doc) -> Iterator[Heading]:
    """一、… 二、… 三、… inside one long line (a report pasted as one line), in their sequence."""
    for number, start, end in doc.lines():
        if end - start < 80 or number in doc.boiler_lines:
            continue
        expected = 1
        for m in _INLINE_TOP.finditer(doc.folded, start, end):
            value = _CN_VALUES.get(m.group(1))
            if value is None or value != expected or (value == 1 and m.start() == start):
                continue
            expected += 1
            rest = doc.folded[m.end() : min(end, m.end() + 40)]
            stop = _INLINE_TITLE_END.search(rest)
            title = rest[: stop.start()] if stop else rest
            yield Heading(m.start(), title, doc.text[m.start() : m.end() + len(title)], True, True)


def heading_kind(heading: Heading, year: int | None) -> str | None:
    """Which part a heading opens: one named rule after another; None if it names none."""
    for rule in HEADING_RULES:
        kind = rule(heading, year)
        if kind is not None:
            return kind
    return None


def _other(h: Heading, _year: int | None) -> str | None:
    return "other" if _OTHER_HEAD.search(h.title) else None


def _first_responsible(h: Heading, _year: int | None) -> str | None:
    return "first_responsible" if _FIRST_HEAD.search(h.title) and (h.top or h.bare) else None


def _shortcomings(h: Heading, _year: int | None) -> str | None:
    title = h.title
    if _MEASURE_HEAD.search(title) or _SOLVING.search(title):
        return None  # 聚焦群众反映的突出问题: a measure
    named = _SHORTCOMING_HEAD.search(title) if h.top else _SHORTCOMING_ITEM.search(title) and h.bare
    if not named:
        return None
    return "shortcomings+causes" if _CAUSE_HEAD.search(title) else "shortcomings"


def _next_year(h: Heading, year: int | None) -> str | None:
    if _NEXT_HEAD.search(h.title):
        return "next_year"
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", h.title)]
    return "next_year" if year is not None and years and max(years) == year + 1 else None


def _measures(h: Heading, _year: int | None) -> str | None:
    return "measures" if _MEASURE_HEAD.search(h.title) or h.top else None


HeadingRule = Callable[[Heading, int | None], str | None]
HEADING_RULES: tuple[HeadingRule, ...] = (
    _other,
    _first_responsible,
    _shortcomings,
    _next_year,
    _measures,
)


# ----------------------------------------------------------------------------- sentences, paragraphs


def whose_first_responsibility(text: str) -> str:
    """'own', 'other' or 'unsure': whose 第一责任人 duty the words before 第一责任 speak of."""
    own = _OWN_SUBJECT.search(text)
    other = _OTHER_BODY.search(text)
    if other is not None and (own is None or other.start() < own.start()):
        return "other"
    return "own" if own is not None else "unsure"


def first_responsible_sentence(doc: Doc) -> SectionHit | None:
    """The report's own leaders' 第一责任人 duties; a sentence that does not say whose, with a doubt."""
    unsure: SectionHit | None = None
    for hit in _FIRST_SENTENCE.finditer(doc.folded):
        if doc.line_of(hit.start()) in doc.boiler_lines:
            continue
        s, _ = doc.sentence_span(hit.start())
        whose = whose_first_responsibility(doc.folded[s : hit.start()])
        if whose == "other":
            continue
        found = _hit(doc, "first_responsible", hit.start(), doc.sentence(hit.start()), "sentence")
        if whose == "own":
            return found
        if unsure is None:
            sentence = found.evidence
            unsure = SectionHit(
                found.id,
                found.line,
                found.column,
                sentence,
                found.how,
                found.start,
                doubt="未写明是谁履行第一责任人职责,无法确认是本机关主要负责人的履职情况 / the sentence does not "
                "say whose first-responsibility duties these are",
            )
    return unsure


def shortcomings_paragraph(doc: Doc, start: int, end: int) -> int | None:
    """Offset of a closing "…但也存在一些不足" in this line; a problem a measure acts on is not one."""
    f = doc.folded
    for hit in _SHORTCOMING_PARA.finditer(f, start, end):
        clause = doc.clause_start(hit.start(), hard=True, limit=start)
        if not _SOLVING.search(f, max(clause, hit.start() - 16), hit.start()):
            return hit.start()
    return None


def _hit(doc: Doc, sid: str, offset: int, evidence: str, how: str) -> SectionHit:
    return SectionHit(sid, doc.line_of(offset), doc.column_of(offset), evidence.strip(), how, offset)


# ----------------------------------------------------------------------------- the parts


def _from_headings(doc: Doc, year: int | None) -> tuple[dict[str, SectionHit], int | None]:
    """Parts opened by headings (a top-level heading first), and where a 不足和原因 heading starts."""
    found: dict[str, SectionHit] = {}
    causes_from: int | None = None
    headings = sorted([*line_headings(doc), *inline_headings(doc)], key=lambda h: (not h.top, h.start))
    # a top heading written again later (a contents list without page numbers): the later one is the part
    last = {h.text.strip(): h.start for h in headings if h.top}
    for heading in headings:
        if heading.top and last[heading.text.strip()] > heading.start:
            continue
        kind = heading_kind(heading, year)
        if kind is None:
            continue
        sid = "shortcomings" if kind == "shortcomings+causes" else kind
        if sid not in found:
            found[sid] = _hit(doc, sid, heading.start, heading.text, "heading")
            if kind == "shortcomings+causes":
                causes_from = heading.start
    return found, causes_from


def shortcomings_line(doc: Doc, _year: int | None, start: int, end: int) -> SectionHit | None:
    """A closing "…但也存在一些不足" in the line (see shortcomings_paragraph)."""
    at = shortcomings_paragraph(doc, start, end)
    return None if at is None else _hit(doc, "shortcomings", at, doc.sentence(at), "paragraph")


# a news item's lead-in to what the report says: 报告明确，2025年我市将…
_REPORT_SAYS = re.compile(r"(?:报告|该报告)(?:还|同时|最后|并)?(?:明确|提出|指出|表示|强调|要求|称)\s*[，,：:]\s*")


def next_year_paragraph(doc: Doc, year: int | None, start: int, end: int) -> SectionHit | None:
    """A paragraph that opens with the next year ("2025年,湖里区将…") or with 下一步/明年/今后/新的一年,
    also after a news item's "报告明确," lead-in."""
    para = doc.folded[start:end]
    if DATE_LINE.match(para):  # the date the report is signed (2024年1月30日) is in the next year, and opens nothing
        return None
    stripped = para.lstrip()
    offset = start + len(para) - len(stripped)
    said = _REPORT_SAYS.match(stripped)
    if said:
        stripped, offset = stripped[said.end() :], offset + said.end()
    m = YEAR_FIRST.match(stripped)
    if (m and year is not None and int(m.group(1)) == year + 1) or _NEXT_PARA_WORDS.match(stripped):
        return _hit(doc, "next_year", offset, doc.sentence(offset), "paragraph")
    return None


def other_matters_sentence(doc: Doc, _year: int | None, start: int, end: int) -> SectionHit | None:
    """ "其他需要报告的情况" or "其他需要说明的事项" written in a sentence, not as a heading."""
    hit = _OTHER_PARA.search(doc.folded, start, end)
    return None if hit is None else _hit(doc, "other", hit.start(), doc.sentence(hit.start()), "sentence")


# the parts a line without a heading can open; each is taken from the first line that opens it
ParagraphRule = Callable[[Doc, int | None, int, int], SectionHit | None]
PARAGRAPH_RULES: dict[str, ParagraphRule] = {
    "shortcomings": shortcomings_line,
    "next_year": next_year_paragraph,
    "other": other_matters_sentence,
}


def _from_paragraphs(doc: Doc, year: int | None, found: dict[str, SectionHit]) -> None:
    for number, start, end in doc.lines():
        if number in doc.boiler_lines or not doc.folded[start:end].strip():
            continue
        for sid, rule in PARAGRAPH_RULES.items():
            hit = None if sid in found else rule(doc, year, start, end)
            if hit is not None:
                found[sid] = hit


def _causes(doc: Doc, found: dict[str, SectionHit], causes_from: int | None) -> SectionHit | None:
    """A causal analysis inside the shortcomings part (up to the next part), else a plain 究其原因."""
    f = doc.folded
    if "shortcomings" in found:
        first = min(causes_from if causes_from is not None else len(f), found["shortcomings"].start)
        later = [h.start for sid, h in found.items() if sid in ("next_year", "other") and h.start > first]
        hit = CAUSE_MARKERS.search(f, first, min(later) if later else len(f))
        if hit:
            return _hit(doc, "causes", hit.start(), doc.sentence(hit.start()), "sentence")
    hit = _CAUSE_ANYWHERE.search(f)
    if hit and doc.line_of(hit.start()) not in doc.boiler_lines:
        return _hit(doc, "causes", hit.start(), doc.sentence(hit.start()), "sentence")
    return None


def _measures_paragraph(doc: Doc, found: dict[str, SectionHit]) -> SectionHit | None:
    """Without a heading, the body that comes before the closing parts."""
    stop = min([h.start for h in found.values()] or [len(doc.folded) + 1])
    for number, start, end in doc.lines():
        if start >= stop:
            break
        para = doc.folded[start:end].strip()
        if len(para) >= 40 and number not in doc.boiler_lines:
            return _hit(doc, "measures", start, doc.sentence(start), "paragraph")
    return None


def detect_sections(doc: Doc, year: int | None) -> list[SectionHit]:
    found, causes_from = _from_headings(doc, year)
    _from_paragraphs(doc, year, found)
    if "first_responsible" not in found:
        sentence = first_responsible_sentence(doc)
        if sentence is not None:
            found["first_responsible"] = sentence
    if "causes" not in found:
        causes = _causes(doc, found, causes_from)
        if causes is not None:
            found["causes"] = causes
    if "measures" not in found:
        measures = _measures_paragraph(doc, found)
        if measures is not None:
            found["measures"] = measures
    return [found[s] for s in ORDER if s in found]


# what follows the body: an appendix (附件：主要指标完成情况, 附表2), the signature's date line, or the notes to
# footnote marks made in the text (① 含…412件 after …1,286件①)
_APPENDIX = re.compile(r"^[ \t\u3000]*附(?:件|表|录)[\d一二三四五六七八九十]*[ \t\u3000]*(?::|$)")
_NOTE_MARK = re.compile(r"[ \t\u3000]*([①-⑳])")


def closing_start(doc: Doc, after: int) -> int:
    """Where the report's closing matter begins after offset `after` (an appendix heading, the date line
    of the signature, or the first note to a footnote mark used earlier), else the end of the text: the
    part before it ends there, so an appendix's table or a note is not a next-year target."""
    f = doc.folded
    for _, start, end in doc.lines():
        if start < after:
            continue
        line = f[start:end]
        if _APPENDIX.match(line) or DATE_LINE.match(line):
            return start
        note = _NOTE_MARK.match(doc.text, start, end)  # as written: folding reads ① as 1
        if note is not None and re.search(r"[\d%\u4e00-\u9fff]" + note.group(1), doc.text[:after]):
            return start  # a mark written right after a figure, not a list marker (工作:①…)
    return len(f)


# what a page or a gazette issue prints after the report (see report_end)
TRAILER_HEADING = re.compile(
    r"^[\s\u3000#*]*(?:[【\[〔]\s*(?:图解|一图读懂|政策解读|解读|图文解读|相关链接|相关阅读|延伸阅读|相关文件|相关新闻)\s*[】\]〕]"
    r"|(?:相关链接|相关阅读|相关新闻|相关文件|相关稿件|延伸阅读|扩展阅读|政策解读|图解)\s*[:：]?\s*$"
    r"|一图(?:读懂|看懂|了解|速览))"
)
# the first lines of another document: its number alone (岑政办发〔2026〕9号), a title that ends in a kind of
# document (…的通知, …工作要点) or starts one (…办公室关于印发), a gazette's running head (…公报 2026年第4期)
_DOC_NUMBER_LINE = re.compile(r"^\s*\S{0,12}[〔\[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*第?\s*\d+\s*号\s*$")
_DOC_TITLE = re.compile(
    r"^[^。，,；;：:！!？?]{2,40}?(?:的?(?:通知|决定|意见|办法|公告|通告|批复|复函|方案|要点|规定|细则|纪要|通报)|关于印发|关于转发)\s*$"
)
_GAZETTE_HEAD = re.compile(r"公报\s*(?:19|20)\d{2}\s*年\s*第\s*\d+\s*期")
# how many lines after the signature's date another document's title must start within
_NEXT_DOCUMENT_REACH = 5


def _another_document(line: str) -> bool:
    return any(p.search(line) for p in (TRAILER_HEADING, _DOC_NUMBER_LINE, _DOC_TITLE, _GAZETTE_HEAD))


def report_end(doc: Doc, sections: list[SectionHit]) -> int:
    """Where what follows the report begins, else the text's length. After the start of the report's last
    part: a heading of what a portal adds (【图解】, 一图读懂…, 相关链接, 【政策解读】), or the line after the
    signature's date when another document starts within a few lines (a 通知's title or number, a gazette's
    running head) or such a heading does. An appendix (附件：…) or notes after the date are the report's; a
    report without a signature ends at such a heading, or with the text."""
    if not sections:
        return len(doc.folded)
    last = max(s.start for s in sections)
    f = doc.folded
    lines = [(a, b) for _, a, b in doc.lines() if b > last and f[a:b].strip()]
    for k, (a, b) in enumerate(lines):
        if a > last and TRAILER_HEADING.match(f[a:b]):
            return a
        if DATE_LINE.match(f[a:b]):
            after = [f[x:y] for x, y in lines[k + 1 : k + 1 + _NEXT_DOCUMENT_REACH]]
            ours = next((i for i, line in enumerate(after) if _APPENDIX.match(line)), len(after))
            if any(_another_document(line) for line in after[:ours]):  # not past the report's appendix
                return lines[k + 1][0]
    return len(f)


# the report's own title line: 鹤汀市生态环境局2025年法治政府建设年度报告, …关于2024年法治政府建设情况的报告
_REPORT_TITLE = re.compile(r"法治政府建设[^。，,；;]{0,16}(?:年度报告|情况的?报告|工作报告)")
_TITLE_LENGTH = 48


def report_start(doc: Doc, sections: list[SectionHit]) -> int:
    """Where the report begins, when the text opens with the tail of another document: a gazette page that starts
    with the previous document's last sentences, its signature and date, then this report's title. The report
    starts at its title line if a signature's date line stands before it, after a sentence of prose; else 0."""
    f = doc.folded
    first = min((s.start for s in sections), default=len(f))
    lines = [(a, b) for _, a, b in doc.lines() if b <= first and f[a:b].strip()]
    title = next((a for a, b in lines if len(f[a:b].strip()) <= _TITLE_LENGTH and _REPORT_TITLE.search(f[a:b])), None)
    if title is None:
        return 0
    before = [f[a:b] for a, b in lines if b <= title]
    dates = [k for k, line in enumerate(before) if DATE_LINE.match(line)]
    if not dates or not any(line.rstrip().endswith("。") for line in before[: dates[-1]]):
        return 0
    return title
