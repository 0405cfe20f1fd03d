"""`--format markdown` for a pull request: summary first, details folded, within GitHub's limits."""

from __future__ import annotations

import re
from pathlib import Path

from clihelp import HULI_DATA, run_cli
from hulifa.reporters.markdown import COMMENT_LIMIT, STEP_SUMMARY_LIMIT


def _markdown(*args: str) -> str:
    run = run_cli("check", *args, "--format", "markdown", env={"GITHUB_STEP_SUMMARY": ""})
    assert run.exit_code == 1, run.stderr
    return run.stdout


def test_summary_first_then_folded_details(thirty: Path) -> None:
    out = _markdown(str(thirty), "--max-bytes", "0")
    lines = out.splitlines()
    assert lines[2] == "**检查 30 份报告:30 份有错误,0 份仅有警告,0 份无错误和警告**"
    table = [line for line in lines if re.match(r"\| .*2024\.yaml \| 湖里区 \| 2024 \|", line)]
    assert len(table) == 30 and table[0].endswith("| 1 | 7 | 28 | 错误 |")
    assert out.index("| 文件 |") < out.index("<details")  # the overview comes before any detail
    # each report has an error, so each is open; its 28 notes are folded in a block of their own
    assert out.count("<details open>") == 30 and out.count("<details>") == 30 and out.count("</details>") == 60
    assert out.count("<summary>提示 28</summary>") == 30
    assert "为不超过" not in out and len(out) > COMMENT_LIMIT  # nothing cut without a budget


def test_default_budget_is_a_github_comment(thirty: Path) -> None:
    """Over the budget, the notes go before any report's errors and warnings: all 30 reports keep
    theirs (each a whole block), and the end says what was left out and how to get it. Before, 5
    reports were shown with everything and 25 with nothing."""
    out = _markdown(str(thirty))
    assert len(out) <= COMMENT_LIMIT  # characters, as GitHub counts them (the bytes are more: CJK)
    kept = out.count("<details open>")
    assert kept > 25  # the paths of pytest's folders are long: 30 fit with reports/r00/2024.yaml
    assert out.count("- **未达标 · 错误** 存在的不足和原因") == kept and out.count("- **未填报 · 警告**") == kept * 7
    full = out.count("<summary>提示 28</summary>")
    lean = out.count("*提示 28:为不超过篇幅未列出,见文末。*")
    assert full + lean == kept and lean > 0
    assert out.count("<details") == out.count("</details>") == kept + full  # no block cut mid-way
    note = out.rstrip().splitlines()[-1]
    assert note.startswith("> **为不超过 65,536 字符,未列出:** ") and "--max-bytes 0" in note
    assert f"{lean} 份报告的提示" in note and (f"{30 - kept} 份报告的详情" in note) is (kept < 30)
    assert len(re.findall(r"^\| .*2024\.yaml \|", out, flags=re.M)) == 30  # every report keeps its row


def test_a_smaller_budget_leaves_out_whole_reports_last(thirty: Path) -> None:
    out = _markdown(str(thirty), "--max-bytes", "20000", "--lang", "en")
    assert len(out) <= 20_000
    kept = out.count("<details open>")
    assert 0 < kept < 30 and "<summary>info 28</summary>" not in out
    assert out.count("*info 28: left out for length, see the end.*") == kept
    assert out.count("<details") == out.count("</details>") == kept
    assert out.rstrip().endswith("`--format html` / `--format json`.")
    assert f"the notes of {kept} reports and the details of {30 - kept} reports" in out


def test_a_tiny_budget_cuts_rows_after_details(thirty: Path) -> None:
    out = _markdown(str(thirty), "--max-bytes", "2000", "--lang", "en")
    assert len(out) <= 2000 and "<details" not in out
    rows = len(re.findall(r"^\| .*2024\.yaml \|", out, flags=re.M))
    assert 0 < rows < 30
    assert f"the details of 30 reports and {30 - rows} rows of the table" in out
    assert "**Checked 30 reports: 30 with errors" in out


def test_one_report_is_shown_open() -> None:
    out = _markdown(str(HULI_DATA))
    assert out.count("<details open>") == 1 and "为不超过" not in out
    # inside, the most severe findings first
    first = next(line for line in out.splitlines() if line.startswith("- **"))
    assert first.startswith("- **未达标 · 错误** 存在的不足和原因")


def test_step_summary_keeps_under_one_mebibyte(thirty: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    earlier = "x" * (STEP_SUMMARY_LIMIT - 20_000) + "\n"  # what earlier steps wrote
    summary.write_text(earlier, encoding="utf-8")
    run = run_cli("check", str(thirty), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.exit_code == 1, run.stderr
    data = summary.read_bytes()
    assert data.startswith(earlier.encode()) and len(data) <= STEP_SUMMARY_LIMIT
    added = data[len(earlier) :].decode("utf-8")
    assert "为不超过" in added and "字节" in added and re.search(r"\d+ 份报告的详情", added)
