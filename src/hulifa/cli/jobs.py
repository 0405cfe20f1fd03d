"""What `--jobs 0` means: as many workers as this machine has cores free for us right now.

Free is measured, not assumed: the cores this process may run on (os.sched_getaffinity, which
honours taskset, cgroup cpusets and containers; os.cpu_count where that is missing) less the
one-minute load average, the work other processes already run. On a machine whose cores are busy a
second worker only competes with them and with the parent that writes the output, and was measured
slower than one (see the README's speed section), so `0` then gives 1.
"""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process is allowed to run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def load_average() -> float:
    """Runnable processes, averaged over the last minute (0 where the system does not say)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows has no load average
        return 0.0


def workers_for(cores: int, load: float) -> int:
    """Workers for `cores` usable cores under `load`: the free ones, rounded, at least 1."""
    return max(1, min(cores, int(cores - load + 0.5)))


def auto_jobs() -> int:
    """`--jobs 0`: the cores free now."""
    return workers_for(usable_cores(), load_average())
