"""The terminal table as a reader meets it: at 80, 100 and 160 columns, in both languages, in batches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from clihelp import MINIMAL, ROOT, run_cli
from hulifa.reporters._common import shorten_middle
from hulifa.reporters.json_ import expand
from hulifa.reporters.table import fold, joined, short_title

HULI = "reports/huli/2024.yaml"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # file names as a user in the repository sees them


def _check(*args: str, columns: int) -> list[str]:
    run = run_cli("check", *args, env={"COLUMNS": str(columns)})
    assert run.exit_code in (0, 1), run.stderr
    return run.stdout.splitlines()


def _issues(*args: str) -> list[dict[str, str]]:
    """The findings the default output reports (neither passes nor not-applicable), from the JSON."""
    run = run_cli("check", *args, "--format", "json")
    quiet = {"pass", "stated", "not_applicable"}
    return [f for f in expand(json.loads(run.stdout))["reports"][0]["findings"] if f["status"] not in quiet]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 100, 160])
@pytest.mark.parametrize("everything", [False, True])
def test_huli_fits_the_width_without_broken_words(at_root: None, lang: str, columns: int, everything: bool) -> None:
    lines = _check(HULI, "--lang", lang, *(["--all"] if everything else []), columns=columns)
    text = "\n".join(lines)
    assert max(cell_len(line) for line in lines) <= columns
    # a basis's strength is said in words, its label never split across lines ("Basis" / "(law)")
    flat = "".join(text.split())
    words = ("党政文件", "法律法规", "实践做法") if lang == "zh" else ("bindingpolicy", "(law)", "practice")
    assert all(word in flat for word in words) and "HARD-" not in text
    if columns < 140 and not everything:
        label = "依据(党政文件)" if lang == "zh" else "Basis (binding policy)"
        assert label in text and not re.search(r"Basis\s*\n", text)
    assert "存在的不足和原因" in text or "shortcomings" in text
    if lang == "en":  # English throughout: no Chinese status words or units from the pack
        assert "学时" not in text and "未填报" not in text and "须填报" not in text
    if lang == "en":  # a basis with no document title is said as the pack words it, quoted, not by its strength alone
        assert "地方实践" not in re.sub(r"“[^”]*”", "", text.replace("\n", ""))  # quoted: a title or a qualifier
        assert "“地方实践" in text or (columns < 140 and not everything)  # the narrow unit lists info names only
    if lang == "en" and (everything or columns >= 160):  # where each target is shown, in English units
        assert "≥ 60 hours" in text
    if lang == "zh" and columns < 140:  # each finding's name is whole on one line, listed or in the short list
        for finding in _issues(HULI):
            assert any(finding["name"] in line for line in lines), finding["name"]


@pytest.mark.parametrize(("lang", "columns"), [("zh", 40), ("en", 40), ("en", 50)])
def test_a_narrow_terminal_keeps_names_whole(at_root: None, lang: str, columns: int) -> None:
    """On a phone's terminal the name goes under the status, not into a column of 15 cells where
    English was cut inside a word ("Information-dis" / "closure") and Chinese every few characters;
    where the column is wide enough (English at 50), English is wrapped between words only."""
    lines = _check(HULI, "--lang", lang, columns=columns)
    assert max(cell_len(line) for line in lines) <= columns
    words = {word.rstrip(";") for line in lines for word in line.split()}  # "; " ends a name in the short list
    for finding in _issues(HULI):
        if lang == "zh" and cell_len(finding["name"]) <= columns - 4:  # a name wider than the line must wrap
            assert any(finding["name"] in line for line in lines), finding["name"]
        elif lang == "en":
            assert set(finding["name_en"].split()) <= words, finding["name_en"]
    if columns == 40:  # status, severity and line; then the name, indented
        first = next(i for i, line in enumerate(lines) if line.startswith(("未达标", "short")))
        assert lines[first].rstrip().endswith("第18行" if lang == "zh" else "L18")
        name = "存在的不足和原因" if lang == "zh" else "Part 2: shortcomings"
        assert lines[first + 1].startswith(f"    {name}")


@pytest.mark.parametrize(("lang", "most"), [("zh", 60), ("en", 76)])
def test_huli_at_80_columns_reads_as_units(at_root: None, lang: str, most: int) -> None:
    lines = _check(HULI, "--lang", lang, columns=80)
    # 35 findings: each warning and error on two or three lines (a basis whose title is long has a line
    # of its own: it is never cut), the 26 info-level missing figures in a short list, and the 8
    # documents cited in full (57 lines in Chinese, 73 in English; 41 and 58 when titles were cut in the
    # middle and there was no list of sources; 93 before the short list)
    assert len(lines) <= most, "\n".join(lines)
    # one finding reads as a unit: status, severity, name and line, then (indented) what was expected
    name = "年度报告向社会公开" if lang == "zh" else "Report made public before 1 April"
    first = next(i for i, line in enumerate(lines) if name in line)
    assert lines[first].split()[:2] == (["未填报", "警告"] if lang == "zh" else ["missing", "warning"])
    assert lines[first].rstrip().endswith("第7行" if lang == "zh" else "L7")
    label = "依据(党政文件)" if lang == "zh" else "Basis (binding policy)"
    assert lines[first + 1].startswith("    ") and label in lines[first + 1]
    target = "目标 次年 04-01 之前" if lang == "zh" else "Target before 04-01 of the next year"
    assert target in lines[first + 1]
    # the info-level missing figures: one heading saying how many and where the rest is, then names
    minor = [f for f in _issues(HULI, "--lang", lang) if f["status"] == "missing" and f["severity"] == "info"]
    heading = next(line for line in lines if "--all" in line)
    assert heading.split()[:2] == (["未填报", "提示"] if lang == "zh" else ["missing", "info"])
    assert f" {len(minor)} " in heading
    assert lines[-1].startswith("检查 1 份报告:1 份有错误" if lang == "zh" else "Checked 1 report: 1 with errors")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize("extra", [(), ("--all",), ("--details",)])
def test_no_line_ends_in_spaces(at_root: None, lang: str, columns: int, extra: tuple[str, ...]) -> None:
    """rich pads grid and table cells to their column's width; none of it reaches the output. A batch of
    every case (titles, findings, the summary across reports, the verdict), to stdout and to a file."""
    cases = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "cases").glob("*/report.yaml"))
    run = run_cli("check", HULI, *cases, "--lang", lang, *extra, env={"COLUMNS": str(columns)})
    assert run.exit_code == 2, run.stderr  # one case is a file that cannot be checked: its row is there too
    lines = run.stdout.splitlines()
    assert len(lines) > 40
    padded = [line for line in lines if line != line.rstrip()]
    assert not padded, padded[:5]


def test_a_table_file_has_no_trailing_spaces(at_root: None, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    run = run_cli("check", HULI, "--lang", "en", "--output", str(out), env={"COLUMNS": "80"})
    assert run.exit_code == 1, run.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 20 and all(line == line.rstrip() for line in lines)


def test_counts_wrap_between_counts_not_inside_one(at_root: None) -> None:
    lines = _check(HULI, "--lang", "en", columns=70)
    at = next(i for i, line in enumerate(lines) if re.match(r"\d+ required, \d+ given: ", line))
    assert lines[at].rstrip().endswith(",") and lines[at + 1].startswith("2 unverifiable")


def test_columns_empty_on_every_row_are_left_out(at_root: None) -> None:
    wide = "\n".join(_check(HULI, columns=160))
    header = next(line for line in wide.splitlines() if line.startswith("┃"))
    assert "目标" in header and "依据" in header
    assert "上年" not in header and "变化" not in header  # no previous year: no such columns


def test_all_gives_the_full_citation(at_root: None) -> None:
    """A row gives the short title; the document in full (its number: 厅字〔2019〕28号) is once under the
    report, in its list of sources. With --all every row cites in full, and there is no list."""
    short = _check(HULI, columns=200)
    full = _check(HULI, "--all", columns=200)
    rows = [line for line in short if line.startswith("│")]
    assert rows and not any("厅字" in line for line in rows)
    sources = "".join(short[next(i for i, line in enumerate(short) if line.startswith("依据全称:")) :])
    assert sources.count("《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)") == 1
    assert any("厅字" in line for line in full if line.startswith("│")) and not any("依据全称" in line for line in full)


def test_short_names_are_whole_and_paths_cut_in_the_middle() -> None:
    assert short_title("《中华人民共和国政府信息公开条例》(国务院令第711号)") == "《政府信息公开条例》"
    # a title cut in the middle (《提升行政执法…年行动计划》) named no document one could look up
    assert short_title("国务院办公厅《提升行政执法质量三年行动计划(2023-2025年)》(国办发〔2023〕27号)") == (
        "《提升行政执法质量三年行动计划》"
    )
    assert short_title("地方规定 (如 四川省人民政府《关于深化政府常务会议学法活动的意见》)") == "地方规定"
    assert shorten_middle("reports/fujian/xiamen/huli/expected.yaml", 24).endswith("expected.yaml")
    assert len(shorten_middle("a" * 100, 24)) == 24


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 80, 160])
def test_every_cited_document_is_named_in_full_once_a_report(at_root: None, lang: str, columns: int) -> None:
    """At 80 columns the table cut titles in the middle (《法治政府…作规定》, 《关于推行…的意见》), so an
    officer could not tell which document a verdict rests on. Now a title is never cut (it wraps, a
    line never starting with a closing 》 or 〕), and each document the report's findings cite is
    given once in full, as the pack names it, with its number and version."""
    from hulifa import check, messages
    from hulifa.reporters.table import _listed

    text = "\n".join(_check(HULI, "--lang", lang, columns=columns))
    assert not re.search(r"《[^》\n]*…", text)  # no title cut
    assert not re.search(r"^\s*[》〕)]", text, re.M)
    report = check([HULI]).reports[0]
    shown = [f for f in report.findings if f.status.value not in ("pass", "stated", "not_applicable")]
    cited = {messages.document(b.document, lang) for f in (_listed(shown, False)[0] if columns < 140 else shown)
             if (b := messages.basis(f)) is not None and short_title(b.document) != b.document}  # fmt: skip
    flat = "".join(text.split())
    sources = flat[flat.index("Sourcesinfull:" if lang == "en" else "依据全称:") :]
    assert len(cited) >= 6
    for document in cited:
        whole = "".join(document.split())
        assert sources.count(whole) == 1, document
        # and not again in the findings, unless its short form is all of it (the wide table's cells
        # are whole lines since it stopped folding titles: 《办理人大代表建议和政协提案办法》 in English)
        assert flat.count(whole) == 1 or (columns >= 140 and whole.startswith("《") and whole.endswith("》")), document


@given(st.text(st.sampled_from("《》()〕〔法治政府2024-aA第条"), min_size=1, max_size=60), st.integers(2, 40))
def test_fold_keeps_every_character_within_the_room(word: str, room: int) -> None:
    pieces = fold(word, room)
    assert "".join(pieces) == word and all(cell_len(piece) <= room for piece in pieces), pieces


def test_fold_breaks_after_a_title_and_never_before_a_closing_mark() -> None:
    assert fold("《重大行政决策程序暂行条例》第二十五条", 36) == ["《重大行政决策程序暂行条例》", "第二十五条"]
    assert fold("《法治政府建设与责任落实督察工作规定》第四章", 36) == [
        "《法治政府建设与责任落实督察工作规",
        "定》第四章",
    ]
    assert fold("(2023-2025年)", 8) == ["(2023-", "2025年)"]


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


def test_input_notes_are_counted_apart_and_leave_exit_codes_alone(tmp_path: Path) -> None:
    """hulifa.encoding (a GB18030 file) is a note about the input, not an indicator: every summary
    counts it apart from 无法确认/unverifiable, and exit codes and --fail-on are what they were."""
    plain = tmp_path / "plain.yaml"
    plain.write_text(MINIMAL + "  出庭应诉率: 100%\n", encoding="utf-8")
    gb = tmp_path / "gb.yaml"
    gb.write_bytes(plain.read_bytes().decode("utf-8").encode("gb18030"))

    def summary(path: Path) -> dict[str, int]:
        return json.loads(run_cli("check", str(path), "--format", "json").stdout)["reports"][0]["summary"]

    with_note, without = summary(gb), summary(plain)
    assert (with_note["notes"], without["notes"]) == (1, 0)
    assert with_note["unverifiable"] == without["unverifiable"]
    en = run_cli("check", str(gb), "--lang", "en", env={"COLUMNS": "200"}).stdout
    zh = run_cli("check", str(gb), env={"COLUMNS": "200"}).stdout
    assert ", 1 input note\n" in en and "unverifiable" not in en.split("given: ")[1]
    assert ",输入说明 1\n" in zh and "无法确认" not in zh.split("项:")[1]
    markdown = run_cli("check", str(gb), "--format", "markdown").stdout
    assert "输入说明 1" in markdown
    for fail_on in ("error", "warning", "info", "never"):  # the note keeps its severity (info)
        codes = {run_cli("check", str(p), "--fail-on", fail_on).exit_code for p in (gb, plain)}
        expected = {"error": {0}, "warning": {1}, "info": {1}, "never": {0}}[fail_on]
        assert codes == expected, (fail_on, codes)


FIRST_SCREEN = 24  # lines: a terminal's first screen, a phone's (40 columns) included


def _verdict_counts(lines: list[str], lang: str) -> tuple[str, ...]:
    text = "".join(lines).replace(" ", "")
    found = re.search(r"结论:(\S+?)—错误(\d+),警告(\d+),提示(\d+)" if lang == "zh" else
                      r"Verdict:(\S+?)—(\d+)errors?,(\d+)warnings?,(\d+)info", text)  # fmt: skip
    assert found, lines
    return found.groups()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 80])
def test_the_verdict_is_on_the_first_screen(at_root: None, lang: str, columns: int) -> None:
    """The report's verdict (has errors, and how many errors, warnings, infos) comes right under its
    name, at 40 columns as at 80; the summary and the run's verdict stay at the end. Before, at 40
    columns the first word of a verdict was ~87 lines down."""
    lines = _check(HULI, "--lang", lang, columns=columns)
    kind, errors, warnings, infos = _verdict_counts(lines[1:3], lang)
    assert kind == ("有错误" if lang == "zh" else "haserrors")
    issues = _issues(HULI)
    assert [int(errors), int(warnings), int(infos)] == [
        sum(f["severity"] == level for f in issues) for level in ("error", "warning", "info")
    ]
    end = "".join(lines[-3:])  # the run's verdict, wrapped at 40 columns
    assert len(lines) > FIRST_SCREEN and ("检查 1 份报告" if lang == "zh" else "Checked 1 report") in end


def _python_path() -> dict[str, str]:
    import os

    return {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_verdict_is_on_a_real_terminals_first_screen(tmp_path: Path, lang: str) -> None:
    """Through a pseudo-terminal (`script`), where rich writes the table in colour at the terminal's width."""
    import shutil
    import subprocess
    import sys

    if shutil.which("script") is None:
        pytest.skip("util-linux script is not installed")
    command = f"{sys.executable} -m hulifa.cli check {HULI} --lang {lang}"
    run = subprocess.run(
        ["script", "-qec", f"stty cols 40 rows 24; {command}", "/dev/null"],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60,
        env={"PATH": "/usr/bin:/bin", "TERM": "xterm", "HOME": str(tmp_path), **_python_path()},
    )  # fmt: skip
    shown = re.sub(r"\x1b\[[0-9;]*m", "", run.stdout).replace("\r", "").splitlines()
    assert run.returncode == 1 and max(cell_len(line) for line in shown) <= 40, run.stdout[-2000:]
    assert _verdict_counts(shown[1:3], lang)[0] == ("有错误" if lang == "zh" else "haserrors")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [40, 50, 80])
