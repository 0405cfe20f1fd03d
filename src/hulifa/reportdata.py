"""Report-data documents -> ReportData: header fields, statutory parts, and indicator values as figures.

Structural problems (no region, a year that is not a year) stop the check with file:line. A value
that cannot be read is kept with the reason, so it shows as `invalid` beside everything else.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from hulifa.commitments import parse_commitments, parse_progress
from hulifa.decoding import fallback, read_bytes
from hulifa.deviations import parse_entries
from hulifa.errors import InputError, fail
from hulifa.messages import did_you_mean, reason
from hulifa.model import (
    DEPARTMENT_OF,
    LEVELS,
    SECTION_IDS,
    Bound,
    Params,
    Position,
    Quantity,
    ReportData,
    Section,
    Text,
    Value,
)
from hulifa.positions import Document
from hulifa.quantity import QuantityError, normalize, parse_date, parse_quantity
from hulifa.yamlsafe import BOOL_WORDS, Odd, as_text, as_whole, decode_used, parse_yaml, shown

TOP_KEYS = (
    "region",
    "region_code",
    "level",
    "level_guessed",
    "department_of",
    "year",
    "published",
    "submitted",
    "source",
    "sections",
    "indicators",
    "figures",
    "notes",
    "commitments",
    "commitments_progress",
    "deviations",
)
VALUE_KEYS = ("value", "unit", "bound", "mean", "evidence", "note", "shared_with")
_VALUE_KEY_SET = frozenset(VALUE_KEYS)
MAX_FIGURE = 1e12  # no report counts past a trillion; bigger is a typo or an attack

# The yes/no words a compiler writes; a phrase that only leans one way (基本是, 部分) is not here, and
# a yes/no indicator told it says a yes/no was expected (kinds.value_rule).
# fmt: off
_YES = {"是", "是的", "对", "有", "已", "已经", "已公布", "已公开", "已建立", "已落实", "已完成", "已开展",
        "已实施", "已实行", "已制定", "yes", "y", "true", "√", "✓"}
_NO = {"否", "否的", "不是", "不", "无", "未", "没", "没有", "尚未", "未公布", "未公开", "未建立", "未落实",
       "未完成", "未开展", "未实施", "未实行", "未制定", "no", "n", "false", "×", "✗"}
# fmt: on
_FULL = ("全覆盖", "实现全覆盖", "全部进驻", "应备尽备", "应审必审", "全部", "全面覆盖")
# What a word alone states, looked up once (lower-cased; none of these has a capital but yes/true/no/false):
# full coverage (a rate of 100%), or a yes/no fact.
_WORDS: dict[str, bool | str] = {
    **dict.fromkeys(_FULL, "full"),
    **dict.fromkeys(_YES, True),
    **dict.fromkeys(_NO, False),
}


def _pos(doc: Document, path: tuple[Any, ...]) -> Position:
    return doc.at(path)


def _unknown(where: Position, message_id: str, name: Any, allowed: tuple[str, ...]) -> InputError:
    """The refusal of a name that is not one of `allowed`, with the closest one as a hint."""
    return InputError(
        where,
        message_id,
        (("shown", shown(name)), ("allowed", _choices(allowed)), ("hint", did_you_mean(str(name), allowed))),
    )


def _choices(allowed: tuple[str, ...]) -> Text:
    return Text("、".join(allowed), ", ".join(allowed))


def _odd_problem(odd: Odd) -> Text:
    text = odd.text
    if odd.tag == "bool":
        return reason("value.yaml_bool", text=text)
    if odd.tag == "int" and ":" in text:
        return reason("value.sexagesimal", text=text)
    if odd.tag == "int" and "_" in text:
        return reason("value.underscores", text=text, plain=text.replace("_", ""))
    if odd.tag == "int" and text.lstrip("+-").isdigit() and len(text) > 100:
        return reason("value.too_many_digits", text=text[:40])
    if odd.tag == "int" and text.lstrip("+-").startswith("0"):
        return reason("value.leading_zero", text=text)
    if odd.tag == "float":
        return reason("value.not_finite", text=text)
    if odd.tag == "timestamp":
        return reason("value.date_not_figure", text=text)
    return reason("value.unreadable", text=text)


def _number(raw: float) -> Quantity | Text:
    try:
        value = float(raw)
    except OverflowError:
        return reason("value.too_large")
    if not math.isfinite(value):
        return reason("value.not_finite", text=str(raw))
    return Quantity(value=value, text=str(raw))


_Read = tuple[Quantity | None, bool | None, dt.date | None, Text | None]


def _figure(raw: Any, unit: Any = None, bound: Any = None, mean: Any = None) -> _Read:
    """A value as written, with its `unit:`, `bound:` and `mean:` if given -> (quantity, flag, date, problem):
    either a problem or at most one of the others. It depends on these three alone, and the same few
    figures recur in every file, so it is remembered; each report then pays only for what is its own
    (key, place, evidence), which made building a generated report ~25% cheaper."""
    try:  # scalars are hashable
        return _figure_cached(raw, unit, bound, mean)
    except TypeError:  # a list or a mapping where a figure (or a unit) belongs
        return _figure_read(raw, unit, bound, mean)


@functools.lru_cache(maxsize=8192, typed=True)  # typed: 1, 1.0 and True are different values here
def _figure_cached(raw: str | int | float | Odd | None, unit: Any, bound: Any, mean: Any) -> _Read:
    return _figure_read(raw, unit, bound, mean)


def _figure_read(raw: Any, unit: Any, bound: Any, mean: Any) -> _Read:
    quantity, flag, date, problem = _read(raw)
    if quantity is not None and problem is None:
        problem = _check_range(quantity)
        if unit is not None:
            unit_text = normalize(str(unit)).strip()
            if quantity.unit and unit_text != quantity.unit:
                problem = reason("value.unit_conflict", own=quantity.unit, given=unit_text)
            else:
                quantity = quantity._replace(unit=unit_text)
        if bound is not None:
            try:
                quantity = quantity._replace(bound=Bound(str(bound)), strict=False)
            except ValueError:
                problem = reason("value.bound", shown=shown(bound))
        if mean is not None:  # `mean: true`: an average over items (平均/人均), as the words 平均7日 say
            if isinstance(mean, bool):
                quantity = quantity._replace(mean=mean)
            else:
                problem = reason("value.mean", shown=shown(mean))
    return (None, None, None, problem) if problem is not None else (quantity, flag, date, None)


def _read(raw: Any) -> _Read:
    if isinstance(raw, bool):
        return None, raw, None, None
    if isinstance(raw, int | float):
        result = _number(raw)
        return (result, None, None, None) if isinstance(result, Quantity) else (None, None, None, result)
    if isinstance(raw, Odd):
        if raw.tag == "timestamp":
            date = parse_date(raw.text)
            if date:
                return None, None, date, None
        # NO/yes/on/off are refused even for yes/no facts: the reader must say true/false or 是/否.
        return None, None, None, _odd_problem(raw)
    if isinstance(raw, str):
        text = normalize(raw).strip()
        said = _WORDS.get(text.lower())
        if said == "full":
            return Quantity(100.0, "%", Bound.EXACT, raw, implicit=True), None, None, None
        if isinstance(said, bool):
            return None, said, None, None
        date = parse_date(text)
        if date:
            return None, None, date, None
        try:
            return parse_quantity(raw), None, None, None
        except QuantityError as exc:
            return None, None, None, reason(exc.message_id, **dict(exc.params))
        except (OverflowError, ValueError):  # 一亿亿亿…: parse_quantity overflows float() (a quantity.py bug)
            return None, None, None, reason("value.too_large")
    if raw is None:
        return None, None, None, reason("value.named_only")
    if isinstance(raw, list):
        return None, None, None, reason("value.list")
    return None, None, None, reason("value.type", kind=type(raw).__name__)


def _check_range(quantity: Quantity) -> Text | None:
    if quantity.value < 0:
        return reason("value.negative", text=quantity.text)
    if quantity.value > MAX_FIGURE:
        return reason("value.implausible", text=quantity.text)
    return None


def _shared_with(raw: Any) -> tuple[tuple[str, ...], Text | None]:
    """`shared_with: [区委]`: the other bodies one figure also counts."""
    if raw is None:
        return (), None
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
        return (), reason("value.shared_with")
    return tuple(i.strip() for i in items), None


# A report has ~75 values: each is made by tuple.__new__ with every field in Value's order, not through
# Value's generated __new__ (a Python function, with its defaults); test_reportdata holds the two to one.
_new = tuple.__new__


def _value(key: str, raw: Any, position: Position) -> Value:
    if not isinstance(raw, dict):  # a figure written alone
        quantity, flag, date, problem = _figure(raw)
        return _new(Value, (key, position, quantity, flag, date, raw, problem, "", "", ()))
    get = raw.get
    evidence = str(get("evidence") or "")
    note = str(get("note") or "")
    shared, problem = _shared_with(get("shared_with")) if "shared_with" in raw else ((), None)
    if problem is None and not raw.keys() <= _VALUE_KEY_SET:
        extra = next(k for k in raw if k not in _VALUE_KEY_SET)
        problem = reason(
            "value.unknown_field",
            shown=shown(extra),
            allowed=_choices(VALUE_KEYS),
            hint=did_you_mean(extra, VALUE_KEYS),
        )
    if "value" not in raw:
        problem = problem or reason("value.no_value")
    value_raw = get("value")
    quantity, flag, date, figure_problem = _figure(value_raw, get("unit"), get("bound"), get("mean"))
    problem = problem or figure_problem
    if problem is not None:
        quantity = flag = date = None
    return _new(Value, (key, position, quantity, flag, date, value_raw, problem, evidence, note, shared))


PART_KEYS = ("present", "evidence", "note", "doubt")


def _part_mapping(doc: Document, path: tuple[Any, ...], value: dict[str, Any]) -> tuple[bool, str, str]:
    """present, evidence and doubt of a part written as a mapping. A misspelt key or a `present:` that
    is not true/false is refused: `presnt: false` or `present: no` must not read as a present part."""
    for key, item in value.items():  # a key's place is looked up only to refuse it
        if key not in PART_KEYS:
            raise _unknown(doc.at((*path, key)), "input.report.unknown_field", key, PART_KEYS)
        if key == "present" and not isinstance(item, bool):
            raise doc.error((*path, key), "input.report.present")
        if key != "present" and item is not None and as_text(item) is None:
            raise doc.error((*path, key), "input.report.not_text", key=key)
    return value.get("present", True), as_text(value.get("evidence")) or "", as_text(value.get("doubt")) or ""


def _source(doc: Document, data: dict[str, Any]) -> str:
    raw = data.get("source")
    text = as_text(raw)
    if raw is not None and text is None:
        raise doc.error(("source",), "input.report.source")
    return text or ""


def _blank(raw: Any) -> bool:
    if raw is None:
        return True
    return (
        isinstance(raw, dict) and raw.get("value") is None and set(raw) <= {"value", "evidence", "note", "shared_with"}
    )


def _sections(doc: Document, raw: Any) -> tuple[Section, ...]:
    path = ("sections",)
    sections: list[Section] = []
    if isinstance(raw, list):
        items: list[tuple[Any, Any, tuple[Any, ...]]] = [(item, True, (*path, i)) for i, item in enumerate(raw)]
    elif isinstance(raw, dict):
        items = [(k, v, (*path, k)) for k, v in raw.items()]
    else:
        where = _pos(doc, path)
        raise fail(doc.file, where.line, where.column, "input.report.sections_shape")
    for name, value, item_path in items:
        where = _pos(doc, item_path)
        if not isinstance(name, str) or name not in SECTION_IDS:
            raise _unknown(where, "input.report.unknown_part", name, SECTION_IDS)
        evidence = doubt = ""
        if isinstance(value, dict):
            present, evidence, doubt = _part_mapping(doc, item_path, value)
        elif isinstance(value, bool) or value is None:
            present = bool(value)
        elif isinstance(value, str | Odd) and str(value).strip() not in BOOL_WORDS:
            present, evidence = True, str(value)  # evidence; 2024-01-01 unquoted is text too
        else:
            raise fail(
                doc.file,
                where.line,
                where.column,
                "input.report.part_shape",
                shown=shown(name),
            )
        sections.append(Section(name, present, where, evidence, doubt))
    return tuple(sections)


YEARS = range(1990, 2101)  # a report's own year; anything else is a typo or a misread number


class Origin(NamedTuple):
    """Where a report's header was read, for the one validation both YAML and text go through.

    `where(field)` is the position of a header field (or of the document, if the field is absent);
    `supply(field)` says how to give a field that is missing, in the words of that input: a YAML
    key to add, or a command-line option for report text.
    """

    where: Callable[[str], Position]
    supply: Callable[[str], tuple[str, Params]]  # a message id (hulifa.messages.INPUT) and its parameters


class OptionError(ValueError):
    """A command-line option that cannot be used, and why, in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


