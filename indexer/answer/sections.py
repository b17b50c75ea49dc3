"""A part of a document asked beside a unit, by its number or by the words of its headings.

Staff narrow a unit's items to one part of a plan: by its number (第(一)部分, 第二部分(二)创新体系那一块) or by
naming what the part covers (城市能级、都市圈、区域协同这一大部分; 扩内需那部分（促消费、稳投资、外贸）). A part is a
numbered heading, (一) … (十一), with the headings under it; the words name the part whose headings hold the
most of them, and only when one part holds more than any other.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from ..records import Item

PART_NUMBER = re.compile(r"[(（]([一二三四五六七八九十]{1,3})[)）]")
TOP_NUMBER = re.compile(r"第([一二三四五六七八九十])(?:大)?部分")
PART_SAID = re.compile(r"(?:这|那)?一?大?几?(?:部分|块|板块|章|篇|节)")
WHOLE = re.compile(r"大|章|篇")  # 那一大块, 那一章: the whole part, not the headings under it that the words name
PIECES = re.compile(r"[、，,和及与()（）\s]+")
CLAUSE_END = re.compile(r"[，,。？?！!；;]")
LEAD_IN = re.compile(r"[在年的里]")  # what leads into a list's first piece: a unit, a year, 在
DOCUMENT_SAID = re.compile(r"方案|建议案|通知|报告|文件")  # 分解方案第三部分: the document, not the part
ASKING = frozenset("几条 哪几条 哪些 那些 什么 条目 任务 配合 牵头 负责 参与".split())
NAMED = 2  # words of a list that must point at one part
THEME_HELD = 0.6  # the share of the piece's weight a sub-heading must hold to be the part said
BRACKET_NEAR = 8  # characters after the part's word within which its bracket opens (第三部分（新质生产力那章）)


def part_items(question: str, items: Iterable[Item], words: Callable[[str], list[str]]) -> set[str] | None:
    """The ids of the items in the part asked, or None when no part is asked."""
    items = list(items)
    numbered = PART_NUMBER.search(question)
    if numbered:
        return _numbered(question, numbered.group(1), TOP_NUMBER.search(question), items, words)
    top = TOP_NUMBER.search(question)
    if top and not any(i.path and i.path[0].startswith(top.group(1) + "、") for i in items if i.units):
        return _as_section(question, top, items, words)  # 第三部分 of a plan in two parts: its (三)
    return _named(question, items, words)


def _as_section(
    question: str, top: re.Match[str], items: list[Item], words: Callable[[str], list[str]]
) -> set[str] | None:
    """第N部分 where the documents have no N、: the section (N), when the words said with it (before it, in its
    brackets, after it in its clause) name nothing or something its own heading holds (25年第三部分服务型政府那几条
    is no part of 2025's (三) 新质生产力)."""
    chosen = _numbered(question, top.group(1), None, items, words, at=top.start())
    after = CLAUSE_END.split(question[top.end() :])[0]
    said = _pieces(_clause(question, top.start()), question[top.end() :]) + PIECES.split(after)
    terms = {w for p in said if not DOCUMENT_SAID.search(p) for w in words(PART_SAID.sub("", p)) if len(w) >= 2}
    terms -= ASKING
    heads = {p for i in items if i.id in chosen for p in i.path if p.startswith(f"({top.group(1)})")}
    return chosen if not terms or any(t in h for t in terms for h in heads) else None


def _numbered(
    question: str,
    number: str,
    top: re.Match[str] | None,
    items: list[Item],
    words: Callable[[str], list[str]],
    at: int | None = None,
) -> set[str]:
    """The part of that number; in several documents (a plan's and the 建议案's (一)), those whose headings
    hold the most of the words said with it (扩内需、稳投资、促外贸的第(一)部分)."""
    mark, head = f"({number})", f"{top.group(1)}、" if top else ""
    parts: dict[str, list[Item]] = {}
    for i in items:
        part = next((p for p in i.path if p.startswith(mark)), None)
        if part and (not head or (i.path and i.path[0].startswith(head))):
            parts.setdefault(i.doc_id, []).append(i)
    start = question.index(mark) if at is None else at
    pieces = _pieces(_clause(question, start), question[start:])
    scores = {d: _held(pieces, mark, members, words) for d, members in parts.items()}
    best = max(scores.values(), default=0)
    return {i.id for d, members in parts.items() if scores[d] == best for i in members}


def _pieces(before: str, after: str) -> list[str]:
    """The words said with a part: the list before it and what its brackets hold after (第三部分（新质生产力那章）),
    each without what leads into it (卫健委25年在制造业 → 制造业) or the word for a part (那章)."""
    bracket = re.search(r"[（(]([^）)]{2,30})[）)]", after)
    bracket = bracket if bracket and bracket.start() <= BRACKET_NEAR else None
    listed = PIECES.split(before + "、" + (bracket.group(1) if bracket else ""))
    return [p for p in (LEAD_IN.split(PART_SAID.sub("", p))[-1] for p in listed) if len(p) >= 2]


def _clause(question: str, at: int) -> str:
    return CLAUSE_END.split(question[:at])[-1]


def _named(question: str, items: list[Item], words: Callable[[str], list[str]]) -> set[str] | None:
    said = PART_SAID.search(question)
    if not said:
        return None
    pieces = _pieces(_clause(question, said.start()), question[said.end() :])
    parts: dict[tuple[str, str], list[Item]] = {}
    for item in items:
        part = next((p for p in item.path if PART_NUMBER.match(p)), None)
        if part:
            parts.setdefault((item.doc_id, part), []).append(item)
    theme = None if WHOLE.search(said.group()) else _one_theme(pieces, items, words)  # 那一大章: the whole part
    if theme is not None:  # 提升城市品质那部分, 服务业中心那一节: the sub-heading under a part that holds the words
        return theme
    heading = _one_heading(pieces, parts, words)
    if heading is not None:  # 产业发展那块: every word in one part's own heading
        return {i.id for i in parts[heading]}
    board = said.group().endswith(("板块", "章", "篇"))  # 制造业板块, 做强制造业那一大章 name one part outright
    if not pieces or (len(pieces) < NAMED and not board):
        return None
    scores = {key: _held(pieces, key[1], members, words, stems=board) for key, members in parts.items()}
    best = max(scores.values(), default=0)
    chosen = [key for key, score in scores.items() if score == best]
    if len(chosen) > 1:  # 做强制造业服务业那一大章: the part whose headings hold more of the words
        held = {key: _words_held(pieces, key[1], parts[key], words) for key in chosen}
        chosen = [key for key in chosen if held[key] == max(held.values())]
    if best < (1 if board else NAMED) or len(chosen) != 1:
        return None
    (_, part), members = chosen[0], parts[chosen[0]]
    if any(piece in part for piece in pieces) or WHOLE.search(said.group()):  # 城市能级、都市圈这一大部分, 那一章
        return {i.id for i in members}
    within = [i for i in members if _held(pieces, "", [i], words, below=part)]  # 都市圈一体化和区域协同发展这两块
    return {i.id for i in within or members}


def _one_theme(pieces: list[str], items: list[Item], words: Callable[[str], list[str]]) -> set[str] | None:
    """The items under the one sub-heading (a theme below a numbered part: 持续提升城市品质, ——加快打造新时代制造强市)
    whose words weigh most of the one piece said, rarer words weighing more (枢纽 over 建设); none on a tie."""
    said = [w for w in words(pieces[0]) if len(w) >= 2 and w not in ASKING] if len(pieces) == 1 else []
    themes: dict[str, list[Item]] = {}
    for item in items:
        for heading in item.path[2:]:
            themes.setdefault(heading, []).append(item)
    above = {h for item in items for h in item.path[:2]}  # 重点工作那部分 names a part, not a theme under it
    piece = re.sub(r"[“”\"「」『』]", "", pieces[0]) if pieces else ""
    if len(said) < NAMED or len(piece) < 4 or not themes or any(piece in h for h in above):  # 服务业这一块: too little
        return None
    weight = {w: math.log((1 + len(themes)) / (1 + sum(w in h for h in themes))) for w in said}
    scores = {h: sum(weight[w] for w in said if w in h) for h in themes}
    best = max(scores.values())
    chosen = [h for h, score in scores.items() if score == best]
    if len(chosen) != 1 or best <= 0 or best < THEME_HELD * sum(weight.values()):
        return None
    return {i.id for i in themes[chosen[0]]}


def _one_heading(
    pieces: list[str], parts: dict[tuple[str, str], list[Item]], words: Callable[[str], list[str]]
) -> tuple[str, str] | None:
    """The one part whose own heading holds every word of the one piece said (产业发展 in (二)著力发展产业)."""
    said = [w for w in words(pieces[0]) if len(w) >= 2] if len(pieces) == 1 else []
    holding = [key for key in parts if said and all(w in key[1] for w in said)]
    return holding[0] if len(holding) == 1 else None


def _words_held(pieces: list[str], part: str, members: list[Item], words: Callable[[str], list[str]]) -> int:
    headings = " ".join({h for i in members for h in i.path[_at(i.path, part) :]})
    return sum(w in headings for piece in pieces for w in words(piece) if len(w) >= 2)


def _at(path: tuple[str, ...], part: str) -> int:
    return next((n for n, p in enumerate(path) if p.startswith(part)), len(path))


def _held(
    pieces: list[str],
    part: str,
    members: list[Item],
    words: Callable[[str], list[str]],
    below: str = "",
    stems: bool = False,
) -> int:
    """How many of the pieces the part's headings hold, whole or by one of their words (促消费 by 消费); with
    `below`, only the headings under that part, where a piece's first two characters also do (制造业 in 制造强市)."""
    start = below or part
    headings = " ".join({h for i in members for h in i.path[_at(i.path, start) + (1 if below else 0) :]})
    said = [
        (piece, [w for w in words(piece) if len(w) >= 2] + ([piece[:2]] if below or stems else [])) for piece in pieces
    ]
    return sum(piece in headings or any(w in headings for w in parts) for piece, parts in said)
