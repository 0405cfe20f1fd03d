"""What the commands say themselves (not click, not an input file): through the catalogue, in the
language asked for (--lang, or for `check` the configuration's lang), else in both; every line within
80 columns; exit 2 for a refusal. Each case through CliRunner and a real process, in Chinese and English.
Before, these were hand-written "中文 / English" lines that ignored --lang and ran past 80 columns."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hostile.helpers import run_process
from hulifa.textsafe import cells

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

# argv (run in a folder holding r.yaml, a report, and old.yaml, an existing file), then words each
# language must say (whitespace ignored: a message may wrap)
REFUSALS = [
    pytest.param(
        ["check", "r.yaml", "-f", "json", "-f", "sarif", "-o", "a", "-o", "b"],
        "多个 --output 未注明格式",
        "several --output files without a format",
        id="two-bare-outputs",
    ),
    pytest.param(
        ["check", "r.yaml", "-f", "json", "-f", "sarif", "-o", "a.out"],
        "--output FILE 只能配合一个未指定文件的格式",
        "--output FILE needs exactly one format without a file",
        id="one-output-two-formats",
    ),
    pytest.param(
        ["check", "r.yaml", "-f", "json", "-f", "sarif"],
        "多个格式(json, sarif)都要输出到终端",
        "several formats (json, sarif) would share stdout",
        id="stdout-shared",
    ),
    pytest.param(
        ["check", "r.yaml", "old.yaml", "--previous", "old.yaml"],
        "--previous 只能配合单个输入文件",
        "--previous goes with a single input file only",
        id="previous-with-two-inputs",
    ),
    pytest.param(
        ["check", "r.yaml", "-o", "yaml=x.yaml"],
        "check 不输出 yaml 格式",
        "check does not write yaml",
        id="output-format-not-written",
    ),
    pytest.param(
        ["check", "r.yaml", "--today", "soon"],
        "--today 应为 YYYY-MM-DD,而不是「soon」",
        "--today must be YYYY-MM-DD, not 'soon'",
        id="today",
    ),
    pytest.param(
        ["rules", "show", "ar_correction"],
        "规则包中没有指标「ar_correction」;是否想查:ar_correction_rate",
        "no indicator 'ar_correction' in the pack; did you mean: ar_correction_rate",
        id="rules-show-unknown",
    ),
    pytest.param(
        ["init", "old.yaml", "--region", "x", "--year", "2024", "--level", "city"],
        "old.yaml 已存在;init 从不覆盖已有文件",  # no old.yaml:1:1, as if the file were at fault
        "old.yaml exists; init never overwrites a file",
        id="init-exists",
    ),
    pytest.param(
        ["init", "new.yaml", "--region", " ", "--year", "2024", "--level", "city"],
        "--region 不能为空",
        "--region must not be empty",
        id="init-empty-region",
    ),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(HULI_DATA, tmp_path / "r.yaml")
    (tmp_path / "old.yaml").write_text("kept\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _check(code: int, stderr: str, lang: str | None, zh: str, en: str, folder: Path) -> None:
    assert code == 2 and stderr.startswith("hulifa: "), stderr
    assert all(cells(line) <= 80 for line in stderr.splitlines()), stderr
    said = _flat(stderr)
    if lang == "zh":
        assert _flat(zh) in said and not re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", stderr), stderr
    elif lang == "en":
        assert _flat(en) in said and not CJK.search(stderr), stderr
    else:
        assert _flat(zh) in said and _flat(en) in said, stderr
    assert (folder / "old.yaml").read_text(encoding="utf-8") == "kept\n"
    assert not (folder / "new.yaml").exists()


@pytest.mark.parametrize("lang", ["zh", "en", None])
@pytest.mark.parametrize(("argv", "zh", "en"), REFUSALS)
def test_a_refusal_in_the_language_asked_for(argv: list[str], zh: str, en: str, lang: str | None, folder: Path) -> None:
    asked = ["--lang", lang] if lang else []
    run = run_cli(*argv, *asked, env={"COLUMNS": "80"})
    assert run.stdout == ""
    _check(run.exit_code, run.stderr, lang, zh, en, folder)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("argv", "zh", "en"), REFUSALS)
def test_a_refusal_in_a_process(argv: list[str], zh: str, en: str, lang: str, folder: Path) -> None:
    run = run_process(*argv, "--lang", lang, env={"COLUMNS": "80"}, cwd=folder)
    assert run.stdout == ""
    _check(run.exit_code, run.stderr, lang, zh, en, folder)


def test_check_takes_the_language_of_a_refusal_from_the_configuration(folder: Path) -> None:
    (folder / "hulifa.toml").write_text('lang = "en"\n', encoding="utf-8")
    run = run_cli("check", "r.yaml", "-f", "json", "-f", "sarif")
    assert run.exit_code == 2 and run.stderr.startswith("hulifa: several formats (json, sarif) would share stdout")
    assert not CJK.search(run.stderr)


@pytest.mark.parametrize("lang", ["zh", "en", None])
def test_extract_notes_the_fallback_encoding_in_the_language_asked_for(lang: str | None, folder: Path) -> None:
    """The note was a hand-written "注意:… / note: …" line whatever --lang said."""
    shutil.copy(Path(__file__).parents[1] / "hostile" / "corpus" / "gb18030.txt", folder / "gb.txt")
    run = run_cli("extract", "gb.txt", "-o", "gb.yaml", *(["--lang", lang] if lang else []), env={"COLUMNS": "80"})
    assert run.exit_code == 0 and run.stderr.startswith("gb.txt:1:1: "), run.stderr
    assert all(cells(line) <= 80 for line in run.stderr.splitlines()), run.stderr
    said = _flat(run.stderr)
    chinese, english = _flat("已按 gb18030 读取") in said, _flat("read as gb18030") in said
    assert (chinese, english) == {"zh": (True, False), "en": (False, True), None: (True, True)}[lang], run.stderr
