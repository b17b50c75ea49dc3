"""targets.jsonl and outcomes.jsonl in the index folder: what plans promised, what reports say was done.

Written by the build beside items.jsonl (so config.json's checksums cover them); an index built
before they existed has neither file and reads as empty.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np

from ..errors import IndexUnavailable, Reason
from ..foundation.atomic import atomic_write_bytes, atomic_write_text
from ..ingest.targets import extract_outcomes, extract_targets
from ..records import DocKind, Item, Outcome, Target

TARGETS_FILE, OUTCOMES_FILE = "targets.jsonl", "outcomes.jsonl"
PLAN_VECTORS_FILE = "plan_vectors.npz"  # the default dense model's vectors of plan items: plan-to-plan matches


def write_targets(folder: Path, items: list[Item]) -> tuple[int, int]:
    targets, outcomes = extract_targets(items), extract_outcomes(items)
    for name, rows in ((TARGETS_FILE, targets), (OUTCOMES_FILE, outcomes)):
        atomic_write_text(folder / name, "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in rows))
    return len(targets), len(outcomes)


def read_targets(folder: Path) -> tuple[list[Target], list[Outcome]]:
    try:
        return (
            [Target.from_json(r) for r in _rows(folder / TARGETS_FILE)],
            [Outcome.from_json(r) for r in _rows(folder / OUTCOMES_FILE)],
        )
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise IndexUnavailable(Reason.DAMAGED, "index.damaged", file=TARGETS_FILE) from err


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_plan_vectors(folder: Path, items: list[Item], vectors: np.ndarray) -> None:
    """The plan items' dense vectors (normalised), so that a plan diff can ask whether two items are close in
    meaning without loading a model or opening the vector store (FAISS or Milvus alike)."""
    rows = [n for n, item in enumerate(items) if item.kind is DocKind.PLAN]
    ids = np.array([items[n].id for n in rows], dtype=str)
    buffer = io.BytesIO()
    np.savez(buffer, ids=ids, vectors=np.asarray(vectors[rows], dtype=np.float32))
    atomic_write_bytes(folder / PLAN_VECTORS_FILE, buffer.getvalue())


def read_plan_vectors(folder: Path) -> dict[str, np.ndarray]:
    """Item id → vector; empty for an index built before the file existed (the diff then uses wording only)."""
    path = folder / PLAN_VECTORS_FILE
    if not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            return dict(zip(data["ids"].tolist(), data["vectors"], strict=True))
    except (OSError, ValueError, KeyError) as err:
        raise IndexUnavailable(Reason.DAMAGED, "index.damaged", file=PLAN_VECTORS_FILE) from err
