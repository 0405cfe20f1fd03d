"""A broken input file's error line through the CLI (CliRunner and a real process), in the language
asked for: a rule pack's shape error, the YAML parser's problem, a configuration's bad value or a folder
given as --config, each at its file:line:column, with no English sentence in the Chinese line and no
Chinese in the English one. Before, the Chinese line quoted jsonschema's or libyaml's English, and a
folder given as --config was "no such configuration file"."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hostile.helpers import run_process
from test_schema_words import GOOD

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SENTENCE = re.compile(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}")
PACK = GOOD.replace("strength: PRACTICE", "strength: LAW").replace("    levels: [district]\n", "")
# files written in the working folder (beside r.yaml, the Huli report), argv, the place, and words
CASES = [
    pytest.param(
        {"p.yaml": PACK},
        ["check", "r.yaml", "--rules", "p.yaml"],
        "p.yaml:8:28",
        "「LAW」不是可用的值",
        "'LAW' is not an allowed value",
        id="pack-enum",
    ),
    pytest.param(
        {"p.yaml": PACK.replace("    unit: 件\n", "")},
        ["check", "r.yaml", "--rules", "p.yaml"],
        "p.yaml:3:5",
        "缺少必填项 unit",
        "required but missing: unit",
        id="pack-required",
    ),
    pytest.param(  # English said "(1 more problems)"
        {"p.yaml": GOOD.replace("    unit: 件\n", "    bogus: 1\n")},
        ["check", "r.yaml", "--rules", "p.yaml"],
        "p.yaml:3:5",
        "缺少必填项 unit(另有 1 处问题)",
        "required but missing: unit (1 more problem)",
        id="pack-one-more",
    ),
    pytest.param(
        {"p.yaml": GOOD.replace("    unit: 件\n", "    bogus: 1\n").replace("severity: info", "severity: fatal")},
        ["check", "r.yaml", "--rules", "p.yaml"],
        "p.yaml:3:5",
        "缺少必填项 unit(另有 2 处问题)",
        "required but missing: unit (2 more problems)",
        id="pack-more",
    ),
    pytest.param(  # both keys are named: that was "(1 more problems)", the second of them counted again
        {"p.yaml": GOOD.replace("    unit: 件\n", "").replace("    name: 某指标\n", "")},
        ["check", "r.yaml", "--rules", "p.yaml"],
        "p.yaml:3:5",
        "缺少必填项 name、unit\n",
        "required but missing: name, unit\n",
        id="pack-required-twice",
    ),
    pytest.param(
        {"t.yaml": "region: x\nyear: 2024\n\tlevel: district\n"},
        ["check", "t.yaml"],
        "t.yaml:3:1",
        "此处有制表符(Tab)",
        "a tab character here",
        id="yaml-tab",
    ),
    pytest.param(
        {"c.yaml": 'region: "x\nyear: 2024\n'},
        ["check", "c.yaml"],
        "c.yaml:3:1",
        "引号未闭合",
        "the quote began at line 1, column 9",
        id="yaml-quote",
    ),
    pytest.param(
        {"hulifa.toml": "jobs = -1\n"},
        ["check", "r.yaml"],
        "hulifa.toml:1:1",
        "配置项「jobs」的值无效:应不小于 0,而不是 -1",
        "setting 'jobs' is invalid: must be at least 0, not -1",
        id="config-minimum",
    ),
    pytest.param(
        {"hulifa.toml": 'lang = "en" x\n'},
        ["check", "r.yaml"],
        "hulifa.toml:1:13",
        "TOML 语法错误:值后面只能有注释(#)或换行",
        "TOML syntax error: only a comment (#) or a line break may follow a value",
        id="toml-after-value",
    ),
    pytest.param(
        {"hulifa.toml": 'lang = "en"\nformat = ["json",\n'},
        ["check", "r.yaml"],
        "hulifa.toml:2:1",
        "TOML 语法错误:值的写法无效",
        "TOML syntax error: the value is not valid TOML",
        id="toml-unclosed-list",
    ),
    pytest.param(
        {"cfg/x": ""},
        ["check", "r.yaml", "--config", "cfg"],
        "cfg:1:1",
        "这是一个目录,不是配置文件;请指明其中的文件,如 cfg/hulifa.toml",
        "this is a directory, not a configuration file: name the file in it, such as cfg/hulifa.toml",
        id="config-folder",
    ),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(HULI_DATA, tmp_path / "r.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _said(code: int, stderr: str, lang: str, place: str, zh: str, en: str) -> None:
    assert code == 2, stderr
    # a found configuration file is named by its whole path
    line = next((line + "\n" for line in stderr.splitlines() if line.partition(": ")[0].endswith(place)), "")
    if lang == "zh":
        assert zh in line and not SENTENCE.search(line), line
    else:
        assert en in line and not CJK.search(line), line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("files", "argv", "place", "zh", "en"), CASES)
def test_an_input_error_in_the_language_asked_for(
    folder: Path, files: dict[str, str], argv: list[str], place: str, zh: str, en: str, lang: str
) -> None:
    _write(folder, files)
    run = run_cli(*argv, "--lang", lang)
    _said(run.exit_code, run.stderr, lang, place, zh, en)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("files", "argv", "place", "zh", "en"), CASES)
def test_an_input_error_in_a_process(
    folder: Path, files: dict[str, str], argv: list[str], place: str, zh: str, en: str, lang: str
) -> None:
    _write(folder, files)
    run = run_process(*argv, "--lang", lang, cwd=folder)
    _said(run.exit_code, run.stderr, lang, place, zh, en)


NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}


@pytest.mark.parametrize(
    ("name", "text", "locale", "lang"),
    [
        pytest.param("hulifa.toml", 'lang = "en"\nfail-on = \n', {}, "en", id="toml-lang-en"),
        pytest.param("hulifa.toml", "lang = 'zh'\nfail-on = \n", {"LANG": "en_US.UTF-8"}, "zh", id="file-over-locale"),
        pytest.param(
            "pyproject.toml",
            '[project]\nlang = "zh"\n[tool.hulifa]\nlang = "en"\nfail-on = \n',
            {},
            "en",
            id="pyproject-table",
        ),
        pytest.param("hulifa.toml", "fail-on = \n", {"LANG": "en_US.UTF-8"}, "en", id="locale-en"),
        pytest.param(
            "hulifa.toml", "fail-on = \n", {"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh", id="lc-all"
        ),
        pytest.param("hulifa.toml", "fail-on = \n", {"LANG": "C.UTF-8"}, "zh", id="no-language"),
        pytest.param(".hulifa.yaml", "lang: en\nfail-on: [\n", {}, "en", id="yaml-lang-en"),
        pytest.param("hulifa.toml", 'lang = "en"\nfoo = 1\n', {}, "en", id="unknown-key"),
    ],
)
def test_a_configuration_error_without_lang_is_in_the_files_or_the_locales_language(
    folder: Path, name: str, text: str, locale: dict[str, str], lang: str
) -> None:
    """A configuration file that cannot be read was said in Chinese whatever the file's `lang` and the
    locale, unless --lang was typed: the file's own `lang` (read from its lines) or the locale says it."""
    _write(folder, {name: text})
    env = {**NO_LOCALE, **locale}
    for run in (run_cli("check", "r.yaml", env=env), run_process("check", "r.yaml", env=env, cwd=folder)):
        assert run.exit_code == 2 and run.stdout == "", run.stderr
        (line,) = run.stderr.splitlines()
        assert re.match(rf"{re.escape(str(folder / name))}:\d+:\d+: ", line), line
        said = line.partition(": ")[2]
        assert bool(CJK.search(said)) == (lang == "zh") and not (lang == "zh" and SENTENCE.search(said)), line
    said = run_cli("config", env=env).stderr  # `hulifa config` says it the same way
    assert bool(CJK.search(said.partition(": ")[2])) == (lang == "zh"), said
    # --lang, typed, is over both
    other = "zh" if lang == "en" else "en"
    typed = run_cli("check", "r.yaml", "--lang", other, env=env).stderr
    assert bool(CJK.search(typed.partition(": ")[2])) == (other == "zh"), typed
