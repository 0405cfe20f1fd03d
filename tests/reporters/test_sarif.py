"""`--format sarif`: schema-valid SARIF 2.1.0 with every pack rule, stable fingerprints, relative URIs."""

from __future__ import annotations

import copy
import importlib.metadata
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from reporter_fixtures import BAD_REPORT, BY_SEVERITY, CONTROL_SHOWN, HULI_REPORT, ISSUES, PACK

from hulifa import messages
from hulifa.model import CheckResult
from hulifa.reporters import sarif

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # The schema declares draft-07; validate with that draft's class, not whatever is newest.
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft7Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _doc(result: CheckResult, lang: str = "zh") -> dict[str, Any]:
    return json.loads(sarif.render(result, lang))


def _errors(validator: jsonschema.protocols.Validator, doc: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_validates_against_the_schema(validator, batch, no_pack) -> None:
    assert _errors(validator, _doc(batch)) == []
    assert _errors(validator, _doc(batch, "en")) == []
    assert _errors(validator, _doc(no_pack)) == []
    assert _errors(validator, _doc(CheckResult(reports=()))) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("runs", 0, "results", 0, "level"), "fatal"),  # not in the level enum
        (("runs", 0, "results", 0, "kind"), "broken"),  # not in the kind enum
        (("runs", 0, "results", 0, "locations", 0, "physicalLocation", "region", "startLine"), 0),
        (("version",), "2.0.0"),
        (("runs", 0, "tool", "driver", "rules", 0, "shortDescription"), {"markdown": "no text"}),
    ],
)
def test_negative_control_broken_sarif_fails(validator, batch, path, value) -> None:
    doc = copy.deepcopy(_doc(batch))
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert _errors(validator, doc), f"schema accepted a broken document at {path}"


def test_negative_control_missing_required_message(validator, batch) -> None:
    doc = _doc(batch)
    del doc["runs"][0]["results"][0]["message"]
    assert any("'message' is a required property" in e for e in _errors(validator, doc))


def test_driver_and_every_pack_rule(batch) -> None:
    run = _doc(batch)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "hulifa"
    assert driver["version"] == importlib.metadata.version("hulifa")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == [r.id for r in PACK.rules] + ["hulifa.unknown_indicator", "hulifa.input"]

    published = driver["rules"][0]
    assert published["name"] == "ReportPublishedBy"
    assert published["shortDescription"]["text"] == "年度报告向社会公开"
    assert published["fullDescription"]["text"] == "年度报告向社会公开:目标 次年 04-01 之前"
    assert published["properties"]["otherLanguage"] == {"lang": "en", "name": "Report made public before 1 April"}
    assert published["helpUri"] == "http://www.hnhs.gov.cn/22560/content_2139138.html"
    assert published["defaultConfiguration"] == {"level": "error"}
    assert "第二十四条" in published["help"]["text"]
    assert published["help"]["text"].startswith("依据(党政文件): ")  # the strength in words; its code:
    assert "4月1日之前" in published["help"]["text"]  # the rule's `why`
    assert published["properties"]["strength"] == "HARD-POLICY"
    assert published["properties"]["unit"] == "date"
    assert published["properties"]["requirement"] == {
        "kind": "deadline",
        "field": "published",
        "before": "04-01",
        "year_offset": 1,
    }

    comment = driver["rules"][ids.index("mad_public_comment_days")]
    assert "Public comment <b>at least</b> 30 days" in comment["help"]["text"]  # the basis note
    assert comment["properties"]["requirement"] == {"kind": "at_least", "target": 30}
    # No URL in the basis: no helpUri at all (an empty string is not a URI).
    training = driver["rules"][ids.index("enforcement_training_hours")]
    assert "helpUri" not in training
    # A NaN target becomes null, never NaN.
    assert training["properties"]["requirement"]["target"] is None


