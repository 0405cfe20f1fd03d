"""The CLI as a user meets it: the Huli check, exit codes, files written, table rendering."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

import hulifa
from clihelp import HULI_DATA, MINIMAL, ROOT, run_cli
from hulifa.model import Status
from hulifa.reporters.json_ import expand


def _findings(stdout: str) -> dict[str, dict]:
    report = expand(json.loads(stdout))["reports"][0]
    return {f["rule"]: f for f in report["findings"]}


def test_huli_check_is_honest() -> None:
    """Compare with the hand map in reference/domain.md §5."""
    run = run_cli("check", str(HULI_DATA), "--format", "json")
    assert run.exit_code == 1  # the missing causes are an error
    f = _findings(run.stdout)
    # what the 2024 report meets: only rules with a target (or a duty) are "met"
    met = {rule for rule, finding in f.items() if finding["status"] == "pass"}
    assert met == {
        "agency_head_appearance_rate",
        "mad_catalogue_published",
        "principal_duty_in_annual_debrief",
        "enforcement_three_systems",  # "全面落实行政执法三项制度", recorded as what it is
        "part_measures",
        "part_first_responsible",
        "part_next_year",
    }
    # figures with no target are stated, never "met"; the 复议 rates have no statutory target
    assert f["ar_registration_rate"]["status"] == "stated"
    assert f["ar_lawful_acceptance_rate"]["status"] == "stated"
    assert f["ar_case_count"]["status"] == "stated"
    summary = json.loads(run.stdout)["reports"][0]["summary"]
    assert (summary["pass"], summary["stated"]) == (len(met), 23)
    # counts shared with the Party committee cannot settle the government's own count
    for rule, body in (("exec_meeting_hears_fzzf_count", "区委常委会"), ("exec_meeting_law_study_count", "区委")):
        assert f[rule]["status"] == "unverifiable", rule
        assert body in f[rule]["message"] and body in f[rule]["gap"]
    assert not [x for x in f.values() if x["message"].startswith("规则包中没有指标")]
    # what it does not state
    for rule in (
        "mad_legality_review_rate",
        "nd_legality_review_rate",
        "legal_advisor_coverage",
        "enforcement_training_hours",
        "npc_suggestion_handled_rate",
    ):
        assert f[rule]["status"] == "missing", rule
    # which parts are partial: 不足 without 原因
    part2 = f["part_shortcomings_causes"]
    assert (part2["status"], part2["severity"], part2["gap"]) == ("shortfall", "error", "缺少:不足的原因")
    # which figures are approximate
    assert f["leader_law_training_count"]["bound"] == "lower"
    assert f["dispute_resolved_count"]["bound"] == "lower"
    assert f["petition_resolution_rate"]["bound"] == "lower"
    assert f["exec_meeting_hears_fzzf_count"]["bound"] == "upper"
    # an UNCONFIRMED target never fails the run
    assert f["enforcement_training_hours"]["severity"] != "error"
    # every finding carries its evidence or its basis
    assert "1700余人次" in f["leader_law_training_count"]["evidence"]
    assert f["mad_legality_review_rate"]["basis"]["strength"] == "HARD-LAW"


def test_huli_table_lists_problems_and_bounds() -> None:
    run = run_cli("check", str(HULI_DATA))
    assert run.exit_code == 1
    out = run.stdout
    assert "湖里区 2024" in out
    assert "存在的不足和原因" in out and "缺少:不足的原因" in out
    assert "重大行政决策合法性审查率" in out
    assert "行政机关负责人出庭应诉率" not in out  # met: only listed with --all
    assert "1700余人次(下限)" in out
    assert "规则包要求 66 项" in out and "已填报 23" in out
    assert "行政机关负责人出庭应诉率" in run_cli("check", str(HULI_DATA), "--all").stdout


def test_english_messages() -> None:
    run = run_cli("check", str(HULI_DATA), "--lang", "en")
    assert "Indicator" in run.stdout and "66 required, " in run.stdout


def test_exit_codes(write) -> None:  # type: ignore[no-untyped-def]
    clean = write("clean.yaml", MINIMAL + "  出庭应诉率: 100%\n")
    assert run_cli("check", str(clean)).exit_code == 0
    warn = write("warn.yaml", MINIMAL + "  出庭应诉率: 90%\n")
    assert run_cli("check", str(warn)).exit_code == 0
    assert run_cli("check", str(warn), "--fail-on", "warning").exit_code == 1
    assert run_cli("check", str(warn), "--fail-on", "info").exit_code == 1
    bad = write("bad.yaml", MINIMAL + "  重大行政决策合法性审查率: 90%\n")
    assert run_cli("check", str(bad)).exit_code == 1
    assert run_cli("check", str(bad), "--fail-on", "never").exit_code == 0
    broken = write("broken.yaml", "region: [\n")
    run = run_cli("check", str(broken))
    assert run.exit_code == 2 and "broken.yaml:" in run.stderr and "Traceback" not in run.stderr
    assert run_cli("check", str(bad), "--rules", str(broken)).exit_code == 2


def test_not_a_report(write) -> None:  # type: ignore[no-untyped-def]
    for text in ("- a\n- b\n", "just text\n", "foo: 1\n"):
        run = run_cli("check", str(write("x.yaml", text)))
        assert run.exit_code == 2
        assert "不是报告数据文件" in run.stderr or "not a report" in run.stderr


def test_batch_with_a_broken_file_checks_the_rest(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("reports/a/2024.yaml", MINIMAL.replace("测试区", "甲区") + "  出庭应诉率: 100%\n")
    write("reports/b/2024.yaml", MINIMAL.replace("测试区", "乙区") + "  出庭应诉率: 80%\n")
    write("reports/c/2024.yaml", "region: 丙区\n  bad: [\n")
    run = run_cli("check", str(tmp_path / "reports"), "--format", "json")
    assert run.exit_code == 2  # one file could not be checked
    reports = json.loads(run.stdout)["reports"]
    assert [r["region"] for r in reports if r["checked"]] == ["甲区", "乙区"]
    assert [r["checked"] for r in reports] == [True, True, False]
    assert "c/2024.yaml" in run.stderr
    table = run_cli("check", str(tmp_path / "reports")).stdout
    assert "跨报告汇总" in table and "最常缺失或未达标的指标" in table


def test_globs_and_missing_paths(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write("r1.yaml", MINIMAL)
    write("r2.yaml", MINIMAL)
    run = run_cli("check", str(tmp_path / "r*.yaml"), "--format", "json")
    assert len(json.loads(run.stdout)["reports"]) == 2
    run = run_cli("check", str(tmp_path / "nope.yaml"), str(tmp_path / "r1.yaml"), "--format", "json")
    assert run.exit_code == 2
    assert "不存在" in run.stderr
    assert len(json.loads(run.stdout)["reports"]) == 2


def test_parallel_output_is_identical(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for i in range(6):
        write(f"many/r{i}.yaml", MINIMAL.replace("测试区", f"区{i}") + f"  出庭应诉率: {90 + i}%\n")
    folder = str(tmp_path / "many")
    serial = run_cli("check", folder, "--format", "json")
    parallel = run_cli("check", folder, "--format", "json", "--jobs", "2")
    assert serial.stdout == parallel.stdout and serial.exit_code == parallel.exit_code
    every_core = run_cli("check", folder, "--format", "parsable", "--jobs", "0")
    assert every_core.stdout == run_cli("check", folder, "--format", "parsable").stdout


def test_outputs_to_files_and_no_overwrite(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = write("r.yaml", MINIMAL + "  出庭应诉率: 90%\n")
    out_json, out_sarif = tmp_path / "out.json", tmp_path / "out.sarif"
    run = run_cli(
        "check",
        str(report),
        "-f",
        "table",
        "-f",
        "json",
        "-f",
        "sarif",
        "-o",
        f"json={out_json}",
        "-o",
        f"sarif={out_sarif}",
    )
    assert run.exit_code == 0
    assert "出庭应诉率" in run.stdout  # the table still goes to the terminal
    assert json.loads(out_json.read_text(encoding="utf-8"))["format_version"] == "3.0"
    assert json.loads(out_sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    before = out_json.read_bytes()
    run = run_cli("check", str(report), "-f", "json", "-o", str(out_json))
    assert run.exit_code == 2 and "--force" in run.stderr
    assert out_json.read_bytes() == before
    assert run_cli("check", str(report), "-f", "json", "-o", str(out_json), "--force").exit_code == 0
    run = run_cli("check", str(report), "-f", "json", "-f", "sarif")
    assert run.exit_code == 2 and "stdout" in run.stderr


def test_github_step_summary(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = write("r.yaml", MINIMAL + "  出庭应诉率: 90%\n")
    summary = tmp_path / "summary.md"
    run = run_cli("check", str(report), "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.stdout.startswith("::") and "::warning" in run.stdout
    assert "行政机关负责人出庭应诉率" in summary.read_text(encoding="utf-8")


def test_table_renders_chinese_at_fixed_width() -> None:
    from hulifa.reporters.table import render

    result = hulifa.check(str(HULI_DATA))
    for width in (140, 180):  # the full table; narrower, the compact layout (tests/reporters/test_table.py)
        text = render(result, "zh", width=width)
        table_lines = [line for line in text.splitlines() if line and line[0] in "┏┃┡│└"]
        assert table_lines, text
        # rich counts CJK characters as two cells: every row of the table is exactly as wide as the border
        assert {cell_len(line) for line in table_lines} == {cell_len(table_lines[0])}
        assert cell_len(table_lines[0]) <= width


def test_library_api_returns_data_without_printing(capsys: pytest.CaptureFixture[str]) -> None:
    result = hulifa.check([str(HULI_DATA)])
    assert capsys.readouterr() == ("", "")
    report = result.reports[0]
    assert report.region == "湖里区" and report.checked
    statuses = {f.rule: f.status for f in report.findings}
    assert statuses["part_shortcomings_causes"] is Status.SHORTFALL
    assert result.exit_code(None) == 0


def test_init_template_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "2025.yaml"
    run = run_cli("init", str(target), "--region", "湖里区", "--year", "2025", "--level", "district")
    assert run.exit_code == 0 and target.is_file()
    text = target.read_text(encoding="utf-8")
    assert "  # 重大行政决策合法性审查率 (%) 要求 = 100% · 依据(法律法规)\n" in text  # words, as check says it
    assert "HARD-LAW" not in text and "[PRACTICE]" not in text
    check = run_cli("check", str(target), "--format", "json")
    findings = json.loads(check.stdout)["reports"][0]["findings"]
    assert check.exit_code == 1
    assert not [f for f in findings if f["status"] in ("invalid", "unknown")]  # blanks are simply missing
    again = run_cli("init", str(target), "--region", "湖里区", "--year", "2025", "--level", "district")
    assert again.exit_code == 2 and target.read_text(encoding="utf-8") == text


def test_rules_list_and_show() -> None:
    listing = run_cli("rules", "list")
    assert listing.exit_code == 0 and "mad_legality_review_rate" in listing.stdout
    show = run_cli("rules", "show", "出庭应诉率")
    assert show.exit_code == 0
    assert "agency_head_appearance_rate" in show.stdout and "PRACTICE" in show.stdout and "行政诉讼法" in show.stdout
    assert "无法核实这些数字是否属实" in show.stdout and "cannot verify" not in show.stdout
    english = run_cli("rules", "show", "出庭应诉率", "--lang", "en").stdout
    assert "cannot verify that they are true" in english and "无法核实" not in english
    unknown = run_cli("rules", "show", "出庭率x")
    assert unknown.exit_code == 2 and "出庭应诉率" in unknown.stderr


@pytest.mark.parametrize("columns", [80, 100, 160])
def test_rules_list_shows_whole_ids_at_any_width(columns: int) -> None:
    listing = run_cli("rules", "list", env={"COLUMNS": str(columns)})
    assert listing.exit_code == 0
    lines = listing.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert [line for line in lines if line.endswith(" ")] == []  # rich pads cells; noise when copied or diffed
    rules = json.loads(run_cli("rules", "list", "--format", "json").stdout)["rules"]
    for rule in rules:  # every id whole, at the start of its own row; the name wraps instead
        assert any(re.match(rf"\s?{re.escape(rule['id'])}\s", line) for line in lines), rule["id"]
    assert "…" not in listing.stdout


def test_rules_list_as_json() -> None:
    listing = run_cli("rules", "list", "--format", "json")
    assert listing.exit_code == 0
    doc = json.loads(listing.stdout)
    assert doc["rule_pack"]["id"] == "default"
    by_id = {rule["id"]: rule for rule in doc["rules"]}
    published = by_id["report_published_by"]
    assert published["name"] == "年度报告向社会公开" and published["name_en"] == "Report made public before 1 April"
    assert published["target"] == "次年 04-01 之前" and published["severity"] == "error"
    assert published["missing_severity"] == "warning" and published["strength"] == "HARD-POLICY"
    town = json.loads(run_cli("rules", "list", "--level", "town", "--format", "json").stdout)["rules"]
    assert 0 < len(town) < len(doc["rules"])  # the filters apply to JSON too


def test_schema_command_prints_valid_schemas() -> None:
    import jsonschema
    import yaml

    for name in ("report", "rulepack"):
        run = run_cli("schema", name)
        assert run.exit_code == 0
        jsonschema.Draft202012Validator.check_schema(json.loads(run.stdout))
    report_schema = json.loads(run_cli("schema", "report").stdout)
    data = yaml.safe_load(HULI_DATA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft202012Validator(report_schema).iter_errors(data))


def test_help_explains() -> None:
    run = run_cli("check", "--help")
    assert run.exit_code == 0
    for word in ("--fail-on", "--format", "--rules", "--jobs", "FORMAT=FILE"):
        assert word in run.stdout


def test_installed_entry_point_never_shows_a_traceback(tmp_path: Path) -> None:
    """Through a real process, as CI runs it."""
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "hulifa.cli", "check", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "bad.yaml" in proc.stderr


def test_english_readers_get_english_targets_and_gaps() -> None:
    """Names may stay Chinese (they come from the pack), but targets, gaps and values in words are English."""
    import re

    folder = ROOT / "tests" / "cases"
    run = run_cli("check", str(folder / "shortfall-rate" / "report.yaml"), "--format", "json")
    f = _findings(run.stdout)["agency_head_appearance_rate"]
    assert (f["gap"], f["gap_en"]) == ("差 2.5 个百分点", "short by 2.5 points")
    huli = _findings(run_cli("check", str(HULI_DATA), "--format", "json").stdout)
    part2 = huli["part_shortcomings_causes"]
    assert part2["gap_en"] == "missing: causes of the shortcomings"
    assert part2["expected_en"].startswith("must contain: ")
    assert huli["ar_case_count"]["expected_en"] == "must be stated"
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for finding in huli.values():
        if finding["rule"].startswith("part_") or finding["status"] in ("missing", "shortfall"):
            assert not cjk.search(finding["gap_en"]), finding["gap_en"]
    markdown = run_cli("check", str(HULI_DATA), "--lang", "en", "--format", "markdown").stdout
    # a missing figure's gap is its status ("missing"), said once
    assert "Gap missing: causes of the shortcomings" in markdown and "Target must be stated" in markdown
