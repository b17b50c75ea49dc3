"""Check an eval question file against the item listing before it is committed.

Gold that names a missing item or a misspelt unit silently lowers every score, so the
file is checked against `python -m indexer items --json` (or a saved copy of it):

    python -m eval.check_questions eval/questions/test.jsonl [--items /tmp/items.jsonl]

Prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

TYPES = {
    "topic_units",
    "unit_items",
    "fact",
    "paraphrase",
    "messy",
    "report",
    "compare",
    "proposal",
    "document",
    "unanswerable",
}
STYLES = {
    "long_tail",
    "colloquial",
    "short_unit",
    "two_digit_year",
    "english",
    "synonym",
    "traditional",
    "typo",
    "plain",
    "missing_scope",
    "unit_topic",
    "unit_year",
    "renamed_unit",
}
SCOPES = {"near", "constraint", "far"}
UNIT_TYPES = {"topic_units", "unit_items"}
YEARS = {2023, 2024, 2025, None}
PIECE = re.compile(r"\.\d+$")


def load_items(path: Path | None) -> dict[str, dict]:
    """Read the listing keyed by paragraph id, so p26.1 … p26.4 all answer to p26."""
    if path:
        lines = path.read_text(encoding="utf-8").splitlines()
    else:
        run = subprocess.run(
            [sys.executable, "-m", "indexer", "items", "--json"], capture_output=True, text=True, check=True
        )
        lines = run.stdout.splitlines()
    items: dict[str, dict] = {}
    for line in filter(None, map(str.strip, lines)):
        record = json.loads(line)
        merged = items.setdefault(PIECE.sub("", record["id"]), {"lead": set(), "resp": set()})
        merged["lead"].update(record.get("lead_units") or [])
        merged["resp"].update(record.get("responsible_units") or [])
    return items


def check_units(q: dict, items: dict[str, dict]) -> list[str]:
    """Gold units must be the units the gold items name, spelt as the records spell them."""
    known = [items[PIECE.sub("", i)] for i in q["gold_items"] if PIECE.sub("", i) in items]
    lead = set().union(*(k["lead"] for k in known))
    resp = set().union(*(k["resp"] for k in known))
    gold_lead, gold_resp = set(q.get("gold_lead_units", [])), set(q.get("gold_responsible_units", []))
    problems = [f"lead unit not in gold items: {u}" for u in sorted(gold_lead - lead)]
    problems += [f"responsible unit not in gold items: {u}" for u in sorted(gold_resp - resp)]
    if not gold_lead and not gold_resp:
        problems.append("unit question without gold units")
    if q["type"] == "topic_units":
        problems += [f"lead unit of a gold item missing: {u}" for u in sorted(lead - gold_lead)]
        problems += [f"responsible unit of a gold item missing: {u}" for u in sorted(resp - gold_resp)]
    return problems


def check_question(q: dict, items: dict[str, dict]) -> list[str]:
    problems = []
    if q.get("type") not in TYPES:
        return [f"unknown type {q.get('type')!r}"]
    if not str(q.get("question", "")).strip():
        problems.append("empty question")
    styles = q.get("style", ["plain"])  # optional: the dev split predates style tags
    if not isinstance(styles, list) or not styles or set(styles) - STYLES:
        problems.append(f"bad style {styles!r}")
    if q.get("year") not in YEARS:
        problems.append(f"bad year {q.get('year')!r}")
    gold = q.get("gold_items")
    if not isinstance(gold, list) or len(set(gold)) != len(gold):
        return problems + ["gold_items missing or repeated"]
    problems += [f"unknown item {i}" for i in gold if PIECE.sub("", i) not in items]
    if (q["type"] == "unanswerable") != (not gold):
        problems.append("unanswerable questions, and only they, have no gold items")
    if "scope" in q and (q["type"] != "unanswerable" or q["scope"] not in SCOPES):
        problems.append(f"scope {q['scope']!r} is for unanswerable questions only, one of {sorted(SCOPES)}")
    if q["type"] in UNIT_TYPES:
        problems += check_units(q, items)
    elif q.get("gold_lead_units") or q.get("gold_responsible_units"):
        problems.append("gold units are only for topic_units and unit_items")
    return problems


def check_file(path: Path, items: dict[str, dict]) -> list[str]:
    problems, seen = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"line {number}: not JSON ({error})")
            continue
        qid = q.get("id")
        if not qid:
            problems.append(f"line {number}: no id")
        if qid in seen:
            problems.append(f"line {number}: repeated id {qid}")
        seen.add(qid)
        problems += [f"{qid}: {p}" for p in check_question(q, items)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--items", type=Path, help="saved output of python -m indexer items --json")
    args = parser.parse_args(argv)
    problems = check_file(args.questions, load_items(args.items))
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {args.questions}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
