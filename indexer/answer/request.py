"""What is asked: the question and the filters the user set, one value the CLI, the app and the eval share.

Filters set here (years, kinds, units) are strict: an item outside them is never cited,
and a filter no document meets gives "not found", never an answer from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import DocKind, Retriever


@dataclass(frozen=True)
class AnswerRequest:
    question: str
    years: tuple[int, ...] = ()
    kinds: tuple[DocKind, ...] = ()
    units: tuple[str, ...] = ()
    top_k: int | None = None
    retrievers: tuple[Retriever, ...] | None = None

    @classmethod
    def of(
        cls,
        question: str,
        year: int | None = None,
        kind: DocKind | str | None = None,
        unit: str | None = None,
        top_k: int | None = None,
        retrievers: tuple[Retriever, ...] | None = None,
    ) -> AnswerRequest:
        """The request for single optional filters, as the CLI's --year/--kind and the app's boxes give them."""
        return cls(
            question,
            (int(year),) if year else (),
            (DocKind(kind),) if kind else (),
            (unit,) if unit else (),
            top_k,
            retrievers,
        )
