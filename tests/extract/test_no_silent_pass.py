"""Report text that does not say its year, body or level never passes: exit 2, naming what is missing.

Text and YAML go through the one validating constructor (reportdata.new_report); --year, --level
and --region supply what the text does not say; a level guessed from a name is marked as a guess.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from clihelp import run_cli
from hulifa.errors import InputError
from hulifa.extract import extract_text
from hulifa.extract.output import to_report_data, to_report_yaml
from hulifa.model import RulePack, Status
from hulifa.reportdata import TextHints, report_from_document
from hulifa.runner import check_file

# my own wording: a body that says 我县 only, so no region and no level can be read
NO_BODY = "2024年,我县坚持依法行政,全年办理行政复议案件12件。\n"
NO_YEAR = "某某县人民政府关于法治政府建设工作情况的报告\n一、主要举措和成效\n办理行政复议案件7件。\n"


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("empty.txt", "", "holds no text"),
        ("blank.txt", "\n  \n", "holds no text"),
        ("hello.txt", "hello\n", "no report can be read"),
        ("empty.html", "", "holds no text"),
        ("shell.html", "<html><body><nav>首页</nav></body></html>", "holds no text"),
        ("nobody.txt", NO_BODY, "--region"),
        ("noyear.txt", NO_YEAR, "--year"),
    ],
)
def test_check_refuses_text_it_cannot_read(tmp_path: Path, name: str, text: str, says: str) -> None:
    run = run_cli("check", _write(tmp_path, name, text), "--lang", "en")
    assert run.exit_code == 2, run.stdout + run.stderr
    assert says in run.stderr


def test_options_supply_what_the_text_does_not_say(tmp_path: Path) -> None:
    path = _write(tmp_path, "nobody.txt", NO_BODY)
    run = run_cli("check", path, "--region", "某某县", "--level", "county", "-f", "parsable")
    assert run.exit_code == 1, run.stderr  # the statutory parts are missing: errors, not a pass
    assert "part_measures" in run.stdout and "hulifa.input" not in run.stdout
    year = run_cli("check", _write(tmp_path, "noyear.txt", NO_YEAR), "--year", "2023", "-f", "parsable")
    assert year.exit_code == 1 and "hulifa.input" not in year.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--level", "village"), "--level must be one of"),
        (("--year", "1800"), "--year"),
        (("--region", " "), "--region"),
    ],
)
def test_bad_options_are_refused(tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    path = _write(tmp_path, "nobody.txt", NO_BODY)
    for command in ("check", "extract"):
        run = run_cli(command, path, *args)
        assert run.exit_code == 2 and says in run.stderr, (command, run.stderr)


def test_extract_writes_null_for_what_it_cannot_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "nobody.txt", NO_BODY)
    out = tmp_path / "nobody.yaml"
    run = run_cli("extract", path, "-o", str(out))
    # extract agrees with check on the text: exit 2, saying what is missing and how to give it, in
    # the language asked for; the draft is still written, with null where the text says nothing
    assert run.exit_code == 2 and run_cli("check", path).exit_code == 2
    assert "--region" in run.stderr and "region: null" in run.stderr and "草稿已写出" in run.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["region"] is None and data["level"] is None and data["year"] == 2024
    # the draft is refused by check until someone fills it in, just like the text itself
    assert run_cli("check", str(out)).exit_code == 2
    english = run_cli("extract", path, "--lang", "en")
    assert english.exit_code == 2 and "草稿" not in english.stderr
    assert "the reporting body" in english.stderr and "fill in region" in english.stderr
    assert yaml.safe_load(english.stdout)["region"] is None
    # given what it lacks, the same text extracts with exit 0, and check takes the draft
    given = run_cli("extract", path, "--region", "某某县", "-o", str(tmp_path / "given.yaml"))
    assert given.exit_code == 0 and given.stderr.count("\n") <= 1, given.stderr
    assert run_cli("check", str(tmp_path / "given.yaml")).exit_code in (0, 1)


def test_extract_refuses_a_text_with_no_report(tmp_path: Path) -> None:
    run = run_cli("extract", _write(tmp_path, "hello.txt", "hello\n"))
    assert run.exit_code == 2 and "读不出报告" in run.stderr


def test_unsure_level_is_marked_and_reported_the_same_from_text_and_yaml(pack: RulePack, tmp_path: Path) -> None:
    text = "2023年,某某市坚持依法行政,全年办理行政复议案件12件。\n"
    path = _write(tmp_path, "city.txt", text)
    ex = extract_text(text, pack)
    assert ex.level == "city" and ex.level_guess is not None and not ex.level_guess.sure
    draft = to_report_yaml(ex, "city.txt")
    assert "level_guessed:" in draft and "a guess" in draft
    yaml_path = tmp_path / "city.yaml"
    yaml_path.write_text(draft, encoding="utf-8")
    from_text = check_file(path, pack)
    from_yaml = check_file(str(yaml_path), pack)
    for result in (from_text, from_yaml):
        level = [f for f in result.findings if f.rule == "hulifa.level"]
        assert len(level) == 1 and level[0].status is Status.UNVERIFIABLE
    # given on the command line, the level is no longer a guess
    given = check_file(path, pack, hints=TextHints(level="county"))
    assert not [f for f in given.findings if f.rule == "hulifa.level"]


def test_sure_level_is_commented_not_flagged(pack: RulePack) -> None:
    ex = extract_text("2023年,石狮市坚持依法行政,办理行政复议案件3件。\n", pack)
    draft = to_report_yaml(ex, "x.txt")
    assert "level: county  # 由名称推断" in draft and "level_guessed" not in draft


def test_text_and_yaml_share_the_header_validation(pack: RulePack, tmp_path: Path) -> None:
    from hulifa.yamlsafe import load_yaml_file

    ex = extract_text("2024年,某某县坚持依法行政,办理行政复议案件3件。\n", pack, year=1850)
    with pytest.raises(InputError, match="year must be the year reported on"):
        to_report_data(ex, "x.txt")
    bad = tmp_path / "bad.yaml"
    bad.write_text("region: 某某县\nlevel: county\nyear: 1850\nindicators: {}\n", encoding="utf-8")
    with pytest.raises(InputError, match="year must be the year reported on"):
        report_from_document(load_yaml_file(bad))


def test_no_applicable_part_rule_is_a_finding(pack: RulePack, tmp_path: Path) -> None:
    """A pack whose part rules apply to no level the report has: the parts are unchecked, and it says so."""
    rules = tmp_path / "pack.yaml"
    source = Path(__file__).resolve().parents[2] / "rules" / "default.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for rule in data["indicators"]:
        if rule.get("requirement", {}).get("kind") == "section":
            rule["levels"] = ["province"]
    rules.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    path = _write(tmp_path, "county.txt", "2024年,某某县坚持依法行政,办理行政复议案件3件。\n")
    run = run_cli("check", path, "--rules", str(rules), "-f", "parsable", "--lang", "en")
    assert "hulifa.sections" in run.stdout and "was not checked" in run.stdout


def test_a_level_the_pack_does_not_know_asks_for_level(tmp_path: Path) -> None:
    """A town report, while the pack has no town level: exit 2 saying what was read and what to give."""
    from hulifa.model import LEVELS

    text = "江头街道2024年法治政府建设年度报告\n2024年,江头街道坚持依法行政,调解矛盾纠纷120件。\n"
    run = run_cli("check", _write(tmp_path, "town.txt", text), "--lang", "en")
    if "town" in LEVELS:
        assert run.exit_code in (0, 1) and "hulifa.input" not in run.stdout
    else:
        assert run.exit_code == 2 and "town" in run.stderr and "--level" in run.stderr


AVERAGE = (
    "某某区人民政府2024年法治政府建设年度报告\n一、主要举措和成效\n"
    "全年审核区政府规范性文件9件，审核时间平均7个工作日。\n"
)


def test_an_average_review_time_does_not_pass_the_limit_for_each_document(tmp_path: Path) -> None:
    """平均7个工作日 is within 5–15 working days on average only: extracted, then checked, from the text and
    from the YAML extract writes, the rule says it cannot be confirmed (it passed before)."""
    path = _write(tmp_path, "average.txt", AVERAGE)
    out = tmp_path / "average.yaml"
    assert run_cli("extract", path, "-o", str(out)).exit_code == 0
    assert "mean: true" in out.read_text(encoding="utf-8")
    for source in (path, str(out)):
        run = run_cli("check", source, "-f", "json", "--fail-on", "never", "--lang", "en")
        (finding,) = [f for f in json.loads(run.stdout)["reports"][0]["findings"]
                      if f["rule"] == "nd_legality_review_workdays"]  # fmt: skip
        assert finding["status"] == "unverifiable", finding
        assert "an average cannot show" in finding["message_en"]
