"""👍/👎 per answer, appended to a JSONL file in the index folder (POLQA_FEEDBACK, default
<POLQA_INDEX>/feedback.jsonl, i.e. embeddings/feedback.jsonl; not the build folder, which a rebuild replaces).

One line per vote: the question and filters, the rating, and what the answer showed, so
`python -m eval.feedback FILE` can turn votes into draft eval questions. What was wrong with an
answer (optional, after 👎) is a line of its own with rating "reason", so no vote counts twice.
Anonymous visitors can vote, so a session records at most Settings.feedback_per_session votes,
each text is cut to MAX_FIELD characters, and the file stops growing at Settings.feedback_max_bytes.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import MutableMapping
from datetime import UTC, datetime
from pathlib import Path

from indexer.config import Settings
from indexer.errors import PolqaError

_LOCK = threading.Lock()
MAX_FIELD = 1000  # characters kept of the question and the summary
COUNT = "_feedback_votes"  # the session's vote count, kept in the session's own state


def feedback_path() -> Path:
    if os.environ.get("POLQA_FEEDBACK"):
        return Path(os.environ["POLQA_FEEDBACK"])
    from indexer.config import Settings

    return Settings().index_dir / "feedback.jsonl"


MAX_REASON = 500


def record(
    answer,
    rating: str,
    year=None,
    kind=None,
    path: Path | None = None,
    reason: str = "",
    unit: str | None = None,
    session: MutableMapping | None = None,
    settings: Settings | None = None,
) -> Path:
    """Append one vote; PolqaError when this session has voted its share or the file is full."""
    path, settings = path or feedback_path(), settings or Settings()
    if session is not None and session.get(COUNT, 0) >= settings.feedback_per_session:
        raise PolqaError("feedback.too_many", limit=settings.feedback_per_session)
    if path.exists() and path.stat().st_size >= settings.feedback_max_bytes:
        raise PolqaError("feedback.full")
    entry = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "rating": rating,
        "question": answer.question[:MAX_FIELD],
        "year": year,
        "kind": str(kind) if kind else None,
        "intent": str(answer.intent),
        "found": answer.found,
        "summary": answer.summary[:MAX_FIELD],
        "citations": [h.item.id for h in answer.citations],
        "related": [h.item.id for h in answer.related],
        "lead_units": list(answer.lead_units),
        "responsible_units": list(answer.responsible_units),
    }
    if unit:
        entry["unit"] = unit
    if reason:
        entry["reason"] = " ".join(reason.split())[:MAX_REASON]
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    with _LOCK, path.open("a", encoding="utf-8") as out:  # one write per line: lines never interleave
        out.write(line)
    if session is not None:
        session[COUNT] = session.get(COUNT, 0) + 1
    return path
