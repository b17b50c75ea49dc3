"""Unit questions (市数据局今年牵头哪些任务): every item the unit, or its former or later name, is named in."""
from __future__ import annotations

from ..ingest.rules import RELATION_LABELS
from ..records import Intent, Role
from ..search.retrieve import Hit
from .model import Answer, UnitEntry
from .scope import scope
from .select import units_by_role, year_notes


def unit_answer(engine, q, years, kinds, top_k, retrievers) -> Answer:
    scoped = scope(engine, years, kinds, review=False)
    if kinds and scoped.notes and not scoped.nothing_left:   # the kind asked for is not in the corpus
        kinds = None
    names = _names_with_links(engine, q.units)
    named = {t.item.id for unit in q.units for t in engine.unit_items(unit, years, kinds, q.lead_only)}
    matched = [item for item in engine.items if item.id in named]
    if q.topic:
        ranked = engine.rank(q.topic or q.text, None, retrievers, depth=len(engine.items))
        order = {h.item.id: r for r, h in enumerate(ranked)}
        matched.sort(key=lambda item: order.get(item.id, len(order)))
    hits = [Hit(item, 1.0 / (rank + 1)) for rank, item in enumerate(matched)]
    entries = _entries(names, matched, q.lead_only)
    lead, resp = units_by_role(entries)
    searched = {"topic": q.topic, "units": list(q.units), "years": list(years), "kinds": [str(k) for k in kinds or ()]}
    return Answer(question=q.raw, intent=Intent.UNIT_ITEMS, years=list(years), units=list(q.units),
                  topic=q.topic, summary=_summary(q, years, names, matched), citations=hits[:max(top_k, len(hits))],
                  lead_units=lead, responsible_units=resp, unit_entries=entries, notes=year_notes(engine, years) + scoped.notes, found=bool(matched),
                  searched=searched)


def unknown_unit_answer(engine, q, years, kinds, retrievers) -> Answer:
    """A unit the documents never name (市档案局): not found, said so, with up to three items
    on its words as related reading, never cited and never feeding a unit list."""
    names = "、".join(q.unknown_units)
    topic = " ".join([q.topic, *q.unknown_units]).strip()
    scoped = scope(engine, years, kinds, review=False)
    related = engine.rank(topic, scoped.where, retrievers, question=q.text)[:3]
    searched = {"topic": q.topic, "units": list(q.unknown_units), "years": list(years),
                "kinds": [str(k) for k in kinds or ()]}
    return Answer(question=q.raw, intent=Intent.UNIT_ITEMS, years=list(years), units=[], topic=q.topic,
                  summary=f"没有找到相关条目：文件中没有{names}这个单位（牵头单位、责任单位中都没有）。", citations=[],
                  notes=year_notes(engine, years) + scoped.notes, found=False, related=related,
                  searched=searched)


def _names_with_links(engine, units) -> dict[str, str | None]:
    names: dict[str, str | None] = {unit: None for unit in units}
    for unit in units:
        for other, relation in engine.links.related(unit).items():
            kind, direction = relation.split(":")
            names.setdefault(other, f"{RELATION_LABELS[direction]}{other}（{RELATION_LABELS.get(kind, kind)}），"
                                    f"与{unit}为同一职能")
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


def _summary(q, years, names, matched) -> str:
    role = "牵头" if q.lead_only else "牵头或参与"
    span = "、".join(f"{y}年" for y in years) if years else "各年度"
    summary = (f"{'、'.join(q.units)}在{span}{role}的任务共 {len(matched)} 项。" if matched
               else f"{span}的文件中没有找到{'、'.join(q.units)}{role}的任务。")
    if any(link for link in names.values()):
        summary += " 已包含改名或合并前后的单位：" + "；".join(v for v in names.values() if v) + "。"
    return summary
