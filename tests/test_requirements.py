"""Every requirement kind at its boundaries, one table per kind: at the target, one unit either side, a
bound written exactly at the target, the deadline day itself and a day either side.

The rows run real files: a small rule pack of our own (no real targets) and one report per row, read
by the loader and evaluated as `hulifa check` would. The publication deadline also runs on the shipped
default pack, whose date is the one that matters (domain §1.4: 4月1日之前).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hulifa import messages
from hulifa.evaluate import evaluate
from hulifa.indicator_intervals import trend_status
from hulifa.interval import INF, Interval
from hulifa.model import Direction, Finding, RulePack, Status
from hulifa.reportdata import load_report
from hulifa.rulepack import load_pack

_BASIS = "basis: {document: 测试, strength: PRACTICE}"
PACK = f"""\
pack: requirement-kinds
indicators:
  - id: hours
    name: 测试学时
    unit: 学时
    requirement: {{kind: at_least, target: 60}}
    severity: warning
    {_BASIS}
  - id: min_rate
    name: 测试下限率
    unit: "%"
    requirement: {{kind: at_least, target: 90}}
    severity: warning
    {_BASIS}
  - id: max_days
    name: 测试天数上限
    unit: 日
    requirement: {{kind: at_most, target: 20}}
    severity: error
    {_BASIS}
  - id: max_rate
    name: 测试上限率
    unit: "%"
    requirement: {{kind: at_most, target: 5}}
    severity: error
    {_BASIS}
  - id: count_eq
    name: 测试等值数
    unit: 次
    requirement: {{kind: equals, target: 12}}
    severity: warning
    {_BASIS}
  - id: full_rate
    name: 测试全覆盖率
    unit: "%"
    requirement: {{kind: equals, target: 100}}
    severity: error
    {_BASIS}
  - id: fact
    name: 测试事实
    unit: bool
    requirement: {{kind: affirmed}}
    severity: error
    {_BASIS}
  - id: stated
    name: 测试填报数
    unit: 件
    requirement: {{kind: reported}}
    severity: info
    {_BASIS}
  - id: published_by
    name: 测试公开
    unit: date
    requirement: {{kind: deadline, field: published, before: "04-01", year_offset: 1}}
    severity: error
    {_BASIS}
  - id: submitted_by
    name: 测试报送
    unit: date
    requirement: {{kind: deadline, field: submitted, before: "12-31", year_offset: 0}}
    severity: warning
    {_BASIS}
  - id: parts
    name: 测试部分
    unit: section
    requirement: {{kind: section, sections: [shortcomings, causes]}}
    severity: error
    {_BASIS}
  - id: total_count
    name: 测试总数
    unit: 件
    requirement: {{kind: reported}}
    severity: info
    {_BASIS}
  - id: part_count
    name: 测试分项数
    unit: 件
    requirement: {{kind: reported}}
    severity: info
    {_BASIS}
  - id: part_rate
    name: 测试推算率
    unit: "%"
    requirement: {{kind: at_least, target: 90}}
    severity: warning
    {_BASIS}
    derive: "part_count / total_count * 100"
consistency:
  - {{kind: part_of, part: part_count, total: total_count}}
"""

HEAD = """\
region: 测试区
level: district
year: 2024
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> RulePack:
    path = tmp_path_factory.mktemp("pack") / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    return load_pack(path)


Check = Callable[[str], dict[str, Finding]]


@pytest.fixture
def check(pack: RulePack, tmp_path: Path) -> Check:
    """check(report body) -> findings by rule id, the body under HEAD (`sections` defaults to all)."""

    def _check(body: str) -> dict[str, Finding]:
        text = HEAD + body
        if "sections:" not in body:
            text += "sections: [measures, shortcomings, causes, first_responsible, next_year]\n"
        path = tmp_path / "report.yaml"
        path.write_text(text, encoding="utf-8")
        findings = evaluate(pack, load_report(path)).findings
        by_rule: dict[str, Finding] = {}
        for f in findings:
            assert f.rule not in by_rule, f"two findings for {f.rule}"
            by_rule[f.rule] = f
        return by_rule

    return _check


def _indicator(check: Check, rule: str, value: str) -> Finding:
    return check(f"indicators:\n  {rule}: {value}\n")[rule]


P, S, U, I = Status.PASS, Status.SHORTFALL, Status.UNVERIFIABLE, Status.INVALID  # noqa: E741


