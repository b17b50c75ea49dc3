"""👍/👎 per answer, appended to a local JSONL file (POLQA_FEEDBACK, default embeddings/feedback.jsonl).

One line per vote: the question and filters, the rating, and what the answer showed, so
`python -m eval.feedback FILE` can turn votes into draft eval questions. Anonymous visitors can
vote, so a session records at most Settings.feedback_per_session votes, each line is cut to
MAX_FIELD characters per text, and the file stops growing at Settings.feedback_max_bytes.
"""
from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timezone
from collections.abc import MutableMapping
from pathlib import Path

from indexer.config import Settings
from indexer.errors import PolqaError

_LOCK = threading.Lock()
MAX_FIELD = 1000           # characters kept of the question and the summary
COUNT = "_feedback_votes"  # the session's vote count, kept in the session's own state


def feedback_path() -> Path:
    return Path(os.environ.get("POLQA_FEEDBACK", "embeddings/feedback.jsonl"))


def record(answer, rating: str, year=None, kind=None, path: Path | None = None,
           session: MutableMapping | None = None, settings: Settings | None = None) -> Path:
    """Append one vote; PolqaError when this session has voted its share or the file is full."""
    path, settings = path or feedback_path(), settings or Settings()
    if session is not None and session.get(COUNT, 0) >= settings.feedback_per_session:
        raise PolqaError("feedback.too_many", limit=settings.feedback_per_session)
    if path.exists() and path.stat().st_size >= settings.feedback_max_bytes:
        raise PolqaError("feedback.full")
    entry = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "rating": rating,
             "question": answer.question[:MAX_FIELD], "year": year, "kind": str(kind) if kind else None,
             "intent": str(answer.intent), "found": answer.found, "summary": answer.summary[:MAX_FIELD],
             "citations": [h.item.id for h in answer.citations], "related": [h.item.id for h in answer.related],
             "lead_units": list(answer.lead_units), "responsible_units": list(answer.responsible_units)}
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    with _LOCK, path.open("a", encoding="utf-8") as out:     # one write per line: lines never interleave
        out.write(line)
    if session is not None:
        session[COUNT] = session.get(COUNT, 0) + 1
    return path
