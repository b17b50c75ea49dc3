"""Encode: item and question text → L2-normalised vectors, one backend per model family."""

from .base import Embedder, load_embedder, usable_settings

__all__ = ["Embedder", "load_embedder", "usable_settings"]
