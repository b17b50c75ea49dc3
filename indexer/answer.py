"""Answers staff can forward: the matching items, each cited, and the units they name.

Only items that really match feed the unit lists: an unrelated bureau in a list that
gets forwarded is a defect, so hits are cut by their fused score relative to the best
one (the ratio is set from the eval set, see eval/README.md).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from .records import Item
from .search import Hit
from .units import related_units

UNIT_KINDS = ("plan", "proposal")
RELATION_LABELS = {"renamed": "改名", "merged": "合并", "successor": "现名", "predecessor": "原名"}


@dataclass
class UnitEntry:
    unit: str
    role: str                                   # lead / responsible
    items: dict[int, list[str]] = field(default_factory=dict)   # year → item ids
    link: str | None = None                     # e.g. "原名 市科技局（改名）"

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.items.values())

    def to_json(self) -> dict:
        return {"unit": self.unit, "role": self.role, "count": self.count,
                "items": {str(y): ids for y, ids in sorted(self.items.items())}, "link": self.link}


@dataclass
class Answer:
    question: str
    intent: str
    years: list[int]
    units: list[str]
    topic: str
    summary: str
    citations: list[Hit]
    lead_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    unit_entries: list[UnitEntry] = field(default_factory=list)
    comparison: dict | None = None
    notes: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def to_json(self) -> dict:
        return {"question": self.question, "intent": self.intent, "years": self.years, "units": self.units,
                "topic": self.topic, "summary": self.summary, "lead_units": self.lead_units,
                "responsible_units": self.responsible_units,
                "unit_details": [e.to_json() for e in self.unit_entries],
                "comparison": self.comparison, "notes": self.notes,
                "citations": [h.to_json() for h in self.citations], "elapsed_ms": round(self.elapsed_ms, 1)}


def answer_question(engine, question: str, year: int | None = None, kind: str | None = None,
                    top_k: int | None = None, retrievers: tuple[str, ...] | None = None,
                    cut: float | None = None) -> Answer:
    started = time.perf_counter()
    q = engine.understand(question)
    years = (year,) if year else q.years
    kinds = (kind,) if kind else (q.kinds or None)
    review = year is None   # filters the user set are strict; those read from the question are not
    top_k = top_k or engine.settings.top_k
    cut = engine.settings.answer_cut if cut is None else cut
    if q.intent == "unit_items" and q.units:
        result = _unit_answer(engine, q, years, kinds, top_k, retrievers)
    elif q.intent == "compare":
        result = _compare_answer(engine, q, years, kinds, top_k, retrievers, cut)
    else:
        result = _topic_answer(engine, q, years, kinds, top_k, retrievers, cut, review)
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result


def relevant(hits: list[Hit], cut: float, limit: int, lexical_cut: float = 0.0) -> list[Hit]:
    """Hits close enough to the best one to be trusted as answers.

    Two checks: the fused score against the best fused score, and, when BM25 ran, the
    BM25 score against the best BM25 score, since an item that shares none of the
    topic's words is rarely on topic however close its vector is.
    """
    if not hits:
        return []
    best = hits[0].score
    best_lexical = max((h.signals.get("bm25", 0.0) for h in hits[:limit]), default=0.0)
    return [h for h in hits[:limit] if h.score >= cut * best
            and (best_lexical == 0 or h.signals.get("bm25", 0.0) >= lexical_cut * best_lexical)]


def aggregate_units(items: list[Item]) -> tuple[list[str], list[str], list[UnitEntry]]:
    """Units by role, most items first; each keeps the items (by year) that name it."""
    entries: dict[tuple[str, str], UnitEntry] = {}
    for item in items:
        for role, units in (("lead", item.lead_units), ("responsible", item.responsible_units)):
            for unit in units:
                entry = entries.setdefault((unit, role), UnitEntry(unit, role))
                entry.items.setdefault(item.year, []).append(item.id)
    ordered = sorted(entries.values(), key=lambda e: (e.role != "lead", -e.count, e.unit))
    lead = [e.unit for e in ordered if e.role == "lead"]
    resp = [e.unit for e in ordered if e.role == "responsible"]
    return lead, resp, ordered


def search_text(q) -> str:
    """The topic words when there are enough of them; question words only add noise."""
    return q.topic if sum(ch.isalnum() for ch in q.topic) >= 2 else q.text


def _topic_answer(engine, q, years, kinds, top_k, retrievers, cut, review=False) -> Answer:
    query = search_text(q)
    allowed = engine.allowed_rows(years, kinds, with_review=review, by_document=review)
    notes = _year_notes(engine, years)
    if allowed is not None and len(allowed) == 0 and review:
        notes.append("按问题中的年份和文件类型没有找到条目，已在全部文件中检索。")
        allowed = None
    hits = engine.rank(query, allowed, retrievers)
    unit_hits = relevant([h for h in hits if h.item.kind in UNIT_KINDS and h.item.units], cut,
                         engine.settings.answer_items, engine.settings.answer_lexical_cut)
    if q.intent == "fact":
        unit_hits = unit_hits[:1]
    lead, resp, entries = aggregate_units([h.item for h in unit_hits])
    summary = _topic_summary(q, hits, lead, resp)
    return Answer(q.raw, q.intent, list(years), list(q.units), q.topic, summary, hits[:top_k],
                  lead, resp, entries, notes=notes)


def _unit_answer(engine, q, years, kinds, top_k, retrievers) -> Answer:
    """Every item the unit (or its predecessor/successor) is named in, for the years asked."""
    names = {unit: None for unit in q.units}
    for unit in q.units:
        for other, relation in related_units(unit).items():
            kind, direction = relation.split(":")
            names.setdefault(other, f"{RELATION_LABELS[direction]}{other}（{RELATION_LABELS.get(kind, kind)}），"
                                    f"与{unit}为同一职能")
    matched = []
    for item in engine.items:
        if years and item.year not in years or kinds and item.kind not in kinds:
            continue
        if any(n in (item.lead_units if q.role == "lead" else item.units) for n in names):
            matched.append(item)
    if q.topic:
        order = {h.item.id: r for r, h in enumerate(engine.rank(q.topic or q.text, None, retrievers, depth=len(engine.items)))}
        matched.sort(key=lambda item: order.get(item.id, len(order)))
    hits = [Hit(item, 1.0 / (rank + 1)) for rank, item in enumerate(matched)]
    entries = []
    for name, link in names.items():
        for role in ("lead", "responsible") if q.role != "lead" else ("lead",):
            entry = UnitEntry(name, role, link=link)
            for item in matched:
                if name in (item.lead_units if role == "lead" else item.responsible_units):
                    entry.items.setdefault(item.year, []).append(item.id)
            if entry.count:
                entries.append(entry)
    notes = _year_notes(engine, years)
    role = "牵头" if q.role == "lead" else "牵头或参与"
    span = "、".join(f"{y}年" for y in years) if years else "各年度"
    summary = (f"{'、'.join(q.units)}在{span}{role}的任务共 {len(matched)} 项。" if matched
               else f"{span}的文件中没有找到{'、'.join(q.units)}{role}的任务。")
    if any(link for link in names.values()):
        summary += " 已包含改名或合并前后的单位：" + "；".join(v for v in names.values() if v) + "。"
    lead = [e.unit for e in entries if e.role == "lead"]
    resp = [e.unit for e in entries if e.role == "responsible"]
    return Answer(q.raw, "unit_items", list(years), list(q.units), q.topic, summary, hits[:max(top_k, len(hits))],
                  lead, resp, entries, notes=notes)


def _compare_answer(engine, q, years, kinds, top_k, retrievers, cut) -> Answer:
    plan_years = sorted({d.year for d in engine.documents if d.kind in UNIT_KINDS})
    years = tuple(years) if len(years) >= 2 else tuple(plan_years[-2:])
    query = search_text(q)
    side: dict[int, list[Hit]] = {}
    for year in years:
        hits = engine.rank(query, engine.allowed_rows([year], kinds or UNIT_KINDS), retrievers)
        side[year] = relevant(hits, cut, engine.settings.answer_items, engine.settings.answer_lexical_cut)
    first, last = years[0], years[-1]
    units = {y: {u for h in side[y] for u in h.item.units} for y in years}
    renamed = [{"from": old, "to": new, "relation": rel.split(":")[0]}
               for old in sorted(units[first] - units[last])
               for new, rel in related_units(old).items() if rel.endswith("successor") and new in units[last]]
    renamed_old = {r["from"] for r in renamed}
    renamed_new = {r["to"] for r in renamed}
    comparison = {
        "years": list(years),
        "items": {str(y): [h.item.id for h in side[y]] for y in years},
        "added": sorted(units[last] - units[first] - renamed_new),
        "dropped": sorted(units[first] - units[last] - renamed_old),
        "renamed": renamed,
        "kept": sorted(units[first] & units[last]),
    }
    merged = [h for pair in _interleave([side[y] for y in years]) for h in pair]
    lead, resp, entries = aggregate_units([h.item for h in merged])
    summary = (f"“{query}”：{first}年 {len(side[first])} 项，{last}年 {len(side[last])} 项；"
               f"新增单位 {len(comparison['added'])} 个，不再出现 {len(comparison['dropped'])} 个，"
               f"改名或合并 {len(renamed)} 个。")
    return Answer(q.raw, "compare", list(years), list(q.units), query, summary, merged[:max(top_k, len(merged))],
                  lead, resp, entries, comparison=comparison, notes=_year_notes(engine, years))


def _interleave(lists: list[list[Hit]]):
    longest = max((len(x) for x in lists), default=0)
    for i in range(longest):
        yield [x[i] for x in lists if i < len(x)]


def _year_notes(engine, years) -> list[str]:
    notes = []
    for year in years or ():
        kinds = {d.kind for d in engine.documents if d.year == year}
        if not kinds:
            notes.append(f"语料中没有 {year} 年的文件。")
        elif not kinds & set(UNIT_KINDS):
            notes.append(f"{year} 年只有政府工作报告，报告不列责任单位。")
    return notes


def _topic_summary(q, hits, lead, resp) -> str:
    if not hits:
        return "没有找到相关条目。"
    if q.intent == "fact":
        top = hits[0].item
        return f"{top.citation}：{top.text}"
    if lead:
        return f"牵头单位：{'、'.join(lead)}；责任单位：{'、'.join(resp) or '无'}。"
    return f"最相关的是 {hits[0].item.citation}。"
