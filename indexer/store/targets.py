"""targets.jsonl and outcomes.jsonl in the index folder: what plans promised, what reports say was done.

Written by the build beside items.jsonl (so config.json's checksums cover them); an index built
before they existed has neither file and reads as empty.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import IndexUnavailable, Reason
from ..foundation.atomic import atomic_write_text
from ..ingest.targets import extract_outcomes, extract_targets
from ..records import Item, Outcome, Target

TARGETS_FILE, OUTCOMES_FILE = "targets.jsonl", "outcomes.jsonl"


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
