"""Questions about a document itself (2号建议案主题是啥, 2025年方案的总体要求, 领导小组由谁组成):
answered from the document's framing paragraphs, never from one of its task items.

A framing paragraph is a record without a task number: the opening that says why the
document was made (its theme and full name), the parts on aims, stages, requirements and
leadership, and the issuing notice. A question is about the document when it names one
(方案, 建议案, 报告, 通知) and asks one of the ASPECTS, with no other salient word left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..messages import say
from ..records import DocKind, Intent, Item
from ..search.engine import Engine
from ..search.question import Question
from ..search.retrieve import Hit
from .model import Answer, Grounding
from .salience import phrases
from .spelling import spelled_in

NAMES_DOCUMENT = re.compile(r"方案|建议案|报告|通知|文件")
SECTION = re.compile(r"[一二三四五六七八九十]+、")  # a notice's numbered point: 一、高度重视，精心组织
OPENING = "opening"  # the aspect the document's opening paragraph answers
ADDRESSEES = "addressees"  # the aspect the issuing notice's salutation answers (各区人民政府…：)
# what is asked → the word a framing paragraph carries when it answers it (OPENING: the first paragraph)
ASPECTS = {
    "主题": OPENING,
    "全称": OPENING,
    "名称": OPENING,
    "目的": OPENING,
    "开篇": OPENING,  # 开篇说写这份方案图的是什么: why it was made
    "开头": OPENING,
    "初衷": OPENING,
    "用意": OPENING,
    "身份": OPENING,  # 以什么身份作的报告: 我代表市人民政府…
    "总体要求": "要求",
    "工作要求": "要求",
    "要求": "要求",
    "工作目标": "目标",
    "目标": "目标",
    "领导小组": "领导小组",
    "组织领导": "领导",
    "工作安排": "阶段",
    "阶段": "阶段",
    "指导思想": "指导思想",
    "主送": ADDRESSEES,
    "发给": ADDRESSEES,
    "印发给": ADDRESSEES,
    "发至": ADDRESSEES,
}


# A numbered part of a document or a notice's numbered point (第三部分, 通知第二条), and the words that
# ask only what it says (标题, 主要讲啥) beside it.
PART = re.compile(r"第([一二三四五六七八九十])(?:部分|大部分|条|点|项|块|大块)")
PART_ASKS = frozenset("标题 小标题 题目 内容 主要 讲 说 写 要求 名称 哪些 什么 啥".split())


def document_aspect(engine: Engine, q: Question) -> str | None:
    """The aspect asked about when the question is about a document itself, else None."""
    if q.units or q.unknown_units or not NAMES_DOCUMENT.search(q.text):
        return None  # a unit's tasks 在…目标任务里 are a unit question, not one about the document
    if (part := PART.search(q.text)) and all(w in PART_ASKS or part.group(1) in w for w in _rest(engine, q)):
        return part.group()
    asked = next((word for word in sorted(ASPECTS, key=len, reverse=True) if word in q.text), None)
    if asked is None:  # a document named and nothing else asked (2号建议案): its opening
        return "主题" if q.kinds and sum(ch.isalnum() for ch in q.topic) < 2 else None
    return None if _rest(engine, q) else asked


def _rest(engine: Engine, q: Question) -> list[str]:
    """The topic's salient words that neither name a document nor ask one of its aspects."""
    titles = title_words(engine)
    return [
        w
        for _, words in phrases(engine, q.topic)
        for w in words
        if w not in titles and not NAMES_DOCUMENT.fullmatch(w) and not any(w in a or a in w for a in ASPECTS)
    ]


def title_words(engine: Engine) -> set[str]:
    """Words of the documents' titles (办理, 建议案): naming a document, not asking about a topic."""
    return {w for d in engine.documents for w in engine.tokenizer.whole_words(d.title)}


def framing_items(engine: Engine, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None) -> list[Item]:
    """The framing paragraphs (no task number) of the documents in scope, in corpus order."""
    documents = [k for k in kinds or () if k is not DocKind.NOTICE]  # 方案的通知: the plan's notice only
    return [
        i
        for i in engine.items
        if i.number is None
        and (not years or i.year in years)
        and (not kinds or i.doc_kind in kinds or i.kind in kinds)
        and (not documents or i.doc_kind in documents)
    ]


def openings(items: Iterable[Item]) -> list[Item]:
    """Each document's opening: its first own framing paragraph, else the issuing notice's first
    paragraph past the salutation (各区人民政府…：), which names the document it issues."""
    firsts: dict[str, Item] = {}
    for item in sorted(items, key=lambda i: i.kind is DocKind.NOTICE):  # stable: corpus order within each
        if not item.text.rstrip().endswith((":", "：")):
            firsts.setdefault(item.doc_id, item)
    return list(firsts.values())


def part_items(engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None) -> list[Item]:
    """The items of the numbered part asked (第三部分: under the heading 三、; a notice's 第二条: its
    paragraph 二、 with the pieces that continue it), in the notice when one is named, else in the document."""
    part = PART.search(q.text)
    if part is None:
        return []
    mark = part.group(1) + "、"
    notice = "通知" in q.text
    scoped = [
        i
        for i in engine.items
        if (not years or i.year in years)
        and (not kinds or i.doc_kind in kinds or i.kind in kinds)
        and (i.kind is DocKind.NOTICE) == notice
    ]
    if notice:
        heads = {i.paragraph for i in scoped if i.text.startswith(mark)}
        return [i for i in scoped if i.paragraph in heads]
    return [i for i in scoped if i.path and i.path[0].startswith(mark)]


def chosen(items: list[Item], aspect: str) -> list[Item]:
    if ASPECTS[aspect] == OPENING:
        return openings(items)
    if ASPECTS[aspect] == ADDRESSEES:
        return [i for i in items if i.kind is DocKind.NOTICE and i.text.rstrip().endswith((":", "："))]
    for word in dict.fromkeys([aspect, ASPECTS[aspect]]):  # 总体要求, else any 要求 the document sets
        found = [i for i in items if spelled_in(word, " ".join([*i.path, i.text]))]
        if found:
            return found
    if ASPECTS[aspect] == "要求":  # a notice whose points never say 要求: its numbered points are its requirements
        return [i for i in items if i.kind is DocKind.NOTICE and SECTION.match(i.text)]
    return []


def document_answer(
    engine: Engine, q: Question, aspect: str, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> Answer | None:
    """The framing paragraphs that answer the aspect, or None (the ordinary search then answers)."""
    items = (
        part_items(engine, q, years, kinds)
        if PART.fullmatch(aspect)
        else chosen(framing_items(engine, years, kinds), aspect)
    )
    if not items:
        return None
    hits = [Hit(item, 1.0 / (rank + 1)) for rank, item in enumerate(items)]
    top = items[0]
    searched = {"topic": aspect, "years": list(years), "kinds": [str(k) for k in kinds or ()]}
    return Answer(
        question=q.raw,
        intent=q.intent if q.intent is not Intent.UNIT_ITEMS else Intent.SEARCH,
        years=list(years),
        units=list(q.units),
        topic=aspect,
        summary=say("answer.document", citation=top.citation, text=top.text),
        citations=hits[: engine.settings.top_k],
        searched=searched,
        grounding=Grounding((aspect,), ()),
    )
