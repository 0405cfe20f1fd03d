"""A scanned report's text copy: digits misread as letters (2O24, l,267名, 1OO%), split by a space (3 2名), words
spaced out (存 在 的 不 足) are read as a careful reader reads them; a text without them is left as it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from hulifa.cli import app
from hulifa.extract import extract_text
from hulifa.extract.ocr import read_lookalikes
from hulifa.model import RulePack

OCR_SAMPLE = Path(__file__).resolve().parent / "samples" / "heldout10-text-ocr-veterans-city-2024" / "input.txt"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("关于2O24年度法治政府建设", "关于2024年度法治政府建设"),
        ("接收安置退役军人l,267名", "接收安置退役军人1,267名"),
        ("行政确认2l项", "行政确认21项"),
        ("服务站2,O38个", "服务站2,038个"),
        ("出庭应诉率1OO%", "出庭应诉率100%"),
        ("2O24年发证率达96。4%", "2024年发证率达96.4%"),
        ("联系电话：0597-83l6220", "联系电话：0597-8316220"),
    ],
)
def test_a_digit_misread_as_a_letter_is_read(text: str, read: str) -> None:
    assert read_lookalikes(text) == (read, True)


@pytest.mark.parametrize(
    "text",
    [
        "通过ISO9001认证",  # a letter touches the run: a code, not a misread number
        "升级Win10系统",
        "PM2.5年均浓度28微克/立方米",
        "支持IPv6访问",
        "全年办结12件。3月起",  # a full stop between two numbers not before a %: two sentences
        "全年办结12。3%的案件",  # nothing misread elsewhere: a 。 is a sentence's end
        "第I类事项",  # no digit beside the letter
        "全年受理行政复议案件12件",
    ],
)
def test_a_text_without_misread_digits_is_left_alone(text: str) -> None:
    assert read_lookalikes(text) == (text, False)


@given(st.text(alphabet=st.sampled_from(list("0123456789OolIx,.。% 件年名率ISO")), max_size=60))
def test_reading_lookalikes_keeps_every_offset(text: str) -> None:
    read, found = read_lookalikes(text)
    assert len(read) == len(text)
    assert found == (read != text)
    changed = [i for i, (a, b) in enumerate(zip(text, read, strict=True)) if a != b]
    assert all(text[i] in "OolI。" and read[i] in "01." for i in changed)


def test_a_scan_split_number_is_whole_and_a_spaced_out_heading_names_its_part(pack: RulePack) -> None:
    text = (
        "某县民政局关于2O24年度法治政府建设情况的报告\n"
        "一、主要举措和成效\n"
        "局机关现有持证行政执法人员3 2名，法制审核人员4名。行政机关负责人出庭应诉率1OO%。\n"
        "二、存 在 的 不 足 和 原 因\n"
        "执法力量不足。原因主要在于人员编制少。\n"
    )
    ex = extract_text(text, pack)
    assert (ex.year, ex.region) == (2024, "某县民政局")
    found = {i.id: i for i in ex.indicators}
    assert found["enforcement_staff_count"].value == 32 and found["enforcement_staff_count"].text == "3 2名"
    assert found["agency_head_appearance_rate"].value == 100
    assert {"shortcomings", "causes"} <= {s.id for s in ex.sections}


def test_a_clean_text_keeps_a_space_between_two_numbers_apart(pack: RulePack) -> None:
    # no misread digit anywhere: 2 名 after 3 is not a split number (a text table's cells, say)
    ex = extract_text("某县关于2024年度法治政府建设情况的报告\n持证执法人员3 2名。\n", pack)
    assert [f.value for f in ex.figures if f.unit == "名"] == [2]


def test_an_ocr_copy_through_the_cli_is_read_not_refused() -> None:
    out = CliRunner().invoke(app, ["check", str(OCR_SAMPLE), "--format", "json"])
    assert out.exit_code in (0, 1), out.stderr
    report = json.loads(out.stdout)["reports"][0]
    assert (report["region"], report["year"]) == ("汀州市退役军人事务局", 2024)
    statuses = {f["rule"]: f["status"] for f in report["findings"]}
    assert statuses["agency_head_appearance_rate"] == "pass"  # 出庭应诉率1OO%
    assert statuses["part_shortcomings_causes"] == "pass"  # 二、存 在 的 不 足 和 原 因
