"""Next-year commitments: a report lists them (`commitments:`), the following year's report answers
each one (`commitments_progress:`). Reading both sections (file:line for anything malformed) and the
check of one year's progress against last year's commitments (`check`, pure)."""

from __future__ import annotations

import re

from hulifa.errors import fail
from hulifa.model import Commitment, Finding, Params, Position, ReportData, Severity, Status, Subject, params
from hulifa.positions import Document
from hulifa.yamlsafe import as_text

_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def parse_commitments(doc: Document) -> tuple[Commitment, ...]:
    raw = doc.data.get("commitments")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise doc.error(
            ("commitments",),
            "input.commitment.list",
        )
    out: list[Commitment] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        where = doc.at(("commitments", i))
        if not isinstance(item, dict) or set(item) - {"id", "text"} or not as_text(item.get("text")):
            raise fail(
                doc.file,
                where.line,
                where.column,
                "input.commitment.shape",
            )
        given = item.get("id")
        if isinstance(given, float):  # YAML reads `id: 1.10` as 1.1: two ids would be one (the schema refuses it too)
            raise fail(doc.file, where.line, where.column, "input.commitment.decimal", cid=as_text(given) or "")
        cid = as_text(given) or ""  # an id `true` or a list is no id
        if not _ID.match(cid) or cid in seen:
            raise fail(
                doc.file,
                where.line,
                where.column,
                "input.commitment.id",
                cid=cid,
            )
        seen.add(cid)
        out.append(Commitment(cid, as_text(item["text"]) or "", where))
    return tuple(out)


def parse_progress(doc: Document) -> dict[str, tuple[str, Position]]:
    raw = doc.data.get("commitments_progress")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise doc.error(
            ("commitments_progress",),
            "input.commitment.progress_shape",
        )
    out: dict[str, tuple[str, Position]] = {}
    for key, value in raw.items():
        given = value.get("text") if isinstance(value, dict) else value
        text = as_text(given)
        if given is not None and text is None:
            raise doc.error(
                ("commitments_progress", key),
                "input.commitment.progress_text",
            )
        out[str(key)] = ((text or "").strip(), doc.at(("commitments_progress", key)))
    return out


def _finding(
    status: Status, severity: Severity, commitment: Commitment, where: Position, message: str, args: Params, stated: str
) -> Finding:
    rule = f"commitment.{commitment.id}"
    return Finding(
        rule=rule,
        subject=Subject(rule, f"上年承诺:{commitment.text}", f"Last year's commitment {commitment.id}"),
        status=status,
        severity=severity,
        position=where,
        message=message,
        params=args,
        stated=stated,
        evidence=commitment.text,
    )


def check(report: ReportData, previous: ReportData) -> list[Finding]:
    """One finding per commitment of `previous`: pass when `report` gives progress on it, else a warning."""
    out: list[Finding] = []
    # `commitments_progress` may be absent altogether (nothing reported on last year's promises): then
    # a missing progress points at the report's top line, since there is no section to point into
    fallback = report.progress_at or report.top_at
    for commitment in previous.commitments:
        where_then = f"{previous.file}:{commitment.position.line}"
        progress = report.progress.get(commitment.id)
        if progress and progress[0]:
            out.append(
                _finding(
                    Status.PASS,
                    Severity.NONE,
                    commitment,
                    progress[1],
                    "commitment.progress",
                    (),
                    progress[0],
                )
            )
            continue
        out.append(
            _finding(
                Status.MISSING,
                Severity.WARNING,
                commitment,
                progress[1] if progress else fallback,
                "commitment.missing",
                params(then=where_then, commitment=commitment.text, key=commitment.id),
                "",
            )
        )
    return out
