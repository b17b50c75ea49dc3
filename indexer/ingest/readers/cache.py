"""What a reader extracted from a file, kept by the file's content hash, so a file is read once.

OCR is seconds a page; an unchanged scan must not be OCRed again at every build, nor three
times when it is added (detection, the preview, then the build). Entries are JSON (never
pickle), written atomically, one file per content hash under `<cache>/reads/`, and checked
on load: a damaged or foreign entry is ignored and the file read again. Each entry records the
readers' version, a hash of their source files, so an entry written by other reader code (a
fix to table reading, a new OCR step) is never used. After a build is published, entries for
bytes no file of the corpus holds any more are removed (prune_reads).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ...foundation.atomic import atomic_write_text
from .base import TextLine

FOLDER = "reads"
CHEAP = ("text",)  # plain text decodes faster than its cache entry loads
UNUSED_SECONDS = 24 * 3600.0  # an entry of a file gone from the corpus is removed once unused this long


@lru_cache(maxsize=1)
def reads_version() -> str:
    """A hash of the readers' own code: what they return for the same bytes changes only with it."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    return digest.hexdigest()[:16]


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_key(path: Path) -> str:
    return content_key(path.read_bytes())


def prune_reads(cache_dir: Path, corpus_dir: Path, unused_for: float = UNUSED_SECONDS) -> int:
    """Remove the entries of bytes no file in `corpus_dir` holds (hidden files too: an `add` in
    flight stages its files there) that no read used for `unused_for` seconds; returns how many went.
    Run after a build is published, under the build lock. The grace keeps the entries of another
    corpus built with the same cache folder (POLQA_CACHE is shared by builds) while it is in use; a
    removal is one unlink, and a missing entry is only a cache miss, so no read is ever wrong."""
    folder = cache_dir / FOLDER
    if not folder.is_dir():
        return 0
    keep = {file_key(path)[:32] for path in corpus_dir.iterdir() if path.is_file()}
    removed, now = 0, time.time()
    for entry in folder.glob("*.json"):
        try:
            stale = entry.stem.rsplit("-", 1)[-1] not in keep and now - entry.stat().st_mtime >= unused_for
        except OSError:
            continue  # removed meanwhile
        if stale:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def cached_read(
    path: Path, reader_name: str, read: Callable[[Path], list[TextLine]], cache_dir: Path | None
) -> list[TextLine]:
    """The reader's lines for this file's bytes: from the cache when an entry checks out, else read and stored."""
    if cache_dir is None or reader_name in CHEAP:
        return read(path)
    key = file_key(path)
    entry = cache_dir / FOLDER / f"{reader_name}-{key[:32]}.json"
    lines = load_entry(entry, key, reader_name)
    if lines is None:
        lines = read(path)
        store_entry(entry, key, reader_name, lines)
    else:
        _touch(entry)
    return lines


def _touch(entry: Path) -> None:
    """Mark the entry used (prune_reads keeps entries used lately)."""
    with contextlib.suppress(OSError):  # a read-only cache is only pruned less eagerly
        os.utime(entry)


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
