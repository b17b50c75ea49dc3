"""Fit the relevance judge on the dev questions only: `python -m eval.calibrate`.

For every dev question answered from ranked hits (not unit questions, which list a
unit's items exactly), the hits are collected before any judgement, labelled by the
gold items, and a logistic model is fitted over indexer.answer.relevance.FEATURES.
Two thresholds are then chosen on the same dev rows:
- item_threshold: the highest whose dev Recall@5 stays at MIN_RECALL or above, so
  citations are as precise as they can be without losing answers;
- the question-level model (does the corpus answer this at all?) is fitted on the best
  hit's absolute evidence, answerable dev questions against the unanswerable dev ones
  (weighted to balance the classes). found_threshold sits just below the k-th lowest
  p(found) of the answerable dev questions, with k the largest for which leave-one-out
  refuses at most MAX_FALSE_REFUSALS of them: in-sample, the threshold looks safer than it
  is on questions the fit has not seen.
The result goes to indexer/answer/relevance.json with the counts it was fitted on.
The test split is never read here.
"""
from __future__ import annotations

import json
import sys
from dataclasses import replace

import numpy as np

from indexer.answer.relevance import FEATURES, LEXICAL, QUESTION_FEATURES, WEIGHTS, features, logistic_fit, question_features
from indexer.answer.topic import candidates
from indexer.config import Settings
from indexer.errors import QueryError
from indexer.records import Intent, Retriever

from .evaluator import UNANSWERABLE, load_splits
from .metrics import base_id

MIN_RECALL = 0.96
MAX_FALSE_REFUSALS = 1 / 60   # the target: at most one answerable question in 60 refused


def collect(engine, questions, retrievers):
    """Per question: (gold ids or None for unanswerable, feature rows, labels)."""
    rows = []
    for q in questions:
        parsed = engine.understand(q["question"])
        if parsed.intent is Intent.UNIT_ITEMS and (parsed.units or parsed.unknown_units):
            continue   # answered from the unit lists, never judged
        try:
            query, hits, scoped = candidates(engine, parsed, parsed.years, parsed.kinds or None, retrievers, review=True)
        except QueryError:
            continue   # nothing to search for: the user is asked for a question, never judged
        if scoped.nothing_left:
            continue   # a year no document has (2021年…): refused by the scope, never judged
        x = features(engine, query, hits)
        labels = np.array([base_id(h.item.id) in q["gold_items"] for h in hits[:len(x)]], dtype=float)
        rows.append((None if q["type"] == UNANSWERABLE else q["gold_items"], x, labels))
    return rows


def scores_at(rows, p_rows, threshold) -> tuple[float, float]:
    """Mean citation precision and Recall@5 on dev when items below threshold are not cited."""
    precisions, recalls = [], []
    for (gold, _, labels), p in zip(rows, p_rows):
        if gold is None or not len(p):
            continue
        keep = (p >= threshold) | (np.arange(len(p)) == 0)
        precisions.append(labels[keep].mean())
        recalls.append(labels[keep][:5].sum() / min(5, len(gold)))
    return float(np.mean(precisions)), float(np.mean(recalls))


def fit_found(rows, rank: int):
    """The question-level model, its threshold (refusing the `rank` least likely answerable
    questions), p(found) for every row."""
    usable = [(gold, x) for gold, x, _ in rows if len(x)]
    q = np.vstack([question_features(x) for _, x in usable])
    y = np.array([gold is not None for gold, _ in usable], dtype=float)
    if y.all():
        raise SystemExit("dev 中没有无法回答的问题，无法校准拒答阈值")
    weights = np.where(y == 1, 1.0, y.sum() / (len(y) - y.sum()))
    coef, intercept = logistic_fit(q, y, weights)
    p_found = [float(1 / (1 + np.exp(-(question_features(x) @ coef + intercept)))) if len(x) else 0.0
               for _, x, _ in rows]
    answerable = sorted(pf for (gold, _, _), pf in zip(rows, p_found) if gold is not None)
    threshold = answerable[rank] - 1e-6
    return coef, intercept, float(threshold), p_found


