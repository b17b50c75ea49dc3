"""`python -m indexer …`: items, build, search, answer. Imports are lazy so --help is instant."""
from __future__ import annotations

import argparse
import json
import sys

KINDS = ["plan", "report", "proposal", "notice"]


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m indexer", description="政策问答：条目、索引、检索与问答")
    sub = main.add_subparsers(dest="command", required=True)

    items = sub.add_parser("items", help="列出语料中的全部条目 (list every item record)")
    items.add_argument("--json", action="store_true", help="one JSON object per line")
    items.add_argument("--doc", help="only this document, e.g. 2025-plan")

    build = sub.add_parser("build", help="构建索引 (build the index)")
    build.add_argument("--quiet", action="store_true")

    search = sub.add_parser("search", help="检索条目 (search items); QUERY '-' reads stdin")
    search.add_argument("query")
    search.add_argument("--top-k", type=int, default=10)
    search.add_argument("--year", type=int)
    search.add_argument("--kind", choices=KINDS)
    search.add_argument("--unit")
    search.add_argument("--json", action="store_true")

    answer = sub.add_parser("answer", help="回答问题 (answer a question); QUESTION '-' reads stdin")
    answer.add_argument("question")
    answer.add_argument("--year", type=int)
    answer.add_argument("--kind", choices=KINDS)
    answer.add_argument("--json", action="store_true")
    return main


def main(argv: list[str] | None = None) -> int:
    from .errors import PolqaError
    from .present.messages import say

    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except PolqaError as err:
        print(say("cli.error", message=err.message), file=sys.stderr)
        return 2
    except OSError as err:
        print(say("cli.error", message=f"{err.filename or ''} {err.strerror or err}".strip()), file=sys.stderr)
        return 2


def cmd_items(args) -> int:
    from .config import Settings
    from .ingest import load_corpus
    from .present.messages import say
    from .present.serialise import item_json
    from .present.terminal import format_item
    from .records import BuildReport

    report = BuildReport()
    _, items = load_corpus(Settings().corpus_dir, report)
    for warning in report.warnings:
        print(say("cli.warning", message=warning), file=sys.stderr)
    for item in items:
        if args.doc and item.doc_id != args.doc:
            continue
        print(json.dumps(item_json(item), ensure_ascii=False) if args.json else format_item(item) + "\n")
    return 0


def cmd_build(args) -> int:
    from .build import build_index
    from .config import Settings

    summary = build_index(Settings(), progress=not args.quiet)
    print(summary.describe())
    return 0


def cmd_search(args) -> int:
    from .present.serialise import hit_json
    from .present.terminal import format_hits
    from .search import Engine

    engine = Engine.load()
    for query in _inputs(args.query):
        hits = engine.search(query, top_k=args.top_k, year=args.year, kind=args.kind, unit=args.unit)
        if args.json:
            print(json.dumps([hit_json(h) for h in hits], ensure_ascii=False))
        else:
            print(format_hits(query, hits))
    return 0


def cmd_answer(args) -> int:
    from .present.serialise import answer_json
    from .present.terminal import format_answer
    from .search import Engine

    engine = Engine.load()
    for question in _inputs(args.question):
        result = engine.answer(question, year=args.year, kind=args.kind)
        print(json.dumps(answer_json(result), ensure_ascii=False) if args.json else format_answer(result))
    return 0


def _inputs(value: str):
    """'-' streams questions from stdin so the model loads once for many."""
    if value != "-":
        yield value
        return
    for line in sys.stdin:
        if line.strip():
            yield line.rstrip("\n")


COMMANDS = {"items": cmd_items, "build": cmd_build, "search": cmd_search, "answer": cmd_answer}
