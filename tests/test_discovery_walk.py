"""The folder walk against the walk as it was written with Path objects (before it joined strings):
on random trees, with hidden and excluded folders, nested .gitignore files and negations, scanned
from an absolute path, a relative one, `.` and from inside, the same files in the same order, named
the same way."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hulifa.discovery import Selection, _GitIgnore, discover, display

NAMES = st.sampled_from(["a", "b", "c", ".h", "build", "x.yaml", "y.YML", "z.yaml", "n.txt", "keep.yaml"])
IGNORES = st.lists(st.sampled_from(["*.yaml", "!keep.yaml", "b/", "a", "/c", "x*", "**/z.yaml", "!b/"]), max_size=3)


def _ignored_before(ignore: _GitIgnore, path: Path, is_dir: bool) -> bool:
    """_GitIgnore.ignored as it was: each file's path made relative to each folder above it."""
    for folder in (path.parent, *path.parent.parents):
        spec = ignore.specs.get(folder)
        if spec is not None:
            verdict = spec.check_file(path.relative_to(folder).as_posix() + ("/" if is_dir else "")).include
            if verdict is not None:
                return verdict
        if folder == ignore.repo or folder.parent == folder:
            break
    return False


def walk_before(root: Path, selection: Selection) -> Iterator[str]:
    """discovery._scan as it was, with Path objects and display() for every file."""
    ignore = _GitIgnore(root) if selection.gitignore else None

    def walk(folder: Path, real: Path) -> Iterator[str]:
        if ignore is not None and ignore.active:
            ignore._load(real)
        names = sorted(os.listdir(folder))
        for name in names:
            path = folder / name
            relative = path.relative_to(root).as_posix()
            mode = os.lstat(path).st_mode
            is_dir = stat.S_ISDIR(mode)
            if selection.excluded(relative, is_dir) or (
                ignore is not None and ignore.active and _ignored_before(ignore, real / name, is_dir)
            ):
                continue
            if is_dir:
                yield from walk(path, real / name)
            elif selection.included(relative):
                yield display(path)

    yield from walk(root, root.resolve())


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[tuple[str, ...]], dict[tuple[str, ...], list[str]]]:
    files = draw(st.lists(st.lists(NAMES, min_size=1, max_size=4).map(tuple), min_size=1, max_size=25))
    folders = {f[:i] for f in files for i in range(len(f))}
    ignores = {folder: draw(IGNORES) for folder in sorted(folders) if draw(st.booleans())}
    return files, ignores


def make(top: Path, files: list[tuple[str, ...]], ignores: dict[tuple[str, ...], list[str]]) -> None:
    for parts in sorted(files, key=len, reverse=True):  # deepest first: a name is a folder if anything is below it
        path = top.joinpath(*parts)
        if path.exists():
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("region: x\n", encoding="utf-8")
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            pass  # a file where a folder was wanted, or the reverse: that tree keeps what came first
    for folder, lines in ignores.items():
        where = top.joinpath(*folder)
        if where.is_dir():
            (where / ".gitignore").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


@pytest.mark.parametrize("how", ["absolute", "relative", "dot", "inside"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=trees(), git=st.booleans(), exclude=st.sampled_from([None, ("a/",), ("*.yaml", "!z.yaml")]))
def test_the_walk_finds_what_it_found_before(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    tree: tuple[list[tuple[str, ...]], dict[tuple[str, ...], list[str]]],
    git: bool,
    exclude: tuple[str, ...] | None,
) -> None:
    base = tmp_path_factory.mktemp("walk")
    top = base / "repo"
    top.mkdir()
    if git:
        (top / ".git").mkdir()
    make(top, *tree)
    selection = Selection(exclude=exclude) if exclude is not None else Selection()
    monkeypatch.chdir(
        {"absolute": base, "relative": base, "dot": top, "inside": top / "a" if (top / "a").is_dir() else top}[how]
    )
    raw = {"absolute": str(top), "relative": "repo", "dot": ".", "inside": str(Path(os.path.relpath(top)))}[how]
    got = [f.path for f in discover([raw], selection) if f.error is None]
    assert got == list(walk_before(Path(raw), selection))
