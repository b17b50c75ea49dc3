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