# ----------------------------------------------------------------------------- at_least (≥ 60 学时, ≥ 90%)

AT_LEAST = [
    ("hours", "60学时", P, ""),  # at the target
    ("hours", "59学时", S, "差 1 学时"),  # one unit below
    ("hours", "61学时", P, ""),  # one unit above
    ("hours", "59.99学时", S, "差 0.01 学时"),
    ("hours", "60学时以上", P, ""),  # a lower bound exactly at the target: the true value is ≥ 60
    ("hours", "59学时以上", U, "需确切数值"),  # ≥ 59 may or may not reach 60
    ("hours", "60余学时", P, ""),
    ("hours", "不足60学时", S, "低于目标"),  # 不足 excludes its number: under 60, by an unknown amount
    ("hours", "60学时以下", U, "需确切数值"),  # 以下 includes it: may be 60
    ("hours", "不足61学时", U, "需确切数值"),  # an upper bound above the target settles nothing
    ("hours", "不足59学时", S, "至少差 1 学时"),
    ("hours", "约60学时", U, "需确切数值"),
    ("min_rate", "90%", P, ""),
    ("min_rate", "89%", S, "差 1 个百分点"),
    ("min_rate", "91%", P, ""),
    ("min_rate", "89.9%", S, "差 0.1 个百分点"),
    ("min_rate", "90%以上", P, ""),  # "90%以上" against 90
    ("min_rate", "89%以上", U, "需确切数值"),
    ("min_rate", "九成", P, ""),
]


@pytest.mark.parametrize(("rule", "value", "status", "gap"), AT_LEAST, ids=[f"{r}={v}" for r, v, *_ in AT_LEAST])
def test_at_least(check: Check, rule: str, value: str, status: Status, gap: str) -> None:
    f = _indicator(check, rule, value)
    assert (f.status, messages.gap(f, "zh")) == (status, gap)


# ----------------------------------------------------------------------------- at_most (≤ 20 日, ≤ 5%)

AT_MOST = [
    ("max_days", "20日", P, ""),
    ("max_days", "21日", S, "超出 1 日"),
    ("max_days", "19日", P, ""),
    ("max_days", "20.5日", S, "超出 0.5 日"),
    ("max_days", "不超过20日", P, ""),  # an upper bound exactly at the target
    ("max_days", "20日以内", P, ""),
    ("max_days", "不超过21日", U, "需确切数值"),
    ("max_days", "20日以上", U, "需确切数值"),  # ≥ 20: may be exactly 20, may be more
    ("max_days", "21日以上", S, "至少超出 1 日"),
    ("max_days", "约20日", U, "需确切数值"),
    ("max_rate", "5%", P, ""),
    ("max_rate", "6%", S, "超出 1 个百分点"),
    ("max_rate", "4%", P, ""),
    ("max_rate", "5%以下", P, ""),
]


@pytest.mark.parametrize(("rule", "value", "status", "gap"), AT_MOST, ids=[f"{r}={v}" for r, v, *_ in AT_MOST])
def test_at_most(check: Check, rule: str, value: str, status: Status, gap: str) -> None:
    f = _indicator(check, rule, value)
    assert (f.status, messages.gap(f, "zh")) == (status, gap)


# ----------------------------------------------------------------------------- equals (= 12 次, = 100%)

EQUALS = [
    ("count_eq", "12次", P, ""),
    ("count_eq", "11次", S, "差 1 次"),
    ("count_eq", "13次", S, "超出 1 次"),
    ("count_eq", "12次以上", U, "需确切数值"),  # a bound at the target: could be 12, could be more
    ("count_eq", "13次以上", S, "至少超出 1 次"),
    ("count_eq", "不足12次", S, "低于目标"),  # under 12: not 12
    ("count_eq", "12次以下", U, "需确切数值"),
    ("count_eq", "约12次", U, "需确切数值"),
    ("full_rate", "100%", P, ""),
    ("full_rate", "99%", S, "差 1 个百分点"),
    ("full_rate", "99.9%", S, "差 0.1 个百分点"),
    ("full_rate", "100%以上", P, ""),  # a rate is at most 100: "100%以上" is exactly 100
    ("full_rate", "99%以上", U, "需确切数值"),
    ("full_rate", "全覆盖", P, ""),
]


