"""Generate the large hostile inputs (never committed): `python tests/hostile/make_large.py --out DIR`.

The tests call `generate(tmp_path)` from a fixture; each function is also usable on its own.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

HEAD = "region: 湖里区\nlevel: district\nyear: 2024\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Billion laughs: `width ** levels` values (9**9 ≈ 387 million) from ~1 KB of anchors and aliases."""
    names = [f"l{i}" for i in range(levels + 1)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * width)}]"]
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * width)}]")
    return HEAD + "indicators:\n" + "".join(f"  {line}\n" for line in lines)


def deep_flow(levels: int = 10_000) -> str:
    return HEAD + "indicators:\n  ar_case_count: " + "[" * levels + "1" + "]" * levels + "\n"


def deep_flow_unclosed(levels: int = 1_000_000) -> str:
    """A megabyte of `[`: libyaml would need quadratic time to find out it never closes."""
    return "[" * levels


def deep_flow_map(levels: int = 10_000) -> str:
    return "{a: " * levels + "1" + "}" * levels + "\n"


def deep_block_seq(levels: int = 10_000) -> str:
    """Block style, compact: `- - - - 1`, one level per two bytes."""
    return HEAD + "indicators:\n  ar_case_count:\n    " + "- " * levels + "1\n"


def deep_block_map(levels: int = 3_000) -> str:
    """Block mappings by indentation: quadratic in size (3,000 levels ≈ 4.5 MB, under the default limit)."""
    return "".join(" " * i + "k:\n" for i in range(levels)) + " " * levels + "1\n"


def oversized(size: int) -> bytes:
    """A well-formed report padded with comments past `size` bytes."""
    body = (HEAD + "indicators:\n  ar_case_count: 590\n").encode()
    line = b"# " + b"x" * 98 + b"\n"
    return body + line * (size // len(line) + 1)


def many_values(count: int = 150_000) -> str:
    """More values than MAX_NODES, each harmless: refused by count, quickly."""
    return HEAD + "indicators:\n" + "".join(f"  k{i}: {i}\n" for i in range(count))


def long_scalar(size: int = 4_000_000) -> str:
    return HEAD + "indicators:\n  ar_case_count: " + "1" * size + "\n"


def long_key(size: int = 2_000_000) -> str:
    return HEAD + "indicators:\n  " + "k" * size + ": 1\n"


FILES = {
    "alias-bomb-9.yaml": alias_bomb,
    "deep-flow-10000.yaml": deep_flow,
    "deep-flow-unclosed.yaml": deep_flow_unclosed,
    "deep-flow-map-10000.yaml": deep_flow_map,
    "deep-block-seq-10000.yaml": deep_block_seq,
    "deep-block-map-3000.yaml": deep_block_map,
    "many-values.yaml": many_values,
    "long-scalar.yaml": long_scalar,
    "long-key.yaml": long_key,
}


def generate(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, make in FILES.items():
        path = folder / name
        path.write_text(make(), encoding="utf-8")
        written[name] = path
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    for path in generate(parser.parse_args().out).values():
        print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
