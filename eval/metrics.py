"""Retrieval and unit-list metrics, computed from plain dicts keyed by string ids.

Like sentence-transformers' InformationRetrievalEvaluator, inputs are rankings and
relevance sets keyed by query id, outputs are flat metric names with one primary
metric (mrr@10). Recall@k is capped at min(k, |relevant|) (BEIR's recall_cap): a
question with 8 gold items is fully answered by a top-5 list of 5 gold items.

>>> m = evaluate_rankings({"q1": ["a", "x", "b"]}, {"q1": {"a", "b"}}, ks=(1, 3))
>>> m["recall@1"], round(m["mrr@10"], 3), round(m["recall@3"], 3)
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import math
import re

PRIMARY = "mrr@10"
RANKING = ["recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10"]
UNIT = ["unit_precision", "unit_recall", "unit_f1"]
ANSWER = ["citation_precision", "answered", "refused"]
LATENCY = ["latency_p50_ms", "latency_p95_ms"]
PIECE = re.compile(r"\.\d+$")


def base_id(item_id: str) -> str:
    """A piece of a split paragraph (2024-report-p12.2) counts as its paragraph."""
    return PIECE.sub("", item_id)


def dedupe(ranking: list[str]) -> list[str]:
    return list(dict.fromkeys(base_id(i) for i in ranking))


def recall_at_k(ranking: list[str], relevant: set[str], k: int) -> float:
    if not relevant:
        return 0.0
    return len(set(ranking[:k]) & relevant) / min(k, len(relevant))


def reciprocal_rank(ranking: list[str], relevant: set[str], k: int = 10) -> float:
    for rank, item in enumerate(ranking[:k], start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranking: list[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1.0 / math.log2(rank + 1) for rank, item in enumerate(ranking[:k], start=1) if item in relevant)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(k, len(relevant)) + 1))
    return dcg / ideal if ideal else 0.0


def unit_scores(predicted: set, gold: set) -> dict[str, float]:
    """Precision, recall and F1 of a unit list; an empty prediction for empty gold is perfect."""
    if not predicted and not gold:
        return {"unit_precision": 1.0, "unit_recall": 1.0, "unit_f1": 1.0}
    hit = len(predicted & gold)
    precision = hit / len(predicted) if predicted else 0.0
    recall = hit / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"unit_precision": precision, "unit_recall": recall, "unit_f1": f1}


def citation_precision(cited: list[str], relevant: set[str]) -> float | None:
    """Share of cited items that support the answer; None when nothing was cited (a refusal).

    >>> citation_precision(["a", "b.1", "b.2", "x"], {"a", "b"})
    0.6666666666666666
    """
    cited = dedupe(cited)
    return len(set(cited) & relevant) / len(cited) if cited else None


def per_query(ranking: list[str], relevant: set[str], ks=(1, 5, 10)) -> dict[str, float]:
    ranking = dedupe(ranking)
    scores = {f"recall@{k}": recall_at_k(ranking, relevant, k) for k in ks}
    scores["mrr@10"] = reciprocal_rank(ranking, relevant, 10)
    scores["ndcg@10"] = ndcg_at_k(ranking, relevant, 10)
    return scores


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    keys = sorted({k for row in rows for k in row})
    return {k: sum(r[k] for r in rows if k in r) / max(1, sum(1 for r in rows if k in r)) for k in keys}


def evaluate_rankings(
    rankings: dict[str, list[str]],  # qid => ranked item ids
    relevant: dict[str, set[str]],  # qid => gold item ids
    ks=(1, 5, 10),
) -> dict[str, float]:
    return mean([per_query(rankings.get(qid, []), gold, ks) for qid, gold in relevant.items()])


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: p50 of [1, 2, 3, 4] is 2, p95 is 4."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]
