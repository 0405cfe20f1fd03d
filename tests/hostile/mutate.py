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


# ------------------------------------------------------------------ report text, rule packs, deviations
ROOT = EXAMPLE.parents[2]
REPORT_TEXT = (ROOT / "tests" / "data" / "huli-2024-report.txt").read_text(encoding="utf-8")
PACK_LINES = (ROOT / "rules" / "default.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
DEVIATIONS = """deviations:
  - rule: gi_request_reply_timely_rate
    reason: 系统升级
    approved_by: 区司法局
    expires: 2099-12-31
  - rule: exec_meeting_law_study_count
    reason: 另行报告
    approved_by: 区政府办
    expires: 2025-06-30
    region: 湖里区
    year: 2024
"""
_HTML_TOKENS = [
    "<p>",
    "</p>",
    "<script>",
    "<!--",
    "<meta charset=gb2312>",
    "<meta charset=undefined>",
    "&amp;",
    "&#x0;",
    "<table><tr><td>",
    "<br>",
    "<div hidden>",
    "]]>",
    "<![CDATA[",
]


def _mutate_text(draw: st.DrawFn, text: str, tokens: list[str]) -> str:
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(0, 5))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "truncate"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            token = draw(st.sampled_from(tokens + _TOKENS) | st.text(max_size=20))
            lines[i] = lines[i][:at] + token + lines[i][at:]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "".join(lines)


def _docx(body: bytes) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", body)
    return buffer.getvalue()


@st.composite
def text_inputs(draw: st.DrawFn) -> tuple[str, bytes]:
    """(suffix, bytes) of a report text for `extract`: the Huli report mutated, as .txt (UTF-8 or
    GB18030), as an HTML page, or as a .docx (its XML mutated, or the archive's bytes)."""
    kind = draw(st.sampled_from(["txt", "txt", "html", "docx", "bytes"]))
    text = _mutate_text(draw, REPORT_TEXT, _HTML_TOKENS if kind == "html" else [])
    if kind == "txt":
        return ".txt", text.encode(draw(st.sampled_from(["utf-8", "gb18030"])), "replace")
    if kind == "html":
        page = "<html><head><meta charset=utf-8><title>湖里区2024年法治政府建设年度报告</title></head><body>"
        paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
        return ".html", _mutate_text(draw, page + paragraphs + "</body></html>", _HTML_TOKENS).encode("utf-8")
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    runs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{runs}</w:body></w:document>'
    if kind == "docx":
        return ".docx", _docx(_mutate_text(draw, xml, _HTML_TOKENS).encode("utf-8", "surrogatepass"))
    data = bytearray(_docx(xml.encode("utf-8")))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(data) - 1))
        data[i] = draw(st.integers(0, 255))
    return ".docx", bytes(data)


@st.composite
def pack_inputs(draw: st.DrawFn) -> str:
    """The default rule pack with lines deleted, duplicated, re-indented or changed."""
    lines = list(PACK_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "indent", "insert", "replace"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(_TOKENS) | st.text(max_size=12)) + lines[i][at:]
        else:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(_TOKENS) | st.text(max_size=12))}\n"
    return "".join(lines)


deviation_inputs = st.builds(lambda text: text, st.just(DEVIATIONS)).flatmap(
    lambda text: st.composite(lambda draw: _mutate_text(draw, text, ["rule: ", "expires: ", "year: x", "- "]))()
)
