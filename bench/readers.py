"""Reader throughput: pages per second for each layout a document arrives in.

Runs on the committed fixtures (tests/fixtures/formats: the plan as running text in a PDF,
an OFD and a scan) and on the layouts the tests generate from the 2025 plan
(tests/fixtures/formats/tables.py and paper.py: a PDF table over pages, a scan of table pages, a
two-column page), so figures are comparable between runs; the OCR engine's one-off load is
reported apart from the per-page rate, and a cached re-read of the scan (readers/cache.py) apart.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from .report import ROOT, machine, save

FORMATS = ROOT / "tests" / "fixtures" / "formats"


def timed_read(reader, path: Path, rounds: int) -> tuple[float, int]:
    """Best of `rounds` (the least disturbed by other work on the machine) and the page count."""
    best, pages = float("inf"), 0
    for _ in range(rounds):
        started = time.perf_counter()
        lines = reader.read(path)
        best = min(best, time.perf_counter() - started)
        pages = max(line.page or 0 for line in lines)
    return best, pages


def rate(seconds: float, pages: int) -> dict:
    return {"pages": pages, "seconds": round(seconds, 3), "pages_per_s": round(pages / seconds, 2)}


def run(args) -> dict:
    from indexer.ingest.readers.ocr import engine
    from indexer.ingest.readers.ofd import OfdReader
    from indexer.ingest.readers.pdf import PdfReader

    result = {"machine": machine(), "rounds": args.rounds}
    result["text_pdf"] = rate(*timed_read(PdfReader(), FORMATS / "2025-plan.pdf", args.rounds))
    result["ofd"] = rate(*timed_read(OfdReader(), FORMATS / "2025-plan.ofd", args.rounds))
    started = time.perf_counter()
    engine()
    result["ocr_engine_load_s"] = round(time.perf_counter() - started, 2)
    result["ocr_pdf"] = rate(*timed_read(PdfReader(), FORMATS / "2025-plan-scan.pdf", args.rounds))
    with tempfile.TemporaryDirectory(prefix="bench-readers-") as folder:
        result.update(layouts(Path(folder), args.rounds))
    path = save("readers", result)
    names = {
        "text_pdf": "文本 PDF",
        "ofd": "OFD",
        "ocr_pdf": "扫描件 OCR",
        "table_pdf": "PDF 表格",
        "two_column_pdf": "双栏 PDF",
        "table_scan": "表格扫描件 OCR",
        "table_scan_cached": "表格扫描件（缓存）",
    }
    figures = "；".join(f"{label} {result[key]['pages_per_s']} 页/秒" for key, label in names.items())
    print(
        f"{figures}（OCR 引擎加载 {result['ocr_engine_load_s']} 秒）；与文本文件一致的条目 "
        f"{result['identical_items']} → {path}",
        file=sys.stderr,
    )
    return result


def layouts(folder: Path, rounds: int) -> dict:
    """The generated layouts of the 2025 plan; the scan is read once (OCR is the slow part)."""
    from indexer.ingest.readers import read_lines
    from indexer.ingest.readers.pdf import PdfReader
    from tests.fixtures.formats.paper import (
        lay_out_table,
        lay_out_two_columns,
        plan_lines,
        write_pdf_table,
        write_scan_table,
    )
    from tests.fixtures.formats.tables import plan_rows

    sheets = lay_out_table(*plan_rows())
    table, two, scan = folder / "table.pdf", folder / "two.pdf", folder / "scan.pdf"
    write_pdf_table(sheets, table)
    write_pdf_table(lay_out_two_columns(*plan_lines()), two)
    write_scan_table(sheets, scan, (2,))
    out = {
        "table_pdf": rate(*timed_read(PdfReader(), table, rounds)),
        "two_column_pdf": rate(*timed_read(PdfReader(), two, rounds)),
    }
    cache = folder / "cache"
    started = time.perf_counter()
    read_lines(scan, cache)
    out["table_scan"] = rate(time.perf_counter() - started, 1)
    started = time.perf_counter()
    read_lines(scan, cache)
    out["table_scan_cached"] = rate(time.perf_counter() - started, 1)
    out["identical_items"] = identity(folder, table, two, scan, cache)
    return out


def identity(folder: Path, table: Path, two: Path, scan: Path, cache: Path) -> dict:
    """Items of each layout identical to the text file's (text and units; for the scan, units)."""
    from indexer.ingest.corpus import read_document
    from indexer.ingest.rules import CorpusRules
    from indexer.records import BuildReport
    from tests.fixtures.formats.tables import identical_items, plan_rows, write_docx_table

    rules = CorpusRules.load(ROOT / "corpus")

    def numbered(path: Path, override: dict | None = None) -> list:
        return [i for i in read_document(path, override, BuildReport(), rules, cache)[1] if i.number is not None]

    docx = folder / "table.docx"
    write_docx_table(*plan_rows(), docx)
    text = numbered(ROOT / "corpus" / "2025-plan-responsibility.txt")
    out = {
        name: f"{len(identical_items(text, numbered(path)))}/{len(text)}"
        for name, path in (("docx_table", docx), ("table_pdf", table), ("two_column_pdf", two))
    }
    on_page = [i for i in numbered(table) if i.sources[0].page == 2 and i.id.startswith("2025-plan-二-")][:-1]
    found = {i.id: i.units for i in numbered(scan, {"year": 2025, "kind": "plan"})}
    out["table_scan_units"] = f"{sum(1 for i in on_page if found.get(i.id) == i.units)}/{len(on_page)}"
    return out
