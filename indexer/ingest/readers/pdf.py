"""PDF through PDFium (pypdfium2): the text layer where there is one, OCR where a page has none.

PDFium hands out text runs with their boxes; grouping them by line and reading them
left to right keeps table rows in order, and the shared layout step removes running
headers, footers and page numbers and joins items the page wrapped.
"""
from __future__ import annotations

from pathlib import Path

from ...errors import CorpusError
from .base import TextLine
from .layout import PlacedLine, assemble, rows

MAGIC = b"%PDF-"
SCAN_DPI = 200       # enough for 10–12 pt text; more only slows OCR down


class PdfReader:
    name = "pdf"

    def accepts(self, head: bytes) -> bool:
        return MAGIC in head[:1024]   # the spec allows junk before the header

    def read(self, path: Path) -> list[TextLine]:
        document = open_pdf(path)
        try:
            placed = [line for number in range(len(document))
                      for line in page_lines(document, number, path.name)]
        finally:
            document.close()
        lines = assemble(placed)
        if not lines:
            raise CorpusError("corpus.scan_blank", path.name)
        return lines


def open_pdf(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        if err.err_code in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
            raise CorpusError("corpus.pdf_encrypted", path.name) from err
        raise CorpusError("corpus.pdf_damaged", path.name) from err


def page_lines(document, number: int, name: str) -> list[PlacedLine]:
    import pypdfium2 as pdfium

    try:
        page = document[number]
    except pdfium.PdfiumError as err:
        raise CorpusError("corpus.pdf_damaged", name) from err
    try:
        lines = text_layer(page, number + 1)
        if not any(line.text.strip() for line in lines):
            from .ocr import ocr_image

            scale = SCAN_DPI / 72
            lines = ocr_image(page.render(scale=scale).to_pil(), number + 1, name, scale)
        return lines
    finally:
        page.close()


def text_layer(page, number: int) -> list[PlacedLine]:
    """Text runs as boxes in top-down coordinates, grouped into lines."""
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        boxes = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", "").replace("\n", "")
            if text.strip():
                boxes.append((text, left, right, height - top, height - bottom))
    finally:
        textpage.close()
    return rows(boxes, number)
