"""What a reader extracted from a file, kept by the file's content hash, so a file is read once.

OCR is seconds a page; an unchanged scan must not be OCRed again at every build, nor three
times when it is added (detection, the preview, then the build). Entries are JSON (never
pickle), written atomically, one file per content hash under `<cache>/reads/`, and checked
on load: a damaged or foreign entry is ignored and the file read again. Each entry records the
readers' version, a hash of their source files, so an entry written by other reader code (a
fix to table reading, a new OCR step) is never used.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ...foundation.atomic import atomic_write_text
from .base import TextLine

FOLDER = "reads"
CHEAP = ("text",)  # plain text decodes faster than its cache entry loads


@lru_cache(maxsize=1)
def reads_version() -> str:
    """A hash of the readers' own code: what they return for the same bytes changes only with it."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    return digest.hexdigest()[:16]


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cached_read(
    path: Path, reader_name: str, read: Callable[[Path], list[TextLine]], cache_dir: Path | None
) -> list[TextLine]:
    """The reader's lines for this file's bytes: from the cache when an entry checks out, else read and stored."""
    if cache_dir is None or reader_name in CHEAP:
        return read(path)
    key = content_key(path.read_bytes())
    entry = cache_dir / FOLDER / f"{reader_name}-{key[:32]}.json"
    lines = load_entry(entry, key, reader_name)
    if lines is None:
        lines = read(path)
        store_entry(entry, key, reader_name, lines)
    return lines


def _lines_json(lines: list[TextLine]) -> list:
    return [[line.text, line.page, line.confidence, [list(f) for f in line.fields]] for line in lines]


def _checksum(payload: list) -> str:
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def store_entry(entry: Path, key: str, reader_name: str, lines: list[TextLine]) -> None:
    payload = _lines_json(lines)
    record = {
        "version": reads_version(),
        "reader": reader_name,
        "sha256": key,
        "lines": payload,
        "checksum": _checksum(payload),
    }
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(entry, json.dumps(record, ensure_ascii=False))
    except OSError:
        pass  # a cache that cannot be written only costs a second read


def load_entry(entry: Path, key: str, reader_name: str) -> list[TextLine] | None:
    """The entry's lines if it is this file's, from this reader version, and intact; else None."""
    try:
        record = json.loads(entry.read_text(encoding="utf-8"))
        payload = record["lines"]
        if (record.get("version"), record.get("reader"), record.get("sha256")) != (
            reads_version(),
            reader_name,
            key,
        ) or record.get("checksum") != _checksum(payload):
            return None
        return [
            TextLine(str(text), page, confidence, tuple((str(k), str(v)) for k, v in fields))
            for text, page, confidence, fields in payload
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return None
