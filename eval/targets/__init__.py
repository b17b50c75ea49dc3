"""Targets against results, and plan-to-plan matches, scored on the labelled pairs in this folder.

>>> from eval.targets import score_links
>>> # score_links(rows, links) → {"n": …, "link_accuracy": …, "status_accuracy": …}
"""

from __future__ import annotations

import json
from pathlib import Path

from indexer.answer.indicators import overlap
from indexer.ingest.quantities import scaled

FOLDER = Path(__file__).parent
SPLITS = ("dev", "seen", "test")  # seen: the first test split, read before the last rule changes


def load_split(split: str, folder: Path = FOLDER) -> list[dict]:
    path = folder / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def paragraph(item_id: str) -> str:
    """2024-report-p7.3 → 2024-report-p7: a report paragraph is cut into overlapping chunks."""
    return item_id.split(".")[0]


def find_link(row: dict, links: list) -> object | None:
    """The system's target for a labelled one: same item and value; of several (绿道100公里、林荫路100公里)
    the one whose clause is closest to the labelled wording."""
    want = scaled(float(row["value"]), row["unit"])[0]
    same = [
        k
        for k in links
        if k.target.item_id == row["target_item"]
        and abs(scaled(k.target.value, k.target.unit)[0] - want) < 1e-6 * max(1.0, want)
    ]
    return max(same, key=lambda k: overlap(k.target.text, row["target"]), default=None)


def link_correct(row: dict, link) -> bool:
    if link is None:
        return False
    if row["outcome_paragraph"] is None:
        return link.outcome is None
    if link.outcome is None or paragraph(link.outcome.item_id) != row["outcome_paragraph"]:
        return False
    if row["outcome_value"] is None:  # a count this copy of the report lost (…南延线个路网节点项目建成): its wording
        return row["outcome"] in link.outcome.sentence
    return abs(link.outcome.value - float(row["outcome_value"])) < 1e-6


def score_links(rows: list[dict], links: list) -> dict:
    """Link accuracy: the right result (or none); status accuracy: the right verdict. A target the
    extractor missed counts wrong on both."""
    rows = [r for r in rows if r["kind"] == "link"]
    found = [(r, find_link(r, links)) for r in rows]
    errors = [
        {
            "target_item": r["target_item"],
            "target": r["target"],
            "want": r["status"],
            "got": str(k.status) if k else "missing",
            "got_outcome": (k.outcome.text if k and k.outcome else None),
        }
        for r, k in found
        if not (link_correct(r, k) and k.status == r["status"])
    ]
    n = len(rows) or 1
    return {
        "n": len(rows),
        "link_accuracy": sum(link_correct(r, k) for r, k in found) / n,
        "status_accuracy": sum(bool(k) and k.status == r["status"] for r, k in found) / n,
        "missed_targets": sum(k is None for _, k in found),
        "errors": errors,
    }


def score_matches(rows: list[dict], matches: list) -> dict:
    """Precision and recall over (later item, earlier item) pairs; a predicted match for an item
    labelled 新增 is a false positive."""
    rows = [r for r in rows if r["kind"] == "match"]
    predicted = {m.later.id: {e.id for e in m.earlier} for m in matches}
    tp = fp = fn = 0
    errors = []
    for r in rows:
        got, want = predicted.get(r["later"], set()), set(r["earlier"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        if got != want:
            errors.append({"later": r["later"], "want": sorted(want), "got": sorted(got)})
    if not rows:  # a split of link pairs only: nothing to score, not a perfect score
        return {"n": 0, "match_precision": None, "match_recall": None, "errors": []}
    return {
        "n": len(rows),
        "match_precision": tp / (tp + fp) if tp + fp else 1.0,
        "match_recall": tp / (tp + fn) if tp + fn else 1.0,
        "errors": errors,
    }
