"""Pick the vector store backend from the settings (txtai's ANNFactory, in small).

FAISS, embedded in the index folder, is the default. To add a backend: a module with
a class that answers the VectorStore protocol (base.py), and a branch here.
"""
from __future__ import annotations

from pathlib import Path

from ..config import Settings
from .base import VectorStore


def create_store(settings: Settings, dimension: int, size: int) -> VectorStore:
    """An empty store sized for `size` vectors: exact up to the ANN threshold, HNSW above."""
    from .faiss_store import FaissStore

    return FaissStore(dimension, hnsw=size > settings.ann_threshold, m=settings.hnsw_m,
                      ef_construction=settings.hnsw_ef_construction, ef_search=settings.hnsw_ef_search)


def open_store(settings: Settings, folder: Path, name: str) -> VectorStore:
    from .faiss_store import FaissStore

    return FaissStore.load(folder, name)
