"""The draft `hulifa extract` writes: a published report (as hulifa.extract.published reads it) made
into report data, every figure with its evidence, as YAML or JSON. Nothing is printed here.

A text with nothing of a report is refused (InputError, see output.require_report), never an empty
draft. A draft that `hulifa check` could not check as it stands (no body, no year, no level) is
still made, with null there, and says what check would stop at (`unsettled`): extract and check agree."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hulifa.errors import InputError
    from hulifa.extract.core import Extraction
    from hulifa.extract.published import Published
    from hulifa.model import RulePack
    from hulifa.reportdata import TextHints


class Draft(NamedTuple):
    content: str  # the document: YAML, or JSON
    extraction: Extraction
    read_as: str  # the encoding a fallback read the text in ("" when UTF-8, or what --encoding named, read it)
    unsettled: InputError | None  # what `hulifa check` on the same text would stop at


def make_draft(
    published: Published,
    name: str,
    pack: RulePack,
    hints: TextHints | None = None,
    *,
    encoding: str | None = None,
    as_json: bool = False,
    lang: str | None = None,
) -> Draft:
    """The draft of `published`, named `name` (its `source`, and in messages). `hints` (--region,
    --level, --year) fill in what the text does not say; `encoding` is --encoding; `lang` the language
    of the YAML's comments (None: both). Raises InputError when the text holds no report."""
    from hulifa.decoding import fallback
    from hulifa.extract import extract_text  # the package's name for it, which a program may wrap
    from hulifa.extract.output import require_report, to_json, to_report_yaml
    from hulifa.reportdata import TextHints

    given = hints or TextHints()
    text = published.text
    extraction = extract_text(text, pack, region=given.region, level=given.level, year=given.year)
    require_report(extraction, name, text)
    read_as = fallback(published.encoding, encoding)
    locate = published.pdf.locate if published.pdf is not None else None  # positions become page:line
    if as_json:
        content = to_json(extraction, locate, encoding=read_as)
    else:
        content = to_report_yaml(extraction, Path(name).name, locate, encoding=read_as, lang=lang)
    return Draft(content, extraction, read_as, _uncheckable(extraction, name))


def _uncheckable(extraction: Extraction, file: str) -> InputError | None:
    """What `hulifa check` on the same text would stop at (no body, no year, no level)."""
    from hulifa.errors import InputError
    from hulifa.extract.output import to_report_data

    try:
        to_report_data(extraction, file)
    except InputError as exc:
        return exc
    return None
