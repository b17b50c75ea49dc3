"""Pick the vector store backend from the settings (txtai's ANNFactory, in small).

FAISS, embedded in the index folder, is the default. POLQA_STORE set to a path ending in
.db selects Milvus Lite, an http(s) address a Milvus server; the index folder then holds a
pointer to the build's collection instead of the vectors. To add a backend: a module with a
class that answers the VectorStore protocol (base.py), and a branch here.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from .base import VectorStore


def uses_milvus(settings: Settings) -> bool:
    from .milvus_store import is_milvus

    return is_milvus(settings.store)


def create_store(settings: Settings, dimension: int, size: int, name: str = "vectors") -> VectorStore:
    """An empty store sized for `size` vectors: exact up to the ANN threshold, approximate above."""
    approximate = size > settings.ann_threshold
    if uses_milvus(settings):
        from .milvus_store import MilvusStore

        return MilvusStore.create(settings.store, name, dimension, settings.store_token, approximate)
    from .faiss_store import FaissStore

    return FaissStore(
        dimension,
        hnsw=approximate,
        m=settings.hnsw_m,
        ef_construction=settings.hnsw_ef_construction,
        ef_search=settings.hnsw_ef_search,
        exact_below=settings.exact_below,
    )


def open_store(settings: Settings, folder: Path, name: str) -> VectorStore:
    """The store a built index folder names: its Milvus collection if it points to one, else its FAISS file."""
    from .milvus_store import MilvusStore, read_pointer

    pointer = read_pointer(folder, name)
    if pointer is not None:
        return MilvusStore.open(pointer, settings.store_token)
    from .faiss_store import FaissStore

    return FaissStore.load(folder, name)
