"""The batch summary is printed in chunks of rows, each laid out exactly as the whole table would be,
and its rows past the first few go to a spill file and come back unchanged."""

from __future__ import annotations

import io
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType

from clihelp import HULI_DATA, MINIMAL, run_cli
from hulifa.model import Severity
from hulifa.reporters import labels, table, table_plain, table_rich


@pytest.fixture
def spill_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 4 rows, spilled 8 at a time: a batch of a few dozen takes every path of a large one."""
    monkeypatch.setattr(table, "SUMMARY_CHUNK", 4)
    monkeypatch.setattr(table, "SPILL_AT", 8)


def _summary(count: int, line_break: bool = False) -> table.BatchSummary:
    pick = random.Random(count)
    summary = table.BatchSummary()
    for i in range(count):
        # each column is widest in one row only, in different chunks: every chunk must still be laid out
        # as the whole table is
        stem = pick.choice(["x", "很长 的 名", "a b"]) * (40 if i == count - 1 else pick.randint(1, 3))
        summary.rows.append(
            table.Row(
                file=f"r/{stem}/{i}.yaml" + ("\nz" if line_break and i == 3 else ""),
                region="思明区很长很长 很长很长的名字" if i == 0 else pick.choice(["湖里区", "A B", ""]),
                year=pick.choice([2024, None]),
                checked=pick.random() > 0.1,
                errors=pick.randint(0, 20),
                warnings=123456789 if i == count // 2 else pick.randint(0, 200),
                infos=pick.randint(0, 5),
                worst=pick.choice(list(Severity)),
            )
        )
    return summary


def _print(width: int, *batches: list[RenderableType]) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, color_system="truecolor", highlight=False)
    for batch in batches:
        console.print(Group(*batch))
    return buffer.getvalue()


def _assert_chunks_print_as_the_whole_table(count: int, width: int, line_break: bool) -> None:
    summary = _summary(count, line_break)
    columns, file_width, narrow = table._frame("zh", width)
    rows = tuple(table._cells(row, "zh", file_width, narrow) for row in summary.rows)
    sheet = table.Sheet(columns, rows)
    whole = table_rich.renderable(sheet)
    chunks = [part for part in summary.blocks("zh", width) if isinstance(part, table.SummaryRows)]
    assert len(chunks) == max(1, -(-count // table.SUMMARY_CHUNK))
    expected = _print(width, [whole])
    assert _print(width, *([table_rich.renderable(chunk)] for chunk in chunks)) == expected
    # and without rich's console, the same text (rich's colours aside)
    plain = table_plain.render(chunks, width)
    assert plain == table_rich.render([sheet], width)


@pytest.mark.parametrize("count", [0, 1, table.SUMMARY_CHUNK, table.SUMMARY_CHUNK * 2 + 1])
@pytest.mark.parametrize("width", [40, 60, 80, 160])
@pytest.mark.parametrize("line_break", [False, True])
def test_chunks_print_as_the_whole_table(count: int, width: int, line_break: bool) -> None:
    _assert_chunks_print_as_the_whole_table(count, width, line_break)


@pytest.mark.parametrize("count", [7, 8, 9, 30, 33])
@pytest.mark.parametrize("line_break", [False, True])
def test_spilled_chunks_print_as_the_whole_table(spill_early: None, count: int, line_break: bool) -> None:
    _assert_chunks_print_as_the_whole_table(count, 80, line_break)


_ROW = st.builds(
    table.Row,
    file=st.text() | st.sampled_from(["r/\udcff\udc80.yaml", "a\nb.yaml", "报告/2024.yaml", 'q"\\.yaml']),
    region=st.text(max_size=20),
    year=st.none() | st.integers(1949, 2100),
    checked=st.booleans(),
    errors=st.integers(0, 10**6),
    warnings=st.integers(0, 10**6),
    infos=st.integers(0, 10**6),
    worst=st.sampled_from(list(Severity)),
)


@given(rows=st.lists(_ROW, max_size=40), start=st.integers(-45, 45), stop=st.integers(-45, 45))
def test_spilled_rows_read_back_as_they_went_in(rows: list[table.Row], start: int, stop: int) -> None:
    """Any file name (a line break, an undecodable byte's lone surrogate, quotes) survives the spill file,
    in order, by index, by slice, and the verdict's tally is the rows' own."""
    kept = table.Rows()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(table, "SUMMARY_CHUNK", 4)
        patch.setattr(table, "SPILL_AT", 8)
        for row in rows:
            kept.append(row)
        assert len(kept.held) < 8 and kept.spilled == len(rows) - len(kept.held)
        assert list(kept) == rows and len(kept) == len(rows)
        assert kept[start:stop] == rows[start:stop]
        if rows:
            assert kept[start % len(rows)] == rows[start % len(rows)] and kept[-1] == rows[-1]
    checked = [r for r in rows if r.checked]
    assert (kept.tally.reports, kept.tally.unchecked) == (len(rows), len(rows) - len(checked))
    assert kept.tally.errors == sum(r.worst is Severity.ERROR for r in checked)
    assert kept.tally.warnings == sum(r.worst is Severity.WARNING for r in checked)
    kept.close()


def _mixed_batch(folder: Path, count: int) -> None:
    """`count` reports: some with warnings only, some with errors (no statutory parts), some unchecked."""
    for i in range(count):
        path = folder / f"region-{i:02d}" / "report.yaml"
        path.parent.mkdir(parents=True)
        if i % 7 == 3:
            path.write_text("region: 丙区\n  bad: [\n", encoding="utf-8")
            continue
        text = MINIMAL.replace("测试区", f"区{i}") + f"  出庭应诉率: {'100%' if i % 2 else '80%'}\n"
        if i % 5 == 0:
            text = re.sub(r"sections: .*\n", "", text)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_spilled_batch_prints_what_a_held_one_does(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the CLI: the summary, its counts and the verdict line are the same whether the rows are
    held (the default for 30 reports) or spilled 8 at a time and printed 4 at a time; and the verdict
    counts what the JSON says of each report."""
    _mixed_batch(tmp_path, 30)
    args = ("check", str(tmp_path), "--lang", lang, "--fail-on", "never")
    held = run_cli(*args, env={"COLUMNS": "80"})
    monkeypatch.setattr(table, "SUMMARY_CHUNK", 4)
    monkeypatch.setattr(table, "SPILL_AT", 8)
    spilled = run_cli(*args, env={"COLUMNS": "80"})
    assert spilled.stdout == held.stdout and spilled.exit_code == held.exit_code == 2  # unchecked files
    assert sum("report.yaml" in line for line in spilled.stdout.splitlines()) == 30

    reports = json.loads(run_cli(*args, "--format", "json").stdout)["reports"]
    worst = ["unchecked" if not r["checked"] else r["summary"]["worst"] for r in reports]
    clean = sum(w not in ("error", "warning", "unchecked") for w in worst)
    counts = [len(reports), worst.count("error"), worst.count("warning"), clean, worst.count("unchecked")]
    verdict = " ".join(spilled.stdout.rstrip("\n").rsplit("\n\n", 1)[-1].split())  # wraps at 80 in English
    assert [int(n) for n in re.findall(r"\d+", verdict)][: len(counts)] == counts, verdict
    assert counts[1:] == [5, 21, 0, 4]  # each kind the verdict counts is there (a clean report needs 66 figures)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_narrow_terminal_summary_says_each_reports_worst(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 40 columns the summary is the file and its worst severity with how many (the count the
    80-column table gives under that severity): all eight columns had been squeezed to "…" (headers,
    counts, the worst) and each region to one character."""
    _mixed_batch(tmp_path, 30)
    monkeypatch.chdir(tmp_path)

    def summary(columns: int) -> tuple[list[str], dict[str, list[str]]]:
        lines = run_cli("check", ".", "--lang", lang, env={"COLUMNS": str(columns)}).stdout.splitlines()
        assert max(map(cell_len, lines)) <= columns
        title = lines.index(next(line for line in lines if labels.heading("summary", lang) in line))
        rows = [line.split() for line in lines[title + 2 : title + 32]]
        return lines[title + 1].split(), {row[0]: row[1:] for row in rows}

    header, narrow = summary(40)
    assert header == [labels.field("file", lang), labels.field("worst", lang)]
    # its heading is a line of its own at the margin: as a table's centred title it was wrapped to the
    # two narrow columns' width ("Summary across" / "reports")
    assert (
        labels.heading("summary", lang)
        in run_cli("check", ".", "--lang", lang, env={"COLUMNS": "40"}).stdout.splitlines()
    )
    _, wide = summary(80)  # file: region, year, errors, warnings, infos, worst
    assert sorted(narrow) == sorted(wide) and len(wide) == 30
    severities = [labels.severity(s, lang) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    for file, row in wide.items():
        worst = " ".join(row[5:])
        count = row[2 + severities.index(worst)] if worst in severities else ""
        assert " ".join(narrow[file]) == f"{worst} {count}".strip(), file
    assert " ".join(narrow["region-03/report.yaml"]) == labels.status("error", lang)  # could not be checked


def test_english_file_names_are_whole_at_80_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file column's room was worked out as if the English headers were Chinese (two cells a letter):
    19 cells at 80 columns, and every row of this batch read region…/report.yaml."""
    _mixed_batch(tmp_path, 30)
    monkeypatch.chdir(tmp_path)
    out = run_cli("check", ".", "--lang", "en", env={"COLUMNS": "80"}).stdout
    assert all(f"region-{i:02d}/report.yaml  " in out for i in range(30)), out
    assert max(map(cell_len, out.splitlines())) <= 80


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_most_missed_says_what_it_counts_and_ranks_ties_by_severity_then_pack_order(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three copies of the Huli report miss the same eight indicators at warning or above. The table
    ranked such ties by rule id (gi_…, legal_…, mad_…) and Markdown counted infos too, so the two
    disagreed: both now count what the heading says (errors and warnings), the error first, then the
    warnings in the pack's order, as `hulifa rules list` shows them; and the count headers are headers
    ("Errors"), not a severity's label ("error")."""
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "2024.yaml").write_bytes(HULI_DATA.read_bytes())
    monkeypatch.chdir(tmp_path)
    pack_order = [rule["id"] for rule in json.loads(run_cli("rules", "list", "--format", "json").stdout)["rules"]]
    table_out = run_cli("check", ".", "--isolated", "--lang", lang, env={"COLUMNS": "200"}).stdout
    heading = labels.heading("most_missed", lang)
    said = {"zh": "最常缺失或未达标的指标(错误、警告)", "en": "Most-missed indicators (errors and warnings)"}
    assert heading == said[lang]
    ranked = table_out.split(heading, 1)[1].splitlines()[2:10]
    assert all(line.endswith(" 3") for line in ranked), ranked
    markdown_out = run_cli("check", ".", "--isolated", "--lang", lang, "--format", "markdown").stdout
    section = markdown_out.split(f"### {heading}", 1)[1].split("\n\n")[1].splitlines()[2:]
    ids = [re.search(r"\(([a-z_\\]+)\) \| 3 \|$", row).group(1).replace("\\", "") for row in section]  # type: ignore[union-attr]
    assert ids[0] == "part_shortcomings_causes"  # the one error
    assert ids[1:] == sorted(ids[1:], key=pack_order.index) and len(ids) == 8
    names = [line.rsplit(" ", 1)[0].strip() for line in ranked]
    data = json.loads(run_cli("check", "a/2024.yaml", "--format", "json").stdout)["rules"]
    key = "name_en" if lang == "en" else "name"
    assert names == [data[rule][key] for rule in ids]  # the table ranks as Markdown does
    counts = {"zh": ["错误", "警告", "提示"], "en": ["Errors", "Warnings", "Info"]}[lang]
    assert " ".join(counts) in " ".join(table_out.split(labels.heading("summary", lang), 1)[1].split()[:8])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [30, 40, 80])
def test_the_runs_verdict_wraps_between_its_parts(tmp_path: Path, lang: str, columns: int) -> None:
    """At 40 columns the run's last line broke between a number and its words ("…,0 / 份无错误和警告"):
    Chinese now wraps between the parts only, English between words, within the width."""
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "2024.yaml").write_bytes(HULI_DATA.read_bytes())
    run = run_cli("check", str(tmp_path), "--lang", lang, env={"COLUMNS": str(columns)})
    lines = run.stdout.rstrip("\n").split("\n\n")[-1].splitlines()  # the verdict, after the summary
    assert all(cell_len(line) <= columns for line in lines), lines
    said = ("" if lang == "zh" else " ").join(lines)
    assert said == labels.verdict(3, 3, 0, 0, 0, None, lang)
    if lang == "zh":
        assert len(lines) == {30: 2, 40: 2, 80: 1}[columns]
        assert not [line for line in lines if re.match(r"\d", line[-1]) or line.startswith(",")]
