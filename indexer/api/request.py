"""The one place the app and the API ask the answer stage a question.

Issue #22 replaces `Engine.answer(question, year=, kind=)` with
`indexer.answer.answer(engine, AnswerRequest(...))`, which takes several years and kinds and a
unit filter. Until it lands, `AnswerRequest` below has the same fields and `ask` maps it onto the
old call, narrowing the answer to the units here (`_only_units`); at the merge this module becomes
`from indexer.answer import AnswerRequest, answer as ask` and nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..answer.select import aggregate_units
from ..answer.topic import topic_summary
from ..messages import say
from ..records import DocKind, Intent


@dataclass(frozen=True)
class AnswerRequest:
    """A question with the filters the user set (strict, unlike those read from the question)."""
    question: str
    years: tuple[int, ...] = ()
    kinds: tuple[DocKind, ...] = ()
    units: tuple[str, ...] = ()
    top_k: int | None = None
    retrievers: tuple | None = None


def ask(engine, request: AnswerRequest):
    """The answer for request. The old call takes one year and one kind: a second one is dropped."""
    year = request.years[0] if request.years else None
    kind = request.kinds[0] if request.kinds else None
    answer = engine.answer(request.question, year=year, kind=kind, top_k=request.top_k,
                           retrievers=request.retrievers)
    return _only_units(engine, answer, request, year, kind) if request.units and answer.found else answer


def _only_units(engine, answer, request: AnswerRequest, year, kind):
    """Interim (#22 does this in the answer stage): the answer restricted to items naming one of the
    units or their renamed predecessors/successors, so summary, unit counts, table and export agree."""
    names = {n for unit in request.units for n in engine.unit_names(unit)}
    hits = [h for h in answer.citations if names & set(h.item.units)]
    seen = {h.item.id for h in hits}
    top_k = request.top_k or engine.settings.top_k
    for unit in request.units:
        more = engine.search(request.question, top_k=top_k, year=year, kind=kind, unit=unit)
        hits += [h for h in more if h.item.id not in seen and not seen.add(h.item.id)]
    hits = hits[:top_k]
    basis = [engine.item(i) for i in dict.fromkeys(_basis(answer))]
    lead, resp, entries = aggregate_units([i for i in basis if names & set(i.units)])
    summary = answer.summary
    if answer.intent not in (Intent.UNIT_ITEMS, Intent.COMPARE):
        summary = topic_summary(engine.understand(request.question), answer.topic, hits, lead, resp)
    note = say("api.unit_filter", units="、".join(request.units))
    return replace(answer, citations=hits, lead_units=lead, responsible_units=resp, unit_entries=entries,
                   summary=summary, notes=[*answer.notes, note], found=bool(hits))


def _basis(answer) -> list[str]:
    """The items the unit lists came from, in the answer's order (lead entries first)."""
    return [i for entry in answer.unit_entries for i in entry.item_ids]
