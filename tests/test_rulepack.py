"""Rule packs: the bundled default's honesty, extension by local packs, and broken packs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clihelp import HULI_DATA, run_cli
from hulifa.errors import InputError
from hulifa.model import Kind, Severity, Strength
from hulifa.rulepack import load_pack

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_TAGS = {s.value for s in Strength}


def test_default_pack_loads_from_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    pack = load_pack()
    assert pack.id == "default" and len(pack.rules) >= 50


def test_default_pack_is_honest() -> None:
    pack = load_pack()
    for rule in pack.rules:
        assert rule.basis.document, rule.id
        assert rule.basis.strength.value in DOMAIN_TAGS
        if rule.basis.strength is Strength.UNCONFIRMED:
            assert Severity.ERROR not in (rule.severity, rule.missing_severity), rule.id
        if rule.basis.strength in (Strength.EVAL, Strength.PRACTICE):
            assert rule.severity is not Severity.ERROR, f"{rule.id}: practice targets are warnings"
        if rule.basis.url:
            assert re.match(r"https?://", rule.basis.url), rule.id


def test_default_pack_covers_the_issue() -> None:
    rules = {r.id: r for r in load_pack().rules}
    # the five statutory parts; part 2 needs both 不足 and 原因
    assert rules["part_shortcomings_causes"].requirement.sections == ("shortcomings", "causes")
    for part in ("part_measures", "part_first_responsible", "part_next_year"):
        assert rules[part].severity is Severity.ERROR
    assert rules["part_other"].severity is Severity.INFO
    # the deadlines: publication before 1 April, submission configurable with default 1 March
    assert (rules["report_published_by"].requirement.before, rules["report_published_by"].requirement.year_offset) == (
        "04-01",
        1,
    )
    assert rules["report_submitted_by"].requirement.before == "03-01"
    # hard targets
    for rule_id in (
        "mad_legality_review_rate",
        "mad_collective_decision_rate",
        "nd_legality_review_rate",
        "legal_advisor_coverage",
        "gi_request_reply_timely_rate",
    ):
        rule = rules[rule_id]
        assert rule.basis.strength in (Strength.HARD_LAW, Strength.HARD_POLICY)
        assert (rule.requirement.kind, rule.requirement.target, rule.severity) == (Kind.EQUALS, 100, Severity.ERROR)
    # counts that must simply be reported
    assert rules["ar_case_count"].requirement.kind is Kind.REPORTED
    assert rules["enforcement_staff_count"].requirement.kind is Kind.REPORTED


def test_names_and_aliases_are_unique() -> None:
    keys: dict[str, str] = {}
    for rule in load_pack().rules:
        for key in (rule.id, rule.name, *rule.aliases):
            assert keys.setdefault(key, rule.id) == rule.id, key


def test_local_pack_extends_and_raises_a_target() -> None:
    pack = load_pack(ROOT / "rules" / "xiamen.yaml")
    rules = {r.id: r for r in pack.rules}
    study = rules["exec_meeting_law_study_count"]
    assert (study.requirement.kind, study.requirement.target) == (Kind.AT_LEAST, 4)
    assert study.basis.strength is Strength.PRACTICE
    assert "admin_act_legality_rate" in rules
    assert len(pack.rules) == len(load_pack().rules) + 1
    assert load_pack("xiamen").id == pack.id  # bundled, by name


def _pack_error(tmp_path: Path, text: str, name: str = "p.yaml") -> InputError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_pack(path)
    return info.value


INDICATOR = """\
  - id: x
    name: 某指标
    unit: 件
    requirement: {kind: reported}
    severity: info
    basis: {document: 某文件, strength: PRACTICE}
