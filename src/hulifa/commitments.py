"""Next-year commitments: a report lists them (`commitments:`), the following year's report answers
each one (`commitments_progress:`). Pure: the sections are read by followups.py."""

from __future__ import annotations

from hulifa.model import Commitment, Finding, Position, ReportData, Severity, Status, Text


def _finding(
    status: Status, severity: Severity, commitment: Commitment, where: Position, message: Text, actual: str
) -> Finding:
    return Finding.at(
        where,
        rule=f"commitment.{commitment.id}",
        name=f"上年承诺:{commitment.text}",
        name_en=f"Last year's commitment {commitment.id}",
        status=status,
        severity=severity,
        message=message,
        expected="须报告进展",
        expected_en="progress must be reported",
        actual=actual,
        gap="未报告进展" if status is Status.MISSING else "",
        gap_en="no progress reported" if status is Status.MISSING else "",
        evidence=commitment.text,
    )


def check(report: ReportData, previous: ReportData) -> list[Finding]:
    """One finding per commitment of `previous`: pass when `report` gives progress on it, else a warning."""
    out: list[Finding] = []
    fallback = report.progress_at or report.top_at or Position(report.file, 1, 1)
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
                    Text("已报告进展", "progress reported"),
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
                Text(
                    f"上年报告({where_then})承诺「{commitment.text}」,本年报告未在 commitments_progress 中说明进展"
                    f"(键 {commitment.id})",
                    f"last year's report ({where_then}) committed to '{commitment.text}'; this report gives no "
                    f"progress on it under commitments_progress (key {commitment.id})",
                ),
                "",
            )
        )
    return out
