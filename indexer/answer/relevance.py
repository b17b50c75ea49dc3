"""A relevance decision per item: does this hit support the question, or is it only nearby?

Fused RRF scores are ranks, not evidence: the best hit scores the same whether it
answers the question or not. The judge looks at absolute evidence as well: how much
of the question's idf weight the item contains (a question about 南极科考站 shares
almost nothing with any item), its cosine to the question, and where it stands
against the best hit. A logistic model over those features gives a probability;
its weights and both thresholds are fitted on the dev questions only
(`python -m eval.calibrate`, which writes relevance.json beside this file).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..config import RELEVANCE
from ..records import Retriever
from ..search.retrieve import Hit

if TYPE_CHECKING:
    from ..search.engine import Engine

WEIGHTS = RELEVANCE
FEATURES = ("coverage", "coverage_vs_best", "cosine_vs_best", "fused_vs_best", "inverse_rank", "cosine")
DEPTH = 10  # hits judged per question


QUESTION_FEATURES = ("best_coverage", "best_cosine")
LEXICAL = "lexical"  # the judge for hits without a calibrated cosine: its cosine weights are zero


@dataclass(frozen=True)
class Judge:
    """Two logistic models: per item (is it on the question?) and per question (does the
    corpus answer it at all?). The second looks only at absolute evidence, since every
    question has a best hit whether or not the corpus answers it."""

    coef: tuple[float, ...]
    intercept: float
    item_threshold: float  # an item with p below this is not cited
    found_coef: tuple[float, ...]
    found_intercept: float
    found_threshold: float  # a question whose p(found) is below this gets "没有找到"

    @classmethod
    def load(cls, model: str = LEXICAL, path: Path = WEIGHTS) -> Judge:
        """The judge fitted for this embedding model's cosines; the lexical one for a model without
        its own fit, since cosine scales differ from model to model."""
        judges = _load_all(path)
        return judges.get(model) or judges[LEXICAL]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        if not len(features):
            return np.zeros(0)
        return _sigmoid(features @ np.array(self.coef) + self.intercept)

    def found_probability(self, features: np.ndarray) -> float:
        if not len(features):
            return 0.0
        return float(_sigmoid(question_features(features) @ np.array(self.found_coef) + self.found_intercept))


@lru_cache(maxsize=4)
def _load_all(path: Path) -> dict[str, Judge]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        model: Judge(
            tuple(d["coef"]),
            d["intercept"],
            d["item_threshold"],
            tuple(d["found_coef"]),
            d["found_intercept"],
            d["found_threshold"],
        )
        for model, d in data["judges"].items()
    }


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-z)))


def question_features(item_features: np.ndarray) -> np.ndarray:
    """The question-level evidence: the best coverage and the best cosine among the judged hits."""
    coverage, cosine = FEATURES.index("coverage"), FEATURES.index("cosine")
    return np.array([item_features[:, coverage].max(), item_features[:, cosine].max()])


def features(engine: Engine, query: str, hits: list[Hit]) -> np.ndarray:
    """One row per hit (the first DEPTH): the FEATURES above."""
    hits = hits[:DEPTH]
    if not hits:
        return np.zeros((0, len(FEATURES)))
    coverage = engine.coverage(query, [h.item for h in hits])
    cosine = _cosines(hits)
    best = hits[0].score or 1.0
    return np.column_stack(
        [
            coverage,
            coverage / (coverage.max() or 1.0),
            cosine - cosine.max(),
            [h.score / best for h in hits],
            [1 / r for r in range(1, len(hits) + 1)],
            cosine,
        ]
    )


def cosine_retriever(hits: list[Hit]) -> Retriever | None:
    """The dense retriever whose cosines the features use: e5 where it ran, else dense."""
    ran = {r for h in hits for r in h.signals}
    return next((r for r in (Retriever.E5, Retriever.DENSE) if r in ran), None)


def _cosines(hits: list[Hit]) -> np.ndarray:
    """The dense retriever's cosine; a hit it did not rank gets just below its lowest."""
    retriever = cosine_retriever(hits)
    if retriever is None:
        return np.zeros(len(hits))
    floor = min(h.signals[retriever] for h in hits if retriever in h.signals) - 0.01
    return np.array([h.signals.get(retriever, floor) for h in hits])


def judge_for(engine: Engine, hits: list[Hit]) -> Judge:
    retriever = cosine_retriever(hits)
    model = engine.config["dense"][retriever]["model"] if retriever else LEXICAL
    return Judge.load(model, engine.settings.relevance_file)


def judge(
    engine: Engine, query: str, hits: list[Hit], judge: Judge | None = None
) -> tuple[bool, list[Hit], np.ndarray]:
    """(found, supporting hits in rank order, probabilities of the judged hits)."""
    judge = judge or judge_for(engine, hits)
    x = features(engine, query, hits)
    p = judge.probabilities(x)
    if not len(p) or judge.found_probability(x) < judge.found_threshold:
        return False, [], p
    supporting = [h for h, pi in zip(hits[: len(p)], p, strict=True) if pi >= judge.item_threshold]
    return True, supporting or hits[:1], p


def found_probability(engine: Engine, query: str, hits: list[Hit]) -> float:
    """The question-level p(found) the judge gives these hits (grounding weighs absent terms with it)."""
    return judge_for(engine, hits).found_probability(features(engine, query, hits))


def logistic_fit(
    x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None, l2: float = 1.0, steps: int = 50
) -> tuple[np.ndarray, float]:
    """Newton's method on L2-regularised, sample-weighted log loss; small and dependency-free.

    Features are standardised for the fit (so the penalty treats a cosine spread over 0.1
    like a coverage spread over 1) and the weights mapped back to raw features."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a constant column (no cosine in the lexical judge) keeps weight 0
    X = np.column_stack([(x - mean) / scale, np.ones(len(x))])
    weights = np.ones(len(y)) if weights is None else weights
    w = np.zeros(X.shape[1])
    reg = np.eye(X.shape[1]) * l2
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        gradient = X.T @ (weights * (p - y)) + reg @ w
        hessian = X.T @ (X * (weights * p * (1 - p))[:, None]) + reg
        w -= np.linalg.solve(hessian, gradient)
    coef = w[:-1] / scale
    return coef, float(w[-1] - coef @ mean)
