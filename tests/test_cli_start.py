"""The start-up path: `hulifa COMMAND` builds only that command, with the same behaviour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clihelp import HULI_DATA, run_cli
from hulifa.cli import app, lean


def invoke(target: object, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(target, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})  # type: ignore[arg-type]
    return result.exit_code, result.stdout


def checked(args: list[str], then: str, before: str = "import sys\n") -> str:
    """A probe's source: `before`, then `hulifa check ARGS` through hulifa.cli.main in the probe's own
    process (its exit caught), then `then`, which reads what the check left behind."""
    return (
        before
        + "from hulifa.cli import main\n"
        + f"sys.argv = ['hulifa', 'check', *{args!r}]\n"
        + "try:\n    main()\nexcept SystemExit:\n    pass\n"
        + then
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(HULI_DATA), "-f", "parsable"),
        ("check", str(HULI_DATA), "--lang", "en", "--fail-on", "never"),
        ("check", "--help"),
        ("check", "--no-such-option"),
        ("schema", "--help"),
        ("rules", "list", "--format", "json"),
        ("rules", "show", "report_published_by"),
    ],
)
def test_the_lean_app_answers_as_the_whole_one(args: tuple[str, ...]) -> None:
    only = lean(list(args))
    assert only is not app and len(only.registered_commands) + len(only.registered_groups) == 1
    assert invoke(only, *args) == invoke(app, *args)


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["chek", "x.yaml"]])
def test_anything_else_gets_the_whole_app(args: list[str]) -> None:
    assert lean(args) is app


def test_shell_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_HULIFA_COMPLETE", "bash_complete")
    assert lean(["check"]) is app


def test_checking_one_named_file_leaves_the_heavy_modules_unimported() -> None:
    """rich (~45 ms), pathspec (~20 ms, folder scans only), jsonschema (~30 ms, user packs only) and
    the modules of the commands not run."""
    probe = checked(
        [str(HULI_DATA), "-f", "parsable", "--isolated"],
        "heavy = ('rich', 'pathspec', 'jsonschema', 'multiprocessing', 'concurrent')\n"
        "other = ('hulifa.cli.browse', 'hulifa.cli.extract', 'hulifa.extract')  # commands not run\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in heavy or m in other]\n"
        "sys.stderr.write('LOADED ' + ' '.join(sorted(loaded)))\n",
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert "LOADED" in run.stderr, run.stderr
    assert run.stderr.rsplit("LOADED", 1)[1].split() == []


@pytest.mark.parametrize("to_file", [False, True])
def test_the_table_to_a_pipe_or_a_file_leaves_rich_console_unimported(tmp_path: Path, to_file: bool) -> None:
    """The default format written to a pipe or a file (the wide table, at 160 columns) is laid out by
    table_plain: of rich, only rich.cells (cell widths) is imported, not the console, table and text.
    A terminal would get rich."""
    out = tmp_path / "table.txt"
    args = [str(HULI_DATA), "--isolated", *(["-o", str(out)] if to_file else [])]
    probe = checked(
        args, "sys.stderr.write('LOADED ' + ' '.join(sorted(m for m in sys.modules if m.startswith('rich'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env)
    loaded = set(run.stderr.rsplit("LOADED", 1)[-1].split())
    written = out.read_text(encoding="utf-8") if to_file else run.stdout
    assert "湖里区" in written.splitlines()[0]  # the table was written
    assert ("┏" in written) is to_file  # a file gets the wide table
    assert "rich.cells" in loaded  # so the probe sees what the table imported
    assert not loaded & {"rich.console", "rich.table", "rich.text", "rich.segment", "rich.padding"}, loaded


@pytest.mark.parametrize("fmt", ["table", "parsable"])
def test_a_warm_start_imports_nothing_it_does_not_use(tmp_path: Path, fmt: str) -> None:
    """`hulifa check one.yaml` to a pipe, the bundled pack read back from the cache: json (the table's
    spill file past 1,024 reports), hashlib, tempfile and pickle's Python half (writing the cache) are
    not imported, and no hulifa class is made with dataclasses' exec (~1-2 ms each; Rule and RulePack,
    the last two, were 14 million instructions: model._Frozen)."""
    probe = checked(
        [str(HULI_DATA), "-f", fmt, "--isolated"],
        "unused = ('json', 'hashlib', 'tempfile', 'pickle')\n"
        "sys.stderr.write('LOADED ' + ' '.join(m for m in unused if m in sys.modules) + '\\n')\n"
        "sys.stderr.write('MADE ' + ' '.join(m for m in made if m.startswith('hulifa.')) + '\\n')\n",
        before="import sys, dataclasses\n"
        "made = []\n"
        "real = dataclasses._process_class\n"
        "def counted(cls, *args, **kwargs):\n"
        "    made.append(cls.__module__ + '.' + cls.__qualname__)\n"
        "    return real(cls, *args, **kwargs)\n"
        "dataclasses._process_class = counted\n",
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("HULIFA_NO_CACHE", None)
    subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env)  # fills it
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env)
    assert list((tmp_path / "cache" / "hulifa" / "packs").glob("default-*.pickle"))
    lines = dict(line.split(" ", 1) for line in run.stderr.splitlines() if line.startswith(("LOADED ", "MADE ")))
    assert lines["LOADED"].split() == [], run.stderr
    assert lines["MADE"].split() == []


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_document_names_its_version_without_importlib_metadata(fmt: str) -> None:
    """The version comes from hulifa.__version__ (pyproject.toml reads it from there): importing
    importlib.metadata (email, zipfile, csv) would cost ~55 ms of every json or sarif run."""
    probe = (
        "import sys, io, contextlib\n"
        "from hulifa.cli import main\n"
        f"sys.argv = ['hulifa', 'check', {str(HULI_DATA)!r}, '-f', {fmt!r}, '--isolated']\n"
        "out = io.StringIO()\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(out):\n"
        "    main()\n"
        "heavy = ('importlib.metadata', 'email')\n"
        "sys.stderr.write('LOADED ' + ' '.join(m for m in heavy if m in sys.modules) + '\\n')\n"
        "sys.stderr.write('DOC ' + str(len(out.getvalue())) + '\\n')\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    lines = dict(line.split(" ", 1) for line in run.stderr.splitlines() if line.startswith(("LOADED ", "DOC ")))
    assert lines["LOADED"].split() == [], run.stderr
    assert int(lines["DOC"]) > 1000


def test_the_version_is_the_installed_one() -> None:
    import importlib.metadata

    import hulifa

    assert hulifa.__version__ == importlib.metadata.version("hulifa")
    assert run_cli("--version").stdout == f"hulifa {hulifa.__version__}\n"


def test_the_script_starts_through_hulifa_main() -> None:
    """The installed `hulifa` is hulifa.__main__:main, as is `python -m hulifa`: the collector paused
    while the CLI is imported, what the import made frozen, the collector running again for the check."""
    import importlib.metadata

    (script,) = importlib.metadata.entry_points(group="console_scripts", name="hulifa")
    assert script.value == "hulifa.__main__:main"
    probe = (
        "import gc, sys, atexit\n"
        "atexit.register(lambda: sys.stderr.write(f'GC {gc.isenabled()} {gc.get_freeze_count()}\\n'))\n"
        "from hulifa.__main__ import main\n"
        f"sys.argv = ['hulifa', 'check', {str(HULI_DATA)!r}, '-f', 'parsable', '--isolated']\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.returncode == 1 and "2024.yaml:" in run.stdout, run.stderr
    enabled, frozen = run.stderr.rsplit("GC ", 1)[1].split()
    assert enabled == "True" and int(frozen) > 10_000
    as_module = subprocess.run([sys.executable, "-m", "hulifa", "--version"], capture_output=True, text=True)
    assert as_module.stdout == run_cli("--version").stdout


def _seen_from(spied: str, argv: list[str], tmp_path: Path, arg: int = 0) -> dict[str, str]:
    """Run the script's main with `argv`, `spied` (module:function) wrapped to say, when first called,
    whether the cycle collector runs and whether the objects its argument number `arg` holds (the rule
    pack, for runner.check_file) are frozen, out of every collection's sight."""
    module, function = spied.split(":")
    probe = (
        "import gc, sys, functools, importlib\n"
        f"module = importlib.import_module({module!r})\n"
        f"real = module.{function}\n"
        "@functools.wraps(real)\n"
        "def spy(*args, **kwargs):\n"
        f"    if len(args) > {arg} and not hasattr(spy, 'said'):\n"
        "        spy.said = True\n"
        "        tracked = {id(o) for o in gc.get_objects()}\n"
        f"        mine = [o for o in gc.get_referents(args[{arg}]) if gc.is_tracked(o)]\n"
        "        frozen = bool(mine) and not any(id(o) in tracked for o in mine)\n"
        "        sys.stderr.write(f'\\nSEEN {gc.isenabled()} {frozen}\\n')\n"
        "    return real(*args, **kwargs)\n"
        f"setattr(module, {function!r}, spy)\n"
        "from hulifa.__main__ import main\n"
        f"sys.argv = ['hulifa', *{argv!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env)
    assert "SEEN" in run.stderr, run.stderr
    enabled, frozen = run.stderr.rsplit("SEEN ", 1)[1].split()[:2]
    return {"enabled": enabled, "frozen": frozen}


def test_check_freezes_its_start_up_and_collects_from_its_first_report(tmp_path: Path) -> None:
    """`hulifa check`: the collector stays paused past the CLI's import, over the command's own start-up
    (its pack loaded, the modules its run needs imported), and runs again, with all that frozen, by the
    time the first report is checked."""
    seen = _seen_from("hulifa.runner:check_file", ["check", str(HULI_DATA), "-f", "parsable"], tmp_path, arg=1)
    assert seen == {"enabled": "True", "frozen": "True"}


def test_other_commands_run_with_the_collector(tmp_path: Path) -> None:
    """Any other command (extract reads documents of any size) runs with the collector on."""
    text = tmp_path / "report.txt"
    text.write_text("湖里区2024年法治政府建设年度报告\n组织学习培训1700余人次。\n", encoding="utf-8")
    seen = _seen_from("hulifa.extract:extract_text", ["extract", str(text), "--year", "2024"], tmp_path)
    assert seen["enabled"] == "True"


def test_a_program_calling_the_cli_keeps_its_own_collector() -> None:
    """Only the script pauses and freezes: hulifa.cli.main called by a program leaves gc as it was."""
    probe = checked(
        [str(HULI_DATA), "-f", "parsable", "--isolated"],
        "sys.stderr.write(f'GC {gc.isenabled()} {gc.get_freeze_count()}\\n')\n",
        before="import gc, sys\n",
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert run.stderr.rsplit("GC ", 1)[1].split() == ["True", "0"], run.stderr
