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
  a sentence and the verb is not negated; or all of its `extract.all_of` words do (the three
  systems written out: 推行行政执法公示、执法全过程记录、重大执法决定法制审核制度).
* A negated coverage phrase (尚未全覆盖, 未实现全覆盖) states no coverage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from hulifa.extract.document import Doc
from hulifa.extract.figures import _DISTRIBUTIVE, Figure
from hulifa.extract.textload import fold
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
    strict: bool = False  # the bound excludes the number (不足60学时)
    mean: bool = False  # an average over items (Figure.mean)


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
    "全部合格",  # 抽查我局案卷15卷,全部合格; 经补考后全部合格
    "无一遗漏",
)
# 均/全部 + an action: "均经合法性审核", "全部在法定期限内答复", "均已取得行政执法证件"; a deadline met by all
# ("均在4月1日前通过门户网站向社会公开": its date is no count)
_ALL_DONE = (
    r"(?<![人平])(?:均|全部|全都|一律)(?:已|已经)?(?:在\d{1,2}月\d{1,2}日(?:前|之前)|按|经|在|取得|向|实行|严格|依法|纳入"
    r"|进驻|公开|公示|办结|答复|办复|完成|参加|落实|通过|实现|录入|上线|接入|报送|备案|持证|进行)[^,;:。!?\n\d%]{0,16}"
)
# 全部在规定时间内报市人民政府和县人大常委会备案, 已按规定报区政府备案: the bodies filed with run past
# _ALL_DONE's reach to 备案; so may the time limit (均在公布之日起30日内报省政府和州人大常委会备案)
_ALL_FILED = (
    r"(?:均|全部|一律|已)(?:已|已经)?(?:按规定|按要求|按时|依法|及时|在规定时[间限]内|在[^,;:。!?\n]{1,12}?日内)?报(?:送)?"
    r"(?:[^,;:。!?\n\d%]{0,24}?备案|备)"  # 均在公布之日起30日内报备: 报备 is 报…备案
)
# 均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序: the procedures named run past _ALL_DONE's reach
_ALL_STEPS = r"(?:均|全部|一律)(?:严格|依法)?履行[^,;:。!?\n\d%]{0,40}?程序"
# 制发行政规范性文件1件,经局法制股合法性审核: the clause after a count says what was done to what it counts,
# all of it (a count of its own after the phrase, 经审核3件, makes it a share: see find_implicit)
_COUNTED_THEN_REVIEWED = r"(?<=[件份项)）][,，])经[^,;:。!?\n\d%]{0,12}?合法性审[核查]"
_IMPLICIT_RE = re.compile(
    "|".join(
        [*sorted(IMPLICIT_PHRASES, key=len, reverse=True), _ALL_STEPS, _ALL_FILED, _ALL_DONE, _COUNTED_THEN_REVIEWED]
    )
)
_RATE_SUFFIX = re.compile(r"(?:全覆盖|覆盖率|设立率|办结率|办复率|率)$")
_STEM_SUFFIX = re.compile(r"(?:件数|次数|人数|条数|个数|数)$")
_NEGATION = re.compile(r"(?:未|尚未|没有|未能|不|暂未|仍未|缺乏|缺少)$")
# a negation with an adverb before the verb it governs: 尚未全面推行, 未及时公示
_NEGATED_ADVERB = re.compile(r"(?:未|没有|未能|不)(?:全面|完全|严格|充分|有效|真正|切实|及时|按时|依法|全部|均)$")
# a duty stated, not done: 初次从事法制审核的人员应当取得法律职业资格
_DUTY = re.compile(r"(?:应当|应|须|必须|需要|需)$")
# a negation that governs a verb further on in its clause: 尚未将履职情况纳入年度述职
_NEGATED_DISPOSAL = re.compile(r"(?:未|没有|未能)(?:将|把)[^，,；;。]*$")
_SKIP_UNITS = ("date", "section")


@dataclass(frozen=True, slots=True)
class _Matcher:
    rule: Rule
    phrases: tuple[str, ...]
    stems: tuple[str, ...]  # for implicit coverage of percentage rules
    context: tuple[str, ...]
    units: tuple[str, ...]
    affirm: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    # longer names that hold one of the phrases but name something else: 村(社区)法律顾问 is not the
    # government's 法律顾问 (extract.unless_part_of, folded as the text is)
    unless_part_of: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()  # for implicit coverage: the action a bare rate phrase names (办复率 -> 办复)
    all_of: tuple[str, ...] = ()  # a yes/no rule's parts: all named in one affirming sentence name the rule
    # what a figure must not be the outcome of: 审查合同协议43份,出具法律意见43条 are opinions on contracts
    # (extract.not_after), unless that work also names the rule's own subject (extract.not_after_unless)
    not_after: tuple[str, ...] = ()
    not_after_unless: tuple[str, ...] = ()
    # the subject a 其中 part names when it, not the whole, is the rule's figure: 干部职工…1,480人次,其中局领导
    # …64人次 (extract.part_named)
    part_named: tuple[str, ...] = ()
    # the outcome a later figure of the sentence names when it, not the work's total, is the rule's figure:
    # 调解矛盾纠纷412件,调解成功406件 (extract.outcome_named)
    outcome_named: tuple[str, ...] = ()
    # bodies below a government whose figure of this kind is a part of the area's (extract.lower_bodies: 乡镇's
    # enforcement teams): a figure said of them is taken only when the area's own is not given
    lower_bodies: tuple[str, ...] = ()


def _visible(m: _Matcher, segment: str) -> str:
    """The segment with the rule's `unless_part_of` names blanked out (same length, so distances hold)."""
    for name in m.unless_part_of:
        if name in segment:
            segment = segment.replace(name, "\0" * len(name))
    return segment


def _phrases(rule: Rule) -> list[str]:
    """The words that name a rule in text, longest first: its extract.phrases, its name, its aliases
    and its name without a counting suffix (行政复议案件 for 行政复议案件数)."""
    phrases = list(_words(rule, "phrases"))
    if rule.unit == "bool":
        phrases.append(rule.name)
    else:
        phrases += [rule.name, *rule.aliases]
        stem = _STEM_SUFFIX.sub("", rule.name)
        if len(stem) >= 3:
            phrases.append(stem)
    return sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))


def _rate_stems(rule: Rule, phrases: list[str]) -> tuple[str, ...]:
    """A percentage rule's phrases without 率/覆盖率 (备案审核 for 备案审核率), for implicit coverage."""
    if rule.unit != "%":
        return ()
    stems = {s for p in phrases if len(s := _RATE_SUFFIX.sub("", p)) >= 2}
    return tuple(sorted(stems, key=len, reverse=True))


def _rate_verbs(rule: Rule, phrases: list[str], context: tuple[str, ...]) -> tuple[str, ...]:
    """The verbs of a percentage rule's bare phrases (办复 of 办复率), when it has context words: "代表建议
    46件…,均按期办复" covers the suggestions, named in the same clause. Without context the verb alone
    would cover anything done in full."""
    if rule.unit != "%" or not context:
        return ()
    return tuple(v for p in phrases if not _RATE_SUFFIX.sub("", p) and len(v := p.removesuffix("率")) >= 2)


