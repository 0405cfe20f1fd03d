"""`--format github`: workflow commands, escaped as the Actions runner unescapes them, most severe
first and as many of each type as GitHub shows, with a note on the rest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reporter_fixtures import BAD, BY_SEVERITY, CONTROL_SHOWN, HULI_REPORT, ISSUES

from clihelp import HULI_DATA, run_cli
from hulifa.model import CheckResult, ReportResult, Subject, Text, params
from hulifa.reporters import github, markdown

COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)$")


def _unescape_property(s: str) -> str:
    """What the runner does to a property value (actions/runner ActionCommand.UnescapeProperty)."""
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def _unescape_data(s: str) -> str:
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def test_escape_functions() -> None:
    assert github.escape_data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad"
    assert github.escape_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad"
    # % is escaped first, so an already-escaped-looking value survives a round trip.
    assert github.escape_data("%0A") == "%250A"
    assert _unescape_data(github.escape_data("%0A and\n")) == "%0A and\n"
    assert _unescape_property(github.escape_property("x%3Ay:z,w")) == "x%3Ay:z,w"


def test_one_command_per_issue(batch) -> None:
    out = github.render(batch)
    lines = out.splitlines()
    assert out.endswith("\n")
    assert len(lines) == ISSUES
    assert all(COMMAND.match(line) for line in lines), [x for x in lines if not COMMAND.match(x)]
    kinds = [COMMAND.match(line).group(1) for line in lines]
    assert kinds.count("error") == BY_SEVERITY["error"]
    assert kinds.count("warning") == BY_SEVERITY["warning"]
    assert kinds.count("notice") == BY_SEVERITY["info"]
    assert kinds == sorted(kinds, key=github.ORDER.index)  # errors, then warnings, then notices


def test_exact_line_with_escapes_in_message(batch) -> None:
    lines = github.render(batch).splitlines()
    shortfall = next(line for line in lines if "mad_public_comment_days" in line)
    assert shortfall == (
        "::warning file=reports/湖里区 2024.yaml,line=12,col=3,"
        "title=重大行政决策公开征求意见期限 (mad_public_comment_days)"
        "::公开征求意见期限 20 日,少于 30 日 [bold red]注意[/bold red]%0A第二行: 100%25 完成, a|b"
        "%0A目标: ≥ 30 日%0A实际: 20 日%0A差距: 差 10 日"
        "%0A依据(法律法规): 《重大行政决策程序暂行条例》 第十五条"
    )
    # The message keeps ':' and ',' (only properties escape them), and unescapes to the original.
    message = COMMAND.match(shortfall).group(6)
    assert _unescape_data(message).startswith(
        "公开征求意见期限 20 日,少于 30 日 [bold red]注意[/bold red]\n第二行: 100% 完成, a|b\n目标"
    )


def test_escapes_in_properties(batch) -> None:
    line = next(x for x in github.render(batch).splitlines() if "hulifa.input" in x)
    # The file name has ',' and ':'; both must be escaped or the runner splits the property list.
    assert line.startswith("::error file=reports/思明区%2C2024%3Abad.yaml,line=3,col=7,")
    match = COMMAND.match(line)
    assert _unescape_property(match.group(2)) == BAD
    assert _unescape_data(match.group(6)) == "YAML 语法错误: 第 3 行\n缩进不一致"

    hostile = HULI_REPORT.findings[4]._replace(
        subject=Subject("mad_public_comment_days", "率: 100%, 第一\n第二"),
        params=params(text=Text("a\r\nb", "a")),
        stated="",
        gap=None,
    )
    line = github.annotation(hostile)
    assert "title=率%3A 100%25%2C 第一%0A第二 (mad_public_comment_days)::a%0Ab" in line
    assert "\n" not in line and "\r" not in line


def test_title_in_english(batch) -> None:
    line = next(x for x in github.render(batch, "en").splitlines() if "mad_public_comment_days" in x)
    assert "title=Public comment period%3A 30 days%2C 100%25%2C a%3Ab (mad_public_comment_days)" in line
    assert "::Public comment period 20 days, below 30:%0Asee 100%25, a,b%0ATarget" in line


def test_no_terminal_escapes(batch) -> None:
    out = github.render(batch)
    assert "\x1b" not in out and "\x00" not in out
    assert CONTROL_SHOWN in out  # shown, not obeyed or hidden


def test_clean_run_prints_nothing() -> None:
    passes = tuple(f for f in HULI_REPORT.findings if f.status.value in ("pass", "not_applicable"))
    result = CheckResult(reports=(ReportResult(file="ok.yaml", findings=passes),))
    assert github.render(result) == ""


def test_step_summary_is_the_markdown(batch3) -> None:
    summary = github.step_summary(batch3, "zh")
    assert summary == markdown.render(batch3, "zh")  # small: nothing cut
    assert "<details>" in summary and "最常缺失" in summary


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_most_severe_first_ten_of_each_type_and_a_note(thirty: Path, jobs: str) -> None:
    run = run_cli("check", str(thirty), "--format", "github", "--jobs", jobs, env={"GITHUB_STEP_SUMMARY": ""})
    assert run.exit_code == 1, run.stderr
    lines = run.stdout.splitlines()
    kinds = [line[2 : line.index(" ")] for line in lines]
    assert kinds == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 10
    # stable within a type: the first reports' findings, in input order
    assert "r00/2024.yaml" in lines[0] and "r09/2024.yaml" in lines[9]
    note = lines[-1]
    assert note.startswith("::notice title=hulifa%3A更多问题::另有 1,051 条注释未显示")
    assert "错误 20 条,警告 200 条,提示 831 条" in note and "--format parsable" in note


def test_one_report_shows_nine_notices_and_the_note() -> None:
    run = run_cli("check", str(HULI_DATA), "--format", "github", "--lang", "en", env={"GITHUB_STEP_SUMMARY": ""})
    lines = run.stdout.splitlines()
    kinds = [line[2 : line.index(" ")] for line in lines]
    assert kinds[:8] == ["error"] + ["warning"] * 7
    assert len(lines) == 1 + 7 + 9 + 1  # 28 notices: 9 shown, then the note
    assert lines[-1].startswith("::notice title=hulifa%3A more findings::19 more annotations not shown (19 notices)")
