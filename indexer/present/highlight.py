"""Matched words marked in document text, as safe HTML: every character of the text is escaped
first-hand; only our own `<mark>` tags are added, so nothing in a document can become markup."""
from __future__ import annotations

import html
import re

STOP = {"哪些", "单位", "负责", "牵头", "任务", "什么", "多少", "如何", "怎么", "有关", "相关", "工作", "建设",
        "今年", "年度", "方面", "情况", "问题", "目标"}


def words_to_mark(question: str, text: str, tokenize=None, limit: int = 12) -> list[str]:
    """Words of the question (two characters or more, not filler) that the text contains, longest first."""
    question = " ".join(question.split())
    if not question:
        return []
    tokens = list(tokenize(question)) if tokenize else re.findall(r"[\w]{2,}", question)
    found = []
    for token in tokens:
        token = token.strip()
        if len(token) >= 2 and token not in STOP and not re.fullmatch(r"\d+年?", token) and token in text:
            found.append(token)
    found = sorted(set(found), key=lambda w: (-len(w), w))
    kept = [w for n, w in enumerate(found) if not any(w in longer for longer in found[:n])]   # 数据 inside 市数据局
    return kept[:limit]


def highlight_html(text: str, words: list[str]) -> str:
    """`text` as HTML with each occurrence of `words` wrapped in <mark>; everything else escaped."""
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(f"<mark>{html.escape(match.group())}</mark>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)
