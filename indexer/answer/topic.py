"""Topic questions (低空经济由哪些单位负责), facts and plain searches: the best items and their units."""
from __future__ import annotations

from ..records import Intent
from ..store import Filter
from .model import Answer
from .select import aggregate_units, relevant, search_text, year_notes


def topic_answer(engine, q, years, kinds, top_k, retrievers, cut, review=False) -> Answer:
    query = search_text(q)
    where = Filter.where(years, kinds, with_review=review, by_document=review)
    notes = year_notes(engine, years)
    if where is not None and review and not engine.columns.mask(where).any():
        notes.append("按问题中的年份和文件类型没有找到条目，已在全部文件中检索。")
        where = None
    hits = engine.rank(query, where, retrievers)
    unit_hits = relevant([h for h in hits if h.item.kind.names_units and h.item.units], cut,
                         engine.settings.answer_items, engine.settings.answer_lexical_cut)
    if q.intent is Intent.FACT:
        unit_hits = unit_hits[:1]
    lead, resp, entries = aggregate_units([h.item for h in unit_hits])
    summary = topic_summary(q, hits, lead, resp)
    return Answer(q.raw, q.intent, list(years), list(q.units), q.topic, summary, hits[:top_k],
                  lead, resp, entries, notes=notes)


def topic_summary(q, hits, lead, resp) -> str:
    if not hits:
        return "没有找到相关条目。"
    if q.intent is Intent.FACT:
        top = hits[0].item
        return f"{top.citation}：{top.text}"
    if lead:
        return f"牵头单位：{'、'.join(lead)}；责任单位：{'、'.join(resp) or '无'}。"
    return f"最相关的是 {hits[0].item.citation}。"
