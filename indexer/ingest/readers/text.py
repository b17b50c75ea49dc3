"""Plain text in whatever encoding the copy came in: UTF-8 (with or without BOM), GB18030/GBK, UTF-16.

A byte-order mark is trusted first; without one, valid UTF-8 is UTF-8 (it cannot be valid by
accident in a Chinese document of any length), and anything else is detected by
charset-normalizer rather than by trying encodings one after another.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ...errors import CorpusError
from .base import TextLine

# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# every GB encoding charset-normalizer may name decodes as its superset, GB18030
GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}


def bom_encoding(head: bytes) -> str | None:
    return next((encoding for bom, encoding in BOMS if head.startswith(bom)), None)


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """The text of a file; `declared` is what the file says of itself (an HTML meta charset), tried
    after UTF-8 because a page a browser saved is UTF-8 but may keep its original meta gb2312."""
    by_bom = bom_encoding(data)
    if by_bom:
        return _checked(_strict(data, by_bom), name)
    if b"\x00" in data:
        raise CorpusError("corpus.binary", name)
    for encoding in filter(None, ("utf-8", declared)):
        text = _strict(data, encoding)
        if text is not None:
            return _checked(text, name)
    return _checked(_detected(data), name)


def _strict(data: bytes, encoding: str) -> str | None:
    encoding = "gb18030" if _codec_name(encoding) in GB_FAMILY else encoding
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        return encoding.lower()


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # 0.1 s import, only for files that are not UTF-8

    best = from_bytes(data).best()
    if best is None:
        return None
    if GB_FAMILY & {_codec_name(e) for e in best.could_be_from_charset}:
        return _strict(data, "gb18030")
    return str(best)


def _checked(text: str | None, name: str) -> str:
    if text is None:
        raise CorpusError("corpus.encoding", name)
    if _looks_binary(text):
        raise CorpusError("corpus.binary", name)
    return text


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return bool(text) and controls / len(text) > 0.01


class TextReader:
    name = "text"

    def accepts(self, head: bytes) -> bool:
        return bom_encoding(head) is not None or b"\x00" not in head

    def read(self, path: Path) -> list[TextLine]:
        """One TextLine per source line, so numbering them from 1 gives the source line."""
        return [TextLine(line) for line in decode(path.read_bytes(), path.name).splitlines()]