class TextHints(NamedTuple):
    """What the user says about report text (--year/--level/--region): used where the text is silent
    or wrong. Report-data YAML states its own header and ignores these."""

    year: int | None = None
    level: str | None = None
    region: str | None = None

    @classmethod
    def given(cls, year: int | None, level: str | None, region: str | None) -> TextHints:
        """The options as typed, checked: OptionError, saying which and why, for a bad one."""
        if level is not None and level not in LEVELS:
            raise OptionError(reason("option.level", choices=" | ".join(LEVELS)))
        if year is not None and year not in YEARS:
            raise OptionError(reason("option.year", shown=str(year)))
        if region is not None and not region.strip():
            raise OptionError(reason("option.region"))
        return cls(year, level, region.strip() if region is not None else None)


def _missing(raw: Any) -> bool:
    return raw is None or raw == ""


def valid_header(region: Any, level: Any, year: Any, origin: Origin) -> tuple[str, str, int]:
    """region, level and year, each checked; an InputError that says how to supply what is missing."""
    if _missing(region):
        raise InputError(origin.where("region"), *origin.supply("region"))
    if isinstance(region, Odd):  # `region: NO` is the text NO, as YAML 1.2 and the schema read it
        region = region.text
    if not isinstance(region, str):
        raise InputError(origin.where("region"), "input.report.region")
    if _missing(level):
        raise InputError(origin.where("level"), *origin.supply("level"))
    if level not in LEVELS:
        raise InputError(
            origin.where("level"),
            "input.report.level",
            (("allowed", " | ".join(LEVELS)), ("shown", shown(level))),
        )
    if _missing(year):
        raise InputError(origin.where("year"), *origin.supply("year"))
    whole = as_whole(year)
    if whole is None or whole not in YEARS:
        raise InputError(
            origin.where("year"),
            "input.report.year",
            (("shown", shown(year)),),
        )
    return region, level, whole


