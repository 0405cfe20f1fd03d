"""The JSON contract (format 3, docs/json-output.md): real `--format json` and `json-compact` output
validates against the published schema (`hulifa schema output`) and carries the format and tool
versions; the two are one document; and every finding laid over its defaults is the whole finding,
every field as the library makes it, so leaving defaults out loses nothing."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clihelp import HULI_DATA, ROOT, run_cli
from hulifa.model import CheckResult, Position, ReportResult, Status
from hulifa.reporters import json_, json_compact
from hulifa.reporters.json_ import defaults, expand, finding_dict, omit, report_messages, tool_version
from hulifa.rulepack import load_pack
from hulifa.runner import check_paths

sys.path.insert(0, str(ROOT / "benchmarks"))

import generate

CASES = ROOT / "tests" / "cases"
TODAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(run_cli("schema", "output").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """The Huli data, a file that cannot be checked, an accepted deviation and a derived mismatch."""
    shutil.copy(HULI_DATA, tmp_path / "huli-2024.yaml")
    (tmp_path / "broken.yaml").write_text("region: [\n", encoding="utf-8")
    for case in ("deviation-accepted", "unknown-indicator", "invalid", "unverifiable"):
        shutil.copy(CASES / case / "report.yaml", tmp_path / f"{case}.yaml")
    return tmp_path


def _run(batch: Path, fmt: str, *extra: str) -> str:
    run = run_cli("check", str(batch), "--format", fmt, "--today", TODAY.isoformat(), *extra)
    assert run.exit_code == 2, run.stderr  # broken.yaml
    return run.stdout


def test_json_and_compact_are_one_valid_document(batch: Path, validator: jsonschema.Draft202012Validator) -> None:
    full, compact = _run(batch, "json"), _run(batch, "json-compact")
    doc = json.loads(full)
    assert json.loads(compact) == doc  # the same keys and values: only white space differs
    assert [e.message for e in validator.iter_errors(doc)] == []
    assert doc["tool"] == "hulifa" and doc["tool_version"] == tool_version() != "unknown"
    assert doc["format_version"].startswith("3.")
    assert len(doc["reports"]) == 6 and not all(r["checked"] for r in doc["reports"])
    assert len(compact) < 0.95 * len(full)
    # json: a finding a line; json-compact: the head, a report a line, the tail
    assert sum(line.lstrip().startswith('{"rule"') for line in full.splitlines()) == sum(
        len(r["findings"]) for r in doc["reports"]
    )
    assert len(compact.splitlines()) == 1 + len(doc["reports"]) + 1


def test_nothing_is_lost(batch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each finding of the document laid over its defaults is the library's whole finding."""
    monkeypatch.chdir(batch)  # the same paths from the CLI and the library
    names = sorted(p.name for p in batch.iterdir())
    result = check_paths(names, today=TODAY)
    for fmt in ("json", "json-compact"):
        run = run_cli("check", *names, "--format", fmt, "--today", TODAY.isoformat())
        doc = expand(json.loads(run.stdout))
        assert [r["file"] for r in doc["reports"]] == [r.file for r in result.reports] == names
        for written, report in zip(doc["reports"], result.reports, strict=True):
            assert written["findings"] == [finding_dict(f) for f in report.findings]


def test_a_batch_writes_a_fraction_of_its_findings(batch: Path) -> None:
    """What users notice: twenty reports write a fraction of the whole findings (most fields at their default)."""
    for i in range(20):
        shutil.copy(HULI_DATA, batch / f"copy-{i:02}.yaml")
    full = _run(batch, "json")
    whole = json.dumps(expand(json.loads(full)), ensure_ascii=False)
    assert len(full) < 0.4 * len(whole)


def test_the_same_with_jobs(batch: Path) -> None:
    """A --jobs worker renders its reports' findings against the same table, which head() wrote in the parent."""
    for fmt in ("json", "json-compact"):
        assert _run(batch, fmt, "-j", "2") == _run(batch, fmt)


def test_schema_rejects_drift(validator: jsonschema.Draft202012Validator, batch: Path) -> None:
    """The schema is strict: a renamed or new field fails, so output cannot change without it."""
    doc = json.loads(_run(batch, "json"))
    doc["reports"][0]["findings"][0]["severty"] = "error"
    assert not validator.is_valid(doc)
    for path in (("tool_version",), ("rules",), ("reports", 0, "messages"), ("reports", 0, "findings", 0, "line")):
        doc = json.loads(_run(batch, "json"))
        *parent, last = path
        target = doc
        for step in parent:
            target = target[step]
        del target[last]
        assert not validator.is_valid(doc), path
    doc = json.loads(_run(batch, "json"))
    doc["reports"][0]["findings"][0]["bound"] = ""  # an empty value is left out, never written
    assert not validator.is_valid(doc)


def _results() -> CheckResult:
    """The data-driven cases and Huli: each status, accepted deviations, input errors, notes."""
    files = [*sorted(str(p) for p in CASES.glob("*/report.yaml")), str(HULI_DATA)]
    return check_paths(files, today=TODAY)


