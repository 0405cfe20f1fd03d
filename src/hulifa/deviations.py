"""Accepted deviations: a documented, approved reason why a rule may be missed, until a date.

Entries come from a report's own `deviations:` section or a `--deviations FILE` (read by
followups.py). `apply` is pure:
given the findings of one report, the entries and today's date, it marks the findings an unexpired
entry covers as `accepted` (severity kept, exit code unaffected) and adds a warning for every entry
that is expired, names an unknown rule, or covers nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hulifa.model import Deviation, Finding, RulePack, Severity, Status, Text

# A finding that is already fine, or that means the file was not checked, is never "accepted".
NOT_ACCEPTABLE = frozenset({Status.PASS, Status.NOT_APPLICABLE, Status.ERROR, Status.ACCEPTED})


def _warning(entry: Deviation, status: Status, rule: str, message: Text) -> Finding:
    where = entry.position
    return Finding.at(
        where,
        rule=rule,
        name=entry.rule,
        name_en=entry.rule,
        status=status,
        severity=Severity.WARNING,
        message=message,
        actual=f"expires {entry.expires.isoformat()}",
        evidence=entry.reason,
    )


def apply(findings: list[Finding], entries: tuple[Deviation, ...], today: dt.date, pack: RulePack) -> list[Finding]:
    """Findings with accepted ones marked, plus a warning for each expired, unknown or unused entry."""
    if not entries:
        return findings
    keys = pack.by_key()
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
                    Text(
                        f"偏差条目指向不存在的规则「{entry.rule}」,未使用",
                        f"the deviation names rule '{entry.rule}', which does not exist; not used",
                    ),
                )
            )
            continue
        if entry.expires < today:
            extra.append(
                _warning(
                    entry,
                    Status.INVALID,
                    "hulifa.deviation.expired",
                    Text(
                        f"「{entry.rule}」的偏差已于 {entry.expires.isoformat()} 到期,不再接受;请续批或整改",
                        f"the deviation for '{entry.rule}' expired on {entry.expires.isoformat()} and no longer "
                        "accepts anything; renew it or fix the finding",
                    ),
                )
            )
            continue
        used = False
        for i, finding in enumerate(out):
            if finding.rule != rule_id or finding.status in NOT_ACCEPTABLE:
                continue
            used = True
            out[i] = replace(
                finding,
                status=Status.ACCEPTED,
                accepted=entry,
                accepted_status=finding.status.value,
                message=Text(
                    f"{finding.message.zh}(已接受偏差:{entry.reason};批准:{entry.approved_by};"
                    f"有效期至 {entry.expires.isoformat()})",
                    f"{finding.message.en} (accepted deviation: {entry.reason}; approved by {entry.approved_by}; "
                    f"until {entry.expires.isoformat()})",
                ),
            )
        if not used:
            extra.append(
                _warning(
                    entry,
                    Status.INVALID,
                    "hulifa.deviation.unused",
                    Text(
                        f"「{entry.rule}」没有需要接受的问题,此偏差条目未使用;请删除",
                        f"'{entry.rule}' has no finding to accept; the deviation is unused: remove it",
                    ),
                )
            )
    return out + extra
