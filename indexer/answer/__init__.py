"""Answer: from a question and the engine's hits to the items cited and the units they name."""
from __future__ import annotations

import time

from ..records import Intent
from .compare import compare_answer
from .model import Answer, Comparison, RenamedUnit, UnitEntry
from .targets import target_answer
from .topic import topic_answer
from .units import unit_answer, unknown_unit_answer

__all__ = ["Answer", "Comparison", "RenamedUnit", "UnitEntry", "answer_question"]


def answer_question(engine, question: str, year: int | None = None, kind=None, top_k: int | None = None,
                    retrievers=None) -> Answer:
    started = time.perf_counter()
    q = engine.understand(question)
    years = (year,) if year else q.years
    kinds = (kind,) if kind else (q.kinds or None)
    review = year is None   # filters the user set are strict; those read from the question are not
    top_k = top_k or engine.settings.top_k
    if q.intent is Intent.TARGET and (found := target_answer(engine, q, years)) is not None:
        result = found      # target, result and verdict; else answered as a topic question below
    elif q.intent is Intent.UNIT_ITEMS and q.units:
        result = unit_answer(engine, q, years, kinds, top_k, retrievers)
    elif q.intent is Intent.UNIT_ITEMS and q.unknown_units:
        result = unknown_unit_answer(engine, q, years, kinds, retrievers)
    elif q.intent is Intent.COMPARE:
        result = compare_answer(engine, q, years, kinds, top_k, retrievers)
    else:
        result = topic_answer(engine, q, years, kinds, top_k, retrievers, review)
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result
