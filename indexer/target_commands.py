"""`python -m indexer targets …` and `python -m indexer diff …`: bodies kept out of cli.py.

Both read the built index folder only (no model loads), through indexer/answer/target_data.py, which
the HTTP API's /targets and /diff use as well.
"""

from __future__ import annotations

import json

from .answer.target_data import load_target_data, plan_diff, select_links
from .present.targets import diff_json, format_diff, format_links, link_json


def run_targets(args) -> int:
    links = select_links(load_target_data(), args.year, args.unit, args.status)
    if args.json:
        for link in links:
            print(json.dumps(link_json(link), ensure_ascii=False))
    else:
        print(format_links(links, args.year))
    return 0


def run_diff(args) -> int:
    diff = plan_diff(load_target_data(), args.earlier, args.later, args.unit)
    if args.json:
        for row in diff_json(diff):
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(format_diff(diff))
    return 0
