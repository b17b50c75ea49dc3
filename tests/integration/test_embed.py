"""The sentence-transformers backend on the real packaged model, and the embedding cache."""

from __future__ import annotations

import numpy as np
import pytest

from indexer.config import Settings, packaged_m3e_small
from indexer.encode import load_embedder
from indexer.encode.cache import EmbeddingCache
from indexer.encode.sbert import SentenceTransformerEmbedder
from indexer.errors import ModelUnavailable

TEXTS = ["推动低空经济、生命健康等产业规模增长20%以上", "新改建城镇公厕150座", "加快建设国际消费中心城市"]


@pytest.fixture(scope="module")
def m3e():
    return load_embedder("m3e-small")


def test_default_model_is_the_packaged_m3e_small(m3e):
    assert packaged_m3e_small() is not None and (packaged_m3e_small() / "config.json").exists()
    assert Settings().model_location() == str(packaged_m3e_small())
    assert isinstance(m3e, SentenceTransformerEmbedder) and m3e.dimension == 512


def test_vectors_are_normalised_float32_and_deterministic(m3e):
    first, second = m3e.encode_passages(TEXTS), m3e.encode_passages(TEXTS)
    assert first.dtype == np.float32 and first.shape == (3, 512)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, second)


def test_a_relevant_passage_scores_higher(m3e):
    query = m3e.encode_queries(["哪些单位负责低空经济"])[0]
    passages = m3e.encode_passages(TEXTS)
    assert passages[0] @ query > passages[1] @ query


def test_a_model_that_is_not_on_this_machine_is_refused_without_downloading():
    with pytest.raises(ModelUnavailable, match="找不到模型"):
        load_embedder("no-such-org/no-such-model")


def test_cache_embeds_only_new_text(m3e, tmp_path):
    calls = []

    def embedder():
        calls.append(1)
        return m3e

    cache = EmbeddingCache(tmp_path, "m3e-small")
    vectors, fresh = cache.embed(TEXTS, embedder)
    cache.save(TEXTS)
    again, fresh_again = EmbeddingCache(tmp_path, "m3e-small").embed(TEXTS + TEXTS[:1], embedder)
    assert (fresh, fresh_again) == (3, 0) and len(calls) == 1
    assert np.array_equal(vectors, again[:3])


def test_eight_threads_get_the_same_vectors_as_one(m3e):
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        f"第{i}项任务：推进{w}建设"
        for i, w in enumerate("低空经济 老旧小区 充电桩 数据要素 会展 外贸 养老 就业".split())
    ]
    alone = [m3e.encode_queries([t]) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda t: m3e.encode_queries([t]), texts))
    assert all(np.allclose(a, b, atol=1e-6) for a, b in zip(alone, together, strict=False))
