"""A choice asked between two things (斜拉还是悬索, 试纸还是仪器, 线上抢还是线下领).

An item answers it only by naming one of them: an item on 光谷长江大桥 that says nothing of 斜拉 or 悬索
says the bridge will be built, not how. A choice of roles (牵头还是配合), of years or of a change
(多了还是少了) is no detail of the topic: the unit lists, the years and the comparison answer those.
"""

from __future__ import annotations

import re

CHOICE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,8})[，,]?还是([\u4e00-\u9fffA-Za-z0-9]{1,8})")  # FP16还是FP32
NOT_A_DETAIL = re.compile(
    r"牵头|配合|挑头|主办|协办|责任|参与|负责|主责|打下手|自己|单位|部门|(?<![初底])年(?![初底中])|多了|少了|增|减|一样|同一|变|不变"
)
WHEN = re.compile(r"(?:以前|现在|原来|过去|之前|目前|当时)(?:的|那样)?")  # 以前还是现在: a change, asked as a time
# The two are said alike, so what runs on past the right one's length is said of both (在北交所还是创业板上市:
# 上市 names neither); a preposition before either (在, 按, 从) is no part of its name.
LEADING = "在按从以用由"
# A part of the document pointed at (放在制造强市那节, 划进成果转化那段): the part's name is the alternative.
PLACING = r"(?:放|归|划|排|列|挂|写|编)(?:在|进|入|到)?"  # put in a part: 放在, 划进, 挂
PLACED = re.compile(f"^{PLACING}")
POINTED_PART = re.compile(r"(?:这|那)一?(?:小标题|标题|小节|节|章|部分|板块|篇|段|块)(?:里|下|底下)?$")
FUNCTION = frozenset("的是了要只就还也都把被给在向按用呢吗啊")  # words around a choice's names, never the names


def alternatives(question: str) -> tuple[str, ...]:
    """The two things a choice asks between, each as typed (二七过江通道是桥 → 桥) and cut to the left one's
    length, or none."""
    match = CHOICE.search(question)
    if match is None:
        return ()
    left, right = match.group(1).split("是")[-1], match.group(2).split("的")[0]
    if not left or not right or NOT_A_DETAIL.search(left + right) or any(WHEN.fullmatch(s) for s in (left, right)):
        return ()
    left, right = (PLACED.sub("", POINTED_PART.sub("", side)) or side for side in (left, right))
    left = left.lstrip(LEADING) or left
    return left, (right.lstrip(LEADING) or right)[: max(len(left), 2)]


def named(
    alternative: str, text: str, shared: frozenset[str] = frozenset(), said: frozenset[str] = frozenset()
) -> bool:
    """The item names the alternative: by any two of its characters together, none a function word
    (免费 of 免费发, 线下 of 线下领); a one-character alternative (桥) by itself. Where the two share words
    (自然季度 or 财政季度), only a pair joining what tells them apart to what they share names one:
    季度 alone names both, and 财政 alone (市财政局) neither."""
    if len(alternative) < 2:
        return alternative in text
    pairs = [p for p in _pairs(alternative) if not FUNCTION & set(p) and p not in shared]
    pairs = [p for p in pairs if p not in said] or pairs
    if shared:
        core = set("".join(shared))
        pairs = [p for p in pairs if set(p) & core]
    return any(p in text for p in pairs)


def choice_named(question: str, text: str) -> bool:
    """Some alternative is named; words the question says outside the choice too (汇报 in 向市政协汇报，是开会当面
    汇报还是交书面材料) are the topic's, so they name neither."""
    options = alternatives(question)
    if not options:
        return False
    shared = frozenset(set(_pairs(options[0])) & set(_pairs(options[1])))
    return any(named(a, text, shared, _said_outside(question)) for a in options)


def _said_outside(question: str) -> frozenset[str]:
    """The character pairs of the question outside its choice."""
    match = CHOICE.search(question)
    return frozenset(_pairs(question[: match.start()] + " " + question[match.end() :])) if match else frozenset()


def _pairs(words: str) -> list[str]:
    return [words[i : i + 2] for i in range(len(words) - 1)]
