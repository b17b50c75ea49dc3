"""Spelling: whether an item holds a question's term, exactly or as the documents write it.

Staff type 新能源车 for 新能源汽车 and ai for 人工智能; a term stands in an item when the item holds it
after normalisation, through the glossary (search/vocabulary.tsv) or the region a place lies in
(search/places.tsv: 长沙 in 长江中游城市群), or as a close written variant:
its characters in order within a short span, keeping its head and tail. A different word that
shares a part (军山新城 for 武汉新城) is not a variant.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..search.vocabulary import places, vocabulary
from .places import PLACE, names_place

SPAN_SLACK = 2  # characters a written variant may add between the term's characters (新能源[汽]车)
COUNT = r"[\d.]{1,6}[个项家座条所处批万亿]{0,2}"  # a figure the documents put inside a phrase: 突破[20项]关键核心技术
SPLIT_SLACK = 4  # characters a modifier may put between a four-character term's two words


def spelled_in(term: str, text: str) -> bool:
    """Exact, through the glossary, or the term's characters in order within a short span."""
    term = term.lower()
    if term in text:
        return True
    if any(means in text for means in glossary().get(term, ())):
        return True
    if len(term) < 3:
        return False
    if PLACE.fullmatch(term):  # 江夏区 in 黄陂、江夏、新洲区人民政府
        return names_place(term, text)
    if _shares_head_and_tail(term, text) and variant_pattern(term).search(text) is not None:  # cheap test first
        return True
    return len(term) == 4 and split_pattern(term).search(text) is not None


@lru_cache(maxsize=4096)
def split_pattern(term: str) -> re.Pattern[str]:
    """A four-character term as its two words with a short modifier between (发挥作用 in 发挥统筹抓总作用)."""
    return re.compile(f"{re.escape(term[:2])}[^，。；;,、]{{0,{SPLIT_SLACK}}}{re.escape(term[2:])}")


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """vocabulary.tsv and places.tsv as term → the documents' words for it."""
    found: dict[str, tuple[str, ...]] = {}
    for word, means in (*vocabulary(), *places()):
        found[word] = (*found.get(word, ()), means)
    return found


@lru_cache(maxsize=4096)  # compiled once per term, as re's own cache would, only larger
def variant_pattern(term: str) -> re.Pattern[str]:
    gap = "".join(f"{re.escape(ch)}(?:[^，。；;,]{{0,{SPAN_SLACK}}}|{COUNT})" for ch in term[:-1]) + re.escape(term[-1])
    return re.compile(gap)


def _shares_head_and_tail(term: str, text: str) -> bool:
    """A written variant keeps the term's first and last two characters (新能源车 → 新能源汽车)."""
    return term[:2] in text and term[-1] in text
