"""End to end: `hulifa check report.txt` gives the same verdict as `hulifa check` on the YAML that
`hulifa extract` writes from it, on every sample of the tuning set and on the Huli report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from hulifa.extract import extract_text, read_text
from hulifa.extract.output import to_report_yaml
from hulifa.model import ReportResult, RulePack
from hulifa.runner import check_file

HERE = Path(__file__).resolve().parent
SAMPLES = sorted(p for p in (HERE / "samples").glob("*/input.*") if p.suffix != ".py")
INPUTS = [HERE.parent / "data" / "huli-2024-report.txt", *SAMPLES]
TODAY = dt.date(2026, 1, 1)  # deadline rules compare against a fixed day, not the wall clock


def _verdict(result: ReportResult) -> Counter[tuple[str, str, str]]:
    # the note naming a fallback encoding belongs to the file read, and the draft is always UTF-8
    return Counter((f.rule, f.status.value, f.severity.value) for f in result.findings if f.rule != "hulifa.encoding")


@pytest.mark.parametrize("source", INPUTS, ids=[p.parent.name if p.stem == "input" else p.stem for p in INPUTS])
def test_text_and_extracted_yaml_give_the_same_verdict(pack: RulePack, tmp_path: Path, source: Path) -> None:
    text, _ = read_text(source)
    draft = tmp_path / "report.yaml"
    draft.write_text(to_report_yaml(extract_text(text, pack), source.name), encoding="utf-8")
    from_text = check_file(str(source), pack, today=TODAY)
    from_yaml = check_file(str(draft), pack, today=TODAY)
    assert from_text.checked and from_yaml.checked, (from_text.findings[:1], from_yaml.findings[:1])
    assert _verdict(from_text) == _verdict(from_yaml)
    assert from_text.worst() == from_yaml.worst()


def test_a_table_of_targets_states_no_result(pack: RulePack, tmp_path: Path) -> None:
    """A report's table of the year's targets (指标 | 目标值) states no result: its ≥100% is missing, never a
    pass, through the CLI as through the library (it read as the year's figure, and passed)."""
    from clihelp import run_cli

    report = tmp_path / "report.txt"
    report.write_text(
        "某某区人民政府关于2025年法治政府建设情况的报告\n"
        "2025年,某某区坚持依法行政,全面推进法治政府建设,各项工作取得新进展,行政机关负责人依法履行出庭应诉职责。\n"
        "指标\t目标值\n重大行政决策合法性审查率\t≥100%\n行政机关负责人出庭应诉率\t≥90%\n",
        encoding="utf-8",
    )
    from hulifa.reportdata import TextHints

    result = check_file(str(report), pack, today=TODAY, hints=TextHints(level="district", region="某某区"))
    statuses = {f.rule: f.status.value for f in result.findings}
    assert statuses["mad_legality_review_rate"] == "missing"
    assert statuses["agency_head_appearance_rate"] == "missing"
    hints = ("--region", "某某区", "--level", "district")
    run = run_cli("check", str(report), *hints, "-f", "parsable", "--fail-on", "never")
    assert run.exit_code == 0 and "(mad_legality_review_rate)" in run.stdout
    assert "报告未填报「重大行政决策合法性审查率」" in run.stdout
