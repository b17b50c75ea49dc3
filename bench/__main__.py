"""`python -m bench …`: probes of the real corpus, and scale runs on synthetic corpora.

python -m bench probes [--rounds 3] [--sample 400]        build, latency, cold start (about 10 min)
python -m bench scale --items 100000 [--store faiss|milvus] [--json]
python -m bench readers [--rounds 3]                      pages/s: text PDF, OFD, OCR of a scan
python -m bench rebuild [--rounds 3]                      an unchanged rebuild with a scan in the corpus, and without
python -m bench api-load [--clients 8] [--seconds 60]     the HTTP API under N clients: errors, p50/p95
"""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="政策问答 benchmarks")
    sub = parser.add_subparsers(dest="command", required=True)
    probes = sub.add_parser("probes", help="build time, answer vs encode latency, cold start on the real corpus")
    probes.add_argument("--rounds", type=int, default=3)
    probes.add_argument("--sample", type=int, default=400, help="dev questions timed, spread over the file (0: all)")
    probes.add_argument("--json", action="store_true")
    scale = sub.add_parser("scale", help="a synthetic corpus of N items: build, memory, latency, recall")
    scale.add_argument("--items", type=int, required=True)
    scale.add_argument("--store", choices=["faiss", "milvus"], default="faiss")
    scale.add_argument("--queries", type=int, default=200)
    scale.add_argument("--seed", type=int, default=7)
    scale.add_argument(
        "--neighbours",
        choices=["blend", "noise"],
        default="blend",
        help="how vectors beyond the embedded sample are made (see bench/scale.py)",
    )
    scale.add_argument(
        "--ann-threshold", type=int, default=None, help="HNSW above this many vectors (default: Settings.ann_threshold)"
    )
    scale.add_argument("--json", action="store_true")
    readers = sub.add_parser("readers", help="pages per second: text PDF, OFD, OCR of scanned pages")
    readers.add_argument("--rounds", type=int, default=3)
    readers.add_argument("--json", action="store_true")
    rebuild = sub.add_parser("rebuild", help="an unchanged rebuild with a two-page scan in the corpus, and without")
    rebuild.add_argument("--rounds", type=int, default=3)
    rebuild.add_argument("--json", action="store_true")
    api_load = sub.add_parser("api-load", help="python -m indexer serve under N concurrent clients")
    api_load.add_argument("--clients", type=int, default=8)
    api_load.add_argument("--seconds", type=float, default=60)
    api_load.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "probes":
        from .probes import run
    elif args.command == "readers":
        from .readers import run
    elif args.command == "rebuild":
        from .rebuild import run
    elif args.command == "api-load":
        from .api_load import run
    else:
        from .scale import run
    result = run(args)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
