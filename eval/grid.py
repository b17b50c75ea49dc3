"""`python -m eval.grid weights|chunks`: the grids that chose the fusion weights and the report chunk size.

Both run the dev split only (never the test split) through the real answer path, e5+bm25, and print one
line per grid point with Recall@5, MRR@10 and, for chunks, paraphrase Recall@5. They redo the searches
recorded in eval/README.md ("settings chosen on this set"); the chosen values live in indexer/config.py
(Settings.weights) and indexer/ingest/corpus.py (CHUNK_SIZE).

    python -m eval.grid weights --values 0.3,0.5,0.7,1.0
    python -m eval.grid chunks --values 180,240,300
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from indexer.build import build_index
from indexer.config import Settings
from indexer.ingest import corpus
from indexer.records import Retriever
from indexer.search import Engine

from .evaluator import Evaluator, load_splits

CONFIG = "e5+bm25"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("grid", choices=["weights", "chunks"])
    parser.add_argument("--values", help="comma list (weights: the dense retriever's RRF weight; chunks: characters)")
    args = parser.parse_args(argv)
    dev = {"dev": load_splits()["dev"]}
    if args.grid == "weights":
        values = [float(v) for v in (args.values or "0.3,0.5,0.7,1.0").split(",")]
        for line in grid_weights(dev, values):
            print(line)
    else:
        values = [int(v) for v in (args.values or "180,240,300").split(",")]
        for line in grid_chunks(dev, values):
            print(line)
    return 0


def grid_weights(dev: dict, values: list[float]) -> list[str]:
    """BM25 at 1.0, the e5 retriever at each weight; one index, the weight changed at query time."""
    settings = _settings(Path(tempfile.mkdtemp(prefix="polqa-grid-")))
    build_index(settings, progress=False)
    engine = Engine.load(settings)
    lines = []
    for weight in values:
        engine.settings = replace(
            settings, weights=((Retriever.BM25, 1.0), (Retriever.DENSE, weight), (Retriever.E5, weight))
        )
        lines.append(f"e5 weight {weight}: " + _scores(engine, dev))
    return lines


def grid_chunks(dev: dict, values: list[int]) -> list[str]:
    """One index per report chunk size (the corpus module's constant, set for this offline run only)."""
    chosen, lines = corpus.CHUNK_SIZE, []
    try:
        for size in values:
            corpus.CHUNK_SIZE = size
            settings = _settings(Path(tempfile.mkdtemp(prefix=f"polqa-grid-{size}-")))
            build_index(settings, progress=False)
            lines.append(f"chunk {size}: " + _scores(Engine.load(settings), dev, with_paraphrase=True))
    finally:
        corpus.CHUNK_SIZE = chosen
    return lines


def _settings(folder: Path) -> Settings:
    base = Settings()
    return replace(base, retrievers=(Retriever.E5, Retriever.BM25), index_dir=folder, cache_dir=base.cache_folder)


def _scores(engine: Engine, dev: dict, with_paraphrase: bool = False) -> str:
    run = Evaluator(dev, (CONFIG,))(engine)
    rows = {r["type"]: r for r in run["rows"]}
    text = f"Recall@5 {rows['overall']['recall@5']:.3f}  MRR@10 {rows['overall']['mrr@10']:.3f}"
    if with_paraphrase and "paraphrase" in rows:
        text += f"  paraphrase Recall@5 {rows['paraphrase']['recall@5']:.3f}"
    return text


if __name__ == "__main__":
    sys.exit(main())
