"""A report's year, reporting body (region) and level, from its own title and first sentence.

Each is found by small named rules, tried in order, each with its own test table
(tests/extract/test_metadata.py):

* year: the title's "2024年度法治政府建设…", else a first sentence opening "2024年,…", else the first
  year written outside 《…》 titles and outside ranges such as "(2021—2025年)", which name a plan.
* region: the title's body ("某县人民政府关于…"), else the body after a first sentence's year, else the
  body of a report named in 《…》 near the top (a news item), else the body that signs the report
  above its date, else a "…人民政府" near the top. Portal furniture (breadcrumbs "首页 > 政务公开 > …",
  site names) is skipped.
* level: from the body's name. Where the name does not settle it (an unknown "…市" can be a
  prefecture-level city or a 县级市), the level is a guess and says so; where nothing fits, it is ""
  and the caller must ask for --level.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from hulifa.extract.document import Doc

# ----------------------------------------------------------------------------- year

_YEAR_TITLE = re.compile(
    r"(?:关于)?((?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年度?(?:法治政府|依法行政|法治)"
)
# a year in Chinese digits, as formal titles write it: 二〇二四年度
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
YEAR_FIRST = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:度)?(?:以来)?\s*[,，:：]?\s*")
_YEAR_ANY = re.compile(r"((?:19|20)\d{2})\s*年")
_RANGE_MARK = re.compile(r"[-—–~～至到]\s*$")
_RANGE_AFTER = re.compile(r"^\s*年?\s*[-—–~～至到]")


def _first_lines(doc: Doc, count: int = 5) -> list[tuple[int, str]]:
    """(offset, folded line) of the first non-empty lines that are not page furniture."""
    out = []
    for number, start, end in doc.lines():
        line = doc.folded[start:end]
        if line.strip() and number not in doc.boiler_lines and not is_furniture(line):
            out.append((start, line))
            if len(out) >= count:
                break
    return out


def _plain_year(doc: Doc, m: re.Match[str], base: int) -> bool:
    """A year written as the report's own, not inside a 《title》 and not an end of a plan range."""
    start, end = base + m.start(1), base + m.end(1)
    if doc.in_protected(start, end):
        return False
    f = doc.folded
    if _RANGE_MARK.search(f, max(0, start - 2), start):
        return False  # (2021—2025年): the plan's last year
    return not _RANGE_AFTER.match(f, end, min(len(f), end + 3))  # 2021—: the plan's first year


_NUMBERED = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[、.．])"
)


def year_from_title(doc: Doc) -> int | None:
    """A title line near the top: short, not a numbered heading (四、2025年…的主要安排 is a part)."""
    for start, line in _first_lines(doc, 10):
        if len(line.strip()) > 80 or _NUMBERED.match(line):
            continue
        for m in _YEAR_TITLE.finditer(line[:120]):
            if _plain_year(doc, m, start):
                year = int(m.group(1).translate(_CN_DIGITS))
                if 1990 <= year <= 2100:
                    return year
    return None


def year_from_first_sentence(doc: Doc) -> int | None:
    for start, line in _first_lines(doc, 4):
        m = YEAR_FIRST.match(line)
        if m and _plain_year(doc, m, start):
            return int(m.group(1))
    return None


def year_first_written(doc: Doc) -> int | None:
    for m in _YEAR_ANY.finditer(doc.folded, 0, min(len(doc.folded), 3000)):
        if _plain_year(doc, m, 0):
            return int(m.group(1))
    return None


YEAR_RULES: tuple[Callable[[Doc], int | None], ...] = (year_from_title, year_from_first_sentence, year_first_written)


def detect_year(doc: Doc) -> int | None:
    """The year the report is about, or None when the text does not say."""
    for rule in YEAR_RULES:
        year = rule(doc)
        if year is not None:
            return year
    return None


# ----------------------------------------------------------------------------- region

