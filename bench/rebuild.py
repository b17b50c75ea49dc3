"""An unchanged rebuild with a scan in the corpus: it must cost what one without the scan costs.

The corpus is copied to a temporary folder with the committed two-page scan of the 2025 plan
(tests/fixtures/formats/2025-plan-scan.pdf) beside it; the embedding cache is copied from
embeddings/cache when there is one (so the first build embeds only what is new), never
written back. Each build runs in its own process (`python -m indexer build --quiet`), imports
included: the first build OCRs the scan, the unchanged ones must read it from the read cache.
The same is timed on the corpus without the scan, as the baseline, the two builds taking turns.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .probes import timed
from .report import ROOT, machine, save

SCAN = ROOT / "tests" / "fixtures" / "formats" / "2025-plan-scan.pdf"
EMBEDDINGS = ROOT / "embeddings" / "cache"
BUILD = [sys.executable, "-m", "indexer", "build", "--quiet"]


def run(args) -> dict:
    result: dict = {"machine": machine(), "rounds": args.rounds, "scan_pages": 2}
    with tempfile.TemporaryDirectory(prefix="polqa-rebuild-") as tmp:
        envs = {name: prepared(Path(tmp) / name, scan) for name, scan in (("with_scan", True), ("without_scan", False))}
        first = {name: timed(BUILD, env) for name, env in envs.items()}
        times: dict[str, list[float]] = {name: [] for name in envs}
        for _ in range(args.rounds):  # interleaved, so both see the same load on a shared machine
            for name, env in envs.items():
                times[name].append(timed(BUILD, env))
    for name in envs:
        unchanged = sorted(times[name])
        result[name] = {
            "first_s": round(first[name], 2),
            "unchanged_s": [round(s, 2) for s in unchanged],
            "unchanged_median_s": round(unchanged[len(unchanged) // 2], 2),
        }
    path = save("rebuild", result)
    scan, plain = result["with_scan"], result["without_scan"]
    print(
        f"含扫描件：首次建索引 {scan['first_s']:.1f} s，未变语料重建中位数 {scan['unchanged_median_s']:.2f} s；"
        f"不含扫描件：未变语料重建中位数 {plain['unchanged_median_s']:.2f} s → {path}",
        file=sys.stderr,
    )
    return result


def prepared(folder: Path, scan: bool) -> dict:
    """A copy of the corpus (with the scan or without) and of the embedding cache; the build's environment."""
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns(".*"))
    if scan:
        shutil.copy2(SCAN, corpus / SCAN.name)
    if EMBEDDINGS.is_dir():
        shutil.copytree(EMBEDDINGS, folder / "cache", ignore=shutil.ignore_patterns("reads"))
    return {
        **os.environ,
        "POLQA_CORPUS": str(corpus),
        "POLQA_INDEX": str(folder / "index"),
        "POLQA_CACHE": str(folder / "cache"),
    }
