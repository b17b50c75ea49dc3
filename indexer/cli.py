"""`python -m indexer …`: items, build, add, remove, search, answer. Imports are lazy so --help is instant."""

from __future__ import annotations

import json
import os
import sys

from .arguments import parser

MAX_LINE_CHARS = 2000  # a batch line longer than this is answered with an error object


def main(argv: list[str] | None = None) -> int:
    from .errors import PolqaError
    from .foundation.names import shown
    from .messages import say

    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head`: the reader left; end quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (the process is ending)
        return 0
    except PolqaError as err:
        print(say("cli.error", message=err.message), file=sys.stderr)
        return 2
    except OSError as err:
        print(say("cli.error", message=shown(f"{err.filename or ''} {err.strerror or err}".strip())), file=sys.stderr)
        return 2
    except Exception as err:  # a bug or an exhausted machine: one line, never a traceback
        print(say("cli.error", message=say("cli.unexpected", kind=type(err).__name__)), file=sys.stderr)
        return 3


def cmd_items(args) -> int:
    from .config import Settings
    from .ingest import limits, load_corpus
    from .present.serialise import item_json
    from .present.terminal import format_item
    from .records import BuildReport

    report, settings = BuildReport(), Settings()
    with limits.applied(settings.limits):
        _, items = load_corpus(settings.corpus_dir, report, settings.cache_folder)  # a scan is not OCRed again
    _warn(report.warnings)
    for item in items:
        if args.doc and item.doc_id != args.doc:
            continue
        print(json.dumps(item_json(item), ensure_ascii=False) if args.json else format_item(item) + "\n")
    return 0


def cmd_build(args) -> int:
    from .build import build_index
    from .config import Settings

    summary = build_index(Settings(), progress=not args.quiet)
    print(summary.describe(warnings=False))
    _warn(summary.warnings)
    return 0


def _warn(warnings: list[str]) -> None:
    """Warnings go to standard error, control characters (from file names) escaped."""
    from .foundation.names import shown
    from .messages import say

    for warning in warnings:
        print(say("cli.warning", message=shown(warning)), file=sys.stderr)


def cmd_add(args) -> int:
    from pathlib import Path

    from .config import Settings
    from .manage import add_documents

    settings = Settings()
    messages = add_documents(settings, [Path(f) for f in args.files], args.year, args.kind)
    return _rebuild(settings, messages, args.quiet)


def cmd_remove(args) -> int:
    from .config import Settings
    from .manage import remove_document

    settings = Settings()
    return _rebuild(settings, remove_document(settings, args.doc), args.quiet)


def _rebuild(settings, messages: list[str], quiet: bool) -> int:
    """Say what changed in the corpus, then rebuild; the summary counts the texts embedded anew."""
    from .build import build_index
    from .messages import say

    for message in messages:
        print(message)
    print(say("manage.rebuilding"), flush=True)
    summary = build_index(settings, progress=not quiet)
    print(summary.describe(warnings=False))
    _warn(summary.warnings)
    return 0


def cmd_migrate(args) -> int:
    from .config import Settings
    from .messages import say
    from .store.migrate import migrate

    moved = migrate(Settings(), args.to)
    print(say("store.migrated", count=sum(moved.values()), names="、".join(moved), uri=args.to))
    return 0


def cmd_search(args) -> int:
    from .present.serialise import hit_json
    from .present.terminal import format_hits

    engine = _load_engine()

    def one(query):
        hits = engine.search(query, top_k=args.top_k, year=args.year, kind=args.kind, unit=args.unit)
        return [hit_json(h) for h in hits] if args.json else format_hits(query, hits)

    return _run_each(args.query, one, args.json)


def cmd_answer(args) -> int:
    from .answer import AnswerRequest, answer
    from .present.serialise import answer_json
    from .present.terminal import format_answer

    engine = _load_engine()

    def one(question):
        result = answer(engine, AnswerRequest.of(question, year=args.year, kind=args.kind, unit=args.unit))
        return answer_json(result) if args.json else format_answer(result)

    return _run_each(args.question, one, args.json)


def _load_engine():
    """The index as it is; when the corpus changed since the build, say so once and answer anyway."""
    from .messages import say
    from .search import Engine

    engine = Engine.load()
    if engine.stale:
        print(say("cli.warning", message=say("index.stale")), file=sys.stderr)
    return engine


def _run_each(value: str, one, as_json: bool) -> int:
    """One output per input; in batch mode ('-') exactly one line per stdin line, in order, and a bad
    line (blank, not UTF-8, too long, no words) gets an error object instead of ending the batch."""
    from .errors import PolqaError

    for n, question in _inputs(value):
        try:
            if isinstance(question, Exception):
                raise question
            output = one(question)
        except PolqaError as err:
            if value != "-":
                raise
            output = {"error": err.message, "line": n} if as_json else f"第{n}行：{err.message}"
        print(json.dumps(output, ensure_ascii=False) if as_json else output, flush=True)
    return 0


def _inputs(value: str):
    """(line number, question or the error that line gets); '-' streams stdin so the model loads once."""
    from .errors import QueryError

    if value != "-":
        yield 1, value
        return
    for n, raw in enumerate(sys.stdin.buffer, start=1):
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            yield n, QueryError("query.not_utf8")
            continue
        if not line.strip():
            yield n, QueryError("query.empty")
        elif len(line) > MAX_LINE_CHARS:
            yield n, QueryError("query.too_long", limit=MAX_LINE_CHARS)
        else:
            yield n, line


def cmd_targets(args) -> int:
    from .target_commands import run_targets

    return run_targets(args)


def cmd_diff(args) -> int:
    from .target_commands import run_diff

    return run_diff(args)


def cmd_serve(args) -> int:
    from .api.serve import serve

    return serve(args.host, args.port)


COMMANDS = {
    "items": cmd_items,
    "build": cmd_build,
    "add": cmd_add,
    "remove": cmd_remove,
    "search": cmd_search,
    "answer": cmd_answer,
    "migrate": cmd_migrate,
    "targets": cmd_targets,
    "diff": cmd_diff,
    "serve": cmd_serve,
}