def _words(rule: Rule, key: str) -> tuple[str, ...]:
    """A list under the rule's `extract:` (phrases, context, affirm, units) as strings."""
    return tuple(str(w) for w in (rule.extract or {}).get(key, []) or [])


def _matchers(pack: RulePack) -> list[_Matcher]:
    out = []
    for rule in pack.rules:
        affirm = _words(rule, "affirm") if rule.unit == "bool" else ()
        if rule.unit in _SKIP_UNITS or (rule.unit == "bool" and not affirm):
            continue  # a yes/no rule without affirming verbs is not read from text
        phrases = _phrases(rule)
        context = _words(rule, "context")
        units = _words(rule, "units") or tuple(str(u) for u in rule.accepted_units)
        out.append(
            _Matcher(
                rule,
                tuple(phrases),
                _rate_stems(rule, phrases),
                context,
                units,
                affirm,
                _words(rule, "exclude"),
                tuple(fold(w) for w in _words(rule, "unless_part_of")),
                _rate_verbs(rule, phrases, context),
                tuple(fold(w) for w in _words(rule, "all_of")),
                tuple(fold(w) for w in _words(rule, "not_after")),
                tuple(fold(w) for w in _words(rule, "not_after_unless")),
                tuple(fold(w) for w in _words(rule, "part_named")),
                tuple(fold(w) for w in _words(rule, "outcome_named")),
                tuple(fold(w) for w in _words(rule, "lower_bodies")),
            )
        )
    return out


# adverbs a report puts inside a rule's phrase (and spaces inside a word): 常务会议先后研究 is 常务会议研究, and so are
# 常务会议共研究 (共 before a verb: the bodies named before it add up), 常务会议全年研究, 合法性审查平均用时 and
# 普通程序案件平均办理期限
_FILLERS = re.compile(
    r"先后|累计|共计|陆续|多次|集中|还|全年|平均(?=用时|审查|审核|办理期限|审理期限)|共(?=研究|听取|审议|召开|专题|组织|开展|学法)"
    r"|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])"  # 行 政 复 议: a word spaced out (a scan's text) is the word
    r"|书面(?=法律意见)"  # 出具书面法律意见72份: opinions in writing are opinions
)


def _find_phrase(m: _Matcher, segment: str, from_end: bool) -> tuple[str, int] | None:
    """The rule's longest phrase in the segment (fillers dropped; not inside an `unless_part_of`
    name) and its distance to the figure."""
    segment = _FILLERS.sub("", _visible(m, segment))
    for p in m.phrases:
        pos = segment.rfind(p) if from_end else segment.find(p)
        if pos != -1:
            distance = len(segment) - (pos + len(p)) if from_end else pos
            return p, distance
    return None


def _context_ok(m: _Matcher, sentence: str) -> bool:
    return not m.context or any(c in sentence for c in m.context)


# A count right after the phrase (已报区政府备案2件) or a 其中-part before it in its clause (其中3件已按规定
# 报市政府备案) says how many were done: a share, not all of them. A time limit after it is not a count
# (均在公布之日起30日内, 均在7个工作日内), nor is a number on the next line or in the next cell.
_NUMERAL = "\\d零〇一二两三四五六七八九十百千"
_COUNT_AFTER = re.compile(rf"[{_NUMERAL}][{_NUMERAL},.]*(?:件|份|项|条|名|人|次|宗|起)")
_PART_BEFORE = re.compile(rf"其中[^,;:。!?\n]*[{_NUMERAL}][^,;:。!?\n]*$")


def find_implicit(doc: Doc) -> list[Implicit]:
    out = []
    f = doc.folded
    for hit in _IMPLICIT_RE.finditer(f):
        line = doc.line_of(hit.start())
        if line in doc.boiler_lines or _NEGATION.search(f, max(0, hit.start() - 2), hit.start()):
            continue  # 尚未全覆盖 says coverage is not there yet
        if _COUNT_AFTER.match(f, hit.end()) or _PART_BEFORE.search(f, doc.clause_start(hit.start()), hit.start()):
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


# ----------------------------------------------------------------------------- figure -> rule
#
# Which rule a figure states is decided by small named rules, each with a test table
# (tests/extract/test_indicator_rules.py): gates a figure must pass for a rule (unit, context, not a
# training count), phrase rules that place the rule's phrase before, after or earlier in the
# sentence (the tier), and preferences among the figures a rule could take (a whole over a 其中
# part, the measures over the problems part, the rule's own unit over a sibling unit).

_PART = re.compile(r"其中")
_TITLE = re.compile(r"《[^《》]*》")  # a document's name: what it names is not what the sentence is about


def _untitled(text: str) -> str:
    """`text` with its 《…》 titles blanked (same length, so distances hold): 制定《…法制审核办法》,制发…文件2件
    does not name a review of the 2."""
    return _TITLE.sub(lambda m: "\0" * len(m.group()), text)


_TRAINING = re.compile(r"培训|参训|轮训|考试|参考|集训|学习")
_EQUIVALENT_UNITS = {"起": "件"}  # 行政复议案件9起: 起 counts cases as 件 does


@dataclass(frozen=True, slots=True)
class _Place:
    """A figure and the text around it that the rules read, computed once per figure."""

    index: int
    fig: Figure
    left: str  # its clause up to and including the figure
    right: str  # the rest of its clause, up to the next figure
    earlier: str  # its sentence before its clause, from its last semicolon on (what a ; ends is another matter)
    earlier_end: int  # offset where `earlier` ends
    sentence: str
    # its sentence from its last semicolon to the end of its clause, 《…》 titles left out: what the figure is said of
    matter: str
    work: str  # the clause before the figure's, and its own up to it: what the figure counts the outcome of
    distributive: bool  # 均为/分别为/各: every noun of the clause gets this value
    part: bool  # 其中…: a part of a total stated before it
    problem: bool  # inside the shortcomings part: a problem, not the year's result


def _place(doc: Doc, figures: list[Figure], index: int, problems: list[tuple[int, int]]) -> _Place:
    f = doc.folded
    fig = figures[index]
    prev_end = figures[index - 1].end if index else 0
    next_start = figures[index + 1].start if index + 1 < len(figures) else len(f)
    hard_left = max(doc.clause_start(fig.start, hard=True), prev_end)
    soft_left = max(doc.clause_start(fig.start), prev_end)
    distributive = bool(_DISTRIBUTIVE.search(f, hard_left, fig.start)) and bool(
        re.search(r"(?:均|各|分别|都|皆)(?:为|是|达|达到|在)?$", f[hard_left : fig.start])
    )
    sent_start, sent_end = doc.sentence_span(fig.start)
    # 制发后全部报市人民政府备案;审核…各类合同286份: the 备案 before the semicolon is not what 286 counts
    said_before = max(sent_start, f.rfind(";", sent_start, soft_left) + 1, f.rfind("；", sent_start, soft_left) + 1)
    clause = doc.clause_start(fig.start, hard=True)
    # the clause before, unless a semicolon ends it (审查各类合同协议96份;法律顾问另就…提出法律意见41条: another matter)
    before = clause > sent_start and f[clause - 1] not in ";；"
    work = doc.clause_start(clause - 1, hard=True, limit=sent_start) if before else clause
    said_after = min((at for stop in ";；" if (at := f.find(stop, fig.end, sent_end)) != -1), default=sent_end)
    # what the figure is said of ends with its clause: 审核规范性文件9件,平均审核时间7.2个工作日,审核其他政策性文件68件
    # gives the time to the 规范性文件 alone (a time over several kinds names them before it)
    said_of_end = min(said_after, doc.clause_end(fig.end, hard=True))
    right_end = min(doc.clause_end(fig.end), next_start)
    if fig.end < right_end < len(f) and f[right_end] == "、":
        # 新提任的52名处级、科级领导干部参加任前法律知识考试: the figure's noun named by a list of its kinds;
        # what the clause says of them comes after the list (an empty 52件、 is a list of figures instead)
        right_end = min(doc.clause_end(fig.end, hard=True), next_start)
    return _Place(
        index=index,
        fig=fig,
        # the figure's own text counts too: 人均培训52学时 names 学时
        left=f[hard_left : fig.end] if distributive else f[soft_left : fig.end],
        right=f[fig.end : right_end],
        earlier=_untitled(f[said_before:soft_left]),
        earlier_end=soft_left,
        sentence=f[sent_start:sent_end],
        matter=_TITLE.sub("", f[said_before:said_of_end]),
        work=f[work : fig.start],
        distributive=distributive,
        part=bool(_PART.search(f, max(sent_start, clause - 1), fig.start)),
        problem=any(s <= fig.start < e for s, e in problems),
    )


