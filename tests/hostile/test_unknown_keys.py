"""Round two: did-you-mean at scale. 20,000 unknown keys took 26 s; each key is now compared with a
short list of the pack's names (a character-pair index), and a report with more unknown keys than
MAX_UNKNOWN is itself one clear error."""

from __future__ import annotations

from pathlib import Path

from hostile.helpers import run_cli
from hulifa.evaluate import _SHORTLIST, _close_match
from hulifa.rulepack import load_pack
from hulifa.runner import MAX_UNKNOWN


def _report(path: Path, count: int) -> Path:
    keys = "".join(f"  unknown_key_{i}: {i}\n" for i in range(count))
    path.write_text(f"region: x\nlevel: district\nyear: 2024\nindicators:\n{keys}", encoding="utf-8")
    return path


def test_thousands_of_unknown_keys_are_one_error(tmp_path: Path) -> None:
    run = run_cli("check", str(_report(tmp_path / "r.yaml", MAX_UNKNOWN + 1)), "--lang", "en", "-f", "parsable")
    assert run.exit_code == 2
    assert f"r.yaml:5:3: {MAX_UNKNOWN + 1} keys are not indicators of the pack 'default'" in run.stderr
    assert run.stdout.count("\n") == 1  # one finding, not hundreds


def test_up_to_the_limit_each_key_is_reported(tmp_path: Path) -> None:
    run = run_cli("check", str(_report(tmp_path / "r.yaml", 3)), "--lang", "en", "-f", "parsable")
    assert run.stdout.count("(hulifa.unknown_indicator)") == 3


def test_did_you_mean_still_finds_misspellings() -> None:
    pack = load_pack(None)
    assert _close_match(pack, "ar_case_cont") == "ar_case_count"
    assert _close_match(pack, "行政复议案件数量") != ""
    assert _close_match(pack, "x" * 5000) == ""  # a long key is cut, not compared whole
    assert len(pack.index.by_key) > _SHORTLIST  # the index really narrows the search
