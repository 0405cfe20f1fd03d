"""Round two: bad settings are clear errors, not internal errors; a .docx zip bomb is refused after a
bounded, streamed read."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from hostile.helpers import EXAMPLE, run_cli, run_process
from hulifa.decoding import is_text_encoding


@pytest.mark.parametrize("name", ["rot13", "base64", "undefined", "zlib", "hex", "no-such-codec"])
def test_encoding_that_is_not_a_text_encoding(name: str) -> None:
    run = run_cli("check", str(EXAMPLE), "--encoding", name, "--lang", "en")
    assert run.exit_code == 2
    assert f"'{name}' is not a text encoding" in run.stderr
    assert "internal error" not in run.output


def test_text_encodings_still_accepted() -> None:
    assert all(is_text_encoding(n) for n in ("utf-8", "gb18030", "big5", "latin-1", "UTF8"))


def test_meta_charset_undefined_is_not_an_internal_error(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_bytes("<html><head><meta charset=undefined></head><body>湖里区 2024 年</body></html>".encode())
    run = run_cli("extract", str(page))
    assert "internal error" not in run.output and "内部错误" not in run.output


@pytest.mark.parametrize("value", ["garbage", "0", "-1", "1e6", "５"])
def test_bad_max_bytes_is_refused_saying_what_it_is(value: str) -> None:
    run = run_cli("check", str(EXAMPLE), "--lang", "en", env={"HULIFA_MAX_BYTES": value})
    assert run.exit_code == 2
    assert f"HULIFA_MAX_BYTES is set to '{value}'" in run.stderr


def test_good_max_bytes_still_works() -> None:
    assert run_cli("check", str(EXAMPLE), env={"HULIFA_MAX_BYTES": "10000000"}).exit_code == 1


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    # 60 MB of XML in a small archive, over the 4 x HULIFA_MAX_BYTES bound (here 4 x 1 MB); read in
    # a subprocess, so a regression shows as a failure, not as the test run's memory.
    bomb = tmp_path / "bomb.docx"
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            member.write(f'<w:document xmlns:w="{ns}"><w:body><w:p><w:r><w:t>'.encode())
            for _ in range(60):
                member.write(b"A" * (1 << 20))
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert bomb.stat().st_size < 1 << 20
    run = run_process("extract", str(bomb), timeout=120, env={"HULIFA_MAX_BYTES": str(1 << 20)})
    assert run.exit_code == 2
    assert "word/document.xml" in run.stderr and "4194304" in run.stderr
