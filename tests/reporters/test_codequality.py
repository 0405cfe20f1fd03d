"""`--format codequality`: GitLab's Code Quality report, an issue a line, fingerprints that follow rule and file."""

from __future__ import annotations

import json

from reporter_fixtures import BAD, BAD_REPORT, BY_SEVERITY, HULI, HULI_REPORT, ISSUES, PACK

from hulifa.model import CheckResult, ReportResult
from hulifa.reporters import codequality


def _issues(result: CheckResult, lang: str = "zh") -> list[dict[str, object]]:
    issues = json.loads(codequality.render(result, lang))
    assert isinstance(issues, list)
    return issues


def test_one_issue_per_finding_that_is_an_issue_with_gitlab_fields(batch) -> None:
    issues = _issues(batch)
    assert len(issues) == ISSUES
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)
    severities = [i["severity"] for i in issues]
    # the file that could not be checked is critical, the other errors major
    assert [i["severity"] for i in issues if i["location"]["path"] == BAD] == ["critical"]
    assert severities.count("major") == BY_SEVERITY["error"] - 1
    assert (severities.count("minor"), severities.count("info")) == (BY_SEVERITY["warning"], BY_SEVERITY["info"])
    assert all(i["description"].endswith(f"({i['check_name']})") for i in issues if i["location"]["path"] == HULI)
    assert all(i["location"]["lines"]["begin"] >= 1 for i in issues)


def test_the_array_is_indented_and_each_issue_is_one_line(batch) -> None:
    text = codequality.render(batch)
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and text.endswith("\n")
    body = [line.removesuffix(",") for line in lines[1:-1]]
    assert [json.loads(line) for line in body] == _issues(batch)
    assert all(line.startswith("  {") for line in body)


def test_fingerprints_follow_the_rule_and_file_not_the_line() -> None:
    moved = HULI_REPORT._replace(
        findings=tuple(f._replace(position=f.position._replace(line=f.line + 7)) for f in HULI_REPORT.findings),
    )
    elsewhere = HULI_REPORT._replace(
        file="other.yaml",
        findings=tuple(f._replace(position=f.position._replace(file="other.yaml")) for f in HULI_REPORT.findings),
    )
    prints = [[i["fingerprint"] for i in _issues(CheckResult(reports=(r,), pack=PACK))] for r in (HULI_REPORT, moved)]
    assert prints[0] == prints[1]
    other = [i for i in _issues(CheckResult(reports=(HULI_REPORT, elsewhere), pack=PACK))]
    assert [i["location"]["path"] for i in other].count("other.yaml") == len(prints[0])
    assert not {i["fingerprint"] for i in other if i["location"]["path"] == "other.yaml"} & set(prints[0])
    # the same words in English, whatever --lang: the fingerprint does not change with the language
    assert [i["fingerprint"] for i in _issues(CheckResult(reports=(HULI_REPORT,), pack=PACK), "en")] == prints[0]


def test_no_issue_is_an_empty_array() -> None:
    clean = ReportResult(file="clean.yaml", findings=(), region="甲区", year=2024, required=1)
    assert codequality.render(CheckResult(reports=(clean,), pack=PACK)) == "[]\n"
    assert codequality.render(CheckResult(reports=(BAD_REPORT,), pack=None)).count("\n") == 3
