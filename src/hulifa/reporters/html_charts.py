"""The charts of the `--format html` page, as inline SVG: each report's numeric indicators against
their targets (rates on a shared 0-100 scale, counts with a target each on their own scale, counts
without a target on a log scale), with bounds (余/以上, 不足/以下, 约) and gaps drawn as such; and the
batch ranking of the most-missed indicators. The page around them is html.py.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from hulifa import messages
from hulifa.model import CheckResult, Finding, Kind, ReportResult, Rule, Status
from hulifa.reporters import labels
from hulifa.reporters._common import MISSED, display_name, with_unit
from hulifa.reporters.html_text import esc, num, px, status_label, sym, t

NON_NUMERIC_UNITS = frozenset({"bool", "date", "section"})
RATE_UNITS = frozenset({"%", "‰"})

# Chart geometry (px): the bar area of every chart row.
BAR_W = 320
BAR_H = 22
BAR_Y = 5
BAR_TH = 12  # bar thickness


# ---------------------------------------------------------------------------------- chart model


@dataclass(frozen=True, slots=True)
class Point:
    """One charted indicator: what the bar shows."""

    finding: Finding
    rule: Rule | None
    value: float | None  # None: not stated (missing)
    bound: str  # "exact" | "lower" | "upper" | "approx" | ""
    target: float | None
    kind: Kind | None
    unit: str

    @property
    def group(self) -> str:
        if self.unit in RATE_UNITS:
            return "rates"
        return "targeted" if self.target is not None else "reported"


def rules_by_id(result: CheckResult) -> dict[str, Rule]:
    return {rule.id: rule for rule in result.pack.rules} if result.pack else {}


def _stated(finding: Finding, rule: Rule | None) -> tuple[float, str] | None:
    """The stated figure and its bound, if the finding carries one written figure of its own in the
    rule's unit. Not charted: "全覆盖" (full coverage read as 100%: no number was written), and a count
    shared with another body ("12次(与区委常委会共用)": not the government's own figure)."""
    quantity = finding.quantity
    if quantity is None or quantity.implicit or finding.message == "shared" or not math.isfinite(quantity.value):
        return None
    accepted = rule.accepted_units if rule else (messages.unit(finding),)
    if quantity.unit and quantity.unit not in accepted:
        return None
    return quantity.value, quantity.bound.value


def chart_points(report: ReportResult, rules: dict[str, Rule]) -> list[Point]:
    """Numeric indicators with a stated figure, or a target they were expected to meet: one point per
    indicator. With a rule pack, only its indicators are charted (not cross-checks or unknown keys);
    when an indicator has several findings (e.g. a year-over-year one), the plain one is charted."""
    points: list[Point] = []
    seen: set[str] = set()
    ordered = sorted(report.findings, key=lambda f: bool(getattr(f, "previous", "")))  # stable
    for finding in ordered:
        if finding.rule in seen or (rules and finding.rule not in rules):
            continue
        rule = rules.get(finding.rule)
        unit = rule.unit if rule else messages.unit(finding)
        if unit in NON_NUMERIC_UNITS or not unit:
            continue
        if finding.status in (Status.NOT_APPLICABLE, Status.ERROR, Status.UNKNOWN):
            continue
        kind = rule.requirement.kind if rule else None
        target = rule.requirement.target if rule and kind in (Kind.AT_LEAST, Kind.AT_MOST, Kind.EQUALS) else None
        if target is not None and not math.isfinite(target):
            target = None
        stated = _stated(finding, rule)
        if stated is None and not (finding.status is Status.MISSING and target is not None):
            continue
        value, bound = stated if stated else (None, "")
        points.append(Point(finding, rule, value, bound, target, kind, unit))
        seen.add(finding.rule)
    return sorted(
        points,
        key=lambda p: (
            p.finding.status in (Status.PASS, Status.STATED),
            -p.finding.severity.rank,
            p.finding.line,
            p.finding.rule,
        ),
    )


def _target_text(point: Point, lang: str) -> str:
    if point.target is None:
        return ""
    sign = {Kind.AT_LEAST: "≥", Kind.AT_MOST: "≤", Kind.EQUALS: "="}.get(point.kind, "")  # type: ignore[arg-type]
    return with_unit(f"{sign}{num(point.target)}", point.unit, lang)


def _value_text(point: Point, lang: str) -> str:
    if point.value is None:
        return ""
    sign = {"lower": "≥", "upper": "≤", "approx": "≈"}.get(point.bound, "")
    return with_unit(f"{sign}{num(point.value)}", point.unit, lang)


class Scale:
    """Value → x in [0, BAR_W]."""

    def __init__(self, top: float, log: bool = False) -> None:
        self.top = top if top > 0 else 1.0
        self.log = log

    def x(self, value: float) -> float:
        value = max(0.0, value)
        share = math.log10(value + 1) / math.log10(self.top + 1) if self.log else value / self.top
        return max(0.0, min(1.0, share)) * BAR_W

    def ticks(self) -> list[float]:
        if self.log:
            out, v = [], 1.0
            while v <= self.top * 1.0001:
                out.append(v)
                v *= 10
            return out
        step = _nice_step(self.top / 4)
        return [i * step for i in range(int(self.top / step + 1e-9) + 1)]


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    power: float = 10 ** math.floor(math.log10(raw))  # an int for raw >= 1, as before
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def _nice_top(value: float) -> float:
    """A round upper end for an axis, at least `value`."""
    if value <= 0:
        return 1.0
    power: float = 10 ** math.floor(math.log10(value))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= m * power + 1e-9:
            return m * power
    return 10 * power


def _row_scale(point: Point, group: str, shared: Scale | None) -> Scale:
    if shared is not None:
        return shared
    top = max(point.target or 0.0, point.value or 0.0)
    return Scale(_nice_top(top * 1.25 if top else 1.0))


def _bar_svg(point: Point, scale: Scale, lang: str) -> str:
    """The bar area of one row: track, passing range, target line, value bar, bounds and gap."""
    y, h = BAR_Y, BAR_TH
    parts = [f'<rect class="track" x="0" y="{y}" width="{BAR_W}" height="{h}"/>']
    tx = scale.x(point.target) if point.target is not None else None
    if tx is not None:
        if point.kind is Kind.AT_LEAST:
            parts.append(f'<rect class="goal" x="{px(tx)}" y="{y}" width="{px(BAR_W - tx)}" height="{h}"/>')
        elif point.kind is Kind.AT_MOST:
            parts.append(f'<rect class="goal" x="0" y="{y}" width="{px(tx)}" height="{h}"/>')
    title = esc(f"{display_name(point.finding, lang)}: {_value_text(point, lang) or t('not_stated', lang)}")
    if point.value is None:
        end = tx if tx else BAR_W
        parts.append(
            f'<rect class="bar bar-missing" x="0.75" y="{y + 0.75}" width="{px(max(end - 1.5, 4))}" '
            f'height="{h - 1.5}"><title>{title}</title></rect>'
        )
    else:
        vx = scale.x(point.value)
        bar_cls = "bar bar-upper" if point.bound == "upper" else "bar"
        parts.append(
            f'<rect class="{bar_cls}" x="0" y="{y}" width="{px(max(vx, 1.5))}" height="{h}">'
            f"<title>{title}</title></rect>"
        )
        if point.bound == "lower":
            # open-ended: the true value is at least this, maybe more
            start = min(vx, BAR_W - 8)
            parts.append(
                f'<rect class="ext-lower" x="{px(start)}" y="{y + 2}" width="{px(BAR_W - start)}" height="{h - 4}"/>'
            )
            parts.append(f'<path class="arrow" d="M{BAR_W} {y + h / 2} l-7 -5 v10 z"/>')
        elif point.bound == "approx":
            span = max(BAR_W * 0.03, 3)
            lo, hi = max(vx - span, 0), min(vx + span, BAR_W)
            mid = y + h / 2
            parts.append(
                f'<path class="whisker" d="M{px(lo)} {y} v{h} M{px(lo)} {px(mid)} H{px(hi)} M{px(hi)} {y} v{h}"/>'
            )
        if point.finding.status is Status.SHORTFALL and tx is not None and abs(tx - vx) > 0.5:
            lo, hi = sorted((vx, tx))
            parts.append(f'<rect class="gap" x="{px(lo)}" y="{y}" width="{px(hi - lo)}" height="{h}"/>')
    if tx is not None:
        parts.append(f'<line class="target" x1="{px(tx)}" y1="{y - 4}" x2="{px(tx)}" y2="{y + h + 4}"/>')
        parts.append(f'<path class="target-cap" d="M{px(tx - 4)} {y - 5} h8 l-4 5 z"/>')
    return (
        f'<svg width="{BAR_W}" height="{BAR_H}" viewBox="0 0 {BAR_W} {BAR_H}" role="img" '
        f'aria-label="{title}">' + "".join(parts) + "</svg>"
    )


def _axis(scale: Scale, lang: str) -> str:
    ticks = []
    for value in scale.ticks():
        x = scale.x(value)
        anchor = "start" if x < 1 else ("end" if x > BAR_W - 1 else "middle")
        ticks.append(
            f'<line class="tick-line" x1="{px(x)}" y1="10" x2="{px(x)}" y2="16"/>'
            f'<text class="tick-label" x="{px(x)}" y="9" text-anchor="{anchor}">{esc(num(value))}</text>'
        )
    svg = f'<svg width="{BAR_W}" height="16" viewBox="0 0 {BAR_W} 16" aria-hidden="true">{"".join(ticks)}</svg>'
    return f'<div class="chart-axis"><div></div>{svg}<div></div></div>'


def _chart_row(point: Point, scale: Scale, lang: str) -> str:
    f = point.finding
    status = f.status.value
    value = _value_text(point, lang)
    if value:
        shown = messages.actual(f, lang) or value
        plain = point.bound in ("", "exact") and num(point.value or 0.0) in shown
        normal = "" if plain or value == shown else value
        if point.bound in labels.BOUND:
            normal = f"{normal}, {labels.bound(point.bound, lang)}".lstrip(", ").strip()
        note = f' <span class="t">({esc(normal.strip())})</span>' if normal.strip() else ""
        stated = f'<span class="v">{esc(shown)}</span>{note}'
    else:
        stated = f'<span class="v">{esc(t("not_stated", lang))}</span>'
    target = _target_text(point, lang)
    lines = [stated]
    lines.append(
        f'<span class="t">{esc(t("target", lang))} {esc(target)}</span>'
        if target
        else f'<span class="t">{esc(t("no_target", lang))}</span>'
    )
    if f.status is Status.SHORTFALL and messages.gap(f, lang):
        lines.append(f'<span class="t">{esc(messages.gap(f, lang))}</span>')
    label = esc(display_name(f, lang))
    return (
        f'<div class="chart-row st-{status}" data-rule="{esc(f.rule)}" data-status="{status}" '
        f'data-bound="{esc(point.bound)}">'
        f'<div class="chart-label"><span class="status" data-sym="{sym(f.status)}"></span>{label}</div>'
        f"{_bar_svg(point, scale, lang)}"
        f'<div class="chart-value">{" · ".join(lines)}</div></div>'
    )


_LEGEND = (
    ('<rect width="26" height="12" fill="#2e7d32"/>', "legend_bar"),
    (
        '<rect width="26" height="12" fill="url(#hl-hatch-lower)"/><path d="M26 6 l-7 -5 v10 z" fill="#5f6368"/>',
        "legend_lower",
    ),
    (
        '<rect x="0.75" y="0.75" width="24.5" height="10.5" fill="url(#hl-hatch-upper)" stroke="#2e7d32"/>',
        "legend_upper",
    ),
    (
        '<rect width="14" height="12" fill="#2e7d32"/>'
        '<path d="M10 0 v12 M10 6 H18 M18 0 v12" stroke="#1d1d1f" fill="none"/>',
        "legend_approx",
    ),
    ('<rect width="26" height="12" fill="url(#hl-hatch-gap)" stroke="#c62828"/>', "legend_gap"),
    (
        '<rect x="0.75" y="0.75" width="24.5" height="10.5" fill="none" stroke="#b26a00" stroke-dasharray="4 3"/>',
        "legend_missing",
    ),
    ('<line x1="13" y1="0" x2="13" y2="12" stroke="#1d1d1f" stroke-width="2"/>', "legend_target"),
)


def _legend(lang: str) -> str:
    items = [
        f'<span><svg width="26" height="12" viewBox="0 0 26 12" aria-hidden="true">{shape}</svg>'
        f"{esc(t(key, lang))}</span>"
        for shape, key in _LEGEND
    ]
    return '<div class="legend">' + "".join(items) + "</div>"


def charts_html(report: ReportResult, rules: dict[str, Rule], lang: str) -> str:
    points = chart_points(report, rules)
    out = [f"<h3>{esc(t('charts', lang))}</h3>"]
    if not points:
        out.append(f'<p class="muted">{esc(t("no_charts", lang))}</p>')
        return "\n".join(out)
    out.append(_legend(lang))
    for group in ("rates", "targeted", "reported"):
        members = [p for p in points if p.group == group]
        if not members:
            continue
        shared: Scale | None = None
        note = ""
        if group == "rates":
            top = max([100.0] + [p.value or 0.0 for p in members] + [p.target or 0.0 for p in members])
            shared = Scale(_nice_top(top))
        elif group == "reported":
            # headroom above the largest figure, so an open-ended (余/以上) bar still shows its extension
            shared = Scale(max([10.0] + [(p.value or 0.0) * 1.3 for p in members]), log=True)
            note = t("reported_note", lang)
        else:
            note = t("targeted_note", lang)
        out.append(f'<figure class="chart" data-group="{group}">')
        out.append(f'<figcaption class="chart-title">{esc(t(group, lang))}</figcaption>')
        if note:
            out.append(f'<p class="chart-note muted small">{esc(note)}</p>')
        if shared is not None:
            out.append(_axis(shared, lang))
        for point in members:
            out.append(_chart_row(point, _row_scale(point, group, shared), lang))
        out.append("</figure>")
    return "\n".join(out)


# Enum members read once: `Status.X` is a slow attribute on Python 3.11, and Tally.add reads them per finding.
_ERROR, _SHORTFALL = Status.ERROR, Status.SHORTFALL


class Tally:
    """What the batch charts keep of each report, whatever the batch size: per indicator, how many
    reports missed it (未填报) or fell short (未达标), and how many had each status."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.checked = 0
        self.missing: Counter[str] = Counter()
        self.short: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.statuses: dict[str, Counter[str]] = {}

    def add(self, report: ReportResult) -> None:
        if not report.checked:
            return
        self.checked += 1
        missed: dict[str, Finding] = {}
        worst: dict[str, Finding] = {}
        for f in report.findings:
            status = f.status
            if status in MISSED:
                missed.setdefault(f.rule, f)
            if status is _ERROR:
                continue
            # several findings may share a rule id (e.g. unknown keys): the worst counts, as in the matrix
            prev = worst.get(f.rule)
            if prev is None or f.severity.rank > prev.severity.rank:
                worst[f.rule] = f
        names = self.names  # an indicator's name is worded once, when it is first seen
        for rule_id, f in missed.items():
            if rule_id not in names:
                names[rule_id] = display_name(f, self.lang)
            (self.short if f.status is _SHORTFALL else self.missing)[rule_id] += 1
        statuses = self.statuses
        for rule_id, f in worst.items():
            if rule_id not in names:
                names[rule_id] = display_name(f, self.lang)
            counts = statuses.get(rule_id)
            if counts is None:
                counts = statuses[rule_id] = Counter()
            # a Status is a StrEnum: it counts under its text ("pass") without reading .value, a
            # Python property; this loop runs for every indicator of every report of the batch
            counts[f.status] += 1


def ranking_html(tally: Tally, lang: str, limit: int = 15) -> str:
    missing, short, names, total = tally.missing, tally.short, tally.names, tally.checked
    out = [f"<h3>{esc(t('ranking', lang))}</h3>", f'<p class="muted small">{esc(t("ranking_note", lang))}</p>']
    ranked = sorted((r for r in names if missing[r] + short[r]), key=lambda r: (-(missing[r] + short[r]), -short[r], r))
    ranked = ranked[:limit]
    if not ranked:
        out.append(f'<p class="muted">{esc(t("none_missed", lang))}</p>')
        return "\n".join(out)
    out.append('<div class="ranking">')
    width = 260
    for place, rule_id in enumerate(ranked, 1):
        m, s = missing[rule_id], short[rule_id]
        ws = width * s / total if total else 0
        wm = width * m / total if total else 0
        svg = (
            f'<svg width="{width}" height="14" viewBox="0 0 {width} 14" role="img" aria-label="{m + s}/{total}">'
            f'<rect class="track" x="0" y="1" width="{width}" height="12"/>'
            f'<rect class="rank-shortfall" x="0" y="1" width="{px(ws)}" height="12"/>'
            f'<rect class="rank-missing" x="{px(ws)}" y="1" width="{px(wm)}" height="12"/></svg>'
        )
        detail = f"{m + s} / {total} {t('of_reports', lang)}"
        split = f"{t('shortfall_n', lang)} {s} · {t('missing_n', lang)} {m}"
        out.append(
            f'<div class="rank-row" data-rule="{esc(rule_id)}" data-count="{m + s}">'
            f'<span class="muted">{place}</span><span>{esc(names[rule_id])}</span>{svg}'
            f'<span class="small">{esc(detail)} <span class="muted">({esc(split)})</span></span></div>'
        )
    out.append("</div>")
    return "\n".join(out)


def status_bars_html(tally: Tally, order: list[str], lang: str) -> str:
    """A large batch's regions x indicators matrix, summarised: one bar per indicator, split by how many
    reports had each status (the matrix itself would be a cell per report and indicator)."""
    out = [f"<h3>{esc(t('status_bars', lang))}</h3>", f'<p class="muted small">{esc(t("status_bars_note", lang))}</p>']
    position = {rule_id: i for i, rule_id in enumerate(order)}
    ids = sorted(
        (r for r, c in tally.statuses.items() if sum(c.values()) > c["not_applicable"]),
        key=lambda r: (position.get(r, len(position)), r),
    )
    width, total = 260, tally.checked
    out.append('<div class="ranking status-bars">')
    for rule_id in ids:
        counts = tally.statuses[rule_id]
        x, rects, words = 0.0, [], []
        for status in Status:
            n = counts[status.value]
            if not n:
                continue
            w = width * n / total if total else 0
            rects.append(f'<rect class="st-{status.value}" x="{px(x)}" y="1" width="{px(w)}" height="12"/>')
            words.append(f"{sym(status)} {status_label(status, lang)} {n}")
            x += w
        svg = f'<svg width="{width}" height="14" viewBox="0 0 {width} 14" aria-hidden="true">{"".join(rects)}</svg>'
        out.append(
            f'<div class="rank-row" data-rule="{esc(rule_id)}"><span></span><span>{esc(tally.names[rule_id])}</span>'
            f'{svg}<span class="small">{esc(" ".join(words))}</span></div>'
        )
    out.append("</div>")
    return "\n".join(out)