_REGION_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|自治旗|新区|地区|街道|省|市|区|县|旗|盟|州|镇|乡)"
_DEPT_SUFFIX = r"(?:办公室|委员会|管理局|局|委|办|厅|署|中心)"
_REGION = re.compile(
    rf"((?:[\u4e00-\u9fff]{{1,8}}?{_REGION_SUFFIX})(?:[\u4e00-\u9fff]{{1,4}}?{_REGION_SUFFIX}){{0,2}}"
    rf"(?:[\u4e00-\u9fff]{{1,6}}?{_DEPT_SUFFIX}(?=[坚全深认围紧以在聚着始把按]))?)"
)
_TITLE_REGION = re.compile(
    # a joint report of the Party committee and the government ("中共石港区委 石港区人民政府关于…")
    # is the government's: the committee before it is skipped
    r"^\s*(?:中共[\u4e00-\u9fff]{1,12}?委(?:员会)?\s*[、和与及]?\s*(?=[\u4e00-\u9fff]{1,12}?人民政府))?"
    rf"(?:中共)?((?:[\u4e00-\u9fff]{{1,10}}?{_REGION_SUFFIX}){{1,3}}(?:[\u4e00-\u9fff]{{0,14}}?{_DEPT_SUFFIX})?)"
    rf"(?:人民政府|政府|委员会|办事处)?(?:办公室)?(?:关于)?\s*(?:\d{{4}}|二[〇零○])"
)
# emphasis and heading marks around a title pasted from Markdown or a WeChat post: **…**, ## …
_MARKUP = re.compile(r"^[\s#*_【]+")
_GOVERNMENT = re.compile(rf"((?:[\u4e00-\u9fff]{{1,10}}?{_REGION_SUFFIX}){{1,3}})人民政府")
_NOT_REGION_START = re.compile(r"^(?:坚持|全|我|本|在|以|深入|认真|围绕|紧紧)")
# Portal furniture: breadcrumbs (two or more separators), site names, "主办/承办" lines.
_BREADCRUMB = re.compile(r"(?:[>›»→]|&gt;|\s/\s).*(?:[>›»→]|&gt;|\s/\s)")
_SITE = re.compile(
    r"门户网站|政府网|网站首页|主办\s*[:：]|承办\s*[:：]|^\s*(?:首页|当前位置|您的位置|您现在的位置|今天是)"
    r"|星期[一二三四五六日天]|无障碍|长者模式|适老化"
)


def is_furniture(line: str) -> bool:
    """A breadcrumb or a portal's own name: never the reporting body, never the title."""
    head = line[:400]  # furniture is short; a report pasted as one long line is not
    return bool(_BREADCRUMB.search(head) or _SITE.search(head))


# what a title goes on to say after "某县人民政府(关于)2024年度": further down the page than the first
# few lines, a title must say this, so that a date line under a name is not taken for one
_ABOUT_REPORT = re.compile(r"年度?[^。，,；;]{0,12}?(?:法治|依法行政)[^。，,；;]{0,24}?报告")


def _title_body(text: str) -> str:
    m = _TITLE_REGION.match(_MARKUP.sub("", text))
    return m.group(1) if m and not _NOT_REGION_START.match(m.group(1)) else ""


def region_from_title(doc: Doc) -> str:
    """The title's body. A portal page or a gazette puts its own lines above the title (site name,
    menu, the previous item's tail), so a title further down must also read as a report's title."""
    for index, (_, line) in enumerate(_first_lines(doc, 10)):
        body = _title_body(line)
        if body and (index < 4 or _ABOUT_REPORT.search(line, 0, 120)):
            return body
    return ""


_QUOTED = re.compile(r"《([^《》\n]{6,60})》")


def region_from_quoted_title(doc: Doc) -> str:
    """A news item or a covering note names the report: 《某市人民政府关于2024年度法治政府建设情况的报告》."""
    head = doc.folded[: min(len(doc.folded), 1500)]
    for m in _QUOTED.finditer(head):
        body = _title_body(m.group(1))
        if body and _ABOUT_REPORT.search(m.group(1)):
            return body
    return ""


