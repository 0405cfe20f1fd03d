"""Property tests: whatever the bytes, the CLI and the library answer with 0, 1 or 2, fast, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hostile.helpers import run_cli
from hostile.mutate import yaml_inputs
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
        assert finding.message.en and finding.message.zh


@given(
    st.text(max_size=60)
    | st.from_regex(r"[约近超过]?[0-9一二两三十百千万亿点.,%余多]{1,30}(以上|左右)?", fullmatch=True)
)
def test_parse_quantity_raises_only_quantity_error(text: str) -> None:
    try:
        quantity = parse_quantity(text)
    except QuantityError as exc:
        assert exc.en and exc.zh
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
