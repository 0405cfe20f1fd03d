"""`--format markdown`: the verdict and a row per report first, then one list item per issue (whatever
the data holds) in a folded block per report, the most-missed indicators; no HTML from the data."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from reporter_fixtures import HULI_REPORT, PACK, SIMING_REPORT

from clihelp import HULI_DATA, run_cli
from hostile.helpers import run_process
from hulifa.model import CheckResult, ReportResult
from hulifa.reporters import markdown


def _table(text: str, header_start: str) -> list[str]:
    """The lines of the table whose header row starts with `header_start`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return lines[start:end]


def test_headings_and_counts(batch) -> None:
    out = markdown.render(batch)
    assert out.startswith(
        "# hulifa 检查结果\n\n**检查 2 份报告:1 份有错误,0 份仅有警告,0 份无错误和警告,1 份无法检查**\n\n"
        "规则包: default 2026.1\n"
    )
    assert "<summary>厦门市湖里区 2024 — reports/湖里区 2024.yaml — 错误 3 · 警告 3 · 提示 3</summary>\n" in out
    assert "共 11 · 达标 1 · 未达标 1 · 未填报 4 · 无法确认 1 · 不适用 1 · 无效 1 · 未知指标 2\n" in out
    bad = "<summary>reports/思明区,2024:bad.yaml — 错误 1</summary>\n\n**无法检查此文件**\n\n共 1 · 无法检查 1\n"
    assert bad in out


