"""Topic questions (低空经济由哪些单位负责), facts and plain searches: the best items and their units."""
from __future__ import annotations

import re

from ..encode.passages import strip_clauses
from ..records import Intent
from .model import Answer
from .relevance import judge
from .scope import scope
from .select import aggregate_units, search_text, unit_sources, year_notes


def candidates(engine, q, years, kinds, retrievers, review=False):
    """The hits a topic answer chooses from, and how the scope was read (notes, missing years)."""
    query = search_text(q)
    scoped = scope(engine, years, kinds, review)
    hits = engine.rank(query, scoped.where, retrievers, question=q.text)
    return query, hits, scoped


def topic_answer(engine, q, years, kinds, top_k, retrievers, review=False) -> Answer:
    query, hits, scoped = candidates(engine, q, years, kinds, retrievers, review)
    notes = year_notes(engine, years) + scoped.notes
    searched = {"topic": query, "years": list(years), "kinds": [str(k) for k in kinds or ()]}
    found, supporting, _ = judge(engine, query, hits)
    found = found and not scoped.nothing_left
    if not found:
        return Answer(question=q.raw, intent=q.intent, years=list(years), units=list(q.units), topic=q.topic,
                      summary="没有找到相关条目。", citations=[], notes=notes, found=False, related=hits[:3], searched=searched)
    unit_hits = unit_sources(supporting, engine.settings.answer_items)
    if q.intent is Intent.FACT:
        unit_hits = unit_hits[:1]
    lead, resp, entries = aggregate_units([h.item for h in unit_hits])
    summary = topic_summary(q, query, supporting, lead, resp)
    return Answer(question=q.raw, intent=q.intent, years=list(years), units=list(q.units), topic=q.topic,
                  summary=summary, citations=supporting[:top_k], lead_units=lead, responsible_units=resp,
                  unit_entries=entries, notes=notes, searched=searched)


def topic_summary(q, query: str, hits, lead, resp) -> str:
    if not hits:
        return "没有找到相关条目。"
    if q.intent is Intent.FACT:
        top = hits[0].item
        return f"{top.year}年：{figure_sentence(top.text, query)}（{top.citation}）"
    if lead:
        return f"牵头单位：{'、'.join(lead)}；责任单位：{'、'.join(resp) or '无'}。"
    return f"最相关的是 {hits[0].item.citation}。"


def figure_sentence(text: str, query: str) -> str:
    """The sentence of an item that holds a figure and shares most characters with the question."""
    sentences = [s.strip() for s in re.split(r"(?<=[。；;])", strip_clauses(text)) if s.strip()]
    if not sentences:
        return text
    wanted = set(query)
    return max(sentences, key=lambda s: (any(ch.isdigit() for ch in s), len(wanted & set(s)), -len(s)))
