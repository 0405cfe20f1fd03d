"""Project configuration: which file holds it, what it may say, and the line each setting is on.

hulifa reads `[tool.hulifa]` in pyproject.toml, or hulifa.toml, or .hulifa.yaml, searching upward
from the working directory as ruff and yamllint do; the first folder that has one wins. A file is
checked against the JSON Schema shipped as hulifa/schemas/config.schema.json: an unknown key or a
wrong type is an InputError at the key's line, never ignored. Paths in it are relative to the file.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from hulifa.errors import InputError, fail
from hulifa.model import Text

CONFIG_FILES = ("hulifa.toml", ".hulifa.yaml", ".hulifa.yml", "pyproject.toml")
PATH_KEYS = ("deviations",)


class Config(NamedTuple):
    """The settings a file gives (keys as written there, e.g. `fail-on`) and where each one is."""

    file: Path | None
    values: dict[str, Any]
    lines: dict[str, int]

    @classmethod
    def none(cls) -> Config:
        """No configuration file: every setting from the command line or the defaults."""
        return cls(None, {}, {})

    def where(self, key: str) -> str:
        from hulifa.discovery import display

        return f"{display(self.file) if self.file else '-'}:{self.lines.get(key, 1)}"


@cache
def schema() -> dict[str, Any]:
    import json

    from hulifa.rulepack import schema_text

    loaded: dict[str, Any] = json.loads(schema_text("config"))
    return loaded


def _has_tool_table(path: Path) -> bool:
    """pyproject.toml counts only with a [tool.hulifa] table (read cheaply, parsed later)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*hulifa\s*[\].]", text, re.MULTILINE) is not None


def find_config(start: Path | None = None) -> Path | None:
    """The configuration that applies in `start` (default: the working directory), or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def load_config(path: Path) -> Config:
    """Read, validate and resolve one configuration file. Raise InputError with file:line."""
    from hulifa.decoding import read_bytes

    shown = str(path)
    raw = read_bytes(path, shown, 1024 * 1024)
    if path.suffix in (".yaml", ".yml"):
        values, lines = _read_yaml(raw, shown)
    else:
        values, lines = _read_toml(raw, shown, ("tool", "hulifa") if path.name == "pyproject.toml" else ())
    _validate(values, lines, shown)
    base = path.resolve().parent
    for key in PATH_KEYS:
        if key in values:
            values[key] = str(base / values[key])
    rules = values.get("rules")
    if isinstance(rules, str) and ("/" in rules or rules.endswith((".yaml", ".yml")) or (base / rules).is_file()):
        values["rules"] = str(base / rules)
    if "output" in values:
        values["output"] = [_output_path(base, item) for item in values["output"]]
    return Config(path, values, lines)


def _output_path(base: Path, item: str) -> str:
    name, sep, file = item.rpartition("=")
    return f"{name}{sep}{base / file}" if sep else str(base / item)


def _read_yaml(raw: bytes, shown: str) -> tuple[dict[str, Any], dict[str, int]]:
    from hulifa.yamlsafe import decode, parse_yaml

    doc = parse_yaml(decode(raw, shown), shown)
    if not isinstance(doc.data, dict):
        raise fail(shown, 1, 1, "config.not_mapping")
    return dict(doc.data), {str(key): doc.at((key,)).line for key in doc.data}


# Compiled (through re's cache) only when a TOML file is read, not at every start (0.33 ms, least of 30 at load 6).
_HEADER = r"^\s*\[\s*([^\]\[]+?)\s*\]\s*(?:#.*)?$"
_KEY = r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*[=.]"""


def _read_toml(raw: bytes, shown: str, table: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib  # here, as json and jsonschema below: only a run with a configuration file needs them

    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise fail(shown, 1, 1, "config.not_utf8", reason=exc.reason) from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"at line (\d+), column (\d+)", str(exc))
        # "at end of document": the last line, where an unclosed quote or list ran out
        line, column = (int(where.group(1)), int(where.group(2))) if where else (max(1, len(text.splitlines())), 1)
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise fail(shown, line, column, "config.toml_syntax", message=_toml_words(message)) from None
    for part in table:
        data = data.get(part, {})
    if not isinstance(data, dict):
        raise fail(shown, 1, 1, "config.not_table")
    return data, _toml_lines(text, table)