def region_from_first_sentence(doc: Doc) -> str:
    for _, line in _first_lines(doc, 4):
        m = YEAR_FIRST.match(line)
        if m:
            r = _REGION.match(line[m.end() :])
            if r and not _NOT_REGION_START.match(r.group(1)):
                return r.group(1)
    return ""


# A one-character name signs too (沛县, 萧县), but not one that is itself a suffix: 县市场监管局 is no 县市
_SIGNED = re.compile(
    rf"^\s*((?:(?:[\u4e00-\u9fff]{{2,10}}?|(?![省市区县旗盟州镇乡])[\u4e00-\u9fff]){_REGION_SUFFIX})(?:[\u4e00-\u9fff]{{1,10}}?{_REGION_SUFFIX}){{0,2}}"
    rf"(?:[\u4e00-\u9fff]{{1,14}}?{_DEPT_SUFFIX})?)(?:人民政府|办事处)?\s*$"
)
# a line that is only a date, as the date a report is signed
DATE_LINE = re.compile(r"^\s*(?:(?:19|20)\d{2}|[一二][〇零○][〇零○一二三四五六七八九]{2})\s*年[^。，,]{1,8}日\s*$")


def region_from_signature(doc: Doc) -> str:
    """The body that signs the report: a line that is only a name, just above the date at the end. A
    report whose title names no body ("2025年度法治政府建设工作情况报告") is named here."""
    lines = [(n, doc.folded[a:b]) for n, a, b in doc.lines() if doc.folded[a:b].strip()]
    tail = lines[-12:]
    for (_, name), (_, date) in itertools.pairwise(tail):
        m = _SIGNED.match(name)
        if m and DATE_LINE.match(date) and not _NOT_REGION_START.match(m.group(1)):
            return m.group(1)
    return ""


def region_government_near_top(doc: Doc) -> str:
    head = doc.folded[:2000]
    for m in _GOVERNMENT.finditer(head):
        line = doc.line_of(m.start())
        if line not in doc.boiler_lines and not is_furniture(doc.folded[doc.line_starts[line - 1] : m.end() + 40]):
            return m.group(1)
    return ""


REGION_RULES: tuple[Callable[[Doc], str], ...] = (
    region_from_title,
    region_from_first_sentence,
    region_from_quoted_title,
    region_from_signature,
    region_government_near_top,
)


def detect_region(doc: Doc) -> str:
    """The reporting body's name as the text writes it, or "" when the text does not say."""
    for rule in REGION_RULES:
        region = rule(doc)
        if region:
            return region
    return ""


# ----------------------------------------------------------------------------- level


@dataclass(frozen=True, slots=True)
class LevelGuess:
    """A level read from a name. `sure` is False when the name fits more than one level."""

    level: str  # "" when the name does not tell
    sure: bool
    why_zh: str
    why_en: str


def _names(text: str) -> list[str]:
    return text.split()


MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")  # 直辖市: province level
# 县级市 (county-level cities) and 地级市 (prefecture-level cities) whose rank is certain, so that a
# report from one of them needs no --level. Any other "…市" is guessed city and marked as a guess.
COUNTY_CITIES = frozenset(
    _names(
        "石狮 晋江 南安 福清 永安 邵武 武夷山 建瓯 漳平 福安 福鼎 昆山 常熟 张家港 太仓 江阴 "
        "宜兴 溧阳 丹阳 扬中 句容 靖江 泰兴 兴化 如皋 启东 仪征 高邮 东台 新沂 邳州 义乌 "
        "东阳 永康 兰溪 慈溪 余姚 海宁 平湖 桐乡 诸暨 嵊州 乐清 瑞安 温岭 临海 江山 龙泉 "
        "建德 英德 台山 开平 鹤山 恩平 四会 阳春 廉江 雷州 吴川 化州 信宜 高州 普宁 陆丰 "
        "兴宁 罗定 乐昌 南雄 胶州 平度 莱西 龙口 莱阳 莱州 招远 寿光 青州 诸城 安丘 高密 "
        "昌邑 曲阜 邹城 新泰 肥城 荣成 乳山 滕州 都江堰 彭州 邛崃 崇州 简阳 峨眉山 浏阳 韶山 "
        "井冈山 瑞金 新郑 巩义 登封 新密 荥阳 迁安 遵化 三河 霸州 涿州 满洲里 二连浩特 延吉 "
        "珲春 绥芬河 景洪 瑞丽 个旧 凯里 都匀 兴义 仁怀 凭祥 东兴 琼海 文昌 万宁 五指山 "
        "格尔木 库尔勒 "
    )
)
PREFECTURE_CITIES = frozenset(
    _names(
        "石家庄 太原 呼和浩特 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 "
        "广州 南宁 海口 成都 贵阳 昆明 拉萨 西安 兰州 西宁 银川 乌鲁木齐 大连 青岛 宁波 厦门 "
        "深圳 泉州 漳州 莆田 三明 南平 龙岩 宁德 苏州 无锡 常州 南通 扬州 镇江 泰州 徐州 "
        "盐城 淮安 连云港 宿迁 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 珠海 汕头 佛山 "
        "韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 "
        "淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 "
    )
)
_GOV_TAIL = re.compile(r"(?:人民政府|政府)$")
_TOWN = re.compile(r"(?:街道办事处|街道办|街道|镇|乡|苏木)$")
_DEPT = re.compile(r"(?:局|委|办|厅|署|办公室|委员会|中心|队|站|所)$")
_ZONE = re.compile(r"(?:开发区|高新区|保税区|试验区|示范区|园区|新区)$")
# one administrative unit of a full name: 福建省|泉州市|石狮市 (two characters at least: 湖州市 is one unit)
_UNITS = re.compile(r"[\u4e00-\u9fff]{2,}?(?:自治区|自治州|地区|省|市|盟)")
_UNIT = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|区|县|旗|盟|州)$")


def _sure(level: str, zh: str, en: str) -> LevelGuess:
    return LevelGuess(level, True, zh, en)


def _guess(level: str, zh: str, en: str) -> LevelGuess:
    return LevelGuess(level, False, zh, en)


def level_of_town(name: str) -> LevelGuess | None:
    if _TOWN.search(name):
        return _sure("town", f"「{name}」是乡镇或街道", f"'{name}' is a town or sub-district")
    return None


def level_of_department(name: str) -> LevelGuess | None:
    if _DEPT.search(name):
        return _sure("department", f"「{name}」是政府部门", f"'{name}' is a government department")
    return None


def level_of_municipality(name: str) -> LevelGuess | None:
    if name in MUNICIPALITIES:
        return _sure("province", f"「{name}」是直辖市,属省级", f"'{name}' is a municipality: province level")
    return None


def level_of_zone(name: str) -> LevelGuess | None:
    if _ZONE.search(name):
        return _guess(
            "district",
            f"「{name}」是功能区或新区,层级按区推断,请核对",
            f"'{name}' is a development zone or new area; guessed district level: confirm it",
        )
    return None


def level_of_city(name: str) -> LevelGuess | None:
    if not name.endswith("市"):
        return None
    units = _UNITS.findall(name)
    own = units[-1] if units else name
    bare = re.sub(r"^.*?(?:省|自治区)", "", own).removesuffix("市")
    if bare in COUNTY_CITIES or (len(units) >= 2 and not units[-2].endswith(("省", "自治区"))):
        return _sure("county", f"「{name}」是县级市,属县级", f"'{name}' is a county-level city")
    if bare in PREFECTURE_CITIES:
        return _sure("city", f"「{name}」是设区的市", f"'{name}' is a prefecture-level city")
    return _guess(
        "city",
        f"「{name}」按设区的市推断;如为县级市,层级应为 county,请核对",
        f"'{name}' guessed to be a prefecture-level city; a county-level city is 'county': confirm it",
    )


