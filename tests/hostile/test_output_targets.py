"""Round two, data loss and system damage: devices and pipes are written to, never renamed over; an
output that is an input is refused; two runs racing to one name never replace each other's file;
SIGTERM and SIGHUP leave no temporary file and no partial output; --jobs workers die with the CLI.

Real processes (subprocess + os.kill) throughout. Timeouts only guard against a hang."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hostile.helpers import EXAMPLE, run_cli, run_process
from hulifa import atomic
from hulifa.errors import InputError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and POSIX signals")


def _drain(fifo: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(fifo, "rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_fifo_output_is_written_to_not_replaced(tmp_path: Path, force: list[str]) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _drain(fifo, got)
    run = run_process("check", str(EXAMPLE), "--format", "json", "-o", str(fifo), *force, timeout=60)
    reader.join(30)
    assert run.exit_code == 1, run.output
    assert got and got[0].startswith(b"{")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO, not a regular file renamed over it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]


def test_symlink_to_a_pipe_stays_a_link(tmp_path: Path) -> None:
    # /dev/stdout is a link to the terminal or pipe; --force once replaced the link with a file.
    fifo, link = tmp_path / "pipe", tmp_path / "stdout"
    os.mkfifo(fifo)
    link.symlink_to(fifo)
    got: list[bytes] = []
    reader = _drain(fifo, got)
    run = run_process("check", str(EXAMPLE), "--format", "sarif", "-o", str(link), "--force", timeout=60)
    reader.join(30)
    assert run.exit_code == 1, run.output
    assert b'"runs"' in got[0]
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(link).st_mode)


def test_symlink_to_a_file_is_written_through(tmp_path: Path) -> None:
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real)
    run = run_cli("check", str(EXAMPLE), "--format", "json", "-o", str(link), "--force")
    assert run.exit_code == 1, run.output
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("{")


def test_dash_is_stdout(tmp_path: Path) -> None:
    run = run_process("check", str(EXAMPLE), "--format", "json", "-o", "-", cwd=tmp_path)
    assert run.exit_code == 1 and run.stdout.startswith("{")
    run = run_process(
        "check", str(EXAMPLE), "-f", "table", "-f", "sarif", "-o", "table=x.txt", "-o", "sarif=-", cwd=tmp_path
    )
    assert run.exit_code == 1 and '"runs"' in run.stdout and (tmp_path / "x.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]  # no file called "-"


@pytest.mark.parametrize("how", ["same-name", "hard-link", "in-scanned-folder", "rule-pack", "other-spelling"])
def test_output_that_is_an_input_is_refused(tmp_path: Path, how: str) -> None:
    report = tmp_path / "r.yaml"
    shutil.copy(EXAMPLE, report)
    before = report.read_bytes()
    args = ["check", str(report)]
    target = report
    if how == "hard-link":
        target = tmp_path / "alias.json"
        os.link(report, target)
    elif how == "in-scanned-folder":
        args = ["check", str(tmp_path)]
    elif how == "rule-pack":
        pack = tmp_path / "pack.yaml"
        pack.write_text("pack: p\nextends: default\n", encoding="utf-8")
        args += ["--rules", str(pack)]
        target, before = pack, pack.read_bytes()
    elif how == "other-spelling":
        target = tmp_path / "." / ".." / tmp_path.name / "r.yaml"
    run = run_cli(*args, "--format", "json", "-o", str(target), "--force", "--lang", "en")
    assert run.exit_code == 2, run.output
    assert "the output is one of the input files" in run.stderr
    assert target.read_bytes() == before


def test_extract_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text("湖里区2024年法治政府建设年度报告\n办理行政复议案件12件。\n", encoding="utf-8")
    before = text.read_bytes()
    run = run_cli("extract", str(text), "-o", str(text), "--force")
    assert run.exit_code == 2 and "输出文件就是输入文件之一" in run.stderr
    assert text.read_bytes() == before
    run = run_cli("extract", str(text), "-o", "-")
    assert run.exit_code == 0 and "indicators" in run.stdout


def test_a_file_that_appears_meanwhile_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    sink = atomic.AtomicFile(target)
    sink.write("ours")
    target.write_text("theirs", encoding="utf-8")  # another run finished first
    with pytest.raises(InputError, match="another program created this file"):
        sink.commit()
    assert target.read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_copy_fallback_without_hard_links_is_exclusive_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")  # EPERM: FAT, some FUSE mounts

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "out.txt"
    atomic.write_output(target, "new file")
    assert target.read_text(encoding="utf-8") == "new file"
    sink = atomic.AtomicFile(tmp_path / "late.txt")
    sink.write("ours")
    (tmp_path / "late.txt").write_text("theirs", encoding="utf-8")
    with pytest.raises(InputError, match="another program"):
        sink.commit()
    assert (tmp_path / "late.txt").read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late.txt", "out.txt"]


# --- real processes, stopped at a known point -------------------------------------------------------


def _batch(tmp_path: Path, count: int = 60) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(count):
        shutil.copy(EXAMPLE, folder / f"r{i:03}.yaml")
    return folder


def _start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hulifa.cli", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )


def _stop_once_writing(proc: subprocess.Popen[str], folder: Path, workers: int = 0) -> None:
    """Wait until the run has its temporary output file open (and its workers started), then freeze
    it there (SIGSTOP)."""
    for _ in range(600):
        if any(p.name.endswith(".tmp") for p in folder.iterdir()) and len(_children(proc.pid)) >= workers:
            os.kill(proc.pid, signal.SIGSTOP)
            return
        assert proc.poll() is None, "finished before it was caught writing: make the batch bigger"
        time.sleep(0.05)
    raise AssertionError("no temporary file appeared")


def _end(proc: subprocess.Popen[str]) -> None:
    """A failed test must not leave a stopped process behind."""
    if proc.poll() is None:
        proc.kill()
        proc.communicate()
    for pipe in (proc.stdout, proc.stderr):
        if pipe:
            pipe.close()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_gone(pids: list[int]) -> list[int]:
    for _ in range(200):  # a guard against a hang, not a timing assertion
        if not any(_alive(p) for p in pids):
            return []
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


def test_two_runs_racing_to_one_output_never_replace_each_other(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    proc = _start("check", str(folder), "--format", "json", "-o", "out/result.json", "--lang", "en", cwd=tmp_path)
    try:
        _stop_once_writing(proc, out)
        second = run_process("check", str(EXAMPLE), "--format", "json", "-o", "out/result.json", cwd=tmp_path)
        assert second.exit_code == 1  # the second run wrote first ...
        theirs = (out / "result.json").read_text(encoding="utf-8")
        os.kill(proc.pid, signal.SIGCONT)
        _, err = proc.communicate(timeout=120)
    finally:
        _end(proc)
    assert proc.returncode == 2, err  # ... so the first one must not replace it
    assert "another program created this file" in err
    assert (out / "result.json").read_text(encoding="utf-8") == theirs
    assert sorted(p.name for p in out.iterdir()) == ["result.json"]


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_signal_mid_batch_cleans_up(tmp_path: Path, signum: int, code: int, jobs: str) -> None:
    folder = _batch(tmp_path, 200 if jobs == "2" else 60)  # workers start late on a loaded machine
    out = tmp_path / "out"
    out.mkdir()
    proc = _start(
        "check",
        str(folder),
        "-f",
        "json",
        "-o",
        "json=out/r.json",
        "-f",
        "sarif",
        "-o",
        "sarif=out/r.sarif",
        "--jobs",
        jobs,
        cwd=tmp_path,
    )
    try:
        _stop_once_writing(proc, out, workers=2 if jobs == "2" else 0)
        workers = _children(proc.pid)
        os.kill(proc.pid, signum)
        os.kill(proc.pid, signal.SIGCONT)
        _, err = proc.communicate(timeout=120)
    finally:
        _end(proc)
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []  # no temporary file, no partial output
    assert _wait_gone(workers) == []


def _forked(pid: int) -> bool:
    """Whether `pid` has a child yet: one read of /proc (_children walks every process, too slow here)."""
    try:
        return bool(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the workers through /proc")
def test_a_signal_while_the_workers_are_forked_ends_the_run_without_a_traceback(tmp_path: Path) -> None:
    """SIGTERM sent the moment the first worker exists, while the pool may still be forking: the CLI's
    handler raised inside the fork hooks of logging and threading, where Python prints "Exception
    ignored in ..." with a traceback (5 runs in 10 did, at load 7, before the signals were held while
    forking). Several tries, as the moment is a race; each must end as a signal does, cleanly."""
    folder = _batch(tmp_path, 60)
    for attempt in range(6):
        out = tmp_path / f"out{attempt}"
        out.mkdir()
        proc = _start("check", str(folder), "-f", "json", "-o", f"{out.name}/r.json", "--jobs", "2", cwd=tmp_path)
        try:
            deadline = time.monotonic() + 60
            while not _forked(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
                pass  # polled without sleeping: the point is to hit the fork
            os.kill(proc.pid, signal.SIGTERM)
            workers = _children(proc.pid)  # after the signal: walking /proc takes longer than the fork
            _, err = proc.communicate(timeout=120)
        finally:
            _end(proc)
        assert proc.returncode == 143, err
        assert "Traceback" not in err and "Exception ignored" not in err, err
        assert list(out.iterdir()) == []
        assert _wait_gone(workers) == []


def test_workers_die_when_the_cli_is_killed(tmp_path: Path) -> None:
    folder = _batch(tmp_path, 200)
    out = tmp_path / "out"
    out.mkdir()
    proc = _start("check", str(folder), "-f", "json", "-o", "out/r.json", "--jobs", "2", cwd=tmp_path)
    try:
        _stop_once_writing(proc, out, workers=2)
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)  # nothing runs in the parent: only the kernel can tell the workers
        proc.communicate(timeout=60)
    finally:
        _end(proc)
    assert _wait_gone(workers) == []
