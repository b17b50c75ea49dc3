"""The vector store interface every backend answers to, and the filter it pushes down.

A store holds int64 ids, one L2-normalised vector each, and the few fields a filter
needs (year, kind, the document's kind, units). Filters run inside the store, before
ranking, so a filtered search returns k hits whenever k items pass the filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from ..records import DocKind, Item


@dataclass(frozen=True)
class Payload:
    """What a filter may look at, per vector."""

    year: int
    kind: DocKind
    doc_kind: DocKind
    units: tuple[str, ...] = ()

    @classmethod
    def of(cls, item: Item) -> Payload:
        return cls(item.year, item.kind, item.doc_kind, item.units)


@dataclass(frozen=True)
class Filter:
    """Which items may be returned; None in a field means no constraint on it.

    review_years admits reports of those years as well: a year's report reviews the
    year before it. by_document matches a kind against the item's document too, so a
    question about a plan also reaches the notice that issued it.
    """

    years: frozenset[int] | None = None
    kinds: frozenset[DocKind] | None = None
    units: frozenset[str] | None = None
    review_years: frozenset[int] = frozenset()
    by_document: bool = False

    @classmethod
    def where(
        cls,
        years: Iterable[int] | None = None,
        kinds: Iterable[DocKind] | None = None,
        units: Iterable[str] | None = None,
        with_review: bool = False,
        by_document: bool = False,
    ) -> Filter | None:
        """A filter, or None when nothing constrains the search."""
        if not years and not kinds and not units:
            return None
        years = frozenset(years) if years else None
        review = frozenset(y + 1 for y in years) if years and with_review else frozenset()
        return cls(
            years,
            frozenset(DocKind(k) for k in kinds) if kinds else None,
            frozenset(units) if units else None,
            review,
            by_document,
        )

    def admits(self, p: Payload) -> bool:
        """The filter on one payload: the reference every backend's pushed-down form must equal."""
        if (
            self.years is not None
            and p.year not in self.years
            and not (p.kind is DocKind.REPORT and p.year in self.review_years)
        ):
            return False
        if self.kinds is not None and p.kind not in self.kinds and not (self.by_document and p.doc_kind in self.kinds):
            return False
        return self.units is None or bool(self.units & set(p.units))


class VectorStore(Protocol):
    """txtai's ANN shape: add, delete, search, count, save, load; a factory picks the backend."""

    dimension: int

    def add(self, ids: np.ndarray, vectors: np.ndarray, payloads: Sequence[Payload]) -> None: ...

    def delete(self, ids: np.ndarray) -> None: ...

    def search(self, vector: np.ndarray, k: int, where: Filter | None = None) -> list[tuple[int, float]]:
        """(id, cosine) pairs, best first; at most k, fewer only when fewer items pass the filter."""
        ...

    def count(self) -> int: ...

    def ids(self) -> np.ndarray: ...

    def save(self, folder: Path, name: str = "vectors") -> None: ...
