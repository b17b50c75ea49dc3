"""`python -m indexer add FILE…` and `remove DOC` on a copy of the corpus, each followed by a rebuild."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

FORMATS = ROOT / "tests" / "fixtures" / "formats"
PLAN = "2025-plan-responsibility.txt"


@pytest.fixture
def env(tmp_path):
    """A corpus copy and an index folder of its own; the embedding cache copied so builds are quick."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    index.mkdir()
    if (ROOT / "embeddings" / "cache").is_dir():
        shutil.copytree(ROOT / "embeddings" / "cache", index / "cache")
    return {**os.environ, "POLQA_CORPUS": str(corpus), "POLQA_INDEX": str(index)}


def run(env, *args):
    quiet = ["--quiet"] if args[0] in ("add", "remove", "build") else []  # no progress bars in the output
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args, *quiet], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def documents(env) -> list[str]:
    config = json.loads((Path(env["POLQA_INDEX"]) / "index" / "config.json").read_text(encoding="utf-8"))
    return config["documents"]


def embedded(output: str) -> int:
    return sum(int(n) for n in re.findall(r"(\d+) 条", output.split("新计算向量：", 1)[1].splitlines()[0]))


def test_add_a_docx_copy_of_a_document_then_remove_the_document(env):
    """The DOCX holds the texts of the .txt already embedded, so the rebuild embeds nothing new and
    every item lists both files; removing the document deletes both."""
    assert run(env, "build").returncode == 0
    added = run(env, "add", str(FORMATS / "2025-plan-autonum.docx"))
    assert added.returncode == 0, added.stderr
    assert "已添加 2025-plan-autonum.docx：文档 2025-plan" in added.stdout
    assert embedded(added.stdout) == 0
    items = [json.loads(line) for line in run(env, "items", "--json", "--doc", "2025-plan").stdout.splitlines()]
    numbered = [i for i in items if i["id"].startswith("2025-plan-二-")]
    assert [i["number"] for i in numbered] == list(range(1, 104))
    assert all({s["file"] for s in i["sources"]} == {PLAN, "2025-plan-autonum.docx"} for i in numbered)

    removed = run(env, "remove", "2025-plan")
    assert removed.returncode == 0, removed.stderr
    assert PLAN in removed.stdout and "2025-plan-autonum.docx" in removed.stdout
    corpus = Path(env["POLQA_CORPUS"])
    assert not (corpus / PLAN).exists() and not (corpus / "2025-plan-autonum.docx").exists()
    assert "2025-plan" not in documents(env) and "2023-plan" in documents(env)


def test_a_copy_of_a_corpus_file_is_refused_and_nothing_changes(env, tmp_path):
    copy = tmp_path / "another-name.txt"
    shutil.copy(CORPUS / PLAN, copy)
    before = sorted(os.listdir(env["POLQA_CORPUS"]))
    result = run(env, "add", str(copy))
    assert result.returncode == 2
    assert "another-name.txt" in result.stderr and PLAN in result.stderr and "Traceback" not in result.stderr
    assert sorted(os.listdir(env["POLQA_CORPUS"])) == before


def test_a_file_without_year_needs_year_and_kind_which_are_kept(env, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("会议纪要\n推动低空经济与武汉新城建设协同发展，年内出台专项方案。\n", encoding="utf-8")
    refused = run(env, "add", str(notes))
    assert refused.returncode == 2 and "--year" in refused.stderr and "notes.txt" in refused.stderr
    assert not (Path(env["POLQA_CORPUS"]) / "notes.txt").exists()

    added = run(env, "add", str(notes), "--year", "2026", "--kind", "report")
    assert added.returncode == 0, added.stderr
    assert "2026年政府工作报告" in added.stdout and embedded(added.stdout) >= 1
    manifest = json.loads((Path(env["POLQA_CORPUS"]) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == {"notes.txt": {"year": 2026, "kind": "report"}}
    assert "2026-report" in documents(env)

    removed = run(env, "remove", "2026-report")
    assert removed.returncode == 0 and "2026-report" not in documents(env)
    assert not (Path(env["POLQA_CORPUS"]) / "manifest.json").exists()


def test_a_rules_file_name_is_not_taken_for_a_document(env, tmp_path):
    rules = tmp_path / "repairs.tsv"
    rules.write_text("2026年政府工作报告\n加快建设武汉新城。\n", encoding="utf-8")
    result = run(env, "add", str(rules))
    assert result.returncode == 2 and "repairs.tsv" in result.stderr and "改名" in result.stderr
    assert (Path(env["POLQA_CORPUS"]) / "repairs.tsv").read_bytes() == (CORPUS / "repairs.tsv").read_bytes()


def test_removing_an_unknown_document_names_the_known_ones(env):
    result = run(env, "remove", "2099-plan")
    assert result.returncode == 2 and "2099-plan" in result.stderr and "2025-plan" in result.stderr
