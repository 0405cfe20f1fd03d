"""The terminal table as a reader meets it: at 80, 100 and 160 columns, in both languages, in batches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from clihelp import MINIMAL, ROOT, run_cli
from hulifa.reporters.table import short_title, shorten_middle

HULI = "reports/huli/2024.yaml"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # file names as a user in the repository sees them


def _check(*args: str, columns: int) -> list[str]:
    run = run_cli("check", *args, env={"COLUMNS": str(columns)})
    assert run.exit_code in (0, 1), run.stderr
    return run.stdout.splitlines()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 100, 160])
def test_huli_fits_the_width_without_broken_words(at_root: None, lang: str, columns: int) -> None:
    lines = _check(HULI, "--lang", lang, columns=columns)
    text = "\n".join(lines)
    assert max(cell_len(line) for line in lines) <= columns
    # a word of the basis or a status is never split across lines or cells ("HARD-POL│ICY")
    for word in ("HARD-POLICY", "HARD-LAW", "UNCONFIRMED", "PRACTICE"):
        assert word in text
    assert not re.search(r"HARD-\S*[│\n]", text.replace("HARD-POLICY", "").replace("HARD-LAW", ""))
    assert "存在的不足和原因" in text or "shortcomings" in text
    if lang == "en":  # English throughout: units named in English, no Chinese status words
        assert "≥ 60 class hours" in text and "学时" not in text and "未填报" not in text


def test_huli_at_80_columns_fits_one_screen(at_root: None) -> None:
    lines = _check(HULI, columns=80)
    findings = sum(1 for line in lines if re.search(r"第\d+行$", line.rstrip()))
    # two lines a finding, a few three; with the 2026.1 pack Huli has 36 findings and takes 93 lines
    # (25 findings took 59 with the 56-rule pack): the goal of one screen needs fewer lines per finding
    assert len(lines) <= 2.6 * findings + 8, "\n".join(lines)
    # one finding reads as a unit: status, severity, name and line, then what was expected
    first = next(i for i, line in enumerate(lines) if "年度报告向社会公开" in line)
    assert lines[first].split()[:2] == ["未填报", "警告"] and lines[first].rstrip().endswith("第7行")
    assert "目标 次年 04-01 之前" in lines[first + 1] and "HARD-POLICY" in lines[first + 1]
    assert lines[-1].startswith("检查 1 份报告:1 份有错误")


def test_columns_empty_on_every_row_are_left_out(at_root: None) -> None:
    wide = "\n".join(_check(HULI, columns=160))
    header = next(line for line in wide.splitlines() if line.startswith("┃"))
    assert "目标" in header and "依据" in header
    assert "上年" not in header and "变化" not in header  # no previous year: no such columns


def test_all_gives_the_full_citation(at_root: None) -> None:
    short = "\n".join(_check(HULI, columns=200))
    full = "\n".join(_check(HULI, "--all", columns=200))
    assert "厅字" not in short and "厅字" in full


def test_short_names_and_middle_cuts() -> None:
    assert short_title("《中华人民共和国政府信息公开条例》(国务院令第711号)") == "《政府信息公开条例》"
    assert short_title("《提升行政执法质量三年行动计划(2023-2025年)》") == "《提升行政执法…年行动计划》"
    assert shorten_middle("reports/fujian/xiamen/huli/expected.yaml", 24).endswith("expected.yaml")
    assert len(shorten_middle("a" * 100, 24)) == 24


def test_a_big_batch_shows_the_summary_and_a_verdict(tmp_path: Path) -> None:
    for i in range(25):
        folder = tmp_path / "very-long-folder-name-for-reports" / f"region-{i:02d}"
        folder.mkdir(parents=True)
        rate = "100%" if i % 2 else "80%"
        (folder / "report.yaml").write_text(
            MINIMAL.replace("测试区", f"区{i}") + f"  出庭应诉率: {rate}\n", encoding="utf-8"
        )
    lines = _check(str(tmp_path), columns=80)
    text = "\n".join(lines)
    assert "跨报告汇总" in text and "最常缺失或未达标的指标" in text
    assert "目标" not in text  # no per-report findings above the threshold
    rows = [line for line in lines if "report.yaml" in line]
    assert len(rows) == 25 and all(cell_len(line) <= 80 for line in lines)
    assert all(re.search(r"region-\d\d/report\.yaml", row) for row in rows)  # cut in the middle, never the end
    assert re.fullmatch(r"检查 25 份报告:\d+ 份有错误,\d+ 份仅有警告,\d+ 份无错误和警告", lines[-1])
    detailed = "\n".join(_check(str(tmp_path), "--details", columns=80))
    assert detailed.count("目标") >= 12 and "跨报告汇总" in detailed
    english = _check(str(tmp_path), "--lang", "en", columns=80)
    assert re.fullmatch(r"Checked 25 reports: \d+ with errors, \d+ with warnings only, \d+ clean", english[-1])
