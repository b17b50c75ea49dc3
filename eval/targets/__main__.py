"""`python -m eval.targets [--split dev|seen|test]`: link, status and match scores, saved under eval/runs/.

Reads the built index (targets.jsonl, outcomes.jsonl, items.jsonl): run `python -m indexer build` first.
Tune only on dev; the thresholds are flags so that tuning never edits code between runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from indexer.answer.plan_diff import MATCH_THRESHOLD, diff_plans
from indexer.answer.target_links import MATCH_THRESHOLD as LINK_THRESHOLD
from indexer.answer.target_links import link_all
from indexer.config import Settings
from indexer.errors import PolqaError
from indexer.foundation.atomic import atomic_write_text
from indexer.store.layout import read_records
from indexer.store.targets import read_plan_vectors, read_targets

from ..report import runs_folder
from . import SPLITS, load_split, score_links, score_matches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.targets", description="目标完成情况与计划对比评测")
    parser.add_argument("--split", action="append", choices=SPLITS, help="default: dev only")
    parser.add_argument("--link-threshold", type=float, default=LINK_THRESHOLD)
    parser.add_argument("--match-threshold", type=float, default=MATCH_THRESHOLD)
    parser.add_argument("--errors", action="store_true", help="print every wrong row")
    args = parser.parse_args(argv)
    try:
        folder = Settings().index_folder
        _, items, unit_links = read_records(folder)
        targets, outcomes = read_targets(folder)
        meaning = read_plan_vectors(folder)
    except PolqaError as err:
        print(err.message, file=sys.stderr)
        return 2
    links = link_all(targets, outcomes, threshold=args.link_threshold)
    diff = diff_plans(items, targets, unit_links, 2023, 2025, threshold=args.match_threshold, meaning=meaning)
    run = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "link_threshold": args.link_threshold,
        "match_threshold": args.match_threshold,
        "splits": {},
    }
    for split in args.split or ["dev"]:
        rows = load_split(split)
        run["splits"][split] = {
            **_flat("links", score_links(rows, links)),
            **_flat("matches", score_matches(rows, diff.matches)),
        }
        s = run["splits"][split]
        print(
            f"{split}: pairs {s['links_n']}  link accuracy {s['links_link_accuracy']:.3f}  "
            f"status accuracy {s['links_status_accuracy']:.3f}  | matches {s['matches_n']}  "
            f"precision {_score(s['matches_match_precision'])}  recall {_score(s['matches_match_recall'])}"
        )
        if args.errors:
            for e in s["links_errors"] + s["matches_errors"]:
                print("  ", json.dumps(e, ensure_ascii=False))
    stamp = run["date"].replace(":", "").replace("-", "")[:15]
    path = runs_folder() / f"targets-{stamp}.json"
    atomic_write_text(path, json.dumps(run, ensure_ascii=False, indent=1))
    print(f"→ {path}")
    return 0


def _flat(prefix: str, scores: dict) -> dict:
    return {f"{prefix}_{k}": v for k, v in scores.items()}


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `… | head`: the reader left
        sys.exit(0)
