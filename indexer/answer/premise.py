"""A false premise checked: the asker believes a unit does a task (低空商业航线应该是经信局牵头的吧).

The unit path answers a unit's own items, so a unit asked of a task it does not have is not found (issue 22's
市教育局…低空经济). Asked as a check of what the asker believes (…的吧, 对吗, 我没记错吧, 印象里是), the useful
answer is the task with the units the documents give it: the asker learns who does it, and a note says the unit
asked is not among them. A question that lists (市教育局牵头哪些低空经济任务) or asks plainly (市供销社是不是牵头
单位) is no check and stays not found.
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

# The asker states what they believe and asks to have it confirmed; a plain question (市供销社是不是牵头单位,
# 医保局今年有分到活吗) asks whether the unit has the task, and not having it is the answer.
CHECK = re.compile(r"吧[？?。！!]?$|吧[，,]|对吗|对不对|对唔对|啱唔啱|没记错|记错|印象|好像是|应该是|按理说")
# The words that state the belief, cut from the topic searched: they name no task.
BELIEF_WORDS = re.compile(r"应该是?|好像是?|按理说|我?印象里?|我?没记错|记错|对吗|对不对|对唔对|啱唔啱|吧")


def corrected(engine: Engine, q: Question, search: Callable[[Question], Answer]) -> Answer | None:
    """The task's answer without the unit, noting the unit is not on it in the role asked (房管局牵头 when it
    only helps); None when the question is no check, names no task, the task is not found either, or the unit
    is on it as asked."""
    if not q.units or not q.topic or not CHECK.search(q.text):
        return None
    topic = " ".join(BELIEF_WORDS.sub(" ", q.topic).split())
    found = search(replace(q, units=(), intent=Intent.TOPIC_UNITS, role=None, topic=topic))
    names = {n for unit in q.units for n in engine.unit_names(unit)}
    cited_units = {u for h in found.citations for u in (h.item.units_in(q.role) if q.role else h.item.units)}
    if not found.found or names & cited_units:
        return None
    note = say("answer.premise_corrected", units="、".join(q.units))
    return replace(found, question=q.raw, intent=q.intent, units=list(q.units), notes=[note, *found.notes])
