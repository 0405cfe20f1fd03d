"""The JSON contract: real `--format json` and `json-compact` output validates against the published
schema (`hulifa schema output`), carries the format and tool versions, and compact output expands to
exactly the full document."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from clihelp import HULI_DATA, ROOT, run_cli
from hulifa.model import Finding, Position
from hulifa.reporters import json_, json_compact
from hulifa.reporters.json_ import tool_version
from hulifa.runner import check_paths

CASES = ROOT / "tests" / "cases"


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


def _run(batch: Path, fmt: str, *extra: str) -> dict[str, Any]:
    run = run_cli("check", str(batch), "--format", fmt, "--today", "2025-06-01", *extra)
    assert run.exit_code == 2, run.stderr  # broken.yaml
    doc: dict[str, Any] = json.loads(run.stdout)
    return doc


def expand(doc: dict[str, Any]) -> dict[str, Any]:
    """A json-compact document with every reference written out again."""
    rules = doc.pop("rules")
    for report in doc["reports"]:
        for i, finding in enumerate(report["findings"]):
            if "basis" not in finding:
                finding = {**finding, **rules[finding["rule"]]}
            report["findings"][i] = finding
    return doc


def test_full_and_compact_output_validate(batch: Path, validator: jsonschema.Draft202012Validator) -> None:
    full = _run(batch, "json")
    compact = _run(batch, "json-compact")
    for doc in (full, compact):
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []
        assert doc["tool"] == "hulifa" and doc["tool_version"] == tool_version() != "unknown"
        assert doc["format_version"].startswith("2.")
    assert "rules" not in full and compact["rules"]
    assert len(full["reports"]) == 6 and not all(r["checked"] for r in full["reports"])
    # a finding with its names and basis written out stays valid against the compact schema, and back
    assert expand(compact) == full


def test_compact_is_smaller_and_the_same_with_jobs(batch: Path) -> None:
    full = run_cli("check", str(batch), "-f", "json", "--today", "2025-06-01").stdout
    compact = run_cli("check", str(batch), "-f", "json-compact", "--today", "2025-06-01").stdout
    assert len(compact) < len(full)
    parallel = run_cli("check", str(batch), "-f", "json-compact", "--today", "2025-06-01", "-j", "2").stdout
    assert parallel == compact


def test_schema_rejects_drift(validator: jsonschema.Draft202012Validator, batch: Path) -> None:
    """The schema is strict: a renamed or new field fails, so output cannot change without it."""
    doc = _run(batch, "json")
    doc["reports"][0]["findings"][0]["severty"] = "error"
    assert not validator.is_valid(doc)
    doc = _run(batch, "json")
    del doc["tool_version"]
    assert not validator.is_valid(doc)


def _findings() -> list[Finding]:
    """Every finding of the data-driven cases and of Huli: each status, accepted deviations, input errors."""
    files = [*sorted(str(p) for p in CASES.glob("*/report.yaml")), str(HULI_DATA)]
    result = check_paths(files, today=dt.date(2025, 6, 1))
    return [f for report in result.reports for f in report.findings]


def test_each_finding_is_written_as_its_dict_encoded() -> None:
    """json writes a finding's line from its fields and remembers the parts that do not depend on its
    place (json_.finding_text): the bytes are those of encoding finding_dict, the first time and from
    the memo, for a finding moved elsewhere (another file, a PDF page), and compacted for json-compact."""
    from hulifa.rulepack import load_pack

    findings = _findings()
    assert len({f.status for f in findings}) >= 7 and any(f.accepted for f in findings)
    table = json_compact.rules_table(load_pack(None))
    json_.forget()
    for finding in findings:
        moved = finding._replace(position=Position('其他/other "q".yaml', 7, 3, page=2))
        for f in (finding, finding, moved):  # made, remembered, and remembered for another place
            assert json_.finding_text(f) == json_._dump(json_.finding_dict(f))
            data = json_.finding_dict(f)
            entry = table.get(f.rule)
            if entry is not None and all(data[k] == entry[k] for k in ("name", "name_en", "basis")):
                del data["name"], data["name_en"], data["basis"]
            assert json_.finding_text(f, table) == json_._dump(data)
    json_.forget()
