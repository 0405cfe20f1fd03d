"""`--format parsable`: `path:line:col: [severity] message (rule)`, one line per issue."""

from __future__ import annotations

from reporter_fixtures import BAD, CONTROL_SHOWN, HULI, ISSUES

from hulifa.model import CheckResult
from hulifa.reporters import parsable


def test_lines(batch) -> None:
    out = parsable.render(batch)
    assert out.endswith("\n") and not out.endswith("\n\n")
    lines = out.splitlines()
    assert len(lines) == ISSUES
    assert lines == [
        f"{HULI}:1:1: [info] 未写明报送日期 (report_submitted_by)",
        f"{HULI}:8:1: [error] 缺少第二部分: 存在的不足 (part_shortcomings_causes)",
        f"{HULI}:8:1: [error] 缺少第二部分: 原因分析 (part_shortcomings_causes)",
        f"{HULI}:12:3: [warning] 公开征求意见期限 20 日,少于 30 日 [bold red]注意[/bold red]"
        " 第二行: 100% 完成, a|b (mad_public_comment_days)",
        f"{HULI}:14:3: [error] {CONTROL_SHOWN} (enforcement_training_hours)",
        f"{HULI}:20:3: [warning] 「约99%」无法确认是否达到 100% (ar_lawful_acceptance_rate)",
        f"{HULI}:22:3: [info] 规则包中没有指标 `<script>` (hulifa.unknown_indicator)",
        f"{HULI}:23:3: [info] 规则包中没有指标「另一个|未知`指标`」 (hulifa.unknown_indicator)",
        f"{HULI}:40:1: [warning] 报告未写明党政机关法律顾问设立率 (legal_advisor_coverage)",
        f"{BAD}:3:7: [error] YAML 语法错误: 第 3 行 缩进不一致 (hulifa.input)",
    ]


def test_english(batch) -> None:
    lines = parsable.render(batch, "en").splitlines()
    assert lines[3] == (
        f"{HULI}:12:3: [warning] Public comment period 20 days, below 30: see 100%, a,b (mad_public_comment_days)"
    )
    assert lines[-1] == (f"{BAD}:3:7: [error] YAML syntax error: line 3 inconsistent indentation (hulifa.input)")


def test_empty() -> None:
    assert parsable.render(CheckResult(reports=())) == ""
