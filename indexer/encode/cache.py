"""Vectors keyed by (model, text hash), so an unchanged corpus never loads or runs a model."""
from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Callable

import numpy as np

from ..foundation.atomic import atomic_write_bytes, atomic_write_text
from .base import Embedder

CHUNK = 256   # texts embedded between two saves of the cache


def text_key(model_name: str, text: str) -> str:
    return hashlib.sha1(f"{model_name}\x00{text}".encode("utf-8")).hexdigest()


class EmbeddingCache:
    """A .npy + .json pair per model; the model is loaded only when some text is missing."""

    def __init__(self, folder: Path, model_key: str):
        self.folder, self.model_key = folder, model_key
        self._vectors: dict[str, np.ndarray] = {}
        self._load()

    @property
    def _stem(self) -> Path:
        return self.folder / f"cache-{hashlib.sha1(self.model_key.encode()).hexdigest()[:12]}"

    def _load(self) -> None:
        keys_file, vec_file = self._stem.with_suffix(".json"), self._stem.with_suffix(".npy")
        if not (keys_file.exists() and vec_file.exists()):
            return
        try:
            keys = json.loads(keys_file.read_text(encoding="utf-8"))
            vectors = np.load(vec_file, allow_pickle=False)
        except (ValueError, OSError):
            return  # a damaged cache only costs a re-embed
        if vectors.ndim == 2 and len(vectors) == len(keys):
            self._vectors = dict(zip(keys, vectors))

    def embed(self, texts: list[str], embedder: Callable[[], Embedder], batch_size: int = 32,
              progress: bool = False) -> tuple[np.ndarray, int]:
        """Vectors for texts, and how many had to be computed."""
        keys = [text_key(self.model_key, t) for t in texts]
        todo = dict(zip(keys, texts))
        missing = [k for k in todo if k not in self._vectors]
        for start in range(0, len(missing), CHUNK):
            # saved chunk by chunk: a build killed midway keeps what it had embedded
            chunk = missing[start:start + CHUNK]
            fresh = embedder().encode_passages([todo[k] for k in chunk], batch_size=batch_size,
                                               show_progress=progress)
            self._vectors.update(zip(chunk, fresh))
            self._write(list(self._vectors))
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32), len(missing)

    def save(self, texts: list[str]) -> None:
        """Keep only the entries still in use, written atomically."""
        self._write([k for k in dict.fromkeys(text_key(self.model_key, t) for t in texts) if k in self._vectors])

    def _write(self, keys: list[str]) -> None:
        if not keys:
            return
        buffer = io.BytesIO()
        np.save(buffer, np.stack([self._vectors[k] for k in keys]).astype(np.float32), allow_pickle=False)
        atomic_write_bytes(self._stem.with_suffix(".npy"), buffer.getvalue())
        atomic_write_text(self._stem.with_suffix(".json"), json.dumps(keys))
