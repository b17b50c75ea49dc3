"""A line placed on a page, and how two pieces of one wrapped text are put back together.

Shared by the page layout (layout.py) and table reading (table.py), which both work on
positioned text from PDF, OFD and OCR.
"""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[str, float, float, float, float]  # text, x0, x1, top, bottom (y grows downwards)


@dataclass(frozen=True)
class PlacedLine:
    """One line on a page, in page units with y growing downwards; height ~ the font size."""

    text: str
    page: int
    x0: float
    x1: float
    y: float
    height: float
    confidence: float | None = None
    cells: int = 1  # pieces separated by wide gaps: more than one is a table row
    boxes: tuple[Box, ...] = ()  # its text boxes, for table reading
    column: int = 0  # on a two-column page: 1 left, 2 right (0: across the page)


def glue(left: str, right: str) -> str:
    """Chinese wraps need no space; a word wrapped between Latin letters does. Digits on both sides
    are one number the line broke inside (Chinese text breaks anywhere: 3 / 00个)."""
    if left[-1:].isdigit() and right[:1].isdigit():
        return left + right
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right


def lowest(a: float | None, b: float | None) -> float | None:
    known = [c for c in (a, b) if c is not None]
    return min(known) if known else None
