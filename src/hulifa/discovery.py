"""Which files the command line means: paths, directories and globs in, report files out, lazily.

A directory scan skips hidden folders and files, build/, dist/, node_modules/ (the default
`exclude`, replaced by --exclude and extended by --extend-exclude, as ruff's are), whatever
.gitignore ignores inside a git repository, and anything that is not a regular file (a FIFO or a
device would hang the read). A report is checked and counted once however it is reached: a link
to a file that a named folder's scan also meets under the file's own path, or that is named itself,
is passed over (with a note), and of two links to one file the first met is checked. A file named
on the command line is always checked, unless `force_exclude` (for pre-commit, which names every
staged file) applies the same rules to it.
Skipped files are reported through `on_skip` with a reason; nothing here prints.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from hulifa.errors import InputError, fail
from hulifa.model import Text

DATA_SUFFIXES = (".yaml", ".yml")
DEFAULT_INCLUDE = ("*.yaml", "*.yml")
DEFAULT_EXCLUDE = (".*", "build/", "dist/", "node_modules/", "__pycache__/", "venv/")

if TYPE_CHECKING:
    import pathspec  # ~20 ms to import: only when a folder is scanned, not for files named one by one

SkipHandler = Callable[[str, Text], None]


class Found(NamedTuple):
    """One input to check. `error` says why it cannot be; `explicit` when named on the command line."""

    path: str
    error: InputError | None = None
    explicit: bool = True


class Selection(NamedTuple):
    """The rules that choose files: gitignore-style patterns, as ruff's `exclude`/`extend-exclude`.

    A NamedTuple, as Found: a dataclass compiles its methods with exec at every start (~1-2 ms
    each, README "Start-up"). Its compiled patterns are kept per pattern list (_gitignore_spec)."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    gitignore: bool = True
    force_exclude: bool = False

    @property
    def spec(self) -> pathspec.GitIgnoreSpec:
        return _gitignore_spec(self.exclude, self.extend_exclude)

    @property
    def include_spec(self) -> pathspec.GitIgnoreSpec:
        return _gitignore_spec(self.include)

    def included(self, relative: str) -> bool:
        """A file a scan checks: its path matches `include` (the name's case does not matter)."""
        name = relative.rsplit("/", 1)[-1]
        spec = self.include_spec
        return spec.match_file(relative) or spec.match_file(name.lower())

    def excluded(self, relative: str, is_dir: bool) -> bool:
        return self.spec.match_file(relative + "/" if is_dir else relative)


