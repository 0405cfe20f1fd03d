"""The draft `hulifa extract` writes, made by the library (hulifa.extract.draft) without typer: the
same document the command writes, refused when the text holds no report, and what check would stop
at said rather than left to a later surprise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clihelp import HULI_TEXT, run_cli
from hulifa.errors import InputError
from hulifa.extract.draft import make_draft
from hulifa.extract.published import Published, read_published
from hulifa.model import RulePack
from hulifa.reportdata import TextHints

SAMPLES = Path(__file__).resolve().parent / "samples"


def _relative(path: Path) -> str:
    return os.path.relpath(path)  # as a user types it: the draft's source and its messages name it so


@pytest.mark.parametrize(
    ("path", "args"),
    [
        (HULI_TEXT, ()),
        (HULI_TEXT, ("--lang", "en")),
        (HULI_TEXT, ("--format", "json")),
        (SAMPLES / "pdf-huli" / "input.pdf", ()),  # positions page:line
        (SAMPLES / "gb18030" / "input.txt", ()),  # read by a fallback: the draft says which
        (SAMPLES / "docx" / "input.docx", ("--format", "json")),
    ],
)
def test_the_draft_is_what_extract_writes(pack: RulePack, path: Path, args: tuple[str, ...]) -> None:
    name = _relative(path)
    lang = "en" if "en" in args else "zh"
    draft = make_draft(read_published(path, name), name, pack, as_json="json" in args, lang=lang)
    assert draft.content == run_cli("extract", name, *args).stdout


def test_a_fallback_encoding_is_named(pack: RulePack) -> None:
    path = SAMPLES / "gb18030" / "input.txt"
    draft = make_draft(read_published(path, "r.txt"), "r.txt", pack, lang="en")
    assert draft.read_as == "gb18030" and "gb18030" in draft.content
    named = make_draft(read_published(path, "r.txt", "gb18030"), "r.txt", pack, encoding="gb18030")
    assert named.read_as == ""  # the encoding asked for is no fallback


def _text(text: str) -> Published:
    return Published(text, "utf-8", None)


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("", "input.text.empty"),
        ("你好。\n", "input.text.no_report"),
        ("2024年度法治政府建设情况报告\n", "input.text.title_only"),
    ],
)
def test_a_text_without_a_report_is_refused(pack: RulePack, text: str, refusal: str) -> None:
    with pytest.raises(InputError) as refused:
        make_draft(_text(text), "page.txt", pack)
    assert (refused.value.message_id, refused.value.position.file) == (refusal, "page.txt")


def test_what_check_would_stop_at_is_said_and_written_null(pack: RulePack) -> None:
    body = HULI_TEXT.read_text(encoding="utf-8").replace("湖里区", "")
    draft = make_draft(_text(body), "page.txt", pack)
    assert draft.unsettled is not None and "region" in draft.unsettled.message_id
    assert "region: null" in draft.content
    hinted = make_draft(_text(body), "page.txt", pack, TextHints(region="某区"))
    assert hinted.unsettled is None and 'region: "某区"' in hinted.content
