"""Rule pack files -> RulePack: schema validation with positions, `extends`, and the checks a schema cannot say."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from hulifa.decoding import DEFAULT_MAX_BYTES
from hulifa.errors import InputError, fail
from hulifa.messages import more_problems, reason
from hulifa.model import (
    Basis,
    Consistency,
    Direction,
    Kind,
    PackError,
    Position,
    Requirement,
    Rule,
    RulePack,
    Scope,
    Severity,
    Strength,
    Trend,
)
from hulifa.positions import Document
from hulifa.yamlsafe import load_yaml_file

DEFAULT_PACK = "default"
# Patterns, compiled (through re's cache) when a pack is built, not when it comes from the cache.
_SETTING = r"^\$\{([a-z_]+)\}$"
_MONTH_DAY = r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DEFAULT_SETTINGS = {"submission_before": "03-01"}
# Official sources a rule may link to: government portals (gov.cn and the provincial and city domains
# under it, the NPC's law database, the courts, the procuratorates, the justice ministry) and the state
# news agencies. A fact read on a private reprint is cited by document name and number, with no link.
OFFICIAL_HOSTS = (".gov.cn", ".news.cn", ".xinhuanet.com")
# Text written for the project's own notes must not reach a user.
_NOTE_MARKS = r"domain\s*§|§\s*\d|reference/domain"
_URL_HOST = r"^https?://([^/:?#]+)"


def official_url(url: str) -> bool:
    """Whether `url` is on an official host (see OFFICIAL_HOSTS)."""
    match = re.match(_URL_HOST, url, re.IGNORECASE)
    host = match.group(1).lower() if match else ""
    return any(host.endswith(suffix) or host == suffix[1:] for suffix in OFFICIAL_HOSTS)


@functools.cache
def _validator() -> Any:
    import json  # as jsonschema: not needed when the pack comes from the cache

    import jsonschema  # only when a pack is loaded; compiled once per process

    schema = json.loads(schema_text("rulepack"))
    return jsonschema.Draft202012Validator(schema)


def schema_text(name: str) -> str:
    import importlib.resources

    return importlib.resources.files("hulifa").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")


def bundled_pack_path(name: str = DEFAULT_PACK) -> Path:
    # the package's folder, as importlib.resources.files() gives it for a package on disk (a bundled pack
    # is always read as a file), without importing importlib.resources and zipfile at every start
    from importlib import import_module

    return Path(import_module("hulifa.rules").__file__ or ".").parent / f"{name}.yaml"


def _is_bundled(path: Path) -> bool:
    """One of the packs shipped with hulifa. Checking those against the schema on every run would
    import jsonschema (~30 ms) before any work; tests/test_rulepack.py validates them instead."""
    try:
        return path.resolve().parent == bundled_pack_path().resolve().parent
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False


def _validate(doc: Document) -> None:
    errors = sorted(_validator().iter_errors(doc.data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if not errors:
        return
    from hulifa.schema_words import schema_problem  # only on a refusal

    error = errors[0]
    path = tuple(error.absolute_path) + _offending_key(error)
    where = doc.at(path)
    dotted = ".".join(str(p) for p in path) or reason("schema.top_level")
    raise fail(
        doc.file,
        where.line,
        where.column,
        "pack.schema",
        dotted=dotted,
        message=schema_problem(error),
        more=more_problems(sum(not _said_with(e, error) for e in errors[1:])),
    )


def _said_with(other: Any, first: Any) -> bool:
    """Whether `first`'s words already say `other`: jsonschema gives one `required` error for each key
    a mapping lacks, and schema_problem names every lacking key in the first."""
    return bool(other.validator == first.validator == "required" and other.absolute_path == first.absolute_path)


def _offending_key(error: Any) -> tuple[str, ...]:
    """An unknown key's own place, not its mapping's: the line to fix is the key's."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return ()
    known = error.schema.get("properties", {})
    return next(((str(k),) for k in error.instance if k not in known), ())


# the kinds with a number to reach; `each` (the target holds for every item) only means something there
_THRESHOLD_KINDS = ("at_least", "at_most", "equals", "between")


