"""After reading: the year taken from a file name is said, and records that look like fragments are named."""

from __future__ import annotations

from indexer.ingest.corpus import read_document
from indexer.ingest.documents import DocMeta, meta_from_name
from indexer.records import BuildReport, DocKind

WHOLE = "\n".join(
    ["2026年工作责任分解方案", "一、重点工作"]
    + [f"{n}.建设第{n}个数据中心。(牵头单位:市数据局;责任单位:各区人民政府)" for n in range(1, 6)]
)
# the same items as a table read across its columns: numbers glued to unit names, no clauses
BROKEN = "\n".join(
    ["2026年工作责任分解方案", "一、重点工作"]
    + [f"{n}.建设第{n}个数据中心 {n + 50} 市数据局市发改委" for n in range(1, 6)]
)


def test_year_and_kind_come_from_the_file_name_only_when_the_text_has_none():
    blank = DocMeta(None, None, "扫描件", None, None)
    meta, taken = meta_from_name(blank, "2025年责任分解方案.pdf")
    assert (meta.year, meta.kind, taken) == (2025, DocKind.PLAN, [("年份", "2025"), ("文件类型", DocKind.PLAN.label)])
    known = DocMeta(2024, DocKind.REPORT, "报告", None, None)
    assert meta_from_name(known, "2025年责任分解方案.pdf") == (known, [])


def test_a_file_read_whole_gets_no_warning_and_fragments_are_named(tmp_path):
    whole, broken = tmp_path / "whole.txt", tmp_path / "broken.txt"
    whole.write_text(WHOLE, encoding="utf-8")
    broken.write_text(BROKEN, encoding="utf-8")
    report = BuildReport()
    read_document(whole, None, report)
    assert report.warnings == []
    read_document(broken, None, report)
    [warning] = report.warnings
    assert "broken.txt" in warning and "5/5 条没有责任单位" in warning and "粘连" in warning


def test_a_scan_naming_no_year_is_read_with_the_year_of_its_name_and_says_so(tmp_path):
    path = tmp_path / "2025年责任分解方案.txt"
    path.write_text("\n".join(WHOLE.splitlines()[1:]), encoding="utf-8")
    report = BuildReport()
    doc, items = read_document(path, None, report)
    assert (doc.year, doc.kind, len(items)) == (2025, DocKind.PLAN, 5)
    assert any("按文件名取为“2025”" in w for w in report.warnings)


def test_the_cleaner_copy_of_a_document_is_primary_even_when_the_other_has_more_records(tmp_path):
    from indexer.ingest import load_corpus

    (tmp_path / "a-broken.txt").write_text(
        BROKEN + "\n" + "\n".join(f"零散文字{n}" for n in range(8)), encoding="utf-8"
    )
    (tmp_path / "b-whole.txt").write_text(WHOLE, encoding="utf-8")
    report = BuildReport()
    documents, items = load_corpus(tmp_path, report)
    numbered = [i for i in items if i.number is not None]
    assert [d.files for d in documents] == [("b-whole.txt", "a-broken.txt")]
    assert len(numbered) == 5 and all(i.sources[0].file == "b-whole.txt" and i.units for i in numbered)
    assert any("b-whole.txt" in w and "主副本" in w for w in report.warnings)


def test_a_titles_red_header_number_and_signature_are_not_part_of_it():
    from indexer.ingest.documents import clean_title

    assert clean_title("武政办〔2025〕3号2025年工作责任分解方案") == "2025年工作责任分解方案"
    assert clean_title("2025年工作责任分解方案武汉市人民政府2025年1月16日") == "2025年工作责任分解方案"
