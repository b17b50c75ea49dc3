"""Faults in what the tool keeps: the embedding cache, a killed `add`, a held build lock, feedback,
the upload preview, names with control characters, document text in the app, the Milvus compose file."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import threading
from dataclasses import replace

import numpy as np
import pytest

from indexer.build import build_index
from indexer.encode.cache import EmbeddingCache, checksum
from indexer.encode.hashing import HashingEmbedder
from indexer.errors import CorpusError, PolqaError
from indexer.foundation.atomic import build_lock
from indexer.manage import PENDING, STAGED, add_documents, preview_in_worker
from indexer.records import Limits
from tests.conftest import ROOT
from tests.unit.conftest import MINI, mini

NEW_DOC = "武汉市2032年政府工作报告目标任务责任分解方案\n一、总体要求\n1.建设示范性测试工程。(牵头单位:市发改委)\n"


class Counting:
    """The hashing embedder, counting the texts it had to embed."""

    def __init__(self):
        self.embedder, self.count = HashingEmbedder(), 0

    def __call__(self):
        return self

    def encode_passages(self, texts, **kwargs):
        self.count += len(texts)
        return self.embedder.encode_passages(texts, **kwargs)


def test_the_cache_is_one_file_verified_on_load_and_a_mismatch_is_discarded(tmp_path):
    texts = ["低空经济", "老旧小区改造", "中医药产业园"]
    first = Counting()
    EmbeddingCache(tmp_path, "m").embed(texts, first)
    assert first.count == 3 and [p.suffix for p in tmp_path.iterdir()] == [".npz"]
    again = Counting()
    cache = EmbeddingCache(tmp_path, "m")
    vectors, fresh = cache.embed(texts, again)
    assert fresh == 0 and again.count == 0 and not cache.warnings
    # keys and vectors out of step (what two renames allowed): the checksum no longer matches
    with np.load(cache.path) as data:
        keys, stored, sums = data["keys"], data["vectors"], str(data["checksum"])
    buffer = io.BytesIO()
    np.savez(buffer, keys=keys, vectors=stored[::-1].copy(), checksum=np.array(sums))
    cache.path.write_bytes(buffer.getvalue())
    reloaded = EmbeddingCache(tmp_path, "m")
    assert reloaded.warnings and "sha256" in reloaded.warnings[0] and cache.path.name in reloaded.warnings[0]
    recount = Counting()
    mended, fresh = reloaded.embed(texts, recount)
    assert fresh == 3 and np.allclose(mended, vectors)  # recomputed, never the swapped ones
    assert checksum(keys, stored) == sums


def test_a_truncated_cache_file_is_discarded_with_a_warning_and_the_build_says_so(tmp_path):
    settings = mini(tmp_path / "idx")
    build_index(settings, progress=False)
    [cache_file] = list(settings.cache_dir.glob("cache-*.npz"))
    cache_file.write_bytes(cache_file.read_bytes()[:200])
    summary = build_index(settings, progress=False)
    assert any(cache_file.name in w and "已丢弃" in w for w in summary.warnings)
    assert summary.embedded["dense"] == 18


def test_a_killed_add_leaves_nothing_and_a_retry_works(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    source = tmp_path / "2032-plan.txt"
    source.write_text(NEW_DOC, encoding="utf-8")
    settings = mini(tmp_path / "idx", corpus_dir=corpus)
    # killed mid-copy, before the commit point: a half staged copy and a staged manifest
    (corpus / f"{STAGED}2032-plan.txt").write_bytes(NEW_DOC.encode()[:20])
    (corpus / f"{STAGED}manifest.json").write_text("{", encoding="utf-8")
    assert build_index(settings, progress=False).documents == 3  # the build sees neither
    add_documents(settings, [source], year=2033)  # the retry is not a duplicate
    assert (corpus / "2032-plan.txt").read_text(encoding="utf-8") == NEW_DOC
    assert json.loads((corpus / "manifest.json").read_text(encoding="utf-8")) == {"2032-plan.txt": {"year": 2033}}
    assert not list(corpus.glob(".adding*"))


def test_an_add_killed_after_its_commit_point_is_finished_by_the_next_build(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    (corpus / f"{STAGED}2032-plan.txt").write_text(NEW_DOC, encoding="utf-8")
    (corpus / PENDING).write_text(json.dumps({f"{STAGED}2032-plan.txt": "2032-plan.txt"}), encoding="utf-8")
    summary = build_index(mini(tmp_path / "idx", corpus_dir=corpus), progress=False)
    assert summary.documents == 4 and (corpus / "2032-plan.txt").exists() and not (corpus / PENDING).exists()


def test_a_name_with_control_characters_is_refused_and_never_printed_raw(tmp_path):
    from indexer.errors import UploadRejected
    from indexer.foundation.names import shown
    from ui.upload import safe_name

    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    bad = tmp_path / "plan\r\n索引已建成：9 份文件.txt"
    bad.write_text(NEW_DOC, encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        add_documents(mini(tmp_path / "idx", corpus_dir=corpus), [bad])
    assert "控制字符" in err.value.message and "\r" not in err.value.message and "\\r\\n" in err.value.message
    with pytest.raises(UploadRejected):
        safe_name("a\x1b[31m.txt")
    assert shown("a\x1b[2J\u202eb") == "a\\x1b[2J\\u202eb"


def test_waiting_for_the_build_lock_times_out_and_names_the_holder(tmp_path):
    settings = replace(mini(tmp_path / "idx"), limits=Limits(lock_wait_seconds=0.5))
    held, release = threading.Event(), threading.Event()

    def hold():
        with build_lock(settings.index_dir):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        with pytest.raises(PolqaError) as err:
            build_index(settings, progress=False)
    finally:
        release.set()
        holder.join()
    assert f"进程 {os.getpid()}" in err.value.message and "POLQA_LOCK_WAIT_SECONDS" in err.value.message
    assert build_index(settings, progress=False).items == 18  # and once it is free, builds go on


def test_the_upload_preview_runs_in_a_memory_capped_worker(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("武汉市2032年工作方案\n" + "一、推进老旧小区改造工作。\n" * 1_500_000, encoding="utf-8")
    capped = replace(mini(tmp_path / "idx"), limits=Limits(preview_memory_mb=200))
    with pytest.raises(CorpusError) as err:
        preview_in_worker(capped, big)
    assert "big.txt" in err.value.message and ("内存" in err.value.message)
    small = tmp_path / "2032-plan.txt"
    small.write_text(NEW_DOC, encoding="utf-8")
    placed = preview_in_worker(mini(tmp_path / "idx"), small)
    assert (placed.year, placed.kind, placed.items) == (2032, "plan", 1)


class Answer:
    question, intent, found, summary = "问" * 5000, "topic", True, "答" * 5000
    citations = related = ()
    lead_units = responsible_units = ()


def test_feedback_is_capped_per_session_and_by_file_size(tmp_path):
    from ui import feedback

    path, session = tmp_path / "feedback.jsonl", {}
    settings = replace(mini(tmp_path / "idx"), feedback_per_session=2, feedback_max_bytes=10_000)
    for _ in range(2):
        feedback.record(Answer(), "up", path=path, session=session, settings=settings)
    with pytest.raises(PolqaError, match="上限"):
        feedback.record(Answer(), "up", path=path, session=session, settings=settings)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and len(json.loads(lines[0])["question"]) == feedback.MAX_FIELD
    with pytest.raises(PolqaError, match="容量"):
        feedback.record(Answer(), "up", path=path, session={}, settings=settings)  # a new session: file full


def test_document_text_is_escaped_on_its_way_to_markdown_tooltips_included():
    from ui.common import md

    escaped = md("![t](http://host/x.png) <img src=x> :red[x] **b**")
    assert not re.search(r"(?<!\\)[!\[\]()<>*:]", escaped)  # every markup character escaped
    # no tooltip or label in the app takes a value that has not been through md() or a fixed string
    for page in list((ROOT / "ui").glob("*.py")) + list((ROOT / "ui" / "views").glob("*.py")):
        for match in re.finditer(r"\bhelp=([^,)]+)", page.read_text(encoding="utf-8")):
            value = match.group(1).strip()
            assert value.startswith(('"', "'", "md(", "common.md(")), f"{page.name}: help={value}"


def test_the_milvus_compose_file_binds_loopback_with_authentication_on():
    text = (ROOT / "deploy" / "milvus-standalone.yml").read_text(encoding="utf-8")
    ports = re.findall(r'^\s+- "([^"]+)"', text, re.M)
    assert ports and all(p.startswith("127.0.0.1:") for p in ports)
    assert 'COMMON_SECURITY_AUTHORIZATIONENABLED: "true"' in text
    assert "${MILVUS_ROOT_PASSWORD:?" in text  # compose refuses to start without it
    assert "MILVUS_ROOT_PASSWORD" in (ROOT / "README.md").read_text(encoding="utf-8")