def test_no_line_starts_with_a_separator(at_root: None, lang: str, columns: int) -> None:
    """At 40 columns in English a finding's second line broke before its " · ", so a line began with
    "· 《法治政府…作规定》 HARD-POLICY": the separator now ends the line before."""
    cases = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "cases").glob("*/report.yaml"))
    for extra in ((), ("--all",)):
        run = run_cli("check", HULI, *cases, "--lang", lang, *extra, env={"COLUMNS": str(columns)})
        lines = run.stdout.splitlines()
        assert not [line for line in lines if line.lstrip().startswith("·")], run.stdout
        assert max(cell_len(line) for line in lines) <= columns


@given(
    st.lists(
        st.text(st.sampled_from("ab 湖里区《》-"), min_size=1, max_size=30).filter(str.strip), min_size=1, max_size=6
    ),
    st.integers(4, 60),
)
def test_joined_breaks_between_words_never_before_a_separator(parts: list[str], room: int) -> None:
    text = joined(parts, room)
    lines = text.split("\n")
    assert all(cell_len(line) <= room for line in lines), lines
    assert not [line for line in lines if line.lstrip().startswith("·")], lines
    # nothing is lost: the same words in the same order, only the breaks between them are chosen
    assert "".join(text.split()) == "".join(" · ".join(parts).split())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [140, 160, 220])
