"""`hulifa extract`'s draft says its own comments and notes in the language asked for (--lang, Chinese by
default): the level read from the name or guessed, a field it could not find, and what to check of a
figure (one count shared by several bodies, full coverage with no number, a change). Before, a Chinese
draft carried English notes ("ambiguous: one count shared by several bodies (一数多主体)…") and every
header comment in both languages. Through the CLI, in-process and in a process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clihelp import ROOT, run_cli
from hostile.helpers import run_process

HULI = ROOT / "tests" / "data" / "huli-2024-report.txt"
IMPLICIT = ROOT / "tests" / "extract" / "samples" / "dept-implicit" / "input.txt"
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
# the report's own words, quoted: “…” in English, 「…」 and '…' (a name in a reason) in either
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|'[^']*'")
LEVELS = re.compile(r"\b(province|city|county|district|town|department)\b")
GUESSED = "2023年,某某市坚持依法行政,全年办理行政复议案件12件。\n"
CHANGE = "湖里区2024年法治政府建设年度报告\n2024年,行政复议案件比上年增加842件。\n"
NOTHING = "全年办理行政复议案件12件,行政诉讼案件30件。\n"


def _said(draft: str) -> list[str]:
    """The draft's words of its own: the header's comments and each figure's note."""
    said = []
    for line in draft.splitlines():
        key = line.strip().partition(":")[0]
        if key in ("region", "level", "level_guessed", "year") and "  # " in line:
            said.append(line.partition("  # ")[2])
        elif key == "note":
            said.append(line.partition(":")[2].strip().strip('"'))
    return said


def _in(lang: str, words: str) -> bool:
    bare = LEVELS.sub("", QUOTED.sub("", words))
    if lang == "zh":
        return bool(CJK.search(bare)) and not re.search(r"[A-Za-z]{3,}", bare)
    return not CJK.search(bare)


@pytest.fixture
def texts(tmp_path: Path) -> dict[str, Path]:
    made = {"huli": HULI, "implicit": IMPLICIT}
    for name, text in (("guessed", GUESSED), ("change", CHANGE), ("nothing", NOTHING)):
        made[name] = tmp_path / f"{name}.txt"
        made[name].write_text(text, encoding="utf-8")
    return made


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_drafts_comments_and_notes_are_in_the_language_asked_for(texts: dict[str, Path], lang: str) -> None:
    seen = []
    for name, path in texts.items():
        for run in (run_cli("extract", str(path), "--lang", lang), run_process("extract", str(path), "--lang", lang)):
            assert run.exit_code in (0, 2) and run.stdout, (name, run.stderr)
            said = _said(run.stdout)
            seen += said
            # level_guessed's value is data the checker reads back in either language: only its comment here
            assert all(_in(lang, words.rpartition('"  # ')[2]) for words in said), (name, said)
    joined = "\n".join(seen)
    wanted = {
        "zh": ("由名称推断:", "一数多主体:", "隐含全覆盖:", "该数字可能是变化量", "推断,请核对", "核对层级后删除此行",
               "正文中未找到报告主体", "标题和首句中未找到报告年度"),
        "en": ("from the name:", "ambiguous: one count", "implicit full coverage: “", "may be a change",
               "a guess: confirm it", "delete this line", "the reporting body is not in the text",
               "the year is not in the title"),
    }[lang]  # fmt: skip
    assert all(word in joined for word in wanted), [w for w in wanted if w not in joined]


def test_chinese_is_the_default(texts: dict[str, Path]) -> None:
    run = run_cli("extract", str(texts["huli"]))
    assert "level: district  # 由名称推断:「湖里区」以「区」结尾" in run.stdout
    assert 'note: "一数多主体:一个数字由几个主体共用,请核对属于哪一个"' in run.stdout


def test_every_comment_of_the_draft_is_in_the_language_asked_for(texts: dict[str, Path]) -> None:
    """A Chinese draft still said "# Report data extracted by…", "# line 2, by heading", "# not found:
    causes, other", "(exact) [change]" and "implicit full coverage" in its comments: now in Chinese too,
    the keys it names (causes) beside their names; English as before with --lang en."""
    english = ("Report data extracted", "sentence it came from", "line ", ", by ", "not found", "Figures no",
               "(exact)", "(lower)", "[change]", "implicit full coverage", "was recognised")  # fmt: skip
    for name, path in texts.items():
        draft = run_cli("extract", str(path)).stdout
        comments = [line.partition("#")[2] for line in draft.splitlines() if "#" in line and "evidence" not in line]
        assert not [c for c in comments if any(word in c for word in english)], (name, comments)
    zh = run_cli("extract", str(texts["huli"])).stdout
    assert zh.startswith("# 由 `hulifa extract` 从 huli-2024-report.txt 提取的报告数据。\n# 每个数值都附有出处句子")
    for said in ("  # 第2行,据标题\n", "  # 未找到:causes(不足的原因)、other(其他需要报告的情况)\n",
                 "  leader_law_training_count:  # 第3行: 领导干部法治培训人次\n",
                 "\n# 未归入任何指标的数字"):  # fmt: skip
        assert said in zh, said
    assert "(确数)" in zh and "= 隐含全覆盖 — " in run_cli("extract", str(texts["implicit"])).stdout
    en = run_cli("extract", str(texts["huli"]), "--lang", "en").stdout
    for said in ("# Report data extracted by `hulifa extract` from huli-2024-report.txt.\n", "  # line 2, by heading\n",
                 "  # not found: causes, other\n", "# Figures no indicator took"):  # fmt: skip
        assert said in en, said
