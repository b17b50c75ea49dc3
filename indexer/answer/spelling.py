"""Spelling: whether an item holds a question's term, exactly or as the documents write it.

Staff type 新能源车 for 新能源汽车 and ai for 人工智能; a term stands in an item when the item holds it
after normalisation, through the glossary (search/vocabulary.tsv) or the region a place lies in
(search/places.tsv: 长沙 in 长江中游城市群), or as a close written variant:
its characters in order within a short span, keeping its head and tail. A different word that
shares a part (军山新城 for 武汉新城) is not a variant.
"""

from __future__ import annotations

from functools import lru_cache

from ..search.vocabulary import places, vocabulary
from .places import PLACE, names_place

SPAN_SLACK = 2  # characters a written variant may add between the term's characters (新能源[汽]车)
# A figure the documents put inside a phrase (突破[20项]关键核心技术): up to six digits, then measure words.
FIGURE_CHARS, FIGURE_MEASURES, FIGURE_LENGTH = frozenset("0123456789."), frozenset("个项家座条所处批万亿"), 6
SPLIT_SLACK = 4  # characters a modifier may put between a four-character term's two words
STOPS = frozenset("，。；;,")  # a variant never reaches over a clause


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
    if _shares_head_and_tail(term, text) and variant_in(term, text):  # cheap test first
        return True
    return len(term) == 4 and split_in(term, text)


def split_in(term: str, text: str) -> bool:
    """A four-character term as its two words with a short modifier between (发挥作用 in 发挥统筹抓总作用)."""
    head, tail = term[:2], term[2:]
    at = text.find(head)
    while at != -1:
        for gap in range(at + 2, min(at + 2 + SPLIT_SLACK, len(text)) + 1):
            if text.startswith(tail, gap):
                return True
            if gap < len(text) and (text[gap] in STOPS or text[gap] == "、"):
                break
        at = text.find(head, at + 1)
    return False


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """vocabulary.tsv and places.tsv as term → the documents' words for it."""
    found: dict[str, tuple[str, ...]] = {}
    for word, means in (*vocabulary(), *places()):
        found[word] = (*found.get(word, ()), means)
    return found


def variant_in(term: str, text: str) -> bool:
    """The term's characters in order, each within SPAN_SLACK characters of the last or after a figure.
    Walked by hand, not as a regular expression: compiling one per term cost more than the search."""

    def rest(k: int, pos: int) -> bool:
        return k == len(term) or any(rest(k + 1, end + 1) for end in _next_at(text, pos, term[k]))

    at = text.find(term[0])
    while at != -1:
        if rest(1, at + 1):
            return True
        at = text.find(term[0], at + 1)
    return False


def _next_at(text: str, pos: int, ch: str) -> list[int]:
    """Where ch may stand after pos: within SPAN_SLACK characters short of a stop, or after a figure
    and at most two measure words."""
    ends = []
    for end in range(pos, min(pos + SPAN_SLACK + 1, len(text))):
        if text[end] == ch:
            ends.append(end)
        if text[end] in STOPS:
            break
    end = pos
    while end < len(text) and end - pos < FIGURE_LENGTH and text[end] in FIGURE_CHARS:
        end += 1
        tail = end
        for _ in range(3):
            if tail < len(text) and text[tail] == ch and tail not in ends:
                ends.append(tail)
            if tail >= len(text) or text[tail] not in FIGURE_MEASURES:
                break
            tail += 1
    return ends


def _shares_head_and_tail(term: str, text: str) -> bool:
    """A written variant keeps the term's first and last two characters (新能源车 → 新能源汽车)."""
    return term[:2] in text and term[-1] in text
