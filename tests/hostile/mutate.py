"""Hypothesis strategies shared by test_properties.py and fuzz_check.py: YAML text mutated from a real report."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

EXAMPLE = Path(__file__).resolve().parents[2] / "reports" / "huli" / "2024.yaml"
SEED = EXAMPLE.read_text(encoding="utf-8")
LINES = SEED.splitlines(keepends=True)

_TOKENS = [
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!python/object/apply:os.system [id]",
    "\t",
    "\x00",
    "\ufeff",
    "\x1b[2J",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">\n",
    "'",
    '"',
    "#",
    "%YAML 1.1\n",
    "NO",
    "1:20",
    ".nan",
    "1e400",
    "0x1F",
    "2024-01-01",
    "~",
    "null",
    "1_000",
    "-5",
    "150%",
    "9" * 5000,
]


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "replace", "swap"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 5)) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i].lstrip(" ")
        elif op == "insert":
            token = draw(st.sampled_from(_TOKENS) | st.text(max_size=20))
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + token + lines[i][at:]
        elif op == "replace":
            value = draw(st.sampled_from(_TOKENS) | st.text(max_size=30))
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {value}\n"
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from([SEED.encode("utf-8"), SEED.encode("gb18030"), SEED.encode("utf-16")])))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        i = draw(st.integers(0, len(data) - 1)) if data else 0
        if op == "flip" and data:
            data[i] = draw(st.integers(0, 255))
        elif op == "delete" and data:
            del data[i : i + draw(st.integers(1, 64))]
        elif op == "insert":
            data[i:i] = draw(st.binary(max_size=16))
        elif op == "truncate":
            del data[i:]
    return bytes(data)


yaml_inputs = st.one_of(
    mutated_lines().map(lambda t: t.encode("utf-8", "surrogatepass")),
    mutated_bytes(),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)
