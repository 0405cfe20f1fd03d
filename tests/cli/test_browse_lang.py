"""`init`, `schema`, `rules list|show` and `config` take --lang, as check and extract do: what they print
is in that language alone (`rules show` had "单位 unit:", "目标 target:" on every line, and both
languages of the caveat), indicator names from the rule pack in it, every line within 80 columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clihelp import run_cli
from hostile.helpers import run_process
from hulifa.cli.browse import shown_rule
from hulifa.rulepack import load_pack
from hulifa.textsafe import cells

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ZH_LABELS = ("英文名:", "单位:", "目标:", "级别:", "适用:", "依据:", "强度:", "注意:", "定义于:")
EN_LABELS = (
    "Chinese name:",
    "unit:",
    "target:",
    "severity:",
    "applies:",
    "basis:",
    "strength:",
    "caveat:",
    "defined at:",
)


def _label(line: str) -> str:
    return line.strip().split(":", 1)[0] + ":" if line.startswith("  ") and not line.startswith("   ") else ""


@pytest.mark.parametrize("pack", ["default", "xiamen"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rules_show_of_every_indicator_in_one_language_within_80_columns(pack: str, lang: str) -> None:
    for rule in load_pack(pack).rules:
        lines = shown_rule(rule, lang)
        # a link is the one thing never cut: a line past 80 is its label and the link alone
        wide = [line for line in lines if cells(line) > 80 and not re.fullmatch(r"\s+\S+:\s+https?://\S+", line)]
        assert not wide, (rule.id, wide)
        name = (rule.name_en or rule.name) if lang == "en" else rule.name
        assert lines[0].startswith(name[:20]) and f"({rule.id})" in "".join(lines[:2]), lines[:2]
        severity_and_scope = "".join(line for line in lines if _label(line) in ("级别:", "适用:"))
        if lang == "zh":  # before: 未达标时 warning,未填报时 info; 层级 city, county
            assert not re.search(r"[a-z]{4,}", severity_and_scope), (rule.id, severity_and_scope)
        labels = {_label(line) for line in lines} - {""}
        assert labels <= set(ZH_LABELS if lang == "zh" else EN_LABELS) | (
            {"来源:", "说明:", "为何重要:", "别名:"} if lang == "zh" else {"source:", "note:", "why:", "aliases:"}
        ), (rule.id, labels)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 40])
def test_rules_show_through_the_cli(lang: str, columns: int, tmp_path: Path) -> None:
    """Within the terminal's width up to 80 (a phone's 40 had lines of 80 the terminal cut mid-word:
    each value now goes under its label there), a link alone past it; a 《title》 that fits a line is
    on one ("《关于行政机关 / 负责人出庭应诉若干问题的规定》" at 80 before)."""
    env = {"COLUMNS": str(columns)}
    run = run_process("rules", "show", "出庭应诉率", "--lang", lang, env=env, cwd=tmp_path)
    assert run.exit_code == 0 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert all(cells(line) <= columns for line in lines if "https://" not in line), run.stdout
    titles = re.findall(r"《[^》]*》", "".join(line.strip() for line in lines))
    assert all(any(title in line for line in lines) for title in titles if cells(title) <= columns - 18)
    labels = ZH_LABELS if lang == "zh" else EN_LABELS
    assert all(any(line.strip().startswith(label) for line in run.stdout.splitlines()) for label in labels)
    other = EN_LABELS if lang == "zh" else ZH_LABELS
    assert not [label for label in other if f"  {label}" in run.stdout], run.stdout
    if lang == "en":
        assert run.stdout.startswith("Agency heads appearing in court")
        assert "cannot verify that they are true" in run.stdout and "无法核实" not in run.stdout
    else:
        assert run.stdout.startswith("行政机关负责人出庭应诉率")
        assert "无法核实这些数字是否属实" in run.stdout and "cannot verify" not in run.stdout


@pytest.mark.parametrize("columns", ["80", "200"])
def test_rules_list_headings_and_names_in_the_language_asked_for(columns: str) -> None:
    chinese = run_cli("rules", "list", env={"COLUMNS": columns}).stdout
    english = run_cli("rules", "list", "--lang", "en", env={"COLUMNS": columns}).stdout
    assert "级别" in chinese and "severity" not in chinese and "年度报告向社会公开" in chinese
    assert "severity" in english and "级别" not in english
    assert "Report made public before 1 April" in english and "年度报告向社会公开" not in english
    assert "before 04-01 of the next year" in english
    # severity and how binding a basis is, in words as check says them; the codes are for --format json
    assert "党政文件" in chinese and "错误" in chinese and "HARD-POLICY" not in chinese and "error" not in chinese
    assert "binding policy" in english and "HARD-POLICY" not in english


def test_config_in_the_language_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    chinese = run_cli("config").stdout
    english = run_cli("config", "--lang", "en").stdout
    assert chinese.startswith("# 配置文件:未找到\n") and "fail-on           = 'error'  # 默认" in chinese
    assert english.startswith("# configuration: none found\n") and "  # default" in english
    assert not CJK.search(english)
    assert run_cli("config", "--isolated", "--lang", "en").stdout.startswith("# configuration: none (--isolated)")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_and_schema_speak_the_language_asked_for(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    made = run_cli("init", "new.yaml", "--region", "湖里区", "--year", "2024", "--level", "district", "--lang", lang)
    assert made.exit_code == 0
    assert made.stderr == {"zh": "已写入 new.yaml\n", "en": "wrote new.yaml\n"}[lang]
    # each indicator's comment in that language, how binding its basis is in words as check says it
    template = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert {
        "zh": "  # 重大行政决策公开征求意见期限 (日) 要求 ≥ 30 日 · 依据(法律法规)\n",
        "en": "  # Public comment period for major decisions (days) target ≥ 30 days · Basis (law)\n",
    }[lang] in template
    assert not re.search(r"HARD-LAW|HARD-POLICY|EVAL|PRACTICE|UNCONFIRMED", template)
    (tmp_path / "s.json").write_text("{}\n", encoding="utf-8")
    kept = run_cli("schema", "report", "-o", "s.json", "--lang", lang)
    assert kept.exit_code == 2 and kept.stderr.startswith("s.json:1:1: ")
    assert bool(CJK.search(kept.stderr)) is (lang == "zh"), kept.stderr
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == "{}\n"
