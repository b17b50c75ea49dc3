"""Matched words marked in document text, as safe HTML: every character of the text is escaped
first-hand; only our own `<mark>` tags are added, so nothing in a document can become markup."""

from __future__ import annotations

import html
import re

STOP = {
    "哪些",
    "单位",
    "负责",
    "牵头",
    "任务",
    "什么",
    "多少",
    "如何",
    "怎么",
    "有关",
    "相关",
    "工作",
    "建设",
    "今年",
    "年度",
    "方面",
    "情况",
    "问题",
    "目标",
}


PARTICLES = "谁的和与及是在有了吗呢么哪啥"
_CUT = re.compile("|".join(sorted(STOP, key=len, reverse=True)) + f"|[{PARTICLES}]|[^\\w]+")


def rough_words(question: str) -> list[str]:
    """Without a tokenizer: the stretches between filler words and particles (`低空经济谁负责` → 低空经济)."""
    return [w for w in _CUT.split(question) if len(w) >= 2]


def words_to_mark(question: str, text: str, tokenize=None, limit: int = 12) -> list[str]:
    """Words of the question (two characters or more, not filler) that the text contains, longest first."""
    question = " ".join(question.split())
    if not question:
        return []
    tokens = list(tokenize(question)) if tokenize else rough_words(question)
    found = [
        w
        for w in (t.strip() for t in tokens)
        if len(w) >= 2 and w not in STOP and not re.fullmatch(r"\d+年?", w) and w in text
    ]
    found = sorted(set(found), key=lambda w: (-len(w), w))
    kept = [w for n, w in enumerate(found) if not any(w in longer for longer in found[:n])]  # 数据 inside 市数据局
    return kept[:limit]


def spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the words stand in the text; touching or overlapping stretches joined, so
    城市|数字|公共|基础设施 read as one marked phrase."""
    merged: list[list[int]] = []
    for start, end in sorted(
        (m.start(), m.start() + len(w)) for w in words if w for m in re.finditer(re.escape(w), text)
    ):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def marked_phrases(text: str, words: list[str]) -> list[str]:
    """The distinct marked stretches, in text order (for a caption under the text)."""
    return list(dict.fromkeys(text[a:b] for a, b in spans(text, words)))


def highlight_html(text: str, words: list[str]) -> str:
    """`text` as HTML with each marked stretch wrapped in <mark>; everything else escaped."""
    out, last = [], 0
    for start, end in spans(text, words):
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)
