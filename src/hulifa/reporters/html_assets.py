"""Static parts of the `--format html` page: the style sheet and the shared SVG patterns.

Everything here is inline in the page: no web fonts, no images, no scripts. Chinese text uses the
system's CJK fonts through the font stack below.
"""

from __future__ import annotations

# Content-Security-Policy for the page itself: nothing may load or run. Inline <style> and style=""
# are the only allowances. A second line of defence behind escaping every piece of data.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif'
)

# Status colours: each is paired with a symbol in the page, so colour is never the only signal.
STATUS_COLOURS = {
    "pass": "#2e7d32",
    "stated": "#00695c",
    "shortfall": "#c62828",
    "missing": "#b26a00",
    "unverifiable": "#6a1b9a",
    "not_applicable": "#9e9e9e",
    "invalid": "#ad1457",
    "unknown": "#607d8b",
    "error": "#7f0000",
    "accepted": "#00838f",
}

_STATUS_RULES = "\n".join(f".st-{name} {{ --st: {colour}; }}" for name, colour in sorted(STATUS_COLOURS.items()))

CSS = (
    """
:root {
  --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --soft: #f4f5f7; --accent: #1a4d8f;
  --track: #eceef1; --goal: #e3f1e4;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 1000px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font-family: """
    + FONT_STACK
    + """;
  font-size: 14px; line-height: 1.55;
  overflow-wrap: anywhere; /* a long unbroken name wraps rather than widening the page */
}
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 16px; margin: 20px 0 6px; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 4px 0; }
a { color: var(--accent); }
code, .loc { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", ui-monospace, monospace; font-size: 12px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.meta { color: var(--muted); margin: 0 0 12px; overflow-wrap: anywhere; }
.toc { margin: 8px 0 16px; padding-left: 20px; overflow-wrap: anywhere; }
/* the run's verdict under the title: its words carry the meaning, the colour only repeats it */
.verdict {
  margin: 8px 0 12px; padding: 6px 12px; border-left: 5px solid var(--v); background: var(--soft);
  overflow-wrap: anywhere;
}
.verdict .jump { white-space: nowrap; margin-left: 8px; font-size: 13px; }
.verdict-error, .sev-error { --v: """
    + STATUS_COLOURS["shortfall"]
    + """; }
.verdict-warning, .sev-warning { --v: """
    + STATUS_COLOURS["missing"]
    + """; }
.verdict-clean, .sev-info, .sev-none { --v: """
    + STATUS_COLOURS["pass"]
    + """; }
.toc .counts { margin-left: 8px; font-size: 12px; color: var(--v); font-weight: 600; white-space: nowrap; }
.report { margin-top: 8px; }
.report + .report { break-before: page; page-break-before: always; }
.report-head { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: baseline; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; padding: 0; list-style: none; }
.chip {
  display: inline-block; padding: 1px 9px; border-radius: 11px; font-size: 12px;
  border: 1px solid var(--st, var(--line)); color: var(--st, var(--ink)); background: #fff;
}
.chip b { font-weight: 700; }
.unchecked {
  border: 2px solid var(--st); border-radius: 6px; padding: 10px 14px; background: #fff5f5; overflow-wrap: anywhere;
}

/* a report of a large batch, folded to one line until opened */
details.report { border-bottom: 1px solid var(--line); }
details.report > summary { cursor: pointer; padding: 5px 0; }
details.report > summary .report-title { font-size: 15px; margin-right: 8px; }
details.report > summary .file { color: var(--muted); font-size: 12px; margin-right: 8px; }
details.report > summary .chips { display: inline-flex; margin: 2px 0; vertical-align: middle; }
details.report[open] { padding-bottom: 10px; }
.report + details.report { break-before: auto; page-break-before: auto; }

/* statutory parts */
.parts { list-style: none; padding: 0; margin: 6px 0 12px; display: grid; gap: 4px; }
.part {
  display: grid; grid-template-columns: 28px minmax(0, 1fr) auto; gap: 8px; align-items: baseline;
  padding: 5px 10px; border: 1px solid var(--line); border-left: 5px solid var(--st); border-radius: 4px;
  break-inside: avoid; page-break-inside: avoid;
}
.part .tick { font-weight: 700; color: var(--st); font-size: 16px; text-align: center; }
.part .state { color: var(--st); font-weight: 600; white-space: nowrap; }
.part .why { grid-column: 2 / 4; }

/* indicator charts */
.chart { margin: 6px 0 14px; break-inside: auto; }
.chart-title { font-weight: 600; margin: 12px 0 2px; }
.chart-note { margin: 0 0 4px; }
.chart-row, .chart-axis {
  display: grid; grid-template-columns: 210px 320px minmax(0, 1fr); gap: 10px; align-items: center;
  padding: 2px 0; border-bottom: 1px dotted var(--line);
  break-inside: avoid; page-break-inside: avoid;
}
.chart-axis { border-bottom: 1px solid var(--line); color: var(--muted); font-size: 11px; }
.chart-label { font-size: 13px; line-height: 1.3; }
.chart-value { font-size: 12px; line-height: 1.35; }
.chart-value .v { font-weight: 700; color: var(--st); }
.chart-value .t { color: var(--muted); }
.chart-row svg, .chart-axis svg { display: block; overflow: visible; }
.track { fill: var(--track); }
.goal { fill: var(--goal); }
.target { stroke: var(--ink); stroke-width: 2; }
.target-cap { fill: var(--ink); }
.bar { fill: var(--st); }
.bar-upper { fill: url(#hl-hatch-upper); stroke: var(--st); stroke-width: 1.5; }
.bar-missing { fill: none; stroke: var(--st); stroke-width: 1.5; stroke-dasharray: 4 3; }
.ext-lower { fill: url(#hl-hatch-lower); }
.arrow { fill: var(--muted); }
.gap { fill: url(#hl-hatch-gap); stroke: #c62828; stroke-width: 1; stroke-dasharray: 2 2; }
.whisker { stroke: var(--ink); stroke-width: 1.5; fill: none; }
.tick-line { stroke: #c7cbd1; stroke-width: 1; }
.tick-label { fill: var(--muted); font-size: 10px; font-family: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; color: var(--muted); margin: 4px 0 8px; }
.legend svg { vertical-align: middle; margin-right: 4px; }

/* findings */
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; font-size: 13px; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.findings td { font-size: 12.5px; }
.findings td.num { text-align: right; }
/* auto layout: the status and the location keep their whole width (nowrap below), the long columns wrap */
.findings td { overflow-wrap: anywhere; }
.findings td.loc { white-space: nowrap; overflow-wrap: normal; }
.findings tr.quiet td { color: var(--muted); }
.status { color: var(--st); font-weight: 600; white-space: nowrap; }
.status::before { content: attr(data-sym) " "; }
.msg { display: block; color: var(--muted); font-size: 11.5px; }
.basis .doc { display: block; }
.basis .art { color: var(--muted); }
.strength {
  display: inline-block; font-size: 10.5px; padding: 0 5px; border-radius: 3px; margin-right: 4px;
  border: 1px solid currentColor; white-space: nowrap; font-family: ui-monospace, monospace;
}
.strength-hard-law { color: #8b0000; }
.strength-hard-policy { color: #b34700; }
.strength-eval { color: #1a4d8f; }
.strength-practice { color: #2e6b30; }
.strength-unconfirmed { color: #6b6b6b; }
.basis a { word-break: break-all; font-size: 11.5px; }
.note { display: block; color: var(--muted); font-size: 11px; }

/* batch overview */
.matrix-wrap { overflow-x: auto; }
table.matrix { width: auto; font-size: 11px; }
.matrix th, .matrix td { border: 1px solid #fff; padding: 0; }
.matrix th.ind {
  writing-mode: vertical-rl; text-orientation: mixed; white-space: nowrap; vertical-align: bottom;
  padding: 4px 0; font-weight: 400; font-size: 10.5px; line-height: 14px;
}
/* the report column stays in view while the indicators scroll past it (a phone shows a few at a
   time); a name breaks between words or CJK characters, a word only when it cannot fit at all */
.matrix th.region {
  padding: 1px 6px; text-align: left; font-weight: 600; min-width: 90px; max-width: 170px;
  overflow-wrap: break-word; line-height: 1.3;
  position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--line);
}
.matrix th.region .file, .toc .file { display: block; font-weight: 400; font-size: 10px; color: var(--muted); }
.matrix td.cell {
  width: 15px; min-width: 15px; height: 18px; text-align: center; color: #fff; font-size: 10px;
  background: var(--st, #fff); line-height: 18px;
}
.matrix td.cell.st-none { background: #fff; color: #bbb; }
.matrix td.cell.st-not_applicable { background: #e0e0e0; color: #777; }
.ranking .rank-row {
  display: grid; grid-template-columns: 26px 260px 260px minmax(0, 1fr); gap: 8px; align-items: center;
  padding: 2px 0; border-bottom: 1px dotted var(--line); break-inside: avoid; page-break-inside: avoid;
}
.status-bars rect { fill: var(--st); }
.rank-missing { fill: """
    + STATUS_COLOURS["missing"]
    + """; }
.rank-shortfall { fill: """
    + STATUS_COLOURS["shortfall"]
    + """; }
.swatch {
  display: inline-block; width: 12px; height: 12px; vertical-align: -1px; background: var(--st); margin-right: 3px;
}

footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }

/* A phone (360-390 px) or a narrow window. Screen only: a printed A4 page is ~700 px wide and keeps
   the desktop layout. Chart rows stack (name, bar at the full width, values); findings become cards. */
@media screen and (max-width: 720px) {
  body { padding: 12px 12px 32px; }
  h1 { font-size: 20px; }
  .matrix th.region { min-width: 96px; max-width: 120px; font-size: 12px; }
  /* no text under 12 px at arm's length: the desktop's 10-11.5 px notes, links and badges grow */
  .msg, .note, .basis a, .strength, .matrix th.region .file, .toc .file { font-size: 12px; }
  .matrix th.ind { font-size: 12px; line-height: 16px; }
  .chart-row, .chart-axis { grid-template-columns: minmax(0, 1fr); gap: 2px; padding: 4px 0; }
  .chart-axis > div:empty { display: none; }
  .chart-row svg, .chart-axis svg { width: 100%; height: auto; }
  .ranking .rank-row { grid-template-columns: 22px minmax(0, 1fr); gap: 2px 8px; }
  .ranking .rank-row > svg, .ranking .rank-row > .small { grid-column: 2; }
  .ranking .rank-row > svg { width: 100%; height: auto; }
  table.findings, .findings tbody, .findings tr, .findings td { display: block; }
  .findings colgroup, .findings thead { display: none; }
  /* a card: the name; status, severity and location on one line (wrapping whole, never overprinting);
     then target, stated value, gap and basis, each on its own line */
  .findings tr {
    display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline;
    margin: 0 0 8px; padding: 6px 10px; border: 1px solid var(--line); border-left: 5px solid var(--st);
    border-radius: 4px;
  }
  .findings td { border: 0; padding: 0; flex: 0 0 100%; min-width: 0; }
  .findings td:empty { display: none; }
  .findings td.num { text-align: left; }
  .findings td:nth-child(1) { order: 0; font-weight: 600; font-size: 13.5px; }
  .findings td:nth-child(1) .msg { font-weight: 400; }
  .findings td:nth-child(5) { order: 1; flex: 0 0 auto; }
  .findings td:nth-child(6) { order: 2; flex: 0 0 auto; color: var(--muted); white-space: nowrap; }
  .findings td.loc { order: 3; flex: 0 0 auto; margin-left: auto; }
  .findings td:nth-child(2) { order: 4; }
  .findings td:nth-child(3) { order: 5; }
  .findings td:nth-child(4) { order: 6; }
  .findings td:nth-child(7) { order: 7; }
  .findings td.num::before { color: var(--muted); font-size: 11.5px; margin-right: 6px; }
  .findings tr.quiet td:nth-child(1) { font-weight: 400; }
}

@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .matrix-wrap { overflow: visible; }
  .matrix td.cell { width: 11px; min-width: 11px; height: 14px; line-height: 14px; font-size: 8px; }
  .matrix th.ind { font-size: 8.5px; line-height: 11px; padding: 2px 0; }
  .matrix th.region { font-size: 9px; max-width: 120px; min-width: 60px; }
  .overview + .report { break-before: page; page-break-before: always; }
  .ranking .rank-row { grid-template-columns: 22px 240px 260px 1fr; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
  .basis a::after { content: ""; }
  .chart-row, .part, tr, .rank-row, figure { break-inside: avoid; page-break-inside: avoid; }
}
"""
    + _STATUS_RULES
    + "\n"
)

