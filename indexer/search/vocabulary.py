"""Staff's words for the documents' terms: the reviewed glossary (vocabulary.tsv) and English mixed into a question.

Staff type 煤气 for the documents' 燃气 and mix English in (the Yangtze River Delta, 数据 Bureau, No.2
proposal); each is read as the documents' own term before a question is understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


WHOLE = "whole"  # vocabulary.tsv's `match` column: the term is read only where jieba's cut holds it whole
NUMBERED = re.compile(r"(?i)(?<![a-z])no\.\s*(\d+)(?!\d)")


def translate_english(text: str, words: Callable[[str], list[str]] | None = None) -> str:
    """Staff mix English words into Chinese questions; map them to the documents' own terms, and a
    unit's English suffix to its Chinese one (数据 Bureau → 数据局). Staff's Chinese words for the documents'
    terms are read as those terms too; a row marked `whole` only where the question's words (`words`, jieba's
    cut) hold it whole."""
    text = NUMBERED.sub(r"\1号", text)  # No.2 proposal → 2号 建议案
    if words is not None:
        text = _translate_whole(text, words)
    lower = text.lower()
    for word, pattern, chinese in _english_patterns():
        if word in lower:  # a pattern only matches where its word is: most are never tried
            text = pattern.sub(chinese, text)
            lower = text.lower()
    for word, suffix in UNIT_SUFFIXES:
        if word in lower:
            text = re.sub(rf"(?i)([\u4e00-\u9fff])\s*{word}(?![a-z])", rf"\g<1>{suffix}", text)
            lower = text.lower()
    return text


def _translate_whole(text: str, words: Callable[[str], list[str]]) -> str:
    """Each `whole` row's term that starts and ends on word boundaries of the question: 里分 is not in
    建议案|里|分别, 暑假托管 not in 寒暑假|托管, 招牌 not in 招牌菜. Longest terms first, none overlapping."""
    rows = [(term, means) for term, means in _whole_rows() if term in text]
    if not rows:  # most questions hold no such term: no cut to line up
        return text
    bounds, at, lower = {0}, 0, text.lower()
    for word in words(text):
        at = lower.find(word, at)
        if at < 0:
            return text  # the cut does not line up with the text: leave it as typed
        bounds |= {at, at + len(word)}
        at += len(word)
    taken: list[tuple[int, int, str]] = []
    for term, means in rows:
        for match in re.finditer(re.escape(term), text):
            start, end = match.span()
            if start in bounds and end in bounds and not any(s < end and start < e for s, e, _ in taken):
                taken.append((start, end, means))
    for start, end, means in sorted(taken, reverse=True):
        text = text[:start] + means + text[end:]
    return text


@lru_cache(maxsize=1)
def _whole_rows() -> tuple[tuple[str, str], ...]:
    """The rows read only as whole words, longest first (the first row per term)."""
    whole = {r["term"] for r in read_tsv(VOCABULARY) if r.get("match") == WHOLE}
    rows: dict[str, str] = {}
    for term, means in vocabulary():
        if term in whole:
            rows.setdefault(term, means)
    return tuple(rows.items())


@lru_cache(maxsize=1)
def _english_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The glossary's words compiled once, in its order: compiled per question, they crowded re's own
    cache out and were compiled again on every question."""
    whole = {term for term, _ in _whole_rows()}
    return tuple(
        (word.lower(), re.compile(rf"(?i)(?<![a-z]){re.escape(word)}(?:s|es)?(?![a-z])"), chinese)  # jobs, parks
        for word, chinese in vocabulary()
        if word not in whole
    )
