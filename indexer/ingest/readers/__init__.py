"""Readers, one per file format, chosen by the file's content (magic bytes), not its name.

To add a format: write a module with a class that has `name`, `accepts(head)` and
`read(path)` (see base.Reader) and put an instance in READERS before the text reader,
which accepts anything without NUL bytes and so comes last.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import CorpusError
from .. import limits
from .base import Reader, TextLine
from .cache import cached_read
from .docx import DocxReader
from .html import HtmlReader
from .ocr import ImageReader
from .ofd import OfdReader
from .office import OfficeReader
from .pdf import PdfReader
from .text import TextReader, decode

# Binary formats first: an uncompressed PDF can hold no NUL byte in its first 8 KB,
# and the text reader takes anything without one, so it comes last.
READERS: list[Reader] = [
    PdfReader(),
    OfdReader(),
    DocxReader(),
    OfficeReader(),
    ImageReader(),
    HtmlReader(),
    TextReader(),
]
HEAD_BYTES = 8192

__all__ = ["READERS", "Reader", "TextLine", "decode", "read_lines", "reader_for"]


def reader_for(path: Path) -> Reader:
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
    for reader in READERS:
        if reader.accepts(head):
            return reader
    raise CorpusError("corpus.binary", path.name)


def read_lines(path: Path, cache_dir: Path | None = None) -> list[TextLine]:
    """The file's lines, read once per content when given a cache folder (cache.py). Any failure of any
    reader (a library's own error, MemoryError, RecursionError …) becomes a CorpusError naming the file and
    the reason, so the build skips the file and goes on; a failure is never cached."""
    with limits.reading(path.name):
        try:
            reader = reader_for(path)
            lines = cached_read(path, reader.name, reader.read, cache_dir)
        except CorpusError:
            raise
        except Exception as err:
            raise limits.failure(err, path.name) from err
    limits.check_lines([line.text for line in lines], path.name)
    return lines
