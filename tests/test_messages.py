"""messages: every message id renders in Chinese and English, with no placeholder, id or Chinese left in English."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import os
import re
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clihelp import MINIMAL, ROOT, run_cli
from hulifa import messages
from hulifa.model import (
    Basis,
    Change,
    Direction,
    Finding,
    Position,
    Quantity,
    Rule,
    Severity,
    Status,
    Strength,
    Text,
    Trend,
    params,
)
from hulifa.quantity import format_number, parse_chinese_number
from hulifa.rulepack import load_pack

CJK = re.compile(r"[\u3400-\u9fff]")
# A value for every parameter a template names that the renderer does not work out itself.
SAMPLE = {
    "problem": Text("无法读取", "cannot be read"),
    "bodies": ("party committee",),
    "needs": "approval",
    "given": "kg",
    "rate": 120.0,
    "allowed": "days",
    "doubt": Text("可疑", "doubtful"),
    "have": ("measures",),
    "lacking": ("causes",),
    "field": "published",
    "due": dt.date(2025, 4, 1),
    "body": "district",
    "year": 2024,
    "other": Text("某指标", "some indicator"),
    "key": "some_key",
    "close": "close_key",
    "first": "first_key",
    "line": 12,
    "figure": "95%",
    "derived": "96%",
    "tolerance": 0.5,
    "part": Text("部分", "part"),
    "total": Text("总数", "total"),
    "total_value": "10",
    "then": "a.yaml:3",
    "commitment": "promise",
    "expires": dt.date(2030, 1, 1),
    "text": Text("说明", "a note"),
}
COMPUTED = {"name", "expected", "actual", "value", "gap", "amount", "late", "date", "bound", "bound_word", "derive",
            "limit", "longest", "unit", "direction", "previous", "change", "level", "quoted", "late_days",
            "limit_count", "longest_count", "field_name"}  # fmt: skip


def _rule() -> Rule:
    """A rate of the pack (a count's gap keeps its Chinese unit in JSON gap_en), with a trend, a derivation
    and an extension: every word applies."""
    base = next(r for r in load_pack().rules if r.name_en and r.requirement.target is not None and r.unit == "%")
    basis = Basis("doc", Strength.PRACTICE)
    requirement = base.requirement._replace(extension=30.0)
    trend = Trend(Direction.INCREASE, Severity.WARNING, basis)
    return base._replace(trend=trend, derive="a / b", requirement=requirement)


def _finding(message: str) -> Finding:
    names = set()
    for template in (messages.MESSAGES[message], messages.TARGETS.get(message), messages.VALUES.get(message),
                     messages.GAPS.get(message)):  # fmt: skip
        for text in (template.zh, template.en) if template else ():
            names |= {field for _, field, _, _ in string.Formatter().parse(text) if field}
    names = {n.removesuffix("_quoted") for n in names}  # a parameter, quoted as the report's words
    assert names <= COMPUTED | set(SAMPLE), names - COMPUTED - set(SAMPLE)
    rule = _rule()
    return Finding(
        rule=rule.id,
        subject=rule,
        status=Status.SHORTFALL,
        severity=Severity.WARNING,
        position=Position("r.yaml", 3, 1),
        message=message,
        params=params(**{k: SAMPLE[k] for k in names if k in SAMPLE}, over=False),
        quantity=Quantity(20.0, "", text="20"),
        date=dt.date(2025, 4, 2),
        gap=3.0,
        previous="18",
        change=Change(2.0, 2.0, 18.0),
    )


def test_an_extension_without_the_packs_condition_needs_approval() -> None:
    """`within_extension` names what the pack's extension_needs says, or, when the pack says nothing,
    approval (messages.APPROVED), never an empty condition."""
    stated = _finding("within_extension")._replace(params=params(needs="负责人批准"))
    unstated = stated._replace(params=())
    assert "延长合法的前提是负责人批准;" in messages.message(stated, "zh")
    assert "延长合法的前提是经批准延长;" in messages.message(unstated, "zh")
    assert "lawful if approved" in messages.message(unstated, "en")


@pytest.mark.parametrize("message", sorted(messages.MESSAGES))
def test_every_message_renders_in_both_languages(message: str) -> None:
    f = _finding(message)
    for lang in ("zh", "en"):
        texts = [messages.message(f, lang), messages.expected(f, lang), messages.actual(f, lang), messages.gap(f, lang)]
        said = " ".join(texts)
        assert texts[0], (message, lang)
        assert "{" not in said and "}" not in said, (message, lang, said)
        if "." in message or "_" in message:  # an id that is also a word ("late", "meets") may be said
            assert message not in said, (message, lang, said)
        if lang == "en":
            assert not CJK.search(said), (message, said)


def test_an_accepted_finding_says_why_in_both_languages() -> None:
    from hulifa.model import Deviation

    entry = Deviation("r", "reason", "approver", dt.date(2030, 1, 1), Position("d.yaml", 1, 1))
    f = _finding("missing")._replace(status=Status.ACCEPTED, accepted=entry, accepted_status="missing")
    assert "(accepted deviation: “reason”; approved by “approver”; until 2030-01-01)" in messages.message(f, "en")
    assert "已接受偏差:reason;批准:approver;有效期至 2030-01-01" in messages.message(f, "zh")


def test_a_numeric_gap_is_worded_by_direction_and_exactness() -> None:
    f = _finding("shortfall")
    assert messages.gap(f, "zh") == "差 3 个百分点"
    assert messages.gap(f._replace(params=params(over=True, bounded=True)), "en") == "over by at least 3 points"


# ----------------------------------------------------------------- no Chinese in English, every format

# What may stay Chinese in English output, because it is not hulifa's wording: a document's 《title》
# (and the number in brackets after it), and the report's own words, quoted “…”.
_CITED_OR_QUOTED = re.compile(r"《[^》]*》(?:[(（][^)）]*[)）])?|“[^”]*”|'[^'\s]*[\u3400-\u9fff][^'\s]*'")
_CUT_DATA = re.compile(r"[\u3400-\u9fff]+ ?…")  # a region shortened to fit its column
CASES = sorted((ROOT / "tests" / "cases").glob("*/report.yaml"))


def _hulifa_words(text: str, regions: set[str]) -> str:
    """`text` without what may stay Chinese: cited titles, quotes, and region names (data)."""
    text = _CITED_OR_QUOTED.sub("", text)
    for region in sorted(regions, key=len, reverse=True):
        text = text.replace(region, "")
    return _CUT_DATA.sub("", text)


def _english_texts(fmt: str, out: str) -> list[str]:
    """The texts of `fmt`'s output that a reader of --lang en reads as hulifa's words."""
    if fmt in ("json", "json-compact"):  # bilingual by design: the *_en fields are the English
        found: list[str] = []

        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key.endswith("_en") and isinstance(value, str):
                        found.append(value)
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(json.loads(out))
        return found
    if fmt == "sarif":  # results' messages and their properties in --lang (otherLanguage is the other one)
        results = json.loads(out)["runs"][0]["results"]
        keys = ("indicator", "expected", "actual", "gap")
        return [r["message"]["text"] for r in results] + [r["properties"][k] for r in results for k in keys]
    if fmt == "junit":  # messages, bodies, and testcase names less their rule id
        root = ET.fromstring(out)
        names = [el.get("name", "").partition(" — ")[2] for el in root.iter("testcase")]
        return names + [el.get("message", "") + "\n" + (el.text or "") for el in root.iter() if el.tag != "testcase"]
    if fmt == "html":
        return [html.unescape(out)]
    return [out]


@pytest.mark.parametrize(
    "fmt", ["table", "json", "json-compact", "junit", "sarif", "github", "markdown", "parsable", "html", "codequality"]
)
def test_english_output_has_no_chinese_of_hulifas_own(fmt: str) -> None:
    """Every format, through the CLI, on the Huli data and every case report with --all: in English,
    nothing of hulifa's own wording is Chinese (units, bounds, changes, statuses, targets, gaps)."""
    files = [str(ROOT / "reports" / "huli" / "2024.yaml"), *map(str, CASES)]
    run = run_cli("check", *files, "--lang", "en", "--all", "--format", fmt, env={"COLUMNS": "200"})
    assert run.exit_code == 2, run.stderr  # one case cannot be checked: its record is in the output too
    data = json.loads(run_cli("check", *files, "--format", "json").stdout)
    regions = {r["region"] for r in data["reports"] if r.get("region")}
    left = {}
    for text in _english_texts(fmt, run.stdout):
        for line in text.splitlines():
            if CJK.search(_hulifa_words(line, regions)):
                left.setdefault(_hulifa_words(line, regions).strip()[:120], line)
    assert not left, "\n".join(list(left)[:15])


def _bad_command_lines() -> list[list[str]]:
    """For each command that takes --lang, a usage error at each of its options: a value option left
    without its value, a flag given one, a choice or number given "nosuch"; and an unknown option, an
    unknown command, a missing or extra argument. (A bad --lang itself is said in both languages.)"""
    from typer.core import TyperGroup
    from typer.main import get_command

    from hulifa.cli import app

    group = get_command(app)
    assert isinstance(group, TyperGroup)
    lines = [["chek", "--lang", "en"], ["rules", "lst", "--lang", "en"]]
    for name, command in group.commands.items():
        if not any("--lang" in p.opts for p in command.params):
            continue
        arguments = [p for p in command.params if p.param_type_name == "argument"]
        lines.append([name, "--nosuch", "--lang", "en"])
        required = any(p.required for p in command.params if p.param_type_name == "option")
        if all(p.nargs > 0 for p in arguments) and not required:  # `check` takes any number of paths; a missing
            # required option (init's --region) is said before extra arguments are
            lines.append([name, "--lang", "en", *["x"] * (len(arguments) + 2)])
        lines += [[name, "--lang", "en"]] if any(p.required for p in arguments) else []
        for param in command.params:
            if param.param_type_name != "option" or param.opts == ["--lang"]:
                continue
            if getattr(param, "is_flag", False):
                lines += [[name, f"{opt}=x", "--lang", "en"] for opt in (*param.opts, *param.secondary_opts)
                          if opt.startswith("--")]  # fmt: skip
            else:
                lines.append([name, "--lang", "en", param.opts[0]])
                if hasattr(param.type, "choices") or param.type.name.startswith("int"):  # "nosuch" is none
                    lines.append([name, param.opts[0], "nosuch", "--lang", "en"])
    return lines


@pytest.mark.parametrize("argv", _bad_command_lines(), ids=" ".join)
def test_english_usage_errors_have_no_chinese_and_name_what_is_wrong(argv: list[str]) -> None:
    """click's usage errors too, at every option: English throughout, naming the option or value."""
    run = run_cli(*argv)
    assert (run.exit_code, run.stdout) == (2, ""), run.stderr
    assert not CJK.search(run.stderr), run.stderr
    wrong = next((word for word in argv if word.startswith("-") and word != "--lang"), argv[-1])
    named = {wrong, wrong.partition("=")[0], "nosuch", "missing argument", "chek", "lst"}
    assert any(word in run.stderr.split("\n\n", 1)[1] for word in named), run.stderr  # in what is wrong


def test_units_are_words_in_english_and_figures_keep_their_bound() -> None:
    assert messages.count(12, "次", "en") == "12 times" and messages.count(1, "次", "en") == "1 time"
    assert messages.count(15, "工作日", "en") == "15 working days" and messages.count(60, "学时", "en") == "60 hours"
    assert messages.count(12, "次", "zh") == "12 次" and messages.count(95, "%", "en") == "95%"
    # a qualifier that excludes the number is said so: 余/超过 more than, 不足/不到 under
    assert messages.figure("1700余人次", "人次", "en") == "more than 1,700 attendances"
    assert messages.figure("1.1万余件", "件", "en") == "more than 11,000 cases"
    assert messages.figure("不足60学时", "学时", "en") == "under 60 hours"
    assert messages.figure("不少于60学时", "学时", "en") == "at least 60 hours"
    assert messages.figure("60学时以下", "学时", "en") == "at most 60 hours"
    assert messages.figure("1700余人次", "人次", "zh") == "1700余人次"  # Chinese: as the report wrote it
    assert messages.figure("无法确定", "件", "en") == "cannot be determined"
    assert messages.figure("区委常委会", "", "en") == "“区委常委会”"  # not a figure: the report's words, quoted


def test_a_shared_count_reads_as_the_report_wrote_it_in_english_too() -> None:
    # report data marks one count two bodies share `bound: upper` (the government's own is at most
    # that); the Chinese shows 「12次」 as written, and so does the English: the gap says why it is shared
    from hulifa.model import Bound, Quantity

    assert messages.quantity(Quantity(12, "次", Bound.UPPER, "12次"), "次", "en") == "12 times"
    assert messages.quantity(Quantity(12, "次", Bound.UPPER, "12次"), "次", "zh") == "12次"
    assert messages.quantity(Quantity(12, "次", Bound.UPPER, ""), "次", "en") == "at most 12 times"


def test_a_change_is_worded_in_both_languages() -> None:
    assert messages.change_text(Change(2.0, 2.0, 18.0), "件", "en") == "+2 (+11.1%)"
    assert messages.change_text(Change(-1.5, -1.5), "%", "zh") == "-1.5 个百分点"
    assert messages.change_text(Change(-1.5, -1.5), "%", "en") == "-1.5 points"
    assert messages.change_text(Change(1.0, 3.0), "%", "en") == "1 to 3 points"
    assert messages.change_text(Change(1.0, 3.0), "件", "zh") == "1 至 3"
    assert messages.change_text(Change(float("-inf"), float("inf")), "件", "en") == "cannot be determined"
    assert messages.change_text(Change(3.0, float("inf")), "件", "en") == "≥ 3"


def test_articles_are_cited_with_numbers_in_english() -> None:
    assert messages.article("第六十二条第一款", "en") == "Art. 62 para. 1"
    assert messages.article("第四章 (年度报告)", "en") == "Ch. 4"
    assert messages.article("第三十三条", "zh") == "第三十三条"
    # several places are parted, not run together ("Art. 4 Art. 24" had been the English)
    assert messages.article("第四条、第二十四条", "en") == "Arts. 4 and 24"
    assert messages.article("第二十二条、第二十三条、第三十条", "en") == "Arts. 22, 23 and 30"
    assert messages.article("第三条第三款、第五条", "en") == "Art. 3 para. 3 and Art. 5"
    # items of a guideline, and a gloss that cites a place of its own (it had read "Art. 51 Art. 42")
    assert messages.article("(二)(三)(七)", "en") == "items (2), (3) and (7)"
    assert messages.article("(十二)", "en") == "item (12)"
    assert messages.article("第五十一条 (2015年版 第四十二条)", "en") == "Art. 51 (Art. 42 of the 2015 version)"
    assert messages.article('第27项 "报备率、报备及时率、规范率均达100%"', "en") == "item 27"


def test_a_documents_citation_in_english_says_what_it_rests_on() -> None:
    assert messages.document("国务院办公厅《关于全面推行…的指导意见》(国办发〔2018〕118号)", "en") == (
        "《关于全面推行…的指导意见》(国办发〔2018〕118号)"
    )
    # several documents, each with the place cited after its title
    assert messages.document("《中华人民共和国行政诉讼法》第三条第三款; 最高人民法院《关于…的规定》(2020)", "en") == (
        "《中华人民共和国行政诉讼法》 Art. 3 para. 3; 《关于…的规定》(2020)"
    )
    # a source without a title is quoted as the pack words it: it had been left out, "Basis: PRACTICE" alone
    assert messages.document("地方实践", "en") == "“地方实践”"
    assert messages.document("国办发〔2018〕115号", "en") == "“国办发〔2018〕115号”"
    # a title given only as an example of the source is not the source
    example = "地方规定 (如 四川省人民政府《关于深化政府常务会议学法活动的意见》(川府发〔2014〕71号))"
    assert messages.document(example, "en") == f"“{example}”"


def test_every_basis_of_the_bundled_packs_is_cited_in_english() -> None:
    """Each basis the bundled packs give (articles, items, several places or titles, none): its English
    citation names a document (a 《title》 or the pack's words, quoted), keeps every number its Chinese
    cites, and never runs two places together."""
    from hulifa.rulepack import bundled_pack_path, bundled_packs

    for name in bundled_packs():
        for rule in load_pack(bundled_pack_path(name)).rules:
            for basis in filter(None, (rule.basis, rule.trend.basis if rule.trend else None)):
                cite = messages.citation(basis, "en")
                assert cite.startswith(("《", "“")), (rule.id, cite)
                assert not re.search(r"\b(Arts?\.|Ch\.|Sec\.|para\.|items?|Part) \d+ \1 ", cite), (rule.id, cite)
                for n in re.findall(r"第([零〇一二两三四五六七八九十百千]+)[条章节款项]", basis.article):
                    assert re.search(rf"\b{format_number(parse_chinese_number(n))}\b", cite), (rule.id, cite)


def test_a_missing_date_is_named_in_words_with_its_key_in_brackets() -> None:
    """A Chinese line said "未给出 published 日期": an English key in a Chinese sentence. The key stays,
    in brackets, as the field to fill in; the words say which date it is."""
    run = run_cli("check", str(ROOT / "reports" / "huli" / "2024.yaml"), "--format", "parsable")
    assert "未给出公开日期(published);须在 2025-04-01 之前" in run.stdout
    assert "未给出报送日期(submitted);须在 2025-03-01 之前" in run.stdout
    english = run_cli("check", str(ROOT / "reports" / "huli" / "2024.yaml"), "--format", "parsable", "--lang", "en")
    assert "no 'published' date given; it is due before 2025-04-01" in english.stdout


def test_a_figure_for_a_yes_no_fact_has_no_unit() -> None:
    # the rule's unit "bool" names a kind of value: "12 bool" had been the English of a 12 given for a yes/no
    assert messages.count(12, "bool", "en") == "12"
    assert messages.count(12, "bool", "zh") == "12"
    assert messages.count(12, "件", "en") == "12 cases"


@pytest.mark.parametrize("folder", [case.parent for case in CASES], ids=lambda folder: folder.name)
def test_each_case_with_its_own_pack_and_options_says_its_errors_in_english(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case folder as test_cases runs it (its rules.yaml and args), with --lang en: the findings and
    what goes to stderr (a refused pack or expression, a note, an input error) hold none of hulifa's
    Chinese. The test above runs the reports against the default pack only, and reads stdout only."""
    monkeypatch.chdir(folder)
    args = ["check", "report.yaml", "--lang", "en", "--all", "--format", "parsable"]
    if (folder / "rules.yaml").is_file():
        args += ["--rules", "rules.yaml"]
    if (folder / "args").is_file():
        args += (folder / "args").read_text(encoding="utf-8").split()
    run = run_cli(*args)
    assert run.stdout or run.stderr
    names = {"测试区"}  # the cases' region; a pack's own indicator names are data too
    if (folder / "rules.yaml").is_file():
        names |= set(re.findall(r"^\s*name: (\S+)", (folder / "rules.yaml").read_text(encoding="utf-8"), re.M))
    left = [line for line in (run.stdout + run.stderr).splitlines() if CJK.search(_hulifa_words(line, names))]
    assert not left, "\n".join(left[:15])


@pytest.mark.skipif(sys.platform == "win32", reason="a FIFO")
def test_files_passed_over_are_said_in_the_readers_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The notes on files a folder scan passes over (hulifa.discovery, hulifa.runner), and on a named
    file --force-exclude drops: from their ids, in English with --lang en and in Chinese without."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2024.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "pack.yaml").write_text("pack: mine\nextends: default\n", encoding="utf-8")
    (folder / "deviations.yaml").write_text("deviations: []\n", encoding="utf-8")
    (folder / "settings.yaml").write_text("fail-on: never\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.yaml")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "2024.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    english = run_cli("check", "reports", "--lang", "en", "--format", "parsable").stderr
    assert "reports/pack.yaml: skipped: this is a rule pack, not report data" in english
    assert "reports/deviations.yaml: skipped: this is a deviations file, not report data" in english
    assert "reports/settings.yaml: skipped: this is a hulifa configuration file, not report data" in english
    assert "reports/pipe.yaml: skipped: not a regular file (FIFO), it could hang" in english
    assert not CJK.search(english), english
    chinese = run_cli("check", "reports", "--format", "parsable").stderr
    assert "reports/pack.yaml: 已跳过:这是规则包,不是报告数据" in chinese
    excluded = run_cli("check", "build/2024.yaml", "--force-exclude", "--lang", "en")
    assert "build/2024.yaml: skipped: excluded, or ignored by git" in excluded.stderr
    assert not CJK.search(excluded.stderr), excluded.stderr


def test_a_comparisons_notes_are_said_in_the_readers_language(tmp_path: Path) -> None:
    """`hulifa diff` of two reports of different regions, two years apart: its notes (hulifa.diff)."""
    old, new = tmp_path / "2022.yaml", tmp_path / "2024.yaml"
    old.write_text(MINIMAL.replace("测试区", "甲区").replace("2024", "2022") + "  ar_case_count: 3\n", "utf-8")
    new.write_text(MINIMAL.replace("测试区", "乙区") + "  ar_case_count: 4\n", "utf-8")
    english = run_cli("diff", str(old), str(new), "--lang", "en").stdout
    assert "the regions differ: 甲区 / 乙区" in english
    assert "the years are not consecutive: 2022 → 2024" in english
    chinese = run_cli("diff", str(old), str(new)).stdout
    assert "两份报告的地区不同:甲区 / 乙区" in chinese and "年度不相邻:2022 → 2024" in chinese


@pytest.mark.parametrize(
    ("option", "english"),
    [
        (["--level", "village"], "--level must be one of province | city | county"),
        (["--year", "1066"], "--year must be the year reported on, not 1066"),
        (["--region", " "], "--region must not be empty"),
        (["--today", "tomorrow"], "--today must be YYYY-MM-DD, not 'tomorrow'"),
    ],
)
def test_a_bad_option_is_said_from_its_id(option: list[str], english: str, tmp_path: Path) -> None:
    """--level/--year/--region (hulifa.reportdata.TextHints) and --today: exit 2 before any file is
    read, in the language --lang asks for, else in both, as a usage error is."""
    run = run_cli("check", str(ROOT / "reports" / "huli" / "2024.yaml"), *option, "--lang", "en")
    assert run.exit_code == 2 and english in " ".join(run.stderr.split()), run.stderr
    assert not CJK.search(run.stderr)  # English alone (it was said in both, --lang en or not)
    with contextlib.chdir(tmp_path):  # no configuration file's lang: both
        unasked = run_cli("check", str(ROOT / "reports" / "huli" / "2024.yaml"), *option)
    assert unasked.exit_code == 2 and english in " ".join(unasked.stderr.split()) and CJK.search(unasked.stderr)


@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x33F0, max_codepoint=0x3410),  # around the range's ends
            st.characters(min_codepoint=0x9FF0, max_codepoint=0xA010),
            st.characters(),
        )
    )
)
def test_has_chinese_is_the_cjk_range(text: str) -> None:
    """has_chinese skips ASCII text and compiles its pattern when first asked: the same answer."""
    assert messages.has_chinese(text) == any(0x3400 <= ord(char) <= 0x9FFF for char in text)