@cache
def _gitignore_spec(*patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """The patterns compiled once a process: a run has one or two Selections, asked once a file."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([line for group in patterns for line in group])


def display(path: Path) -> str:
    """Relative to the working directory when inside it, so output is the same on every machine."""
    try:
        return os.path.relpath(path) if path.is_absolute() else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _skip_note(kind: str) -> Text:
    from hulifa.messages import reason  # only for a file passed over

    return reason("skip.not_regular", kind=kind)


def special_kind(mode: int) -> str | None:
    """'FIFO', 'device' or 'socket' for a file that is not regular (or a directory), else None."""
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return None


class _GitIgnore:
    """The .gitignore files that apply inside one git repository, read once per folder."""

    def __init__(self, root: Path) -> None:
        self.specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        top = root.resolve()
        repo = next((p for p in (top, *top.parents) if (p / ".git").exists()), None)
        self.active = repo is not None
        self.repo = repo
        if repo is not None:  # the scan may start below the repository's top: its parents' files count
            for folder in reversed([top, *top.parents[: len(top.parents) - len(repo.parents)]]):
                self._load(folder)

    def _load(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        import pathspec

        if folder not in self.specs:
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
                self.specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines)
            except OSError:
                self.specs[folder] = None
        return self.specs[folder]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """The deepest .gitignore with a pattern for `path` decides, as git does."""
        return self.ignored_in(self.chain(path.parent), path.name, is_dir)

    def chain(self, folder: Path) -> list[tuple[pathspec.GitIgnoreSpec, str]]:
        """The .gitignore files that apply in `folder`, deepest first, each with the path from its own
        folder to `folder` ("" or "a/b/"): worked out once a folder, not once a file."""
        found: list[tuple[pathspec.GitIgnoreSpec, str]] = []
        if not self.active:
            return found
        for above in (folder, *folder.parents):
            spec = self.specs.get(above)
            if spec is not None:
                below = folder.relative_to(above).as_posix()
                found.append((spec, "" if below == "." else below + "/"))
            if above == self.repo or above.parent == above:
                break
        return found

    @staticmethod
    def ignored_in(chain: list[tuple[pathspec.GitIgnoreSpec, str]], name: str, is_dir: bool) -> bool:
        """Whether `name` in the folder of `chain` is ignored: the deepest file with a verdict decides."""
        for spec, below in chain:
            verdict = spec.check_file(below + name + ("/" if is_dir else "")).include
            if verdict is not None:
                return verdict
        return False


class _Walked(NamedTuple):
    """A file a scan found: `shown` as output names it; `real`, its resolved path, for a link only."""

    shown: str
    real: str | None = None


def _scan(root: Path, selection: Selection, on_skip: SkipHandler | None) -> Iterator[_Walked]:
    """Report-data files under `root`, in sorted path order, one folder listed at a time.

    Sorted order needs every name of a folder before its first file: the walk holds the names (a list
    of str, sorted in place) of the folders it is in, and looks each entry up as it comes (one lstat,
    and a stat more for a link; a regular file costs one system call, as a DirEntry's stat did). Held
    as os.scandir's DirEntry objects, a folder of 100,000 files took 19 MiB; as names, 6.5 MiB
    (tracemalloc, benchmarks/README.md). Folders of 1,000 reports, as the benchmark's, hold ~65 KB.

    Paths are strings joined once a name, not Path objects: a Path, its relative_to and os.path.relpath
    for the name shown took ~2% of a run's CPU per file (the profile in benchmarks/README.md). What is
    shown is `display(root)` joined with the path below it, which is what display() gives for each file.

    A link to a file is yielded with its resolved path: discover checks each report once."""
    ignore = _GitIgnore(root) if selection.gitignore else None
    gitignore = ignore is not None and ignore.active
    shown_root = display(root)
    shown_top = "" if shown_root == "." else shown_root + os.sep
    top = root.resolve()

    def walk(folder: str, below: str, real: Path) -> Iterator[_Walked]:
        """`folder` as the system opens it, `below` the path from the root to it ("" or "a/b/")."""
        shown_here = shown_top + below.replace("/", os.sep)
        chain: list[tuple[pathspec.GitIgnoreSpec, str]] = []
        if ignore is not None and gitignore:
            ignore._load(real)
            chain = ignore.chain(real)
        try:
            names = os.listdir(folder)
        except OSError:
            return
        names.sort()
        for name in names:
            path = os.path.join(folder, name)
            relative = below + name
            try:
                mode = os.lstat(path).st_mode
            except OSError:  # gone since the listing
                continue
            is_dir = stat.S_ISDIR(mode)
            if selection.excluded(relative, is_dir) or (chain and _GitIgnore.ignored_in(chain, name, is_dir)):
                continue
            if is_dir:
                yield from walk(path, relative + "/", real / name)
                continue
            if not selection.included(relative):
                continue
            shown = shown_here + name
            target = None
            if stat.S_ISLNK(mode):
                try:
                    mode = os.stat(path).st_mode
                except OSError:  # dangling link: named, so its error is reported
                    yield _Walked(shown)
                    continue
                target = os.path.realpath(path)
            if stat.S_ISDIR(mode):  # a link to a folder: never followed, so a loop cannot trap us
                continue
            kind = special_kind(mode)
            if kind is not None:
                if on_skip:
                    on_skip(shown, _skip_note(kind))
                continue
            yield _Walked(shown, target)

    yield from walk(str(root), "", top)


class _Elsewhere:
    """Where a run checks a report under the report's own path: the files named on the command line,
    and the named folders' scans. A link to such a report is a second name for it (`hulifa check a b`
    with a/x.yaml a link to b/x.yaml), passed over wherever it stands, before or after its target in
    the run. What is held: the named files' and folders' resolved paths, a command line's worth, and
    each folder's .gitignore files, read when a link is first met; never a path per file."""

    def __init__(self, files: Sequence[str], folders: Sequence[str]) -> None:
        self.files = frozenset(os.path.normcase(os.path.realpath(file)) for file in files)
        self.folders = [Path(folder).resolve() for folder in folders]
        self.ignores: dict[Path, _GitIgnore | None] = {}

    def checks(self, real: str, selection: Selection) -> bool:
        """Whether the run checks the file at the resolved path `real` under that path."""
        if os.path.normcase(real) in self.files:
            return True
        for top in self.folders:
            if top not in self.ignores:
                self.ignores[top] = _GitIgnore(top) if selection.gitignore else None
            if _met_as_itself(real, top, self.ignores[top], selection):
                return True
        return False


def _met_as_itself(real: str, top: Path, ignore: _GitIgnore | None, selection: Selection) -> bool:
    """Whether a scan of the folder `top` meets the file at the resolved path `real` under that path:
    it is inside `top`, and neither it nor a folder on the way is excluded or git-ignored. A file the
    scan passes over (hidden, excluded, ignored) is checked through a link to it: nothing is lost."""
    relative = os.path.relpath(real, top)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep) or os.path.isabs(relative):
        return False

    def ignored(folder: Path, name: str, is_dir: bool) -> bool:
        if ignore is None or not ignore.active:
            return False
        ignore._load(folder)
        return _GitIgnore.ignored_in(ignore.chain(folder), name, is_dir)

    *folders, name = relative.split(os.sep)
    below, folder_real = "", top
    for folder in folders:
        if selection.excluded(below + folder, True) or ignored(folder_real, folder, True):
            return False
        below, folder_real = below + folder + "/", folder_real / folder
    return (
        selection.included(below + name)
        and not selection.excluded(below + name, False)
        and not ignored(folder_real, name, False)
    )


