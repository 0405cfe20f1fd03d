"""Reading the follow-up sections of report data (`commitments`, `commitments_progress`, `deviations`)
and `--deviations FILE`, with file:line for anything malformed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from hulifa.errors import fail
from hulifa.loader import Document, load_yaml_file
from hulifa.model import Commitment, Deviation, Position

FIELDS = ("rule", "reason", "approved_by", "expires")
SCOPE = ("region", "year")  # optional: which reports an entry is for
_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def parse_commitments(doc: Document) -> tuple[Commitment, ...]:
    raw = doc.data.get("commitments")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise doc.error(
            ("commitments",),
            "commitments 应为列表:[{id: c1, text: …}]",
            "commitments must be a list: [{id: c1, text: …}]",
        )
    out: list[Commitment] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        where = doc.at(("commitments", i))
        if not isinstance(item, dict) or set(item) - {"id", "text"} or not item.get("text"):
            raise fail(
                doc.file,
                where.line,
                where.column,
                "每项承诺应为 {id, text} 映射,且 text 不能为空",
                "each commitment must be a mapping {id, text} with a non-empty text",
            )
        cid = str(item.get("id", ""))
        if not _ID.match(cid) or cid in seen:
            raise fail(
                doc.file,
                where.line,
                where.column,
                f"承诺 id「{cid}」应唯一,且只含字母、数字、_ . -",
                f"commitment id '{cid}' must be unique and use letters, digits, _ . - only",
            )
        seen.add(cid)
        out.append(Commitment(cid, str(item["text"]), where))
    return tuple(out)


def parse_progress(doc: Document) -> dict[str, tuple[str, Position]]:
    raw = doc.data.get("commitments_progress")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise doc.error(
            ("commitments_progress",),
            "commitments_progress 应为「承诺 id: 进展」的映射",
            "commitments_progress must be a mapping of commitment id: progress",
        )
    out: dict[str, tuple[str, Position]] = {}
    for key, value in raw.items():
        text = "" if value is None else str(value.get("text", "")) if isinstance(value, dict) else str(value)
        out[str(key)] = (text.strip(), doc.at(("commitments_progress", key)))
    return out


def _date(raw: Any) -> dt.date | None:
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    from hulifa.reportdata import parse_date  # the one date reader; imported late (reportdata imports us)

    text = getattr(raw, "text", raw)  # the loader keeps unquoted YAML dates as text
    return parse_date(text) if isinstance(text, str) else None


def parse_entries(doc: Document, path: tuple[Any, ...]) -> tuple[Deviation, ...]:
    """The list at `path` of `doc` as Deviations; InputError with file:line for anything malformed."""
    raw = doc.data
    for key in path:
        raw = raw[key]
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise doc.error(
            path,
            "deviations 应为列表,每项含 rule、reason、approved_by、expires",
            "deviations must be a list of {rule, reason, approved_by, expires}",
        )
    entries: list[Deviation] = []
    for i, item in enumerate(raw):
        where = doc.at((*path, i))
        if not isinstance(item, dict):
            raise fail(
                doc.file,
                where.line,
                where.column,
                "每项偏差应为含 rule、reason、approved_by、expires 的映射",
                "each deviation must be a mapping with rule, reason, approved_by and expires",
            )
        for key in item:
            if key not in FIELDS and key not in SCOPE:
                at = doc.at((*path, i, key))
                raise fail(
                    doc.file,
                    at.line,
                    at.column,
                    f"未知的偏差字段「{key}」(可用:{'、'.join(FIELDS + SCOPE)})",
                    f"unknown deviation field '{key}' (allowed: {', '.join(FIELDS + SCOPE)})",
                )
        for key in FIELDS:
            value = item.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                raise fail(
                    doc.file,
                    where.line,
                    where.column,
                    f"偏差缺少「{key}」:每项须写明 rule、reason、approved_by、expires",
                    f"the deviation has no '{key}': every entry needs rule, reason, approved_by and expires",
                )
        expires = _date(item["expires"])
        if expires is None:
            at = doc.at((*path, i, "expires"))
            raise fail(
                doc.file,
                at.line,
                at.column,
                f"expires 应为日期,如 2025-12-31,而不是「{getattr(item['expires'], 'text', item['expires'])}」",
                "expires must be a date such as 2025-12-31",
            )
        year = item.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            at = doc.at((*path, i, "year"))
            raise fail(doc.file, at.line, at.column, "year 应为年份,如 2024", "year must be a year such as 2024")
        entries.append(
            Deviation(
                rule=str(item["rule"]).strip(),
                reason=str(item["reason"]).strip(),
                approved_by=str(item["approved_by"]).strip(),
                expires=expires,
                position=where,
                region=str(item.get("region") or "").strip(),
                year=year,
            )
        )
    return tuple(entries)


def load_deviations(path: str | Path) -> tuple[Deviation, ...]:
    """A deviations file: a list of entries, or a mapping with a `deviations:` list."""
    doc = load_yaml_file(Path(path), str(path))
    if isinstance(doc.data, dict) and "deviations" in doc.data:
        extra = [k for k in doc.data if k != "deviations"]
        if extra:
            raise doc.error(
                (extra[0],), f"偏差文件中未知的字段「{extra[0]}」", f"unknown key '{extra[0]}' in a deviations file"
            )
        return parse_entries(doc, ("deviations",))
    if isinstance(doc.data, list):
        return parse_entries(doc, ())
    raise fail(
        doc.file,
        1,
        1,
        "偏差文件应为列表,或含 deviations 列表的映射",
        "a deviations file must be a list, or a mapping with a 'deviations' list",
    )