@pytest.mark.parametrize(("rule", "value", "status", "gap"), EQUALS, ids=[f"{r}={v}" for r, v, *_ in EQUALS])
def test_equals(check: Check, rule: str, value: str, status: Status, gap: str) -> None:
    f = _indicator(check, rule, value)
    assert (f.status, messages.gap(f, "zh")) == (status, gap)


def test_threshold_finding_says_what_was_expected(check: Check) -> None:
    f = _indicator(check, "min_rate", "89%")
    assert (messages.expected(f, "zh"), messages.actual(f, "zh")) == ("≥ 90%", "89%")
    assert messages.expected(_indicator(check, "max_days", "21日"), "zh") == "≤ 20 日"
    assert messages.expected(_indicator(check, "count_eq", "11次"), "zh") == "= 12 次"


# ----------------------------------------------------------------------------- deadline (before 04-01 next year)

DEADLINE = [
    ("2025-03-31", P, ""),  # the last day that is "before 1 April"
    ("2025-04-01", S, "晚 1 天"),  # the deadline day itself is late
    ("2025-04-02", S, "晚 2 天"),
    ("2025-01-01", P, ""),
    ("2024-12-31", P, ""),  # in the report year itself: early, not wrong
    ("2026-03-31", S, "晚 365 天"),  # before 1 April of the year after next: the year offset counts
]


@pytest.mark.parametrize(("date", "status", "gap"), DEADLINE, ids=[d for d, *_ in DEADLINE])
def test_deadline(check: Check, date: str, status: Status, gap: str) -> None:
    f = check(f"published: {date}\n")["published_by"]
    assert (f.status, messages.gap(f, "zh"), messages.actual(f, "zh")) == (status, gap, date)
    assert messages.expected(f, "zh") == "次年 04-01 之前"


# year_offset 0: before 31 December of the report year itself
SAME_YEAR_DEADLINE = [("2024-12-30", P, ""), ("2024-12-31", S, "晚 1 天"), ("2025-01-01", S, "晚 2 天")]


@pytest.mark.parametrize(("date", "status", "gap"), SAME_YEAR_DEADLINE, ids=[d for d, *_ in SAME_YEAR_DEADLINE])
def test_deadline_in_the_report_year(check: Check, date: str, status: Status, gap: str) -> None:
    f = check(f"submitted: {date}\n")["submitted_by"]
    assert (f.status, messages.gap(f, "zh")) == (status, gap)
    assert messages.expected(f, "zh") == "12-31 之前"


def test_deadline_not_stated_is_missing(check: Check) -> None:
    found = check("")
    assert found["published_by"].status is Status.MISSING
    assert found["submitted_by"].status is Status.MISSING


DEFAULT_DEADLINE = [("2025-03-31", P), ("2025-04-01", S), ("2025-04-02", S)]


@pytest.mark.parametrize(("date", "status"), DEFAULT_DEADLINE, ids=[d for d, _ in DEFAULT_DEADLINE])
def test_default_pack_publication_deadline(tmp_path: Path, date: str, status: Status) -> None:
    """The shipped pack: a 2024 report is published before 1 April 2025, and 1 April itself is late."""
    path = tmp_path / "report.yaml"
    path.write_text(HEAD + f"published: {date}\nsections: [measures]\n", encoding="utf-8")
    f = next(f for f in evaluate(load_pack(), load_report(path)).findings if f.rule == "report_published_by")
    assert f.status is status


# ----------------------------------------------------------------------------- section (shortcomings and causes)

SECTION = [
    ("[measures, shortcomings, causes]", P, ""),
    ("[shortcomings, causes]", P, ""),  # exactly the parts required
    ("[measures, shortcomings]", S, "缺少:不足的原因"),  # one part short
    ("[measures, causes]", S, "缺少:存在的不足"),
    ("[measures]", Status.MISSING, "缺少:存在的不足、不足的原因"),
    ("{shortcomings: true, causes: false}", S, "缺少:不足的原因"),  # stated absent
    ("{shortcomings: false, causes: false}", Status.MISSING, "缺少:存在的不足、不足的原因"),
]


@pytest.mark.parametrize(("sections", "status", "gap"), SECTION, ids=[s for s, *_ in SECTION])
def test_section(check: Check, sections: str, status: Status, gap: str) -> None:
    f = check(f"sections: {sections}\n")["parts"]
    assert (f.status, messages.gap(f, "zh")) == (status, gap)