def unit_fits(m: _Matcher, unit: str) -> bool:
    return unit in m.units or _EQUIVALENT_UNITS.get(unit, "") in m.units


_PEOPLE = ("名", "人", "人次")


# people dealt with or singled out: 处理处分违规执法人员19名 counts the officers disciplined, not the officers
_ACTED_ON = re.compile(r"处理|处分|问责|追责|清退|辞退|调离|暂扣|吊销|注销|约谈|查处|违规|违法|违纪")


def not_a_training_count(m: _Matcher, place: _Place) -> bool:
    """培训执法人员420名 is how many were trained, not how many enforcement staff there are, and 处理处分违规
    执法人员19名 how many were disciplined. Only people are counted so: 集体学习…法律法规11次 counts study
    sessions."""
    if place.fig.unit not in _PEOPLE:
        return True
    hit = _find_phrase(m, place.left, from_end=True)
    before = place.left[: place.left.rfind(hit[0])] if hit else place.left
    return not any(words.search(before) and not words.search(m.rule.name) for words in (_TRAINING, _ACTED_ON))


# a meeting of a body other than the government: 县委常委会会议, 局党组会议, 局长办公会议, 党工委会议,
# 党组理论学习中心组
_OTHER_MEETING = re.compile(r"(?:[省市区县州旗乡镇]委|党委|党组|党工委)(?:常委会)?(?:会议|会)|办公会|理论学习中心组")
_GOVERNMENT_BODY = re.compile(r"政府|常务会")


def not_excluded(m: _Matcher, place: _Place) -> bool:
    """A rule's `extract.exclude` words rule a figure out when what its sentence says of it holds one: a
    pack can say that 旁听庭审…人次 is not leaders' law training without code. Read from the semicolon before
    the figure to the end of its clause (in …规范性文件46件,平均审核时间6.2个工作日;对…政策类文件开展合法性审核132次
    and in …平均审核时间7.2个工作日,审核其他政策性文件68件 the policy documents are another matter) and not in a
    《…》 title (《…重大行政决策和重大执法决定法制审核办法》 names
    a rule, not what the figure is about)."""
    return not any(word in place.matter for word in m.exclude)


_HARD_STOPS = re.compile(r"[,;:，；：。]")


def not_the_outcome_of_other_work(m: _Matcher, place: _Place) -> bool:
    """A figure that counts the outcome of work on something else is not the rule's: in "审查合同协议43份,
    出具法律意见43条" the opinions are the contracts' (extract.not_after: [合同]), not the advisers' opinions
    on major decisions; "审查…合同协议36份、行政决策事项7项,出具法律意见43条" names decisions too
    (extract.not_after_unless: [决策], in the same clause as the other work), and so does a figure whose own
    clause names them: in "审查合同109份,其中对行政协议出具法律意见44份" the opinions are on 行政协议. Read in
    the figure's clause and the one before it."""
    clauses = _HARD_STOPS.split(place.work)
    if any(word in clauses[-1] for word in m.not_after_unless):
        return True
    for clause in clauses:
        if any(word in clause for word in m.not_after) and not any(word in clause for word in m.not_after_unless):
            return False
    return True


def the_governments_own(m: _Matcher, place: _Place) -> bool:
    """A government-only count (政府常务会议…次) is not one its clause gives to another body's meeting
    alone: 县政府常务会议研究…十二次,县委常委会会议听取法治建设工作汇报两次 → the 两次 is the committee's."""
    if not m.rule.government_only:
        return True
    return not (_OTHER_MEETING.search(place.left) and not _GOVERNMENT_BODY.search(place.left))


# another body acting on the reporter: 县司法局对我镇执法案卷评查1次, 市局对我局开展执法检查2次
_DONE_TO_US = re.compile(r"[局院府办委队所厅]对我(?:镇|乡|街道|局|厅|委|办|区|县|市)")


def not_done_to_the_body(m: _Matcher, place: _Place) -> bool:
    """县司法局对我镇执法案卷评查1次,我镇自查案卷2次: the 1次 is the county bureau's review of the town, not the
    town's own (read in the figure's clause)."""
    return not _DONE_TO_US.search(place.left)


def phrase_before(m: _Matcher, place: _Place, figures: list[Figure]) -> tuple[int, int] | None:
    hit = _find_phrase(m, place.left, from_end=True)
    if hit is None:
        return None
    return len(hit[0]), max(0, hit[1] - len(place.fig.text))  # distance to the figure, not past it


def phrase_after(m: _Matcher, place: _Place, figures: list[Figure]) -> tuple[int, int] | None:
    hit = _find_phrase(m, place.right, from_end=False)
    return (len(hit[0]), hit[1]) if hit is not None else None


def phrase_earlier_in_sentence(m: _Matcher, place: _Place, figures: list[Figure]) -> tuple[int, int] | None:
    """The phrase earlier in the sentence, with no figure of a fitting unit in between:
    任前法律知识考试3场,参考人员68名; 县政府常务会议先后研究法治政府建设工作30余次. A target or an earlier
    level in between takes nothing (合法性审核率\t100%\t100%\t99.2%: the 目标值 cell, then the year's)."""
    hit = _find_phrase(m, place.earlier, from_end=True)
    if hit is None:
        return None
    phrase_end = place.earlier_end - hit[1]
    for g in figures[max(0, place.index - 12) : place.index]:
        if g.start >= phrase_end and not g.prior and not g.plan and unit_fits(m, g.unit):
            return None
    return len(hit[0]), hit[1]


# the whole's count and the mark before its 其中 part: 常务会议26次, (then 其中研究…9次)
_WHOLE_COUNT = re.compile(rf"[{_NUMERAL}][{_NUMERAL},.]*[^\W\d]{{0,3}}[,，]$")