def new_report(
    *,
    file: str,
    region: Any,
    level: Any,
    year: Any,
    origin: Origin,
    values: tuple[Value, ...],
    sections: tuple[Section, ...] | None,
    top_at: Position,
    indicators_at: Position,
    sections_at: Position,
    dates: dict[str, tuple[dt.date, Position]] | None = None,
    region_code: str = "",
    source: str = "",
    level_guess: Text | None = None,
    **follow_up: Any,
) -> ReportData:
    """The one constructor of ReportData for YAML and for extracted text: the header is validated
    (year in range, level known, region given) and the positions findings point at are required."""
    region, level, year = valid_header(region, level, year, origin)
    return ReportData(
        file=file,
        region=region,
        level=level,
        year=year,
        values=values,
        sections=sections,
        dates=dates or {},
        region_code=region_code,
        source=source,
        indicators_at=indicators_at,
        sections_at=sections_at,
        top_at=top_at,
        level_guess=level_guess,
        **follow_up,
    )


def _yaml_origin(doc: Document) -> Origin:
    def where(key: str) -> Position:
        data = doc.data
        return doc.at((key,)) if isinstance(data, dict) and not _missing(data.get(key)) else doc.at(())

    return Origin(where, lambda key: ("input.report.missing_field", (("key", key),)))


