"""A legal basis as cited, in Chinese as the pack writes it and in English with its places in words
("《行政诉讼法》 Art. 3 para. 3")."""

from __future__ import annotations

import re

from hulifa.messages.figures import has_chinese, quote
from hulifa.model import Basis
from hulifa.quantity import format_number, parse_chinese_number

# Only English citations read these, so they are left to re's own cache, compiled when first used:
# compiling the four at import (their Chinese numerals make large character sets) took 1.1 ms of
# every start (least of 30 at load 7), Chinese runs included.
_TITLE = r"《[^》]+》(?:[(（][^)）]*[)）])?"
_NUMERAL = "[0-9零〇一二两三四五六七八九十百千]+"
_ARTICLE = rf"第({_NUMERAL})(条|章|节|款|项|部分)"
_REFERENCE = rf"(?:第{_NUMERAL}(?:条|章|节|款|项|部分))+"  # one place: 第六十二条第一款
_GLOSS = r"[(（]([^)）]*)[)）]"
_ITEM = r"^[(（]([零〇一二两三四五六七八九十百]+)[)）]"
_ITEMS = r"[(（]([零〇一二两三四五六七八九十百]+)[)）]"
_PART_WORDS = {"条": "Art.", "章": "Ch.", "节": "Sec.", "款": "para.", "项": "item", "部分": "Part"}
_PLURAL_WORDS = {"Art.": "Arts.", "Ch.": "Chs.", "Sec.": "Secs.", "para.": "paras.", "item": "items", "Part": "Parts"}


def _arabic(numeral: str) -> str:
    return numeral if numeral.isdigit() else format_number(parse_chinese_number(numeral))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _places(text: str) -> str:
    """The places `text` cites, in English: "Art. 62 para. 1", "Arts. 4 and 24" (第四条、第二十四条),
    "Art. 3 para. 3 and Art. 5"; "" when it cites none."""
    places = [re.findall(_ARTICLE, one) for one in re.findall(_REFERENCE, text)]
    if not places:
        return ""
    kinds = {place[0][1] for place in places}
    if len(places) > 1 and len(kinds) == 1 and all(len(place) == 1 for place in places):
        return f"{_PLURAL_WORDS[_PART_WORDS[kinds.pop()]]} {_and([_arabic(place[0][0]) for place in places])}"
    return _and([" ".join(f"{_PART_WORDS[kind]} {_arabic(n)}" for n, kind in place) for place in places])


def article(text: str, lang: str) -> str:
    """An article as cited: "第六十二条第一款" / "Art. 62 para. 1", "第四条、第二十四条" / "Arts. 4 and
    24", "(二)(三)(七)" / "items (2), (3) and (7)". In English a Chinese gloss in brackets ("第四章
    (年度报告)") is left out unless it cites a place itself ("第五十一条 (2015年版 第四十二条)" / "Art. 51
    (Art. 42 of the 2015 version)"); so is an article with no number."""
    if lang != "en" or not has_chinese(text):
        return text
    if re.match(_ITEM, text.strip()):
        items = [f"({_arabic(n)})" for n in re.findall(_ITEMS, text)]
        return f"{'item' if len(items) == 1 else 'items'} {_and(items)}"
    said = _places(re.sub(_GLOSS, " ", text))
    for gloss in re.findall(_GLOSS, text):
        places = _places(gloss)
        if places:
            version = re.search(r"(\d{4})年版", gloss)
            said += f" ({places} of the {version.group(1)} version)" if version else f" ({places})"
    return said.strip()


def _in_brackets(text: str) -> bool:
    return len(re.findall(r"[(（]", text)) > len(re.findall(r"[)）]", text))


def document(text: str, lang: str) -> str:
    """A document as cited. In English: each 《title》 (and its number) with the places cited after it
    ("《行政诉讼法》 Art. 3 para. 3"), several documents parted by "; "; a source without a title, as the
    rule pack words it, quoted (“地方实践”): what the basis rests on is always said."""
    if lang != "en" or not has_chinese(text):
        return text
    said = []
    for part in re.split(r"[;；]", text):
        titles = list(re.finditer(_TITLE, part))
        # a title in brackets is an example of the source ("地方规定 (如 …《…》…)"), not the source
        if not titles or any(_in_brackets(part[: title.start()]) for title in titles):
            if part.strip():
                said.append(quote(part.strip(), lang))
            continue
        for title, after in zip(titles, [*titles[1:], None], strict=True):
            places = _places(part[title.end() : after.start() if after else len(part)])
            said.append(f"{title.group()} {places}".strip())
    return "; ".join(said)


def citation(basis: Basis, lang: str) -> str:
    """The basis as `document article`, in `lang` (see document and article)."""
    return f"{document(basis.document, lang)} {article(basis.article, lang)}".strip()
