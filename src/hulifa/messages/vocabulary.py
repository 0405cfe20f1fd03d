"""The words every area shares: the statutory parts, units, levels, trend directions, the report-data
dates, and the few fixed phrases (not stated, exact figure needed, what no check can establish)."""

from __future__ import annotations

from hulifa.model import Direction, Text

SECTION_NAMES = {
    "measures": Text("主要举措和成效", "measures and results"),
    "shortcomings": Text("存在的不足", "shortcomings"),
    "causes": Text("不足的原因", "causes of the shortcomings"),
    "first_responsible": Text("第一责任人履职情况", "first-responsibility duties"),
    "next_year": Text("下一年度主要安排", "next year's plan"),
    "other": Text("其他需要报告的情况", "other matters"),
}
# The one unit catalogue: a unit as rule packs and reports write it, in English (one, many). A unit
# not here is kept as written; "个" is a bare count.
UNITS: dict[str, tuple[str, str]] = {
    "件": ("case", "cases"),
    "个": ("", ""),
    "个月": ("month", "months"),
    "月": ("month", "months"),
    "人次": ("attendance", "attendances"),
    "名": ("person", "people"),
    "人": ("person", "people"),
    "学时": ("hour", "hours"),
    "小时": ("hour", "hours"),
    "工作日": ("working day", "working days"),
    "日": ("day", "days"),
    "天": ("day", "days"),
    "条": ("item", "items"),
    "次": ("time", "times"),
    "项": ("item", "items"),
    "家": ("body", "bodies"),
    "份": ("document", "documents"),
    "起": ("case", "cases"),
    "宗": ("case", "cases"),
    "例": ("case", "cases"),
    "件次": ("case", "cases"),
    "场": ("session", "sessions"),
    "场次": ("session", "sessions"),
    "期": ("session", "sessions"),
    "期次": ("session", "sessions"),
    "批": ("batch", "batches"),
    "批次": ("batch", "batches"),
    "户": ("household", "households"),
    "家次": ("visit", "visits"),
    "篇": ("article", "articles"),
    "部": ("item", "items"),
    "课时": ("hour", "hours"),
    "位": ("person", "people"),
    "年": ("year", "years"),
    "周": ("week", "weeks"),
    "分钟": ("minute", "minutes"),
    "个百分点": ("percentage point", "percentage points"),
    "元": ("yuan", "yuan"),
}
UNIT_NAMES = {unit: many for unit, (_, many) in UNITS.items()}  # the plural, as a heading or label says it
LEVEL_NAMES = {
    "province": Text("省级", "province"),
    "city": Text("市级", "city"),
    "county": Text("县级", "county"),
    "district": Text("区级", "district"),
    "town": Text("乡镇(街道)", "town or sub-district"),
    "department": Text("部门", "department"),
    "department.province": Text("省级政府部门", "provincial government department"),
    "department.city": Text("市级政府部门", "city government department"),
    "department.county": Text("县级政府部门", "county government department"),
}
DIRECTION_NAMES = {
    Direction.INCREASE: Text("应高于上年", "must rise from last year"),
    Direction.DECREASE: Text("应低于上年", "must fall from last year"),
    Direction.NOT_DECREASE: Text("不应低于上年", "must not fall below last year"),
    Direction.NOT_INCREASE: Text("不应高于上年", "must not rise above last year"),
}
# What no check can establish; said in the README, the HTML report and `rules show`.
LIMITS = Text(
    "hulifa 只把报告自述的数字与目标比对,无法核实这些数字是否属实。",
    "hulifa checks the figures a report states about itself against targets; it cannot verify that they are true.",
)

NOT_STATED = Text("未填报", "not stated")
EXACT_NEEDED = Text("需确切数值", "exact figure needed")
APPROVED = Text("经批准延长", "approval of the extension")  # what an extension needs when the pack does not say
# The dates a report states (report-data keys), in words: a Chinese message names the key only in brackets.
DATE_FIELD_NAMES = {"published": Text("公开日期", "publication date"), "submitted": Text("报送日期", "submission date")}
