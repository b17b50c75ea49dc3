"""An unchanged rebuild with a scan in the corpus: it must cost what one without the scan costs.

The corpus is copied to a temporary folder with the committed two-page scan of the 2025 plan
(tests/fixtures/formats/2025-plan-scan.pdf) beside it; the embedding cache is copied from
embeddings/cache when there is one (so the first build embeds only what is new), never
written back. Each build runs in its own process (`python -m indexer build --quiet`), imports
included: the first build OCRs the scan, the unchanged ones must read it from the read cache.
The same is timed on the corpus without the scan, as the baseline.
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


def run(args) -> dict:
    result = {"machine": machine(), "rounds": args.rounds, "scan_pages": 2}
    with tempfile.TemporaryDirectory(prefix="polqa-rebuild-") as tmp:
        for name, scan in (("with_scan", True), ("without_scan", False)):
            result[name] = builds(Path(tmp) / name, scan, args.rounds)
    path = save("rebuild", result)
    scan, plain = result["with_scan"], result["without_scan"]
    print(
        f"含扫描件：首次建索引 {scan['first_s']:.1f} s，未变语料重建中位数 {scan['unchanged_median_s']:.2f} s；"
        f"不含扫描件：未变语料重建中位数 {plain['unchanged_median_s']:.2f} s → {path}",
        file=sys.stderr,
    )
    return result


def builds(folder: Path, scan: bool, rounds: int) -> dict:
    corpus = folder / "corpus"
    shutil.copytree(ROOT / "corpus", corpus, ignore=shutil.ignore_patterns(".*"))
    if scan:
        shutil.copy2(SCAN, corpus / SCAN.name)
    if EMBEDDINGS.is_dir():
        shutil.copytree(EMBEDDINGS, folder / "cache", ignore=shutil.ignore_patterns("reads"))
    env = {
        **os.environ,
        "POLQA_CORPUS": str(corpus),
        "POLQA_INDEX": str(folder / "index"),
        "POLQA_CACHE": str(folder / "cache"),
    }
    command = [sys.executable, "-m", "indexer", "build", "--quiet"]
    first = timed(command, env)
    unchanged = sorted(timed(command, env) for _ in range(rounds))
    return {
        "first_s": round(first, 2),
        "unchanged_s": [round(s, 2) for s in unchanged],
        "unchanged_median_s": round(unchanged[len(unchanged) // 2], 2),
    }