def test_results_one_per_issue_with_levels_and_kinds(batch) -> None:
    run = _doc(batch)["runs"][0]
    results = run["results"]
    assert len(results) == ISSUES
    rules = run["tool"]["driver"]["rules"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert "report_published_by" not in {r["ruleId"] for r in results}  # a pass
    assert "leader_pre_appointment_law_exam" not in {r["ruleId"] for r in results}  # not applicable

    by_rule = {r["ruleId"]: r for r in results}
    review = by_rule["ar_lawful_acceptance_rate"]
    assert review["kind"] == "review"
    assert review["level"] == "none"  # SARIF §3.27.10: a non-fail kind has level none
    assert review["properties"]["severity"] == "warning"
    assert [r["ruleId"] for r in results if r["kind"] == "review"] == ["ar_lawful_acceptance_rate"]

    fails = [r for r in results if r["kind"] == "fail"]
    counted = {lvl: sum(r["level"] == lvl for r in fails) for lvl in ("error", "warning", "note")}
    assert counted == {
        "error": BY_SEVERITY["error"],
        "warning": BY_SEVERITY["warning"] - 1,  # less the one under review
        "note": BY_SEVERITY["info"],
    }
    assert by_rule["hulifa.input"]["level"] == "error"
    assert by_rule["hulifa.input"]["kind"] == "fail"
    assert run["invocations"] == [{"executionSuccessful": False}]


def test_message_location_and_uri(batch) -> None:
    results = _doc(batch)["runs"][0]["results"]
    shortfall = next(r for r in results if r["ruleId"] == "mad_public_comment_days")
    text = shortfall["message"]["text"]
    assert text.startswith("公开征求意见期限 20 日,少于 30 日 [bold red]注意[/bold red]\n第二行")
    assert "Public comment period 20 days" not in text  # --lang zh: the message in Chinese only,
    other = shortfall["properties"]["otherLanguage"]  # and the English beside it for tools that want both
    assert other["lang"] == "en" and other["message"].startswith("Public comment period 20 days, below 30:")
    loc = shortfall["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "reports/%E6%B9%96%E9%87%8C%E5%8C%BA%202024.yaml"
    assert loc["region"] == {"startLine": 12, "startColumn": 3}

    bad = next(r for r in results if r["ruleId"] == "hulifa.input")
    # A comma is legal in a URI path; a colon is encoded so it can never read as a scheme.
    assert bad["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "reports/%E6%80%9D%E6%98%8E%E5%8C%BA,2024%3Abad.yaml"
    )

    en = _doc(batch, "en")["runs"][0]["results"]
    assert next(r for r in en if r["ruleId"] == "hulifa.input")["message"]["text"].startswith("YAML syntax error")


def test_the_rule_table_speaks_the_language_asked_for(batch, no_pack) -> None:
    """A rule's title and summary (shortDescription, fullDescription) were Chinese and English whatever
    --lang said, and hulifa's own rules' help both at once: now each in `lang`, with the other
    language's name in the rule's properties. In English, Chinese is left only in a 《title》 and in the
    pack's words, quoted (the basis's note, the rule's why)."""
    for result in (batch, no_pack):
        rules = _doc(result, "en")["runs"][0]["tool"]["driver"]["rules"]
        for rule in rules:
            for key in ("shortDescription", "fullDescription"):
                assert not messages.has_chinese(rule[key]["text"]), rule
            unquoted = re.sub(r"《[^》]*》|“[^”]*”|〔[^〕]*〕|\([^)]*号\)", "", rule["help"]["text"])
            assert not messages.has_chinese(unquoted), rule["help"]["text"]
            assert messages.has_chinese(rule["properties"]["otherLanguage"]["name"]), rule
    by_id = {rule["id"]: rule for rule in _doc(batch, "en")["runs"][0]["tool"]["driver"]["rules"]}
    assert by_id["report_published_by"]["fullDescription"]["text"] == (
        "Report made public before 1 April: target before 04-01 of the next year"
    )
    assert by_id["hulifa.input"]["help"]["text"] == "The file could not be read or parsed; nothing in it was checked."
    zh = {rule["id"]: rule for rule in _doc(batch)["runs"][0]["tool"]["driver"]["rules"]}
    assert zh["hulifa.input"]["help"]["text"] == "文件无法读取或解析,未对其进行任何检查。"
    assert zh["mad_public_comment_days"]["fullDescription"]["text"] == "重大行政决策公开征求意见期限:目标 ≥ 30 日"


def test_control_characters_shown(batch) -> None:
    out = sarif.render(batch)
    results = json.loads(out)["runs"][0]["results"]
    invalid = next(r for r in results if r["ruleId"] == "enforcement_training_hours")
    assert invalid["message"]["text"].startswith(CONTROL_SHOWN)
    assert invalid["properties"]["actual"] == "六十\\x00学时"
    assert "\\u001b" not in out and "\\u0000" not in out


def test_artifact_uri_encoding() -> None:
    assert sarif.artifact_uri("a b/c#d?.yaml") == "a%20b/c%23d%3F.yaml"
    assert sarif.artifact_uri("dir\\sub\\r.yaml") == "dir/sub/r.yaml"
    assert sarif.artifact_uri("100%.yaml") == "100%25.yaml"
    assert sarif.artifact_uri("c:report.yaml") == "c%3Areport.yaml"


def test_fingerprints_survive_line_shifts_and_are_unique(batch) -> None:
    def shifted(report):
        moved = tuple(
            f._replace(position=f.position._replace(line=f.line + 7, column=f.column + 1)) for f in report.findings
        )
        return report._replace(findings=moved)

    before = _doc(batch)["runs"][0]["results"]
    after = _doc(CheckResult(reports=tuple(shifted(r) for r in batch.reports), pack=PACK))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["hulifa/v1"] for r in before]
    assert prints == [r["partialFingerprints"]["hulifa/v1"] for r in after]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 7 for r in before
    ]
    # Two findings share rule, file, region, year and status: still distinct fingerprints.
    assert len(set(prints)) == len(prints)
    assert all(len(p) == 64 and int(p, 16) >= 0 for p in prints)

    # A different year is a different alert.
    other_year = HULI_REPORT._replace(year=2023)
    f = HULI_REPORT.findings[2]
    assert sarif.fingerprint(f, HULI_REPORT) != sarif.fingerprint(f, other_year)