def leave_one_out(rows, rank: int) -> tuple[float, int]:
    """Each dev question judged by a model fitted without it: the unanswerable share refused
    and the number of answerable questions refused."""
    refused, false = [], 0
    for i, (gold, x, _) in enumerate(rows):
        if not len(x):
            continue
        coef, intercept, threshold, _ = fit_found(rows[:i] + rows[i + 1:], rank)
        refused_here = float(question_features(x) @ coef + intercept) < np.log(threshold / (1 - threshold))
        if gold is None:
            refused.append(refused_here)
        else:
            false += refused_here
    return round(float(np.mean(refused)), 3), int(false)


def choose_rank(rows) -> tuple[int, tuple[float, int]]:
    """The largest threshold rank whose leave-one-out false refusals stay within the budget."""
    budget = int(MAX_FALSE_REFUSALS * sum(gold is not None and len(x) > 0 for gold, x, _ in rows))
    for rank in range(budget, -1, -1):
        held_out = leave_one_out(rows, rank)
        if held_out[1] <= budget:
            return rank, held_out
    return 0, held_out


def fit(engine, dev, retrievers) -> dict:
    """One judge: the item model, its threshold, the question model and its threshold."""
    rows = collect(engine, dev, retrievers)
    answerable = [r for r in rows if r[0] is not None and len(r[1])]
    x = np.vstack([r[1] for r in answerable])
    y = np.concatenate([r[2] for r in answerable])
    coef, intercept = logistic_fit(x, y)
    p_rows = [1 / (1 + np.exp(-(r[1] @ coef + intercept))) if len(r[1]) else np.zeros(0) for r in rows]
    grid = np.round(np.arange(0.05, 0.95, 0.01), 2)
    item = max((t for t in grid if scores_at(rows, p_rows, t)[1] >= MIN_RECALL), default=grid[0])
    rank, held_out = choose_rank(rows)
    found_coef, found_intercept, found, p_found = fit_found(rows, rank)
    unanswerable = [pf for (gold, _, _), pf in zip(rows, p_found) if gold is None]
    return {"coef": [round(float(c), 4) for c in coef], "intercept": round(intercept, 4),
            "item_threshold": float(item),
            "found_coef": [round(float(c), 4) for c in found_coef], "found_intercept": round(found_intercept, 4),
            "found_threshold": round(found, 4),
            "dev_rows": int(len(y)), "dev_questions": len(answerable), "dev_unanswerable": len(unanswerable),
            "dev_unanswerable_refused": sum(p < found for p in unanswerable),
            "dev_answerable_refused": rank, "dev_leave_one_out_refused_and_false": held_out,
            "dev_citation_precision_recall5": [round(v, 3) for v in scores_at(rows, p_rows, item)]}


def main() -> int:
    from indexer.build import build_index
    from indexer.search import Engine

    base = Settings()
    settings = replace(base, index_dir=base.index_dir / "eval-m3e-small",
                       retrievers=(Retriever.DENSE, Retriever.E5, Retriever.BM25))
    build_index(settings, progress=False)   # the eval's index with every retriever; reused when up to date
    engine = Engine.load(settings)
    dev = load_splits()["dev"]
    judges = {}
    for retrievers in ((Retriever.E5, Retriever.BM25), (Retriever.DENSE, Retriever.BM25), (Retriever.BM25,)):
        dense = [r for r in retrievers if r.is_dense]
        model = engine.config["dense"][dense[0]]["model"] if dense else LEXICAL
        judges[model] = fit(engine, dev, retrievers)
        print(model, json.dumps(judges[model], ensure_ascii=False), file=sys.stderr)
    result = {"features": list(FEATURES), "found_features": list(QUESTION_FEATURES),
              "fitted_on": "eval/questions/dev.jsonl", "command": "python -m eval.calibrate", "judges": judges}
    WEIGHTS.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
