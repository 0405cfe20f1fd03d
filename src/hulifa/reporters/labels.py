"""The label catalogue: one wording in Chinese and one in English for every word the formats print
about a finding (status, severity, bound, column and detail names, units, levels, the run's verdict).

Every format takes its words from here, so 未填报 in the table is 未填报 in Markdown, JUnit and HTML.
Keyed by the enum's text, so a status the model gains later has an obvious place here; `status`
falls back to the raw value rather than failing.
"""

from __future__ import annotations

import re

from hulifa import messages
from hulifa.messages import LEVEL_NAMES, SECTION_NAMES, UNIT_NAMES
from hulifa.model import Finding, Severity, Status

Pair = tuple[str, str]


def pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


STATUS: dict[str, Pair] = {
    "pass": ("达标", "met"),
    "stated": ("已填报", "stated"),  # a `reported` rule that was stated: not the same as meeting a target
    "shortfall": ("未达标", "short"),
    "missing": ("未填报", "missing"),
    "unverifiable": ("无法确认", "unverifiable"),
    "not_applicable": ("不适用", "n/a"),
    "invalid": ("无效", "invalid"),
    "unknown": ("未知指标", "unknown"),
    "error": ("无法检查", "not checked"),
    "accepted": ("已接受偏差", "accepted"),
}
# Terminal colours; HTML has its own palette (html_assets.STATUS_COLOURS), keyed the same way.
STATUS_STYLE: dict[str, str] = {
    "pass": "green",
    "stated": "green",
    "shortfall": "red",
    "missing": "yellow",
    "unverifiable": "magenta",
    "not_applicable": "dim",
    "invalid": "red",
    "unknown": "yellow",
    "error": "bold red",
    "accepted": "blue",
}

SEVERITY: dict[Severity, Pair] = {
    Severity.ERROR: ("错误", "error"),
    Severity.WARNING: ("警告", "warning"),
    Severity.INFO: ("提示", "info"),
    Severity.NONE: ("无", "none"),
}
SEVERITY_STYLE: dict[Severity, str] = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
    Severity.NONE: "dim",
}

# How binding a basis is (model.Strength), in words: the code (HARD-POLICY) is for machines, and only
# the machine formats (json, sarif's properties) give it.
STRENGTH: dict[str, Pair] = {
    "HARD-LAW": ("法律法规", "law"),
    "HARD-POLICY": ("党政文件", "binding policy"),
    "EVAL": ("考评指标", "evaluation target"),
    "PRACTICE": ("实践做法", "practice"),
    "UNCONFIRMED": ("出处未证实", "unconfirmed"),
}

BOUND: dict[str, Pair] = {
    "lower": ("下限", "lower bound"),
    "upper": ("上限", "upper bound"),
    "approx": ("约数", "approximate"),
}

# Column headings and the labels of detail lines under a message: one word for each in every format.
FIELD: dict[str, Pair] = {
    "indicator": ("指标", "Indicator"),
    "expected": ("目标", "Target"),
    "actual": ("实际", "Actual"),
    "gap": ("差距", "Gap"),
    "status": ("状态", "Status"),
    "severity": ("级别", "Severity"),
    "basis": ("依据", "Basis"),
    "location": ("位置", "Location"),
    "evidence": ("原文", "Evidence"),
    "message": ("说明", "Message"),
    "previous": ("上年", "Last year"),
    "change": ("变化", "Change"),
    "region": ("地区", "Region"),
    "year": ("年度", "Year"),
    "file": ("文件", "File"),
    "level": ("层级", "Level"),
    "worst": ("最高级别", "Worst"),
    "reports": ("报告数", "Reports"),
    # a batch summary's count columns (a severity's own label is lower-case in English: "error 1")
    "errors": ("错误", "Errors"),
    "warnings": ("警告", "Warnings"),
    "infos": ("提示", "Info"),
    "pack": ("规则包", "Rule pack"),
    "notes": ("输入说明", "input notes"),  # hulifa's notes on the input file, counted apart (model.INPUT_NOTES)
    "note": ("说明", "Note"),  # a basis's note, as SARIF's rule help gives it
    "why": ("为何重要", "Why"),  # a rule's `why`, as SARIF's rule help gives it
    "caveat": ("出处说明", "the pack's caveat"),  # a basis's qualifier of its source (_common.qualifier_text)
}

