"""`--format html`: a self-contained page with charts, statutory parts, findings and a batch overview.

These tests read the page with the stdlib HTML parser; tests/reporters/test_html_browser.py loads
the same page in headless Chromium.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reporter_fixtures import HULI_REPORT, SCRIPT_NAME

from hulifa import messages
from hulifa.batch import DETAIL_LIMIT
from hulifa.model import Basis, CheckResult, Kind, Rule, Status, Strength, Subject
from hulifa.quantity import QuantityError, parse_quantity
from hulifa.reporters import html as html_reporter
from hulifa.reporters._common import clean
from hulifa.runner import check_paths

ROOT = Path(__file__).resolve().parents[2]
HULI_YAML = str(ROOT / "reports" / "huli" / "2024.yaml")

# A region name that would run script, break out of an attribute, or inject markup if not escaped.
HOSTILE_REGION = (
    "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')</script>"
    '"><img src=x onerror=alert(1)>恶意区'
)

HOSTILE_YAML = """\
region: {region}
level: county
year: 2024
sections:
  measures: true
  shortcomings: true
  causes: true
  first_responsible: false
  next_year: true
  other: false
indicators:
  enforcement_training_hours: {{value: 40学时}}
  mad_public_comment_days: {{value: 约30日}}
  ar_decision_days_ordinary: {{value: 45日}}
  nd_filing_rate: {{value: 90%}}
  mad_legality_review_rate: {{value: 95%}}
  npc_suggestion_handled_rate: {{value: "98%以上"}}
  gi_request_count: {{value: 120件}}
  petition_resolution_days: {{value: 100天}}
"""

# Every tag the page may contain: anything else came from data.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav", "ol", "ul",
    "li", "a", "section", "div", "span", "figure", "figcaption", "table", "colgroup", "col", "thead",
    "tbody", "tr", "th", "td", "code", "b", "i", "svg", "defs", "pattern", "rect", "path", "line", "text",
    "footer", "wbr",
}  # fmt: skip
VOID = {"meta", "col", "br", "wbr", "img", "link", "input", "hr"}


def write_hostile(directory: Path, region: str = HOSTILE_REGION) -> str:
    path = directory / "hostile-2024.yaml"
    # a YAML double-quoted scalar: escape backslashes and quotes
    quoted = '"' + region.replace("\\", "\\\\").replace('"', '\\"') + '"'
    path.write_text(HOSTILE_YAML.format(region=quoted), encoding="utf-8")
    return str(path)


@dataclasses.dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class Dom(HTMLParser):
    """Flat list of elements with their direct text; checks nesting as it goes."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.errors: list[str] = []
        self.feed(page)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {[e.tag for e in self.stack]}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1].tag if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag)
            and (cls is None or cls in e.classes())
            and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


def expected_charted(result: CheckResult, index: int = 0) -> set[str]:
    """Indicators the page must chart, worked out independently of the reporter: a numeric
    indicator whose stated figure can be read, or one not stated that has a numeric target."""
    rules = {r.id: r for r in result.pack.rules} if result.pack else {}
    out = set()
    for f in result.reports[index].findings:
        rule = rules.get(f.rule)
        if rule is None or rule.unit in ("bool", "date", "section"):
            continue
        if f.status in (Status.NOT_APPLICABLE, Status.ERROR, Status.UNKNOWN):
            continue
        if f.status is Status.MISSING:
            if rule.requirement.kind in (Kind.AT_LEAST, Kind.AT_MOST, Kind.EQUALS):
                out.add(f.rule)
            continue
        try:
            q = parse_quantity(messages.actual(f, "zh"))
        except QuantityError:
            continue
        if not q.unit or q.unit in rule.accepted_units:
            out.add(f.rule)
    return out


@pytest.fixture(scope="module")
def huli() -> CheckResult:
    return check_paths(HULI_YAML)


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    directory = tmp_path_factory.mktemp("hostile")
    broken = directory / "broken.yaml"
    broken.write_text("region: [unclosed\n", encoding="utf-8")
    return check_paths([HULI_YAML, write_hostile(directory), str(broken)])


