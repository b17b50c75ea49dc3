"""The one place the app and the API ask the answer stage a question.

Issue #22 replaces `Engine.answer(question, year=, kind=)` with
`indexer.answer.answer(engine, AnswerRequest(...))`. Until it lands, `AnswerRequest` below has
the same fields and `ask` maps it onto the old call; at the merge this module becomes
`from indexer.answer import AnswerRequest, answer as ask` and nothing else changes.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..records import DocKind


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
    """The answer for request. The old call takes one year and one kind and no unit filter: a
    second year or kind and the units are dropped here until #22's `answer` takes them."""
    year = request.years[0] if request.years else None
    kind = request.kinds[0] if request.kinds else None
    return engine.answer(request.question, year=year, kind=kind, top_k=request.top_k,
                         retrievers=request.retrievers)
