"""The command line's grammar: subcommands, their options, and argument checks that answer in Chinese.

Kept apart from cli.py (what each command does) and free of heavy imports, so --help is instant.
"""

from __future__ import annotations

import argparse
import sys

from .records import DocKind

KINDS = [str(k) for k in DocKind]
DOC_KINDS = [str(k) for k in DocKind.of_documents()]


def _top_k(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 100:
        raise argparse.ArgumentTypeError(f"--top-k 应为 1 到 100 之间的整数，收到 {value!r}")
    return int(value)


def _year(value: str) -> int:
    if not value.isdigit() or not 1949 <= int(value) <= 2100:
        raise argparse.ArgumentTypeError(f"--year 应为四位年份（如 2025），收到 {value!r}")
    return int(value)


def _kind(value: str) -> str:
    if value not in KINDS:
        raise argparse.ArgumentTypeError(f"--kind 应为 {'、'.join(KINDS)} 之一，收到 {value!r}")
    return value


def _doc_kind(value: str) -> str:
    if value not in DOC_KINDS:
        raise argparse.ArgumentTypeError(f"--kind 应为 {'、'.join(DOC_KINDS)} 之一，收到 {value!r}")
    return value


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"--port 应为 1 到 65535 之间的整数，收到 {value!r}")
    return int(value)


class ChineseParser(argparse.ArgumentParser):
    """argparse, but a usage error names the problem in Chinese and exits with 2."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n")


def parser() -> argparse.ArgumentParser:
    main = ChineseParser(prog="python -m indexer", description="政策问答：条目、索引、检索与问答")
    sub = main.add_subparsers(dest="command", required=True, parser_class=ChineseParser)

    items = sub.add_parser("items", help="列出语料中的全部条目 (list every item record)")
    items.add_argument("--json", action="store_true", help="one JSON object per line")
    items.add_argument("--doc", help="only this document, e.g. 2025-plan")

    build = sub.add_parser("build", help="构建索引 (build the index)")
    build.add_argument("--quiet", action="store_true")

    search = sub.add_parser("search", help="检索条目 (search items); QUERY '-' reads stdin")
    search.add_argument("query")
    search.add_argument("--top-k", type=_top_k, default=10, help="1–100")
    search.add_argument("--year", type=_year)
    search.add_argument("--kind", type=_kind, help="/".join(KINDS))
    search.add_argument("--unit")
    search.add_argument("--json", action="store_true")

    add = sub.add_parser("add", help="把文件加入语料并重建索引 (add files to the corpus, rebuild)")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument("--year", type=_year, help="when the text does not say (or says wrongly)")
    add.add_argument("--kind", type=_doc_kind, help="/".join(DOC_KINDS))
    add.add_argument("--quiet", action="store_true")

    remove = sub.add_parser("remove", help="从语料中删除文档并重建索引 (remove a document, rebuild)")
    remove.add_argument("doc", help="document id (e.g. 2025-plan) or a corpus file name")
    remove.add_argument("--quiet", action="store_true")

    migrate = sub.add_parser("migrate", help="把索引的向量从 FAISS 迁入 Milvus (move the vectors to Milvus)")
    migrate.add_argument(
        "--to", required=True, metavar="URI", help="/path/file.db (Milvus Lite) or http(s)://host:19530"
    )
    _add_target_parsers(sub)
    answer = sub.add_parser("answer", help="回答问题 (answer a question); QUESTION '-' reads stdin")
    answer.add_argument("question")
    answer.add_argument("--year", type=_year)
    answer.add_argument("--kind", type=_kind, help="/".join(KINDS))
    answer.add_argument("--unit", help="only items naming this unit (as lead or responsible)")
    answer.add_argument("--json", action="store_true")

    serve = sub.add_parser("serve", help="启动 HTTP 接口 (the HTTP API; docs at /docs)")
    serve.add_argument("--host", default="127.0.0.1", help="127.0.0.1 (default: this machine only)")
    serve.add_argument("--port", type=_port, default=8000)
    return main


def _add_target_parsers(sub) -> None:
    targets = sub.add_parser("targets", help="计划目标与次年报告结果对照 (targets against results)")
    targets.add_argument("--year", type=_year, required=True, help="the plan's year, e.g. 2023")
    targets.add_argument("--unit", help="lead or responsible unit, e.g. 市人社局")
    targets.add_argument("--status", choices=["met", "not_met", "no_report", "not_comparable"])
    targets.add_argument("--json", action="store_true", help="one JSON object per target")
    diff = sub.add_parser("diff", help="两年计划逐条对比 (plan-to-plan changes)")
    diff.add_argument("earlier", type=_year)
    diff.add_argument("later", type=_year)
    diff.add_argument("--unit")
    diff.add_argument("--json", action="store_true", help="one JSON object per item")
