"""Search: question analysis, retrieval per retriever, fusion, and the engine that holds the index."""

from .engine import Engine, UnitTask
from .retrieve import Hit

__all__ = ["Engine", "Hit", "UnitTask"]
