"""Render an Extraction: report-data YAML (the default), JSON, or hulifa.model.ReportData."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from hulifa.decoding import fallback_note
from hulifa.errors import fail
from hulifa.extract import Extraction
from hulifa.extract.indicators import Indicator
from hulifa.messages import SECTION_NAMES, quote, reason
from hulifa.model import LEVELS, SECTION_IDS, Bound, Params, Position, Quantity, ReportData, Section, Text, Value
from hulifa.quantity import format_number
from hulifa.reportdata import Origin, new_report

# (line, column) in the extracted text -> (page, line on that page): given for PDF input only.
Locate = Callable[[int, int], tuple[int, int]]

# Implicit phrases the report-data loader itself reads as full coverage (value kept as written).
_LOADER_FULL = ("全覆盖", "实现全覆盖", "全部进驻", "应备尽备", "应审必审", "全面覆盖")


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _one_line(text: str, limit: int = 0) -> str:
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _unwrapped(text: str) -> str:
    """A figure as written may cross a hard wrap ("4\n856件" in text copied from a PDF): a YAML
    comment must stay on one line, so the break is dropped."""
    return "".join(text.splitlines())


def _ref(locate: Locate | None, line: int, column: int, lang: str | None = None) -> str:
    """`line 12` in a text, `p3:12` in a PDF (line 12 of page 3); 第12行, 第3页第12行 in Chinese."""
    if locate is None:
        return _short(reason("draft.line", line=line), lang)
    page, on_page = locate(line, column)
    return _short(reason("draft.page_line", page=page, line=on_page), lang)


def _short(text: Text, lang: str | None) -> str:
    """A short word of a comment beside a key or a figure in `lang`; in English when None (the library's
    default), where a sentence is in both (_said): "第12行 / line 12" beside every figure says nothing more."""
    return text.get(lang or "en")


def _place(locate: Locate | None, line: int, column: int) -> dict[str, int]:
    if locate is None:
        return {"line": line}
    page, on_page = locate(line, column)
    return {"page": page, "line": on_page}


# A Party body (区委, 区委常委会, 县委, 党委, 党组) named beside a government body before one count:
# "组织召开区委常委会、区政府常务会研究相关工作12次". Not 依法治区委员会 (a committee's name).
_PARTY = re.compile(r"(?:[省市区县州旗乡镇]委(?!员会)(?:常委会)?|党委|党组)")
_GOVERNMENT = re.compile(r"[省市区县州旗乡镇]?政府")
# A joint meeting of the Party committee and the government (a 镇's 党政联席会议) is both bodies at once:
# its count is the committee's as much as the government's, so it is named as the sharer.
_JOINT = re.compile(r"(?:[乡镇]|街道)?党政(?:联席会议|联席会)")


_CLAUSE = re.compile(r"[,，;；。]")


def shared_with(ind: Indicator) -> tuple[str, ...]:
    """The Party bodies that share the figure with the government, or () when none is named (a joint
    Party-and-government meeting names itself).

    Read from the clause that holds the figure ("其中召开3次政府常务会…" names its body after the
    count), else from the nearest clause before it that names a government body ("建立区委、区政府…
    学法前置机制,组织学习相关法律法规8次"). A Party body in an earlier clause that has its own
    count ("区委常委会、区政府常务会议共研究…11次,区政府常务会议会前学法10次") is not taken."""
    if isinstance(ind.value, bool):
        return ()  # a yes/no duty is not a count
    sentence = _one_line(ind.evidence)
    found = re.search(r"(?<![\d.])" + re.escape(ind.text), sentence) if ind.text else None
    if found is None:
        clauses = _CLAUSE.split(sentence)
        own = ""
    else:
        clauses = _CLAUSE.split(sentence[: found.start()])
        rest = sentence[found.start() :]
        own = clauses.pop() + rest[: m.start() if (m := _CLAUSE.search(rest)) else len(rest)]
    if "分别" in own:
        return ()  # 市委常委会会议、市政府常务会议分别听取…2次、3次: each body its own count
    for clause in [own, *reversed(clauses)]:
        if joint := _JOINT.search(clause):
            return (joint.group(0),)
        if _GOVERNMENT.search(clause):
            return tuple(dict.fromkeys(m.group(0) for m in _PARTY.finditer(clause)))
    return ()


# how report data writes a bound that excludes its number, so that the loader reads it back so
_STRICT_WORD = {Bound.UPPER: "不足", Bound.LOWER: "超过"}


def _strict(ind: Indicator) -> bool:
    """A bound that excludes its number: 不足60学时 is under 60, which settles an at-least target of 60
    as missed; 1700余人次 and 超过5日 are over theirs, which settles an at-most limit of 5 as exceeded.
    Written as a plain bound, the checker could only say unverifiable at exactly that number."""
    return ind.strict and ind.bound in _STRICT_WORD


def _found_by(place: str, how: str, lang: str | None) -> str:
    """Where a statutory part was found and by what (heading, sentence, paragraph), in `lang`."""
    return _short(reason("draft.found_by", place=place, how=_short(reason(f"draft.by.{how}"), lang)), lang)


def _parts(ids: list[str]) -> Text:
    """Statutory parts by their keys, each with its name in Chinese: causes(不足的原因)."""
    return Text("、".join(f"{i}({SECTION_NAMES[i].zh})" for i in ids), ", ".join(ids))


def _said(text: Text, lang: str | None) -> str:
    """A draft's comment or note in `lang`; both, "中文 / English", when None (the library's default)."""
    return text.get(lang) if lang else f"{text.zh} / {text.en}"


def _note(ind: Indicator, lang: str | None = None) -> str:
    """What the reader must check of a figure before using it, in `lang` (both when None)."""
    notes = []
    if ind.ambiguous:
        notes.append(reason("draft.ambiguous"))
    if ind.implicit:
        notes.append(reason("draft.implicit", text=Text(quote(ind.text, "zh"), quote(ind.text, "en"))))
    if ind.change:
        notes.append(reason("draft.change"))
    return (";" if lang == "zh" else "; ").join(_said(note, lang) for note in notes)


def _header_lines(ex: Extraction, lang: str | None = None) -> list[str]:
    """region, level and year, with comments in `lang` (both when None). What the text does not say is
    written `null` (the checker refuses it until someone fills it in); a level read from the name says
    so, and one the name does not settle also gets `level_guessed:`, which the checker reports until
    someone confirms the level (its value is read back as data: in both languages)."""
    lines = [
        f"region: {_q(ex.region)}" if ex.region else f"region: null  # {_said(reason('draft.region_missing'), lang)}",
    ]
    guess = ex.level_guess
    why = Text(guess.why_zh, guess.why_en) if guess is not None else reason("draft.level_not_given")
    if not ex.level:
        missing = reason("draft.level_missing", why=why, levels=" | ".join(LEVELS))
        lines.append(f"level: null  # {_said(missing, lang)}")
    elif guess is None:
        lines.append(f"level: {ex.level}")
    elif guess.sure:
        lines.append(f"level: {ex.level}  # {_said(reason('draft.level_from_name', why=why), lang)}")
    else:
        lines.append(f"level: {ex.level}  # {_said(reason('draft.level_guess'), lang)}")
        value = _q(f"{guess.why_zh} / {guess.why_en}")
        lines.append(f"level_guessed: {value}  # {_said(reason('draft.level_guessed'), lang)}")
    if ex.year is None:
        lines.append(f"year: null  # {_said(reason('draft.year_missing'), lang)}")
    else:
        lines.append(f"year: {ex.year}")
    return lines


def to_report_yaml(
    extraction: Extraction,
    source_name: str,
    locate: Locate | None = None,
    *,
    encoding: str = "",
    lang: str | None = None,
) -> str:
    """Report-data YAML that `hulifa check` accepts; each value with its evidence and line (or page:line).
    `encoding` names the fallback encoding the text was read in (a comment), "" when none was; `lang`
    is the language of the header's comments and the figures' notes (both when None)."""
    ex = extraction
    out: list[str] = [
        f"# {_said(reason('draft.title', source=source_name), lang)}",
        f"# {_said(reason('draft.check_each'), lang)}",
        *([f"# 编码 / encoding: {encoding} ({fallback_note(encoding)[1]})"] if encoding else []),
        *_header_lines(ex, lang),
        f"source: {_q(source_name)}",
    ]
    out.append("sections:")
    if not ex.sections:
        out[-1] = f"sections: {{}}  # {_said(reason('draft.no_section'), lang)}"
    present = set(ex.section_ids)
    for sec in ex.sections:
        doubt = f", doubt: {_q(sec.doubt)}" if sec.doubt else ""
        out.append(
            f"  {sec.id}: {{evidence: {_q(_one_line(sec.evidence, 160))}{doubt}}}"
            f"  # {_found_by(_ref(locate, sec.line, sec.column, lang), sec.how, lang)}"
        )
    missing = [s for s in SECTION_IDS if s not in present]
    if missing:
        out.append(f"  # {_said(reason('draft.not_found', parts=_parts(missing)), lang)}")
    if ex.indicators:
        out.append("indicators:")
    else:
        out.append(f"indicators: {{}}  # {_said(reason('draft.no_indicator'), lang)}")
    for ind in ex.indicators:
        out.append(f"  {ind.id}:  # {_ref(locate, ind.line, ind.column, lang)}: {ind.name}")
        if isinstance(ind.value, bool):
            out.append(f"    value: {'true' if ind.value else 'false'}")
        elif ind.implicit and _one_line(ind.text) in _LOADER_FULL:
            out.append(f"    value: {_q(ind.text)}")
        elif _strict(ind):  # written as words, so that the loader reads the bound as excluding the number
            words = f"{_STRICT_WORD[ind.bound]}{format_number(_num(ind.value))}{ind.unit}"
            out.append(f"    value: {_q(words)}")
        else:
            out.append(f"    value: {_num(ind.value)}")
            if ind.unit:
                out.append(f"    unit: {_q(ind.unit)}")
            out.append(f"    bound: {ind.bound.value}")
        if ind.mean:  # 平均/人均: an average cannot confirm a limit that binds each item
            out.append("    mean: true")
        out.append(f"    evidence: {_q(_one_line(ind.evidence))}")
        bodies = shared_with(ind)
        if bodies:
            out.append(f"    shared_with: [{', '.join(_q(b) for b in bodies)}]")
        note = _note(ind, lang)
        if note:
            out.append(f"    note: {_q(note)}")
    unmapped = ex.unmapped
    if unmapped or ex.implicit:
        out.append("")
        out.append(f"# {_said(reason('draft.unmapped'), lang)}")
        for fig in unmapped:
            flags = "".join(
                f" [{_short(reason(f'draft.flag.{name}'), lang)}]"
                for name in ("change", "prior", "plan", "ambiguous")
                if getattr(fig, name)
            )
            value = f"{format_number(fig.value)}{fig.unit} ({_short(reason(f'draft.bound.{fig.bound.value}'), lang)})"
            out.append(
                f"# {_ref(locate, fig.line, fig.column, lang)}: {_unwrapped(fig.text)} = {value}{flags} — "
                f"{_one_line(fig.sentence, 120)}"
            )
        used = {(i.start, i.end) for i in ex.indicators if i.implicit}
        for imp in ex.implicit:
            if (imp.start, imp.end) not in used:
                evidence = _one_line(imp.sentence, 120)
                out.append(
                    f"# {_ref(locate, imp.line, imp.column, lang)}: {_unwrapped(imp.phrase)} = "
                    f"{_short(reason('draft.implicit_value'), lang)} — {evidence}"
                )
    return "\n".join(out) + "\n"


def to_dict(extraction: Extraction, locate: Locate | None = None) -> dict[str, Any]:
    ex = extraction
    indicators = []
    for ind in ex.indicators:
        item: dict[str, Any] = {
            "id": ind.id,
            "name": ind.name,
            "value": ind.value if isinstance(ind.value, bool) else _num(ind.value),
            "unit": ind.unit,
            "bound": ind.bound.value,
            "text": ind.text,
            "evidence": _one_line(ind.evidence),
            **_place(locate, ind.line, ind.column),
        }
        if _strict(ind):
            item["strict"] = True  # the bound excludes the value (不足60, 超过90%, 1700余)
        if ind.ambiguous:
            item["ambiguous"] = True
        if ind.implicit:
            item["implicit"] = True
        if ind.change:
            item["change"] = True
        if ind.mean:
            item["mean"] = True
        indicators.append(item)
    figures = []
    for fig in ex.figures:
        item = {
            "text": fig.text,
            "value": _num(fig.value),
            "unit": fig.unit,
            "bound": fig.bound.value,
            **_place(locate, fig.line, fig.column),
            "start": fig.start,
            "end": fig.end,
        }
        for flag in ("strict", "change", "prior", "plan", "ambiguous", "mean"):
            if getattr(fig, flag):
                item[flag] = True
        figures.append(item)
    implicit = [
        {
            "phrase": i.phrase,
            **_place(locate, i.line, i.column),
            "start": i.start,
            "end": i.end,
            "evidence": _one_line(i.sentence),
        }
        for i in ex.implicit
    ]
    sections = [
        {
            "id": s.id,
            **_place(locate, s.line, s.column),
            "how": s.how,
            "evidence": _one_line(s.evidence),
            **({"doubt": s.doubt} if s.doubt else {}),
        }
        for s in ex.sections
    ]
    return {
        "region": ex.region,
        "level": ex.level,
        "year": ex.year,
        "sections": list(ex.section_ids),
        "section_evidence": sections,
        "indicators": indicators,
        "figures": figures,
        "implicit": implicit,
    }


def to_json(extraction: Extraction, locate: Locate | None = None, *, encoding: str = "") -> str:
    """One JSON document: region, year, sections, indicators, figures (and level, implicit), and
    `encoding` when a fallback encoding read the text."""
    data = to_dict(extraction, locate)
    if encoding:
        data["encoding"] = encoding
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_report_data(extraction: Extraction, file: str, text: str = "") -> ReportData:
    """ReportData for `hulifa check report.txt`: positions point into the text file. `text`, what
    `extraction` was read from, names the attachments of a page that holds a title alone (require_report)."""
    ex = extraction
    values = []
    for ind in ex.indicators:
        position = Position(file, ind.line, ind.column)
        note = _note(ind)
        if isinstance(ind.value, bool):
            values.append(
                Value(
                    key=ind.id,
                    position=position,
                    flag=ind.value,
                    raw=ind.text,
                    evidence=_one_line(ind.evidence),
                    note=note,
                )
            )
        else:
            quantity = Quantity(ind.value, ind.unit, ind.bound, ind.text, ind.implicit, _strict(ind), ind.mean)
            values.append(
                Value(
                    key=ind.id,
                    position=position,
                    quantity=quantity,
                    raw=ind.text,
                    evidence=_one_line(ind.evidence),
                    note=note,
                    shared_with=shared_with(ind),
                )
            )
    found = {s.id: s for s in ex.sections}
    top = Position(file, 1, 1)
    sections = []
    for sid in SECTION_IDS:
        hit = found.get(sid)
        if hit is not None:
            where = Position(file, hit.line, hit.column)
            sections.append(Section(sid, True, where, _one_line(hit.evidence), hit.doubt))
        # A part not found is left out rather than recorded as absent at line 1, so a partial part
        # points at the line of the part that is there.
    require_report(ex, file, text)
    guess = ex.level_guess
    if ex.level and ex.level not in LEVELS and guess is not None:  # e.g. town, before packs know it
        levels = " | ".join(LEVELS)
        raise fail(
            file,
            1,
            1,
            "input.text.unknown_level",
            why=Text(guess.why_zh, guess.why_en),
            level=ex.level,
            levels=levels,
        )
    return new_report(
        file=file,
        region=ex.region,
        level=ex.level,
        year=ex.year,
        origin=_text_origin(ex, file),
        values=tuple(values),
        sections=tuple(sections),
        source=file,
        indicators_at=top,
        sections_at=top,
        top_at=top,
        level_guess=Text(guess.why_zh, guess.why_en) if guess is not None and ex.level and not guess.sure else None,
    )


def require_report(ex: Extraction, file: str, text: str = "") -> None:
    """A text with nothing of a report (no year, no body, no statutory part, no figure) is an error,
    never an empty pass; so is one with a title alone (a year, a body) and no statutory part and no
    figure: a portal page whose report is its attachment would otherwise be checked as a report that
    leaves out everything. One that has a part or a figure goes on: what is missing is then named.
    `text` (what ex was read from) names the attachments a title-only page links to."""
    if ex.blank:
        raise fail(file, 1, 1, "input.text.empty")
    if ex.sections or ex.figures or ex.indicators:
        return
    if ex.year is None and not ex.region:
        raise fail(file, 1, 1, "input.text.no_report")
    from hulifa.extract.sniff import attachments

    named = attachments(text)
    if named:
        raise fail(file, 1, 1, "input.text.title_attachment", names="、".join(named))
    raise fail(file, 1, 1, "input.text.title_only")


def _text_origin(ex: Extraction, file: str) -> Origin:
    """How a user gives what the text does not say: the command-line options."""
    guess = ex.level_guess

    def supply(key: str) -> tuple[str, Params]:
        if key in ("year", "region"):
            return f"input.text.no_{key}", ()
        levels = " | ".join(LEVELS)
        if guess is None:
            return "input.text.level_unknown", (("levels", levels),)
        return "input.text.no_level", (("why", Text(guess.why_zh, guess.why_en)), ("levels", levels))

    return Origin(lambda _key: Position(file, 1, 1), supply)


__all__ = ["Bound", "to_dict", "to_json", "to_report_data", "to_report_yaml"]
