"""A hand-built batch for the reporter tests: realistic findings, hostile strings, an unchecked file.

The pytest fixtures that wrap these are in conftest.py.

`batch`: two reports, as `hulifa check a.yaml b.yaml` would give them.
- 厦门市湖里区 2024 (`reports/湖里区 2024.yaml`, a space in the path): one finding of every status
  (pass, shortfall, missing x3, unverifiable, invalid, not_applicable, unknown x2), with rich markup,
  ANSI escapes, XML-invalid control characters, `%`, newlines, `:`, `,`, `|`, backticks and
  `<script>` in names and messages. Two findings share rule id, line and column.
- `reports/思明区,2024:bad.yaml`: could not be checked (one `hulifa.input` error).
`batch3`: the same plus 厦门市思明区 2023, for the cross-report summary.
"""

from __future__ import annotations

from hulifa.model import (
    Basis,
    Finding,
    Kind,
    Position,
    ReportResult,
    Requirement,
    Rule,
    RulePack,
    Severity,
    Status,
    Strength,
    Subject,
    Text,
    params,
)

HULI = "reports/湖里区 2024.yaml"
BAD = "reports/思明区,2024:bad.yaml"
SIMING = "reports/siming-2023.yaml"

HOSTILE_MESSAGE = "公开征求意见期限 20 日,少于 30 日 [bold red]注意[/bold red]\n第二行: 100% 完成, a|b"
CONTROL_MESSAGE = "无法读取数值 '六十\x00学时' \x1b[31m红色\x1b[0m\x07\x0b\x0c\x1f结束"
# CONTROL_MESSAGE as every format shows it: each control character visible, none dropped.
CONTROL_SHOWN = "无法读取数值 '六十\\x00学时' \\x1b[31m红色\\x1b[0m\\x07\\x0b\\x0c\\x1f结束"
SCRIPT_NAME = "<script>alert(1)</script>指标"

BASIS_POLICY = Basis(
    document="《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)",
    strength=Strength.HARD_POLICY,
    article="第二十四条",
    url="http://www.hnhs.gov.cn/22560/content_2139138.html",
)
BASIS_LAW = Basis(
    document="《重大行政决策程序暂行条例》",
    strength=Strength.HARD_LAW,
    article="第十五条",
    url="https://www.gov.cn/zhengce/content/2019-05/08/content_5389670.htm",
    note="Public comment <b>at least</b> 30 days | 一般不少于30日",
)
BASIS_EVAL = Basis(document="《法治政府建设指标体系》", strength=Strength.EVAL, article="", url="")


def _rule(
    rid: str,
    name: str,
    name_en: str,
    unit: str,
    requirement: Requirement,
    severity: Severity,
    missing: Severity,
    basis: Basis,
    why: str = "",
) -> Rule:
    return Rule(
        id=rid,
        name=name,
        name_en=name_en,
        unit=unit,
        requirement=requirement,
        severity=severity,
        missing_severity=missing,
        basis=basis,
        source=Position("rules/default.yaml", 1, 1),
        why=why,
    )


PACK = RulePack(
    id="default",
    title="法治政府建设年度报告 默认规则包 (national rules)",
    version="2026.1",
    rules=(
        _rule(
            "report_published_by",
            "年度报告向社会公开",
            "Report made public before 1 April",
            "date",
            Requirement(Kind.DEADLINE, field="published", before="04-01"),
            Severity.ERROR,
            Severity.WARNING,
            BASIS_POLICY,
            why="年度报告须于每年4月1日之前向社会公开。",
        ),
        _rule(
            "report_submitted_by",
            "年度报告报送",
            "Report submitted to the Party committee",
            "date",
            Requirement(Kind.DEADLINE, field="submitted", before="03-01"),
            Severity.WARNING,
            Severity.INFO,
            BASIS_POLICY,
        ),
        _rule(
            "part_shortcomings_causes",
            "存在的不足和原因",
            "Part 2: shortcomings and their causes",
            "section",
            Requirement(Kind.SECTION, sections=("shortcomings", "causes")),
            Severity.ERROR,
            Severity.ERROR,
            BASIS_POLICY,
        ),
        _rule(
            "mad_public_comment_days",
            "重大行政决策公开征求意见期限",
            "Public comment period: 30 days, 100%, a:b",
            "日",
            Requirement(Kind.AT_LEAST, target=30),
            Severity.WARNING,
            Severity.INFO,
            BASIS_LAW,
        ),
        _rule(
            "enforcement_training_hours",
            "行政执法人员人均培训学时",
            "Law-enforcement training hours per officer",
            "学时",
            Requirement(Kind.AT_LEAST, target=float("nan")),  # a NaN must never reach JSON
            Severity.ERROR,
            Severity.WARNING,
            BASIS_EVAL,
        ),
        _rule(
            "ar_lawful_acceptance_rate",
            "行政复议依法受理率",
            "Administrative reconsideration: lawful acceptance rate",
            "%",
            Requirement(Kind.EQUALS, target=100),
            Severity.WARNING,
            Severity.INFO,
            BASIS_LAW,
        ),
        _rule(
            "legal_advisor_coverage",
            "党政机关法律顾问设立率",
            "Legal advisers in Party and government bodies",
            "%",
            Requirement(Kind.EQUALS, target=100),
            Severity.WARNING,
            Severity.WARNING,
            BASIS_EVAL,
        ),
        _rule(
            "leader_pre_appointment_law_exam",
            "领导干部任前法律知识考试人数",
            "Leaders taking the pre-appointment law exam",
            "名",
            Requirement(Kind.REPORTED),
            Severity.INFO,
            Severity.INFO,
            BASIS_EVAL,
        ),
    ),
    files=("rules/default.yaml",),
)


