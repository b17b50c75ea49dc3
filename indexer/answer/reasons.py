"""Reasons: why a figure was set or changed, why a unit was given a task, why a thing is done.

The plans assign tasks and set figures, the report sums up and sets aims; they rarely say why 援疆 sits with
市发改委 or why a target went from 10 to 8. A question after a reason (为啥往下调, 为啥是卫健委挑头, 依据是啥)
finds the items it is about on every path (a unit's items, a comparison, a topic), and those items are then
nearby, not an answer, unless one of them gives a cause in so many words. The topic path already holds every
asked detail to its items (detail.py); this reads the answer the other paths give.
"""

from __future__ import annotations

from dataclasses import replace

from ..messages import say
from ..records import Detail
from .asks import asked_details
from .detail import states
from .model import Answer


def unexplained(question: str, result: Answer) -> Answer:
    """The answer, or, when a reason is asked and no cited item states one, the same items as related."""
    if not result.found or Detail.REASON not in asked_details(question):
        return result
    if any(states(Detail.REASON, h.item.text) for h in result.citations):
        return result
    return replace(
        result,
        found=False,
        summary=say("answer.reason_unstated"),
        citations=[],
        related=result.citations[:3],
        lead_units=[],
        responsible_units=[],
        unit_entries=[],
        comparison=None,
    )
