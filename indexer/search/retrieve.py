"""Hybrid retrieval: each retriever ranks the items, reciprocal rank fusion merges them.

Filters are applied inside each retriever, before ranking (the vector store takes
them pushed down; BM25 masks its scores), so a year filter can never leak another
year's items into the fused list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..records import Item


@dataclass(frozen=True)
class Hit:
    item: Item
    score: float
    ranks: dict[str, int] = field(default_factory=dict)  # retriever → 1-based rank
    signals: dict[str, float] = field(default_factory=dict)  # retriever → raw score (cosine, BM25)


def lexical_ranking(scores: np.ndarray, allowed: np.ndarray | None, depth: int) -> list[tuple[int, float]]:
    if allowed is not None:
        masked = np.full_like(scores, -1.0)
        masked[allowed] = scores[allowed]
        scores = masked
    depth = min(depth, len(scores))
    if depth == 0:
        return []
    top = np.argpartition(-scores, depth - 1)[:depth]  # no full sort of a large corpus
    order = top[np.lexsort((top, -scores[top]))]
    return [(int(i), float(scores[i])) for i in order if scores[i] > 0]


def fuse(
    rankings: dict[str, list[tuple[int, float]]], weights: dict[str, float], k: int = 60
) -> list[tuple[int, float, dict[str, int], dict[str, float]]]:
    """Reciprocal rank fusion: robust to the different scales of cosine and BM25 scores."""
    fused: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    signals: dict[int, dict[str, float]] = {}
    for name, ranking in rankings.items():
        for rank, (row, raw) in enumerate(ranking, start=1):
            fused[row] = fused.get(row, 0.0) + weights.get(name, 1.0) / (k + rank)
            ranks.setdefault(row, {})[name] = rank
            signals.setdefault(row, {})[name] = raw
    order = sorted(fused, key=lambda r: (-fused[r], r))
    return [(row, fused[row], ranks[row], signals[row]) for row in order]
