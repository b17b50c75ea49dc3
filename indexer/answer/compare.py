"""Comparisons (2023年和2025年招商引资分工的变化): the topic's items per year and how the units changed."""
from __future__ import annotations

from ..records import DocKind, Intent
from ..store import Filter
from .model import Answer, Comparison, RenamedUnit
from .select import aggregate_units, relevant, search_text, year_notes

UNIT_KINDS = (DocKind.PLAN, DocKind.PROPOSAL)


def compare_answer(engine, q, years, kinds, top_k, retrievers, cut) -> Answer:
    plan_years = sorted({d.year for d in engine.documents if d.kind.names_units})
    years = tuple(years) if len(years) >= 2 else tuple(plan_years[-2:])
    query = search_text(q)
    side = {year: relevant(engine.rank(query, Filter.where([year], kinds or UNIT_KINDS), retrievers), cut,
                           engine.settings.answer_items, engine.settings.answer_lexical_cut)
            for year in years}
    comparison = compare_units(engine, years, {y: {u for h in side[y] for u in h.item.units} for y in years},
                               {y: [h.item.id for h in side[y]] for y in years})
    merged = [h for pair in _interleave([side[y] for y in years]) for h in pair]
    lead, resp, entries = aggregate_units([h.item for h in merged])
    first, last = years[0], years[-1]
    summary = (f"“{query}”：{first}年 {len(side[first])} 项，{last}年 {len(side[last])} 项；"
               f"新增单位 {len(comparison.added)} 个，不再出现 {len(comparison.dropped)} 个，"
               f"改名或合并 {len(comparison.renamed)} 个。")
    return Answer(q.raw, Intent.COMPARE, list(years), list(q.units), query, summary,
                  merged[:max(top_k, len(merged))], lead, resp, entries, comparison=comparison,
                  notes=year_notes(engine, years))


def compare_units(engine, years, units: dict[int, set[str]], items: dict[int, list[str]]) -> Comparison:
    first, last = years[0], years[-1]
    renamed = tuple(RenamedUnit(old, new, rel.split(":")[0])
                    for old in sorted(units[first] - units[last])
                    for new, rel in engine.links.related(old).items()
                    if rel.endswith("successor") and new in units[last])
    olds, news = {r.old for r in renamed}, {r.new for r in renamed}
    return Comparison(tuple(years), items, tuple(sorted(units[last] - units[first] - news)),
                      tuple(sorted(units[first] - units[last] - olds)), renamed,
                      tuple(sorted(units[first] & units[last])))


def _interleave(lists):
    longest = max((len(x) for x in lists), default=0)
    for i in range(longest):
        yield [x[i] for x in lists if i < len(x)]
