"""Year over year: finding last year's file, trends with exact and bound values, the change shown on
every indicator, `hulifa diff`, and progress on last year's commitments. Real files, library and CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clihelp import run_cli
from hulifa import messages
from hulifa.indicator_intervals import trend_status
from hulifa.interval import INF, Interval
from hulifa.model import Direction, Status
from hulifa.reporters.json_ import expand
from hulifa.runner import check_paths

HEAD = """\
region: {region}
level: district
year: {year}
sections: [measures, shortcomings, causes, first_responsible, next_year]
"""

# A pack of our own: one indicator per trend kind (no figures from any real report).
PACK = """\
pack: trend-test
extends: default
indicators:
  - id: up_count
    name: 测试递增数
    unit: 件
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    trend: {direction: increase, severity: warning}
  - id: down_rate
    name: 测试递减率
    unit: "%"
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    trend: {direction: decrease, severity: warning}
  - id: keep_count
    name: 测试不减数
    unit: 条
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    trend: {direction: not_decrease, severity: warning}
  - id: cap_count
    name: 测试不增数
    unit: 次
    requirement: {kind: reported}
    severity: info
    basis: {document: 测试, strength: PRACTICE}
    trend: {direction: not_increase, severity: error}
"""


def _report(write, name: str, year: int, indicators: dict[str, str], region: str = "测试区", extra: str = "") -> Path:
    lines = [HEAD.format(region=region, year=year), extra, "indicators:\n"]
    lines += [f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in indicators.items()]
    return write(name, "".join(lines))


def _findings(result) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {f.rule: f for f in result.reports[0].findings}


@pytest.mark.parametrize(
    ("direction", "now", "then", "status"),
    [
        (Direction.INCREASE, Interval.exact(11), Interval.exact(10), Status.PASS),
        (Direction.INCREASE, Interval.exact(10), Interval.exact(10), Status.SHORTFALL),
        (Direction.DECREASE, Interval.exact(9), Interval.exact(10), Status.PASS),
        (Direction.DECREASE, Interval.exact(10), Interval.exact(10), Status.SHORTFALL),
        (Direction.NOT_DECREASE, Interval.exact(10), Interval.exact(10), Status.PASS),
        (Direction.NOT_DECREASE, Interval.exact(9), Interval.exact(10), Status.SHORTFALL),
        (Direction.NOT_INCREASE, Interval.exact(10), Interval.exact(10), Status.PASS),
        (Direction.NOT_INCREASE, Interval.exact(11), Interval.exact(10), Status.SHORTFALL),
        # "1700余" against 1800: could be either
        (Direction.NOT_DECREASE, Interval(1700, INF), Interval.exact(1800), Status.UNVERIFIABLE),
        # "1900余" against 1800: surely not a fall
        (Direction.NOT_DECREASE, Interval(1900, INF), Interval.exact(1800), Status.PASS),
        # "不足100" against 120: surely a fall
        (Direction.NOT_DECREASE, Interval(0, 100), Interval.exact(120), Status.SHORTFALL),
        (Direction.DECREASE, Interval(0, 5), Interval(6, INF), Status.PASS),
        (Direction.INCREASE, Interval(0, INF), Interval.exact(3), Status.UNVERIFIABLE),
    ],
)
def test_trend_kinds(direction: Direction, now: Interval, then: Interval, status: Status) -> None:
    assert trend_status(direction, now, then) is status


def test_previous_found_by_name_and_trends_checked(write) -> None:
    pack = write("pack.yaml", PACK)
    _report(write, "r/huli-2023.yaml", 2023, {"up_count": 10, "down_rate": "5%", "keep_count": 1800, "cap_count": 3})
    current = _report(
        write,
        "r/huli-2024.yaml",
        2024,
        {"up_count": 10, "down_rate": "4.5%", "keep_count": "1700余", "cap_count": 5, "主动公开条数": 300},
    )
    result = check_paths(str(current), str(pack))
    report = result.reports[0]
    assert report.previous.endswith("huli-2023.yaml")
    f = _findings(result)
    assert f["up_count.trend"].status is Status.SHORTFALL
    assert f["up_count.trend"].severity.value == "warning"
    assert f["down_rate.trend"].status is Status.PASS
    assert f["down_rate"].previous == "5%" and messages.change(f["down_rate"], "zh") == "-0.5 个百分点"
    assert f["keep_count.trend"].status is Status.UNVERIFIABLE
    assert messages.change(f["keep_count"], "zh").startswith("≥")
    assert f["cap_count.trend"].status is Status.SHORTFALL and f["cap_count.trend"].severity.value == "error"
    assert f["cap_count"].previous == "3" and messages.change(f["cap_count"], "en") == "+2 (+66.7%)"
    # 主动公开条数 is only in 2024: no previous, no change, no trend finding
    assert f["gi_proactive_count"].previous == ""
    assert "gi_proactive_count.trend" not in f
    assert result.exit_code(None) == 0


def test_default_pack_has_no_trend_without_a_source(write) -> None:
    """No note gives a source for a year-over-year rise in 主动公开条数: the change shows, no verdict."""
    _report(write, "2023.yaml", 2023, {"主动公开条数": 4000})
    current = _report(write, "2024.yaml", 2024, {"主动公开条数": "3668条"})
    f = _findings(check_paths(str(current)))
    assert "gi_proactive_count.trend" not in f
    assert messages.change(f["gi_proactive_count"], "zh") == "-332 (-8.3%)"


def test_a_rate_at_zero_that_stays_at_zero_has_not_failed_to_decrease(write) -> None:
    assert trend_status(Direction.DECREASE, Interval.exact(0), Interval.exact(0)) is Status.PASS
    assert trend_status(Direction.DECREASE, Interval.exact(1), Interval.exact(1)) is Status.SHORTFALL
    rules = write("pack.yaml", PACK)
    _report(write, "2023.yaml", 2023, {"down_rate": "0%"})
    current = _report(write, "2024.yaml", 2024, {"down_rate": "0%"})
    f = _findings(check_paths(str(current), str(rules)))
    assert f["down_rate.trend"].status is Status.PASS


def test_wrong_region_file_is_not_compared(write) -> None:
    _report(write, "2023.yaml", 2023, {"主动公开条数": 9999}, region="别的区")
    current = _report(write, "2024.yaml", 2024, {"主动公开条数": 10})
    result = check_paths(str(current))
    f = _findings(result)
    assert result.reports[0].previous == ""
    assert "gi_proactive_count.trend" not in f
    assert f["gi_proactive_count"].previous == ""
    note = f["hulifa.previous"]
    assert note.status is Status.NOT_APPLICABLE and "别的区" in messages.message(note, "zh")


def test_wrong_year_file_is_not_compared(write) -> None:
    _report(write, "2023.yaml", 2022, {"主动公开条数": 9999})
    current = _report(write, "2024.yaml", 2024, {"主动公开条数": 10})
    assert check_paths(str(current)).reports[0].previous == ""


def test_unreadable_previous_is_a_warning_not_a_crash(write) -> None:
    write("2023.yaml", "region: [unclosed\n")
    current = _report(write, "2024.yaml", 2024, {"主动公开条数": 10})
    run = run_cli("check", str(current), "--format", "json", "--fail-on", "warning")
    assert run.exit_code == 1, run.stderr
    findings = expand(json.loads(run.stdout))["reports"][0]["findings"]
    note = next(f for f in findings if f["rule"] == "hulifa.previous")
    assert note["severity"] == "warning" and "2023.yaml" in note["message"]


def test_explicit_previous_and_single_input_only(write) -> None:
    old = _report(write, "old/any-name.yaml", 2023, {"主动公开条数": 20})
    current = _report(write, "2024.yaml", 2024, {"主动公开条数": 10})
    run = run_cli("check", str(current), "--previous", str(old), "--format", "json")
    report = expand(json.loads(run.stdout))["reports"][0]
    assert report["previous"] == str(old)
    proactive = next(f for f in report["findings"] if f["rule"] == "gi_proactive_count")
    assert proactive["previous"] == "20" and proactive["change"] == "-10 (-50.0%)"
    two = run_cli("check", str(current), str(old), "--previous", str(old))
    assert two.exit_code == 2 and "--previous" in two.stderr


def test_table_shows_previous_columns_only_with_a_previous_year(write) -> None:
    _report(write, "a/2023.yaml", 2023, {"主动公开条数": 20})
    with_prev = _report(write, "a/2024.yaml", 2024, {"主动公开条数": 10})
    alone = _report(write, "b/2024.yaml", 2024, {"主动公开条数": 10})
    run = run_cli("check", str(with_prev), "--all")
    assert "上年" in run.stdout and "变化" in run.stdout and "-10 (-50.0%)" in run.stdout
    run = run_cli("check", str(alone), "--all")
    assert "上年" not in run.stdout


def test_diff_command(write) -> None:
    pack = write("pack.yaml", PACK)
    old = _report(write, "2023.yaml", 2023, {"up_count": 10, "down_rate": "5%", "keep_count": 1800})
    new = _report(write, "2024.yaml", 2024, {"up_count": 12, "down_rate": "5%", "cap_count": 2})
    run = run_cli("diff", str(old), str(new), "--rules", str(pack))
    assert run.exit_code == 0, run.stderr
    for text in ("测试递增数", "2023年", "2024年", "+2 (+20.0%)", "应高于上年:符合", "应低于上年:不符合", "—"):
        assert text in run.stdout, text
    en = run_cli("diff", str(old), str(new), "--rules", str(pack), "--lang", "en")
    for text in ("12 cases", "+2 (+20.0%)", "must rise from last year: met", "must fall from last year: missed"):
        assert text in en.stdout, text
    lines = run.stdout.splitlines() + en.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)  # rich pads cells; none of it reaches the output
    run = run_cli("diff", str(old), str(new), "--rules", str(pack), "--format", "json")
    doc = json.loads(run.stdout)
    rows = {r["rule"]: r for r in doc["rows"]}
    assert set(rows) == {"up_count", "down_rate", "keep_count", "cap_count"}
    assert rows["up_count"] == {
        "rule": "up_count",
        "name": "测试递增数",
        "name_en": "",
        "unit": "件",
        "old": "10",
        "new": "12",
        "change": "+2 (+20.0%)",
        "trend": "increase",
        "verdict": "pass",
    }
    assert rows["down_rate"]["verdict"] == "shortfall"
    assert rows["keep_count"]["new"] == "" and rows["keep_count"]["verdict"] == ""
    assert rows["cap_count"]["old"] == "" and rows["cap_count"]["change"] == ""
    assert doc["notes"] == []
    bad = run_cli("diff", str(old), str(write("nope.yaml", "- a list\n")))
    assert bad.exit_code == 2 and "nope.yaml:1:1" in bad.stderr


@pytest.mark.parametrize("columns", [80, 40])
def test_diff_table_fits_the_terminal(write, columns: int) -> None:
    """The table is as wide as the terminal (COLUMNS), not a fixed 160 cells: at 80 columns it had
    run to 104, each line wrapping on the screen and the box drawing broken."""
    from rich.cells import cell_len

    new = Path(__file__).parents[1] / "reports" / "huli" / "2024.yaml"
    old = write("2023.yaml", new.read_text(encoding="utf-8").replace("year: 2024", "year: 2023"))
    run = run_cli("diff", str(old), str(new), env={"COLUMNS": str(columns)})
    assert run.exit_code == 0, run.stderr
    widths = [cell_len(line) for line in run.stdout.splitlines()]
    assert max(widths) <= columns, max(widths)
    assert "湖里区: 2023 → 2024" in run.stdout and "590件" in run.stdout
    lines = run.stdout.splitlines()
    if columns == 40:  # each name whole on a line of its own, its figures under it (it had been 3 cells wide)
        assert "规范性文件合法性审核件数" in lines and "    2023年 5件 → 2024年 5件 · 变化 ±0" in lines
        assert not any("│" in line for line in lines)
        en = run_cli("diff", str(old), str(new), "--lang", "en", env={"COLUMNS": "40"}).stdout.splitlines()
        assert "Normative documents filed for the record" in en and max(cell_len(line) for line in en) <= 40
        assert "    2023: 1 case → 2024: 1 case · Change" in en
    else:  # wide enough for a column a year
        assert any(line.startswith("┃指标") for line in lines)


def test_diff_notes_other_region(write) -> None:
    old = _report(write, "2023.yaml", 2023, {"主动公开条数": 1}, region="甲区")
    new = _report(write, "2024.yaml", 2024, {"主动公开条数": 2}, region="乙区")
    doc = json.loads(run_cli("diff", str(old), str(new), "-f", "json").stdout)
    assert "甲区" in doc["notes"][0]["message"]


COMMITTED = """\
commitments:
  - {id: c1, text: 推进行政执法三项制度全覆盖}
  - {id: c2, text: 开展规范性文件清理}
