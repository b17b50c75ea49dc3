"""What a reader extracted is kept by content hash: an unchanged file is read once, a changed
or damaged entry is never trusted."""

from __future__ import annotations

import json

from indexer.ingest.readers.base import TextLine
from indexer.ingest.readers.cache import FOLDER, cached_read

LINES = [TextLine("1.建设数据中心。（牵头单位：市数据局）", 2, 0.91, (("deadline", "2025年底前"),))]


class CountingReader:
    """A reader that says how often it was asked (stands for a slow OCR read)."""

    def __init__(self):
        self.calls = 0

    def __call__(self, path):
        self.calls += 1
        return list(LINES)


def test_an_unchanged_file_is_read_once_and_its_lines_come_back_whole(tmp_path):
    scan, cache, reader = tmp_path / "scan.png", tmp_path / "cache", CountingReader()
    scan.write_bytes(b"\x89PNG\r\n\x1a\n scan")
    assert cached_read(scan, "image", reader, cache) == LINES
    assert cached_read(scan, "image", reader, cache) == LINES
    assert reader.calls == 1
    [entry] = (cache / FOLDER).iterdir()
    assert json.loads(entry.read_text(encoding="utf-8"))["lines"][0][0] == LINES[0].text


def test_a_changed_file_or_a_damaged_entry_is_read_again(tmp_path):
    scan, cache, reader = tmp_path / "scan.png", tmp_path / "cache", CountingReader()
    scan.write_bytes(b"first")
    cached_read(scan, "image", reader, cache)
    [entry] = (cache / FOLDER).iterdir()
    record = json.loads(entry.read_text(encoding="utf-8"))
    record["lines"][0][0] = "篡改"
    entry.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert cached_read(scan, "image", reader, cache) == LINES and reader.calls == 2
    entry.write_text("{not json", encoding="utf-8")
    assert cached_read(scan, "image", reader, cache) == LINES and reader.calls == 3
    scan.write_bytes(b"second")
    cached_read(scan, "image", reader, cache)
    assert reader.calls == 4 and len(list((cache / FOLDER).iterdir())) == 2


def test_without_a_cache_folder_every_read_reads(tmp_path):
    scan, reader = tmp_path / "scan.png", CountingReader()
    scan.write_bytes(b"x")
    cached_read(scan, "image", reader, None)
    cached_read(scan, "image", reader, None)
    assert reader.calls == 2


def test_an_entry_from_other_reader_code_is_not_used(tmp_path):
    scan, cache, reader = tmp_path / "scan.png", tmp_path / "cache", CountingReader()
    scan.write_bytes(b"x")
    cached_read(scan, "image", reader, cache)
    [entry] = (cache / FOLDER).iterdir()
    record = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**record, "version": "older-readers"}, ensure_ascii=False), encoding="utf-8")
    cached_read(scan, "image", reader, cache)
    assert reader.calls == 2


def _age(path, seconds: float) -> None:
    """As if last used `seconds` ago."""
    import os
    import time

    then = time.time() - seconds
    os.utime(path, (then, then))


def test_pruning_removes_entries_of_files_gone_from_the_corpus_once_unused(tmp_path):
    from indexer.ingest.readers.cache import prune_reads

    corpus, cache, reader = tmp_path / "corpus", tmp_path / "cache", CountingReader()
    corpus.mkdir()
    kept, gone, staged = corpus / "kept.pdf", corpus / "gone.pdf", corpus / ".adding-new.pdf"
    for path, data in ((kept, b"kept"), (gone, b"gone"), (staged, b"staged")):
        path.write_bytes(data)
        cached_read(path, "pdf", reader, cache)
    gone.unlink()
    assert prune_reads(cache, corpus) == 0  # used a moment ago: another build may still need it
    for entry in (cache / FOLDER).iterdir():
        _age(entry, 2 * 24 * 3600)
    assert prune_reads(cache, corpus) == 1
    assert len(list((cache / FOLDER).iterdir())) == 2  # the present file's and the staged add's
    cached_read(kept, "pdf", reader, cache)
    cached_read(staged, "pdf", reader, cache)
    assert reader.calls == 3  # both still read from the cache


def test_a_build_prunes_after_publishing_and_says_how_many(tmp_path):
    import shutil

    from indexer.build import build_index
    from tests.unit.conftest import MINI, mini

    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    page = corpus / "2032-page.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>2032年市《政府工作报告》目标任务责任分解方案</p>"
        "<p>1.建设数据中心。（牵头单位：市数据局）</p></body></html>",
        encoding="utf-8",
    )
    settings = mini(tmp_path / "index", corpus_dir=corpus)
    first = build_index(settings, progress=False)
    [entry] = (settings.cache_folder / FOLDER).iterdir()
    assert first.pruned_reads == 0 and "读取缓存" not in first.describe()
    page.unlink()
    _age(entry, 2 * 24 * 3600)
    second = build_index(settings, progress=False)
    assert second.pruned_reads == 1 and not entry.exists()
    assert "清除 1 个" in second.describe()
