"""Store: the vector store interface and its backends, BM25, and the index folder on disk."""

from .base import Filter, Payload, VectorStore
from .factory import create_store, open_store

__all__ = ["Filter", "Payload", "VectorStore", "create_store", "open_store"]