def _requirement(raw: dict[str, Any], settings: dict[str, str], doc: Document, path: tuple[Any, ...]) -> Requirement:
    before = str(raw.get("before", ""))
    match = re.match(_SETTING, before)
    if match:
        name = match.group(1)
        if name not in settings:
            raise doc.error((*path, "before"), "pack.unknown_setting", name=name)
        before = settings[name]
    if raw["kind"] == "deadline" and not re.match(_MONTH_DAY, before):
        raise doc.error((*path, "before"), "pack.deadline_format", before=before)
    if "extension" in raw and raw["kind"] != "at_most":
        raise doc.error(
            (*path, "extension"),
            "pack.extension_kind",
        )
    if raw.get("each") and raw["kind"] not in _THRESHOLD_KINDS:
        raise doc.error((*path, "each"), "pack.each_kind")
    if raw["kind"] == "between" and float(raw["target_max"]) < float(raw["target"]):
        raise doc.error((*path, "target_max"), "pack.target_max")
    return Requirement(
        kind=Kind(raw["kind"]),
        target=float(raw["target"]) if "target" in raw else None,
        field=raw.get("field", ""),
        before=before,
        year_offset=int(raw.get("year_offset", 1)),
        sections=tuple(raw.get("sections", ())),
        extension=float(raw["extension"]) if "extension" in raw else None,
        extension_needs=str(raw.get("extension_needs", "")),
        hedged=bool(raw.get("hedged", False)),
        target_max=float(raw["target_max"]) if "target_max" in raw else None,
        each=bool(raw.get("each", False)),
    )


def _basis(basis_raw: dict[str, Any]) -> Basis:
    return Basis(
        document=basis_raw["document"],
        strength=Strength(basis_raw["strength"]),
        article=basis_raw.get("article", ""),
        url=basis_raw.get("url", ""),
        note=basis_raw.get("note", ""),
        qualifier=basis_raw.get("qualifier", ""),
    )


def _honest_basis(basis: Basis, rule_id: str, where: Position) -> None:
    """A basis links only to an official page and shows no working notes to users."""
    if basis.url and not official_url(basis.url):
        raise _refuse_at(
            where,
            "pack.unofficial_link",
            rule_id=rule_id,
            url=basis.url,
        )
    for text in (basis.document, basis.article, basis.note, basis.qualifier):
        if re.search(_NOTE_MARKS, text):
            raise _refuse_at(
                where,
                "pack.basis_notes",
                rule_id=rule_id,
                text=text,
            )


def _at_most_info(strength: Strength, severities: tuple[Severity, ...], rule_id: str, where: Position) -> None:
    """An UNCONFIRMED target is a note, never more: neither when missed nor when not stated."""
    if strength is Strength.UNCONFIRMED and any(s.rank > Severity.INFO.rank for s in severities):
        raise _refuse_at(
            where,
            "pack.unconfirmed_severity",
            rule_id=rule_id,
        )


def _levels(raw: list[Any]) -> tuple[Scope, ...]:
    scopes: list[Scope] = []
    for entry in raw:
        if isinstance(entry, str):
            scopes.append(Scope(entry))
        else:
            scopes.append(Scope(entry["level"], entry.get("year_from"), entry.get("year_to")))
    return tuple(scopes)


def _trend(raw: dict[str, Any], basis: Basis, rule_id: str, where: Position) -> Trend | None:
    if "trend" not in raw:
        return None
    trend_raw = raw["trend"]
    trend = Trend(
        direction=Direction(trend_raw["direction"]),
        severity=Severity(trend_raw["severity"]),
        basis=_basis(trend_raw["basis"]) if "basis" in trend_raw else basis,
    )
    _at_most_info(trend.basis.strength, (trend.severity,), f"{rule_id}.trend", where)
    _honest_basis(trend.basis, f"{rule_id}.trend", where)
    return trend


def _rule(raw: dict[str, Any], settings: dict[str, str], doc: Document, path: tuple[Any, ...]) -> Rule:
    basis = _basis(raw["basis"])
    severity = Severity(raw["severity"])
    missing = Severity(raw.get("missing_severity", raw["severity"]))
    where = doc.at(path)
    _at_most_info(basis.strength, (severity, missing), raw["id"], where)
    _honest_basis(basis, raw["id"], _at(raw, "basis", where))
    requirement = _requirement(raw["requirement"], settings, doc, (*path, "requirement"))
    if requirement.hedged and severity is Severity.ERROR:
        raise _refuse_at(
            _at(raw, "severity", where),
            "pack.hedged_severity",
            rule_id=raw["id"],
        )
    if re.search(_NOTE_MARKS, str(raw.get("why", ""))):
        raise _refuse_at(
            _at(raw, "why", where),
            "pack.why_notes",
            rule_id=raw["id"],
        )
    return Rule(
        id=raw["id"],
        name=raw["name"],
        name_en=raw.get("name_en", ""),
        unit=raw["unit"],
        units=tuple(raw.get("units", ())),
        requirement=requirement,
        severity=severity,
        missing_severity=missing,
        basis=basis,
        levels=_levels(raw.get("levels", [])),
        year_from=raw.get("year_from"),
        year_to=raw.get("year_to"),
        aliases=tuple(raw.get("aliases", ())),
        why=raw.get("why", ""),
        extract=dict(raw.get("extract", {})),
        source=where,
        trend=_trend(raw, basis, raw["id"], raw.get("_at", {}).get("trend", where)),
        derive=str(raw.get("derive", "")),
        applies_if_nonzero=str(raw.get("applies_if", {}).get("nonzero", "")),
        government_only=bool(raw.get("government_only", False)),
        same_as=str(raw.get("same_as", "")),
    )


