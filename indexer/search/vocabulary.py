"""Staff's words for the documents' terms: the reviewed glossary (vocabulary.tsv) and English mixed into a question.

Staff type 煤气 for the documents' 燃气 and mix English in (the Yangtze River Delta, 数据 Bureau, No.2
proposal); each is read as the documents' own term before a question is understood.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..foundation.tsv import read_tsv

VOCABULARY = Path(__file__).with_name("vocabulary.tsv")
PLACES = Path(__file__).with_name("places.tsv")
UNIT_SUFFIXES = (("bureau", "局"), ("commission", "委"), ("office", "办"))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[tuple[str, str], ...]:
    """(term, the documents' term), longest first; reviewed entries with sources in vocabulary.tsv."""
    rows = read_tsv(VOCABULARY)
    return tuple(sorted(((r["term"], r["means"]) for r in rows if r.get("term")), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1)
def places() -> tuple[tuple[str, str], ...]:
    """(place, a region the documents write that holds it): 长沙 is held by 长江中游城市群. Read only to
    decide whether an item holds a question's word, never to rewrite the question (上海的房价 stays 上海)."""
    return tuple((r["place"], r["region"]) for r in read_tsv(PLACES) if r.get("place"))


NUMBERED = re.compile(r"(?i)(?<![a-z])no\.\s*(\d+)(?!\d)")


def translate_english(text: str) -> str:
    """Staff mix English words into Chinese questions; map them to the documents' own terms, and a
    unit's English suffix to its Chinese one (数据 Bureau → 数据局)."""
    text = NUMBERED.sub(r"\1号", text)  # No.2 proposal → 2号 建议案
    for word, pattern, chinese in _english_patterns():
        if word in text.lower():  # a pattern only matches where its word is: most are never tried
            text = pattern.sub(chinese, text)
    for word, suffix in UNIT_SUFFIXES:
        if word in text.lower():
            text = re.sub(rf"(?i)([\u4e00-\u9fff])\s*{word}(?![a-z])", rf"\g<1>{suffix}", text)
    return text


@lru_cache(maxsize=1)
def _english_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The glossary's words compiled once, in its order: compiled per question, they crowded re's own
    cache out and were compiled again on every question."""
    return tuple(
        (word.lower(), re.compile(rf"(?i)(?<![a-z]){re.escape(word)}(?:s|es)?(?![a-z])"), chinese)  # jobs, parks
        for word, chinese in vocabulary()
    )
