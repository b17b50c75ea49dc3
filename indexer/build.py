"""Build the index folder: ingest the corpus, encode every item, store vectors and BM25.

Everything is written to a staging folder first and swapped into place at the end,
so a failed or interrupted build leaves the previous index loading and answering.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from . import __version__
from .config import Settings
from .encode import Embedder, load_embedder, usable_settings
from .encode.cache import EmbeddingCache
from .encode.passages import dense_text, lexical_text
from .errors import CorpusError, PolqaError
from .foundation.atomic import LockBusy, atomic_write_text, build_lock, remove_leftovers
from .ingest import limits, load_corpus
from .ingest.pending import finish_pending
from .ingest.readers.cache import prune_reads
from .ingest.rules import CorpusRules
from .messages import say
from .records import KIND_LABELS, BuildReport, DocKind, Item, Retriever
from .store import Payload, create_store
from .store.bm25 import BM25
from .store.layout import FORMAT, corpus_fingerprint, publish_index, staging_folder, write_records
from .store.targets import write_plan_vectors, write_targets
from .store.tokenize import Tokenizer, domain_terms


@dataclass
class BuildSummary:
    documents: int
    items: int
    by_kind: dict[str, int]
    embedded: dict[str, int]
    seconds: float
    folder: Path
    warnings: list[str] = field(default_factory=list)
    pruned_reads: int = 0  # read-cache entries of files no longer in the corpus, removed after publishing

    def describe(self, warnings: bool = True) -> str:
        """The summary; the CLI asks for it without warnings and prints those on standard error."""
        kinds = "，".join(f"{KIND_LABELS[DocKind(k)]} {v} 条" for k, v in sorted(self.by_kind.items()))
        embedded = "，".join(f"{k} {v} 条" for k, v in self.embedded.items())
        lines = [
            say("build.done", documents=self.documents, items=self.items, kinds=kinds),
            say("build.embedded", embedded=embedded or "无"),
            say("build.time", seconds=self.seconds, folder=self.folder),
        ] + ([say("layout.pruned_reads", count=self.pruned_reads)] if self.pruned_reads else [])
        return "\n".join(lines + [say("build.warning", warning=w) for w in self.warnings if warnings])


def build_index(settings: Settings, progress: bool = True) -> BuildSummary:
    """One build at a time (a second waits); nothing replaces the index until every file is written."""
    started = time.perf_counter()
    settings = usable_settings(settings)
    with _locked(settings):
        remove_leftovers(settings.index_dir)
        finish_pending(settings.corpus_dir)  # an `add` killed after its commit point
        report = BuildReport()
        with limits.applied(settings.limits):
            documents, items = load_corpus(settings.corpus_dir, report, settings.cache_folder)
        if not items:
            raise CorpusError("corpus.nothing", str(settings.corpus_dir), folder=settings.corpus_dir)
        _say(progress, say("build.reading", documents=len(documents), items=len(items)))
        with staging_folder(settings.index_dir) as staging:
            dense_config, embedded = _write_dense(settings, items, staging, progress, report)
            words = _write_bm25(items, staging, settings.cache_folder)
            write_records(staging, documents, items, CorpusRules.load(settings.corpus_dir).units)
            write_targets(staging, items)  # targets.jsonl, outcomes.jsonl: covered by the checksums below
            config = {
                "format": FORMAT,
                "version": __version__,
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "corpus_fingerprint": corpus_fingerprint(settings.corpus_dir),
                "items": len(items),
                "documents": [d.doc_id for d in documents],
                "dense": dense_config,
                "bm25": {"tokenizer": "jieba", "user_words": len(words)},
                "warnings": report.warnings,
            }
            publish_index(staging, config, settings.index_folder)
        _prune_store(settings, dense_config)
        pruned = prune_reads(settings.cache_folder, settings.corpus_dir)
    by_kind = Counter(str(item.kind) for item in items)
    return BuildSummary(
        len(documents),
        len(items),
        dict(by_kind),
        embedded,
        time.perf_counter() - started,
        settings.index_folder,
        report.warnings,
        pruned,
    )


@contextmanager
def _locked(settings: Settings):
    """The build lock, waited for at most Settings.limits.lock_wait_seconds; the holder is named."""

    def waiting(holder: dict) -> None:
        _say(True, say("build.waiting"))
        _say(bool(holder), say("limits.lock_holder", pid=holder.get("pid", "?"), since=holder.get("since", "?")))

    try:
        with build_lock(settings.index_dir, on_wait=waiting, timeout=settings.limits.lock_wait_seconds):
            yield
    except LockBusy as busy:
        raise PolqaError(
            "limits.lock_timeout",
            seconds=busy.waited,
            pid=busy.holder.get("pid", "?"),
            since=busy.holder.get("since", "?"),
        ) from None


def _write_dense(
    settings: Settings, items: list[Item], staging: Path, progress: bool, report: BuildReport
) -> tuple[dict, dict]:
    config, embedded = {}, {}
    texts = [dense_text(item) for item in items]
    payloads = [Payload.of(item) for item in items]
    for retriever, model in settings.dense_models().items():
        loaded: dict[str, Embedder] = {}

        def embedder(model: str = model, loaded: dict[str, Embedder] = loaded) -> Embedder:
            if "e" not in loaded:
                _say(progress, say("build.loading_model", model=model))
                loaded["e"] = load_embedder(model, settings)
            return loaded["e"]

        cache = EmbeddingCache(settings.cache_folder, model)
        for warning in cache.warnings:
            report.warn(warning)
        vectors, fresh = cache.embed(texts, embedder, settings.batch_size, progress)
        cache.save(texts)
        store = create_store(settings, vectors.shape[1], len(vectors), str(retriever))
        store.add(np.arange(len(vectors), dtype=np.int64), vectors, payloads)
        store.save(staging, str(retriever))
        if retriever == _meaning_model(settings):  # what plan_diff reads for closeness in meaning
            write_plan_vectors(staging, items, vectors)
        config[str(retriever)] = {
            "model": model,
            "dimension": int(vectors.shape[1]),
            "normalised": True,
            "metric": "inner_product",
            "store": _store_name(store),
            "index_type": "hnsw" if len(vectors) > settings.ann_threshold else "flat",
        }
        embedded[str(retriever)] = fresh
    return config, embedded


def _meaning_model(settings: Settings) -> Retriever | None:
    """multilingual-e5-small when built (the plan diff's floor was chosen with it), else the first dense model."""
    models = list(settings.dense_models())
    return Retriever.E5 if Retriever.E5 in models else next(iter(models), None)


def _store_name(store) -> str:
    return f"milvus:{store.collection}" if hasattr(store, "collection") else "faiss"


def _prune_store(settings: Settings, dense_config: dict) -> None:
    """Collections of builds before the previous one go once this build is published."""
    from .store.factory import uses_milvus

    if uses_milvus(settings):
        from .store.milvus_store import prune_collections

        keep = {c["store"].split(":", 1)[1] for c in dense_config.values() if c["store"].startswith("milvus:")}
        prune_collections(settings.store, settings.store_token, keep)


def _write_bm25(items: list[Item], staging: Path, cache_dir: Path) -> list[str]:
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
    missing = [(k, t) for k, t in zip(keys, texts, strict=False) if k not in cached]
    if missing:
        tokenizer = Tokenizer(words)
        cached.update((k, tokenizer(t)) for k, t in missing)
        atomic_write_text(path, json.dumps({k: cached[k] for k in dict.fromkeys(keys)}, ensure_ascii=False))
    return [cached[k] for k in keys]


def _say(progress: bool, message: str) -> None:
    if progress:
        print(message, flush=True)