def test_each_finding_is_its_dict_less_its_defaults(tmp_path: Path) -> None:
    """json writes a finding's line from its fields and remembers the parts that do not depend on its
    place or its report: the bytes are those of encoding finding_dict less its defaults, the first time
    and from the memo, for a finding moved elsewhere (another file, a PDF page), in both layouts. The
    cases, Huli and forty generated reports (figures stated as reports write them, most made afresh)."""
    generate.generate(tmp_path, 40, 11)
    cases = _results().reports
    result = CheckResult(reports=(*cases, *check_paths([str(tmp_path / "b00")], today=TODAY).reports))
    assert len({f.status for r in result.reports for f in r.findings}) >= 7
    assert any(f.accepted for r in result.reports for f in r.findings)
    assert sum(f.status is Status.STATED and f.quantity is not None for r in result.reports for f in r.findings) > 400
    table = json_.rules_table(load_pack(None))
    json_.use(load_pack(None))
    moved = [
        ReportResult(
            r.file, tuple(f._replace(position=Position('其他/other "q".yaml', 7, 3, page=2)) for f in r.findings)
        )
        for r in result.reports
    ]
    for report in [*result.reports, *result.reports, *moved]:  # made, remembered, remembered for another place
        said = report_messages(
            (f.status, *(finding_dict(f)[k] for k in ("message", "message_en"))) for f in report.findings
        )
        want = [
            omit(finding_dict(f), defaults(report.file, table.get(f.rule, {}), said.get(f.status, {})))
            for f in report.findings
        ]
        lines = [line.strip() for line in json_.report_text(report).splitlines() if line.strip().startswith('{"rule"')]
        assert [line.rstrip(",") for line in lines] == [json_._dump(w) for w in want]
        compact = json.loads(json_.report_text(report, json_.COMPACT))
        assert compact["findings"] == want and compact["messages"] == said
        assert json_.report_text(report, json_.COMPACT) == json_._dump(compact, json_.COMPACT)
    json_.forget()


def test_the_documented_expansion_is_the_librarys(batch: Path) -> None:
    """docs/json-output.md's Python is what `expand` does, on real output."""
    text = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code is not None
    space: dict[str, Any] = {}
    exec(code.group(1), space)  # the documentation's own code
    doc = json.loads(_run(batch, "json"))
    assert space["ABSENT"] == json_.ABSENT
    documented = [findings for _, findings in space["whole_findings"](doc)]
    assert documented == [r["findings"] for r in expand(doc)["reports"]]


def test_a_status_message_is_said_once_when_two_findings_share_it() -> None:
    said = report_messages(
        [
            (Status.PASS, "达标", "meets"),
            (Status.PASS, "按期", "on time"),
            (Status.PASS, "达标", "meets"),
            (Status.MISSING, "缺 a", "no a"),
            (Status.NOT_APPLICABLE, "x", "x"),
            (Status.NOT_APPLICABLE, "y", "y"),
            (Status.NOT_APPLICABLE, "y", "y"),
            (Status.NOT_APPLICABLE, "x", "x"),
        ]
    )
    # the most common; the first of equals; none for a message only one finding has
    assert said == {
        "pass": {"message": "达标", "message_en": "meets"},
        "not_applicable": {"message": "x", "message_en": "x"},
    }


_VALUES = st.one_of(st.text(max_size=3), st.none(), st.integers(0, 3))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    st.dictionaries(st.sampled_from(sorted(json_.ABSENT)), _VALUES),
    st.dictionaries(st.sampled_from(sorted(json_.ABSENT)), _VALUES),
    st.dictionaries(st.sampled_from(sorted(json_.ABSENT)), _VALUES),
)
def test_laying_over_the_defaults_undoes_leaving_them_out(
    data: dict[str, Any], entry: dict[str, Any], said: dict[str, Any]
) -> None:
    whole = {**json_.ABSENT, "rule": "r", "status": "pass", "file": "a.yaml", "line": 1, "column": 1, **data}
    default = defaults("b.yaml", entry, said)
    written = omit(whole, default)
    assert {**default, **written} == whole
    assert all(written[k] != default[k] for k in written if k in default)


def test_compact_is_the_json_document_without_white_space() -> None:
    result = _results()
    full, compact = json_.render(result), json_compact.render(result)
    assert json.loads(full) == json.loads(compact)
    # a line break inside a string is escaped, so every one in the text is layout: the head, a report a line
    assert compact.replace("\n", "") == json_._dump(json.loads(compact), json_.COMPACT)


def test_generated_reports_are_whole_again_in_both_layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sixty generated reports (benchmarks/generate.py: figures as reports write them, "1700余人次",
    "百分之九十", planted shortfalls, dates, sections): json and json-compact parse to one value, and
    each finding laid over its defaults is the library's whole finding. The memos are made small, so
    that lines are written afresh, from the young generation and from the old."""
    generate.generate(tmp_path, 60, 7)
    monkeypatch.chdir(tmp_path)
    for memo in json_._PARTS.values():
        monkeypatch.setattr(memo, "limit", 40)
    result = check_paths(["b00"], today=TODAY)
    statuses = {f.status for r in result.reports for f in r.findings}
    assert {Status.PASS, Status.STATED, Status.SHORTFALL, Status.MISSING} <= statuses
    runs = [run_cli("check", "b00", "--fail-on", "never", "--today", TODAY.isoformat(), "-f", fmt) for fmt in
            ("json", "json-compact", "json")]  # fmt: skip
    doc = json.loads(runs[0].stdout)
    assert json.loads(runs[1].stdout) == doc and runs[2].stdout == runs[0].stdout
    whole = expand(doc)["reports"]
    assert [r["file"] for r in whole] == [r.file for r in result.reports]
    for written, report in zip(whole, result.reports, strict=True):
        assert written["findings"] == [finding_dict(f) for f in report.findings]
    json_.forget()