def phrase_across_a_part(m: _Matcher, place: _Place, figures: list[Figure]) -> tuple[int, int] | None:
    """全年召开区政府常务会议26次,其中研究法治政府建设议题9次: a 其中 part counts some of the whole's items, so the
    whole's noun and the part's words together name the rule (常务会议 + 研究). Read as if the whole's count and
    the 其中 were not there."""
    if not place.left.startswith("其中") or not _WHOLE_COUNT.search(place.earlier):
        return None
    joined = _WHOLE_COUNT.sub("", place.earlier) + place.left[2:]
    hit = _find_phrase(m, joined, from_end=True)
    if hit is None or hit[1] >= len(_FILLERS.sub("", place.left)) - 2:
        return None  # a phrase in the whole's words alone is the whole's (phrase_earlier_in_sentence reads it)
    return len(hit[0]), max(0, hit[1] - len(place.fig.text))


# tier 2, 1, 0: a phrase right before the figure (or across a 其中 part from its whole) beats one after it, which
# beats one earlier
PhraseRule = Callable[[_Matcher, _Place, list[Figure]], tuple[int, int] | None]
PHRASE_RULES: tuple[PhraseRule, ...] = (phrase_before, phrase_across_a_part, phrase_after, phrase_earlier_in_sentence)
_TIERS = (2, 2, 1, 0)


def _score(m: _Matcher, place: _Place, figures: list[Figure]) -> tuple[int, int, int] | None:
    """(tier, phrase length, -distance) of the best phrase rule that places m's phrase, if any."""
    if not unit_fits(m, place.fig.unit) or not _context_ok(m, place.sentence):
        return None
    if not (
        not_a_training_count(m, place)
        and the_governments_own(m, place)
        and not_excluded(m, place)
        and not_the_outcome_of_other_work(m, place)
        and not_done_to_the_body(m, place)
    ):
        return None
    for tier, rule in zip(_TIERS, PHRASE_RULES, strict=True):
        found = rule(m, place, figures)
        if found is not None:
            return tier, found[0], -found[1]
    return None


def preference(score: tuple[int, int, int], place: _Place, plain: bool = True) -> tuple[int, ...]:
    """Among the figures a rule could take: the measures over the problems part, then one said plainly of the
    rule's subject (plain_subject) over one said of a part or a pool of it, then the phrase score."""
    return (not place.problem, plain, *score)


_LIST_BEFORE = re.compile(r"(?:、|和|及|与|以及)$")


def plain_subject(m: _Matcher, place: _Place, numeric: list[_Matcher], doc: Doc, town: bool) -> bool:
    """Whether the figure is said plainly of the rule's subject, as far as its sentence shows. Not so when
    * its noun is shared by a list of kinds (行政复议、行政诉讼案件1,136件 counts both kinds together);
    * the words before the rule's phrase name another rule's subject (代表满意率98.8% is not the 委员's, where
      both rules read 满意率: 代表 begins the other rule's context, 代表建议);
    * in a government's report, its sentence names before it a lower body whose figure of this kind is a part of
      the area's (extract.lower_bodies: in 在全县12个乡镇全部设立综合行政执法队,配备执法人员216名 the towns' teams
      are some of the county's enforcement staff; a county's mediation, done by its towns and villages, is not).
    Such a figure is still taken when the rule has no plainer one."""
    f = doc.folded
    hit = _find_phrase(m, place.left, from_end=True)
    if hit is not None:
        visible = _FILLERS.sub("", _visible(m, place.left))
        before = visible[: len(visible) - hit[1] - len(hit[0])]
        left_start = place.fig.end - len(place.left)
        if before:
            pooled = bool(_LIST_BEFORE.search(before))
        else:  # the clause starts at a 、: a list of kinds, unless a figure ends the item before it
            item = f[doc.clause_start(left_start - 1, hard=True) : left_start - 1]
            pooled = f[left_start - 1 : left_start] == "、" and bool(item) and not re.search(r"\d", item)
        if pooled:
            return False
        qualifier = before[-4:]
        if qualifier and not any(c[:2] in qualifier for c in m.context):
            for other in numeric:
                if other is not m and hit[0] in other.phrases and any(c[:2] in qualifier for c in other.context):
                    return False
    sentence_start = doc.sentence_span(place.fig.start)[0]
    return town or not any(w in f[sentence_start : place.fig.start] for w in m.lower_bodies)


def whole_over_part(top: _Option, options: list[_Option]) -> _Option:
    """新收案件100件。其中涉企案件30件: a 其中 part is not the total. The rule takes the whole stated
    next to it (within a sentence or two) when it could take that; a part alone stays its value
    (…各类案件500件,其中复议案件30件: the 复议 rule has no whole)."""
    if not top[1].part:
        return top
    fig = top[1].fig
    tier = top[0][2]  # the whole must be named as plainly as the part (not a phrase sentences away)
    wholes = [o for o in options if not o[1].part and o[0][2] >= tier and abs(o[1].fig.start - fig.start) <= 120]
    return max(wholes, key=lambda c: c[0]) if wholes else top


_Option = tuple[tuple[int, ...], _Place]


def named_part(m: _Matcher, chosen: _Place, doc: Doc, figures: list[Figure], problems: list[tuple[int, int]]) -> _Place:
    """组织全局干部职工参加法治培训1,480人次,其中局领导和各分局负责人64人次: when the whole's clause does not name
    the rule's subject (extract.part_named: 领导, 负责人) and a 其中 part right after it in its sentence does, in
    the same unit, the part is the rule's figure. So is the next figure that names the rule's outcome, 其中 or
    not (extract.outcome_named: 调解成功, 化解), when the chosen one counts only the work: 排查矛盾纠纷171件,
    化解168件 (but 排查化解矛盾纠纷214件,其中…调解成功165件 stays 214)."""
    sentence = doc.sentence_span(chosen.fig.start)
    for words, only_part in ((m.part_named, True), (m.outcome_named, False)):
        if not words or _names_alone(chosen.left, words):
            continue
        for j in range(chosen.index + 1, min(chosen.index + 3, len(figures))):
            fig = figures[j]
            if doc.sentence_span(fig.start) != sentence or fig.unit != chosen.fig.unit or fig.prior or fig.plan:
                continue
            part = _place(doc, figures, j, problems)
            if (part.part or not only_part) and any(w in part.left for w in words):
                return part
    return chosen


# a whole over an area, its levels or its years: 全市各级领导干部…, 全省药品监管系统…, 2019年以来…累计…
_JOINED = re.compile(r"和|及|与|、")


def _names_alone(left: str, words: tuple[str, ...]) -> bool:
    """Whether the clause names one of the words as all it counts: 组织领导干部法治培训1,700人次 does, 组织领导班子和
    中层干部参加培训236人次 names the leaders with another group joined after them (so a 其中班子成员38人次 that follows
    is the leaders' count)."""
    found = [at for w in words if (at := left.find(w)) != -1]
    return bool(found) and not _JOINED.search(left, min(found))


_WIDE_WHOLE = re.compile(r"全[国省市州盟县区旗]|各级|系统|以来|累计")
# a part that names the reporting body itself: 其中市本级2,460人次, 其中省局218名, 其中局机关…
_OWN_BODY = re.compile(r"本级|本局|本厅|本委|本部门|局机关|厅机关|委机关|[省市州县区旗]局|[省市州县区旗]厅")


