"""`python -m eval` end to end on a handful of questions: the table and the result files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def test_eval_writes_json_and_markdown_with_its_provenance(tmp_path):
    questions = (ROOT / "eval" / "questions" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    sample = tmp_path / "questions"
    sample.mkdir()
    (sample / "dev.jsonl").write_text("\n".join(questions[:4] + questions[40:44]) + "\n", encoding="utf-8")
    (sample / "test.jsonl").write_text("\n".join(questions[60:63]) + "\n", encoding="utf-8")
    env = {**os.environ, "POLQA_INDEX": str(tmp_path / "index")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "eval",
            "--configs",
            "bm25,e5+bm25,naive",
            "--model",
            "m3e-small",
            "--questions",
            str(sample),
            "--out",
            str(tmp_path / "results"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "| e5+bm25 | 8 |" in result.stdout and "| naive | 8 |" in result.stdout and "| e5+bm25 | 3 |" in result.stdout
    )
    [saved] = list((tmp_path / "results").glob("eval-*.json"))
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["model"] == "m3e-small" and data["questions"] == {"dev": 8, "test": 3}
    assert len(data["corpus_fingerprint"]) == 16
    rows = {(r["config"], r["split"], r["type"]) for r in data["rows"]}
    assert {("bm25", "dev", "overall"), ("e5+bm25", "dev", "topic_units"), ("naive", "test", "overall")} <= rows
    assert all(0.0 <= r["recall@5"] <= 1.0 for r in data["rows"])
    assert saved.with_suffix(".md").read_text(encoding="utf-8").startswith("# 评测结果")


def test_unknown_configuration_is_refused():
    result = subprocess.run(
        [sys.executable, "-m", "eval", "--configs", "magic"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2 and "magic" in result.stderr