def test_the_wide_tables_basis_keeps_each_title_whole_where_it_fits(at_root: None, lang: str, columns: int) -> None:
    """From 140 columns the table's basis column was as narrow as the figures' (22 cells), and the
    writer folded it mid-title ("《法治政府建设与责任落 / 实督察工作规定》第四章", "(出处未证实 / )").
    Now it has a width of its own (39 cells at 140), each cell broken after its 《title》 or between
    words, so every title as wide as the column or less is on one line; and the table fits (in English
    with --all it ran past 140 and 160 columns, its location cut off)."""
    lines = _check(HULI, "--all", "--lang", lang, columns=columns)
    assert all(cell_len(line) <= columns for line in lines)
    head = next(line for line in lines if line.startswith("┃"))
    at = [cell.strip() for cell in head.split("┃")].index("Basis" if lang == "en" else "依据")
    column = [line.split("│")[at] for line in lines if line.startswith("│")]
    width = cell_len(column[0]) - 2  # less the padding
    # (English names and figures are wider: at 140 columns with --all the basis has 28 cells)
    assert width >= (39 if lang == "zh" else 28)
    on_lines = [cell.strip() for cell in column]
    assert not [line for line in on_lines if line.startswith(("》", ")", "〕", ","))]
    titles = re.findall(r"《[^》]*》", "".join(on_lines))
    whole = [t for t in titles if cell_len(t) <= width]
    assert len(whole) > 20
    for title in set(whole):
        assert sum(line.count(title) for line in on_lines) == titles.count(title), title