def test_section_list_absent_is_missing(check: Check, tmp_path: Path, pack: RulePack) -> None:
    path = tmp_path / "bare.yaml"
    path.write_text(HEAD, encoding="utf-8")
    f = next(f for f in evaluate(pack, load_report(path)).findings if f.rule == "parts")
    assert (f.status, messages.gap(f, "zh")) == (Status.MISSING, "未说明")


# ----------------------------------------------------------------------------- affirmed and reported

AFFIRMED = [("true", P), ("是", P), ("false", S), ("否", S), ("42", I), ("也许", I)]


@pytest.mark.parametrize(("value", "status"), AFFIRMED, ids=[v for v, _ in AFFIRMED])
def test_affirmed(check: Check, value: str, status: Status) -> None:
    assert _indicator(check, "fact", value).status is status


# A `reported` rule has no target: a readable figure is `stated` (已填报), never "met".
ST = Status.STATED
REPORTED = [("0件", ST), ("1件", ST), ("1700余件", ST), ("12", ST), ("12次", I), ("很多", I), ("-1件", I)]


@pytest.mark.parametrize(("value", "status"), REPORTED, ids=[v for v, _ in REPORTED])
def test_reported(check: Check, value: str, status: Status) -> None:
    assert _indicator(check, "stated", value).status is status


def test_not_stated_is_missing_for_every_value_kind(check: Check) -> None:
    found = check("indicators: {}\n")
    for rule in ("hours", "min_rate", "max_days", "count_eq", "full_rate", "fact", "stated"):
        assert found[rule].status is Status.MISSING, rule


# ----------------------------------------------------------------------------- part_of consistency (part ≤ total)

PART_OF = [
    ("100件", "100件", P),  # part equal to its total
    ("101件", "100件", I),  # one over
    ("99件", "100件", P),
    ("100余件", "100件", U),  # ≥ 100 against exactly 100: could be equal, could be over
    ("101余件", "100件", I),
    ("100件", "100余件", P),
    ("不足100件", "100件", P),
    ("约100件", "100件", U),
]


@pytest.mark.parametrize(("part", "total", "status"), PART_OF, ids=[f"{p}<={t}" for p, t, _ in PART_OF])
def test_part_of(check: Check, part: str, total: str, status: Status) -> None:
    found = check(f"indicators:\n  part_count: {part}\n  total_count: {total}\n")
    assert found["consistency.part_of.part_count.total_count"].status is status


# ----------------------------------------------------------------------------- derived (part / total * 100 ≥ 90)

DERIVED = [
    ("90件", "100件", P, ""),  # exactly at the target
    ("89件", "100件", S, "差 1 个百分点"),
    ("91件", "100件", P, ""),
    ("899件", "1000件", S, "差 0.1 个百分点"),
    ("90余件", "100件", P, ""),  # ≥ 90 / 100: a lower bound at the target
    ("89余件", "100件", U, "需确切数值"),
    ("90件", "100余件", U, "需确切数值"),  # 90 / ≥100 is at most 90%
    ("101件", "100件", I, ""),  # above 100%: the figures contradict each other
]


@pytest.mark.parametrize(("part", "total", "status", "gap"), DERIVED, ids=[f"{p}/{t}" for p, t, *_ in DERIVED])
def test_derived(check: Check, part: str, total: str, status: Status, gap: str) -> None:
    found = check(f"indicators:\n  part_count: {part}\n  total_count: {total}\n")
    f = found["part_rate"]
    assert (f.status, messages.gap(f, "zh")) == (status, gap)


# a stated rate against the one its counts give, within half a unit of the stated figure's last digit
DERIVED_CHECK = [
    ("90件", "100件", "90%", P),
    ("895件", "1000件", "90%", P),  # 89.5: exactly half a unit below "90%"
    ("894件", "1000件", "90%", I),
    ("905件", "1000件", "90%", P),
    ("906件", "1000件", "90%", I),
    ("90件", "100件", "90.0%", P),
    ("90件", "100件", "90.1%", I),  # "90.1%" is good to ±0.05
    ("90件", "100件", "89%", I),
]