# tomllib's problems (English) -> the catalogue's words (toml.*); another is kept, in English only.
_TOML_PROBLEMS = (
    ("Invalid value", "toml.value"),
    ("Illegal character", "toml.character"),
    ("Expected '=' after a key", "toml.equals"),
    ("Cannot overwrite a value", "toml.twice"),
    ("Cannot declare", "toml.twice"),
    ("at the end of a table declaration", "toml.table"),
    ("Expected newline or end of document", "toml.after_value"),
    ('Expected "\'"', "toml.unclosed"),
    ("Expected '\"'", "toml.unclosed"),
    ("Unclosed array", "toml.unclosed"),
    ("Unclosed inline table", "toml.unclosed"),
)


def _toml_words(message: str) -> Text:
    from hulifa.messages import reason

    found = next((mid for text, mid in _TOML_PROBLEMS if text in message), "")
    return reason(found) if found else Text("无法解析(解析器原文:" + message + ")", message)


def _toml_lines(text: str, table: tuple[str, ...]) -> dict[str, int]:
    """The line of each key of `table` (tomllib gives values, not places): keys, dotted keys, and
    sub-tables ([tool.hulifa.x] is the key `x`). Enough to point at the line to fix."""
    lines: dict[str, int] = {}
    current: tuple[str, ...] = ()
    header_of, key_of = re.compile(_HEADER).match, re.compile(_KEY).match
    for number, line in enumerate(text.splitlines(), 1):
        header = header_of(line)
        if header:
            current = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
            if current[: len(table)] == table and len(current) > len(table):
                lines.setdefault(current[len(table)], number)
            continue
        key = key_of(line)
        if key and current == table:
            lines.setdefault(next(g for g in key.groups() if g), number)
    return lines


def _validate(values: dict[str, Any], lines: dict[str, int], shown: str) -> None:
    import jsonschema

    known = tuple(schema()["properties"])
    for key in values:
        if key not in known:
            from hulifa.messages import did_you_mean

            raise fail(
                shown,
                lines.get(key, 1),
                1,
                "config.unknown_setting",
                key=key,
                hint=did_you_mean(str(key), known),
                known=", ".join(known),
            )
    for error in sorted(jsonschema.Draft202012Validator(schema()).iter_errors(values), key=lambda e: list(e.path)):
        from hulifa.schema_words import schema_problem

        key = str(error.path[0]) if error.path else ""
        expected = schema()["properties"].get(key, {})
        wanted = expected.get("description", "")  # the schema's words are English: said in English only
        raise fail(
            shown,
            lines.get(key, 1),
            1,
            "config.invalid_value",
            key=key,
            message=schema_problem(error),
            wanted=Text("", f" ({wanted})" if wanted else ""),
        )


# A `lang` setting as a line of TOML (lang = "en") or of top-level YAML (lang: en), and a TOML table's header.
_LANG_LINE = r"""^(\s*)lang\s*[=:]\s*["']?(zh|en)["']?\s*(?:#.*)?$"""


def error_lang(file: str) -> str | None:
    """The language to say an error of the configuration file `file` in, when the command line names
    none: the `lang` the file sets, read from its lines (a file with an error may not parse), else the
    locale's (LC_ALL, LC_MESSAGES, LANG: en_US.UTF-8 is en, zh_CN.UTF-8 zh); None when neither says."""
    import os

    try:
        text = Path(file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    yaml = file.endswith((".yaml", ".yml"))
    table: tuple[str, ...] = ("tool", "hulifa") if Path(file).name == "pyproject.toml" else ()
    current: tuple[str, ...] = ()
    lang_of, header_of = re.compile(_LANG_LINE).match, re.compile(_HEADER).match
    for line in text.splitlines():
        header = None if yaml else header_of(line)
        if header:
            current = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
            continue
        found = lang_of(line)
        if found and current == table and not (yaml and found.group(1)):  # YAML: a top-level key only
            return found.group(2)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = os.environ.get(name, "")
        if locale:  # the first set one decides, as it does for every program
            return locale[:2] if locale[:2] in ("zh", "en") else None
    return None


def load(explicit: str | None = None, isolated: bool = False) -> Config:
    """The configuration in force: `explicit` if named, none if `isolated`, else the one found."""
    if isolated:
        return Config.none()
    if explicit is not None:
        path = Path(explicit)
        if path.is_dir():  # a folder named where a file is expected: say so, and what to name inside it
            raise fail(explicit, 1, 1, "config.directory", example=str(path / CONFIG_FILES[0]))
        if not path.exists():
            raise fail(explicit, 1, 1, "config.no_file")
        if path.name == "pyproject.toml" and not _has_tool_table(path):
            raise fail(explicit, 1, 1, "config.no_table")
        return load_config(path)
    found = find_config()
    return load_config(found) if found is not None else Config.none()


__all__ = ["CONFIG_FILES", "Config", "InputError", "error_lang", "find_config", "load", "load_config", "schema"]
