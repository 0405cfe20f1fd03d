"""Every file in corpus/ against its expected behaviour in expected.yaml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from hostile.helpers import CORPUS, HERE, run_cli

EXPECTED: dict[str, dict] = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = EXPECTED[name]
    monkeypatch.chdir(tmp_path)  # python/object tags would create ./hulifa-pwned-marker here
    shutil.copy(CORPUS / name, tmp_path / name)
    run = run_cli("check", name, "--lang", "en", "--color", "never", *spec.get("args", []))

    assert run.exit_code == spec["exit"], run.output
    assert "Traceback" not in run.output
    assert "internal error" not in run.output
    contains = spec.get("contains", [])
    for text in [contains] if isinstance(contains, str) else contains:
        assert text in run.output, f"{text!r} not in output:\n{run.output}"
    if "line" in spec:
        assert f"{name}:{spec['line']}:" in run.stderr, run.stderr
    if spec["exit"] == 2:  # the reason is on stderr whatever the format, with a place
        assert run.stderr.startswith(f"{name}:"), run.stderr
    if "invalid" in spec or "region" in spec:
        report = json.loads(run.stdout)["reports"][0]
        assert report["checked"] is True
        if "region" in spec:
            assert report["region"] == spec["region"]
        by_rule = {f["rule"]: f for f in report["findings"]}
        for rule, line in spec.get("invalid", {}).items():
            finding = by_rule[rule]
            assert finding["status"] == "invalid", finding
            assert finding["line"] == line, finding
    assert not (tmp_path / "hulifa-pwned-marker").exists()


def test_messages_come_in_chinese_too(tmp_path: Path) -> None:
    run = run_cli("check", str(CORPUS / "dup-key-top.yaml"))
    assert run.exit_code == 2
    assert "重复的键「year」(第一次出现在第 3 行)" in run.stderr
    assert "dup-key-top.yaml:6:1:" in run.stderr
