"""The CLI contract other tools depend on: field names, stdin streaming, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(*args, stdin=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args],
        cwd=ROOT,
        input=stdin,
        text=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.fixture(scope="module")
def index_env(engine, settings):
    return {"POLQA_INDEX": str(settings.index_dir)}


def test_items_json_lines_carry_the_contract_fields():
    result = run("items", "--json")
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 613
    item = next(r for r in records if r["id"] == "2025-plan-二-56")
    for field in (
        "id",
        "year",
        "kind",
        "title",
        "path",
        "number",
        "citation",
        "text",
        "lead_units",
        "responsible_units",
        "sources",
    ):
        assert field in item
    assert item["citation"] == "2025年责任分解方案 二（三）第56项"
    assert item["sources"] == [{"file": "2025-plan-responsibility.txt", "line": 83}]


def test_items_listing_is_readable():
    result = run("items", "--doc", "2025-proposal")
    assert result.returncode == 0 and "[2025-proposal-二-一-1] 2025年建议案办理工作方案 二（一）第1项" in result.stdout
    assert "牵头单位: 市经信局" in result.stdout


def test_search_json(index_env):
    result = run("search", "充电桩", "--json", "--top-k", "3", "--year", "2023", env=index_env)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 3 and hits[0]["id"] == "2023-plan-二-142"
    assert {"id", "year", "kind", "citation", "text", "lead_units", "responsible_units", "score"} <= set(hits[0])
    assert all(h["year"] == 2023 for h in hits)


def test_answer_json(index_env):
    result = run("answer", "哪些单位负责低空经济", "--json", env=index_env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert {"question", "intent", "years", "lead_units", "responsible_units", "citations"} <= set(answer)
    assert answer["intent"] == "topic_units" and "市发改委" in answer["lead_units"]
    assert answer["citations"][0]["citation"].startswith("2025年责任分解方案")


def test_stdin_streams_one_result_per_line(index_env):
    result = run("answer", "-", "--json", stdin="充电桩谁负责\n\n市数据局今年牵头哪些任务\n", env=index_env)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0 and [a.get("intent") for a in lines] == ["topic_units", None, "unit_items"]
    assert lines[1] == {"error": "请输入问题或关键词。", "line": 2}  # one line out per line in
    result = run("search", "-", "--json", stdin="充电桩\n老旧小区\n", env=index_env)
    assert [len(json.loads(line)) for line in result.stdout.splitlines()] == [10, 10]


def test_readable_answer_puts_the_answer_before_numbered_citations(index_env):
    result = run("answer", "老旧小区改造谁牵头", env=index_env)
    assert result.returncode == 0
    first_citation = result.stdout.index("[1]")
    assert result.stdout.index("市房管局") < first_citation


def test_bad_input_exits_non_zero_with_a_message(index_env, tmp_path):
    empty = run("search", "   ", env=index_env)
    assert empty.returncode == 2 and "请输入" in empty.stderr
    missing = run("answer", "充电桩", env={"POLQA_INDEX": str(tmp_path)})
    assert missing.returncode == 2 and "python -m indexer build" in missing.stderr
    assert "Traceback" not in missing.stderr + empty.stderr


def test_a_closed_pipe_ends_quietly():
    """`python -m indexer items | head`: 613 records are far more than a pipe buffers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer", "items"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.read(100)
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert b"Traceback" not in process.stderr.read()
