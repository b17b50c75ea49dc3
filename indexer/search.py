"""Hybrid retrieval: each retriever ranks the items, reciprocal rank fusion merges them.

Filters (years, kinds, units) are applied inside each retriever, before ranking, so
a year filter can never leak another year's items into the fused list.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import faiss
import numpy as np

from .records import Item


@dataclass(frozen=True)
class Hit:
    item: Item
    score: float
    ranks: dict = field(default_factory=dict)     # retriever → 1-based rank
    signals: dict = field(default_factory=dict)   # retriever → raw score (cosine, BM25)

    def to_json(self) -> dict:
        i = self.item
        return {"id": i.id, "year": i.year, "kind": i.kind, "title": i.title, "citation": i.citation,
                "path": list(i.path), "number": i.number, "text": i.text,
                "lead_units": list(i.lead_units), "responsible_units": list(i.responsible_units),
                "sources": [{"file": s.file, "line": s.line} for s in i.sources], "notes": list(i.notes),
                "score": round(float(self.score), 6), "ranks": self.ranks,
                "signals": {k: round(float(v), 4) for k, v in self.signals.items()}}


def dense_ranking(index: faiss.Index, query_vector: np.ndarray, allowed: np.ndarray | None,
                  depth: int) -> list[tuple[int, float]]:
    """Row ids by cosine; a filter is pushed into FAISS as an id selector."""
    n = index.ntotal
    if n == 0 or (allowed is not None and len(allowed) == 0):
        return []
    k = min(depth, n if allowed is None else len(allowed))
    params = None
    if allowed is not None:
        params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed.astype(np.int64)))
    scores, ids = index.search(query_vector.reshape(1, -1).astype(np.float32), k, params=params)
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]


def lexical_ranking(scores: np.ndarray, allowed: np.ndarray | None, depth: int) -> list[tuple[int, float]]:
    if allowed is not None:
        masked = np.full_like(scores, -1.0)
        masked[allowed] = scores[allowed]
        scores = masked
    depth = min(depth, len(scores))
    if depth == 0:
        return []
    top = np.argpartition(-scores, depth - 1)[:depth]          # no full sort of a large corpus
    order = top[np.lexsort((top, -scores[top]))]
    return [(int(i), float(scores[i])) for i in order if scores[i] > 0]


def fuse(rankings: dict[str, list[tuple[int, float]]], weights: dict[str, float], k: int = 60) -> list[tuple[int, float, dict, dict]]:
    """Reciprocal rank fusion: robust to the different scales of cosine and BM25 scores."""
    fused: dict[int, float] = {}
    ranks: dict[int, dict] = {}
    signals: dict[int, dict] = {}
    for name, ranking in rankings.items():
        for rank, (row, raw) in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + weights.get(name, 1.0) / (k + rank)
            ranks.setdefault(row, {})[name] = rank
            signals.setdefault(row, {})[name] = raw
    order = sorted(fused, key=lambda r: (-fused[r], r))
    return [(row, fused[row], ranks[row], signals[row]) for row in order]