def _level_guess(doc: Document, data: dict[str, Any]) -> Text | None:
    """`level_guessed:` (written by `hulifa extract` when the level is a guess): kept until confirmed."""
    raw = data.get("level_guessed")
    if _missing(raw) or raw is False:
        return None
    raw = raw.text if isinstance(raw, Odd) else raw
    if not isinstance(raw, str | bool):
        raise doc.error(
            ("level_guessed",),
            "input.report.level_guessed",
        )
    note = "" if raw is True else str(raw)
    return Text(note, note) if note else reason("report.level_guessed")


def _check_shape(doc: Document) -> dict[str, Any]:
    """The document is a mapping of report data with known top-level keys; return it."""
    data = doc.data
    if not isinstance(data, dict):
        shape = reason("shape.list" if isinstance(data, list) else "shape.scalar")
        raise fail(
            doc.file,
            1,
            1,
            "input.report.not_mapping",
            shape=shape,
        )
    if not ({"region", "indicators", "year"} & data.keys()):
        raise fail(
            doc.file,
            1,
            1,
            "input.report.not_report",
        )
    for key in data:
        if key not in TOP_KEYS:
            raise doc.error((key,), "input.report.unknown_key", shown=shown(key), hint=did_you_mean(str(key), TOP_KEYS))
    return data


