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


def _structured(data: object, draw: st.DrawFn) -> object:
    """The example report with values changed, dropped or added, still valid YAML: reaches exit 0 and 1."""
    report = dict(data) if isinstance(data, dict) else {}
    indicators = dict(report.get("indicators") or {})
    keys = sorted(indicators)
    for _ in range(draw(st.integers(0, 6))):
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        op = draw(st.sampled_from(["number", "text", "drop", "unknown", "bound"]))
        if op == "number":
            indicators[key] = draw(st.integers(-5, 10**6) | st.floats(0, 200, allow_nan=False))
        elif op == "text":
            indicators[key] = draw(st.sampled_from(_TOKENS) | st.text(max_size=20))
        elif op == "drop":
            indicators.pop(key, None)
        elif op == "unknown":
            indicators[draw(st.text(min_size=1, max_size=12))] = draw(st.integers(0, 100))
        else:
            indicators[key] = {
                "value": draw(st.integers(0, 1000)),
                "bound": draw(st.sampled_from(["lower", "upper", "approx", "exact"])),
            }
    if draw(st.booleans()):
        report.pop("sections", None)
    report["indicators"] = indicators
    return report


@st.composite
def mutated_values(draw: st.DrawFn) -> bytes:
    import yaml

    mutated = _structured(yaml.safe_load(SEED), draw)
    return yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False).encode("utf-8")


yaml_inputs = st.one_of(
    mutated_values(),
    mutated_values(),
    mutated_values(),
    mutated_lines().map(lambda t: t.encode("utf-8", "surrogatepass")),
    mutated_bytes(),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)