def test_without_a_pack(no_pack, validator) -> None:
    doc = _doc(no_pack)
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    # Rules come from the findings, in order of first use.
    assert ids[0] == "report_submitted_by"
    assert set(ids) == {r["ruleId"] for r in run["results"]}
    assert "rulePack" not in run["properties"] and run["properties"]["statusCounts"]["pass"] >= 0
    assert len(run["results"]) == ISSUES
    assert _errors(validator, doc) == []


def test_deterministic_and_no_absolute_paths(batch) -> None:
    first = sarif.render(batch)
    assert first == sarif.render(batch)
    assert "/work/" not in first and "file://" not in first
    assert "NaN" not in first and "Infinity" not in first
    # Keys are sorted, the run is indented and each result is one line (Python's C encoder, which
    # only runs without indent): re-encoding every result so gives the same bytes.
    doc = json.loads(first)
    results = doc["runs"][0]["results"]
    assert results
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in results]
    frame = doc | {"runs": [doc["runs"][0] | {"results": ["\0"]}]}
    framed = json.dumps(frame, ensure_ascii=False, indent=2, sort_keys=True)
    indent = " " * 8
    expected = framed.replace(f'{indent}"\\u0000"', ",\n".join(indent + line for line in lines)) + "\n"
    assert expected == first
    assert BAD_REPORT.file.split("/")[-1] not in first  # encoded, not raw, in URIs


def test_a_reports_results_are_the_same_whatever_came_before_them() -> None:
    # The writer words a kind of finding once (see _common.Memo): what a report gets must not depend
    # on the reports before it, and each result keeps its own place and fingerprint.
    findings = tuple(
        f._replace(position=f.position._replace(file="reports/other.yaml", line=f.line + 40))
        for f in HULI_REPORT.findings
    )
    other = HULI_REPORT._replace(file="reports/other.yaml", findings=findings, year=2023)
    shared = sarif.writer(PACK)
    first, second = shared.item(HULI_REPORT), shared.item(other)
    assert first == sarif.writer(PACK).item(HULI_REPORT)
    assert second == sarif.writer(PACK).item(other)
    results = [json.loads(line) for line in second.split(",\n")]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"reports/other.yaml"}
    assert not {r["partialFingerprints"]["hulifa/v1"] for r in results} & set(first.split('"'))
