"""Unit questions (市数据局今年牵头哪些任务): every item the unit, or its former or later name, is named in,
narrowed to the topic when the question names one (市教育局 + 低空经济: both, or not found)."""
from __future__ import annotations

from ..ingest.rules import RELATION_LABELS
from ..messages import say
from ..records import Intent, Role
from ..search.retrieve import Hit
from .grounding import ground, phrases
from .model import Answer, Grounding, UnitEntry
from .scope import scope
from .select import units_by_role, year_notes


def unit_answer(engine, q, years, kinds, top_k, retrievers) -> Answer:
    scoped = scope(engine, years, kinds, review=False)
    names = _names_with_links(engine, q.units)
    searched = {"topic": q.topic, "units": list(q.units), "years": list(years), "kinds": [str(k) for k in kinds or ()]}
    base = dict(question=q.raw, intent=Intent.UNIT_ITEMS, years=list(years), units=list(q.units), topic=q.topic,
                notes=year_notes(engine, years) + scoped.notes, searched=searched)
    if scoped.nothing_left:
        return Answer(**base, summary=scoped.reason, citations=[], found=False)
    named = {t.item.id for unit in q.units for t in engine.unit_items(unit, years, kinds, q.lead_only)}
    matched = [item for item in engine.items if item.id in named]
    grounding = Grounding()
    if matched and phrases(engine, q.topic):
        matched, grounding = _on_topic(engine, q, matched, retrievers)
        if not matched:
            return Answer(**base, summary=say("answer.unit_topic_absent", units="、".join(q.units),
                                              span=_span(years), role=_role(q), topic=q.topic),
                          citations=[], found=False, grounding=grounding)
    hits = [Hit(item, 1.0 / (rank + 1)) for rank, item in enumerate(matched)]
    entries = _entries(names, matched, q.lead_only)
    lead, resp = units_by_role(entries)
    return Answer(**base, summary=_summary(q, years, names, matched), citations=hits[:max(top_k, len(hits))],
                  lead_units=lead, responsible_units=resp, unit_entries=entries, found=bool(matched),
                  grounding=grounding)


def _on_topic(engine, q, matched, retrievers):
    """The unit's items that are on the question's topic, best first, and how the topic was grounded."""
    ranked = engine.rank(q.topic, None, retrievers, depth=len(engine.items))
    order = {h.item.id: r for r, h in enumerate(ranked)}
    matched = sorted(matched, key=lambda item: order.get(item.id, len(order)))
    grounding, grounded = ground(engine, q.topic, [Hit(item, 1.0) for item in matched])
    keep = {h.item.id for h in grounded}
    return [item for item in matched if item.id in keep], grounding


def unknown_unit_answer(engine, q, years, kinds, retrievers) -> Answer:
    """A unit the documents never name (市档案局): not found, said so, with up to three items
    on its words as related reading, never cited and never feeding a unit list."""
    topic = " ".join([q.topic, *q.unknown_units]).strip()
    scoped = scope(engine, years, kinds, review=False)
    related = engine.rank(topic, scoped.where, retrievers, question=q.text)[:3]
    searched = {"topic": q.topic, "units": list(q.unknown_units), "years": list(years),
                "kinds": [str(k) for k in kinds or ()]}
    return Answer(question=q.raw, intent=Intent.UNIT_ITEMS, years=list(years), units=[], topic=q.topic,
                  summary=say("answer.unknown_unit", names="、".join(q.unknown_units)), citations=[],
                  notes=year_notes(engine, years) + scoped.notes, found=False, related=related,
                  searched=searched)


def _names_with_links(engine, units) -> dict[str, str | None]:
    names: dict[str, str | None] = {unit: None for unit in units}
    for unit in units:
        for other, relation in engine.links.related(unit).items():
            kind, direction = relation.split(":")
            names.setdefault(other, say("answer.unit_link", direction=RELATION_LABELS[direction], other=other,
                                        relation=RELATION_LABELS.get(kind, kind), unit=unit))
    return names


def _entries(names: dict[str, str | None], matched, lead_only: bool) -> list[UnitEntry]:
    entries = []
    for name, link in names.items():
        for role in (Role.LEAD,) if lead_only else tuple(Role):
            entry = UnitEntry(name, role, link=link)
            for item in matched:
                if name in item.units_in(role):
                    entry.items.setdefault(item.year, []).append(item.id)
            if entry.count:
                entries.append(entry)
    return entries


def _role(q) -> str:
    return say("answer.role_lead") if q.lead_only else say("answer.role_any")


def _span(years) -> str:
    return "、".join(f"{y}年" for y in years) if years else say("answer.all_years")


def _summary(q, years, names, matched) -> str:
    units = "、".join(q.units)
    summary = (say("answer.unit_count", units=units, span=_span(years), role=_role(q), count=len(matched)) if matched
               else say("answer.unit_none", span=_span(years), units=units, role=_role(q)))
    if any(link for link in names.values()):
        summary += say("answer.unit_links", links="；".join(v for v in names.values() if v))
    return summary
