"""A basis the pack qualifies (可能出处,部分核实: a source not confirmed) is cited with that qualifier in
every format that prints a full citation: the table with --all, Markdown, GitHub, JUnit, HTML, SARIF's
rule help, and `rules show`, in Chinese and in English (the pack's words, quoted). Before, only the table's short
citation kept it, and it fell first when the line was tight; a reader of a full citation saw an
unconfirmed source cited as if it were confirmed. The pack's title is said in the page's language
(the default pack's "(national rules)" is not in a Chinese page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hostile.helpers import run_process

REPORT = "region: 测试区\nlevel: district\nyear: 2024\nsections: [measures]\nindicators:\n  nd_filing_rate: 90%\n"
# nd_filing_rate's qualifier, and report_submitted_by's (a notice: GitHub keeps 10 warnings, ranked first)
QUALIFIERS = {
    "zh": ("(可能出处,部分核实)", "(报送时限据某省年度报告工作指引)"),
    "en": ("(the pack's caveat: “可能出处,部分核实”)", "(the pack's caveat: “报送时限据某省年度报告工作指引”)"),
}
FORMATS = [["--all"], ["-f", "markdown"], ["-f", "github"], ["-f", "junit"], ["-f", "html"], ["-f", "sarif"]]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "r.yaml").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cited(text: str, lang: str) -> bool:
    flat = "".join(text.split()).replace("&#x27;", "'")  # a wrapped table line; HTML's escaped quote
    return any("".join(wanted.split()) in flat for wanted in QUALIFIERS[lang])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f[-1].lstrip("-"))
def test_every_full_citation_keeps_the_qualifier(folder: Path, fmt: list[str], lang: str) -> None:
    run = run_cli("check", "r.yaml", "--lang", lang, *fmt, env={"COLUMNS": "80"})
    assert run.exit_code == 1 and _cited(run.stdout, lang), run.stdout[-3000:]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rules_show_and_a_process_keep_it(folder: Path, lang: str) -> None:
    shown = run_cli("rules", "show", "nd_filing_rate", "--lang", lang, env={"COLUMNS": "80"})
    assert _cited(shown.stdout, lang), shown.stdout
    table = run_process("check", "r.yaml", "--all", "--lang", lang, env={"COLUMNS": "80"}, cwd=folder)
    assert table.exit_code == 1 and _cited(table.stdout, lang), table.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarifs_rule_help_cites_with_the_qualifier_in_the_runs_language(folder: Path, lang: str) -> None:
    """SARIF's rule help (what a code-scanning page shows under a rule) said "依据 Basis: … [EVAL]" with
    no qualifier, and labelled its lines in both languages (Note/Why in English in a Chinese run)."""
    import json

    import jsonschema

    run = run_process("check", "r.yaml", "-f", "sarif", "--lang", lang, cwd=folder)
    doc = json.loads(run.stdout)
    schema = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    assert run.exit_code == 1 and list(jsonschema.Draft7Validator(schema).iter_errors(doc)) == []
    rules = {r["id"]: r["help"]["text"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    filing, submitted = rules["nd_filing_rate"], rules["report_submitted_by"]
    assert QUALIFIERS[lang][0] in filing and QUALIFIERS[lang][1] in submitted
    if lang == "zh":
        assert filing.startswith("依据(考评指标): 《市县法治政府建设示范指标体系》") and "\n说明: 该条文" in filing
        assert not any(word in text for text in rules.values() for word in ("Basis", "Note:", "Why:"))
    else:
        assert (
            filing.startswith("Basis (evaluation target): 《市县法治政府建设示范指标体系》")
            and "\nNote: “该条文" in filing
        )
        assert not any(text.startswith("依据") for text in rules.values())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pack_title_is_in_the_pages_language(folder: Path, lang: str) -> None:
    page = run_process("check", "r.yaml", "-f", "html", "--lang", lang, cwd=folder).stdout
    listed = run_cli("rules", "list", "--lang", lang).stdout.splitlines()[0]
    if lang == "zh":
        assert "法治政府建设年度报告 默认规则包 (default" in page and "national rules" not in page
        assert "national rules" not in listed
    else:
        assert "“法治政府建设年度报告 默认规则包 (national rules)”" in page and "national rules" in listed


@pytest.mark.parametrize(
    ("title", "zh", "en"),
    [
        (
            "法治政府建设年度报告 默认规则包 (national rules)",
            "法治政府建设年度报告 默认规则包",
            "“法治政府建设年度报告 默认规则包 (national rules)”",
        ),
        (
            "示例地方规则包(厦门市,实践目标)/ Example local pack (Xiamen, practice targets)",
            "示例地方规则包(厦门市,实践目标)",
            "Example local pack (Xiamen, practice targets)",
        ),
        ("某市规则包(试行)", "某市规则包(试行)", "“某市规则包(试行)”"),
        ("City pack", "City pack", "City pack"),
    ],
    ids=["default", "both", "chinese", "english"],
)
def test_a_pack_title_in_each_language(title: str, zh: str, en: str) -> None:
    from hulifa.reporters.labels import pack_title

    assert (pack_title(title, "zh"), pack_title(title, "en")) == (zh, en)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", ["120", "80", "40"])
def test_the_tables_short_citation_keeps_the_qualifier_in_english_too(lang: str, columns: str) -> None:
    """Without --all the table's short citation keeps the qualifier: in Chinese it did where the line had
    room, in English it was always dropped (the pack's words are Chinese), so an English reader saw a
    source the pack only knows from an English summary cited as the document itself. Now at any width:
    a short citation wraps, it never gives way."""
    title = "《提升行政执法质量三年行动计划》"
    wanted = {"zh": f"依据(党政文件) {title}(据国务院官方英文摘要)",
              "en": f"Basis (binding policy) {title} (the pack's caveat: “据国务院官方英文摘要”)"}[lang]  # fmt: skip
    in_process = run_cli("check", str(HULI_DATA), "--lang", lang, env={"COLUMNS": columns})
    a_process = run_process("check", str(HULI_DATA), "--lang", lang, env={"COLUMNS": columns})
    for run in (in_process, a_process):
        assert run.exit_code == 1 and "".join(wanted.split()) in "".join(run.stdout.split()), run.stdout