def _at(raw: dict[str, Any], key: str, fallback: Position) -> Position:
    """Where `key` of a rule is written; a key the rule does not write (a default) is the rule's own line."""
    at: Position | None = raw.get("_at", {}).get(key)
    return at if at is not None else fallback


def _refuse_at(where: Position, message_id: str, /, **values: Any) -> InputError:
    return fail(where.file, where.line, where.column, message_id, **values)


def _cross_checks(rules: list[Rule], raws: list[dict[str, Any]], consistency: list[Consistency]) -> None:
    """What needs the whole pack: applies_if, same_as and consistency name real ids. (`derive:` is
    checked when the pack's index is compiled: see RulePack and load_pack.)"""
    ids = frozenset(r.id for r in rules)
    for rule, raw in zip(rules, raws, strict=True):
        if rule.trend is not None and rule.unit in ("bool", "date", "section"):
            where = _at(raw, "trend", rule.source)
            raise _refuse_at(
                where,
                "pack.trend_not_numeric",
                rule_id=rule.id,
            )
        if rule.applies_if_nonzero and (rule.applies_if_nonzero not in ids or rule.applies_if_nonzero == rule.id):
            where = _at(raw, "applies_if", rule.source)
            raise _refuse_at(
                where,
                "pack.applies_if_unknown",
                applies_if_nonzero=rule.applies_if_nonzero,
            )
        if rule.same_as and (rule.same_as not in ids or rule.same_as == rule.id):
            raise _refuse_at(
                _at(raw, "same_as", rule.source),
                "pack.same_as_unknown",
                same_as=rule.same_as,
            )
    for check in consistency:
        where = check.source
        for name in (check.part, check.total):
            if name not in ids:
                raise _refuse_at(
                    where,
                    "pack.consistency_unknown",
                    name=name,
                )
        if check.part == check.total:
            raise _refuse_at(where, "pack.part_is_total")


def _resolve_extends(name: str, doc: Document) -> Path:
    if name == DEFAULT_PACK or (not name.endswith((".yaml", ".yml")) and "/" not in name):
        path = bundled_pack_path(name)
        if not path.is_file():
            raise doc.error(("extends",), "pack.unknown_bundled", name=name)
        return path
    return (Path(doc.file).parent / name).resolve()


def _positions(doc: Document, path: tuple[Any, ...], raw: dict[str, Any]) -> dict[str, Position]:
    return {key: doc.at((*path, key)) for key in raw if key != "_at"}


def _load_raw(
    path: Path, display: str, chain: tuple[str, ...], consistency: list[Consistency] | None = None
) -> tuple[list[tuple[dict[str, Any], Document, tuple[Any, ...]]], dict[str, str], tuple[str, ...], Document]:
    """Return the merged indicator entries (raw dict, its document, its path), settings, files, top doc.

    Each raw dict carries `_at`: where each of its keys was written (the override's line for a key an
    override changed). Pack-level consistency checks are appended to `consistency`, base first."""
    consistency = consistency if consistency is not None else []
    # A rule pack is configuration the user chose: HULIFA_MAX_BYTES, lowered for untrusted report files,
    # must not stop hulifa from loading its own packs.
    doc = load_yaml_file(path, display, limit=DEFAULT_MAX_BYTES)
    if not isinstance(doc.data, dict):
        raise fail(
            display,
            1,
            1,
            "pack.not_mapping",
        )
    if not _is_bundled(path):  # the packs we ship are validated by the test suite, not on every run
        _validate(doc)
    data = doc.data
    entries: list[tuple[dict[str, Any], Document, tuple[Any, ...]]] = []
    settings = dict(DEFAULT_SETTINGS)
    files: tuple[str, ...] = ()
    if "extends" in data:
        base_path = _resolve_extends(data["extends"], doc)
        key = str(base_path.resolve())
        if key in chain:
            where = doc.at(("extends",))
            raise fail(display, where.line, where.column, "pack.extends_cycle")
        base_display = data["extends"] if data["extends"] == DEFAULT_PACK else str(base_path)
        entries, settings, files, _ = _load_raw(base_path, base_display, (*chain, key), consistency)
    settings.update(data.get("settings", {}))
    by_id = {raw["id"]: i for i, (raw, _, _) in enumerate(entries)}
    for rule_id, change in data.get("overrides", {}).items():
        where = doc.at(("overrides", rule_id))
        if rule_id not in by_id:
            raise fail(
                display,
                where.line,
                where.column,
                "pack.override_unknown",
                rule_id=rule_id,
            )
        index = by_id[rule_id]
        if change.get("disabled"):
            entries[index] = ({}, doc, ())
            continue
        raw, _, _ = entries[index]
        merged = {**raw, **{k: v for k, v in change.items() if k != "disabled"}}
        merged["_at"] = {**raw.get("_at", {}), **_positions(doc, ("overrides", rule_id), change)}
        entries[index] = (merged, doc, ("overrides", rule_id))
    entries = [e for e in entries if e[0]]
    for i, raw in enumerate(data.get("indicators", [])):
        if raw["id"] in by_id:
            where = doc.at(("indicators", i, "id"))
            raise fail(
                display,
                where.line,
                where.column,
                "pack.redefined",
                rule_id=raw["id"],
            )
        entries.append(({**raw, "_at": _positions(doc, ("indicators", i), raw)}, doc, ("indicators", i)))
    for i, raw in enumerate(data.get("consistency", [])):
        consistency.append(
            Consistency(
                kind=raw["kind"],
                part=raw["part"],
                total=raw["total"],
                severity=Severity(raw.get("severity", "warning")),
                source=doc.at(("consistency", i)),
            )
        )
    return entries, settings, (*files, display), doc


