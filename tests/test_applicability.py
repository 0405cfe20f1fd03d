"""Every rule against every kind of reporting body and every year 2022–2025: who gets which duty.

The expectations are written here from the law, independently of the pack: a 局 gets no 政府常务会议
count, a town no 政协提案 or 复议机关 figure, departments stop being 复议机关 in 2024, the 2017
复议法's twins hold until 2023, and the 2024-12-31 delegation evaluation belongs to 2024."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from hulifa.model import body_of
from hulifa.rulepack import load_pack

ROOT = Path(__file__).resolve().parent.parent
GOV = {"province", "city", "county", "district"}
DEPTS = {"department.province", "department.city", "department.county"}
ALL = GOV | {"town"} | DEPTS
YEARS = range(2022, 2026)


def _all_years(bodies: set[str]) -> dict[int, set[str]]:
    return dict.fromkeys(YEARS, bodies)


def _years(bodies: set[str], first: int = 2022, last: int = 2025) -> dict[int, set[str]]:
    return {y: (bodies if first <= y <= last else set()) for y in YEARS}


AR_BODY = {y: GOV | (DEPTS if y <= 2023 else set()) for y in YEARS}
ENFORCERS = DEPTS | {"town"}
EXPECTED: dict[str, dict[int, set[str]]] = {
    "report_published_by": _all_years(ALL),
    "report_submitted_by": _all_years(ALL - {"province"}),
    "report_submitted_by_province": _all_years({"province"}),
    **{p: _all_years(ALL) for p in ("part_measures", "part_shortcomings_causes", "part_first_responsible")},
    **{p: _all_years(ALL) for p in ("part_next_year", "part_other")},
    "report_disclosure_rate": _all_years({"province", "city"}),
    "outline_goals_reviewed": _years(ALL, 2025, 2025),
    **{
        r: _all_years(GOV)
        for r in (
            "mad_legality_review_rate",
            "mad_collective_decision_rate",
            "mad_catalogue_published",
            "mad_public_comment_days",
            "mad_hearing_material_days",
            "mad_legality_review_workdays",
            "mad_legal_advisor_opinion",
            "principal_duty_in_annual_debrief",
            "exec_meeting_hears_fzzf_count",
            "exec_meeting_law_study_count",
            "enforcement_three_systems",
            "gi_annual_report_gov_by",
        )
    },
    **{
        r: _all_years(GOV | DEPTS)
        for r in (
            "nd_legality_review_rate",
            "nd_legality_review_workdays",
            "nd_legality_review_count",
            "legal_advisor_coverage",
            "cppcc_proposal_count",
            "cppcc_proposal_handled_rate",
            "cppcc_proposal_reply_months",
            "cppcc_satisfaction_rate",
        )
    },
    **{r: _all_years({"city", "county", "district"}) for r in ("nd_filing_rate", "nd_filing_timely_rate")},
    "nd_filing_standard_rate": _all_years({"city", "county", "district"}),
    **{
        r: _all_years(ENFORCERS)
        for r in (
            "enforcement_publicity",
            "enforcement_full_record",
            "enforcement_legal_review",
            "enforcement_reviewer_qualified",
            "enforcement_decision_disclosure_workdays",
            "enforcement_penalty_disclosure_workdays",
            "legal_review_staff_ratio",
            "major_decision_review_catalogue",
            "ar_respondent_case_count",
        )
    },
    "ar_opinion_letter_feedback_days": _years(ENFORCERS, 2024),
    "enforcement_training_hours": _years(ALL, 2023, 2025),
    "township_delegation_evaluated": _years({"county", "district"}, 2024, 2024),
    "gi_annual_report_dept_by": _all_years(DEPTS),
    **{r: AR_BODY for r in ("ar_case_count", "ar_registration_rate", "ar_lawful_acceptance_rate")},
    **{r: AR_BODY for r in ("ar_correction_rate", "ar_mediation_rate")},
    **{r: _years(GOV, 2024) for r in ("ar_acceptance_review_days", "ar_decision_days_ordinary")},
    **{r: _years(GOV, 2024) for r in ("ar_decision_days_simplified", "ar_decision_disclosure")},
    **{
        r: _years(GOV | DEPTS, 2022, 2023) for r in ("ar_acceptance_review_days_2017", "ar_decision_days_ordinary_2017")
    },
    "hotline_12345_unified": _all_years({"city"}),
}
PACK = load_pack()
CASES = [(rule.id, body, year) for rule in PACK.rules for body in sorted(ALL) for year in YEARS]


def test_every_rule_has_an_expectation() -> None:
    # rules not listed apply to every body in every year
    unknown = set(EXPECTED) - {r.id for r in PACK.rules}
    assert not unknown, unknown


@pytest.mark.parametrize(("rule_id", "body", "year"), CASES)
def test_applicability(rule_id: str, body: str, year: int) -> None:
    rule = next(r for r in PACK.rules if r.id == rule_id)
    expected = body in EXPECTED.get(rule_id, _all_years(ALL))[year]
    assert rule.applies(body, year) is expected


def test_department_without_department_of_gets_only_duties_of_every_department() -> None:
    rules = {r.id: r for r in PACK.rules}
    assert rules["enforcement_publicity"].applies(body_of("department"), 2024)
    assert not rules["exec_meeting_hears_fzzf_count"].applies(body_of("department"), 2024)
    assert rules["ar_case_count"].applies(body_of("department"), 2023)
    assert not rules["ar_case_count"].applies(body_of("department"), 2024)


def test_docs_rules_md_is_generated_from_the_pack() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "rulesdoc.py"))
    text = script["render"](PACK)
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == text, "run python scripts/rulesdoc.py"
    for rule in PACK.rules:
        assert f"(`{rule.id}`)" in text and rule.basis.strength.value in text


def test_huli_evidence_quotes_the_report_verbatim() -> None:
    """Every indicator's evidence in reports/huli/2024.yaml is the report's own words (line marks aside)."""
    import re

    import yaml

    text = (ROOT / "tests" / "data" / "huli-2024-report.txt").read_text(encoding="utf-8")
    data = yaml.safe_load((ROOT / "reports" / "huli" / "2024.yaml").read_text(encoding="utf-8"))
    for key, value in data["indicators"].items():
        quote = re.sub(r"\s*\(L\d+[^)]*\)\s*$", "", value["evidence"])
        for part in quote.split(" … "):
            assert part in text, (key, part)