def _link_note(real: str) -> Text:
    from hulifa.messages import reason  # only for a link passed over

    return reason("skip.link", target=display(Path(real)))


def _glob(pattern: str) -> list[str]:
    """Paths matching `pattern`, `**` included, without following symlinked folders.

    glob.glob(recursive=True) follows them: two links back to the same folder make it walk ~2**40
    paths before the OS says ELOOP, a hang. pathlib's `**` (3.11, 3.12) does not follow links.
    """
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if any(ch in part for ch in "*?["))
    root = Path(*parts[:first]) if first else Path(".")
    rest = "/".join(parts[first:])
    hidden_ok = parts[-1].startswith(".")  # like glob: `*` does not match hidden names
    try:
        return sorted(
            str(p)
            for p in root.glob(rest)
            if hidden_ok or not any(part.startswith(".") for part in p.relative_to(root).parts)
        )
    except (OSError, ValueError):  # an unreadable folder, a malformed pattern
        return []


def discover(
    inputs: Sequence[str], selection: Selection | None = None, on_skip: SkipHandler | None = None
) -> Iterator[Found]:
    """Expand directories (recursively, report-data files only) and globs; keep order, drop repeats.

    A path that does not exist is kept with its error, so it is reported rather than skipped.
    `-` (standard input) passes through as it is.
    """
    selection = selection or Selection()
    seen: set[str] = set()

    def new(path: str, keep: bool = True) -> bool:
        key = same_file_key(path)
        if key in seen:
            return False
        if keep:
            seen.add(key)
        return True

    alone = _alone(inputs)
    elsewhere = _Elsewhere(
        [raw for raw in inputs if raw != "-" and os.path.isfile(raw) and not selection.force_exclude],
        [raw for raw in inputs if os.path.isdir(raw)],
    )

    for index, raw in enumerate(inputs):
        if not raw:  # names no file (open("") fails), though Path("") is the current folder
            if new(raw):
                yield Found(raw, fail(raw, 1, 1, "input.file.missing"))
            continue
        path = Path(raw)
        if raw != "-" and any(ch in raw for ch in "*?[") and not os.path.exists(raw):
            any_file = False  # a pattern that matches only folders means no file either
            for match in _glob(raw):
                try:
                    mode = os.stat(match).st_mode
                except OSError:
                    continue
                kind = special_kind(mode)
                any_file = any_file or kind is not None or stat.S_ISREG(mode)
                if kind is not None:
                    if on_skip:
                        on_skip(match, _skip_note(kind))
                elif stat.S_ISREG(mode) and not selection.excluded(match, False) and new(match):
                    yield Found(match, explicit=False)
            if not any_file and new(raw):
                yield Found(raw, fail(raw, 1, 1, "input.glob.no_match"))
            continue
        if os.path.isdir(raw):
            any_file = False
            # A scan yields each file once, so the last input's files need not be remembered: a folder
            # of 100,000 files named alone holds no path once it is yielded (only its folders' listings).
            keep = index < len(inputs) - 1
            for file, real in _scan(path, selection, on_skip):
                any_file = True
                if real is None:
                    if raw in alone or new(file, keep):
                        yield Found(file, explicit=False)
                elif elsewhere.checks(real, selection) or not new(real):  # links remembered wherever they are
                    if on_skip:
                        on_skip(file, _link_note(real))
                else:
                    yield Found(file, explicit=False)
            if not any_file and new(raw):
                yield Found(
                    raw,
                    fail(raw, 1, 1, "input.directory.no_reports"),
                )
            continue
        if selection.force_exclude and raw != "-":
            if selection.excluded(_below_cwd(path), False) or (
                selection.gitignore and os.path.exists(raw) and _GitIgnore(path.parent).ignored(path.resolve(), False)
            ):
                if on_skip:
                    from hulifa.messages import reason

                    on_skip(raw, reason("skip.excluded"))
                continue
            if new(raw):
                yield Found(raw, explicit=False)
            continue
        if raw == "-" or new(raw):
            yield Found(raw)


