"""The index folder: config.json, items.jsonl, documents.json, unit_links.json, BM25 and vectors.

Nothing here is pickled. A folder whose config does not match the corpus or the
model in use is refused with the command that rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..errors import IndexUnavailable, Reason
from ..foundation.atomic import atomic_write_text, file_checksums, publish, sha256_file
from ..records import Document, Item, UnitLinks

FORMAT = 3  # 3: sources carry page and OCR confidence; PDF, OFD and images are read


def corpus_fingerprint(corpus_dir: Path) -> str:
    """Content of every corpus file, the repairs and unit renames among them."""
    digest = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    files = sorted(p for p in corpus_dir.iterdir() if p.is_file()) if corpus_dir.exists() else []
    for path in files:
        digest.update(path.name.encode() + b"\x00" + path.read_bytes() + b"\x00")
    return digest.hexdigest()[:16]


def write_records(folder: Path, documents: list[Document], items: list[Item], links: UnitLinks) -> None:
    lines = "\n".join(json.dumps(item.to_json(), ensure_ascii=False) for item in items)
    atomic_write_text(folder / "items.jsonl", lines + "\n")
    atomic_write_text(
        folder / "documents.json", json.dumps([d.to_json() for d in documents], ensure_ascii=False, indent=1)
    )
    atomic_write_text(folder / "unit_links.json", json.dumps(links.to_json(), ensure_ascii=False, indent=1))


def read_records(folder: Path) -> tuple[list[Document], list[Item], UnitLinks]:
    try:
        items = [
            Item.from_json(json.loads(line))
            for line in (folder / "items.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        docs = [Document.from_json(d) for d in json.loads((folder / "documents.json").read_text(encoding="utf-8"))]
        links = UnitLinks.from_json(json.loads((folder / "unit_links.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise IndexUnavailable(Reason.DAMAGED, "index.damaged", file="items.jsonl") from err
    return docs, items, links


def read_config(folder: Path) -> dict:
    path = folder / "config.json"
    if not path.exists():
        raise IndexUnavailable(Reason.MISSING, "index.missing", folder=folder)
    try:
        config: dict = json.loads(path.read_text(encoding="utf-8"))
        return config
    except ValueError as err:
        raise IndexUnavailable(Reason.DAMAGED, "index.damaged", file="config.json") from err


def verify_checksums(folder: Path, config: dict) -> None:
    """Every file the build wrote is there, unchanged: a damaged or reordered file is refused."""
    for name, expected in config.get("checksums", {}).items():
        path = folder / name
        if not path.is_file() or sha256_file(path) != expected:
            raise IndexUnavailable(Reason.DAMAGED, "index.damaged", file=name)


def check_config(config: dict, fingerprint: str | None, models: dict[str, str]) -> None:
    """Refuse an index built from another corpus, format or model than the one in use."""
    if config.get("format") != FORMAT:
        raise IndexUnavailable(Reason.FORMAT, "index.format", found=config.get("format"), expected=FORMAT)
    if fingerprint is not None and config.get("corpus_fingerprint") != fingerprint:
        raise IndexUnavailable(Reason.CORPUS_CHANGED, "index.corpus_changed")
    built = config.get("dense", {})
    for retriever, model in models.items():
        if retriever not in built:
            raise IndexUnavailable(Reason.MODEL_MISMATCH, "index.no_retriever", retriever=retriever)
        if built[retriever]["model"] != model:
            raise IndexUnavailable(
                Reason.MODEL_MISMATCH, "index.model_mismatch", built=built[retriever]["model"], current=model
            )


@contextmanager
def staging_folder(index_dir: Path) -> Iterator[Path]:
    """A fresh folder beside the published index for a build or migration; removed whatever happens."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    staging = Path(tempfile.mkdtemp(prefix=f".staging-{stamp}-", dir=index_dir))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish_index(staging: Path, config: dict, target: Path) -> None:
    """Seal the staged folder (config.json records every file's checksum), then publish it in one rename."""
    config["checksums"] = file_checksums(staging)
    atomic_write_text(staging / "config.json", json.dumps(config, ensure_ascii=False, indent=1))
    publish(staging, target)