def _rendered(text: str) -> str:
    """The page GitHub shows, as markdown-it-py (CommonMark, with GFM's tables) renders it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)


def test_one_list_item_per_issue_readable_on_a_phone(single) -> None:
    """Each issue is a list item, its facts a line each (GitHub's mobile view wraps them to the screen):
    the details had been a table of 9 columns, which a phone scrolls sideways across at every row."""
    page = _rendered(markdown.render(single))
    assert page.count("<table>") == 1  # the overview's; the details hold none
    items = re.findall(r"<li>(.*?)</li>", page, flags=re.S)
    issues = [f for f in HULI_REPORT.findings if f.status.value not in ("pass", "not_applicable")]
    assert len(items) == len(issues) == 9
    for item, finding in zip(items, sorted(issues, key=lambda f: -f.severity.rank), strict=True):  # most severe first
        assert f"({finding.rule})" in item and item.endswith(f"位置 {finding.file}:{finding.line}:{finding.column}")
    hostile = next(i for i in items if "(mad_public_comment_days)" in i)
    assert hostile == (
        "<strong>未达标 · 警告</strong> 重大行政决策公开征求意见期限 (mad_public_comment_days)"
        "<br>目标 ≥ 30 日 · 实际 20 日 · 差距 差 10 日"
        "<br>说明 公开征求意见期限 20 日,少于 30 日 [bold red]注意[/bold red]<br>第二行: 100% 完成, a|b"
        '<br>依据(法律法规) <a href="https://www.gov.cn/zhengce/content/2019-05/08/content_5389670.htm">'
        "《重大行政决策程序暂行条例》 第十五条</a>"
        "<br>位置 reports/湖里区 2024.yaml:12:3"
    )
    unknown = next(i for i in items if "另一个" in i)
    assert "另一个|未知`指标`" in unknown and "<code>" not in unknown


def test_each_finding_is_one_line_of_the_source(single) -> None:
    # GitHub shows a line break of a comment's source as a break, so a finding's lines are parted by <br>
    # alone, and every line of an item opens with a word of ours: no data can start a Markdown block
    out = markdown.render(single)
    items = [line for line in out.splitlines() if line.startswith("- **")]
    assert len(items) == 9
    for item in items:
        for part in item.split("<br>")[1:]:
            assert part.startswith(("目标 ", "实际 ", "说明 ", "依据(", "位置 ", "第二行")), part


def test_no_html_or_code_spans_from_data(batch) -> None:
    out = markdown.render(batch)
    assert "<script>" not in out and "</script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;指标" in out
    # The only tags are our own line break and folded blocks.
    tags = {"<br>", "<details>", "<details open>", "</details>", "<summary>", "</summary>"}
    assert set(re.findall(r"<[^>]*>", out)) == tags
    # Every backtick from the data is escaped.
    assert re.search(r"(?<!\\)`", out) is None
    assert "\x1b" not in out and "\x00" not in out and "\\\\x1b\\[31m" in out


def test_escape_function() -> None:
    assert markdown.escape("a|b") == "a\\|b"
    assert markdown.escape("`x`") == "\\`x\\`"
    assert markdown.escape("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert markdown.escape("line1\nline2\r\nline3") == "line1<br>line2<br>line3"
    assert markdown.escape("[link](javascript:x)") == "\\[link\\](javascript:x)"
    assert markdown.escape("\\|") == "\\\\\\|"  # a backslash in data cannot un-escape the pipe


def test_batch_summary_and_most_missed(batch3) -> None:
    out = markdown.render(batch3)
    summary = _table(out, "| 文件 |")
    assert summary[0] == "| 文件 | 地区 | 年度 | 错误 | 警告 | 提示 | 最高级别 |"
    assert summary[2:] == [  # one row per report, in input order
        "| reports/湖里区 2024.yaml | 厦门市湖里区 | 2024 | 3 | 3 | 3 | 错误 |",
        "| reports/思明区,2024:bad.yaml |  |  | 1 | 0 | 0 | 无法检查 |",
        "| reports/siming-2023.yaml | 厦门市思明区 | 2023 | 0 | 2 | 0 | 警告 |",
    ]
    # details follow, the most severe reports first
    order = [out.index(f"<summary>{title}") for title in ("厦门市湖里区", "reports/思明区", "厦门市思明区")]
    assert order == sorted(order)
    missed = _table(out, "| 指标 | 报告数 |")
    assert missed[2:] == [
        "| 党政机关法律顾问设立率 (legal\\_advisor\\_coverage) | 2 |",
        "| 重大行政决策公开征求意见期限 (mad\\_public\\_comment\\_days) | 2 |",
        # Two missing parts in one report count once; an info-level miss (年度报告报送) not at all.
        "| 存在的不足和原因 (part\\_shortcomings\\_causes) | 1 |",
    ]


def test_same_region_and_year_are_told_apart_by_file() -> None:
    again = ReportResult(
        file="reports/siming-2023-v2.yaml",
        findings=SIMING_REPORT.findings,
        region=SIMING_REPORT.region,
        year=2023,
    )
    out = markdown.render(CheckResult(reports=(SIMING_REPORT, again)))
    assert "| reports/siming-2023.yaml | 厦门市思明区 | 2023 | 0 | 2 | 0 | 警告 |" in out
    assert "| reports/siming-2023-v2.yaml | 厦门市思明区 | 2023 | 0 | 2 | 0 | 警告 |" in out
    assert "| 党政机关法律顾问设立率 (legal\\_advisor\\_coverage) | 2 |" in out


def test_single_report_has_no_batch_section(single) -> None:
    out = markdown.render(single)
    assert "最常缺失" not in out and "<details open>" in out
    assert "规则包" in out


def test_english(batch3) -> None:
    out = markdown.render(batch3, "en")
    assert out.startswith("# hulifa results\n")
    assert "<br>Target ≥ 30 days · Actual 20 days · Gap short by 10 days<br>" in out
    assert "<br>Location reports/siming-2023.yaml:" in out
    assert "total 11 · met 1 · short 1 · missing 4" in out
    assert "| Public comment period: 30 days, 100%, a:b (mad\\_public\\_comment\\_days) | 2 |" in out
    assert "| File | Region | Year | Errors | Warnings | Info | Worst |" in out  # headers, not "error 1"
    assert "**Checked 3 reports: 1 with errors" in out and "### Most-missed indicators" in out


def test_clean_and_empty_runs() -> None:
    passes = tuple(f for f in HULI_REPORT.findings if f.status.value in ("pass", "not_applicable"))
    out = markdown.render(CheckResult(reports=(ReportResult(file="ok.yaml", findings=passes),)))
    assert "全部通过,没有问题。" in out and "- **" not in out
    assert "规则包" not in out  # no pack loaded
    assert "没有检查任何报告。" in markdown.render(CheckResult(reports=()))


def test_a_table_over_the_budget_makes_no_details_and_writes_the_same() -> None:
    # Once the overview alone is over the budget no report's details can be in the document, so the
    # writer stops making them (most of a large batch's time): the text is what a writer that made
    # them all writes within the same budget.
    reports = [HULI_REPORT._replace(file=f"reports/{i:03d}.yaml") for i in range(60)]
    everything = markdown.Writer(PACK, "en", None, 0, spill=io.BytesIO)
    budget = markdown.Writer(PACK, "en", None, 3000, spill=io.BytesIO)
    for report in reports:
        everything.item(report)
        budget.item(report)
    assert not budget.blocks and everything.blocks
    assert budget.text() == everything.text(3000) != everything.text()
    assert budget.text(2000) == everything.text(2000)  # a smaller budget still can be asked for
    with pytest.raises(ValueError, match="left out"):
        budget.text(0)


def test_a_finding_row_is_the_same_whatever_came_before_it() -> None:
    # A finding's row but its location is made once per kind of finding (_common.Memo).
    moved = HULI_REPORT._replace(
        file="reports/other.yaml",
        findings=tuple(
            f._replace(position=f.position._replace(file="reports/other.yaml", line=f.line + 30))
            for f in HULI_REPORT.findings
        ),
    )
    shared = markdown.Writer(PACK, "zh", None, 0, spill=io.BytesIO)
    shared.item(HULI_REPORT)
    shared.item(moved)
    alone = markdown.Writer(PACK, "zh", None, 0, spill=io.BytesIO)
    alone.item(moved)
    block = alone.text().split("<details open>")[1]
    assert shared.text().endswith(block)
    assert "reports/other.yaml:" in block and "湖里区 2024.yaml:" not in block


def test_a_folded_reports_title_reads_as_written_on_github() -> None:
    """The <summary> line is inside the HTML block <details> opens, where Markdown is not read (GFM,
    CommonMark 4.6): huli_district_2024.yaml had been shown as huli\\_district\\_2024.yaml. Rendered
    here by markdown-it-py, a CommonMark renderer, with GFM's tables."""
    from markdown_it import MarkdownIt

    report = HULI_REPORT._replace(file="reports/huli_district_2024.yaml", region="湖里*区_[甲]<b>")
    page = MarkdownIt("commonmark").enable("table").render(markdown.render(CheckResult(reports=(report,))))
    summaries = re.findall(r"<summary>(.*?)</summary>", page)
    assert len(summaries) == 2 and "\\" not in summaries[0], summaries  # the report's, then its notes'
    assert summaries[1] == "提示 3"
    assert summaries[0].startswith("湖里*区_[甲]&lt;b&gt; 2024 — reports/huli_district_2024.yaml — 错误 ")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_most_missed_puts_the_most_severe_first_among_as_many_reports(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four districts' reports that miss the same 34 indicators: the list ranked a tie by id, so its 15
    rows were notes (行政诉讼案件数…) and the one error (存在的不足和原因, short in every report) was cut
    into "19 more not listed". A PR's reader saw what matters least."""
    text = HULI_DATA.read_text(encoding="utf-8")
    for region in ("思明区", "湖里区", "集美区", "海沧区"):
        (tmp_path / f"{region}.yaml").write_text(text.replace("region: 湖里区", f"region: {region}"), "utf-8")
    monkeypatch.chdir(tmp_path)
    for run in (
        run_cli("check", ".", "-f", "markdown", "--lang", lang),
        run_process("check", ".", "-f", "markdown", "--lang", lang, cwd=tmp_path),
    ):
        assert run.exit_code == 1, run.stderr
        rows = _table(run.stdout, "| 指标 |" if lang == "zh" else "| Indicator |")[2:]
        assert rows[0].endswith("(part\\_shortcomings\\_causes) | 4 |"), rows
        # then the seven warnings, then the notes
        assert {row.rsplit("(", 1)[1].split(")")[0] for row in rows[1:8]} == {
            "gi\\_request\\_reply\\_timely\\_rate", "legal\\_advisor\\_coverage", "mad\\_collective\\_decision\\_rate",
            "mad\\_legality\\_review\\_rate", "nd\\_legality\\_review\\_rate", "report\\_published\\_by",
            "township\\_delegation\\_evaluated",
        }  # fmt: skip


def test_errors_and_warnings_open_notes_folded_under_them(batch3) -> None:
    """A reviewer reads a report's errors and warnings at once; its notes wait in a closed block under
    them. In a batch a report with errors (or one not checked) is open, one with warnings at most
    closed. Rendered by markdown-it-py as GitHub reads it: the blank line after each <summary> makes the
    list inside a list."""
    page = _rendered(markdown.render(batch3))
    blocks = re.findall(r"<details( open)?>\n<summary>(.*?)</summary>", page)
    assert [(opened, title.split(" — ")[0]) for opened, title in blocks] == [
        (" open", "厦门市湖里区 2024"),
        ("", "提示 3"),
        (" open", "reports/思明区,2024:bad.yaml"),
        ("", "厦门市思明区 2023"),
    ]
    huli = page[page.index("厦门市湖里区 2024") : page.index("<summary>提示 3</summary>")]
    notes = page[page.index("<summary>提示 3</summary>") : page.index("</details>")]
    assert re.findall(r"<li><strong>(.*?)</strong>", huli) == [
        *("未填报 · 错误", "未填报 · 错误", "无效 · 错误"),
        *("未达标 · 警告", "无法确认 · 警告", "未填报 · 警告"),
    ]
    assert re.findall(r"<li><strong>(.*?)</strong>", notes) == ["未填报 · 提示", "未知指标 · 提示", "未知指标 · 提示"]
    assert "<ul>" in notes  # a list, not the item's source shown as text
