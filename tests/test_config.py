"""Project configuration: found upward, validated with file:line, overridden by the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from clihelp import HULI_DATA, run_cli
from hulifa.config import find_config, load_config, schema

PYPROJECT = '[project]\nname = "office"\n\n[tool.hulifa]\nfail-on = "never"\nlang = "en"\njobs = 2\n'


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "reports" / "huli").mkdir(parents=True)
    shutil.copy(HULI_DATA, tmp_path / "reports" / "huli" / "2024.yaml")
    monkeypatch.chdir(tmp_path / "reports")  # below the project's top: the search goes upward
    return tmp_path


def test_pyproject_found_upward_and_command_line_wins(office: Path) -> None:
    (office / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    assert find_config() == office / "pyproject.toml"
    run = run_cli("check", "huli/2024.yaml", "--format", "parsable")
    assert run.exit_code == 0 and "[warning] no 'published' date" in run.stdout  # fail-on never, lang en
    run = run_cli("check", "huli/2024.yaml", "--format", "parsable", "--fail-on", "error", "--lang", "zh")
    assert run.exit_code == 1 and "未填报" in run.stdout
    run = run_cli("check", "--show-settings", "--lang", "zh")
    assert run.exit_code == 0
    assert "fail-on           = 'never'  # ../pyproject.toml:5" in run.stdout
    assert "lang              = 'zh'  # 命令行" in run.stdout  # where each came from, in the language chosen
    assert "exclude           = None  # 默认" in run.stdout
    english = run_cli("check", "--show-settings").stdout  # the file's lang, en
    assert "exclude           = None  # default" in english and english.startswith("# configuration: ")
    assert run_cli("check", "huli/2024.yaml", "--isolated", "-f", "parsable").exit_code == 1


def test_pyproject_without_a_tool_table_is_not_a_configuration(office: Path) -> None:
    (office / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config() is None


def test_hulifa_toml_and_yaml_and_explicit_config(office: Path) -> None:
    (office / "hulifa.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (office / "reports" / ".hulifa.yaml").write_text("fail-on: never\ndeviations: accepted.yaml\n", encoding="utf-8")
    assert find_config() == office / "reports" / ".hulifa.yaml"  # the nearest folder wins
    config = load_config(office / "reports" / ".hulifa.yaml")
    assert config.values["deviations"] == str(office / "reports" / "accepted.yaml")  # relative to the file
    run = run_cli("config", "--config", str(office / "hulifa.toml"))
    assert "fail-on           = 'warning'" in run.stdout and run.exit_code == 0


@pytest.mark.parametrize(
    ("name", "text", "where", "words"),
    [
        ("hulifa.toml", 'lang = "en"\nfial-on = "never"\n', "hulifa.toml:2:1", "did you mean 'fail-on'"),
        ("hulifa.toml", 'lang = "en"\n\njobs = "2"\n', "hulifa.toml:3:1", "must be a whole number, not '2'"),
        (
            "pyproject.toml",
            '[x]\na = 1\n[tool.hulifa]\nformat = ["jsn"]\n',
            "pyproject.toml:4:1",
            "'jsn' is not an allowed value",
        ),
        ("pyproject.toml", "[tool.hulifa]\n[tool.hulifa.rules]\n", "pyproject.toml:2:1", "must be text"),
        ("hulifa.toml", "lang = \n", "hulifa.toml:1:8", "TOML syntax error"),
        (".hulifa.yaml", "lang: en\nfail-on: sometimes\n", ".hulifa.yaml:2:1", "'sometimes' is not an allowed value"),
        (".hulifa.yaml", "- lang\n", ".hulifa.yaml:1:1", "must be a mapping"),
    ],
)
def test_bad_configuration_is_an_error_at_its_line(office: Path, name: str, text: str, where: str, words: str) -> None:
    (office / name).write_text(text, encoding="utf-8")
    for args in (["check", "huli/2024.yaml", "--lang", "en"], ["config"]):
        run = run_cli(*args)
        assert run.exit_code == 2, run.stdout
        assert run.stderr.startswith(f"{office / name}:{where.split(':', 1)[1]}: "), run.stderr
        assert run.stdout == "" and run.stderr.count("\n") == 1
    assert words in run_cli("check", "huli/2024.yaml", "--lang", "en").stderr


def test_configured_excludes_formats_and_outputs(office: Path) -> None:
    (office / "reports" / "drafts").mkdir()
    (office / "reports" / "drafts" / "bad.yaml").write_text("a: [\n", encoding="utf-8")
    (office / "hulifa.toml").write_text(
        'extend-exclude = ["drafts/"]\nformat = ["json"]\noutput = ["out/result.json"]\n', encoding="utf-8"
    )
    (office / "out").mkdir()
    run = run_cli("check", ".")
    assert run.exit_code == 1, run.stderr
    assert json.loads((office / "out" / "result.json").read_text(encoding="utf-8"))["reports"]


def test_schema_command_prints_the_shipped_schema() -> None:
    run = run_cli("schema", "config")
    printed = json.loads(run.stdout)
    assert printed == schema()
    jsonschema.Draft202012Validator.check_schema(printed)


def test_init_template_validates_against_the_schema_its_header_names(tmp_path: Path) -> None:
    import re

    import yaml

    template = tmp_path / "2025.yaml"
    assert run_cli("init", str(template), "--region", "湖里区", "--year", "2025", "--level", "district").exit_code == 0
    text = template.read_text(encoding="utf-8")
    reference = re.search(r"^# yaml-language-server: \$schema=(\S+)$", text, re.MULTILINE)
    assert reference is not None
    written = run_cli("schema", "report", "--output", str(tmp_path / reference.group(1)))
    assert written.exit_code == 0, written.stderr
    again = run_cli("schema", "report", "--output", str(tmp_path / reference.group(1)))
    assert again.exit_code == 2 and "--force" in again.stderr  # never overwritten without --force
    report_schema = json.loads((tmp_path / reference.group(1)).read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft202012Validator(report_schema).iter_errors(yaml.safe_load(text))]
    assert errors == []
    assert run_cli("check", str(template)).exit_code == 1  # and check accepts it: every figure still missing


def test_the_files_lang_reaches_every_command(office: Path) -> None:
    """`lang = "en"` in the configuration reached only `check` and --help: `rules list`, `init`, `diff`
    and `extract` spoke Chinese (or both), and `config` printed its settings in Chinese."""
    (office / "hulifa.toml").write_text('lang = "en"\n', encoding="utf-8")
    listing = run_cli("rules", "list").stdout
    assert "severity" in listing and "级别" not in listing
    assert "级别" in run_cli("rules", "list", "--lang", "zh").stdout  # the command line over the file
    assert "级别" in run_cli("--lang", "zh", "rules", "list").stdout
    made = run_cli("init", "new.yaml", "--region", "湖里区", "--year", "2025", "--level", "district")
    assert (made.exit_code, made.stderr) == (0, "wrote new.yaml\n")
    diff = run_cli("diff", "huli/2024.yaml", "huli/2024.yaml", env={"COLUMNS": "120"})
    assert diff.exit_code == 0 and "indicator" in diff.stdout.lower() and "指标" not in diff.stdout
    refused = run_cli("extract", "--nosuch")
    assert refused.exit_code == 2 and refused.stderr.rstrip().endswith("hulifa: no such option: --nosuch")
    shown = run_cli("config").stdout
    assert shown.startswith("# configuration: ") and "lang              = 'en'  # ../hulifa.toml:1" in shown
    assert "lang              = 'zh'  # 命令行" in run_cli("config", "--lang", "zh").stdout


def test_the_apps_lang_is_the_setting_config_shows(office: Path) -> None:
    """`hulifa --lang en config` printed in English but `lang = 'zh'  # default`."""
    shown = run_cli("--lang", "en", "config").stdout
    assert "lang              = 'en'  # command line" in shown and "# default" in shown
    assert "lang              = 'en'  # command line" in run_cli("config", "--lang", "en").stdout
