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
