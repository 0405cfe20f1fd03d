"""Nothing lost: --output never overwrites without --force, and a failed write leaves no trace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile.helpers import EXAMPLE, run_cli
from hulifa import atomic
from hulifa.errors import InputError


def test_output_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    target.write_text("precious", encoding="utf-8")
    run = run_cli("check", str(EXAMPLE), "--format", "json", "--output", str(target), "--lang", "en")
    assert run.exit_code == 2
    assert f"{target}:1:1:" in run.stderr and "--force" in run.stderr
    assert target.read_text(encoding="utf-8") == "precious"
    run = run_cli("check", str(EXAMPLE), "--format", "json", "--output", str(target), "--force")
    assert run.exit_code == 1
    assert target.read_text(encoding="utf-8").startswith("{")


def test_write_output_refuses_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(InputError, match="--force"):
        atomic.write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "old"


class _Boom(Exception):
    pass


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt(), _Boom()])
def test_crash_mid_write_keeps_the_original_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    target = tmp_path / "report.sarif"
    target.write_text("the original", encoding="utf-8")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def close(self) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            raise error

    monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises((type(error), InputError)) as caught:
        atomic.write_output(target, "new content " * 1000, force=True)
    if isinstance(error, OSError):
        assert "No space left on device" in caught.value.message.en  # type: ignore[attr-defined]
    assert target.read_text(encoding="utf-8") == "the original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]  # no .report.sarif.*.tmp


def test_crash_before_rename_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")

    def no_rename(src: str, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", no_rename)
    run = run_cli("check", str(EXAMPLE), "--format", "json", "--output", str(target), "--force", "--lang", "en")
    assert run.exit_code == 2
    assert "cannot write: Input/output error" in run.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