"""


def test_commitments(write) -> None:
    _report(write, "2023.yaml", 2023, {"主动公开条数": 1}, extra=COMMITTED)
    current = _report(
        write, "2024.yaml", 2024, {"主动公开条数": 2}, extra="commitments_progress:\n  c1: 已在全区推行\n"
    )
    run = run_cli("check", str(current), "--format", "json", "--all", "--fail-on", "warning")
    assert run.exit_code == 1
    findings = {f["rule"]: f for f in expand(json.loads(run.stdout))["reports"][0]["findings"]}
    assert findings["commitment.c1"]["status"] == "pass"
    c2 = findings["commitment.c2"]
    assert c2["status"] == "missing" and c2["severity"] == "warning"
    assert "开展规范性文件清理" in c2["message"] and "2023.yaml:7" in c2["message"]
    assert c2["line"] == 5  # the line of commitments_progress in the later file
    without = _report(write, "x/2024.yaml", 2024, {"主动公开条数": 2})
    _report(write, "x/2023.yaml", 2023, {"主动公开条数": 1}, extra=COMMITTED)
    f = _findings(check_paths(str(without)))
    assert f["commitment.c1"].status is Status.MISSING and f["commitment.c1"].line == 1  # top: no progress section


def test_bad_commitments_are_input_errors(write) -> None:
    current = _report(write, "2024.yaml", 2024, {}, extra="commitments: {c1: x}\n")
    run = run_cli("check", str(current))
    assert run.exit_code == 2 and "2024.yaml:5" in run.stderr


def test_diff_exits_1_when_a_trend_fails_at_fail_on(write) -> None:
    pack = write("pack.yaml", PACK)
    old = _report(write, "2023.yaml", 2023, {"down_rate": "5%", "cap_count": 1})
    new = _report(write, "2024.yaml", 2024, {"down_rate": "5%", "cap_count": 1})
    # down_rate did not fall: a warning, below the default --fail-on error, as check counts it
    assert run_cli("diff", str(old), str(new), "--rules", str(pack)).exit_code == 0
    assert run_cli("diff", str(old), str(new), "--rules", str(pack), "--fail-on", "warning").exit_code == 1
    worse = _report(write, "2024b.yaml", 2024, {"down_rate": "4%", "cap_count": 3})  # cap_count rose: error
    assert run_cli("diff", str(old), str(worse), "--rules", str(pack)).exit_code == 1
    assert run_cli("diff", str(old), str(worse), "--rules", str(pack), "--fail-on", "never").exit_code == 0


def test_diff_of_a_shared_figure_says_why_it_has_no_change(write) -> None:
    # Huli's 12次 is shared with the district Party committee (bound upper): at most 12 each year, so the
    # change ran from -12 to 12 ("Change -12 to 12" under 12 times → 12 times); a reader is told why instead
    huli = (Path(__file__).parent.parent / "reports" / "huli" / "2024.yaml").read_text(encoding="utf-8")
    old = write("2023.yaml", huli.replace("year: 2024", "year: 2023", 1))
    new = write("2024.yaml", huli)
    zh = run_cli("diff", str(old), str(new), "--format", "json")
    rows = {r["rule"]: r for r in json.loads(zh.stdout)["rows"]}
    assert rows["exec_meeting_hears_fzzf_count"]["change"] == "无法确定(共用)"
    assert rows["nd_legality_review_count"]["change"] == "±0"  # a figure of its own: its change as before
    en = run_cli("diff", str(old), str(new), "--lang", "en", env={"COLUMNS": "200"})
    assert en.exit_code == 0, en.stderr
    assert "unknown (shared)" in en.stdout and "-12 to 12" not in en.stdout


def test_check_with_previous_says_a_shared_figure_has_no_change_of_its_own(write) -> None:
    # check's finding carried the same -12 至 12 as diff's row: both now take the change from one place
    huli = (Path(__file__).parent.parent / "reports" / "huli" / "2024.yaml").read_text(encoding="utf-8")
    old = write("2023.yaml", huli.replace("year: 2024", "year: 2023", 1))
    new = write("2024.yaml", huli)
    run = run_cli("check", str(new), "--previous", str(old), "--format", "json", "--fail-on", "never")
    findings = {f["rule"]: f for r in json.loads(run.stdout)["reports"] for f in r["findings"]}
    shared = findings["exec_meeting_hears_fzzf_count"]
    assert (shared["change"], shared["change_en"]) == ("无法确定(共用)", "unknown (shared)")
    assert findings["nd_legality_review_count"]["change"] == "±0"


def test_a_decimal_commitment_id_is_refused_with_the_way_to_write_it(write) -> None:
    # YAML reads `id: 1.10` as 1.1: check took it as "1.1" (and 1.1 beside it as the same id) where the report
    # schema refuses a decimal id; found by test_report_schema's generated documents
    current = _report(write, "2024.yaml", 2024, {}, extra="commitments: [{id: 1.10, text: 完善制度}]\n")
    run = run_cli("check", str(current), "--lang", "en")
    assert run.exit_code == 2 and "2024.yaml:5" in run.stderr and 'quote it, as "1.1"' in run.stderr
    quoted = _report(write, "2023.yaml", 2024, {}, extra='commitments: [{id: "1.10", text: 完善制度}]\n')
    assert run_cli("check", str(quoted), "--fail-on", "never").exit_code == 0

