"""The contract every VectorStore backend must pass: add, delete, filtered search, reload, count, ids.

Vectors are random but seeded; the expected answers come from NumPy brute force and
from `Filter.admits`, the reference semantics of a filter.
"""

from __future__ import annotations

import numpy as np
import pytest

from indexer.config import Settings
from indexer.records import DocKind
from indexer.store import Filter, Payload, open_store
from indexer.store.faiss_store import FaissStore

DIM, N = 16, 300
YEARS = (2023, 2024, 2025)
KINDS = (DocKind.PLAN, DocKind.REPORT, DocKind.PROPOSAL, DocKind.NOTICE)
UNITS = ("市数据局", "市发改委", "市科技创新局", "各区人民政府")


def payload(i: int) -> Payload:
    kind = KINDS[i % 4]
    doc_kind = DocKind.PLAN if kind is DocKind.NOTICE else kind
    return Payload(YEARS[i % 3], kind, doc_kind, tuple(u for j, u in enumerate(UNITS) if (i >> j) & 1))


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(N, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(1000, 1000 + N, dtype=np.int64)  # ids need not be row positions
    return ids, vectors, [payload(i) for i in range(N)]


def milvus_lite(folder):
    from indexer.store.milvus_store import MilvusStore

    return MilvusStore.create(str(folder / "contract.db"), "contract", DIM)  # a new collection each time


BACKENDS = {
    "faiss-flat": lambda folder: FaissStore(DIM),
    "faiss-hnsw": lambda folder: FaissStore(DIM, hnsw=True, ef_search=256),
    "faiss-hnsw-no-exact-path": lambda folder: FaissStore(DIM, hnsw=True, ef_search=256, exact_below=0),
    "milvus-lite": milvus_lite,
}


@pytest.fixture(scope="module")
def milvus_folder(tmp_path_factory):
    pytest.importorskip("milvus_lite", reason="Milvus Lite is installed by `make setup`")
    return tmp_path_factory.mktemp("milvus")


@pytest.fixture(params=sorted(BACKENDS))
def store(request, data):
    ids, vectors, payloads = data
    folder = request.getfixturevalue("milvus_folder") if request.param.startswith("milvus") else None
    store = BACKENDS[request.param](folder)
    store.add(ids, vectors, payloads)
    return store


def brute(data, query, k, where=None):
    ids, vectors, payloads = data
    keep = [i for i, p in enumerate(payloads) if where is None or where.admits(p)]
    scores = vectors[keep] @ query
    order = np.argsort(-scores, kind="stable")[:k]
    return [int(ids[keep][i]) for i in order]


FILTERS = [
    Filter.where([2025]),
    Filter.where(kinds=[DocKind.PROPOSAL]),
    Filter.where(units=["市数据局"]),
    Filter.where([2024], [DocKind.PLAN], ["市发改委", "各区人民政府"]),
    Filter.where([2024], with_review=True),  # 2025 reports review 2024
    Filter.where(kinds=[DocKind.PLAN], by_document=True),  # notices of plans too
]


def test_count_and_ids(store, data):
    assert store.count() == N
    assert sorted(store.ids().tolist()) == data[0].tolist()


def test_unfiltered_search_matches_brute_force(store, data):
    for query in data[1][:20]:
        got = [i for i, _ in store.search(query, 10)]
        assert len(set(got) & set(brute(data, query, 10))) >= 9
    exact = store.search(data[1][0], 1)
    assert exact[0][0] == data[0][0] and exact[0][1] == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("where", FILTERS, ids=range(len(FILTERS)))
def test_filtered_search_returns_k_admitted_hits(store, data, where):
    admitted = {int(i) for i, p in zip(data[0], data[2], strict=False) if where.admits(p)}
    assert len(admitted) >= 10
    for query in data[1][:10]:
        got = [i for i, _ in store.search(query, 10, where)]
        assert len(got) == 10 and set(got) <= admitted
        assert len(set(got) & set(brute(data, query, 10, where))) >= 9


def test_filter_with_fewer_matches_than_k_returns_them_all(store, data):
    where = Filter.where([2023], [DocKind.REPORT], ["市数据局", "市发改委", "市科技创新局", "各区人民政府"])
    admitted = {int(i) for i, p in zip(data[0], data[2], strict=False) if where.admits(p)}
    assert 0 < len(admitted) < 50
    assert {i for i, _ in store.search(data[1][0], 50, where)} == admitted
    assert store.search(data[1][0], 10, Filter.where(units=["不存在的单位"])) == []


def test_delete_removes_ids_from_results_and_count(store, data):
    gone = data[0][:50]
    store.delete(gone)
    assert store.count() == N - 50 and not set(gone.tolist()) & set(store.ids().tolist())
    for query in data[1][:5]:
        assert not {i for i, _ in store.search(query, 20)} & set(gone.tolist())
        assert not {i for i, _ in store.search(query, 20, FILTERS[0])} & set(gone.tolist())


def test_adding_an_existing_id_is_refused(store, data):
    with pytest.raises(ValueError):
        store.add(data[0][:1], data[1][:1], data[2][:1])


def test_save_and_load_give_identical_results(store, data, tmp_path):
    store.save(tmp_path, "vectors")
    again = open_store(Settings(), tmp_path, "vectors")
    assert again.count() == store.count() and again.ids().tolist() == store.ids().tolist()
    for query in data[1][:10]:
        for where in (None, *FILTERS):
            assert again.search(query, 10, where) == store.search(query, 10, where)


def test_unit_names_with_quotes_are_matched_literally(milvus_folder, data):
    """A unit name is data, never part of the filter expression (no injection through a name)."""
    from indexer.store.milvus_store import expression

    tricky = 'x" or year > 0 or units == "'
    store = milvus_lite(milvus_folder)
    _, vectors, _ = data
    store.add(
        np.arange(3, dtype=np.int64),
        vectors[:3],
        [
            Payload(2025, DocKind.PLAN, DocKind.PLAN, (tricky,)),
            Payload(2025, DocKind.PLAN, DocKind.PLAN, ("甲",)),
            Payload(2024, DocKind.PLAN, DocKind.PLAN, ()),
        ],
    )
    assert {i for i, _ in store.search(vectors[0], 10, Filter.where(units=[tricky]))} == {0}
    assert store.search(vectors[0], 10, Filter.where(units=['x" or year > 0 or units == "'[:-1]])) == []
    assert "array_contains_any" in expression(Filter.where(units=[tricky]))
