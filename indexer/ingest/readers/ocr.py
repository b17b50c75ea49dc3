"""Scans: images (PNG, JPEG, TIFF) and PDF pages without a text layer, read by RapidOCR.

RapidOCR runs PaddleOCR's detection and recognition models on onnxruntime; the models
ship inside the `rapidocr` wheel, so nothing is downloaded. Its boxes are grouped into
lines by position, and each line keeps the mean confidence of its boxes so a reader
can see how far to trust recognised text.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from ...errors import CorpusError
from ..limits import check_ocr_time, check_pages, check_pixels
from .base import TextLine
from .layout import PlacedLine, assemble, rows

OCR_DASH = re.compile(r"^\s*(-|—|－)\s*(?=[\u4e00-\u9fff])")  # a theme's —— the OCR read short
MAX_TURN = 5.0  # degrees: a larger turn is not a scanner's slip; left as it is
MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


class ImageReader:
    name = "image"

    def accepts(self, head: bytes) -> bool:
        return head.startswith(MAGIC)

    def read(self, path: Path) -> list[TextLine]:
        placed = [
            line
            for number, frame in enumerate(image_frames(path), start=1)
            for line in ocr_image(frame, number, path.name)
        ]
        lines = assemble(placed)
        if not lines:
            raise CorpusError("corpus.scan_blank", path.name)
        return lines


def image_frames(path: Path) -> list:
    """Every frame: a multi-page TIFF is one scanned document."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            check_pages(getattr(image, "n_frames", 1), path.name)
            frames = []
            for frame in ImageSequence.Iterator(image):
                check_pixels(*frame.size, path.name)  # before decoding the frame
                frames.append(frame.convert("RGB"))
            return frames
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise CorpusError("corpus.image_damaged", path.name) from err


@lru_cache(maxsize=1)
def engine():
    """Loaded once per process (about 2 s); later pages reuse it."""
    from rapidocr import RapidOCR

    ocr = RapidOCR(params={"Global.log_level": "error"})
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)  # its English notices stay off the user's terminal
    return ocr


def ocr_image(image, page: int, name: str, scale: float = 1.0) -> list[PlacedLine]:
    """One page image to positioned lines, in reading order; `scale` pixels make one page unit,
    so a rendered PDF page lands in the same points as the document's text pages."""
    import numpy as np

    check_ocr_time(name)
    try:
        ocr = engine()
    except ImportError as err:
        raise CorpusError("corpus.ocr_unavailable", name, detail=err.name or "rapidocr") from err
    result = ocr(np.asarray(image.convert("RGB")))
    if result.boxes is None or not len(result.boxes):
        return []
    boxes, scores = [], []
    cos, sin = _unturn(result.boxes)
    for box, text, score in zip(result.boxes, result.txts, result.scores, strict=False):
        points = [(float(p[0]) * cos + float(p[1]) * sin, float(p[1]) * cos - float(p[0]) * sin) for p in box]
        xs, ys = [x / scale for x, _ in points], [y / scale for _, y in points]
        if text.strip():
            boxes.append((OCR_DASH.sub("——", text), min(xs), max(xs), min(ys), max(ys)))
            scores.append(float(score))
    return rows(boxes, page, scores)


def _unturn(quads) -> tuple[float, float]:
    """cos and sin of the page's turn, from the slope of the long text boxes' top edges: a scan
    turned by a degree lifts a table's right-hand cells by a line over the page's width, so the
    boxes are turned back before they are grouped into lines and cells."""
    import math
    import statistics

    slopes = [
        math.atan2(float(q[1][1]) - float(q[0][1]), float(q[1][0]) - float(q[0][0]))
        for q in quads
        if float(q[1][0]) - float(q[0][0]) > 3 * abs(float(q[3][1]) - float(q[0][1]))
    ]
    angle = statistics.median(slopes) if slopes else 0.0
    angle = angle if abs(angle) < math.radians(MAX_TURN) else 0.0
    return math.cos(angle), math.sin(angle)
