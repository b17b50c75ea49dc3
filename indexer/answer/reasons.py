"""Reasons: why a figure was set or changed, why a unit was given a task, why a thing is done.

The plans assign tasks and set figures, the report sums up and sets aims; they rarely say why 援疆 sits with
市发改委 or why a target went from 10 to 8. A question after a reason (为啥往下调, 为啥是卫健委挑头, 依据是啥)
finds the items it is about on every path (a unit's items, a comparison, a topic), and those items are then
nearby, not an answer, unless one of them gives a cause in so many words. The topic path already holds every
asked detail to its items (detail.py); this reads the answer the other paths give.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..messages import say
from ..records import Detail, Intent
from ..search.question import Question
from .asks import asked_details
from .detail import states
from .model import Answer


def unexplained(question: str, result: Answer) -> Answer:
    """The answer, or, when a reason is asked and no cited item states one, the same items as related."""
    if not result.found or Detail.REASON not in asked_details(question):
        return result
    if any(states(Detail.REASON, h.item.text) for h in result.citations):
        return result
    return as_related(result, say("answer.reason_unstated"))


def as_related(result: Answer, summary: str) -> Answer:
    """The answer's items shown as related, not cited, under a summary that says what they do not state."""
    return replace(
        result,
        found=False,
        summary=summary,
        citations=[],
        related=result.citations[:3],
        lead_units=[],
        responsible_units=[],
        unit_entries=[],
        comparison=None,
    )


# A named unit's own part of an item asked (学子聚汉里工商联具体负责干啥, 网信办具体管哪一块): the items list the units
# on a task, never how they split it.
DIVISION_ASKED = re.compile(
    r"(?:具体|到底)(?:要)?(?:(?:负责|管|承担|分管)(?:干|做)?|干|做)(?:些)?(?:什么|啥|哪(?!些|几|条|项))|(?:具体|到底)(?:要)?出(?:什么|啥|哪些|多少)力|"
    r"(?:管|负责)哪一(?:块|段|部分|摊|头)"
)
DIVIDED = re.compile(r"分别负责|分工负责|各自负责")


def undivided(q: Question, result: Answer) -> Answer:
    """The answer, or, when a named unit's own part of a task is asked and the cited items only list it among the
    task's units, those items as related."""
    if not (
        result.found and q.units and q.topic and result.intent is Intent.UNIT_ITEMS and DIVISION_ASKED.search(q.raw)
    ):
        return result
    if any(DIVIDED.search(h.item.text) for h in result.citations):
        return result
    return as_related(result, say("answer.division_unstated", units="、".join(q.units)))