# ------------------------------------------------------------------------------ the page itself


def test_page_is_well_formed_and_titled(huli: CheckResult) -> None:
    page = html_reporter.render(huli)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert page.endswith("</html>\n")
    dom = Dom(page)
    assert dom.errors == []
    assert {e.tag for e in dom.elements} <= ALLOWED_TAGS
    title = dom.find("title")[0]  # the page <title>, before any SVG <title>
    assert title.text == "法治政府建设年度报告核查 — 湖里区 2024"
    assert dom.find("h1", cls="page-title")[0].text == title.text
    assert dom.find("meta", charset="utf-8")


@pytest.mark.parametrize(("lang", "said"), [("zh", "层级: 区级"), ("en", "Level: district")])
def test_the_reports_level_is_in_the_pages_language(huli: CheckResult, lang: str, said: str) -> None:
    """Before, a Chinese page said 层级: district."""
    page = html_reporter.render(huli, lang)
    assert said in page and ("层级: district" not in page)


def test_self_contained_no_network_no_script(hostile_batch: CheckResult) -> None:
    page = html_reporter.render(hostile_batch)
    dom = Dom(page)
    assert not dom.find("script") and "<script" not in page.lower()
    assert not dom.find("link") and not dom.find("img") and not dom.find("iframe")
    assert not [e for e in dom.elements if "src" in e.attrs or "srcset" in e.attrs]
    assert not [e for e in dom.elements if any(k.startswith("on") for k in e.attrs)]
    assert "@import" not in page and "@font-face" not in page
    # CSS/SVG references are all to in-page patterns
    assert set(re.findall(r"url\(([^)]*)\)", page)) <= {"#hl-hatch-lower", "#hl-hatch-upper", "#hl-hatch-gap"}
    # the only http(s) URLs are the legal-basis links, in <a href>
    for e in dom.elements:
        for key, value in e.attrs.items():
            if value.startswith(("http:", "https:")):
                assert (e.tag, key) in {("a", "href"), ("a", "title")}, e
    (csp,) = dom.find("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in csp.attrs["content"]


def test_fonts_and_print_css(huli: CheckResult) -> None:
    page = html_reporter.render(huli)
    style = Dom(page).find("style")[0].text
    stack = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"'
    assert stack in style and "sans-serif" in style
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", style)
    assert "@media print" in style
    assert "break-inside: avoid" in style and "page-break-inside: avoid" in style
    assert "print-color-adjust: exact" in style


def test_deterministic(hostile_batch: CheckResult, tmp_path: Path) -> None:
    first = html_reporter.render(hostile_batch)
    assert html_reporter.render(hostile_batch) == first
    # a fresh check of the same files gives the same bytes
    again = check_paths([r.file for r in hostile_batch.reports])
    assert html_reporter.render(again) == first
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:", first)  # no timestamps


# ------------------------------------------------------------------------------------- charts


def test_one_bar_per_charted_indicator(huli: CheckResult) -> None:
    dom = Dom(html_reporter.render(huli))
    rows = dom.find("div", cls="chart-row")
    bars = dom.find("rect", cls="bar")
    expected = expected_charted(huli)
    # 21 not stated with a target + 24 stated figures (the two counts shared with the 区委 are not charted)
    assert len(expected) == 45
    assert [r.attrs["data-rule"] for r in rows] and {r.attrs["data-rule"] for r in rows} == expected
    assert len(rows) == len(bars) == len(expected)
    # the chart groups: rates on a shared 0–100 axis, targeted counts, reported counts on a log axis
    groups = Counter(e.attrs["data-group"] for e in dom.find("figure", cls="chart"))
    assert groups == {"rates": 1, "targeted": 1, "reported": 1}


def test_bounds_and_targets_are_marked(huli: CheckResult) -> None:
    page = html_reporter.render(huli)
    dom = Dom(page)
    row = {r.attrs["data-rule"]: r for r in dom.find("div", cls="chart-row")}
    lower = row["leader_law_training_count"]
    assert lower.attrs["data-bound"] == "lower" and "1700余人次" in lower.text and "≥1700" in lower.text
    assert "下限" in lower.text
    # a count shared with the 区委 is not the government's figure: not charted as one
    assert "exec_meeting_hears_fzzf_count" not in row
    wan = row["dispute_resolved_count"]
    assert "1.1万余件" in wan.text and "≥11000" in wan.text
    missing = row["enforcement_training_hours"]
    assert missing.attrs["data-status"] == "missing" and "未填报" in missing.text and "≥60 学时" in missing.text
    assert "=100%" in row["agency_head_appearance_rate"].text
    # open-ended (lower) extension, hatched (upper) bar, dashed (missing) bar, target lines
    assert len(dom.find("rect", cls="ext-lower")) == 4  # 1700余, 1900余, 1.1万余, 90%以上
    assert len(dom.find("rect", cls="bar-upper")) == 0
    assert len(dom.find("rect", cls="bar-missing")) == 21
    assert len(dom.find("line", cls="target")) == 21 + 1  # one stated rate has a target (出庭应诉率 100%)


def test_shortfall_gap_and_approx(hostile_batch: CheckResult) -> None:
    dom = Dom(html_reporter.render(CheckResult(reports=hostile_batch.reports[1:2], pack=hostile_batch.pack)))
    row = {r.attrs["data-rule"]: r for r in dom.find("div", cls="chart-row")}
    assert row["enforcement_training_hours"].attrs["data-status"] == "shortfall"
    assert "40学时" in row["enforcement_training_hours"].text and "差 20 学时" in row["enforcement_training_hours"].text
    assert row["mad_public_comment_days"].attrs["data-bound"] == "approx"
    assert "≈30" in row["mad_public_comment_days"].text
    assert len(dom.find("path", cls="whisker")) == 1
    # 4 shortfalls: training hours, filing rate, legality review rate, petition days (beyond 60+30)
    assert len(dom.find("rect", cls="gap")) == 4
    assert set(row) == expected_charted(hostile_batch, 1)


def test_chart_geometry_matches_values(huli: CheckResult) -> None:
    """Rates share a 0–100 axis 320px wide: 100% fills it, 90% is at 288px."""
    page = html_reporter.render(huli)
    block = re.search(r'data-rule="petition_resolution_rate".*?</svg>', page, re.S)
    assert block and 'class="bar" x="0" y="5" width="288"' in block.group(0)
    block = re.search(r'data-rule="agency_head_appearance_rate".*?</svg>', page, re.S)
    assert block and 'width="320"' in block.group(0) and 'x1="320"' in block.group(0)


# ----------------------------------------------------------------------------- statutory parts


def test_five_statutory_parts_ticked(huli: CheckResult) -> None:
    dom = Dom(html_reporter.render(huli))
    parts = dom.find("li", cls="part")
    assert [(p.attrs["data-rule"], p.attrs["data-state"]) for p in parts] == [
        ("part_measures", "present"),
        ("part_shortcomings_causes", "partial"),
        ("part_first_responsible", "present"),
        ("part_next_year", "present"),
        ("part_other", "missing"),
    ]
    assert "缺少:不足的原因" in parts[1].text
    assert [p.text[0] for p in parts] == ["✓", "◐", "✓", "✓", "✗"]


# ----------------------------------------------------------------------------- findings table


def test_every_finding_has_a_row_with_its_basis(huli: CheckResult) -> None:
    page = html_reporter.render(huli)
    dom = Dom(page)
    rows = [r for r in dom.find("tr") if "data-rule" in r.attrs and r.attrs.get("data-report") is None]
    assert len(rows) == len(huli.reports[0].findings)
    row = next(r for r in rows if r.attrs["data-rule"] == "agency_head_appearance_rate")
    assert "《中华人民共和国行政诉讼法》" in row.text and "实践做法" in row.text  # the strength in words
    assert "PRACTICE" not in row.text and 'class="strength strength-practice" title="PRACTICE"' in page
    published = next(r for r in rows if r.attrs["data-rule"] == "report_published_by")
    assert "第二十四条" in published.text and "党政文件" in published.text
    links = [a.attrs["href"] for a in dom.find("a") if not a.attrs["href"].startswith("#")]
    with_url = {b.url for f in huli.reports[0].findings if (b := messages.basis(f)) and b.url}
    assert set(links) == with_url
    assert all(link.startswith(("http://", "https://")) for link in links)


def _with_basis(subject: Rule | Subject, basis: Basis) -> Rule | Subject:
    """The finding's rule or subject citing `basis`."""
    return subject._replace(basis=basis)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "//evil.example/x",
        "/relative",
        "https:no-host",
    ],
)
def test_only_http_links(url: str) -> None:
    report = HULI_REPORT
    bad = Basis(document="《<b>文件</b>》", strength=Strength.HARD_LAW, article="第一条", url=url)
    findings = tuple(f._replace(subject=_with_basis(f.subject, bad)) for f in report.findings)
    page = html_reporter.render(CheckResult(reports=(report._replace(findings=findings),)))
    dom = Dom(page)
    hrefs = [a.attrs["href"] for a in dom.find("a")]
    assert all(h.startswith("#") for h in hrefs), hrefs
    assert not [e for e in dom.elements for v in e.attrs.values() if url.strip() and url.strip() in v]
    assert "&lt;b&gt;文件&lt;/b&gt;" in page
    assert not [e for e in dom.elements if any(k.startswith("on") for k in e.attrs)]


