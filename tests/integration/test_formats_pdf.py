"""The same document as text, PDF, OFD and scan gives the same records (the scan through OCR).

Fixtures come from tests/fixtures/formats/make_pdf.py; the OCR models ship in the
rapidocr wheel, so these run offline.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.ingest.corpus import read_document
from indexer.ingest.rules import CorpusRules
from indexer.records import BuildReport
from tests.conftest import CORPUS, ROOT, needs_cjk_font

FORMATS = ROOT / "tests" / "fixtures" / "formats"
SCANNED = (2, 3)  # pages of 2025-plan.pdf that make_pdf.py put in the scan
# Any download attempt (rapidocr fetches missing models over HTTP) fails through a dead proxy.
NO_NETWORK = {
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
}


def records(path: Path, override: dict | None = None):
    return read_document(path, override, BuildReport(), CorpusRules.load(CORPUS))[1]


@pytest.fixture(scope="module")
def text_items():
    return records(CORPUS / "2025-plan-responsibility.txt")


@pytest.mark.parametrize("name", [pytest.param("2025-plan.pdf", marks=needs_cjk_font), "2025-plan.ofd"])
def test_paged_copies_give_the_text_files_records(text_items, name):
    items = records(FORMATS / name)
    assert [i.id for i in items] == [i.id for i in text_items]
    assert [i.number for i in items] == [i.number for i in text_items]
    assert [i.path for i in items] == [i.path for i in text_items]
    assert [(i.lead_units, i.responsible_units) for i in items] == [
        (i.lead_units, i.responsible_units) for i in text_items
    ]
    ratio = difflib.SequenceMatcher(
        None, "\n".join(i.text for i in items), "\n".join(i.text for i in text_items), autojunk=False
    ).ratio()
    assert ratio >= 0.98
    assert all(i.sources[0].page is not None and i.sources[0].confidence is None for i in items)
    assert {i.sources[0].page for i in items} == set(range(1, 11))


def unit_f1(expected: list, found: list) -> float:
    """Micro F1 over (item number, unit) pairs."""
    want = {(i.number, u) for i in expected for u in i.units}
    got = {(i.number, u) for i in found for u in i.units}
    hits = len(want & got)
    precision, recall = hits / len(got), hits / len(want)
    return 2 * precision * recall / (precision + recall)


def test_scanned_pages_give_their_items_and_units():
    on_pages = [i for i in records(FORMATS / "2025-plan.pdf") if i.sources[0].page in SCANNED and i.number is not None]
    expected = on_pages[:-1]  # the last item runs on to page 4, which the scan does not hold
    scan = records(FORMATS / "2025-plan-scan.pdf", {"year": 2025, "kind": "plan"})
    numbered = [i for i in scan if i.number is not None and i.number in {e.number for e in expected}]
    assert [i.number for i in numbered] == [e.number for e in expected]
    assert unit_f1(expected, numbered) >= 0.9
    assert all(i.sources[0].confidence is not None and 0 < i.sources[0].confidence <= 1 for i in scan)
    assert all(any(n.startswith("OCR 识别，置信度") for n in i.notes) for i in scan)


def _blank_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.showPage()
    pdf.save()


def _encrypted_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(72, 700, "1. locked")
    pdf.save()


def test_items_lists_a_folder_with_a_pdf_and_names_every_bad_file(tmp_path):
    from PIL import Image

    for name in ("repairs.tsv", "unit_renames.tsv"):
        shutil.copy(CORPUS / name, tmp_path / name)
    shutil.copy(FORMATS / "2025-plan.pdf", tmp_path / "2025-plan.pdf")
    (tmp_path / "broken.pdf").write_bytes((FORMATS / "2025-plan.pdf").read_bytes()[:2000])
    _encrypted_pdf(tmp_path / "locked.pdf")
    _blank_pdf(tmp_path / "empty.pdf")
    Image.new("L", (800, 1100), 255).save(tmp_path / "blank-scan.png")
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "items", "--json"],
        cwd=ROOT,
        text=True,
        capture_output=True,
        env={**os.environ, "POLQA_CORPUS": str(tmp_path), **NO_NETWORK},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    listed = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(listed) == 116 and {r["doc_id"] for r in listed} == {"2025-plan"}
    item = next(r for r in listed if r["id"] == "2025-plan-二-1")
    assert item["sources"] == [{"file": "2025-plan.pdf", "line": item["sources"][0]["line"], "page": 2}]
    warnings = {line for line in result.stderr.splitlines() if line.startswith("注意：")}
    for name, reason in [
        ("broken.pdf", "损坏"),
        ("locked.pdf", "加密"),
        ("empty.pdf", "没有识别出文字"),
        ("blank-scan.png", "没有识别出文字"),
    ]:
        assert any(name in w and reason in w for w in warnings), (name, result.stderr)
    assert "Traceback" not in result.stderr and "RapidOCR" not in result.stderr  # no English log lines


def test_images_are_read_by_ocr_page_by_page(tmp_path):
    """A PNG of one scanned page, and a two-frame TIFF of both: pages numbered by frame."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    from indexer.ingest.readers import reader_for

    scan = pdfium.PdfDocument(FORMATS / "2025-plan-scan.pdf")
    pages = [
        Image.fromarray(np.asarray(scan[i].render(scale=150 / 72).to_pil().convert("L"))) for i in range(len(scan))
    ]  # a plain image: PDFium's carries info the TIFF writer chokes on
    pages[0].save(tmp_path / "both.tif", save_all=True, append_images=pages[1:])
    pages[1].save(tmp_path / "page.png")  # after the TIFF: Pillow 13 reuses a PNG save's options when appending
    png = reader_for(tmp_path / "page.png").read(tmp_path / "page.png")
    assert any(line.text.startswith("17.培育“领跑者”企业50家") for line in png)
    assert {line.page for line in png} == {1} and all(0 < line.confidence <= 1 for line in png)
    tif = reader_for(tmp_path / "both.tif").read(tmp_path / "both.tif")
    starts = {line.text.split(".")[0]: line.page for line in tif if line.text[:1].isdigit()}
    assert starts["1"] == 1 and starts["17"] == 2
