"""Bad corpus files: each is named in a clear message and the rest is still read."""

from __future__ import annotations

import shutil

import pytest

from indexer.errors import CorpusError
from indexer.ingest import load_corpus
from indexer.ingest.readers import decode
from indexer.records import BuildReport
from tests.conftest import CORPUS

PROPOSAL = "2025-cppcc-proposal-2-scheme.txt"


@pytest.fixture
def small_corpus(tmp_path):
    shutil.copy(CORPUS / PROPOSAL, tmp_path / PROPOSAL)
    return tmp_path


def load(folder):
    report = BuildReport()
    documents, items = load_corpus(folder, report)
    return documents, items, report


def test_gbk_file_is_decoded(small_corpus):
    text = (CORPUS / PROPOSAL).read_text(encoding="utf-8")
    (small_corpus / PROPOSAL).write_bytes(text.encode("gbk", errors="ignore"))
    _, items, report = load(small_corpus)
    assert any(i.id == "2025-proposal-二-一-1" and i.lead_units == ("市经信局",) for i in items)
    assert not report.skipped_files


def test_empty_and_binary_files_are_skipped_by_name(small_corpus):
    (small_corpus / "empty.txt").write_text("", encoding="utf-8")
    (small_corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    _, items, report = load(small_corpus)
    assert sorted(report.skipped_files) == ["empty.txt", "image.txt"]
    assert any("empty.txt" in w for w in report.warnings) and any("image.txt" in w for w in report.warnings)
    assert sum(1 for i in items if i.kind == "proposal" and i.number) == 9


def test_binary_detection():
    with pytest.raises(CorpusError, match="x.bin"):
        decode(bytes(range(256)) * 4, "x.bin")


def test_duplicated_file_merges_into_one_record_per_item(small_corpus):
    shutil.copy(small_corpus / PROPOSAL, small_corpus / "copy-of-proposal.txt")
    _, items, report = load(small_corpus)
    item = next(i for i in items if i.id == "2025-proposal-二-一-1")
    assert [s.file for s in item.sources] == [PROPOSAL, "copy-of-proposal.txt"]
    assert len({i.id for i in items}) == len(items)
    assert any("copy-of-proposal.txt" in w and "重复" in w for w in report.warnings)


def test_file_with_no_numbered_items_is_indexed_as_paragraphs(small_corpus):
    (small_corpus / "memo.txt").write_text("2026年政府工作报告\n今年要加快建设武汉新城。\n", encoding="utf-8")
    documents, items, report = load(small_corpus)
    assert any(d.doc_id == "2026-report" for d in documents)
    assert [i.text for i in items if i.doc_id == "2026-report"] == ["今年要加快建设武汉新城。"]
    assert any("memo.txt" in w and "没有编号条目" in w for w in report.warnings)


def test_file_without_year_or_kind_asks_for_a_manifest(small_corpus):
    (small_corpus / "notes.txt").write_text("一些笔记\n没有年份的文字。\n", encoding="utf-8")
    _, _, report = load(small_corpus)
    assert report.skipped_files == ["notes.txt"]
    assert any("manifest.json" in w for w in report.warnings)


def test_manifest_overrides_detection(small_corpus):
    (small_corpus / "notes.txt").write_text("一些笔记\n没有年份的文字。\n", encoding="utf-8")
    (small_corpus / "manifest.json").write_text('{"notes.txt": {"year": 2026, "kind": "report"}}', encoding="utf-8")
    documents, _, report = load(small_corpus)
    assert "2026-report" in {d.doc_id for d in documents} and not report.skipped_files
