"""Read a corpus file into text lines, whatever encoding the web copy came in."""
from __future__ import annotations

from pathlib import Path

ENCODINGS = ("utf-8-sig", "gb18030")


class UnreadableFile(ValueError):
    """A file that is not text in any encoding we accept; the message names it."""


def decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise UnreadableFile(f"{name}: 二进制文件，已跳过 (binary file, NUL bytes found)")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise UnreadableFile(f"{name}: 无法识别的编码，已跳过 (not UTF-8 or GBK text)")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return bool(text) and controls / len(text) > 0.01


def read_lines(path: Path) -> list[str]:
    """Lines without their endings; numbering them from 1 gives the source line."""
    return decode(path.read_bytes(), path.name).splitlines()
