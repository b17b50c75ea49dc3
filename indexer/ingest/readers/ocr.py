"""Scans: images (PNG, JPEG, TIFF) and PDF pages without a text layer, read by RapidOCR.

RapidOCR runs PaddleOCR's detection and recognition models on onnxruntime; the models
ship inside the `rapidocr` wheel, so nothing is downloaded. Its boxes are grouped into
lines by position, and each line keeps the mean confidence of its boxes so a reader
can see how far to trust recognised text.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from ...errors import CorpusError
from ..limits import check_ocr_time, check_pages, check_pixels
from .base import TextLine
from .layout import PlacedLine, assemble, rows

MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


class ImageReader:
    name = "image"

    def accepts(self, head: bytes) -> bool:
        return head.startswith(MAGIC)

    def read(self, path: Path) -> list[TextLine]:
        placed = [line for number, frame in enumerate(image_frames(path), start=1)
                  for line in ocr_image(frame, number, path.name)]
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
                check_pixels(*frame.size, path.name)     # before decoding the frame
                frames.append(frame.convert("RGB"))
            return frames
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise CorpusError("corpus.image_damaged", path.name) from err


@lru_cache(maxsize=1)
def engine():
    """Loaded once per process (about 2 s); later pages reuse it."""
    from rapidocr import RapidOCR

    ocr = RapidOCR(params={"Global.log_level": "error"})
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)   # its English notices stay off the user's terminal
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
    for box, text, score in zip(result.boxes, result.txts, result.scores):
        xs, ys = [float(p[0]) / scale for p in box], [float(p[1]) / scale for p in box]
        if text.strip():
            boxes.append((text, min(xs), max(xs), min(ys), max(ys)))
            scores.append(float(score))
    return rows(boxes, page, scores)
