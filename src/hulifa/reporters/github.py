"""`--format github`: GitHub Actions workflow commands, one annotation per issue, as GitHub shows them.

    ::error file=reports/a.yaml,line=12,col=3,title=年度报告公开率 (report_disclosure_rate)::message

Severity error -> `::error`, warning -> `::warning`, info (and anything else) -> `::notice`.
GitHub shows 10 annotations of each type per step (and drops the rest silently), so errors come
first, then warnings, then notices (in input order within each), at most 10 of each, and one last
notice says how many more there are and where to see them. Only those kept are held while the run
goes on (`Annotations`), so memory stays flat in the batch. Data is escaped as the Actions runner
unescapes it, so no value can end the command early or start a new one. `step_summary` gives the
Markdown for `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

from hulifa.model import CheckResult, Finding, ReportResult, RulePack, Severity, Status
from hulifa.reporters import markdown
from hulifa.reporters._common import clean, details, display_name, is_issue, message

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning"}
ORDER = ("error", "warning", "notice")
# Annotations of one type GitHub shows per step (actions/toolkit docs/problem-matchers.md, "Limitations").
SHOWN_PER_TYPE = 10


def escape_data(text: str) -> str:
    """Escape a command's message, as the runner's `escapeData`."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, as the runner's `escapeProperty`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    # an accepted deviation stays visible as a notice; it must not show as an error in the PR
    return "notice" if finding.status is Status.ACCEPTED else COMMANDS.get(finding.severity, "notice")


def annotation(finding: Finding, lang: str = "zh") -> str:
    title = f"{display_name(finding, lang)} ({clean(finding.rule)})"
    if finding.page:  # PDF input: `line` is within the page, and the page is only said here
        title += f" @p{finding.page}:{finding.line}"
    props = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", clean(finding.file).replace("\\", "/")),
            ("line", str(max(1, finding.line))),
            ("col", str(max(1, finding.column))),
            ("title", title),
        )
    )
    lines = [message(finding, lang) or clean(finding.rule)]
    lines += [f"{label}: {value}" for label, value in details(finding, lang)]
    body = "\n".join(lines)
    return f"::{command(finding)} {props}::{escape_data(body)}"


class Annotations:
    """The annotations of a run, added a report at a time: the first `per_type` of each type are
    kept (the rest only counted), and `tail` writes them most severe first, then the note."""

    SEP = ""

    def __init__(self, lang: str = "zh", per_type: int = SHOWN_PER_TYPE) -> None:
        self.lang = lang
        self.per_type = per_type
        # (rank, order of arrival, line): hulifa's own notes on the input (rules `hulifa.*`: the file's
        # encoding, a guessed level) rank first, because they say whether the rest can be trusted.
        self.kept: dict[str, list[tuple[int, int, str]]] = {name: [] for name in ORDER}
        self.total: dict[str, int] = dict.fromkeys(ORDER, 0)

    def item(self, report: ReportResult) -> str:
        for f in report.findings:
            if is_issue(f):
                name = command(f)
                self.total[name] += 1
                kept = self.kept[name]
                rank = 0 if name == "notice" and f.rule.startswith("hulifa.") else 1
                if len(kept) < self.per_type or rank < kept[-1][0]:
                    kept.append((rank, self.total[name], annotation(f, self.lang)))
                    kept.sort()
                    del kept[self.per_type :]
        return ""  # nothing is written before the end: the most severe go first

    def head(self) -> str:
        return ""

    def tail(self) -> str:
        kept = {name: [line for _, _, line in lines] for name, lines in self.kept.items()}
        hidden = {name: self.total[name] - len(kept[name]) for name in ORDER}
        if any(hidden.values()) and len(kept["notice"]) == self.per_type:
            kept["notice"].pop()  # the note is a notice too, and GitHub shows only per_type of them
            hidden["notice"] += 1
        lines = [line for name in ORDER for line in kept[name]]
        if any(hidden.values()):
            lines.append(self.note(hidden))
        return "".join(line + "\n" for line in lines)

    def note(self, hidden: dict[str, int]) -> str:
        more = sum(hidden.values())
        if self.lang == "en":
            counts = ", ".join(f"{n:,} {name}{'s' if n != 1 else ''}" for name, n in hidden.items() if n)
            text = (
                f"{more:,} more annotations not shown ({counts}): GitHub shows {self.per_type} of each type per "
                "step. See them all in the job summary, or run hulifa check with --format parsable or --format json."
            )
            title = "hulifa: more findings"
        else:
            names = {"error": "错误", "warning": "警告", "notice": "提示"}
            counts = ",".join(f"{names[name]} {n:,} 条" for name, n in hidden.items() if n)
            text = (
                f"另有 {more:,} 条注释未显示({counts}):GitHub 每个步骤每类只显示 {self.per_type} 条。"
                "全部问题见作业摘要(job summary),或用 --format parsable / --format json 运行 hulifa check。"
            )
            title = "hulifa:更多问题"
        return f"::notice title={escape_property(title)}::{escape_data(text)}"


def writer(pack: RulePack | None = None, lang: str = "zh", fail_on: Severity | None = None) -> Annotations:
    """The streaming writer (see hulifa.reporters): items are kept, bounded, and written at the end."""
    return Annotations(lang)


def render(result: CheckResult, lang: str = "zh") -> str:
    annotations = Annotations(lang)
    for report in result.reports:
        annotations.item(report)
    return annotations.head() + annotations.tail()


def step_summary(result: CheckResult, lang: str = "zh") -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: the `--format markdown` document within GitHub's 1 MiB."""
    return markdown.step_summary(result, lang)
