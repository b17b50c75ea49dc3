"""Faults injected on copies of the mini corpus and its index: each named, none fatal, no index lost."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from indexer.answer import AnswerRequest
from indexer.answer import answer as answer_of
from indexer.build import build_index
from indexer.errors import CorpusError, IndexUnavailable, Reason
from indexer.ingest import load_corpus
from indexer.records import BuildReport
from indexer.search import Engine
from tests.conftest import ROOT
from tests.unit.conftest import MINI, mini


@pytest.fixture
def workspace(tmp_path):
    """A copy of the mini corpus and an index built from it."""
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    settings = mini(tmp_path / "idx", corpus_dir=corpus)
    build_index(settings, progress=False)
    return settings


def cli(settings, *args, timeout=120):
    env = {
        **os.environ,
        "POLQA_CORPUS": str(settings.corpus_dir),
        "POLQA_INDEX": str(settings.index_dir),
        "POLQA_MODEL": "hashing",
        "POLQA_RETRIEVERS": "dense,bm25",
    }
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.parametrize(
    "manifest, field",
    [
        ({"2031-report.txt": {"year": "明年"}}, "year"),
        ({"2031-report.txt": {"kind": "memo"}}, "kind"),
        ({"2031-report.txt": {"year": 1800}}, "year"),
        ({"2031-report.txt": {"colour": "red"}}, "colour"),
        ({"2031-report.txt": "2031"}, "整条"),
        (["not", "an", "object"], "整个文件"),
    ],
)
def test_a_bad_manifest_stops_the_build_naming_the_field_and_keeps_the_index(workspace, manifest, field):
    before = (workspace.index_folder / "config.json").read_text(encoding="utf-8")
    (workspace.corpus_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorpusError, match=field) as err:
        build_index(workspace, progress=False)
    assert err.value.file == "manifest.json"
    assert (workspace.index_folder / "config.json").read_text(encoding="utf-8") == before
    assert answer_of(Engine.load(workspace), AnswerRequest("老旧小区改造谁牵头")).lead_units == ["市房管局"]


def test_the_cli_build_with_a_bad_manifest_exits_2_with_the_field_and_the_old_index_answers(workspace):
    (workspace.corpus_dir / "manifest.json").write_text('{"2031-report.txt": {"year": "明年"}}', encoding="utf-8")
    result = cli(workspace, "build", "--quiet")
    assert result.returncode == 2 and "manifest.json" in result.stderr and "year" in result.stderr
    assert "原索引保持不变" in result.stderr and "Traceback" not in result.stderr
    answer = cli(workspace, "answer", "老旧小区改造谁牵头", "--json")
    assert answer.returncode == 0 and json.loads(answer.stdout)["lead_units"] == ["市房管局"]


def test_unreadable_corpus_entries_are_named_and_the_rest_builds(workspace):
    corpus = workspace.corpus_dir
    (corpus / "x.txt").mkdir()
    (corpus / "gone.txt").symlink_to(corpus / "nowhere.txt")
    report = BuildReport()
    _, items = load_corpus(corpus, report)
    assert any("x.txt" in w and "文件夹" in w for w in report.warnings)
    assert any("gone.txt" in w and "链接" in w for w in report.warnings)
    assert len(items) == 18 and build_index(workspace, progress=False).items == 18


@pytest.mark.parametrize(
    "file, damage",
    [
        ("dense.faiss", lambda b: b[: len(b) // 2]),
        ("items.jsonl", lambda b: b"\n".join(reversed(b.strip().split(b"\n"))) + b"\n"),  # reordered
        ("bm25.npz", lambda b: b[:100]),
        ("user_words.json", lambda b: b"[oops"),
        ("dense.payload.json", lambda b: b.replace(b"2030", b"2040")),
    ],
)
def test_a_damaged_index_file_is_refused_with_the_rebuild_command(workspace, file, damage):
    path = workspace.index_folder / file
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(IndexUnavailable) as err:
        Engine.load(workspace)
    assert err.value.reason is Reason.DAMAGED and file in err.value.message
    assert "python -m indexer build" in err.value.message
    build_index(workspace, progress=False)  # and a rebuild mends it
    assert answer_of(Engine.load(workspace), AnswerRequest("老旧小区改造谁牵头")).lead_units == ["市房管局"]


def test_the_cli_refuses_a_damaged_index_without_a_traceback(workspace):
    path = workspace.index_folder / "dense.faiss"
    path.write_bytes(path.read_bytes()[:500])
    result = cli(workspace, "answer", "老旧小区改造谁牵头")
    assert result.returncode == 2 and "dense.faiss" in result.stderr and "python -m indexer build" in result.stderr
    assert "Traceback" not in result.stderr


def test_leftovers_of_a_killed_build_are_removed_by_the_next(workspace):
    index_dir = workspace.index_dir
    (index_dir / ".staging-20300101T000000-dead").mkdir()
    (index_dir / ".staging-20300101T000000-dead" / "dense.faiss").write_bytes(b"half")
    os.symlink("builds/nothing", index_dir / ".index.new")
    build_index(workspace, progress=False)
    assert not list(index_dir.glob(".staging-*")) and not (index_dir / ".index.new").is_symlink()
    assert workspace.index_folder.is_symlink() and len(list((index_dir / "builds").iterdir())) == 2


def test_the_index_is_swapped_by_one_rename_of_a_link(workspace):
    first = workspace.index_folder.resolve()
    engine = Engine.load(workspace)
    build_index(workspace, progress=False)
    second = workspace.index_folder.resolve()
    assert first != second and first.exists()  # the previous build stays for readers that hold it
    assert answer_of(engine, AnswerRequest("老旧小区改造谁牵头")).lead_units == ["市房管局"]


def test_a_second_build_waits_for_the_first(workspace):
    with open(workspace.index_dir / ".build.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build in progress
        env = {
            **os.environ,
            "POLQA_CORPUS": str(workspace.corpus_dir),
            "POLQA_INDEX": str(workspace.index_dir),
            "POLQA_MODEL": "hashing",
            "POLQA_RETRIEVERS": "dense,bm25",
        }
        waiting = subprocess.Popen(
            [sys.executable, "-m", "indexer", "build"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        first_line = waiting.stdout.readline()  # printed once it finds the lock taken
        time.sleep(0.5)
        assert "等待" in first_line and waiting.poll() is None
        assert not list(workspace.index_dir.glob(".staging-*"))
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, _ = waiting.communicate(timeout=120)
    assert waiting.returncode == 0 and "索引已建成" in out
