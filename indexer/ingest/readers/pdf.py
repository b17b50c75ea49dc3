"""PDF through PDFium (pypdfium2): the text layer where there is one, OCR where a page has none.

PDFium hands out text runs with their boxes; grouping them by line and reading them
left to right keeps table rows in order, and the shared layout step removes running
headers, footers and page numbers and joins items the page wrapped.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import CorpusError
from ..limits import check_pages, check_pixels
from .base import TextLine
from .layout import PlacedLine, assemble, rows

MAGIC = b"%PDF-"
SCAN_DPI = 200  # enough for 10–12 pt text; more only slows OCR down
RUN_GAP = 0.5  # a gap wider than this many character heights starts a new run (table cells)


class PdfReader:
    name = "pdf"

    def accepts(self, head: bytes) -> bool:
        return MAGIC in head[:1024]  # the spec allows junk before the header

    def read(self, path: Path) -> list[TextLine]:
        document = open_pdf(path)
        try:
            check_pages(len(document), path.name)
            placed = [line for number in range(len(document)) for line in page_lines(document, number, path.name)]
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
            check_pixels(page.get_width() * scale, page.get_height() * scale, name)
            lines = ocr_image(page.render(scale=scale).to_pil(), number + 1, name, scale)
        return lines
    finally:
        page.close()


def text_layer(page, number: int) -> list[PlacedLine]:
    """Text runs as boxes in top-down coordinates, grouped into lines.

    Runs are built from characters' loose boxes, not from pdfium's rectangles: those are the
    glyph outlines of the font pdfium draws with, and for a font the PDF does not embed
    (SimSun, STSong: common in official documents) that is a font of this machine. Where none
    is installed the boxes have zero height and lone characters vanish, so reading would
    depend on the fonts installed. Loose boxes come from the PDF's own font metrics."""
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        boxes = [
            (text, left, right, height - top, height - bottom)
            for text, left, bottom, right, top in _runs(textpage)
            if text.strip()
        ]
    finally:
        textpage.close()
    return rows(boxes, number)


def _runs(textpage) -> list[tuple[str, float, float, float, float]]:
    """(text, left, bottom, right, top) for each run of characters on one baseline without a wide gap."""
    runs: list[list | None] = []  # None ends a run (a line break)
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if char in ("\r", "\n", ""):
            runs.append(None)
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        last = runs[-1] if runs else None
        size = max(top - bottom, 1e-6)
        if last is not None and abs(bottom - last[2]) < 0.5 * size and -0.5 * size < left - last[3] < RUN_GAP * size:
            last[0] += char
            last[3], last[4] = max(last[3], right), max(last[4], top)
        else:
            runs.append([char, left, bottom, right, top])
    return [tuple(run) for run in runs if run is not None]
