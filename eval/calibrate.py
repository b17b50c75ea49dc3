"""Fit the relevance judge on the dev questions only: `python -m eval.calibrate`.

For every dev question answered from ranked hits (not unit questions, which list a
unit's items exactly), the hits are collected before any judgement, labelled by the
gold items, and a logistic model is fitted over indexer.answer.relevance.FEATURES.
Two thresholds are then chosen on the same dev questions:
- item_threshold: the one on a grid that keeps both answer-citation targets furthest from
  failing on dev (the larger of the two margins' minimum: Recall@5 over TARGET_RECALL and
  citation precision over TARGET_PRECISION, measured as `python -m eval` measures them, every
  answerable dev question through the answer path): a cut too low pads every answer with
  unsupported items, one too high loses answers;
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
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from indexer.answer.relevance import (
    FEATURES,
    LEXICAL,
    QUESTION_FEATURES,
    WEIGHTS,
    features,
    logistic_fit,
    question_features,
)
from indexer.answer.topic import candidates
from indexer.config import Settings
from indexer.errors import QueryError
from indexer.records import Intent, Retriever

from .evaluator import CONFIGS, UNANSWERABLE, Evaluator, load_splits
from .metrics import base_id

TARGET_RECALL = 0.95  # the targets for answer citations: Recall@5 …
TARGET_PRECISION = 0.75  # … and citation precision
ITEM_GRID = np.round(np.arange(0.05, 0.31, 0.01), 2)
MAX_FALSE_REFUSALS = 1 / 60  # the target: at most one answerable question in 60 refused


def collect(engine, questions, retrievers):
    """Per question: (gold ids or None for unanswerable, feature rows, labels)."""
    rows = []
    for q in questions:
        parsed = engine.understand(q["question"])
        if parsed.intent is Intent.UNIT_ITEMS and (parsed.units or parsed.unknown_units):
            continue  # answered from the unit lists, never judged
        try:
            query, hits, scoped = candidates(
                engine, parsed, parsed.years, parsed.kinds or None, retrievers, review=True
            )
        except QueryError:
            continue  # nothing to search for: the user is asked for a question, never judged
        if scoped.nothing_left:
            continue  # a year no document has (2021年…): refused by the scope, never judged
        x = features(engine, query, hits)
        labels = np.array([base_id(h.item.id) in q["gold_items"] for h in hits[: len(x)]], dtype=float)
        rows.append((None if q["type"] == UNANSWERABLE else q["gold_items"], x, labels))
    return rows


def answer_scores(engine, dev, config: str, judges: dict) -> tuple[float, float]:
    """Dev Recall@5 and citation precision of the answers with these judges, as the eval scores them."""
    evaluator, settings = Evaluator({"dev": []}), engine.settings
    with tempfile.TemporaryDirectory(prefix="polqa-judge-") as tmp:
        path = Path(tmp) / "relevance.json"
        path.write_text(json.dumps({"judges": judges}), encoding="utf-8")
        engine.settings = replace(settings, relevance_file=path)
        try:
            rows = [evaluator.score(engine, q, config) for q in dev if q["type"] != UNANSWERABLE]
        finally:
            engine.settings = settings
    recall = np.mean([r["recall@5"] for r in rows if r.get("recall@5") is not None])
    precision = np.mean([r["citation_precision"] for r in rows if r.get("citation_precision") is not None])
    return float(recall), float(precision)


def choose_item_threshold(engine, dev, config: str, model: str, judge: dict) -> tuple[float, list]:
    """The grid threshold with the widest margin to both targets (and the grid, for the record);
    the other models' judges are the ones in relevance.json."""
    others = json.loads(WEIGHTS.read_text(encoding="utf-8"))["judges"] if WEIGHTS.exists() else {}
    grid = [
        (float(t), *answer_scores(engine, dev, config, {**others, model: {**judge, "item_threshold": float(t)}}))
        for t in ITEM_GRID
    ]
    return widest_margin(grid), [[t, round(r, 4), round(p, 4)] for t, r, p in grid]


