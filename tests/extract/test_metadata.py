"""Year, reporting body and level, from a report's own title and first sentence: one table per rule."""

from __future__ import annotations

import pytest

from hulifa.extract.document import Doc
from hulifa.extract.metadata import detect_region, detect_year, is_furniture, level_of


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("某某县2023年度法治政府建设工作报告\n正文。\n", 2023),
        ("2024年,某某县坚持依法行政。\n", 2024),
        # a plan's range in 《…》 or (…) is not the year reported on
        ("关于贯彻《法治政府建设实施纲要(2015—2020年)》的报告\n2016年,我市坚持依法行政。\n", 2016),
        ("某市落实《实施方案(2021-2025年)》情况\n今年以来,2023年各项工作有序推进。\n", 2023),
        # a portal's date line is page furniture, and a numbered part is not the title
        ("今天是:2025年3月18日 星期二\n青禾区2024年法治政府建设年度报告\n", 2024),
        ("某县工作报告\n一、2025年法治政府建设主要安排\n2024年,全县依法行政。\n", 2024),
        ("没有年份的文字。\n", None),
        # a formal title writes the year in Chinese digits; the next-year plan's 2025 comes later
        ("中共某区委 某区人民政府关于二〇二四年度法治政府建设情况的报告\n一年来,…\n二、2025年工作安排\n", 2024),
        ("某县二零二三年度法治政府建设报告\n", 2023),
    ],
)
def test_year(text: str, year: int | None) -> None:
    assert detect_year(Doc.of(text)) == year


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("某某县人民政府关于2023年度法治政府建设工作情况的报告\n", "某某县"),
        ("2024年,湖里区坚持依法行政。\n", "湖里区"),
        ("首页 > 政务公开 > 澜州市人民政府 > 法治政府\n2024年,青禾区坚持依法行政。\n", "青禾区"),
        ("澜州市人民政府门户网站\n2024年,我区坚持依法行政。\n", ""),  # the portal is not the body
        ("2024年,我县坚持依法行政。\n", ""),
        # a 街道办事处 names itself in full; the first sentence's "东湖街道在区委…领导下" is not the body
        ("青溪区东湖街道办事处2024年度法治政府建设报告\n2024年,东湖街道在区委、区政府的领导下…\n", "青溪区东湖街道"),
        # a joint Party and government report is the government's
        ("中共石港区委 石港区人民政府关于二〇二四年度法治政府建设情况的报告\n", "石港区"),
        # a title in Markdown emphasis, as a WeChat repost writes it
        ("点击蓝字 关注我们\n**岚山省生态环境厅2024年度法治政府建设情况报告**\n", "岚山省生态环境厅"),
        ("## 某县人民政府2024年度法治政府建设情况报告\n", "某县"),
        # a portal page: site name, menu and breadcrumb above the title
        (
            "某县人民政府欢迎访问\n网站首页\n信息公开\n部门文件\n县市场监管局\n"
            "某县市场监督管理局2023年度法治政府建设工作报告\n",
            "某县市场监督管理局",
        ),
        # a gazette page: its header and the previous item's tail, then the title
        (
            "某省人民政府公报\t2025年第8期\n执行中遇到的问题及时报告。\n某省人民政府办公厅\n2025年3月28日\n（某政办发〔2025〕6号）\n"
            "某省水利厅2024年度法治政府建设情况报告\n",
            "某省水利厅",
        ),
        # further down, a name over a date is not a title
        ("标题\n栏目\n栏目\n栏目\n某某县人民政府\n2024年3月1日\n", "某某县"),
        # a news item names the report in 《…》
        (
            "某某新闻网 > 时政\n某市公布2024年度法治政府建设成绩单\n"
            "记者获悉,《青峰市人民政府关于2024年度法治政府建设情况的报告》日前公开。\n",
            "青峰市",
        ),
        ("记者获悉,《法治政府建设实施纲要（2021—2025年）》落实情况良好。\n", ""),
        # the title names no body: the signature above the date does
        (
            "2025年度法治政府建设工作情况报告\n2025年,我街道扎实推进法治建设。\n一、主要工作\n"
            "云溪区桂山街道办事处\n2026年3月10日\n相关链接\n",
            "云溪区桂山街道",
        ),
        ("2024年度法治政府建设情况报告\n正文。\n岭西省水利厅\n二〇二五年三月二十日\n", "岭西省水利厅"),
        # a county of one character signs as well
        ("2024年度法治政府建设情况报告\n正文。\n沛县人民政府\n2025年3月20日\n", "沛县"),
        ("2024年度法治政府建设情况报告\n正文。\n萧县司法局\n2025年3月20日\n", "萧县司法局"),
        # an unqualified short name (县市场监管局) is not read as a place
        ("2023年度法治政府建设工作报告\n正文。\n县市场监管局\n2024年2月27日\n", ""),
    ],
)
def test_region(text: str, region: str) -> None:
    assert detect_region(Doc.of(text)) == region


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("首页 > 政务公开 > 法治政府建设", True),
        ("当前位置:首页", True),
        ("今天是:2025年3月18日 星期二", True),
        ("某某市人民政府门户网站", True),
        ("2024年,某某县坚持依法行政,全年办理案件>100件。", False),
    ],
)
def test_furniture(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture


@pytest.mark.parametrize(
    ("name", "level", "sure"),
    [
        ("北京市", "province", True),
        ("上海市", "province", True),
        ("天津市", "province", True),
        ("重庆市人民政府", "province", True),
        ("北京市海淀区", "district", True),
        ("福建省", "province", True),
        ("广西壮族自治区", "province", True),
        ("厦门市", "city", True),
        ("湖州市", "city", True),
        ("延边朝鲜族自治州", "city", True),
        ("石狮市", "county", True),  # 县级市
        ("福建省晋江市", "county", True),
        ("泉州市某某市", "county", True),  # a 市 under another 市 is county level
        ("某某市", "city", False),  # unknown: a guess, marked as one
        ("某某县", "county", True),
        ("湖里区", "district", True),
        ("某某新区", "district", False),
        ("某某镇", "town", True),
        ("某某乡人民政府", "town", True),
        ("江头街道", "town", True),
        ("某某街道办事处", "town", True),
        ("厦门市司法局", "department", True),
        ("市发改委", "department", True),
        ("某某县市场监督管理局", "department", True),
        ("", "", False),
        ("某某", "", False),
    ],
)
def test_level_of(name: str, level: str, sure: bool) -> None:
    guess = level_of(name)
    assert (guess.level, guess.sure) == (level, sure)
    assert guess.why_zh and guess.why_en  # every answer says why, so a guess is never silent


@pytest.mark.parametrize(
    ("region", "text", "level", "sure"),
    [
        # a name that only guesses its level, settled by the report calling itself a 县级市
        ("濂阳市人民政府", "濂阳市是省直辖、由鹤川市代管的县级市,辖十一个镇。", "county", True),
        ("濂阳市", "濂阳市为地级市,辖三区二县。", "city", True),
        # a city naming the 县级市 it oversees says nothing of itself
        ("鹤川市人民政府", "鹤川市代管濂阳市等两个县级市。", "city", False),
        ("鹤川市", "全市共有县级市2个。", "city", False),
        # a 市 that files with another named 市's government answers to it: a county-level city
        ("岑阳市人民政府", "制发的规范性文件均按规定报嘉州市人民政府和岑阳市人大常委会备案。", "county", True),
        ("嘉州市人民政府", "督促各县(市、区)将规范性文件报市政府备案。", "city", False),
        ("嘉州市", "规范性文件均按规定报省人民政府和嘉州市人大常委会备案。", "city", False),
        ("嘉州市", "岑阳市规范性文件报嘉州市人民政府备案。", "city", False),  # its own name: a 县级市 filing with it
        # a name that already settles its level is not read again
        ("某某县", "某某县是县级市。", "county", True),
    ],
)
def test_level_in_text(region: str, text: str, level: str, sure: bool) -> None:
    from hulifa.extract.metadata import level_in_text

    found = level_in_text(Doc.of(text), region, level_of(region))
    assert (found.level, found.sure) == (level, sure)