def test_http_link_with_quote_stays_in_attribute() -> None:
    url = 'https://example.com/a?b=1&c="x"'
    bad = Basis(document="《文件》", strength=Strength.EVAL, url=url)
    findings = tuple(f._replace(subject=_with_basis(f.subject, bad)) for f in HULI_REPORT.findings)
    page = html_reporter.render(CheckResult(reports=(HULI_REPORT._replace(findings=findings),)))
    dom = Dom(page)
    # parsed back intact: no breakout (the other link is the verdict's, to the findings)
    assert {a.attrs["href"] for a in dom.find("a")} == {url, "#findings-1"}
    assert 'href="https://example.com/a?b=1&amp;c=&quot;x&quot;"' in page


# ----------------------------------------------------------------------------------- escaping


def test_hostile_region_is_text(hostile_batch: CheckResult) -> None:
    page = html_reporter.render(hostile_batch)
    dom = Dom(page)
    assert dom.errors == []
    assert {e.tag for e in dom.elements} <= ALLOWED_TAGS
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in page
    titles = [e.text for e in dom.find("h2", cls="report-title")]
    assert titles[1] == f"{HOSTILE_REGION} 2024"


def test_fixture_strings_are_escaped_and_cleaned(batch: CheckResult) -> None:
    page = html_reporter.render(batch)
    dom = Dom(page)
    assert dom.errors == []
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;指标" in page
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", page)
    assert "[bold red]注意[/bold red]" in page  # rich markup is just text here
    assert SCRIPT_NAME not in page


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_region_round_trips_as_text(region: str) -> None:
    report = HULI_REPORT._replace(region=region)
    page = html_reporter.render(CheckResult(reports=(report, HULI_REPORT)))
    dom = Dom(page)
    assert dom.errors == []
    assert {e.tag for e in dom.elements} <= ALLOWED_TAGS
    assert not [e for e in dom.elements if any(k.startswith("on") for k in e.attrs)]
    title = dom.find("h2", cls="report-title")[0].text
    assert title == clean(f"{region} 2024")