def finding(
    rule: str,
    status: Status,
    severity: Severity,
    line: int,
    column: int,
    zh: str,
    en: str,
    file: str = HULI,
    *,
    name: str = "",
    name_en: str = "",
    actual: str = "",
    gap: float | None = None,
    evidence: str = "",
) -> Finding:
    """A finding of a PACK rule (or of a subject named `name`), saying `zh` / `en` as its message."""
    known = {r.id: r for r in PACK.rules}.get(rule)
    return Finding(
        rule=rule,
        subject=known or Subject(rule, name, name_en),
        status=status,
        severity=severity,
        position=Position(file, line, column),
        message="text",
        params=params(text=Text(zh, en)),
        stated=actual,
        gap=gap,
        evidence=evidence,
    )


def _sorted(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


HULI_FINDINGS = _sorted(
    [
        finding(
            "report_published_by",
            Status.PASS,
            Severity.NONE,
            5,
            1,
            "已于 2025-03-20 公开",
            "Made public on 2025-03-20",
            actual="2025-03-20",
        ),
        finding(
            "report_submitted_by",
            Status.MISSING,
            Severity.INFO,
            1,
            1,
            "未写明报送日期",
            "The submission date is not stated",
        ),
        finding(
            "part_shortcomings_causes",
            Status.MISSING,
            Severity.ERROR,
            8,
            1,
            "缺少第二部分: 存在的不足",
            "Part 2 is missing: shortcomings",
        ),
        finding(
            "part_shortcomings_causes",
            Status.MISSING,
            Severity.ERROR,
            8,
            1,
            "缺少第二部分: 原因分析",
            "Part 2 is missing: causes",
        ),
        finding(
            "mad_public_comment_days",
            Status.SHORTFALL,
            Severity.WARNING,
            12,
            3,
            HOSTILE_MESSAGE,
            "Public comment period 20 days, below 30:\nsee 100%, a,b",
            actual="20",
            gap=10,
            evidence="征求意见 20 日",
        ),
        finding(
            "enforcement_training_hours",
            Status.INVALID,
            Severity.ERROR,
            14,
            3,
            CONTROL_MESSAGE,
            "Cannot read the value '六十学时'",
            actual="六十\x00学时",
        ),
        finding(
            "ar_lawful_acceptance_rate",
            Status.UNVERIFIABLE,
            Severity.WARNING,
            20,
            3,
            "「约99%」无法确认是否达到 100%",
            "'about 99%' cannot be confirmed as 100%",
            actual="约99",
        ),
        finding(
            "hulifa.unknown_indicator",
            Status.UNKNOWN,
            Severity.INFO,
            22,
            3,
            "规则包中没有指标 `<script>`",
            "The rule pack has no indicator <script>",
            name=SCRIPT_NAME,
            name_en="<script>alert(1)</script>",
        ),
        finding(
            "hulifa.unknown_indicator",
            Status.UNKNOWN,
            Severity.INFO,
            23,
            3,
            "规则包中没有指标「另一个|未知`指标`」",
            "Unknown indicator 'x|y'",
            name="另一个|未知`指标`",
            name_en="another|unknown",
        ),
        finding(
            "legal_advisor_coverage",
            Status.MISSING,
            Severity.WARNING,
            40,
            1,
            "报告未写明党政机关法律顾问设立率",
            "Legal adviser coverage is not stated",
        ),
        finding(
            "leader_pre_appointment_law_exam",
            Status.NOT_APPLICABLE,
            Severity.NONE,
            40,
            1,
            "该指标不适用于区级",
            "Not applicable at district level",
        ),
    ]
)

HULI_REPORT = ReportResult(
    file=HULI,
    findings=HULI_FINDINGS,
    region="厦门市湖里区",
    year=2024,
    level="district",
    required=9,
    given=5,
)

BAD_REPORT = ReportResult(
    file=BAD,
    findings=(
        finding(
            "hulifa.input",
            Status.ERROR,
            Severity.ERROR,
            3,
            7,
            "YAML 语法错误: 第 3 行\n缩进不一致",
            "YAML syntax error: line 3\ninconsistent indentation",
            file=BAD,
            name="输入文件",
            name_en="input file",
        ),
    ),
    checked=False,
)

SIMING_REPORT = ReportResult(
    file=SIMING,
    findings=_sorted(
        [
            finding("report_published_by", Status.PASS, Severity.NONE, 4, 1, "已公开", "Made public", file=SIMING),
            finding(
                "mad_public_comment_days",
                Status.SHORTFALL,
                Severity.WARNING,
                10,
                3,
                "公开征求意见期限 15 日,少于 30 日",
                "15 days, below 30",
                file=SIMING,
                actual="15",
                gap=15,
            ),
            finding(
                "legal_advisor_coverage",
                Status.MISSING,
                Severity.WARNING,
                30,
                1,
                "未写明法律顾问设立率",
                "Not stated",
                file=SIMING,
            ),
        ]
    ),
    region="厦门市思明区",
    year=2023,
    level="district",
    required=3,
    given=2,
)

# Issues in `batch` (neither pass nor not applicable), by severity.
ISSUES = 10
BY_SEVERITY = {"error": 4, "warning": 3, "info": 3}


def gfm_cell_boundaries(line: str) -> int:
    """The pipes that split a GFM table row into cells: a backslash escapes the next character,
    as cmark-gfm's table extension reads a row."""
    count, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        count += line[i] == "|"
        i += 1
    return count