HEADINGS: dict[str, Pair] = {
    "summary": ("跨报告汇总", "Summary across reports"),
    "sources": ("依据全称:", "Sources in full:"),  # before the documents a report's findings cite by a short name
    "most_missed": ("最常缺失或未达标的指标(错误、警告)", "Most-missed indicators (errors and warnings)"),
    "none_missed": ("没有缺失或未达标的指标。", "No indicator is missing or short of target."),
    "results": ("hulifa 检查结果", "hulifa results"),
    "no_issues": ("全部通过,没有问题。", "No issues: every applicable rule passes."),
    "not_checked": ("无法检查此文件", "This file could not be checked"),
    "see_stderr": ("无法检查,原因见标准错误输出", "not checked: the reason is on stderr"),
    "no_reports": ("没有检查任何报告。", "No reports were checked."),
}

# Level of government: messages.LEVEL_NAMES, the wording messages use.
LEVEL: dict[str, Pair] = {key: (text.zh, text.en) for key, text in LEVEL_NAMES.items()}

# The statutory parts of a report: messages.SECTION_NAMES, the wording messages use.
SECTION: dict[str, Pair] = {key: (text.zh, text.en) for key, text in SECTION_NAMES.items()}

# Units as rule packs write them, with their English names (messages.UNIT_NAMES, which messages use too).
UNIT: dict[str, Pair] = {unit: (unit, english) for unit, english in UNIT_NAMES.items()}
NO_UNIT = frozenset({"", "bool", "date", "section"})


def status(value: Status | str, lang: str) -> str:
    # A Status is a StrEnum, so it is found under its text: no read of .value (a Python property), as
    # this runs for many findings of every report.
    pair = STATUS.get(value)
    return str(value) if pair is None else pick(pair, lang)


def status_style(value: Status | str) -> str:
    return STATUS_STYLE.get(value.value if isinstance(value, Status) else value, "")


def severity(value: Severity, lang: str) -> str:
    return pick(SEVERITY[value], lang)


def field(key: str, lang: str) -> str:
    return pick(FIELD[key], lang)


def heading(key: str, lang: str) -> str:
    return pick(HEADINGS[key], lang)


def strength(value: str, lang: str) -> str:
    """A basis's strength in words ("党政文件", "binding policy"); a code this catalogue lacks as written."""
    return pick(STRENGTH.get(value, (value, value)), lang)


def bound(key: str, lang: str) -> str:
    return pick(BOUND[key], lang) if key in BOUND else ""


def level(key: str, lang: str) -> str:
    return pick(LEVEL.get(key, (key, key)), lang)


def unit_name(unit: str, lang: str) -> str:
    """The unit as a reader of `lang` writes it; a unit this catalogue lacks is kept as written."""
    if unit in NO_UNIT:
        return ""
    if unit in ("%", "‰"):
        return unit
    return pick(UNIT.get(unit, (unit, unit)), lang)


_ENDS_IN_FIGURE = re.compile(r"[0-9０-９]$")


def with_unit(value: str, unit: str, lang: str = "zh") -> str:
    """A figure with its unit: "12 件", "95%", "12 cases". Words ("须填报", "not stated") never get a
    unit glued on, and a Chinese unit the value already ends with is put in `lang` ("≥ 60 class hours")."""
    if not value or unit in NO_UNIT:
        return value
    name = unit_name(unit, lang)
    if value.endswith(unit):
        if name == unit:
            return value
        value = value[: -len(unit)].rstrip()
    elif not _ENDS_IN_FIGURE.search(value):
        return value
    if not name:
        return value
    return f"{value}{name}" if name in ("%", "‰") else f"{value} {name}"


def name(finding: Finding, lang: str) -> str:
    """The indicator's name in `lang` (hulifa.messages renders every text of a finding)."""
    return messages.name(finding, lang)


# ------------------------------------------------------------------------------------------- verdict


def verdict(
    total: int, errors: int, warnings: int, unchecked: int, clean: int, seconds: float | None, lang: str
) -> str:
    """The one line a run ends with: "检查 2,000 份报告:12 份有错误,…,用时 3.2 秒"."""
    parts = verdict_parts(total, errors, warnings, unchecked, clean, seconds, lang)
    return (", " if lang == "en" else ",").join(parts)


