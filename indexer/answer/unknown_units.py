"""A unit typed that the catalog cannot read as one unit: never guessed, never answered from another unit.

A name the documents never use (市档案局) is not found, with related reading apart; a short name several
units match equally (市委办) lists the candidates and asks which one was meant.
"""

from __future__ import annotations

from typing import Any

from ..messages import say
from ..records import DocKind, Intent, Retriever
from ..search.engine import Engine
from ..search.question import Question
from .model import Answer
from .scope import scope
from .select import searched_units, year_notes


def unknown_unit_answer(
    engine: Engine,
    q: Question,
    years: tuple[int, ...],
    kinds: tuple[DocKind, ...] | None,
    retrievers: tuple[Retriever, ...] | None,
) -> Answer:
    """A unit the documents never name (市档案局): not found, said so, with up to three items
    on its words as related reading, never cited and never feeding a unit list."""
    topic = " ".join([q.topic, *q.unknown_units]).strip()
    scoped = scope(engine, years, kinds, review=False)
    related = engine.rank(topic, scoped.where, retrievers, question=q.text)[:3]
    return _not_found(
        q,
        years,
        say("units.unknown", units="、".join(q.unknown_units)),
        notes=year_notes(engine, years) + scoped.notes,
        related=related,
        searched=searched_units(q, q.unknown_units, years, kinds),
    )


def unclear_unit_answer(
    engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> Answer:
    """A typed name several units match equally (市委办): not guessed; the answer lists the
    candidates (in `searched["candidates"]` too) and asks which one was meant."""
    summary = " ".join(say("units.unclear", typed=c.typed, candidates="、".join(c.candidates)) for c in q.unclear_units)
    searched = searched_units(q, [c.typed for c in q.unclear_units], years, kinds)
    searched["candidates"] = {c.typed: list(c.candidates) for c in q.unclear_units}
    return _not_found(q, years, summary, notes=year_notes(engine, years), searched=searched)


def _not_found(q: Question, years: tuple[int, ...], summary: str, **fields: Any) -> Answer:
    """A unit answer that names no unit: nothing cited, nothing in the unit lists."""
    return Answer(
        question=q.raw,
        intent=Intent.UNIT_ITEMS,
        years=list(years),
        units=[],
        topic=q.topic,
        summary=summary,
        citations=[],
        found=False,
        **fields,
    )
