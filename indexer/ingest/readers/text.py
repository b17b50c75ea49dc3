"""Plain text in whatever encoding the web copy came in: UTF-8 (with or without BOM) or GBK."""
from __future__ import annotations

from pathlib import Path

from ...errors import CorpusError
from .base import TextLine

ENCODINGS = ("utf-8-sig", "gb18030")


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise CorpusError("corpus.binary", name)
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise CorpusError("corpus.encoding", name)


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return bool(text) and controls / len(text) > 0.01


class TextReader:
    name = "text"

    def accepts(self, head: bytes) -> bool:
        return b"\x00" not in head

    def read(self, path: Path) -> list[TextLine]:
        """One TextLine per source line, so numbering them from 1 gives the source line."""
        return [TextLine(line) for line in decode(path.read_bytes(), path.name).splitlines()]