def own_part(
    chosen: _Place, doc: Doc, figures: list[Figure], problems: list[tuple[int, int]], year: int | None
) -> _Place:
    """全市各级领导干部参加法治培训1.3万人次,其中市本级2,460人次; 全省药品监管系统持证执法人员2,146名,其中省局218名;
    2019年以来…累计组织领导干部法治培训4,600余人次,其中2022年1,350人次: when the whole is the area's, its levels'
    or its years', a 其中 part right after it in its sentence, in the same unit, that names the reporting body
    itself or the year reported on is the report's own figure."""
    if not _WIDE_WHOLE.search(chosen.left) and not _WIDE_WHOLE.search(chosen.earlier):
        return chosen
    sentence = doc.sentence_span(chosen.fig.start)
    for j in range(chosen.index + 1, min(chosen.index + 3, len(figures))):
        fig = figures[j]
        if doc.sentence_span(fig.start) != sentence or fig.unit != chosen.fig.unit or fig.prior or fig.plan:
            continue
        part = _place(doc, figures, j, problems)
        if part.part and (_OWN_BODY.search(part.left) or (year is not None and f"{year}年" in part.left)):
            return part
    return chosen


_PAIRED = re.compile(r"^[、,，和及/]?\s*(?:共|计|合计)?$")


def own_unit(m: _Matcher, chosen: Figure, figures: list[Figure], index: int, f: str) -> Figure:
    """A 人次 rule takes the 人次 figure written beside the 人 figure it chose ("860人、1320人次")."""
    if chosen.unit == m.rule.unit:
        return chosen
    for other in (index - 1, index + 1):
        if 0 <= other < len(figures):
            fig = figures[other]
            lo, hi = (fig.end, chosen.start) if other < index else (chosen.end, fig.start)
            if fig.unit == m.rule.unit and not fig.prior and not fig.plan and _PAIRED.match(f[lo:hi]):
                return fig
    return chosen


_Candidate = tuple[tuple[int, int, int], _Matcher]


def rules_a_figure_states(place: _Place, numeric: list[_Matcher], figures: list[Figure]) -> list[_Candidate]:
    """The rules whose phrase is placed best for this figure: the highest (tier, phrase length). After
    均为/分别为/各 every rule named right before it takes it (所有执法人员和法制审核人员均为…)."""
    candidates = [(score, m) for m in numeric if (score := _score(m, place, figures)) is not None]
    if not candidates:
        return []
    if place.distributive:
        named = [c for c in candidates if c[0][0] == 2]
        return _not_inside_another(named, place) or candidates
    top = max(c[0][:2] for c in candidates)
    return [c for c in candidates if c[0][:2] == top]


def _not_inside_another(candidates: list[_Candidate], place: _Place) -> list[_Candidate]:
    """The candidates whose phrase before the figure is not part of another's longer phrase there: in 以本局为被申请人
    的行政复议案件和…均为0件 the 行政复议案件 named is the respondent's cases, not ar_case_count's own. A rule whose
    context its sentence names outside that longer phrase stays (人大代表建议…、政协提案…,建议和提案办复率: 办复率
    inside 提案办复率, and 人大代表建议 names the other)."""
    spans = {}
    left = _FILLERS.sub("", place.left)  # as _find_phrase reads it, so the offsets agree
    for c in candidates:
        hit = _find_phrase(c[1], place.left, from_end=True)
        if hit is not None:
            end = len(left) - hit[1]
            spans[c[1].rule.id] = (end - len(hit[0]), end)

    def inside(m: _Matcher) -> bool:
        a, b = spans.get(m.rule.id, (0, 0))
        outer = [(x, y) for o, (x, y) in spans.items() if o != m.rule.id and x <= a and b <= y and y - x > b - a]
        rest = place.sentence.replace(left[outer[0][0] : outer[0][1]], "", 1) if outer else ""
        return bool(outer) and not any(w in rest for w in m.context)

    return [c for c in candidates if not inside(c[1])]


_SERIES_GAP = re.compile(r"\s*[、和及与,，]\s*")
# 分别为98%、99%, or with the verb they share between: 分别听取法治建设工作汇报2次、3次
_RESPECTIVELY = re.compile(r"分别(?:为|是|达|达到)?\s*$|分别[^,;:。、\d]{1,14}$")


def respective_series(doc: Doc, figures: list[Figure], index: int) -> tuple[int, list[int]] | None:
    """满意率分别为98.8%和99.2%: a list of figures after 分别…, each for one of the things named before
    it, in order; their units may differ (案件、败诉率分别为2,104件、6.3%). (this figure's place in the
    list, the list's figure indexes), or None."""
    f = doc.folded

    def joined(a: int, b: int) -> bool:
        return bool(_SERIES_GAP.fullmatch(f[figures[a].end : figures[b].start]))

    first, last = index, index
    while first > 0 and joined(first - 1, first):
        first -= 1
    while last + 1 < len(figures) and joined(last, last + 1):
        last += 1
    start = figures[first].start
    if last == first or not _RESPECTIVELY.search(f[max(0, start - 16) : start]):
        return None
    return index - first, list(range(first, last + 1))


def _anchor(m: _Matcher, sentence: str) -> int:
    """Where a rule is first named in the sentence (its context words, else its phrases), for
    pairing a 分别 list with the things it follows in order."""
    words = m.context or m.phrases
    found = [pos for w in words if (pos := sentence.find(w)) != -1]
    return min(found) if found else len(sentence)


def respectively(
    doc: Doc, numeric: list[_Matcher], figures: list[Figure], index: int, problems: list[tuple[int, int]]
) -> list[_Candidate] | None:
    """The k-th figure of a 分别 list goes to the k-th thing named before it: to the rules of the k-th
    phrase (办复率、满意率分别为100%和97.6%: 100 both 办复率 rules', 97.6 both 满意率 rules'), else, when
    one phrase names them all, to the k-th rule by where its context is named (建议…提案…满意率分别为
    98.8%和99.2%: 98.8 the 建议's, 99.2 the 提案's). None when the figure is in no such list, or the
    list and the things named do not pair one to one."""
    series = respective_series(doc, figures, index)
    if series is None:
        return None
    k, members = series
    head = _place(doc, figures, members[0], problems)
    place = _place(doc, figures, index, problems)
    if any(figures[i].unit != head.fig.unit for i in members):
        return by_item(doc, place, head, numeric, figures, k, len(members))
    found = _pair(head, numeric, figures, k, len(members))
    if found is None and (shared := shared_noun(head.left)) != head.left:
        found = _pair(replace(head, left=shared), numeric, figures, k, len(members))
    return found if found is not None else by_item(doc, place, head, numeric, figures, k, len(members))


_LIST_SEP = re.compile(r"、")  # not 和 or 及: 和解率, 及时受理率
_RESPECTIVE_WORD = re.compile(r"分别(?:为|是|达到|达)?")