def _department_of(doc: Document, data: dict[str, Any], level: str) -> str:
    """Whose department a department's report is; "" when not stated."""
    of = data.get("department_of")
    if of is None:
        return ""
    if level != "department":
        raise doc.error(
            ("department_of",),
            "input.report.department_of_level",
        )
    if of not in DEPARTMENT_OF:
        raise doc.error(
            ("department_of",),
            "input.report.department_of",
            allowed=" | ".join(DEPARTMENT_OF),
            shown=shown(of),
        )
    return str(of)


def _region_code(doc: Document, data: dict[str, Any]) -> str:
    code = data.get("region_code")
    if isinstance(code, float) and code.is_integer():  # 350206.0 is the integer 350206 in JSON
        code = int(code)
    if code is not None and not re.fullmatch(r"[0-9]{6}", str(code)):
        raise doc.error(
            ("region_code",),
            "input.report.region_code",
        )
    return str(code or "")


def _dates(doc: Document, data: dict[str, Any]) -> dict[str, tuple[dt.date, Position]]:
    dates: dict[str, tuple[dt.date, Position]] = {}
    for key in ("published", "submitted"):
        if data.get(key) is None:
            continue
        date = parse_date(data[key])
        if date is None:
            raise doc.error((key,), "input.report.date", key=key)
        dates[key] = (date, _pos(doc, (key,)))
    return dates


def report_from_document(doc: Document) -> ReportData:
    data = _check_shape(doc)
    origin = _yaml_origin(doc)
    region, level, year = valid_header(data.get("region"), data.get("level"), data.get("year"), origin)
    code = _region_code(doc, data)
    indicators = data.get("indicators")
    indicators = {} if indicators is None else indicators  # `indicators:` left empty
    if not isinstance(indicators, dict):
        raise doc.error(
            ("indicators",),
            "input.report.indicators_shape",
        )
    # A key left blank (as `hulifa init` writes it) is not yet stated: it counts as missing.
    # the line of each figure itself: the `value:` line of a mapping, else the key's line
    where = doc.entries_at(("indicators",), "value")
    values = tuple([_value(key, raw, where[key]) for key, raw in indicators.items() if not _blank(raw)])
    sections = _sections(doc, data["sections"]) if data.get("sections") is not None else None
    return new_report(
        file=doc.file,
        region=region,
        level=level,
        year=year,
        origin=origin,
        values=values,
        sections=sections,
        dates=_dates(doc, data),
        region_code=code,
        department_of=_department_of(doc, data, level),
        source=_source(doc, data),
        indicators_at=_pos(doc, ("indicators",)) if "indicators" in data else doc.end,
        sections_at=_pos(doc, ("sections",)) if "sections" in data else doc.end,
        top_at=doc.at(()),
        level_guess=_level_guess(doc, data),
        **_follow_up(doc),
    )


def _follow_up(doc: Document) -> dict[str, Any]:
    """Commitments, progress on last year's, and accepted deviations, read where they are checked."""
    data = doc.data
    return {
        "commitments": parse_commitments(doc),
        "progress": parse_progress(doc),
        "progress_at": _pos(doc, ("commitments_progress",)) if "commitments_progress" in data else None,
        "deviations": parse_entries(doc, ("deviations",)) if data.get("deviations") is not None else (),
    }


def load_report(path: Path, display: str | None = None, encoding: str | None = None) -> ReportData:
    display = display or str(path)
    return report_from_bytes(read_bytes(path, display), display, encoding)


def report_from_bytes(data: bytes, display: str, encoding: str | None = None) -> ReportData:
    """A report-data file's bytes as ReportData, naming the encoding when a fallback read them."""
    text, used = decode_used(data, display, encoding)
    report = report_from_document(parse_yaml(text, display))
    name = fallback(used, encoding)
    return report._replace(encoding=name) if name else report
