"""Probes of the real corpus: build time (cold and unchanged), answer against encode latency, cold start.

Everything runs against a fresh index and embedding cache in a temporary folder, so the
project's own embeddings/ folder is never read or touched. Builds and cold starts run in
their own process, so imports and model loading are part of what is measured.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of

from .report import ROOT, machine, save, stats_ms

COLD_QUESTION = "哪些单位负责低空经济"


def run(args) -> dict:
    with tempfile.TemporaryDirectory(prefix="polqa-bench-") as tmp:
        env = {**os.environ, "POLQA_INDEX": str(Path(tmp) / "idx"), "POLQA_CACHE": str(Path(tmp) / "cache")}
        result = {"machine": machine(), "build": builds(env, args.rounds)}
        result["latency"] = latency(Path(tmp), args.rounds, args.sample)
        result["cold_start"] = cold_starts(env, args.rounds)
    ratio = result["latency"]["answer"]["p50_ms"] / result["latency"]["encode"]["p50_ms"]
    result["answer_over_encode_p50"] = round(ratio, 2)
    path = save("probes", result)
    print(
        f"冷建索引 {result['build']['cold_s']:.1f} s；未变语料重建中位数 {result['build']['unchanged_median_s']:.2f} s；"
        f"回答 p50 {result['latency']['answer']['p50_ms']} ms / 编码 p50 {result['latency']['encode']['p50_ms']} ms "
        f"= {ratio:.2f}×；冷启动到首个回答 {result['cold_start']['p50_ms'] / 1000:.1f} s → {path}",
        file=sys.stderr,
    )
    return result


def timed(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, timeout=1800)
    return time.perf_counter() - started


def builds(env: dict, rounds: int) -> dict:
    build = [sys.executable, "-m", "indexer", "build", "--quiet"]
    cold = timed(build, env)
    unchanged = sorted(timed(build, env) for _ in range(rounds))
    return {
        "cold_s": round(cold, 2),
        "unchanged_s": [round(s, 2) for s in unchanged],
        "unchanged_median_s": round(unchanged[len(unchanged) // 2], 2),
    }


def latency(tmp: Path, rounds: int, sample: int) -> dict:
    """The model's own query encoding against a whole answer, on `sample` dev questions spread evenly over
    the file (every k-th), so each kind of question is timed in its share and the run stays minutes long
    as dev grows (all 8,600 questions, three rounds, took over an hour)."""
    from eval.evaluator import load_splits
    from indexer.config import Settings
    from indexer.records import Retriever
    from indexer.search import Engine

    engine = Engine.load(replace(Settings(), index_dir=tmp / "idx", cache_dir=tmp / "cache"))
    engine.warm_up()
    questions = spread([q["question"] for q in load_splits()["dev"]], sample)
    dense = next(r for r in engine.settings.retrievers if r is not Retriever.BM25)
    embedder = engine.embedder(dense)
    encode, answer = [], []
    questions = [q for q in questions if _answerable_input(engine, q)]  # also the warm-up pass
    for _ in range(rounds):
        for q in questions:
            started = time.perf_counter()
            embedder.encode_queries([engine.understand(q).topic or q])
            encode.append(time.perf_counter() - started)
            started = time.perf_counter()
            answer_of(engine, AnswerRequest(q))
            answer.append(time.perf_counter() - started)
    return {
        "questions": len(questions),
        "sample": sample,
        "rounds": rounds,
        "retriever": str(dense),
        "encode": stats_ms(encode),
        "answer": stats_ms(answer),
    }


def spread(questions: list[str], sample: int) -> list[str]:
    """Every k-th question, `sample` of them at most; all of them when sample is 0."""
    if sample <= 0 or sample >= len(questions):
        return questions
    step = len(questions) / sample
    return [questions[int(i * step)] for i in range(sample)]


def _answerable_input(engine, question: str) -> bool:
    """Input with nothing to search for (？？？) is refused before any encoding, so it is not timed."""
    from indexer.errors import QueryError

    try:
        answer_of(engine, AnswerRequest(question))
    except QueryError:
        return False
    return True


def cold_starts(env: dict, rounds: int) -> dict:
    """A new process answering one question: imports, index and model loading included."""
    ask = [sys.executable, "-m", "indexer", "answer", COLD_QUESTION]
    return stats_ms([timed(ask, env) for _ in range(rounds)])
