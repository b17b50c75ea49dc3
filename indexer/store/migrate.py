"""Move a built index's vectors from FAISS into Milvus with one command, without re-embedding.

The index folder is copied to a staging folder, each retriever's FAISS files are replaced
by a Milvus collection and its pointer, config.json and its checksums are rewritten, and
the copy is published like a build: until the swap the FAISS index keeps answering.
"""

from __future__ import annotations

import shutil
from dataclasses import replace

from ..config import Settings
from ..errors import PolqaError
from ..foundation.atomic import build_lock, remove_leftovers
from .layout import publish_index, read_config, staging_folder, verify_checksums


class MigrationError(PolqaError):
    """The index already uses the target store, or has nothing to move."""


def migrate(settings: Settings, uri: str) -> dict[str, int]:
    """{retriever: vectors moved}; the index folder afterwards names Milvus collections at `uri`."""
    from .faiss_store import FaissStore
    from .milvus_store import MilvusStore, is_milvus, read_pointer

    if not is_milvus(uri):
        raise MigrationError("store.migrate_target", uri=uri)
    target = replace(settings, store=uri)
    with build_lock(settings.index_dir):
        remove_leftovers(settings.index_dir)
        folder = settings.index_folder.resolve()
        config = read_config(folder)
        verify_checksums(folder, config)
        moved = {}
        with staging_folder(settings.index_dir) as staging:
            shutil.copytree(folder, staging, dirs_exist_ok=True)
            for name, dense in config.get("dense", {}).items():
                if read_pointer(folder, name) is not None:
                    continue
                faiss = FaissStore.load(folder, name)
                ids = faiss.ids()
                store = MilvusStore.create(uri, name, faiss.dimension, target.store_token, faiss.approximate)
                store.add(ids, faiss.index.reconstruct_batch(ids), faiss.payloads_of(ids))
                store.save(staging, name)
                for suffix in (".faiss", ".payload.json"):
                    (staging / f"{name}{suffix}").unlink(missing_ok=True)
                dense["store"] = f"milvus:{store.collection}"
                moved[name] = len(ids)
            if not moved:
                raise MigrationError("store.migrate_same", uri=uri)
            publish_index(staging, config, settings.index_folder)
    return moved
