"""Vectors keyed by (model, text hash), so an unchanged corpus never loads or runs a model.

One .npz file per model holds the keys, the vectors and a sha256 over both, published with
one atomic rename: keys and vectors cannot drift apart. A file that fails to load or whose
checksum, shapes or key format disagree is discarded with a warning (it only costs a
re-embed). The older pair of files (.npy + .json, published by two renames) is never trusted.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..foundation.atomic import atomic_write_bytes
from ..messages import say
from .base import Embedder

CHUNK = 256  # texts embedded between two saves of the cache
KEY_DTYPE = "<U40"


def text_key(model_name: str, text: str) -> str:
    return hashlib.sha1(f"{model_name}\x00{text}".encode()).hexdigest()


def checksum(keys: np.ndarray, vectors: np.ndarray) -> str:
    digest = hashlib.sha256(np.ascontiguousarray(keys).tobytes())
    digest.update(np.ascontiguousarray(vectors).tobytes())
    return digest.hexdigest()


class EmbeddingCache:
    """One .npz per model; the model is loaded only when some text is missing. `warnings` says
    what was discarded."""

    def __init__(self, folder: Path, model_key: str):
        self.folder, self.model_key = folder, model_key
        self._vectors: dict[str, np.ndarray] = {}
        self.warnings: list[str] = []
        self._load()

    @property
    def path(self) -> Path:
        return self.folder / f"cache-{hashlib.sha1(self.model_key.encode()).hexdigest()[:12]}.npz"

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            with np.load(self.path, allow_pickle=False) as data:
                keys, vectors, stored = data["keys"], data["vectors"], str(data["checksum"])
        except (ValueError, OSError, KeyError, EOFError, zipfile.BadZipFile) as err:
            return self._discard(type(err).__name__)
        if keys.dtype != np.dtype(KEY_DTYPE) or vectors.ndim != 2 or len(keys) != len(vectors):
            return self._discard("shape")
        if checksum(keys, vectors) != stored:
            return self._discard("sha256")
        self._vectors = dict(zip(keys.tolist(), vectors, strict=False))

    def _discard(self, detail: str) -> None:
        self.warnings.append(say("cache.discarded", file=self.path.name, detail=detail))
        self.path.unlink(missing_ok=True)

    def embed(
        self, texts: list[str], embedder: Callable[[], Embedder], batch_size: int = 32, progress: bool = False
    ) -> tuple[np.ndarray, int]:
        """Vectors for texts, and how many had to be computed."""
        keys = [text_key(self.model_key, t) for t in texts]
        todo = dict(zip(keys, texts, strict=False))
        missing = [k for k in todo if k not in self._vectors]
        for start in range(0, len(missing), CHUNK):
            # saved chunk by chunk: a build killed midway keeps what it had embedded
            chunk = missing[start : start + CHUNK]
            fresh = embedder().encode_passages([todo[k] for k in chunk], batch_size=batch_size, show_progress=progress)
            self._vectors.update(zip(chunk, fresh, strict=False))
            self._write(list(self._vectors))
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32), len(missing)

    def save(self, texts: list[str]) -> None:
        """Keep only the entries still in use, written atomically."""
        self._write([k for k in dict.fromkeys(text_key(self.model_key, t) for t in texts) if k in self._vectors])

    def _write(self, keys: list[str]) -> None:
        if not keys:
            return
        key_array = np.array(keys, dtype=KEY_DTYPE)
        vectors = np.stack([self._vectors[k] for k in keys]).astype(np.float32)
        buffer = io.BytesIO()
        np.savez(buffer, keys=key_array, vectors=vectors, checksum=np.array(checksum(key_array, vectors)))
        atomic_write_bytes(self.path, buffer.getvalue())
