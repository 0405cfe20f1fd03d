"""Property tests: whatever the bytes, the CLI and the library answer with 0, 1 or 2, fast, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hostile.helpers import run_cli
from hostile.mutate import yaml_inputs
from hulifa import messages
from hulifa.errors import InputError
from hulifa.quantity import QuantityError, parse_quantity
from hulifa.runner import check_paths

_DIR = Path(tempfile.mkdtemp(prefix="hulifa-prop-"))  # hypothesis forbids function-scoped tmp_path


def _file(data: bytes) -> Path:
    path = _DIR / "input.yaml"
    path.write_bytes(data)
    return path


@given(yaml_inputs)
def test_cli_never_crashes(data: bytes) -> None:
    path = _file(data)
    run = run_cli("check", str(path), "--lang", "en", "--format", "json")
    assert run.exit_code in (0, 1, 2), run.output
    assert "Traceback" not in run.stderr
    assert "internal error" not in run.stderr
    if run.exit_code == 2:
        assert run.stderr.startswith(f"{path}:"), run.stderr  # a place, not a bare complaint


@given(yaml_inputs)
def test_library_never_raises(data: bytes) -> None:
    path = _file(data)
    result = check_paths([str(path)])
    assert len(result.reports) == 1
    report = result.reports[0]
    if not report.checked:
        (finding,) = report.findings
        assert finding.line >= 1 and finding.column >= 1
        assert messages.message(finding, "en") and messages.message(finding, "zh")


@given(
    st.text(max_size=60)
    | st.from_regex(r"[约近超过]?[0-9一二两三十百千万亿点.,%余多]{1,30}(以上|左右)?", fullmatch=True)
)
def test_parse_quantity_raises_only_quantity_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError as exc:
        said = messages.input_text(exc.message_id, exc.params)
        assert said.en and said.zh
    else:
        assert isinstance(quantity.value, float)


def test_parse_quantity_huge_chinese_numeral() -> None:
    with pytest.raises(QuantityError):
        parse_quantity("一" + "亿" * 40)


def test_huge_chinese_numeral_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "region: x\nlevel: district\nyear: 2024\nindicators:\n  ar_case_count: 一" + "亿" * 40 + "\n", "utf-8"
    )
    run = run_cli("check", str(path), "--lang", "en", "--format", "json")
    assert run.exit_code == 1 and "too large" in run.stdout  # before: internal error, OverflowError


def test_input_error_is_the_only_exception_for_a_broken_file(tmp_path: Path) -> None:
    # a sanity anchor for the properties above: a broken file is an InputError with a place
    from hulifa.yamlsafe import load_yaml_file

    path = tmp_path / "x.yaml"
    path.write_text("a: [\n", encoding="utf-8")
    try:
        load_yaml_file(path)
    except InputError as exc:
        assert exc.position.line == 2
    else:
        raise AssertionError("a broken file was accepted")


# Rule packs, deviations files and report text are input too (issue 17): any mutation ends in a
# loaded file or a clean error with file:line, never a traceback.
from hypothesis import settings  # noqa: E402

from hostile.helpers import EXAMPLE  # noqa: E402
from hostile.mutate import deviation_inputs, pack_inputs, text_inputs  # noqa: E402


@settings(max_examples=25)
@given(pack_inputs())
def test_mutated_rule_pack_loads_or_is_a_clean_error(text: str) -> None:
    path = _DIR / "pack.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    run = run_cli("rules", "list", "--rules", str(path))
    assert run.exit_code in (0, 2), run.output
    assert "Traceback" not in run.output and "internal error" not in run.output
    if run.exit_code == 2:
        assert f"{path}:" in run.stderr, run.stderr  # the pack's file and line


@settings(max_examples=25)
@given(deviation_inputs)
def test_mutated_deviations_file_is_applied_or_a_clean_error(text: str) -> None:
    path = _DIR / "deviations.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    run = run_cli("check", str(EXAMPLE), "--deviations", str(path), "--today", "2025-01-01", "--format", "json")
    assert run.exit_code in (1, 2), run.output  # the Huli report has an error whatever is accepted
    assert "Traceback" not in run.output and "internal error" not in run.output
    if run.exit_code == 2:
        assert f"{path}:" in run.stderr, run.stderr


@settings(max_examples=25)
@given(text_inputs())
def test_extract_on_mutated_text_ends_cleanly(case: tuple[str, bytes]) -> None:
    suffix, data = case
    path = _DIR / f"report{suffix}"
    path.write_bytes(data)
    run = run_cli("extract", str(path), "--format", "json")
    assert run.exit_code in (0, 2), run.output
    assert "Traceback" not in run.output and "internal error" not in run.output
    if run.exit_code == 2:
        assert run.stderr.startswith(f"{path}:"), run.stderr