# -------------------------------------------------------------------------------------- batch


def test_batch_matrix_and_ranking(hostile_batch: CheckResult) -> None:
    page = html_reporter.render(hostile_batch)
    dom = Dom(page)
    assert dom.find("section", cls="overview")
    rows = dom.find("tr", data_report="1") + dom.find("tr", data_report="2") + dom.find("tr", data_report="3")
    assert len(rows) == 3
    headers = dom.find("th", cls="ind")
    cells = dom.find("td", cls="cell")
    assert len(cells) == 3 * len(headers) and len(headers) > 40
    # each checked report's cells carry its statuses; the broken file's row is all "not checked"
    huli_statuses = {f.rule: f.status.value for f in hostile_batch.reports[0].findings}
    for cell in cells[: len(headers)]:
        assert cell.attrs["data-status"] == huli_statuses[cell.attrs["data-rule"]]
    assert Counter(c.attrs["data-status"] for c in cells[: len(headers)])["missing"] == 33
    assert all("st-none" in c.classes() for c in cells[2 * len(headers) :])
    # ranking: most-missed first, count of reports that miss it
    ranks = dom.find("div", cls="rank-row")
    counts = [int(r.attrs["data-count"]) for r in ranks]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2 and len(ranks) <= 15
    missed = [
        {f.rule for f in r.findings if f.status in (Status.MISSING, Status.SHORTFALL)}
        for r in hostile_batch.reports[:2]
    ]
    assert ranks[0].attrs["data-rule"] in missed[0] & missed[1]
    # the unchecked file is reported, not charted
    unchecked = dom.find("section", cls="report", data_checked="false")
    assert len(unchecked) == 1 and "无法检查" in unchecked[0].text


