"""Could a learned answerability model decide what the rules cannot? `python -m eval.answerability`.

Issue 22 allows a small trained model where rules and the bi-encoder cannot separate a question.
The two places it would act are the paraphrase refused because a word of it is in no document
(rescue), and the near-domain question answered although one is (veto). This script measures,
on dev and seen only, whether a logistic model over the best hit can do either without the
cost the targets forbid. Its features: the e5 query and passage vectors multiplied element by
element (what a fine-tuned interaction head would learn from), the judge's item features and
p(found), and the grounding counts. It is scored leave-one-split-out (the letter of the id: b,
c, d, … each written by a different hand), so no question is judged by a model fitted on it.
Nothing here changes the answer path; the figures are in eval/README.md.
"""

from __future__ import annotations

import re
import sys

import numpy as np

from indexer.answer import AnswerRequest, answer
from indexer.answer.asks import asked_spans
from indexer.answer.grounding import _embedder, absent, ground
from indexer.answer.relevance import DEPTH, features, judge_for, logistic_fit
from indexer.answer.topic import candidates
from indexer.encode.passages import dense_text
from indexer.errors import QueryError
from indexer.records import Intent

from .evaluator import UNANSWERABLE, load_splits
from .metrics import base_id

TOPIC_INTENTS = {Intent.TOPIC_UNITS, Intent.FACT, Intent.SEARCH}
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)
L2 = (1.0, 30.0, 300.0)


def collect(engine) -> list[dict]:
    """Per topic question: the best hit's feature row, whether it answers, and what the rules did."""
    model = _embedder(engine)
    vectors = model.encode_passages([dense_text(i) for i in engine.items])
    passages = dict(zip((i.id for i in engine.items), vectors, strict=True))
    rows = []
    for questions in load_splits(splits=("dev", "seen")).values():  # never the blind split
        for q in questions:
            try:
                parsed = engine.understand(q["question"])
                result = answer(engine, AnswerRequest(q["question"]))
            except QueryError:
                continue
            if parsed.intent not in TOPIC_INTENTS or parsed.units:
                continue
            query, hits, scoped = candidates(engine, parsed, parsed.years, parsed.kinds or None, None, True)
            if scoped.nothing_left or not hits:
                continue
            x = features(engine, query, hits)
            judge = judge_for(engine, hits)
            grounding, _ = ground(engine, parsed.topic, hits[:DEPTH], parsed.text, asked_spans(parsed.text))
            vector = model.encode_queries([parsed.text])[0] * passages[hits[0].item.id]
            scalars = [judge.found_probability(x), len(absent(engine, grounding)), len(grounding.matched)]
            gold = {base_id(i) for i in q.get("gold_items", [])}
            rows.append(
                {
                    "group": re.match(r"[a-z]+", q["id"]).group(),
                    "x": np.concatenate([vector, scalars, x[0]]),
                    "y": float(base_id(hits[0].item.id) in gold),
                    "answerable": q["type"] != UNANSWERABLE,
                    "found": bool(result.found and result.citations),
                    "absent": scalars[1] > 0,
                }
            )
    return rows


def held_out(rows: list[dict], l2: float) -> np.ndarray:
    """p(the best hit answers) for each row from a model fitted without its split."""
    x, y = np.vstack([r["x"] for r in rows]), np.array([r["y"] for r in rows])
    groups = np.array([r["group"] for r in rows])
    p = np.zeros(len(rows))
    for group in set(groups):
        coef, intercept = logistic_fit(x[groups != group], y[groups != group], l2=l2)
        p[groups == group] = 1 / (1 + np.exp(-(x[groups == group] @ coef + intercept)))
    return p


def report(rows: list[dict], p: np.ndarray, l2: float) -> None:
    refused = [i for i, r in enumerate(rows) if not r["found"] and r["absent"]]
    answered = [i for i, r in enumerate(rows) if r["found"] and r["absent"]]
    rescuable = [i for i in refused if rows[i]["y"]]
    wrong = [i for i in refused if not rows[i]["answerable"]]
    near = [i for i in answered if not rows[i]["answerable"]]
    right = [i for i in answered if rows[i]["answerable"]]
    print(f"L2 {l2}")
    for t in THRESHOLDS:
        print(
            f"  p ≥ {t}: rescues {sum(p[i] >= t for i in rescuable)}/{len(rescuable)} refused answerable, "
            f"answers {sum(p[i] >= t for i in wrong)}/{len(wrong)} refused unanswerable | "
            f"p < {1 - t:.1f}: vetoes {sum(p[i] < 1 - t for i in near)}/{len(near)} answered unanswerable, "
            f"{sum(p[i] < 1 - t for i in right)}/{len(right)} answered answerable"
        )


def main() -> int:
    from indexer.search import Engine

    rows = collect(Engine.load())
    print(f"{len(rows)} topic questions (dev + seen), best hit answers in {sum(r['y'] for r in rows):.0f}")
    for l2 in L2:
        report(rows, held_out(rows, l2), l2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
