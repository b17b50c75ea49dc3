"""The bench entry point on a small synthetic corpus: the JSON contract other tools read."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_scale_json_last_line_has_the_contract_fields(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bench", "scale", "--items", "3000", "--queries", "20", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout.strip().splitlines()[-1])
    for key in ("items", "build_s", "rss_mb", "p50_ms", "encode_p50_ms", "recall_at_10", "filtered_recall_at_10"):
        assert key in data, key
    assert data["items"] == 3000 and data["recall_at_10"] == 1.0  # flat below the threshold: exact
    assert 0.9 < data["sample_to_source_cos"] <= 1.0 and data["filter"]["items"] > 0
