"""Any sentence-transformers model by name or folder, loaded with no network access."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from ..errors import ModelUnavailable


class SentenceTransformerEmbedder:
    def __init__(self, location: str, name: str | None = None):
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(location, device="cpu", local_files_only=True)
        except (OSError, ValueError) as err:
            raise ModelUnavailable("model.missing", model=location) from err
        self.name = name or Path(location).name
        dimension = (
            self._model.get_embedding_dimension()
            if hasattr(self._model, "get_embedding_dimension")
            else self._model.get_sentence_embedding_dimension()
        )
        if dimension is None:
            raise ModelUnavailable("model.missing", model=location)
        self.dimension = int(dimension)
        self._lock = threading.Lock()

    def _encode(self, texts: list[str], batch_size: int, show_progress: bool = False) -> np.ndarray:
        # torch releases the GIL; one lock keeps concurrent Streamlit sessions from interleaving batches
        with self._lock:
            vectors = self._model.encode(
                list(texts),
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def encode_queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        return self._encode(texts, batch_size)

    def encode_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts, batch_size, show_progress)