# Patterns every chart refers to, defined once in a zero-size SVG at the top of the body.
SVG_DEFS = (
    '<svg class="defs" width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">'
    "<defs>"
    '<pattern id="hl-hatch-lower" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#ffffff"/><rect width="2.5" height="6" fill="#8d99a6"/></pattern>'
    '<pattern id="hl-hatch-upper" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">'
    '<rect width="6" height="6" fill="#ffffff"/><rect width="2.5" height="6" fill="#5f6368"/></pattern>'
    '<pattern id="hl-hatch-gap" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="5" height="5" fill="#fdecea"/><rect width="1.6" height="5" fill="#c62828"/></pattern>'
    "</defs></svg>"
)


def _css_string(text: str) -> str:
    """`text` as a CSS string literal: quotes, backslashes and line breaks escaped."""
    return '"' + "".join(ch if ch not in '"\\\n\r<>' else f"\\{ord(ch):x} " for ch in text) + '"'


def card_labels(target: str, stated: str, gap: str) -> str:
    """On a narrow screen the findings table has no header row: each figure of a card says what it is."""
    rules = "".join(
        f".findings td:nth-child({n})::before {{ content: {_css_string(label)}; }}"
        for n, label in ((2, target), (3, stated), (4, gap))
    )
    return f"@media screen and (max-width: 720px) {{ {rules} }}\n"
