"""runner: batches through the library API."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from clihelp import HULI_DATA
from hulifa.rulepack import load_pack
from hulifa.runner import BATCH_GC_THRESHOLD, iter_check


def test_a_batch_raises_the_collector_threshold_only_while_it_runs(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(HULI_DATA, tmp_path / name)
    before = gc.get_threshold()
    seen = [gc.get_threshold()[0] for _ in iter_check([str(tmp_path)], load_pack())]
    assert seen == [max(before[0], BATCH_GC_THRESHOLD)] * 2
    assert gc.get_threshold() == before
    # a consumer that stops early gets the thresholds back when the generator is closed
    batch = iter_check([str(tmp_path)], load_pack())
    next(batch)
    batch.close()
    assert gc.get_threshold() == before


def test_one_file_leaves_the_collector_alone() -> None:
    before = gc.get_threshold()
    assert [gc.get_threshold() for _ in iter_check([str(HULI_DATA)], load_pack())] == [before]
