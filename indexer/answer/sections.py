"""A part of a document asked beside a unit, by its number or by the words of its headings.

Staff narrow a unit's items to one part of a plan: by its number (第(一)部分, 第二部分(二)创新体系那一块) or by
naming what the part covers (城市能级、都市圈、区域协同这一大部分; 扩内需那部分（促消费、稳投资、外贸）). A part is a
numbered heading, (一) … (十一), with the headings under it; the words name the part whose headings hold the
most of them, and only when one part holds more than any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..records import Item

PART_NUMBER = re.compile(r"[(（]([一二三四五六七八九十]{1,3})[)）]")
TOP_NUMBER = re.compile(r"第([一二三四五六七八九十])(?:大)?部分")
PART_SAID = re.compile(r"(?:这|那)?一?大?几?(?:部分|块|板块)")
PIECES = re.compile(r"[、，,和及与()（）\s]+")
CLAUSE_END = re.compile(r"[，。？?！!；;]")
LEAD_IN = re.compile(r"[在年的里]")  # what leads into a list's first piece: a unit, a year, 在
NAMED = 2  # words of a list that must point at one part


def part_items(question: str, items: Iterable[Item], words: Callable[[str], list[str]]) -> set[str] | None:
    """The ids of the items in the part asked, or None when no part is asked."""
    items = list(items)
    numbered = PART_NUMBER.search(question)
    if numbered:
        return _numbered(question, numbered.group(1), TOP_NUMBER.search(question), items, words)
    return _named(question, items, words)


def _numbered(
    question: str, number: str, top: re.Match[str] | None, items: list[Item], words: Callable[[str], list[str]]
) -> set[str]:
    """The part of that number; in several documents (a plan's and the 建议案's (一)), those whose headings
    hold the most of the words said with it (扩内需、稳投资、促外贸的第(一)部分)."""
    mark, head = f"({number})", f"{top.group(1)}、" if top else ""
    parts: dict[str, list[Item]] = {}
    for i in items:
        part = next((p for p in i.path if p.startswith(mark)), None)
        if part and (not head or (i.path and i.path[0].startswith(head))):
            parts.setdefault(i.doc_id, []).append(i)
    pieces = [p for p in PIECES.split(_clause(question, question.index(mark))) if len(p) >= 2]
    scores = {d: _held(pieces, mark, members, words) for d, members in parts.items()}
    best = max(scores.values(), default=0)
    return {i.id for d, members in parts.items() if scores[d] == best for i in members}


def _clause(question: str, at: int) -> str:
    return CLAUSE_END.split(question[:at])[-1]


def _named(question: str, items: list[Item], words: Callable[[str], list[str]]) -> set[str] | None:
    said = PART_SAID.search(question)
    if not said:
        return None
    before = _clause(question, said.start())
    after = re.match(r"[（(]([^）)]{2,30})[）)]", question[said.end() :])
    listed = PIECES.split(before + "、" + (after.group(1) if after else ""))
    pieces = [p for p in (LEAD_IN.split(p)[-1] for p in listed) if len(p) >= 2]  # 卫健委25年在制造业 → 制造业
    needed = 1 if said.group().endswith("板块") else NAMED  # 制造业板块 names one part outright
    if len(pieces) < needed:
        return None
    parts: dict[tuple[str, str], list[Item]] = {}
    for item in items:
        part = next((p for p in item.path if PART_NUMBER.match(p)), None)
        if part:
            parts.setdefault((item.doc_id, part), []).append(item)
    stems = needed == 1  # one piece said as a part: its first two characters do (制造业板块 in 制造强市)
    scores = {key: _held(pieces, key[1], members, words, stems=stems) for key, members in parts.items()}
    best = max(scores.values(), default=0)
    chosen = [key for key, score in scores.items() if score == best]
    if best < needed or len(chosen) != 1:
        return None
    (_, part), members = chosen[0], parts[chosen[0]]
    if any(piece in part for piece in pieces):  # 城市能级、都市圈、区域协同这一大部分: the whole part
        return {i.id for i in members}
    within = [i for i in members if _held(pieces, "", [i], words, below=part)]  # 都市圈一体化和区域协同发展这两块
    return {i.id for i in within or members}


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
