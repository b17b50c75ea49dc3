"""Units that point at an item (城发集团参与的那条交通任务, 交通局之外还有谁): the question names some of the item's
units to say which item it means, and asks for the rest of its list. The item carries every one of them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Intent
from ..search.question import Question
from ..search.retrieve import Hit
from ..search.unit_speech import said_together

if TYPE_CHECKING:
    from ..search.engine import Engine

# 那条 after the units, or the units set aside (之外, 除了): they point, they are not the whole answer.
POINTING = re.compile(r"的那(?:一|几)?[条个项件些]|之外|以外|除了")


def pointed_units(engine: Engine, q: Question) -> list[set[str]]:
    """Each unit the question points at its item with, by all its names across renames; none unless it points
    (投资那条, 都出现在…里: units said to stand on one item point at it too)."""
    if q.intent is not Intent.TOPIC_UNITS or not (POINTING.search(q.text) or said_together(q.text, q.units)):
        return []
    return [set(engine.unit_names(u)) | {u} for u in q.units]


def carries(hit: Hit, pointed: list[set[str]]) -> bool:
    """The item lists every unit pointed at, under one of its names."""
    listed = {*hit.item.lead_units, *hit.item.responsible_units}
    return all(names & listed for names in pointed)
