"""Which hits an answer may trust, and the unit lists that follow from them.

Only items that really match feed the unit lists: an unrelated bureau in a list that
gets forwarded is a defect. Which items support the question is the relevance judge's
decision (relevance.py); the lists take the supporting items that name units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..messages import say
from ..records import DocKind, Item, Role
from ..search.engine import Engine
from ..search.question import Question
from ..search.retrieve import Hit
from ..search.unit_speech import SAID_TOGETHER
from .model import UnitEntry


def unit_sources(supporting: list[Hit], limit: int) -> list[Hit]:
    """The supporting hits whose items name units, at most `limit` of them.

    Score-ratio cuts on top of the judge (a share of the best fused and BM25 score) only
    dropped supported items once the judge existed: dev topic questions' unit F1 0.941
    without them 0.951, precision unchanged (eval/README.md)."""
    return [h for h in supporting if h.item.kind.names_units and h.item.units][:limit]


def aggregate_units(items: list[Item]) -> tuple[list[str], list[str], list[UnitEntry]]:
    """Units by role, most items first; each keeps the items (by year) that name it."""
    entries: dict[tuple[str, Role], UnitEntry] = {}
    for item in items:
        for role in Role:
            for unit in item.units_in(role):
                entry = entries.setdefault((unit, role), UnitEntry(unit, role))
                entry.items.setdefault(item.year, []).append(item.id)
    ordered = sorted(entries.values(), key=lambda e: (e.role is not Role.LEAD, -e.count, e.unit))
    return units_by_role(ordered) + (ordered,)


def units_by_role(entries: list[UnitEntry]) -> tuple[list[str], list[str]]:
    return ([e.unit for e in entries if e.role is Role.LEAD], [e.unit for e in entries if e.role is Role.RESPONSIBLE])


def search_text(q: Question) -> str:
    """The topic words when there are enough of them; question words only add noise."""
    return q.topic if sum(ch.isalnum() for ch in q.topic) >= 2 else q.text


def year_notes(engine: Engine, years: tuple[int, ...]) -> list[str]:
    notes: list[str] = []
    for year in years or ():
        kinds = {d.kind for d in engine.documents if d.year == year}
        if not kinds:
            notes.append(say("answer.no_year", year=year))
        elif not any(kind.names_units for kind in kinds):
            notes.append(say("answer.report_only", year=year))
    return notes


ROLE_KEYS = {Role.LEAD: "units.role_lead", Role.RESPONSIBLE: "units.role_responsible"}
PAIRED_KEYS = {Role.LEAD: "units.role_lead", Role.RESPONSIBLE: "units.role_support"}


def role_words(q: Question) -> str:
    """The role asked, as an answer says it (牵头, 单独牵头); any role when none was asked."""
    if q.alone and q.beside:
        return say(
            "units.role_beside",
            role=say("units.role_lead" if q.role is Role.LEAD else "units.role_any"),
            beside="、".join(q.beside),
        )
    if q.alone:
        return say("units.role_alone_lead" if q.role is Role.LEAD else "units.role_alone")
    if q.crossed:
        return say("units.role_crossed")
    if q.roles:
        pairs = "、".join(unit + say(PAIRED_KEYS[role]) for unit, role in q.roles)
        return say("units.role_paired", pairs=pairs)
    role = say(ROLE_KEYS[q.role] if q.role else "units.role_any")
    return say("units.role_together", role=role) if len(q.units) > 1 and asked_together(q.text) else role


def span_words(years: tuple[int, ...]) -> str:
    return "、".join(f"{y}年" for y in years) if years else say("units.span_all")


# Two units asked together (都放在配合位置, 一起被点名, 城发集团配合水务局干的): the items naming both;
# each asked (各自, 分别) keeps each unit's own. Every way of saying they share an item (SAID_TOGETHER) counts.
TOGETHER = re.compile(
    rf"都|共同|同为|均为|皆为|一道|互相|相互|彼此|配合[^，。？?]{{2,10}}?(?:干|做|搞|办)的|{SAID_TOGETHER.pattern}"
)
EACH = re.compile(
    r"各自|分别(?!是?(?:哪|啥|什么))|各(?!区|相关|新城区|中心城区|有关)"
)  # 分别是哪条 lists the shared items


def asked_together(question: str) -> bool:
    """同框, 搭档, 碰在一块儿 say the units share an item outright: 各 beside them is each year's (前年、今年同框的
    任务各有哪些), not each unit's."""
    return bool(SAID_TOGETHER.search(question)) or (bool(TOGETHER.search(question)) and not EACH.search(question))


def alone_on(item: Item, role: Role | None, asked: tuple[str, ...] = (), beside: tuple[str, ...] = ()) -> bool:
    """The unit is the item's only lead (一家单独牵头), or asked with no role its only unit (一家单独扛); with
    `beside`, the units allowed next to it are the item's only others (牵头、配合方只有各区政府)."""
    if beside:
        others = set(item.units) - set(asked) - (set(item.lead_units) if role is Role.LEAD else set())
        return bool(others) and others <= set(beside)
    return len(item.lead_units) == 1 if role is Role.LEAD else len(item.units) == 1


def searched_units(
    q: Question, units: Sequence[str], years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> dict[str, object]:
    return {"topic": q.topic, "units": list(units), "years": list(years), "kinds": [str(k) for k in kinds or ()]}