def widest_margin(grid) -> float:
    """(threshold, recall, precision) rows → the threshold whose smaller margin to the targets is
    largest; ties go to the larger sum of margins, then to the higher threshold."""
    return max(
        grid, key=lambda g: (round(min(g[1] - TARGET_RECALL, g[2] - TARGET_PRECISION), 6), round(g[1] + g[2], 6), g[0])
    )[0]


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
    p_found = [
        float(1 / (1 + np.exp(-(question_features(x) @ coef + intercept)))) if len(x) else 0.0 for _, x, _ in rows
    ]
    answerable = sorted(pf for (gold, _, _), pf in zip(rows, p_found, strict=False) if gold is not None)
    threshold = answerable[rank] - 1e-6
    return coef, intercept, float(threshold), p_found


def leave_one_out(rows, rank: int) -> tuple[float, int]:
    """Each dev question judged by a model fitted without it: the unanswerable share refused
    and the number of answerable questions refused."""
    refused, false = [], 0
    for i, (gold, x, _) in enumerate(rows):
        if not len(x):
            continue
        coef, intercept, threshold, _ = fit_found(rows[:i] + rows[i + 1 :], rank)
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


def fit(engine, dev, config: str, model: str) -> dict:
    """One judge: the item model, the question model and its threshold, then the item threshold."""
    rows = collect(engine, dev, CONFIGS[config])
    answerable = [r for r in rows if r[0] is not None and len(r[1])]
    x = np.vstack([r[1] for r in answerable])
    y = np.concatenate([r[2] for r in answerable])
    coef, intercept = logistic_fit(x, y)
    rank, held_out = choose_rank(rows)
    found_coef, found_intercept, found, p_found = fit_found(rows, rank)
    unanswerable = [pf for (gold, _, _), pf in zip(rows, p_found, strict=False) if gold is None]
    judge = {
        "coef": [round(float(c), 4) for c in coef],
        "intercept": round(intercept, 4),
        "found_coef": [round(float(c), 4) for c in found_coef],
        "found_intercept": round(found_intercept, 4),
        "found_threshold": round(found, 4),
    }
    item, grid = choose_item_threshold(engine, dev, config, model, judge)
    return {
        **judge,
        "item_threshold": item,
        "dev_rows": int(len(y)),
        "dev_questions": len(answerable),
        "dev_unanswerable": len(unanswerable),
        "dev_unanswerable_refused": sum(p < found for p in unanswerable),
        "dev_answerable_refused": rank,
        "dev_leave_one_out_refused_and_false": held_out,
        "dev_item_threshold_recall5_citation_precision": grid,
    }


def main() -> int:
    from indexer.build import build_index
    from indexer.search import Engine

    base = Settings()
    settings = replace(
        base, index_dir=base.index_dir / "eval-m3e-small", retrievers=(Retriever.DENSE, Retriever.E5, Retriever.BM25)
    )
    build_index(settings, progress=False)  # the eval's index with every retriever; reused when up to date
    engine = Engine.load(settings)
    dev = load_splits()["dev"]
    judges = {}
    for config in ("e5+bm25", "hybrid", "bm25"):  # each judge measured with the configuration it serves
        dense = [r for r in CONFIGS[config] if r.is_dense]
        model = engine.config["dense"][dense[0]]["model"] if dense else LEXICAL
        judges[model] = fit(engine, dev, config, model)
        print(model, json.dumps(judges[model], ensure_ascii=False), file=sys.stderr)
    result = {
        "features": list(FEATURES),
        "found_features": list(QUESTION_FEATURES),
        "fitted_on": "eval/questions/dev.jsonl",
        "command": "python -m eval.calibrate",
        "judges": judges,
    }
    WEIGHTS.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