def verdict_parts(
    total: int, errors: int, warnings: int, unchecked: int, clean: int, seconds: float | None, lang: str
) -> tuple[str, ...]:
    """The run's verdict in the parts a narrow terminal may wrap between (never "0 / 份仅有警告")."""
    took = "" if seconds is None else _took(seconds, lang)
    if lang == "en":
        noun = "report" if total == 1 else "reports"
        parts = [f"Checked {total:,} {noun}: {errors:,} with errors", f"{warnings:,} with warnings only"]
        parts.append(f"{clean:,} clean")
        if unchecked:
            parts.append(f"{unchecked:,} could not be checked")
        if took:
            parts[-1] += f"; took {took}"
        return tuple(parts)
    parts = [f"检查 {total:,} 份报告:{errors:,} 份有错误", f"{warnings:,} 份仅有警告", f"{clean:,} 份无错误和警告"]
    if unchecked:
        parts.append(f"{unchecked:,} 份无法检查")
    return (*parts, f"用时 {took}") if took else tuple(parts)


def report_verdict(errors: int, warnings: int, infos: int, lang: str) -> tuple[str, ...]:
    """A report's verdict, said before its findings (a narrow terminal shows the first screen only),
    in the run verdict's words: "结论:有错误 — 错误 1", "警告 8", "提示 28" (parts a line may wrap between)."""
    if lang == "en":
        kind = "has errors" if errors else "warnings only" if warnings else "clean"
        counts = (_count(errors, "error"), _count(warnings, "warning"), f"{infos:,} info")
        return (f"Verdict: {kind} — {counts[0]}", *counts[1:])
    kind = "有错误" if errors else "仅有警告" if warnings else "无错误和警告"
    return f"结论:{kind} — 错误 {errors:,}", f"警告 {warnings:,}", f"提示 {infos:,}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


class Tally:
    """The verdict's counts, added one report at a time: how many, and how many unchecked, with errors
    and with warnings only (the rest are clean). A plain class, as model.Outcome: a running tally,
    never compared, for which a dataclass would only cost its exec at every start."""

    __slots__ = ("errors", "reports", "unchecked", "warnings")

    def __init__(self) -> None:
        self.reports = 0
        self.unchecked = 0
        self.errors = 0
        self.warnings = 0

    def add(self, checked: bool, worst: Severity) -> None:
        self.reports += 1
        if not checked:
            self.unchecked += 1
        elif worst is Severity.ERROR:
            self.errors += 1
        elif worst is Severity.WARNING:
            self.warnings += 1

    def verdict(self, lang: str, seconds: float | None = None) -> str:
        return (", " if lang == "en" else ",").join(self.verdict_parts(lang, seconds))

    def verdict_parts(self, lang: str, seconds: float | None = None) -> tuple[str, ...]:
        clean = self.reports - self.unchecked - self.errors - self.warnings
        return verdict_parts(self.reports, self.errors, self.warnings, self.unchecked, clean, seconds, lang)


def _took(seconds: float, lang: str) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s" if lang == "en" else f"{seconds:.1f} 秒"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if lang == "en" else f"{minutes} 分 {rest} 秒"


def pack_title(title: str, lang: str) -> str:
    """A rule pack's title in `lang` where the pack writes it in both: "中文 / English" gives either
    part; "中文 (english note)" gives the Chinese alone in Chinese and the whole in English (quoted,
    as the pack's own words). Any other title as written, quoted in English when it is Chinese."""
    halves = re.fullmatch(r"(.*?)\s*/\s*(.*)", title)
    if halves and messages.has_chinese(halves.group(1)) and not messages.has_chinese(halves.group(2)):
        return halves.group(2) if lang == "en" else halves.group(1)
    if lang == "en":
        return messages.quote(title, lang) if messages.has_chinese(title) else title
    note = re.fullmatch(r"(.*?)\s*[(（]([^()（）]*)[)）]", title)
    if note and messages.has_chinese(note.group(1)) and not messages.has_chinese(note.group(2)):
        return note.group(1)
    return title
