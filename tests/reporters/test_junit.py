"""`--format junit`: plain JUnit XML with correct totals, unique names and no invalid characters."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reporter_fixtures import BAD, CONTROL_SHOWN, HULI, HULI_REPORT, PACK

from hulifa.model import CheckResult, ReportResult, Severity, Status
from hulifa.reporters import junit

# The elements and attributes GitLab and Jenkins read; anything else might be rejected.
ALLOWED = {
    "testsuites": {"name", "tests", "failures", "errors", "skipped", "time"},
    "testsuite": {"name", "tests", "failures", "errors", "skipped", "time"},
    "properties": set(),
    "property": {"name", "value"},
    "testcase": {"name", "classname", "time"},
    "failure": {"type", "message"},
    "error": {"type", "message"},
    "skipped": {"message"},
    "system-out": set(),
}


def _root(result: CheckResult, lang: str = "zh") -> ET.Element:
    return ET.fromstring(junit.render(result, lang).encode("utf-8"))


def _case(suite: ET.Element, prefix: str) -> ET.Element:
    matches = [c for c in suite.iter("testcase") if c.get("name", "").startswith(prefix)]
    assert len(matches) == 1, [c.get("name") for c in matches]
    return matches[0]


def test_structure_and_totals(batch) -> None:
    root = _root(batch)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [HULI, BAD]
    assert not root.findall(".//testsuite/testsuite")  # no nested suites

    huli, bad = suites
    # 11 findings: 1 pass, 6 failures (error/warning), 3 info notes (2 unknown + 1 missing),
    # 1 not applicable.
    assert {k: huli.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "11",
        "failures": "6",
        "errors": "0",
        "skipped": "1",
    }
    assert {k: bad.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "1",
        "failures": "0",
        "errors": "1",
        "skipped": "0",
    }
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "12",
        "failures": "6",
        "errors": "1",
        "skipped": "1",
    }
    # Totals agree with the elements actually written, on every suite.
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("errors")) == len(suite.findall("testcase/error"))
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))


def test_only_plain_junit_elements_and_attributes(batch) -> None:
    for el in _root(batch).iter():
        assert el.tag in ALLOWED, el.tag
        assert set(el.attrib) <= ALLOWED[el.tag], (el.tag, el.attrib)


def test_properties(batch) -> None:
    huli, bad = _root(batch).findall("testsuite")
    props = {p.get("name"): p.get("value") for p in huli.iter("property")}
    assert props["region"] == "厦门市湖里区"
    assert props["year"] == "2024"
    assert props["level"] == "district"
    assert props["checked"] == "true"
    assert props["rule_pack"] == "default 2026.1"
    assert {p.get("name"): p.get("value") for p in bad.iter("property")}["checked"] == "false"


def test_outcomes_per_finding(batch) -> None:
    huli, bad = _root(batch).findall("testsuite")
    passed = _case(huli, "report_published_by — 年度报告向社会公开")
    assert list(passed) == []  # a plain pass
    assert passed.get("classname") == HULI

    shortfall = _case(huli, "mad_public_comment_days — 重大行政决策公开征求意见期限")
    failure = shortfall.find("failure")
    assert failure is not None and failure.get("type") == "warning"
    # The message attribute is one line; the body has the details.
    assert failure.get("message") == (
        "公开征求意见期限 20 日,少于 30 日 [bold red]注意[/bold red] 第二行: 100% 完成, a|b"
    )
    body = failure.text or ""
    assert "目标: ≥ 30 日" in body
    assert "实际: 20 日" in body
    assert "差距: 差 10 日" in body
    assert "依据(法律法规): 《重大行政决策程序暂行条例》 第十五条" in body  # the strength in words
    assert f"位置: {HULI}:12:3" in body
    assert "Public comment period 20 days" not in body  # --lang zh: Chinese only

    invalid = _case(huli, "enforcement_training_hours")
    assert invalid.find("failure").get("type") == "error"

    info = _case(huli, "report_submitted_by")
    assert info.find("failure") is None and info.find("error") is None
    assert "未写明报送日期" in info.find("system-out").text

    na = _case(huli, "leader_pre_appointment_law_exam")
    assert na.find("skipped").get("message") == "该指标不适用于区级"

    (unchecked,) = bad.findall("testcase")
    error = unchecked.find("error")
    assert error.get("type") == "hulifa.input"
    assert error.get("message") == "YAML 语法错误: 第 3 行 缩进不一致"
    assert f"{BAD}:3:7" in error.text


def test_names_unique_and_deterministic(batch) -> None:
    huli = _root(batch).find("testsuite")
    names = [c.get("name") for c in huli.findall("testcase")]
    assert len(names) == len(set(names))
    # Two findings share rule id, line and column: the second gets an ordinal.
    assert [n for n in names if n.startswith("part_shortcomings_causes")] == [
        "part_shortcomings_causes — 存在的不足和原因 @8:1",
        "part_shortcomings_causes — 存在的不足和原因 @8:1 #2",
    ]
    # Same rule id, different names: no suffix needed.
    assert "hulifa.unknown_indicator — <script>alert(1)</script>指标" in names
    assert "hulifa.unknown_indicator — 另一个|未知`指标`" in names


def test_case_names_same_rule_different_lines() -> None:
    f = HULI_REPORT.findings[2]  # part_shortcomings_causes at 8:1
    g = f._replace(position=f.position._replace(line=9))
    h = g
    report = ReportResult(file="r.yaml", findings=(f, g, h))
    assert junit.case_names(report) == [
        "part_shortcomings_causes — 存在的不足和原因 @8:1",
        "part_shortcomings_causes — 存在的不足和原因 @9:1",
        "part_shortcomings_causes — 存在的不足和原因 @9:1 #2",
    ]


def test_xml_invalid_characters_shown(batch) -> None:
    out = junit.render(batch)
    for ch in ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x1f"]:
        assert ch not in out
    assert "\\x1b[31m" in out  # the sequence is shown, not obeyed
    invalid = _case(_root(batch).find("testsuite"), "enforcement_training_hours")
    assert invalid.find("failure").get("message") == CONTROL_SHOWN


def test_hostile_name_escaped_in_xml(batch) -> None:
    out = junit.render(batch)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;指标" in out
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')


def test_unchecked_report_without_findings_still_errors() -> None:
    report = ReportResult(file="gone.yaml", findings=(), checked=False)
    root = _root(CheckResult(reports=(report,), pack=None))
    assert root.get("errors") == "1" and root.get("tests") == "1"
    assert root.find("testsuite/testcase/error").get("type") == "hulifa.input"


def test_empty_run_and_no_pack() -> None:
    root = _root(CheckResult(reports=()))
    assert root.tag == "testsuites" and root.get("tests") == "0" and list(root) == []
    root = _root(CheckResult(reports=(HULI_REPORT,), pack=None))
    props = {p.get("name") for p in root.iter("property")}
    assert "rule_pack" not in props and root.get("tests") == "11"


def test_english_messages_and_case_names(batch) -> None:
    """Under --lang en the cases were named in Chinese ("mad_public_comment_days — 重大行政决策…"): now
    in English, each still led by its rule id, so the same test is the same id in either language."""
    zh, en = _root(batch), _root(batch, "en")
    zh_names, en_names = [c.get("name") for c in zh.iter("testcase")], [c.get("name") for c in en.iter("testcase")]
    assert [n.split(" — ")[0] for n in zh_names] == [n.split(" — ")[0] for n in en_names]
    assert "mad_public_comment_days — 重大行政决策公开征求意见期限" in zh_names
    assert "mad_public_comment_days — Public comment period: 30 days, 100%, a:b" in en_names
    assert "hulifa.unknown_indicator — another|unknown" in en_names
    shortfall = _case(en.find("testsuite"), "mad_public_comment_days")
    failure = shortfall.find("failure")
    assert failure.get("message") == "Public comment period 20 days, below 30: see 100%, a,b"
    assert "Target: ≥ 30 days" in shortfall.find("failure").text


def test_severity_none_issue_is_a_note() -> None:
    # Defensive: an issue status with severity none must not count as a failure.
    f = HULI_REPORT.findings[3]._replace(status=Status.SHORTFALL, severity=Severity.NONE)
    root = _root(CheckResult(reports=(ReportResult(file="x.yaml", findings=(f,)),), pack=PACK))
    assert root.get("failures") == "0"
    assert root.find(".//system-out") is not None


def _moved(report: ReportResult, file: str, line_shift: int) -> ReportResult:
    """The same findings in another file, each a few lines further down."""
    findings = tuple(
        f._replace(position=f.position._replace(file=file, line=f.line + line_shift)) for f in report.findings
    )
    return report._replace(file=file, findings=findings)


def test_a_suite_is_the_same_whatever_came_before_it() -> None:
    # The writer makes what recurs across reports once (names, skipped tests): what a report gets
    # must not depend on the reports before it, and each finding keeps its own place.
    other = _moved(HULI_REPORT, "reports/other.yaml", 40)
    shared = junit.writer(PACK, "zh", Severity.WARNING)
    first, second = shared.item(HULI_REPORT), shared.item(other)
    assert first == junit.writer(PACK, "zh", Severity.WARNING).item(HULI_REPORT)
    assert second == junit.writer(PACK, "zh", Severity.WARNING).item(other)
    failure = next(f for f in other.findings if f.status is Status.SHORTFALL)
    assert f"reports/other.yaml:{failure.line}:" in second and f"reports/other.yaml:{failure.line}:" not in first
