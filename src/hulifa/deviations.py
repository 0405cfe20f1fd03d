"""Accepted deviations: a documented, approved reason why a rule may be missed, until a date.

Entries come from a report's own `deviations:` section or a `--deviations FILE`, both read here
(`parse_entries`, `load_deviations`) with file:line for anything malformed. `apply` is pure:
given the findings of one report, the entries and today's date, it marks the findings an unexpired
entry covers as `accepted` (severity kept, exit code unaffected) and adds a warning for every entry
that is expired, names an unknown rule, or covers nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hulifa.errors import fail
from hulifa.model import Deviation, Finding, RulePack, Severity, Status, Subject, Text, params
from hulifa.positions import Document
from hulifa.quantity import parse_date
from hulifa.yamlsafe import as_text, as_whole, load_yaml_file

FIELDS = ("rule", "reason", "approved_by", "expires")
SCOPE = ("region", "year")  # optional: which reports an entry is for

# A finding that is already fine, or that means the file was not checked, is never "accepted".
NOT_ACCEPTABLE = frozenset({Status.PASS, Status.STATED, Status.NOT_APPLICABLE, Status.ERROR, Status.ACCEPTED})


def _warning(entry: Deviation, status: Status, rule: str, message: str) -> Finding:
    return Finding(
        rule=rule,
        subject=Subject(rule, entry.rule, entry.rule),
        status=status,
        severity=Severity.WARNING,
        position=entry.position,
        message=message,
        params=params(expires=entry.expires),
        evidence=entry.reason,
    )


def apply(findings: list[Finding], entries: tuple[Deviation, ...], today: dt.date, pack: RulePack) -> list[Finding]:
    """Findings with accepted ones marked, plus a warning for each expired, unknown or unused entry."""
    if not entries:
        return findings
    keys = pack.index.by_key
    known = {f.rule for f in findings} | {r.id for r in pack.rules}
    out = list(findings)
    extra: list[Finding] = []
    for entry in entries:
        rule_id = keys[entry.rule].id if entry.rule in keys else entry.rule
        if rule_id not in known:
            extra.append(
                _warning(
                    entry,
                    Status.UNKNOWN,
                    "hulifa.deviation.unknown_rule",
                    "deviation.unknown_rule",
                )
            )
            continue
        if entry.expires < today:
            extra.append(
                _warning(
                    entry,
                    Status.INVALID,
                    "hulifa.deviation.expired",
                    "deviation.expired",
                )
            )
            continue
        used = False
        for i, finding in enumerate(out):
            if finding.rule != rule_id or finding.status in NOT_ACCEPTABLE:
                continue
            used = True
            out[i] = finding._replace(status=Status.ACCEPTED, accepted=entry, accepted_status=finding.status.value)
        if not used:
            extra.append(
                _warning(
                    entry,
                    Status.INVALID,
                    "hulifa.deviation.unused",
                    "deviation.unused",
                )
            )
    return out + extra


def _date(raw: Any) -> dt.date | None:
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
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
            "deviations.list",
        )
    entries: list[Deviation] = []
    for i, item in enumerate(raw):
        where = doc.at((*path, i))
        if not isinstance(item, dict):
            raise fail(
                doc.file,
                where.line,
                where.column,
                "deviations.entry_shape",
            )
        for key in item:
            if key not in FIELDS and key not in SCOPE:
                at = doc.at((*path, i, key))
                raise fail(
                    doc.file,
                    at.line,
                    at.column,
                    "deviations.unknown_field",
                    key=key,
                    allowed=Text("、".join(FIELDS + SCOPE), ", ".join(FIELDS + SCOPE)),
                )
        for key in FIELDS:
            value = item.get(key)
            # a list or `true` is no reason; expires is read as a date below
            if value is None or (key != "expires" and not (as_text(value) or "").strip()):
                raise fail(
                    doc.file,
                    where.line,
                    where.column,
                    "deviations.missing_field",
                    key=key,
                )
        expires = _date(item["expires"])
        if expires is None:
            at = doc.at((*path, i, "expires"))
            raise fail(
                doc.file,
                at.line,
                at.column,
                "deviations.expires",
                given=getattr(item["expires"], "text", item["expires"]),
            )
        year = item.get("year")
        if year is not None and as_whole(year) is None:
            at = doc.at((*path, i, "year"))
            raise fail(doc.file, at.line, at.column, "deviations.year")
        entries.append(
            Deviation(
                rule=str(as_text(item["rule"])).strip(),
                reason=str(as_text(item["reason"])).strip(),
                approved_by=str(as_text(item["approved_by"])).strip(),
                expires=expires,
                position=where,
                region=(as_text(item.get("region")) or "").strip(),
                year=as_whole(year),
            )
        )
    return tuple(entries)


def load_deviations(path: str | Path) -> tuple[Deviation, ...]:
    """A deviations file: a list of entries, or a mapping with a `deviations:` list."""
    doc = load_yaml_file(Path(path), str(path))
    if isinstance(doc.data, dict) and "deviations" in doc.data:
        extra = [k for k in doc.data if k != "deviations"]
        if extra:
            raise doc.error((extra[0],), "deviations.unknown_key", key=extra[0])
        return parse_entries(doc, ("deviations",))
    if isinstance(doc.data, list):
        return parse_entries(doc, ())
    raise fail(
        doc.file,
        1,
        1,
        "deviations.shape",
    )
