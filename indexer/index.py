"""The index folder: FAISS files, config.json, items.jsonl, documents.json and BM25 arrays.

Nothing here is pickled. A folder whose config does not match the corpus or the
model in use is refused with the command that rebuilds it.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import faiss
import numpy as np

from . import __version__
from .normalise import REPAIRS_FILE
from .records import Document, Item
from .storage import atomic_write_text
from .units import RENAMES_FILE

REBUILD_HINT = "请运行 `python -m indexer build` 重建索引 (run `python -m indexer build` to rebuild)"
FORMAT = 1


class IndexError_(RuntimeError):
    """The index is missing, damaged or built for another corpus or model."""


def corpus_fingerprint(corpus_dir: Path) -> str:
    """Content of every corpus file and of the data files that shape the records."""
    digest = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    files = sorted(p for p in corpus_dir.iterdir() if p.is_file()) if corpus_dir.exists() else []
    for path in files + [REPAIRS_FILE, RENAMES_FILE]:
        if path.exists():
            digest.update(path.name.encode() + b"\x00" + path.read_bytes() + b"\x00")
    return digest.hexdigest()[:16]


def make_vector_index(vectors: np.ndarray, ann_threshold: int) -> faiss.Index:
    """Flat inner product for small corpora (exact); HNSW above the threshold."""
    dimension = vectors.shape[1]
    if len(vectors) > ann_threshold:
        base = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
        base.hnsw.efConstruction = 80
        base.hnsw.efSearch = 512   # bench/RESULTS.md: recall@10 0.98 at 100k, about 1 ms
    else:
        base = faiss.IndexFlatIP(dimension)
    index = faiss.IndexIDMap2(base)
    index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.arange(len(vectors), dtype=np.int64))
    return index


def write_faiss(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def read_faiss(path: Path) -> faiss.Index:
    try:
        return faiss.read_index(str(path))
    except RuntimeError as err:
        raise IndexError_(f"索引文件损坏: {path.name} ({err.__class__.__name__}). {REBUILD_HINT}") from err


def write_records(folder: Path, documents: list[Document], items: list[Item]) -> None:
    from dataclasses import asdict

    lines = "\n".join(json.dumps(item.to_json(), ensure_ascii=False) for item in items)
    atomic_write_text(folder / "items.jsonl", lines + "\n")
    atomic_write_text(folder / "documents.json",
                      json.dumps([asdict(d) for d in documents], ensure_ascii=False, indent=1))


def read_records(folder: Path) -> tuple[list[Document], list[Item]]:
    try:
        items = [Item.from_json(json.loads(line))
                 for line in (folder / "items.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        docs = [Document(**{**d, "files": tuple(d["files"]),
                            "definitions": tuple(tuple(x) for x in d["definitions"])})
                for d in json.loads((folder / "documents.json").read_text(encoding="utf-8"))]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise IndexError_(f"索引元数据损坏或缺失 ({err.__class__.__name__}: {err}). {REBUILD_HINT}") from err
    return docs, items


def read_config(folder: Path) -> dict:
    path = folder / "config.json"
    if not path.exists():
        raise IndexError_(f"没有找到索引: {folder} (no index). {REBUILD_HINT}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise IndexError_(f"config.json 损坏 ({err}). {REBUILD_HINT}") from err


def check_config(config: dict, fingerprint: str | None, retrievers: dict[str, str]) -> None:
    """Refuse an index built from another corpus, format or model than the one in use."""
    if config.get("format") != FORMAT:
        raise IndexError_(f"索引格式版本不符 (format {config.get('format')} != {FORMAT}). {REBUILD_HINT}")
    if fingerprint is not None and config.get("corpus_fingerprint") != fingerprint:
        raise IndexError_(f"语料已变化，索引已过期 (corpus changed since the index was built). {REBUILD_HINT}")
    built = config.get("dense", {})
    for retriever, model in retrievers.items():
        if retriever not in built:
            raise IndexError_(f"索引中没有检索器 {retriever} (index has no '{retriever}' vectors). {REBUILD_HINT}")
        if built[retriever]["model"] != model:
            raise IndexError_(f"索引由模型 {built[retriever]['model']} 构建，当前模型为 {model} "
                              f"(index built with another model). {REBUILD_HINT}")