_BY_UNIT = {
    "特别行政区": "province",
    "自治区": "province",
    "省": "province",
    "自治州": "city",
    "地区": "city",
    "盟": "city",
    "州": "city",
    "自治县": "county",
    "自治旗": "county",
    "县": "county",
    "旗": "county",
    "区": "district",
}


def level_of_unit(name: str) -> LevelGuess | None:
    m = _UNIT.search(name)
    if m is None or m.group(1) not in _BY_UNIT:
        return None
    level = _BY_UNIT[m.group(1)]
    return _sure(level, f"「{name}」以「{m.group(1)}」结尾", f"'{name}' ends in '{m.group(1)}'")


LEVEL_RULES: tuple[Callable[[str], LevelGuess | None], ...] = (
    level_of_town,
    level_of_department,
    level_of_municipality,
    level_of_zone,
    level_of_city,
    level_of_unit,
)


def level_of(region: str) -> LevelGuess:
    """The level a body's name gives, how sure that is, and why."""
    name = _GOV_TAIL.sub("", region.strip())
    if name:
        for rule in LEVEL_RULES:
            found = rule(name)
            if found is not None:
                return found
    shown = region or "(未识别)"
    return LevelGuess(
        "",
        False,
        f"无法从名称「{shown}」判断层级",
        f"the level cannot be told from the name '{region or '(not found)'}'",
    )


def guess_level(region: str) -> str:
    """The level alone ("" when the name does not tell); see level_of for how sure it is."""
    return level_of(region).level


__all__ = ["LevelGuess", "detect_region", "detect_year", "guess_level", "is_furniture", "level_in_text", "level_of"]


# 濂阳市是省直辖、由鹤川市代管的县级市: the body's own name as the subject of what it is
_RANK_WORDS = {"县级市": "county", "地级市": "city", "设区的市": "city"}
_RANK_EN = {"县级市": "county-level city", "地级市": "prefecture-level city", "设区的市": "prefecture-level city"}


def level_in_text(doc: Doc, region: str, guess: LevelGuess) -> LevelGuess:
    """A name that only guesses its level (an unknown "…市") settled by the report's own words: "濂阳市是
    省直辖、由鹤川市代管的县级市" makes it a county-level city. The name must be the subject of 是/为/系 and the
    rank end that clause, so a city's report that names the 县级市 it oversees settles nothing."""
    name = _GOV_TAIL.sub("", region.strip())
    if guess.sure or not name:
        return guess
    ranks = "|".join(_RANK_WORDS)
    said = re.search(re.escape(name) + rf"(?:是|为|系)[^。；;,，]{{0,24}}?({ranks})(?=[。；;,，、]|$)", doc.folded)
    if said is None:
        return filed_with_another_city(doc, name, guess)
    rank = said.group(1)
    return _sure(_RANK_WORDS[rank], f"正文称「{name}」是{rank}", f"the report calls '{name}' a {_RANK_EN[rank]}")


# 均按规定报嘉州市人民政府和岑阳市人大常委会备案: a 市 that files with, or reports to, another 市's government
_TO_ANOTHER_CITY = re.compile(r"(?:报|报送|报请|提请)([\u4e00-\u9fff]{1,6}?市)(?:人民)?政府")


def filed_with_another_city(doc: Doc, name: str, guess: LevelGuess) -> LevelGuess:
    """A "…市" that files its documents with, or reports to, another named 市's government (报嘉州市人民政府…备案)
    answers to that city: a county-level city. A prefecture-level city files with its province; its own
    name, or one inside it, settles nothing."""
    if not name.endswith("市"):
        return guess
    for m in _TO_ANOTHER_CITY.finditer(doc.folded):
        upper = m.group(1)
        if upper not in name and name not in upper:
            return _sure(
                "county",
                f"正文称「{name}」报{upper}人民政府,是县级市",
                f"the report has '{name}' file with or report to {upper}'s government: a county-level city",
            )
    return guess