"""


def test_schema_errors_point_at_the_line(tmp_path: Path) -> None:
    error = _pack_error(
        tmp_path,
        "pack: p\nindicators:\n" + INDICATOR + "  - id: y\n    name: 乙\n    unit: 件\n"
        "    requirement: {kind: sometimes}\n    severity: info\n    basis: {document: d, strength: LAW}\n",
    )
    assert error.position.file.endswith("p.yaml")
    assert error.position.line >= 8
    assert "indicators.1" in error.message.en


def test_override_of_unknown_indicator(tmp_path: Path) -> None:
    error = _pack_error(tmp_path, "pack: p\nextends: default\noverrides:\n  no_such_rule: {severity: info}\n")
    assert error.position.line == 4 and "no_such_rule" in error.message.zh


def test_changing_a_target_must_restate_its_basis(tmp_path: Path) -> None:
    error = _pack_error(
        tmp_path,
        "pack: p\nextends: default\noverrides:\n"
        "  exec_meeting_law_study_count:\n    requirement: {kind: at_least, target: 4}\n",
    )
    assert "basis" in error.message.en


def test_redefining_an_inherited_indicator(tmp_path: Path) -> None:
    error = _pack_error(
        tmp_path, "pack: p\nextends: default\nindicators:\n" + INDICATOR.replace("id: x", "id: ar_case_count")
    )
    assert "overrides" in error.message.en


def test_duplicate_alias_across_indicators(tmp_path: Path) -> None:
    second = INDICATOR.replace("id: x", "id: z").replace("某指标", "另一指标") + "    aliases: [某指标]\n"
    error = _pack_error(tmp_path, "pack: p\nindicators:\n" + INDICATOR + second)
    assert "某指标" in error.message.zh


def test_extends_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("pack: a\nextends: b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("pack: b\nextends: a.yaml\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_pack(tmp_path / "a.yaml")
    assert "cycle" in info.value.message.en


def test_disable_an_indicator(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: default\noverrides:\n  part_other: {disabled: true}\n", encoding="utf-8")
    assert "part_other" not in {r.id for r in load_pack(path).rules}


def test_settings_change_the_submission_deadline(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text('pack: p\nextends: default\nsettings: {submission_before: "04-01"}\n', encoding="utf-8")
    rules = {r.id: r for r in load_pack(path).rules}
    assert rules["report_submitted_by"].requirement.before == "04-01"


@pytest.mark.parametrize("name", ["default", "xiamen"])
def test_bundled_packs_match_the_schema(name: str) -> None:
    """hulifa skips schema validation of its own packs at run time (for start-up speed): this is where
    they are validated instead."""
    import json

    import jsonschema
    import yaml

    from hulifa.rulepack import bundled_pack_path, schema_text

    validator = jsonschema.Draft202012Validator(json.loads(schema_text("rulepack")))
    data = yaml.safe_load(bundled_pack_path(name).read_text(encoding="utf-8"))
    assert not [e.message for e in validator.iter_errors(data)]


def test_local_packs_are_still_validated(tmp_path: Path) -> None:
    error = _pack_error(tmp_path, "pack: p\nextends: default\nsurprise: 1\n")
    assert "surprise" in error.message.en


def test_each_needs_a_number_to_reach(tmp_path: Path) -> None:
    """`each: true` (the target binds every item) on a `reported` rule means nothing: refused at its line."""
    error = _pack_error(
        tmp_path, "pack: p\nindicators:\n" + INDICATOR.replace("{kind: reported}", "{kind: reported, each: true}")
    )
    assert error.position.line == 6
    assert "each" in error.message.en and "each" in error.message.zh


def test_time_limits_bind_each_item() -> None:
    """Every limit in days, working days or months in the default pack binds each document or case, so a
    report's average cannot confirm it."""
    pack = load_pack()
    limits = [r for r in pack.rules if r.unit in ("日", "工作日", "个月") and r.requirement.target is not None]
    assert len(limits) >= 15
    assert [r.id for r in limits if not r.requirement.each] == []


@pytest.mark.parametrize("name", ["x" * 5000, "packs/" + "y" * 300 + "/z.yaml"])
def test_a_pack_name_the_system_refuses_is_no_such_pack(name: str) -> None:
    # Path.exists raised ENAMETOOLONG for such a name: an internal error where a user typo is meant
    with pytest.raises(InputError, match=r"pack|规则包"):
        load_pack(name)


def test_a_pack_name_the_system_refuses_through_the_cli() -> None:
    run = run_cli("check", str(HULI_DATA), "--rules", "x" * 5000, "--lang", "en")
    assert run.exit_code == 2 and "Traceback" not in run.stderr and "bug" not in run.stderr
    assert "rule pack" in run.stderr