def test_batch_rows_name_their_file(tmp_path: Path) -> None:
    """Two reports of one region and year are told apart by their file; a long path is cut in the
    middle, so its end (the file name) still shows, and the whole path is in the title."""
    deep = tmp_path / ("很长的目录名" * 8) / "district-reports-received-2025" / "huli-2024.yaml"
    near = tmp_path / "a" / "2024.yaml"
    for path in (deep, near):
        path.parent.mkdir(parents=True)
        path.write_bytes(Path(HULI_YAML).read_bytes())
    dom = Dom(html_reporter.render(check_paths([str(near), str(deep)])))
    regions = dom.find("th", cls="region", scope="row")
    assert [r.text.startswith("湖里区 2024") for r in regions] == [True, True]
    assert regions[0].text != regions[1].text
    files = [e for e in dom.find("span", cls="file") if e.attrs["title"] == str(deep)]
    assert len(files) == 2  # the matrix row and the table of contents
    shown = files[0].text
    assert shown.endswith("/huli-2024.yaml") and "…" in shown
    assert len(shown) <= html_reporter.FILE_WIDTH < len(str(deep))


def test_a_file_that_could_not_be_read_is_named_once_in_each_place(tmp_path: Path) -> None:
    """A report that could not be read is named by its file: in the list, the matrix and its own
    section the path had been shown twice (the name, then the file under it, or "文件: …")."""
    broken = tmp_path / "district-b" / "2024-annual-rule-of-law-report.yaml"
    broken.parent.mkdir()
    broken.write_text("region: 乙区\nlevel: [district\nyear: 2024\n", encoding="utf-8")
    page = html_reporter.render(check_paths([HULI_YAML, str(broken)]))
    toc = re.search(r'<ol class="toc">(.*?)</ol>', page, flags=re.S)
    row = re.search(r'<tr data-report="2">.*?</th>', page, flags=re.S)
    section = re.search(r'<section class="report" id="report-2".*?</section>', page, flags=re.S)
    assert toc and row and section
    entry = toc.group(1).split("<li>")[2]
    shown = html_reporter.shorten_middle(str(broken), html_reporter.FILE_WIDTH).replace("/", "/<wbr>")
    for place in (entry, row.group()):
        assert place.count(shown) == 1 and f'title="{broken}"' in place, place  # cut in the middle, whole in the title
    head = section.group().split('<div class="unchecked')[0]
    assert head.count(str(broken)) == 1 and "文件:" not in head  # the title; the error names file:line:col
    assert f"<code>{broken}:3:5</code>" in section.group()