def by_item(
    doc: Doc, place: _Place, head: _Place, numeric: list[_Matcher], figures: list[Figure], k: int, size: int
) -> list[_Candidate] | None:
    """The k-th figure of a 分别 list goes to the rules the k-th item before 分别 names, read as if it
    stood right after that item and the words between 分别 and the list: 一审行政诉讼案件、败诉率、出庭应诉率
    分别为2,104件、6.3%、98.9% (units that differ); 及时受理率、化解率分别为99.8%、94.7% (the first names
    no rule); 市委常委会会议、市政府常务会议分别听取…汇报2次、3次 (the committee's is not the government's).
    None when the items are not as many as the figures."""
    clause = doc.folded[doc.clause_start(head.fig.start, hard=True) : head.fig.start]
    word = _RESPECTIVE_WORD.search(clause)
    if word is None:
        return None
    items = [item for item in _LIST_SEP.split(clause[: word.start()]) if item]
    if len(items) != size:
        return None
    verb = clause[word.end() :]
    alone = replace(place, left=items[k] + verb + place.fig.text, right="", earlier="", distributive=False)
    return rules_a_figure_states(alone, numeric, figures)


# 行政复议、一审行政诉讼案件分别为96件、58件: the items of a list share the last one's head noun
_LIST_NOUN = re.compile(r"((?:[\u4e00-\u9fff]{2,10}、)+)([\u4e00-\u9fff]{2,10}?)(案件|事项|文件)(?=分别)")


def shared_noun(left: str) -> str:
    """`left` with a 分别 list's shared head noun given to each item (行政复议、一审行政诉讼案件 ->
    行政复议案件、一审行政诉讼案件), or `left` as it is. Positions from its end do not move."""
    m = _LIST_NOUN.search(left)
    if m is None:
        return left
    noun = m.group(3)
    items = [item + noun for item in m.group(1).rstrip("、").split("、")]
    return left[: m.start()] + "、".join([*items, m.group(2) + noun]) + left[m.end() :]


def _pair(head: _Place, numeric: list[_Matcher], figures: list[Figure], k: int, size: int) -> list[_Candidate] | None:
    """The rules of the k-th of `size` things named before a 分别 list (see respectively)."""
    candidates = rules_a_figure_states(head, numeric, figures)
    by_phrase: dict[int, list[_Candidate]] = {}
    for c in candidates:
        hit = _find_phrase(c[1], head.left, from_end=True)
        where = len(head.left) - hit[1] if hit is not None else -1  # where the phrase ends: 提案办复率 is 办复率
        by_phrase.setdefault(where, []).append(c)
    if len(by_phrase) == size and -1 not in by_phrase:
        return by_phrase[sorted(by_phrase)[k]]
    if len(candidates) != size:
        return None
    ordered = sorted(candidates, key=lambda c: _anchor(c[1], head.sentence))
    return [ordered[k]]


# 全县行政机关负责人出庭应诉率, 全市各级行政复议机关: the whole area's figure
_AREA = r"全(?:省|市|州|盟|县|区|旗)"
_AREA_WIDE = re.compile(_AREA + "|全系统")


def area_row(doc: Doc, fig: Figure) -> bool:
    """A table cell whose row is labelled with the whole area or system (全县行政机关负责人出庭应诉率\t%\t97.5
    \t100): in a department's report the table sums up the area, and the cell is not the department's own
    figure. (A sentence is not judged so: a department's report may name the area for its own work.)"""
    before = doc.folded[doc.clause_start(fig.start, hard=True) : fig.start]
    return "\t" in before and bool(_AREA_WIDE.search(before))


# the department speaking of itself: 本局作为被告的行政诉讼案件0件
_SELF = re.compile(r"本(?:局|委|厅|部门|单位|办|中心|院|署)")
# a sentence about the whole area, after a list marker: （二）全县行政机关…, 一是全市…; not 全系统, which in a
# department's sentence is its own system (全系统持证执法人员731名)
_AREA_SENTENCE = re.compile(r"(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是|\d+[.、])?" + _AREA)


# 全市生态环境系统, 全省水利系统: the department's own system (its 派出 and 直属 units), not the whole area
_SYSTEM = re.compile(r"[^,;:。，；：]{0,6}系统")


def area_sentence(doc: Doc, fig: Figure) -> bool:
    """In a department's report that tells its own figures apart (本局…), a sentence or clause that opens
    with the whole area (全县行政机关共应诉…97件,行政机关负责人出庭应诉率100%; 全县持证执法人员…人均培训62学时)
    states the area's figures, not the department's; 全市生态环境系统 is the department's own system. A report
    that never says 本局 may be describing its own work county-wide (全县公安机关 in a 公安局's report), so it
    is not judged so."""
    sent_start, _ = doc.sentence_span(fig.start)
    f = doc.folded
    clause = doc.clause_start(fig.start, hard=True, limit=sent_start)
    while clause > sent_start + 1 and f[clause - 1] == "," and f[clause - 2].isdigit() and f[clause].isdigit():
        clause = doc.clause_start(clause - 1, hard=True, limit=sent_start)  # 1,236名: a thousands separator
    return any(
        (hit := _AREA_SENTENCE.match(f, start)) is not None
        and not _SYSTEM.match(f, hit.end())
        and not _SELF.search(f, start, fig.start)
        for start in {sent_start, clause}
    )


# the review done by another body: 均经县司法局合法性审核, 提交市司法局审核行政规范性文件26件,均经合法性审核
_REVIEWED_BY_ANOTHER = re.compile(
    r"(?:经|提交|交由|送|报)[^,;:。，；：]{0,8}(?:司法局|政府|法制办)[^,;:。，；：]{0,6}(?:审核|审查)"
)


def reviewed_by_another(doc: Doc, fig: Figure) -> bool:
    """提交市司法局审核行政规范性文件26件, 起草规范性文件2件经县司法局合法性审核后印发 in a department's report: the
    review is the 司法局's, not the department's count (read in the figure's clause, before and after it)."""
    end = doc.clause_end(fig.end, hard=True)
    return bool(_REVIEWED_BY_ANOTHER.search(doc.folded, doc.clause_start(fig.start, hard=True), end))


def _options(
    doc: Doc,
    numeric: list[_Matcher],
    figures: list[Figure],
    problems: list[tuple[int, int]],
    others: set[int],
    town: bool = False,
) -> dict[str, list[_Option]]:
    """For each rule, every figure that could state it (not one of `others`, other bodies' figures),
    with its preference (`town`: the report is a town's, whose own bodies are its 乡镇 and 街道 teams)."""
    by_rule: dict[str, list[_Option]] = {}
    for index, fig in enumerate(figures):
        if fig.plan or fig.prior or index in others:
            continue  # a next-year target or last year's level is not this year's figure
        place = _place(doc, figures, index, problems)
        paired = respectively(doc, numeric, figures, index, problems)
        for score, m in paired if paired is not None else rules_a_figure_states(place, numeric, figures):
            plain = plain_subject(m, place, numeric, doc, town)
            by_rule.setdefault(m.rule.id, []).append((preference(score, place, plain), place))
    return by_rule


def pooled(ind: Indicator, sharers: int, distributive: bool) -> bool:
    """One figure several rules take (代表建议和政协委员提案共计186件) is one count for all of them: shared,
    unless the text distributes it (均为/各) or it is a full 100 %, which holds for every part of a pool."""
    if sharers < 2 or distributive:
        return False
    return not (ind.unit == "%" and ind.value == 100 and ind.bound is Bound.EXACT)