def bundled_packs() -> list[str]:
    """The names of the packs shipped with hulifa (`--rules NAME`)."""
    import importlib.resources

    folder = importlib.resources.files("hulifa.rules")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _no_such_pack(name: str) -> InputError:
    from hulifa.messages import did_you_mean

    bundled = bundled_packs()
    return fail(
        name,
        1,
        1,
        "pack.unknown",
        hint=did_you_mean(name, bundled),
        bundled=", ".join(bundled),
    )


def load_pack(path: str | Path | None = None) -> RulePack:
    """Load a rule pack (None: the bundled default). Raises InputError with file:line for a broken pack."""
    if path is None:
        file, display = bundled_pack_path(), "default"
    # os.path's tests, not Path's: they say no to a name the system refuses (ENAMETOOLONG), where
    # Path.exists raised it as an internal error
    elif not os.path.exists(path) and Path(path).suffix == "" and os.path.isfile(bundled_pack_path(str(path))):
        file, display = bundled_pack_path(str(path)), str(path)  # a bundled pack by name: --rules xiamen
    else:
        file, display = Path(path), str(path)
        if not os.path.exists(file):
            raise _no_such_pack(str(path))
    if _is_bundled(file):  # built once, then read back (packcache: keyed by the packs' and the code's hash)
        from hulifa import packcache

        return packcache.load(file, lambda: _build(file, display))
    return _build(file, display)


def _build(file: Path, display: str) -> RulePack:
    consistency: list[Consistency] = []
    entries, settings, files, doc = _load_raw(file, display, (str(file.resolve()),), consistency)
    rules: list[Rule] = []
    seen_ids: dict[str, Position] = {}
    seen_keys: dict[str, str] = {}
    for raw, rdoc, rpath in entries:
        rule = _rule(raw, settings, rdoc, rpath)
        where = rdoc.at(rpath)
        if rule.id in seen_ids:
            raise fail(rdoc.file, where.line, where.column, "pack.duplicate_id", rule_id=rule.id)
        seen_ids[rule.id] = where
        for key in (rule.name, *rule.aliases):
            if key in seen_keys and seen_keys[key] != rule.id:
                raise fail(
                    rdoc.file,
                    where.line,
                    where.column,
                    "pack.name_clash",
                    key=key,
                    other=seen_keys[key],
                    rule_id=rule.id,
                )
            seen_keys[key] = rule.id
        rules.append(rule)
    raws = [raw for raw, _, _ in entries]
    _cross_checks(rules, raws, consistency)
    data = doc.data
    try:  # compiles the index: derive expressions checked, their order worked out, cycles refused
        return RulePack(
            id=data["pack"],
            title=data.get("title", data["pack"]),
            version=str(data.get("version", "")),
            rules=tuple(rules),
            files=files,
            consistency=tuple(consistency),
        )
    except PackError as exc:
        at = next(i for i, rule in enumerate(rules) if rule.id == exc.rule)
        raise InputError(_at(raws[at], exc.key, rules[at].source), exc.message_id, exc.params) from None


__all__ = ["InputError", "bundled_pack_path", "load_pack", "schema_text"]
