"""Reviewed data files (repairs, renames, vocabulary) are TSV with `#` comment lines."""

from __future__ import annotations

import csv
from pathlib import Path


def read_tsv(path: Path) -> list[dict]:
    """Rows of a tab-separated file whose `#` lines are comments."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))
