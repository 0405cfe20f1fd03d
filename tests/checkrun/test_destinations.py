"""Pairing --format and --output: every way a user writes them, and every refusal, without typer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hulifa.checkrun.destinations import EXTENSIONS, destinations, formats_from_outputs
from hulifa.messages import reason
from hulifa.reportdata import OptionError
from hulifa.reporters import FORMATS

WRITTEN = frozenset(FORMATS)


@pytest.mark.parametrize(
    ("formats", "outputs", "expected"),
    [
        (["table"], [], {"table": None}),
        (["json"], ["out.json"], {"json": Path("out.json")}),  # -f json -o out.json
        (["json"], ["-"], {"json": None}),  # -o - is stdout
        (["json", "sarif"], ["sarif=s.sarif"], {"json": None, "sarif": Path("s.sarif")}),
        (["json", "sarif"], ["sarif=s.sarif", "json=-"], {"json": None, "sarif": Path("s.sarif")}),
        (["table"], ["json=r.json"], {"table": None, "json": Path("r.json")}),  # a named output adds its format
        (["json", "sarif"], ["sarif=s.sarif", "r.json"], {"json": Path("r.json"), "sarif": Path("s.sarif")}),
        (["json"], ["a=b.json"], {"json": Path("a=b.json")}),  # `a` is no format: the name of a file
        (["json"], ["yaml=r.yaml"], {"json": Path("yaml=r.yaml")}),  # check writes no yaml
        (["table"], ["junit=out/x=1.xml"], {"table": None, "junit": Path("out/x=1.xml")}),  # the first = splits
    ],
)
def test_each_format_goes_to_its_file_or_stdout(
    formats: list[str], outputs: list[str], expected: dict[str, Path | None]
) -> None:
    assert destinations(formats, outputs, WRITTEN) == expected


def test_the_formats_keep_their_order() -> None:
    """Formats are written in the order given, then named outputs' formats in theirs."""
    got = destinations(["sarif", "json"], ["html=p.html", "junit=j.xml", "json=j.json"], WRITTEN)
    assert list(got) == ["sarif", "json", "html", "junit"]


@pytest.mark.parametrize(
    ("formats", "outputs", "said"),
    [
        (["json"], ["a.json", "b.json"], reason("option.outputs_unnamed")),
        (["json", "sarif"], ["x.out"], reason("option.output_one_format")),
        (["json"], ["json=j.json", "x.out"], reason("option.output_one_format")),  # no format left for x.out
        (["json", "sarif"], [], reason("option.stdout_shared", names="json, sarif")),
        (["table"], ["json=-"], reason("option.stdout_shared", names="table, json")),
    ],
)
def test_outputs_that_cannot_be_paired_are_refused_saying_why(
    formats: list[str], outputs: list[str], said: object
) -> None:
    with pytest.raises(OptionError) as refused:
        destinations(formats, outputs, WRITTEN)
    assert refused.value.text == said


_NAMES = sorted(WRITTEN)
_OUTPUT = st.one_of(
    st.just("-"),
    st.sampled_from(["r.json", "out/x.md", "a=b.txt", "yaml=r.yaml"]),
    st.tuples(st.sampled_from(_NAMES), st.sampled_from(["-", "f.out", "d/f.out"])).map("=".join),
)


@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4, unique=True), st.lists(_OUTPUT, max_size=4))
def test_paired_or_refused_never_two_on_stdout(formats: list[str], outputs: list[str]) -> None:
    """Whatever is typed: a clear refusal, or every format asked for (and each one named) with a
    place, at most one of them standard output."""
    try:
        got = destinations(formats, outputs, WRITTEN)
    except OptionError as refused:
        assert refused.text.zh and refused.text.en
        return
    named = [o.split("=", 1)[0] for o in outputs if o.split("=", 1)[0] in WRITTEN]
    assert set(got) == set(formats) | set(named)
    assert sum(1 for place in got.values() if place is None) <= 1


@pytest.mark.parametrize(
    ("outputs", "formats", "paired"),
    [
        (["r.json"], ["json"], ["json=r.json"]),
        (["R.SARIF", "out/x.XML"], ["sarif", "junit"], ["sarif=R.SARIF", "junit=out/x.XML"]),  # any case
        (["a.md", "b.htm", "c.txt"], ["markdown", "html", "table"], ["markdown=a.md", "html=b.htm", "table=c.txt"]),
        (["-"], ["table"], ["-"]),  # stdout: the default format
        (["sarif=s.out", "r.json"], ["sarif", "json"], ["sarif=s.out", "json=r.json"]),  # named as typed
        (["a.json", "b.json"], ["json"], ["json=a.json", "json=b.json"]),  # destinations refuses the pair
    ],
)
def test_without_format_the_extension_names_it(outputs: list[str], formats: list[str], paired: list[str]) -> None:
    assert formats_from_outputs(outputs, WRITTEN) == (formats, paired)


def test_an_unknown_extension_is_refused_listing_the_known_ones() -> None:
    with pytest.raises(OptionError) as refused:
        formats_from_outputs(["r.json", "report.pdf"], WRITTEN)
    listed = ", ".join(f"{ext} ({fmt})" for ext, fmt in EXTENSIONS.items())
    assert refused.value.text == reason("option.output_format", item="report.pdf", listed=listed)


@pytest.mark.parametrize("trailing", ["", "/"])
def test_a_folder_is_refused_saying_to_name_a_file_in_it(tmp_path: Path, trailing: str) -> None:
    """An existing folder, or any name ending in a slash: -o writes one file."""
    folder = str(tmp_path / "out") if trailing == "" else "not-yet/"
    if trailing == "":
        (tmp_path / "out").mkdir()
    with pytest.raises(OptionError) as refused:
        formats_from_outputs([folder], WRITTEN)
    assert refused.value.text.en.startswith(f"'{folder}' is a folder")
    assert os.path.join(folder, "hulifa.json") in refused.value.text.en
