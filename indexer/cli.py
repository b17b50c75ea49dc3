"""`python -m indexer …`: items, build, search, answer. Imports are lazy so --help is instant."""
from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m indexer", description="政策问答: 条目、索引、检索与问答")
    sub = parser.add_subparsers(dest="command", required=True)

    items = sub.add_parser("items", help="列出语料中的全部条目 (list every item record)")
    items.add_argument("--json", action="store_true", help="one JSON object per line")
    items.add_argument("--doc", help="only this document, e.g. 2025-plan")

    build = sub.add_parser("build", help="构建向量索引 (build the index)")
    build.add_argument("--quiet", action="store_true")

    search = sub.add_parser("search", help="检索条目 (search items); QUERY '-' reads stdin")
    search.add_argument("query")
    search.add_argument("--top-k", type=int, default=10)
    search.add_argument("--year", type=int)
    search.add_argument("--kind", choices=["plan", "report", "proposal", "notice"])
    search.add_argument("--unit")
    search.add_argument("--json", action="store_true")

    answer = sub.add_parser("answer", help="回答问题 (answer a question); QUESTION '-' reads stdin")
    answer.add_argument("question")
    answer.add_argument("--year", type=int)
    answer.add_argument("--kind", choices=["plan", "report", "proposal", "notice"])
    answer.add_argument("--json", action="store_true")

    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except (RuntimeError, ValueError, OSError) as err:
        print(f"错误 (error): {err}", file=sys.stderr)
        return 2


def cmd_items(args) -> int:
    from .config import Settings
    from .corpus import load_corpus
    from .records import BuildReport

    report = BuildReport()
    _, items = load_corpus(Settings().corpus_dir, report)
    for warning in report.warnings:
        print(f"注意: {warning}", file=sys.stderr)
    for item in items:
        if args.doc and item.doc_id != args.doc:
            continue
        if args.json:
            print(json.dumps(item_json(item), ensure_ascii=False))
        else:
            print(format_item(item) + "\n")
    return 0


def item_json(item) -> dict:
    data = item.to_json()
    data["sources"] = [{"file": s["file"], "line": s["line"]} for s in data["sources"]]
    return data


def format_item(item) -> str:
    lines = [f"[{item.id}] {item.citation}", f"  {' / '.join(item.path)}" if item.path else None,
             f"  {item.text}",
             f"  牵头单位: {'、'.join(item.lead_units)}" if item.lead_units else None,
             f"  责任单位: {'、'.join(item.responsible_units)}" if item.responsible_units else None,
             "  来源: " + "; ".join(f"{s.file}:{s.line}" for s in item.sources)]
    lines += [f"  注: {note}" for note in item.notes]
    return "\n".join(line for line in lines if line)


def cmd_build(args) -> int:
    from .build import build_index
    from .config import Settings

    summary = build_index(Settings(), progress=not args.quiet)
    print(summary.describe())
    return 0


def cmd_search(args) -> int:
    from .engine import Engine
    from .present import format_hits

    engine = Engine.load()
    for query in _inputs(args.query):
        hits = engine.search(query, top_k=args.top_k, year=args.year, kind=args.kind, unit=args.unit)
        if args.json:
            print(json.dumps([h.to_json() for h in hits], ensure_ascii=False))
        else:
            print(format_hits(query, hits))
    return 0


def cmd_answer(args) -> int:
    from .engine import Engine
    from .present import format_answer

    engine = Engine.load()
    for question in _inputs(args.question):
        result = engine.answer(question, year=args.year, kind=args.kind)
        print(json.dumps(result.to_json(), ensure_ascii=False) if args.json else format_answer(result))
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
