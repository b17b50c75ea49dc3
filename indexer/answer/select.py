"""Which hits an answer may trust, and the unit lists that follow from them.

Only items that really match feed the unit lists: an unrelated bureau in a list that
gets forwarded is a defect, so hits are cut by their fused score relative to the best
one (the ratio is set on the dev questions, see eval/README.md).
"""
from __future__ import annotations

from ..records import Item, Retriever, Role
from ..search.retrieve import Hit
from .model import UnitEntry


def relevant(hits: list[Hit], cut: float, limit: int, lexical_cut: float = 0.0) -> list[Hit]:
    """Hits close enough to the best one to be trusted as answers.

    Two checks: the fused score against the best fused score, and, when BM25 ran, the
    BM25 score against the best BM25 score, since an item that shares none of the
    topic's words is rarely on topic however close its vector is.
    """
    if not hits:
        return []
    best = hits[0].score
    best_lexical = max((h.signals.get(Retriever.BM25, 0.0) for h in hits[:limit]), default=0.0)
    return [h for h in hits[:limit] if h.score >= cut * best
            and (best_lexical == 0 or h.signals.get(Retriever.BM25, 0.0) >= lexical_cut * best_lexical)]


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
    return ([e.unit for e in entries if e.role is Role.LEAD],
            [e.unit for e in entries if e.role is Role.RESPONSIBLE])


def search_text(q) -> str:
    """The topic words when there are enough of them; question words only add noise."""
    return q.topic if sum(ch.isalnum() for ch in q.topic) >= 2 else q.text


def year_notes(engine, years) -> list[str]:
    notes = []
    for year in years or ():
        kinds = {d.kind for d in engine.documents if d.year == year}
        if not kinds:
            notes.append(f"语料中没有{year}年的文件。")
        elif not any(kind.names_units for kind in kinds):
            notes.append(f"{year} 年只有政府工作报告，报告不列责任单位。")
    return notes