def _stated(
    doc: Doc,
    numeric: list[_Matcher],
    figures: list[Figure],
    problems: list[tuple[int, int]],
    others: set[int],
    reporter: Reporter,
) -> dict[str, Indicator]:
    """Each numeric rule's best figure: first among equals, a whole over its part, the body's own part of an
    area's or years' whole, the rule's own unit."""
    by_rule = _options(doc, numeric, figures, problems, others, reporter.level == "town")
    results: dict[str, Indicator] = {}
    spread: dict[str, bool] = {}
    for m in numeric:
        options = by_rule.get(m.rule.id)
        if options:
            place = whole_over_part(max(options, key=lambda c: c[0]), options)[1]
            place = named_part(m, place, doc, figures, problems)
            place = own_part(place, doc, figures, problems, reporter.year)
            fig = own_unit(m, place.fig, figures, place.index, doc.folded)
            if not fig.mean and any(
                o[1].fig.mean and (o[1].fig.value, o[1].fig.unit) == (fig.value, fig.unit) for o in options
            ):
                # a table restating the average the text gives (平均审核时间6.2个工作日; …审核时间(工作日)\t6.2)
                fig = replace(fig, mean=True)
            results[m.rule.id] = _from_figure(m, fig)
            spread[m.rule.id] = place.distributive and fig is place.fig
    takers: dict[tuple[int, int], int] = {}
    for found in results.values():
        takers[found.start, found.end] = takers.get((found.start, found.end), 0) + 1
    return {
        rid: replace(found, ambiguous=True)
        if not found.ambiguous and pooled(found, takers[found.start, found.end], spread[rid])
        else found
        for rid, found in results.items()
    }


def _indicator(
    m: _Matcher,
    value: float | bool,
    unit: str,
    text: str,
    evidence: str,
    span: tuple[int, int, int, int],
    bound: Bound = Bound.EXACT,
    **flags: bool,
) -> Indicator:
    """The indicator for m's rule; span is (line, column, start, end) of its text."""
    line, column, start, end = span
    return Indicator(m.rule.id, m.rule.name, value, unit, bound, text, evidence, line, column, start, end, **flags)


def _from_figure(m: _Matcher, fig: Figure) -> Indicator:
    unit = fig.unit if fig.unit in m.units else _EQUIVALENT_UNITS.get(fig.unit, fig.unit)
    span = (fig.line, fig.column, fig.start, fig.end)
    return _indicator(
        m,
        fig.value,
        unit,
        fig.text,
        fig.sentence,
        span,
        fig.bound,
        ambiguous=fig.ambiguous,
        change=fig.change,
        strict=fig.strict,
        mean=fig.mean,
    )


# a rule that measures one group as a share of another: 法制审核人员占执法人员比例
_SHARE_OF = re.compile(r"占.{1,12}(?:比例|比重)|比例$|占比")


def covers_fully(m: _Matcher, left: str, sentence: str) -> bool:
    """全部进驻, 实现全覆盖, 应备尽备 state 100% for a percentage rule named in the clause before the
    phrase (its name or its stem: 备案审核 for 备案审核率), when the rule's context is in the sentence
    (`sentence` ends with the phrase); or for one whose verb the phrase holds (均按期办复), when its
    context is in the sentence since its last semicolon: in "政协提案3件正在办理;人大代表建议全部办结"
    the proposals were not what was concluded. A share of one group in another (法制审核人员占执法人员比例)
    is never stated so: 法制审核人员均取得法律职业资格 says what every reviewer has, not how many there are."""
    if "%" not in m.units or _SHARE_OF.search(m.rule.name) or not _context_ok(m, sentence):
        return False
    left = _visible(m, left)
    if any(s in left for s in m.stems) or any(p in left for p in m.phrases):
        return True
    since = sentence[max(sentence.rfind(";"), sentence.rfind("；")) + 1 :]
    return any(v in left for v in m.verbs) and _context_ok(m, since)


Spans = list[tuple[int, int]]


