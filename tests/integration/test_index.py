"""The persisted index: reload, brute-force agreement, refusal of a mismatch, failed builds."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace

import numpy as np
import pytest

from indexer.build import build_index
from indexer.errors import CorpusError, IndexUnavailable
from indexer.records import Retriever
from indexer.search import Engine
from indexer.store import Filter, Payload
from indexer.store.faiss_store import FaissStore
from tests.conftest import CORPUS, ROOT

QUESTIONS = ["哪些单位负责低空经济", "老旧小区改造", "2025年城镇新增就业目标", "充电桩"]


def test_config_describes_the_index(engine, settings):
    config = json.loads((settings.index_folder / "config.json").read_text(encoding="utf-8"))
    assert config["items"] == len(engine.items) == 613
    assert config["dense"]["dense"] == {
        "model": "m3e-small",
        "dimension": 512,
        "normalised": True,
        "metric": "inner_product",
        "store": "faiss",
        "index_type": "flat",
    }
    assert config["dense"]["e5"]["dimension"] == 384
    assert len(config["corpus_fingerprint"]) == 16 and config["version"]
    folder = settings.index_folder
    assert not list(folder.glob("*.pkl")) and not list(folder.glob("*.pickle"))


def test_reload_gives_identical_results(engine, settings):
    again = Engine.load(settings)
    for question in QUESTIONS:
        first = [(h.item.id, round(h.score, 9)) for h in engine.search(question)]
        second = [(h.item.id, round(h.score, 9)) for h in again.search(question)]
        assert first == second


def test_faiss_top_k_equals_numpy_brute_force(engine):
    index = engine.stores["dense"].index
    vectors = np.vstack([index.reconstruct(i) for i in range(index.ntotal)])
    queries = engine.embedder("dense").encode_queries(QUESTIONS)
    scores, ids = index.search(queries, 10)
    brute = np.argsort(-(queries @ vectors.T), axis=1, kind="stable")[:, :10]
    assert np.array_equal(ids, brute)
    assert np.allclose(scores, np.take_along_axis(queries @ vectors.T, brute, axis=1), atol=1e-5)


def test_index_built_for_another_model_is_refused(engine, settings):
    with pytest.raises(IndexUnavailable, match="python -m indexer build"):
        Engine.load(replace(settings, model="some-other-model", retrievers=("dense",)))


def test_stale_index_still_answers_after_the_corpus_changes_and_says_so(settings, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    stale = replace(settings, corpus_dir=corpus, index_dir=tmp_path / "idx")
    shutil.copytree(settings.index_folder, stale.index_folder)
    (corpus / "2025-plan-responsibility.txt").write_text("changed", encoding="utf-8")
    engine = Engine.load(stale)
    assert engine.stale and engine.search("充电桩")[0].item.id == "2023-plan-二-142"
    env = {
        **os.environ,
        "POLQA_CORPUS": str(corpus),
        "POLQA_INDEX": str(tmp_path / "idx"),
        "POLQA_RETRIEVERS": ",".join(stale.retrievers),
    }
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "answer", "充电桩谁负责", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0 and "以下按现有索引回答" in result.stderr
    assert json.loads(result.stdout)["found"] is True


def test_missing_and_truncated_files_give_a_rebuild_message(settings, tmp_path):
    broken = replace(settings, index_dir=tmp_path)
    with pytest.raises(IndexUnavailable, match="indexer build"):
        Engine.load(broken)
    shutil.copytree(settings.index_folder, broken.index_folder)
    faiss_file = broken.index_folder / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:1000])
    with pytest.raises(IndexUnavailable, match="损坏|indexer build"):
        Engine.load(broken)
    shutil.copy(settings.index_folder / "dense.faiss", faiss_file)
    (broken.index_folder / "items.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="indexer build"):
        Engine.load(broken)


def test_failed_build_keeps_the_previous_index(settings, tmp_path):
    working = replace(settings, index_dir=tmp_path)
    shutil.copytree(settings.index_folder, working.index_folder)
    empty = tmp_path / "empty-corpus"
    empty.mkdir()
    with pytest.raises(CorpusError, match="原索引保持不变"):
        build_index(replace(working, corpus_dir=empty), progress=False)
    assert Engine.load(working).search("充电桩")[0].item.id == "2023-plan-二-142"


def test_build_killed_midway_leaves_the_previous_index_answering(settings, tmp_path):
    shutil.copytree(settings.index_folder, replace(settings, index_dir=tmp_path).index_folder)
    env = {
        **os.environ,
        "POLQA_INDEX": str(tmp_path),
        "POLQA_CACHE": str(tmp_path / "cold-cache"),
        "POLQA_RETRIEVERS": "dense,bm25",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer", "build", "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while not list(tmp_path.glob(".staging-*")) and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the build finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    engine = Engine.load(replace(settings, index_dir=tmp_path))
    assert engine.search("充电桩")[0].item.id == "2023-plan-二-142"


def test_hnsw_above_the_threshold_agrees_with_exact_search(engine):
    flat = engine.stores[Retriever.E5]
    vectors = np.vstack([flat.index.reconstruct(i) for i in range(flat.count())])
    hnsw = FaissStore(vectors.shape[1], hnsw=True, exact_below=0)
    hnsw.add(np.arange(len(vectors)), vectors, [Payload.of(item) for item in engine.items])
    assert hnsw.approximate and not flat.approximate
    queries = engine.embedder(Retriever.E5).encode_queries(QUESTIONS)
    year_2025 = Filter.where([2025])
    allowed = set(engine.columns.rows(year_2025).tolist())
    for query in queries:
        exact = [row for row, _ in flat.search(query, 10)]
        approx = [row for row, _ in hnsw.search(query, 10)]
        assert len(set(exact) & set(approx)) >= 9
        filtered = [row for row, _ in hnsw.search(query, 10, year_2025)]
        assert len(filtered) == 10 and set(filtered) <= allowed
