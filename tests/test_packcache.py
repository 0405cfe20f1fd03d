"""The bundled packs' cache: read back only while the packs and the code are what it was made from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hulifa import packcache, rulepack
from hulifa.model import RulePack


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("HULIFA_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "hulifa" / "packs"


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    """A copy of the bundled packs, free to change."""
    folder = tmp_path / "rules"
    shutil.copytree(rulepack.bundled_pack_path().parent, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder / "default.yaml"


def name_of(pack: RulePack) -> str:
    return next(rule.name for rule in pack.rules if rule.id == "report_submitted_by")


def counting(file: Path) -> tuple[list[int], object]:
    builds: list[int] = []

    def build() -> RulePack:
        builds.append(1)
        return rulepack._build(file, "default")

    return builds, build


def test_the_second_load_is_read_back_and_equal(cache: Path, packs: Path) -> None:
    builds, build = counting(packs)
    first = packcache.load(packs, build)  # type: ignore[arg-type]
    second = packcache.load(packs, build)  # type: ignore[arg-type]
    assert builds == [1]
    assert second == first and second is not first
    assert len(list(cache.glob("default-*.pickle"))) == 1


def test_a_changed_pack_is_built_again(cache: Path, packs: Path) -> None:
    builds, build = counting(packs)
    before = packcache.load(packs, build)  # type: ignore[arg-type]
    text = packs.read_text("utf-8")
    assert "name: 年度报告报送\n" in text
    packs.write_text(text.replace("name: 年度报告报送\n", "name: 年度报告报送(改)\n", 1), "utf-8")
    after = packcache.load(packs, build)  # type: ignore[arg-type]
    assert builds == [1, 1]
    assert name_of(before) == "年度报告报送"
    assert name_of(after) == "年度报告报送(改)"


def test_a_cache_file_that_does_not_match_is_not_trusted(cache: Path, packs: Path) -> None:
    builds, build = counting(packs)
    packcache.load(packs, build)  # type: ignore[arg-type]
    (cached,) = cache.glob("default-*.pickle")
    blob = cached.read_bytes()
    head, _, body = blob.partition(b"\n\n")
    other = b"1" if head.endswith(b"0") else b"0"  # another key (one in 16 keys ends in 0 already)
    cached.write_bytes(head[:-1] + other + b"\n\n" + body)
    packcache.load(packs, build)  # type: ignore[arg-type]
    cached.write_bytes(blob[: len(blob) // 2])  # cut short
    again = packcache.load(packs, build)  # type: ignore[arg-type]
    assert builds == [1, 1, 1]
    assert name_of(again) == "年度报告报送"


def test_no_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packs: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    builds, build = counting(packs)
    packcache.load(packs, build)  # type: ignore[arg-type]
    packcache.load(packs, build)  # type: ignore[arg-type]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HULIFA_NO_CACHE", "1")
    packcache.load(packs, build)  # type: ignore[arg-type]
    assert builds == [1, 1, 1]
    assert not (tmp_path / "xdg").exists()


def test_the_cli_gives_the_same_answer_from_the_cache(cache: Path) -> None:
    cold = run_cli("check", str(HULI_DATA), "-f", "json", "--fail-on", "never")
    assert list(cache.glob("default-*.pickle"))
    warm = run_cli("check", str(HULI_DATA), "-f", "json", "--fail-on", "never")
    assert cold.exit_code == warm.exit_code == 0
    assert warm.stdout == cold.stdout


@pytest.fixture
def code(tmp_path: Path) -> Path:
    """A copy of hulifa's own source files, free to change, as an editable install's folder is."""
    folder = tmp_path / "code" / "hulifa"
    shutil.copytree(Path(packcache.__file__).parent, folder, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def test_an_edited_source_file_changes_the_key(packs: Path, code: Path) -> None:
    before = packcache.key(packs, code)
    assert packcache.key(packs, code) == before
    source = code / "reporters" / "json_.py"  # any file, in a subfolder too: only hulifa's own are stamped
    source.write_text(source.read_text("utf-8") + "# edited\n", "utf-8")
    edited = packcache.key(packs, code)
    assert edited != before
    (code / "added.py").write_text("", "utf-8")
    assert packcache.key(packs, code) not in (before, edited)


def test_a_rewritten_pack_of_the_same_size_changes_the_key(packs: Path, code: Path) -> None:
    """Same bytes count, new content: the modification time tells (as for Python's own bytecode)."""
    before = packcache.key(packs, code)
    text = packs.read_text("utf-8")
    packs.write_text(text.replace("年度报告报送", "年度报告提交", 1), "utf-8")
    stat = packs.stat()
    os.utime(packs, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # a coarse clock may not have moved
    assert packs.stat().st_size == len(text.encode())
    assert packcache.key(packs, code) != before


def test_the_cache_is_no_reason_to_import_hash_or_temporary_file_modules(cache: Path) -> None:
    """A warm start reads the cache back: hashlib (OpenSSL) and tempfile are for writing it only."""
    probe = (
        "import sys\n"
        "from hulifa import rulepack\n"
        "rulepack.load_pack()\n"
        "print(' '.join(sorted(m for m in ('hashlib', 'tempfile', 'random') if m in sys.modules)))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent.parent)}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert list(cache.glob("default-*.pickle")), first.stderr
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert warm.stdout.split() == []