def _inside(spans: Spans, pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _add_implicit(
    doc: Doc,
    numeric: list[_Matcher],
    implicit: list[Implicit],
    results: dict[str, Indicator],
    plans: Spans,
    department: bool = False,
) -> None:
    """Implicit full coverage, for the percentage rules no figure settled (力争…实现全覆盖 in the
    next-year part is a target, not coverage).

    A rule's context words count only before the phrase's end: what is covered is named before 均经…
    or 实现全覆盖, so in "审议重大行政决策事项8项,均经合法性审查;审核规范性文件12件" the documents
    named after it are not what was reviewed. In a department's report, a review its sentence gives to
    another body (均经县司法局合法性审核) is that body's, not the department's coverage."""
    f = doc.folded
    for imp in implicit:
        if _inside(plans, imp.start):
            continue
        left = f[doc.clause_start(imp.start, hard=True) : imp.end]
        s, _ = doc.sentence_span(imp.start)
        if department and _REVIEWED_BY_ANOTHER.search(f, s, imp.end):
            continue
        for m in numeric:
            if m.rule.id not in results and covers_fully(m, left, f[s : imp.end]):
                span = (imp.line, imp.column, imp.start, imp.end)
                results[m.rule.id] = _indicator(m, 100.0, "%", imp.phrase, imp.sentence, span, implicit=True)


def _add_yes_no(
    doc: Doc, matchers: list[_Matcher], results: dict[str, Indicator], plans: Spans, department: bool = False
) -> None:
    """Yes/no facts: a phrase and an affirming verb, not negated, in one sentence, outside the
    next-year part (推动行政复议决定书网上公开 as next year's task is not done yet); in a department's
    report, not in a clause that steers other bodies (see steers_others)."""
    for m in matchers:
        if m.rule.unit != "bool" or m.rule.id in results:
            continue
        found = _affirmed(doc, m, plans, department)
        if found is not None:
            start, end = found
            span = (doc.line_of(start), doc.column_of(start), start, end)
            results[m.rule.id] = _indicator(m, True, "bool", doc.text[start:end], doc.sentence(start), span)


@dataclass(frozen=True, slots=True)
class Reporter:
    """Who wrote the report, as far as the extractor knows: its level (province … town, department), its
    name and the year it reports on. What is another body's figure, or another year's, depends on it."""

    level: str = ""
    region: str = ""
    year: int | None = None


def map_indicators(
    doc: Doc,
    pack: RulePack,
    figures: list[Figure],
    implicit: list[Implicit],
    problems: list[tuple[int, int]] | None = None,
    plans: list[tuple[int, int]] | None = None,
    department: bool = False,
    reporter: Reporter | None = None,
) -> list[Indicator]:
    """Every rule-pack indicator the text states: the best figure for each (see the rules above),
    then implicit full coverage, then yes/no facts. `problems`: spans of the shortcomings part;
    `plans`: of the next-year part; `department`: the report is a department's (see area_row);
    `reporter`: who reports (a higher area's figures are not its own: higher_area)."""
    reporter = reporter or Reporter(level="department" if department else "")
    department = department or reporter.level == "department"
    matchers = _matchers(pack)
    numeric = [m for m in matchers if m.rule.unit != "bool"]
    others: set[int] = set()
    if department:
        speaks_of_itself = bool(_SELF.search(doc.folded))
        others = {
            i
            for i, fig in enumerate(figures)
            if area_row(doc, fig) or (speaks_of_itself and area_sentence(doc, fig)) or reviewed_by_another(doc, fig)
        }
    higher = higher_areas(reporter)
    others |= {i for i, fig in enumerate(figures) if higher and higher_area(doc, fig, higher)}
    results = _stated(doc, numeric, figures, problems or [], others, reporter)
    _add_implicit(doc, numeric, implicit, results, plans or [], department)
    # a duty named in the shortcomings part (部分行政处罚决定未及时公示) is what is lacking, never done
    _add_yes_no(doc, matchers, results, [*(plans or []), *(problems or [])], department)
    order = {r.id: i for i, r in enumerate(pack.rules)}
    return sorted(results.values(), key=lambda ind: (ind.line, ind.start, order.get(ind.id, 0)))


# the areas above a government's own, by its level: a county's report quoting 全市 or 全省 speaks of the city or
# the province (a county-level 市 calls its own area 全市, so its own name's last character is never higher)
_HIGHER = {"town": "县区市旗州盟省", "county": "市州盟省", "district": "市州盟省", "city": "省", "province": "国"}
# a clause that opens with a whole area, perhaps after a list marker and the area's name: 临江市全市…, （二）全省…
_AREA_OPENING = re.compile(
    r"(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是|\d+[.、])?"
    r"(?:[\u4e00-\u9fff]{1,8}?[省市州盟县区旗])?全(?P<area>[国省市州盟县区旗])"
)


def higher_areas(reporter: Reporter) -> str:
    """The characters of the areas above the reporting government's (全市 in a district's report)."""
    own = reporter.region[-1:]
    return "".join(c for c in _HIGHER.get(reporter.level, "") if c != own)


def higher_area(doc: Doc, fig: Figure, higher: str) -> bool:
    """临江市全市行政诉讼败诉率为7.9% in a district's report: a clause or sentence that opens with a higher area
    states that area's figure, not the reporting government's (which its own 全区 sentence gives)."""
    sent_start, _ = doc.sentence_span(fig.start)
    clause = doc.clause_start(fig.start, hard=True, limit=sent_start)
    f = doc.folded
    return any(
        (hit := _AREA_OPENING.match(f, start, fig.start)) is not None and hit.group("area") in higher
        for start in {sent_start, clause}
    )


def _negated(f: str, start: int, pos: int) -> bool:
    """Whether what stands at `pos` is negated just before it (尚未建立, 未全面推行, 未将…纳入)."""
    return bool(
        _NEGATION.search(f, max(start, pos - 2), pos)
        or _DUTY.search(f, max(start, pos - 2), pos)
        or _NEGATED_ADVERB.search(f, max(start, pos - 4), pos)
        or _NEGATED_DISPOSAL.search(f, start, pos)
    )


def affirming_verb(f: str, verbs: tuple[str, ...], start: int, end: int, names: tuple[str, ...] = ()) -> bool:
    """An affirming verb in f[start:end] not negated just before it: 已建立 affirms, 尚未建立 does not, and
    a sentence with one negated (部分…未及时公示,其余公示…) affirms nothing.

    A verb that is part of one of the rule's `names` (the 列入 of 列入年终述职, the 公示 of 行政执法公示), or
    runs into one (the 实行 of 落实行政执法公示), affirms only where no verb outside the names is negated
    and the name itself is not: "尚未全面落实行政执法公示" affirms nothing, "列入年终述职" does."""
    spans = [(a, a + len(n)) for n in names for a in _occurrences(f, n, start, end)]
    inner: list[int] = []
    negated_outside = affirmed = False
    for verb in verbs:
        for pos in _occurrences(f, verb, start, end):
            touching = [a for a, b in spans if pos < b and a < pos + len(verb)]
            if touching:
                inner += touching
            elif not _negated(f, start, pos):
                affirmed = True
            else:
                negated_outside = True  # the sentence says it is not done
    return not negated_outside and (affirmed or any(not _negated(f, start, a) for a in inner))


def _occurrences(f: str, word: str, start: int, end: int) -> list[int]:
    found, pos = [], f.find(word, start, end)
    while pos != -1:
        found.append(pos)
        pos = f.find(word, pos + 1, end)
    return found


# a verb that has other bodies do the work, and those bodies: 推动全省各级行政执法机关全面落实…,
# 督促14个设区市政府公布…, 指导各县区…
_STEERING = re.compile(
    r"(?:推动|督促|指导|要求|引导|促进)(?:全(?:省|市|州|盟|县|区|旗)|各(?:级|地|市|县|区|乡镇|街道|部门|单位)"
    r"|[\d一二三四五六七八九十两]+个|所属|下级|基层|市县|县区|设区市)"
)


def steers_others(doc: Doc, pos: int) -> bool:
    """In a department's report, "推动全省各级行政执法机关全面落实执法全过程记录制度" or "督促14个设区市政府
    公布…目录" says the department had other bodies do it: their duty, not an affirmation of its own
    (read in the clause up to the phrase)."""
    return bool(_STEERING.search(doc.folded, doc.clause_start(pos, hard=True), pos))


# a clause that says the work falls short (公示率有待提高, 公示内容不够规范) affirms no duty; read in the clause,
# since a sentence may name a problem it then solves (围绕…执法不规范问题,…全面推行行政执法三项制度)
_SHORTFALL = re.compile(r"有待(?:提高|加强|提升|完善|改进|规范)|仍需|仍有待|不够|不到位|不规范|不及时|不完善|不健全")
# a clause that names the work as the year's aim (以高质量完成《纲要》各项目标任务为主线) says what was aimed at,
# not what was done
_AIM = re.compile(r"以[^,;:。，；：]*为(?:主线|目标|方向)")


def _affirmed(doc: Doc, m: _Matcher, plans: Spans, department: bool = False) -> tuple[int, int] | None:
    """The first phrase of a yes/no rule whose sentence (outside page furniture and the plan) affirms
    it, else the first such sentence that names all of its `all_of` parts (from the first to the last);
    in a department's report, not where the clause steers others (steers_others)."""
    f = doc.folded

    def affirms(pos: int) -> bool:
        s, e = doc.sentence_span(pos)
        return (
            doc.line_of(pos) not in doc.boiler_lines
            and not _inside(plans, pos)
            and not (department and steers_others(doc, pos))
            and not _SHORTFALL.search(f, doc.clause_start(pos, hard=True), doc.clause_end(pos, hard=True))
            and not _AIM.search(f, doc.clause_start(pos, hard=True), doc.clause_end(pos, hard=True))
            and affirming_verb(f, m.affirm, s, e, m.phrases)
        )

    for phrase in m.phrases:
        pos = f.find(phrase)
        while pos != -1:
            if affirms(pos):
                return pos, pos + len(phrase)
            pos = f.find(phrase, pos + 1)
    if not m.all_of:
        return None
    pos = f.find(m.all_of[0])
    while pos != -1:
        s, e = doc.sentence_span(pos)
        ends = [(at, at + len(w)) for w in m.all_of if (at := f.find(w, s, e)) != -1]
        if len(ends) == len(m.all_of) and affirms(pos):
            return min(a for a, _ in ends), max(b for _, b in ends)
        pos = f.find(m.all_of[0], e)
    return None