def _alone(inputs: Sequence[str]) -> frozenset[str]:
    """The folders among `inputs` that no other input can repeat a file of: no other input is the same
    folder, inside it or around it, and none is a pattern. Their files need not be remembered to drop
    repeats, so a walk of 100,000 files in separate folders holds none of their paths."""
    if any(raw != "-" and any(ch in raw for ch in "*?[") and not os.path.exists(raw) for raw in inputs):
        return frozenset()
    where = [same_file_key(raw) if raw != "-" else "" for raw in inputs]

    def overlap(a: str, b: str) -> bool:
        return a == b or a.startswith(b.rstrip(os.sep) + os.sep) or b.startswith(a.rstrip(os.sep) + os.sep)

    return frozenset(
        raw
        for i, raw in enumerate(inputs)
        if raw != "-"
        and os.path.isdir(raw)
        and not any(overlap(where[i], other) for j, other in enumerate(where) if j != i and other)
    )


def same_file_key(path: str) -> str:
    """What two paths of one file have in common: the path resolved (links followed, `..` and `.` gone)
    and its case folded where the file system ignores case (Windows). By path, not by inode: two hard
    links are two files a user named, and each is checked (the memory benchmark checks 100,000 of one)."""
    try:
        return os.path.normcase(os.path.realpath(path))
    except ValueError:  # a NUL byte names no file: the path as given, which the reading step refuses
        return path


def _below_cwd(path: Path) -> str:
    """The path relative to the working directory, without leading `../` (which `.*` would match)."""
    relative = Path(display(path.absolute())).as_posix()
    while relative.startswith("../"):
        relative = relative[3:]
    return relative


# Read only when a scanned file failed to load: compiled then, through re's cache, not at every start.
_TOP_KEY = r"(?m)^([A-Za-z_][\w-]*)\s*:"
_LIST_ITEM_RULE = r"(?m)^-\s+\{?\s*rule\s*:"
_RULEPACK_KEYS = frozenset({"pack", "extends", "overrides"})
CONFIG_KEYS = frozenset(
    {"rules", "deviations", "include", "exclude", "extend-exclude", "fail-on", "lang", "jobs", "today", "format"}
    | {"output", "encoding", "force-exclude", "respect-gitignore"}
)


def not_report_data(text: str) -> Text | None:
    """What a YAML file is, by its shape, when it is one of hulifa's other files: a deviations file,
    a rule pack or a configuration file. None for anything else (including report data)."""
    from hulifa.messages import reason  # only for a scanned file that failed to load

    keys = set(re.findall(_TOP_KEY, text))
    if keys & {"region", "year"}:
        return None
    if keys & _RULEPACK_KEYS:
        return reason("skip.is.pack")
    if keys == {"deviations"} or (not keys and re.search(_LIST_ITEM_RULE, text)):
        return reason("skip.is.deviations")
    if keys and keys <= CONFIG_KEYS and "indicators" not in keys:
        return reason("skip.is.config")
    return None
