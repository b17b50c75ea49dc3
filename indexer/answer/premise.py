"""A false premise checked: the asker believes a unit does a task (低空商业航线应该是经信局牵头的吧).

The unit path answers a unit's own items, so a unit asked of a task it does not have is not found (issue 22's
市教育局…低空经济). Asked as a check of what the asker believes (…的吧, 对吗, 我没记错吧, 印象里是), the useful
answer is the task with the units the documents give it: the asker learns who does it, and a note says the unit
asked is not among them. A question that lists (市教育局牵头哪些低空经济任务) or asks plainly (市供销社是不是牵头
单位) is no check and stays not found. A guess at a unit's whole list (人社局今年牵头的就是稳就业那一条吧) asks for
the list, so the list answers it, not the one task guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..messages import say
from ..records import Intent
from ..search.engine import Engine
from ..search.question import Question
from .model import Answer
from .select import aggregate_units
from .wording import topic_summary

# The asker states what they believe and asks to have it confirmed; a plain question (市供销社是不是牵头单位,
# 医保局今年有分到活吗) asks whether the unit has the task, and not having it is the answer.
CHECK = re.compile(r"吧[？?。！!]?$|吧[，,]|对吗|对不对|对唔对|啱唔啱|没记错|记错|印象|好像是|应该是|按理说")
# The words that state the belief, cut from the topic searched: they name no task.
BELIEF_WORDS = re.compile(r"应该是?|好像是?|按理说|我?印象里?|我?没记错|记错|对吗|对不对|对唔对|啱唔啱|吧")
# A belief that a unit's list is short (人社局今年牵头的就是稳就业那一条吧, 交通局牵头的是A和B两条吧): the list
# is asked, and the task named is the asker's guess at it, not a topic that narrows it.
LISTED = re.compile(
    r"(?:就是|只有|只是|就只有|只涉及|只负责|只管|仅有?)[^，,。？?、哪]{2,24}?(?:那|这)?[一两二三四五六]?(?:条|项|个|件)"
    r"(?:吧|吗|对吗|对不对|[？?]|$)|是[^，,。？?、哪]{2,24}?[一两二三四五六](?:条|项|个|件)吧"
)


def without_guess(engine: Engine, q: Question) -> Question | None:
    """The unit's question without the guessed list, so the unit's whole list in the role and year asked answers
    it and the asker sees what the guess left out; None when the question states no such guess."""
    if not q.units or q.intent is not Intent.UNIT_ITEMS or not (m := LISTED.search(q.text)):
        return None
    rest = engine.understand(q.text[: m.start()] + q.text[m.end() :])
    if set(rest.units) != set(q.units) or rest.intent is not Intent.UNIT_ITEMS:
        return None
    return replace(rest, raw=q.raw)


def unbelieved(q: Question) -> Question:
    """The question without the words stating a belief in its topic (应该, 吧): they name no task, and left in,
    a task some item holds whole (低空商业航线) reads as held in part by the unit's own items."""
    topic = " ".join(BELIEF_WORDS.sub(" ", q.topic).split())
    return replace(q, topic=topic) if topic != q.topic else q


def corrected(engine: Engine, q: Question, search: Callable[[Question], Answer]) -> Answer | None:
    """The task's answer without the unit, noting the unit is not on it in the role asked (房管局牵头 when it
    only helps); None when the question is no check, names no task, the task is not found either, or the unit
    is on it as asked."""
    if not q.units or not q.topic or not CHECK.search(q.text):
        return None
    asked = replace(unbelieved(q), units=(), intent=Intent.TOPIC_UNITS, role=None)
    found = search(asked)
    if not found.found:
        return None
    names = {n for unit in q.units for n in engine.unit_names(unit)}
    # the task asked is the best item; a neighbour naming the unit (中碳登 beside 碳市场大会) would blur the note
    kept = [h for h in found.citations if not names & set(h.item.units_in(q.role) if q.role else h.item.units)]
    if not kept or kept[0] is not found.citations[0]:
        return None
    lead, responsible, entries = aggregate_units([h.item for h in kept])
    note = say("answer.premise_corrected", units="、".join(q.units))
    return replace(
        found,
        question=q.raw,
        intent=q.intent,
        units=list(q.units),
        notes=[note, *found.notes],
        citations=kept,
        summary=topic_summary(engine, asked, str(found.searched.get("topic", "")), kept, entries),
        lead_units=lead,
        responsible_units=responsible,
        unit_entries=entries,
    )
