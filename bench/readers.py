"""Reader throughput: pages per second for a text PDF, an OFD and OCR of scanned pages.

Runs on the committed fixtures (tests/fixtures/formats), so the figures are comparable
between runs; the OCR engine's one-off load is reported apart from the per-page rate.
"""
from __future__ import annotations

import sys
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
    path = save("readers", result)
    print(f"文本 PDF {result['text_pdf']['pages_per_s']} 页/秒；OFD {result['ofd']['pages_per_s']} 页/秒；"
          f"OCR {result['ocr_pdf']['pages_per_s']} 页/秒（引擎加载 {result['ocr_engine_load_s']} 秒）→ {path}",
          file=sys.stderr)
    return result