@pytest.mark.parametrize(
    ("part", "total", "stated", "status"), DERIVED_CHECK, ids=[f"{p}/{t}~{s}" for p, t, s, _ in DERIVED_CHECK]
)
def test_stated_value_against_its_counts(check: Check, part: str, total: str, stated: str, status: Status) -> None:
    found = check(f"indicators:\n  part_count: {part}\n  total_count: {total}\n  part_rate: {stated}\n")
    assert found["part_rate.derived"].status is status


# ----------------------------------------------------------------------------- trend (last year -> this year)

_X = Interval.exact
TREND = [
    # direction, this year, last year, status
    (Direction.INCREASE, _X(11), _X(10), P),
    (Direction.INCREASE, _X(10), _X(10), S),  # unchanged is not an increase
    (Direction.INCREASE, _X(9), _X(10), S),
    (Direction.INCREASE, Interval(10, INF), _X(10), U),  # "10余" against 10
    (Direction.INCREASE, Interval(11, INF), _X(10), P),
    (Direction.DECREASE, _X(9), _X(10), P),
    (Direction.DECREASE, _X(10), _X(10), S),
    (Direction.DECREASE, _X(11), _X(10), S),
    (Direction.DECREASE, Interval(-INF, 10), _X(10), U),
    (Direction.NOT_DECREASE, _X(10), _X(10), P),  # unchanged is fine
    (Direction.NOT_DECREASE, _X(9), _X(10), S),
    (Direction.NOT_DECREASE, _X(11), _X(10), P),
    (Direction.NOT_DECREASE, Interval(10, INF), _X(10), P),
    (Direction.NOT_DECREASE, Interval(-INF, 10), _X(10), U),
    (Direction.NOT_DECREASE, Interval(-INF, 9), _X(10), S),
    (Direction.NOT_INCREASE, _X(10), _X(10), P),
    (Direction.NOT_INCREASE, _X(11), _X(10), S),
    (Direction.NOT_INCREASE, _X(9), _X(10), P),
    (Direction.NOT_INCREASE, Interval(10, INF), _X(10), U),
    (Direction.NOT_INCREASE, Interval(11, INF), _X(10), S),
]


@pytest.mark.parametrize(
    ("direction", "now", "then", "status"),
    TREND,
    ids=[f"{d.value}:{n.low}..{n.high}<-{t.low}" for d, n, t, _ in TREND],
)
def test_trend(direction: Direction, now: Interval, then: Interval, status: Status) -> None:
    assert trend_status(direction, now, then) is status


TREND_PACK = f"""\
pack: trend-boundaries
indicators:
  - id: cases
    name: 测试案件数
    unit: 件
    requirement: {{kind: reported}}
    severity: info
    {_BASIS}
    trend: {{direction: not_decrease, severity: warning}}
"""


@pytest.mark.parametrize(("now", "then", "status"), [("10件", "10件", P), ("9件", "10件", S), ("11件", "10件", P)])
def test_trend_through_evaluation(tmp_path: Path, now: str, then: str, status: Status) -> None:
    pack_path = tmp_path / "pack.yaml"
    pack_path.write_text(TREND_PACK, encoding="utf-8")
    files = []
    for year, value in ((2023, then), (2024, now)):
        path = tmp_path / f"{year}.yaml"
        path.write_text(HEAD.replace("2024", str(year)) + f"indicators:\n  cases: {value}\n", encoding="utf-8")
        files.append(load_report(path))
    found = {f.rule: f for f in evaluate(load_pack(pack_path), files[1], files[0]).findings}
    assert found["cases.trend"].status is status


# ----------------------------------------------------------------------------- applicability (levels, years)

APPLIES = [(2023, False), (2024, True), (2025, True), (2026, False)]


@pytest.mark.parametrize(("year", "applies"), APPLIES, ids=[str(y) for y, _ in APPLIES])
def test_year_range_is_inclusive(tmp_path: Path, year: int, applies: bool) -> None:
    pack_path = tmp_path / "pack.yaml"
    pack_path.write_text(
        PACK.replace("    derive:", "    year_from: 2024\n    year_to: 2025\n    derive:", 1), encoding="utf-8"
    )
    path = tmp_path / "report.yaml"
    path.write_text(HEAD.replace("2024", str(year)), encoding="utf-8")
    f = next(f for f in evaluate(load_pack(pack_path), load_report(path)).findings if f.rule == "part_rate")
    assert (f.status is not Status.NOT_APPLICABLE) is applies
