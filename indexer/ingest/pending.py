"""An `add` in flight: its files are staged under hidden names, then one JSON file is the commit point.

The build finishes a committed add before it reads the corpus, and drops the staged files of one that
was killed before its commit point, so a killed `add` leaves either nothing or everything.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

STAGED = ".adding-"  # a file being added, hidden from the build until it is renamed in
PENDING = ".adding.json"  # written once everything is staged: the commit point of an add


def finish_pending(corpus_dir: Path) -> None:
    """Complete an add that reached its commit point; drop the staged files of one that did not."""
    pending = corpus_dir / PENDING
    renames = json.loads(pending.read_text(encoding="utf-8")) if pending.exists() else {}
    for staged, final in renames.items():
        if (corpus_dir / staged).exists():
            os.replace(corpus_dir / staged, corpus_dir / final)
    pending.unlink(missing_ok=True)
    for leftover in corpus_dir.glob(f"{STAGED}*"):
        leftover.unlink(missing_ok=True)
