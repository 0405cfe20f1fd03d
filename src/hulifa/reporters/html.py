"""`--format html`: the page. One self-contained page for people, with charts, that prints well on A4.

This module owns the page and its order: the head, each report's section (statutory parts, findings
with their basis), the batch overview (regions x indicators matrix) and the footer. The charts are
html_charts.py, the words, symbols and escaping html_text.py, the style sheet html_assets.py.

The page loads nothing: no scripts, no fonts, no images; charts are inline SVG, styles inline CSS,
and a Content-Security-Policy forbids anything else. Every piece of data is escaped (text and
attributes) and links are kept only for http/https URLs. The output is deterministic: the same
CheckResult gives the same bytes (no timestamps, no random ids).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from hulifa import messages
from hulifa.batch import DETAIL_LIMIT
from hulifa.messages import LIMITS
from hulifa.model import Basis, CheckResult, Finding, Kind, ReportResult, Rule, RulePack, Severity, Status
from hulifa.reporters import labels
from hulifa.reporters._common import (
    QUIET,
    Memo,
    but_place,
    clean,
    display_name,
    is_issue,
    line_ref,
    qualifier_text,
    shorten_middle,
)
from hulifa.reporters.html_assets import CSP, CSS, SVG_DEFS, card_labels
from hulifa.reporters.html_charts import Tally, charts_html, ranking_html, status_bars_html
from hulifa.reporters.html_text import HEADERS, esc, esc_t, safe_url, severity_label, status_label, sym, t
from hulifa.reporters.table import _order, summary_line

# The five statutory parts, in the order the regulation lists them.
PART_ORDER = ("part_measures", "part_shortcomings_causes", "part_first_responsible", "part_next_year", "part_other")


# ------------------------------------------------------------------------------ statutory parts


def _part_rules(pack: RulePack | None) -> list[str]:
    if pack:
        ids = [r.id for r in pack.rules if r.requirement.kind is Kind.SECTION]
        return sorted(ids, key=lambda i: (PART_ORDER.index(i) if i in PART_ORDER else len(PART_ORDER), ids.index(i)))
    return list(PART_ORDER)


def parts_html(report: ReportResult, order: list[str], lang: str, item: Callable[[Finding], str] | None = None) -> str:
    """The statutory parts a report has, in `order` (_part_rules) and then as found; `item`: a part's
    line (_part_item), remembered by the writer across reports, where the same part recurs."""
    by_rule = {f.rule: f for f in report.findings if messages.unit(f) == "section" or f.rule in PART_ORDER}
    ids = [i for i in order if i in by_rule]
    ids += [i for i in by_rule if i not in ids]
    out = [f"<h3>{esc_t('parts', lang)}</h3>"]
    if not ids:
        out.append(f'<p class="muted">{esc_t("no_parts", lang)}</p>')
        return "\n".join(out)
    out.append('<ul class="parts">')
    line = item or (lambda f: _part_item(f, lang))
    out += [line(by_rule[rule_id]) for rule_id in ids]
    out.append("</ul>")
    return "\n".join(out)


def _part_item(f: Finding, lang: str) -> str:
    """One statutory part's line: nothing in it reads the finding's place."""
    if f.status is Status.PASS:
        state, tick, cls = t("present", lang), "✓", "present"
    elif f.status is Status.SHORTFALL:
        state, tick, cls = t("partial", lang), "◐", "partial"
    elif f.status is Status.MISSING:
        state, tick, cls = t("absent", lang), "✗", "missing"
    else:
        state, tick, cls = status_label(f.status, lang), sym(f.status), f.status.value
    detail = messages.gap(f, lang) or (messages.actual(f, lang) if f.status is not Status.PASS else "")
    why = f'<span class="why muted small">{esc(detail)}</span>' if detail else ""
    return (
        f'<li class="part part-{cls} st-{f.status.value}" data-rule="{esc(f.rule)}" data-state="{cls}">'
        f'<span class="tick" aria-hidden="true">{tick}</span>'
        f'<span class="name">{esc(display_name(f, lang))}</span>'
        f'<span class="state">{esc(state)}</span>{why}</li>'
    )


# ------------------------------------------------------------------------------------- findings


def basis_html(basis: Basis | None, lang: str, brief: bool = False) -> str:
    """The legal basis: document, article, strength, link and note; `brief` (a large batch, where the
    same basis repeats in every report): document, article and strength only."""
    if basis is None:
        return ""
    strength = basis.strength.value
    document, article = messages.document(basis.document, lang), messages.article(basis.article, lang)
    out = [f'<span class="doc">{esc(document)}</span>'] if document else []
    line = []
    if article:
        line.append(f'<span class="art">{esc(article)}</span>')
    qualifier = qualifier_text(basis, lang).strip()  # how sure the source is: kept in a brief basis too
    if qualifier:
        line.append(f'<span class="qual">{esc(qualifier)}</span>')
    # the strength in words, its code (HARD-POLICY) in the class and on hover: for machines and styles
    word = labels.strength(strength, lang)
    line.append(f'<span class="strength strength-{esc(strength.lower())}" title="{esc(strength)}">{esc(word)}</span>')
    url = "" if brief else safe_url(basis.url)
    if url:
        host = urlsplit(url).hostname or url
        line.append(
            f'<a href="{esc(url)}" rel="noreferrer noopener" title="{esc(url)}">{esc_t("link", lang)}: {esc(host)}</a>'
        )
    out.append(" ".join(line))
    if basis.note and not brief:
        out.append(f'<span class="note">{esc(messages.quote(basis.note, lang) if lang == "en" else basis.note)}</span>')
    return "".join(out)


_COLGROUP = "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in (19, 11, 11, 9, 9, 5, 25, 11)) + "</colgroup>"

# File names in the batch labels and the location column: longer ones are cut in the middle, so the
# end (`2024.yaml`) always shows; the whole path is in the title.
FILE_WIDTH = 40
LOC_WIDTH = 24


def findings_html(
    report: ReportResult,
    lang: str,
    issues_only: bool = False,
    rows: Callable[[Finding], str] | None = None,
    index: int = 0,
) -> str:
    """Every finding with its basis; `issues_only` (a folded report of a large batch): the issues, each
    with a brief basis and no evidence tooltip. `rows`: a finding's row but its location cell (_row),
    remembered by the writer across reports. `index`: the report's number, for the heading's anchor
    (#findings-1, which the page's verdict links to)."""
    row = rows or (lambda f: _row(f, lang, issues_only))
    places: dict[str, str] = {}  # a report's findings are mostly in its own file
    out = []
    shown = [f for f in report.findings if f.status not in QUIET] if issues_only else report.findings
    for f in sorted(shown, key=_order):
        place = f"{f.file}:{line_ref(f)}"
        if f.file not in places:
            places[f.file] = esc(shorten_middle(Path(f.file).name, LOC_WIDTH))
        # `2024.yaml:25` as one unbreakable piece (a long name cut in the middle), the full path on hover
        out.append(f'{row(f)}<td class="loc" title="{esc(place)}">{places[f.file]}:{line_ref(f)}</td></tr>')
    anchor = f' id="findings-{index}"' if index else ""
    return f"<h3{anchor}>{esc_t('findings', lang)}</h3>" + _findings_head(lang) + "\n".join(out) + "\n</tbody></table>"


@cache
def _findings_head(lang: str) -> str:
    """The findings table up to its first row: the same in every report."""
    head = "".join(f"<th>{esc(h)}</th>" for h in HEADERS[lang])
    return f'<table class="findings">{_COLGROUP}<thead><tr>{head}</tr></thead><tbody>\n'


# ------------------------------------------------------------------------------------------ verdict


def _issue_counts(report: ReportResult, lang: str) -> str:
    """A report's issues by severity, in words ("错误 1 · 警告 7"), or that it could not be checked:
    what a batch's list of reports says beside each name, so colour is never the only sign."""
    if not report.checked:
        return esc_t("not_checked", lang)
    counts = {s: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for f in report.findings:
        if f.severity in counts and is_issue(f) and f.status is not Status.ACCEPTED:
            counts[f.severity] += 1
    words = [f"{esc(severity_label(s, lang))} {n:,}" for s, n in counts.items() if n]
    return " · ".join(words) or esc(t("clean", lang))


def _worst_class(report: ReportResult) -> str:
    """The colour class of a report's verdict: its worst severity, or an error when it was not checked."""
    return "error" if not report.checked else report.worst().value


def verdict_html(tally: labels.Tally, lang: str, findings: str = "") -> str:
    """The run's verdict, the same words as the table's last line and the Markdown's first: under the
    title, so a reader finds it on the first screen of a phone. `findings`: a link to the findings of a
    single report (past its charts)."""
    worst = "error" if tally.errors or tally.unchecked else "warning" if tally.warnings else "clean"
    link = f' <a class="jump" href="{findings}">{esc_t("findings", lang)} ↓</a>' if findings else ""
    return f'<p class="verdict verdict-{worst}" role="status"><b>{esc(tally.verdict(lang))}</b>{link}</p>'


def _row(f: Finding, lang: str, issues_only: bool) -> str:
    """A finding's row up to its location cell: nothing in it reads the finding's place."""
    quiet = f.status in QUIET
    message = "" if quiet else f'<span class="msg">{esc(messages.message(f, lang))}</span>'
    deviation = getattr(f, "accepted", None)
    if deviation is not None:
        label = "Accepted deviation" if lang == "en" else "已批准的偏离"
        until = "until" if lang == "en" else "有效期至"
        text = f"{label}: {deviation.reason} ({deviation.approved_by}, {until} {deviation.expires})"
        message += f'<span class="msg">{esc(text)}</span>'
    previous = getattr(f, "previous", "")
    actual = esc(messages.actual(f, lang))
    if previous:
        actual += f'<span class="msg">{esc("last year" if lang == "en" else "上年")} {esc(previous)}</span>'
    evidence = f' title="{esc(messages.quote(f.evidence, lang))}"' if f.evidence and not issues_only else ""
    return (
        f'<tr class="st-{f.status.value}{" quiet" if quiet else ""}" data-rule="{esc(f.rule)}">'
        f"<td>{esc(display_name(f, lang))}{message}</td>"
        f'<td class="num">{esc(messages.expected(f, lang))}</td>'
        f'<td class="num"{evidence}>{actual}</td>'
        f'<td class="num">{esc(messages.gap(f, lang))}</td>'
        f'<td><span class="status" data-sym="{sym(f.status)}">'
        f"{esc(status_label(f.status, lang))}</span></td>"
        f"<td>{esc(severity_label(f.severity, lang))}</td>"
        f'<td class="basis">{basis_html(messages.basis(f), lang, brief=issues_only)}</td>'
    )


# ---------------------------------------------------------------------------------------- report


def _report_name(report: ReportResult) -> str:
    return " ".join(p for p in (report.region, str(report.year or "")) if p) or report.file


def _named_by_file(report: ReportResult) -> bool:
    """Whether the report's name is its file (it could not be read, or gives no region or year)."""
    return _report_name(report) == report.file


def _file_label(report: ReportResult) -> str:
    """The report's file under its name, so two reports of one region and year can be told apart; none
    where the name is the file already (it had been said twice)."""
    if _named_by_file(report):
        return ""
    return f'<span class="file" title="{esc(report.file)}">{_path(report.file)}</span>'


def _path(file: str) -> str:
    """A file's path cut in the middle to FILE_WIDTH, escaped, a line break allowed after each / (a
    phone's narrow column broke "2024.yam / l" once the path was 12 px)."""
    return esc(shorten_middle(clean(file), FILE_WIDTH)).replace("/", "/<wbr>")


def _link(index: int, report: ReportResult) -> str:
    """The link to a report in a list or a row: its name, or its file cut in the middle to FILE_WIDTH
    (the whole path in the title), so a long path does not stand a phone's narrow column on end."""
    if not _named_by_file(report):
        return f'<a href="#report-{index}">{esc(_report_name(report))}</a>'
    return f'<a href="#report-{index}" title="{esc(report.file)}">{_path(report.file)}</a>'


def _chips(report: ReportResult, lang: str, inline: bool = False) -> str:
    """The count of each status; `inline` for a folded report's summary line (phrasing content only)."""
    outer, inner = ("span", "span") if inline else ("ul", "li")
    counts = report.counts()
    chips = "".join(f"{head}<b>{n}</b></{inner}>" for key, head in _chip_heads(lang, inner) if (n := counts[key]))
    return f'<{outer} class="chips">{chips}</{outer}>'


@cache
def _chip_heads(lang: str, inner: str) -> tuple[tuple[str, str], ...]:
    """Each status's chip up to its count: the same words in every report of a batch, made once."""
    return tuple(
        (status.value, f'<{inner} class="chip st-{status.value}">{sym(status)} {esc(status_label(status, lang))} ')
        for status in Status
    )


def _unchecked_html(report: ReportResult, lang: str) -> str:
    """Why a file could not be checked: each error with its file:line:column."""
    lines = [f'<div class="unchecked st-error"><b>{esc_t("not_checked", lang)}</b>']
    for f in report.findings:
        where = esc(f"{f.file}:{line_ref(f)}:{f.column}")
        lines.append(f"<p><code>{where}</code> {esc(messages.message(f, lang))}</p>")
    return "\n".join(lines) + "</div>"


def report_html(
    index: int,
    report: ReportResult,
    parts: Callable[[ReportResult], str],
    rules: dict[str, Rule],
    lang: str,
    rows: Callable[[Finding], str] | None = None,
) -> str:
    """One report in full: `parts` its statutory parts (Writer.parts), `rows` a finding's row (_row)."""
    out = [f'<section class="report" id="report-{index}" data-checked="{str(report.checked).lower()}">']
    out.append(f'<h2 class="report-title">{esc(_report_name(report))}</h2>')
    meta = [] if _named_by_file(report) else [f"{t('file', lang)}: {report.file}"]
    if report.level:
        meta.append(f"{t('level', lang)}: {labels.level(report.level, lang)}")
    if meta:
        out.append(f'<p class="meta">{esc(" · ".join(meta))}</p>')
    if not report.checked:
        out.append(_unchecked_html(report, lang) + "</section>")
        return "\n".join(out)
    out.append(_chips(report, lang))
    out.append(f'<p class="summary">{esc(summary_line(report, lang))}</p>')
    out.append(parts(report))
    out.append(charts_html(report, rules, lang))
    out.append(findings_html(report, lang, rows=rows, index=index))
    out.append("</section>")
    return "\n".join(out)


def folded_report_html(
    index: int,
    report: ReportResult,
    parts: Callable[[ReportResult], str],
    lang: str,
    rows: Callable[[Finding], str] | None = None,
) -> str:
    """One report of a large batch: a line with its name, file and counts that opens to its statutory
    parts and its issues (no charts, no met or stated rows), so a page of thousands opens quickly."""
    counts = "" if not report.checked else _chips(report, lang, inline=True)
    out = [
        f'<details class="report folded" id="report-{index}" data-checked="{str(report.checked).lower()}">'
        f'<summary><b class="report-title">{esc(_report_name(report))}</b>{_file_label(report)}{counts}</summary>'
    ]
    if report.level:
        out.append(f'<p class="meta">{esc_t("level", lang)}: {esc(labels.level(report.level, lang))}</p>')
    if not report.checked:
        out.append(_unchecked_html(report, lang) + "</details>")
        return "\n".join(out)
    out.append(f'<p class="summary">{esc(summary_line(report, lang))}</p>')
    out.append(parts(report))
    if any(f.status not in QUIET for f in report.findings):
        out.append(findings_html(report, lang, issues_only=True, rows=rows))
    out.append("</details>")
    return "\n".join(out)


# ----------------------------------------------------------------------------------------- batch


def _matrix_columns(reports: list[ReportResult], rules: dict[str, Rule]) -> list[tuple[str, Finding]]:
    """(rule id, a finding for its name) for each indicator that is in any report and applies somewhere."""
    seen: dict[str, Finding] = {}
    applies: set[str] = set()
    for report in reports:
        if not report.checked:
            continue
        for f in report.findings:
            if f.status is Status.ERROR:
                continue
            seen.setdefault(f.rule, f)
            if f.status is not Status.NOT_APPLICABLE:
                applies.add(f.rule)
    order = {rule_id: i for i, rule_id in enumerate(rules)}
    ids = sorted((r for r in seen if r in applies), key=lambda r: (order.get(r, len(order)), r))
    return [(r, seen[r]) for r in ids]


def matrix_html(reports: list[ReportResult], rules: dict[str, Rule], lang: str) -> str:
    columns = _matrix_columns(reports, rules)
    head = [f'<th class="region">{esc_t("region", lang)}</th>']
    head += [
        f'<th class="ind" title="{esc(display_name(f, lang))}">{esc(display_name(f, lang))}</th>' for _, f in columns
    ]
    rows = []
    for index, report in enumerate(reports, 1):
        cells = [f'<th class="region" scope="row">{_link(index, report)}{_file_label(report)}</th>']
        statuses: dict[str, Finding] = {}
        for f in report.findings:
            # several findings may share a rule id (e.g. unknown keys): keep the worst
            prev = statuses.get(f.rule)
            if prev is None or f.severity.rank > prev.severity.rank:
                statuses[f.rule] = f
        for rule_id, named in columns:
            worst = statuses.get(rule_id) if report.checked else None
            if worst is None:
                label = t("not_checked", lang) if not report.checked else ""
                cells.append(f'<td class="cell st-none" title="{esc(label)}">{"—" if not report.checked else ""}</td>')
                continue
            tip = f"{_report_name(report)} · {display_name(named, lang)}: {status_label(worst.status, lang)}"
            cells.append(
                f'<td class="cell st-{worst.status.value}" data-rule="{esc(rule_id)}" '
                f'data-status="{worst.status.value}" title="{esc(tip)}">'
                f"{sym(worst.status)}</td>"
            )
        rows.append(f'<tr data-report="{index}">' + "".join(cells) + "</tr>")
    legend = "".join(
        f'<span><i class="swatch st-{s.value}"></i>{sym(s)} {esc(status_label(s, lang))}</span>'
        for s in Status
        if s is not Status.ERROR
    )
    return (
        f"<h3>{esc_t('matrix', lang)}</h3>"
        f'<p class="muted small">{esc_t("matrix_note", lang)}</p>'
        f'<div class="legend">{legend}</div>'
        f'<div class="matrix-wrap"><table class="matrix"><thead><tr>{"".join(head)}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></div>"
    )


# ------------------------------------------------------------------------------------------ page


def _card_labels(lang: str) -> str:
    return card_labels(*(labels.field(k, lang) for k in ("expected", "actual", "gap")))


def _title(count: int, first: ReportResult | None, lang: str) -> str:
    if count == 1 and first is not None:
        return f"{t('title', lang)} — {_report_name(first)}"
    sep = " " if lang == "en" else ""
    return f"{t('title', lang)} — {count:,}{sep}{t('reports', lang)}"


def page_title(result: CheckResult, lang: str) -> str:
    return _title(len(result.reports), result.reports[0] if result.reports else None, lang)


class Writer:
    """The page written one report at a time (the writer protocol of hulifa.reporters.streaming): head()
    and tail() are made after the last item, as the title, the overview and the layout depend on the
    whole batch. Up to DETAIL_LIMIT reports are held and written in full at the end; past that, every
    report is written folded as it comes. What is kept past that point is the Tally (counts per
    indicator), not the reports."""

    SEP = "\n"

    def __init__(self, pack: RulePack | None, lang: str = "zh", fail_on: Severity | None = None) -> None:
        self.pack, self.lang = pack, ("en" if lang == "en" else "zh")
        self.rules = {rule.id: rule for rule in pack.rules} if pack else {}
        self.held: list[ReportResult] = []
        self.first: ReportResult | None = None
        self.count = 0
        self.folded = False
        self.tally = Tally(self.lang)
        self.verdict = labels.Tally()
        # a finding's row recurs in report after report (a missing indicator): made once but its place
        self.rows = Memo(lambda finding: _row(finding, self.lang, False), but_place)
        self.brief_rows = Memo(lambda finding: _row(finding, self.lang, True), but_place)
        self.part_order = _part_rules(pack)
        self.part_items = Memo(lambda finding: _part_item(finding, self.lang), but_place)

    def item(self, report: ReportResult) -> str:
        self.count += 1
        self.first = self.first or report
        self.tally.add(report)
        self.verdict.add(report.checked, report.worst())
        if self.folded:
            return folded_report_html(self.count, report, self.parts, self.lang, self.brief_rows)
        self.held.append(report)
        if len(self.held) <= DETAIL_LIMIT:
            return ""
        self.folded = True
        held, self.held = self.held, []
        return self.SEP.join(
            folded_report_html(i, r, self.parts, self.lang, self.brief_rows) for i, r in enumerate(held, 1)
        )

    def parts(self, report: ReportResult) -> str:
        return parts_html(report, self.part_order, self.lang, self.part_items)

    def head(self) -> str:
        lang = self.lang
        title = _title(self.count, self.first, lang)
        body: list[str] = [SVG_DEFS, f'<header><h1 class="page-title">{esc(title)}</h1>']
        if self.pack:
            pack = self.pack
            body.append(
                f'<p class="meta">{esc_t("pack", lang)}: {esc(labels.pack_title(pack.title, lang))} '
                f"({esc(pack.id)} {esc(pack.version)})</p>"
            )
        if self.count:
            # one report in full: a link past its charts to its findings (a folded one has none)
            single = self.count == 1 and not self.folded and bool(self.first and self.first.checked)
            body.append(verdict_html(self.verdict, lang, "#findings-1" if single else ""))
        body.append("</header>")
        if self.count > 1 and not self.folded:
            toc = "".join(
                f"<li>{_link(i, r)}"
                f'<span class="counts sev-{_worst_class(r)}">{_issue_counts(r, lang)}</span>{_file_label(r)}</li>'
                for i, r in enumerate(self.held, 1)
            )
            body.append(f'<nav><ol class="toc">{toc}</ol></nav>')
            body.append(
                f'<section class="overview"><h2>{esc_t("overview", lang)}</h2>'
                f"{matrix_html(self.held, self.rules, lang)}\n{ranking_html(self.tally, lang)}</section>"
            )
        elif self.folded:
            body.append(
                f'<section class="overview"><h2>{esc_t("overview", lang)}</h2>'
                f'<p class="muted small">{esc_t("batch_note", lang)}</p>'
                f"{status_bars_html(self.tally, list(self.rules), lang)}\n{ranking_html(self.tally, lang)}</section>"
            )
        html_lang = "en" if lang == "en" else "zh-CN"
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="hulifa">\n'
            f"<title>{esc(title)}</title>\n<style>{CSS}{_card_labels(lang)}</style>\n</head>\n<body>\n"
            + "\n".join(body)
            + "\n"
        )

    def tail(self) -> str:
        lang = self.lang
        body = [report_html(i, r, self.parts, self.rules, lang, self.rows) for i, r in enumerate(self.held, 1)]
        body.append(f"<footer>{esc(LIMITS.get(lang))} {esc_t('footer', lang)}</footer>")
        return ("\n" if self.folded else "") + "\n".join(body) + "\n</body>\n</html>\n"


def writer(pack: RulePack | None, lang: str = "zh", fail_on: Severity | None = None) -> Writer:
    return Writer(pack, lang, fail_on)


def render(result: CheckResult, lang: str = "zh") -> str:
    """The whole page as one string: the streamed pieces joined (self-contained, deterministic, every
    datum escaped)."""
    page = writer(result.pack, lang)
    body = page.SEP.join(text for text in (page.item(r) for r in result.reports) if text)
    return page.head() + body + page.tail()
