"""Property: a damaged real PDF (tests/hostile/mutate_pdf.py) ends as exit 0, 1 or 2 with a clear message,
through the CLI and through the library, for `extract` and for `check`: never a traceback, an "internal
error", a MemoryError or a hang (the reading process is capped in time, memory and pages).

Each example reads a PDF in a child process (about a second), so the examples are fewer than for YAML;
HYPOTHESIS_PROFILE=thorough runs a quarter of that profile's count.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hostile.helpers import run_cli
from hostile.mutate_pdf import SEEDS, pdf_inputs
from hulifa import messages
from hulifa.errors import InputError
from hulifa.runner import check_paths

_DIR = Path(tempfile.mkdtemp(prefix="hulifa-pdfprop-"))  # hypothesis forbids function-scoped tmp_path
_WAYS = ["extract-cli", "check-cli", "extract-library", "check-library"]


def _clean(text: str) -> None:
    for bad in ("Traceback", "internal error", "MemoryError", "please report"):
        assert bad not in text, text


def _extract_library(path: Path) -> None:
    from hulifa.extract import extract_text, read_text
    from hulifa.rulepack import load_pack

    try:
        text, _ = read_text(path)
        extract_text(text, load_pack())
    except InputError as error:  # the one exception a bad input may raise, and it has a place
        assert error.position.file == str(path) and error.position.line >= 1
        _clean(error.render("en") + error.render("zh"))


def _check_library(path: Path) -> None:
    (report,) = check_paths([str(path)]).reports
    if not report.checked:
        (finding,) = report.findings
        assert finding.position.file == str(path) and finding.line >= 1 and finding.column >= 1
        _clean(messages.message(finding, "en") + messages.message(finding, "zh"))


def _check(path: Path, way: str) -> None:
    if way == "extract-library":
        _extract_library(path)
        return
    if way == "check-library":
        _check_library(path)
        return
    command = way.removesuffix("-cli")
    run = run_cli(command, str(path), "--lang", "en", *(["--format", "json"] if command == "check" else []))
    assert run.exit_code in (0, 1, 2), run.output
    _clean(run.stderr)
    if run.exit_code == 2:
        assert run.stderr.startswith(f"{path}:"), run.stderr  # a place, not a bare complaint


@settings(max_examples=max(12, settings().max_examples // 4))
@given(pdf_inputs(), st.sampled_from(_WAYS))
def test_a_damaged_pdf_ends_cleanly(case: tuple[str, bytes], way: str) -> None:
    what, data = case
    path = _DIR / "input.pdf"
    path.write_bytes(data)
    try:
        _check(path, way)
    except AssertionError as failed:
        raise AssertionError(f"{what} via {way}: {failed}") from failed


def test_every_sample_pdf_seeds_the_mutations() -> None:
    names = {seed.parent.name for seed in SEEDS}
    assert {"pdf-huli", "pdf-fpdf-city", "pdf-docx"} <= names  # two producers: Chromium (Skia) and fpdf2
