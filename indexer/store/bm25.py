"""Okapi BM25 over a sparse document-term matrix, computed once at build time.

Persisted as a .npz of plain arrays (allow_pickle=False) plus a JSON vocabulary, the
way bm25s saves its index; a query is a sum of a few matrix columns.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
from scipy import sparse

from ..foundation.atomic import atomic_write_bytes, atomic_write_text


class BM25:
    def __init__(self, matrix: sparse.csc_matrix, vocab: dict[str, int], params: dict):
        self.matrix, self.vocab, self.params = matrix, vocab, params

    @classmethod
    def fit(cls, corpus_tokens: list[list[str]], k1: float = 1.5, b: float = 0.75) -> BM25:
        vocab: dict[str, int] = {}
        rows, cols, tfs = [], [], []
        for row, tokens in enumerate(corpus_tokens):
            counts: dict[int, int] = {}
            for token in tokens:
                term = vocab.setdefault(token, len(vocab))
                counts[term] = counts.get(term, 0) + 1
            rows += [row] * len(counts)
            cols += list(counts)
            tfs += list(counts.values())
        n_docs = len(corpus_tokens)
        lengths = np.array([len(t) for t in corpus_tokens], dtype=np.float32)
        avgdl = float(lengths.mean()) if n_docs else 1.0
        tf = np.array(tfs, dtype=np.float32)
        df = np.bincount(np.array(cols, dtype=np.int64), minlength=len(vocab)).astype(np.float32)
        idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5))
        norm = k1 * (1 - b + b * lengths[np.array(rows, dtype=np.int64)] / avgdl) if rows else tf
        weights = idf[np.array(cols, dtype=np.int64)] * tf * (k1 + 1) / (tf + norm)
        matrix = sparse.csc_matrix((weights, (rows, cols)), shape=(n_docs, len(vocab)), dtype=np.float32)
        matrix.sort_indices()
        return cls(matrix, vocab, {"k1": k1, "b": b, "avgdl": avgdl, "n_docs": n_docs})

    def scores(self, tokens: list[str]) -> np.ndarray:
        ids = [self.vocab[t] for t in tokens if t in self.vocab]
        if not ids:
            return np.zeros(self.matrix.shape[0], dtype=np.float32)
        return np.asarray(self.matrix[:, ids].sum(axis=1)).ravel()

    def idf(self, token: str) -> float:
        """Inverse document frequency; a word the corpus never uses weighs as much as the rarest one,
        so a question about something absent (南极, 比特币) keeps its weight and is not covered."""
        n = self.params["n_docs"]
        j = self.vocab.get(token)
        df = 0 if j is None else int(self.matrix.indptr[j + 1] - self.matrix.indptr[j])
        return float(np.log(1 + (n - max(df, 1) + 0.5) / (max(df, 1) + 0.5)))

    def coverage(self, tokens: list[str], rows: list[int]) -> np.ndarray:
        """For each row, the idf-weighted share of the distinct query tokens it contains (0–1)."""
        tokens = list(dict.fromkeys(tokens))
        weights = np.array([self.idf(t) for t in tokens], dtype=np.float64)
        if not len(rows) or weights.sum() == 0:
            return np.zeros(len(rows))
        present = np.zeros((len(rows), len(tokens)))
        wanted = np.asarray(rows)
        for k, token in enumerate(tokens):
            j = self.vocab.get(token)
            if j is not None:  # a column's row indices are sorted: a binary search per row, no set built
                column = self.matrix.indices[self.matrix.indptr[j] : self.matrix.indptr[j + 1]]
                at = np.minimum(np.searchsorted(column, wanted), max(len(column) - 1, 0))
                present[:, k] = (column[at] == wanted) if len(column) else False
        coverage: np.ndarray = present @ weights / weights.sum()
        return coverage

    def save(self, folder: Path) -> None:
        buffer = io.BytesIO()
        m = self.matrix
        np.savez(buffer, data=m.data, indices=m.indices, indptr=m.indptr, shape=np.array(m.shape))
        atomic_write_bytes(folder / "bm25.npz", buffer.getvalue())
        atomic_write_text(
            folder / "bm25.json", json.dumps({"params": self.params, "vocab": self.vocab}, ensure_ascii=False)
        )

    @classmethod
    def load(cls, folder: Path) -> BM25:
        arrays = np.load(folder / "bm25.npz", allow_pickle=False)
        matrix = sparse.csc_matrix((arrays["data"], arrays["indices"], arrays["indptr"]), shape=tuple(arrays["shape"]))
        matrix.sort_indices()  # coverage() searches each column's rows; a no-op on a file this class wrote
        meta = json.loads((folder / "bm25.json").read_text(encoding="utf-8"))
        return cls(matrix, meta["vocab"], meta["params"])
