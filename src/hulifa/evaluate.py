"""Pure evaluation: (RulePack, ReportData[, last year]) -> ReportResult. The orchestration: which rule
applies, which values belong to it, and what else the report must answer for."""

from __future__ import annotations

import datetime as dt
import difflib

from hulifa.commitments import check as check_commitments
from hulifa.crosscheck import (
    derived_check,
    derived_rule,
    is_zero,
    part_of,
    trend_finding,
    with_previous,
    zero_not_applicable,
)
from hulifa.deviations import apply as apply_deviations
from hulifa.indicator_intervals import all_figures, best, values_by_rule
from hulifa.kinds import BY_KIND, MISSING, RuleContext, missing, not_applicable, value_rule, whole_report
from hulifa.model import (
    Deviation,
    Finding,
    ReportData,
    ReportResult,
    RulePack,
    Severity,
    Status,
    Subject,
    Value,
    char_pairs,
    params,
)

# Re-exported for templates, which sit above evaluate: which rules the report as a whole settles.
__all__ = ["evaluate", "whole_report"]


# Did-you-mean compares a key with at most this many of the pack's names: those sharing the most
# character pairs with it (an index built once per pack), so each key costs the same however large
# the pack, and 20,000 unknown keys no longer take 26 s.
_SHORTLIST = 12


def _close_match(pack: RulePack, key: str) -> str:
    """The pack's nearest id, name or alias to an unknown key, or ""."""
    shared: dict[str, int] = {}
    for pair in char_pairs(key[:200]):  # a 5,000-character key is not a misspelling
        for name in pack.index.pairs.get(pair, ()):
            shared[name] = shared.get(name, 0) + 1
    shortlist = sorted(shared, key=lambda name: (-shared[name], name))[:_SHORTLIST]
    close = difflib.get_close_matches(key[:200], shortlist, n=1, cutoff=0.5)
    return close[0] if close else ""


UNKNOWN = "hulifa.unknown_indicator"


def _unknown(report: ReportData, value: Value, pack: RulePack) -> Finding:
    close = _close_match(pack, value.key)
    return Finding(
        rule=UNKNOWN,
        subject=Subject(UNKNOWN, value.key),
        status=Status.UNKNOWN,
        severity=Severity.WARNING,
        position=value.position,
        message="unknown.close" if close else "unknown",
        params=params(key=value.key, close=close) if close else params(key=value.key),
        quantity=value.quantity,
        flag=value.flag,
        date=value.date,
        stated="" if value.quantity or value.flag is not None or value.date else str(value.raw),
        evidence=value.evidence,
    )


def evaluate(
    pack: RulePack,
    report: ReportData,
    previous: ReportData | None = None,
    *,
    accepted: tuple[Deviation, ...] = (),
    today: dt.date | None = None,
) -> ReportResult:
    """Every rule of the pack against one report's data; every key of the data accounted for.

    With `previous` (last year's report): last year's value and the change on every indicator both
    carry, trend findings, and progress on last year's commitments. Deviations (the report's own and
    `accepted`) mark what they cover as accepted, as of `today` (default: the real date).
    """
    by_rule, unknown = values_by_rule(pack, report.values)
    findings = [_unknown(report, value, pack) for value in unknown]
    # Without a previous year, only the figures that cross-checks read are needed as intervals.
    stated, derived = all_figures(pack, report, None if previous is not None else pack.index.cross_ids, by_rule)
    before_stated, before_derived = all_figures(pack, previous) if previous is not None else ({}, {})
    required = given = 0
    body = report.body
    for rule, applies in zip(pack.rules, pack.index.applies(body, report.year), strict=True):
        ctx = RuleContext(rule, report)
        if not applies:
            findings.append(not_applicable(ctx, body))
            continue
        if rule.applies_if_nonzero and is_zero(rule.applies_if_nonzero, stated, derived):
            findings.append(zero_not_applicable(ctx, pack, rule.applies_if_nonzero, stated))
            continue
        required += 1
        if whole_report(rule):
            finding = BY_KIND[rule.requirement.kind](ctx)
            findings.append(finding)
            given += finding.status is not MISSING  # the member as a constant (see hulifa.kinds)
            continue
        values = by_rule.get(rule.id) or by_rule.get(rule.same_as, []) if rule.same_as else by_rule.get(rule.id, [])
        # last year's value and the trend need both years; without a previous report, skip the lookups
        now = best(rule.id, stated, derived) if previous is not None else None
        then = best(rule.id, before_stated, before_derived) if previous is not None else None
        where = values[0].position if values else report.indicators_at  # not stated: where it belongs
        if rule.trend is not None and now is not None and then is not None:
            findings.append(trend_finding(ctx, now, then, where))
        if rule.id in stated and rule.id in derived:
            check = derived_check(ctx, stated[rule.id], derived[rule.id])
            if check is not None:
                findings.append(check)
        if not values and rule.id in derived:
            given += 1
            finding = derived_rule(ctx, derived[rule.id], where)
            findings.append(with_previous(finding, rule, now, then) if then is not None else finding)
            continue
        if not values:
            findings.append(missing(ctx, where))
            continue
        given += 1
        finding = value_rule(ctx, values[0], pack.index.verdicts)
        findings.append(with_previous(finding, rule, now, then) if then is not None else finding)
        for extra in values[1:]:
            first = values[0]
            same = params(key=extra.key, first=first.key, line=first.position.line)
            findings.append(ctx.finding(Status.INVALID, Severity.ERROR, extra.position, "duplicate", same, value=extra))
    findings.extend(part_of(pack, report, stated, derived))
    if previous is not None:
        findings.extend(check_commitments(report, previous))
    # entries scoped to another region or year are not this report's business: no use, no warning
    entries = tuple(e for e in (*report.deviations, *accepted) if e.covers(report.region, report.year))
    if entries:
        findings = apply_deviations(findings, entries, today or dt.date.today(), pack)
    findings.sort(key=Finding.sort_key)
    return ReportResult(
        file=report.file,
        findings=tuple(findings),
        region=report.region,
        year=report.year,
        level=report.level,
        required=required,
        given=given,
        previous=previous.file if previous is not None else "",
    )
