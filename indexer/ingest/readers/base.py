"""What every reader returns: the document's lines in reading order, each with where it came from.

A reader turns one file's bytes into `TextLine`s and nothing more; normalising,
parsing and unit extraction are the same for every format downstream.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class TextLine:
    text: str
    page: int | None = None  # 1-based page (PDF, OFD, scans); None for flowing text
    confidence: float | None = None  # OCR confidence 0–1; None when the text layer was read
    fields: tuple[tuple[str, str], ...] = ()  # a table row's extra columns: ("deadline", "2025年底前")


class Reader(Protocol):
    """One file format. `accepts` looks at the first bytes, never at the file name."""

    name: str

    def accepts(self, head: bytes) -> bool: ...

    def read(self, path: Path) -> list[TextLine]: ...
