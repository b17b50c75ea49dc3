"""Ingest: corpus files → clean lines → document structure → unit lists → Item records."""

from .corpus import load_corpus

__all__ = ["load_corpus"]