def test_location_is_one_piece(tmp_path: Path) -> None:
    """`2024.yaml:25` is one cell that never wraps; a long file name is cut in the middle."""
    long = tmp_path / ("huli-district-annual-rule-of-law-report-" * 2 + "2024.yaml")
    long.write_bytes(Path(HULI_YAML).read_bytes())
    dom = Dom(html_reporter.render(check_paths([HULI_YAML, str(long)])))
    locs = dom.find("td", cls="loc")
    assert "2024.yaml:25" in {e.text for e in locs}
    cut = {e.text for e in locs if e.attrs["title"].startswith(str(long))}
    assert cut and all(t.endswith("-2024.yaml:" + t.rsplit(":", 1)[1]) and "…" in t for t in cut)
    assert ".findings td.loc { white-space: nowrap;" in html_reporter.CSS


def test_single_report_has_no_overview(huli: CheckResult) -> None:
    dom = Dom(html_reporter.render(huli))
    assert not dom.find("section", cls="overview") and not dom.find("table", cls="matrix")


def test_english_labels(hostile_batch: CheckResult) -> None:
    page = html_reporter.render(hostile_batch, "en")
    dom = Dom(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    heads = [e.text for e in dom.find("h3")]
    assert "Statutory parts (five)" in heads and "Findings and legal basis" in heads
    assert "Regions × indicators by status" in heads and "Most-missed indicators" in heads
    assert "法定内容" not in page and "核查结果与依据" not in page
    assert [dom.find("title")[0].text] == ["Rule-of-law government annual report check — 3 reports"]
    assert "Made public before 1 April" in page or "Report made public before 1 April" in page


def test_without_pack(no_pack: CheckResult) -> None:
    page = html_reporter.render(no_pack)
    dom = Dom(page)
    assert dom.errors == []
    # no rule pack: charts only what can be read, no targets
    assert not dom.find("line", cls="target")
    assert "无法检查" in page


def test_every_status_renders() -> None:
    """Whatever statuses the model has (including ones added later), each gets a row, a chip and a
    matrix cell with its own class."""
    findings = tuple(HULI_REPORT.findings[0]._replace(status=status, rule=f"rule_{status.value}") for status in Status)
    report = HULI_REPORT._replace(findings=findings)
    page = html_reporter.render(CheckResult(reports=(report, report)))
    dom = Dom(page)
    assert dom.errors == []
    for status in Status:
        assert dom.find("tr", cls=f"st-{status.value}"), status
        assert dom.find("li", cls=f"st-{status.value}"), status
        if status not in (Status.ERROR, Status.NOT_APPLICABLE):  # n/a everywhere: no column
            assert dom.find("td", cls=f"st-{status.value}"), status


@pytest.mark.parametrize("status", [Status.ACCEPTED, Status.NOT_APPLICABLE, Status.INVALID, Status.UNVERIFIABLE])
def test_statutory_part_with_any_status_renders(huli: CheckResult, status: Status) -> None:
    """A statutory part that is accepted, not applicable or invalid gets its status symbol in the list
    (it once crashed: a local variable shadowed the symbol function)."""
    report = huli.reports[0]
    findings = tuple(f._replace(status=status) if f.rule == "part_other" else f for f in report.findings)
    page = html_reporter.render(huli._replace(reports=(report._replace(findings=findings),)))
    (part,) = [p for p in Dom(page).find("li", cls="part") if p.attrs["data-rule"] == "part_other"]
    assert part.attrs["data-state"] == status.value
    assert part.text[0] == html_reporter.sym(status)


def test_a_large_batch_is_folded_and_written_as_it_comes(huli: CheckResult) -> None:
    """Up to DETAIL_LIMIT reports the page is the full one; past it, each report is written folded as
    it arrives (the writer then holds none), and the regions x indicators matrix becomes one status
    bar per indicator."""
    limit = DETAIL_LIMIT
    reports = [huli.reports[0]._replace(file=f"r{i:03d}/2024.yaml") for i in range(limit + 3)]
    small = html_reporter.render(CheckResult(reports=tuple(reports[:limit]), pack=huli.pack))
    assert small.count('<section class="report"') == limit and "<details" not in small
    assert '<table class="matrix"' in small and small.count('class="chart-row') > limit

    page = html_reporter.writer(huli.pack, "zh")
    pieces = [page.item(r) for r in reports]
    assert pieces[:limit] == [""] * limit  # held: the layout is not known yet
    assert pieces[limit].count("<details") == limit + 1 and all(p.count("<details") == 1 for p in pieces[limit + 1 :])
    assert page.held == []
    whole = page.head() + page.SEP.join(pieces[limit:]) + page.tail()
    assert whole == html_reporter.render(CheckResult(reports=tuple(reports), pack=huli.pack))
    assert f"— {limit + 3}份报告</title>" in whole
    assert whole.count('<details class="report folded"') == limit + 3 and 'class="chart-row' not in whole
    assert '<table class="matrix"' not in whole and 'class="ranking status-bars"' in whole
    assert re.findall(r'<tr class="st-(\w+)', whole) and not re.search(
        r'<tr class="st-(pass|stated|not_applicable)', whole
    )


def test_a_finding_row_is_the_same_whatever_came_before_it(huli: CheckResult) -> None:
    # The writer makes a finding's row but its location cell once per kind of finding (_common.Memo):
    # a report's rows must not depend on the reports before it, and each keeps its own place.
    report = huli.reports[0]
    moved = report._replace(
        file="reports/other.yaml",
        findings=tuple(
            f._replace(position=f.position._replace(file="reports/other.yaml", line=f.line + 30))
            for f in report.findings
        ),
    )
    page = html_reporter.writer(huli.pack, "zh")
    for issues_only, rows in ((False, page.rows), (True, page.brief_rows)):
        html_reporter.findings_html(report, "zh", issues_only, rows)
        again = html_reporter.findings_html(moved, "zh", issues_only, rows)
        assert again == html_reporter.findings_html(moved, "zh", issues_only)
        assert 'title="reports/other.yaml:' in again and f'title="{report.file}:' not in again


# ------------------------------------------------------------------------------------ the verdict


def test_the_verdict_is_under_the_title_in_the_words_of_the_table(hostile_batch: CheckResult) -> None:
    """A reader who signs under the page finds the run's verdict before any report: the same sentence
    the table ends with and the Markdown starts with, whatever the language."""
    for lang, words in (("zh", "检查 3 份报告:2 份有错误"), ("en", "Checked 3 reports: 2 with errors")):
        page = html_reporter.render(hostile_batch, lang)
        dom = Dom(page)
        [verdict] = dom.find("p", cls="verdict")
        assert verdict.text.startswith(words), verdict.text
        assert ("1 份无法检查" if lang == "zh" else "1 could not be checked") in verdict.text
        assert "verdict-error" in verdict.classes()
        assert page.index('class="verdict') < page.index('class="toc"') < page.index('<section class="report"')


def test_a_clean_run_says_so_in_words() -> None:
    clean_report = HULI_REPORT._replace(findings=())
    dom = Dom(html_reporter.render(CheckResult(reports=(clean_report, clean_report))))
    [verdict] = dom.find("p", cls="verdict")
    assert "verdict-clean" in verdict.classes() and "2 份无错误和警告" in verdict.text
    assert {e.text for e in dom.find("span", cls="counts")} == {"没有问题"}


def test_each_report_in_the_list_says_its_issues_in_words(hostile_batch: CheckResult) -> None:
    """Beside each report's name in a batch's list: its issues by severity, or that it could not be
    checked, in words (the colour only repeats them)."""
    dom = Dom(html_reporter.render(hostile_batch))
    counts = dom.find("span", cls="counts")
    # Huli 2024 misses one statutory part (error), seven figures at warning, more at info
    assert counts[0].text.startswith("错误 1 · 警告 7 · 提示 ") and "sev-error" in counts[0].classes()
    assert counts[2].text == "无法检查" and "sev-error" in counts[2].classes()


def test_a_single_report_links_from_its_verdict_to_its_findings(huli: CheckResult) -> None:
    """On a phone the charts fill several screens: the verdict links past them to the findings."""
    dom = Dom(html_reporter.render(huli))
    [link] = dom.find("a", cls="jump")
    assert link.attrs["href"] == "#findings-1"
    assert [e.text for e in dom.find("h3", id="findings-1")] == ["核查结果与依据"]
