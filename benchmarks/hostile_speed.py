"""How long hulifa takes to refuse large and explosive inputs (tests/hostile/make_large.py).

The tests pin that these inputs are refused early by counting work and memory; this script times
them, so a slowdown shows up here instead of as a flaky test. It exits 1 when a case exceeds its
budget (the budgets the tests once asserted, measured on a quiet machine at a fraction of that).

    python benchmarks/hostile_speed.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import make_large  # noqa: E402
from hulifa.errors import InputError  # noqa: E402
from hulifa.yamlsafe import load_yaml_file  # noqa: E402

# file name -> budget in seconds (best of the rounds)
BUDGETS = {
    "alias-bomb-9.yaml": 1.0,
    "deep-flow-10000.yaml": 0.5,
    "deep-block-seq-10000.yaml": 0.5,
    "many-values.yaml": 3.0,
}


def best_time(path: Path, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        try:
            load_yaml_file(path)
        except InputError:
            pass
        else:
            raise SystemExit(f"{path.name}: expected a refusal, it loaded")
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    over = 0
    with tempfile.TemporaryDirectory() as folder:
        files = make_large.generate(Path(folder))
        wide = Path(folder) / "wide.yaml"
        wide.write_text("[" + "1," * 2_000_000 + "1]\n", encoding="utf-8")  # 4 MB, under the size limit
        files["wide.yaml"] = wide
        for name, budget in {**BUDGETS, "wide.yaml": 3.0}.items():
            seconds = best_time(files[name], args.rounds)
            flag = "" if seconds <= budget else "  OVER BUDGET"
            over += bool(flag)
            print(f"{name:28} {seconds:7.3f} s  (budget {budget:.1f} s){flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
