"""The CLI on the mini corpus: JSON contract, Chinese errors, non-zero exits, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.unit.conftest import run_cli


def run(*args, env):
    return run_cli(*args, env=env)


@pytest.fixture(scope="module")
def env(mini_cli_env):
    return mini_cli_env


def test_items_json_lists_the_mini_corpus(env):
    result = run("items", "--json", env=env)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0 and len(records) == 18
    assert "2031-report.txt" in result.stderr and "没有编号条目" in result.stderr


def test_answer_json_has_the_contract_fields(env):
    result = run("answer", "低空经济由哪些单位负责", "--json", env=env)
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert {"question", "intent", "years", "lead_units", "responsible_units", "unit_details", "citations"} <= set(data)
    assert "市交通运输局" in data["lead_units"]


@pytest.mark.parametrize(
    "args, words",
    [
        (("answer", "？？"), "请输入问题"),
        (("search", "x", "--kind", "memo"), "--kind 应为"),
        (("search", "x", "--top-k", "-1"), "--top-k 应为 1 到 100"),
        (("search", "x", "--top-k", "101"), "--top-k 应为 1 到 100"),
        (("answer", "x", "--year", "0"), "--year 应为四位年份"),
    ],
)
def test_bad_input_exits_non_zero_without_a_traceback(env, args, words):
    result = run(*args, env=env)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_missing_index_names_the_rebuild_command(env, tmp_path):
    result = run("answer", "充电桩", env={**env, "POLQA_INDEX": str(tmp_path)})
    assert result.returncode == 2 and "没有找到索引" in result.stderr and "python -m indexer build" in result.stderr
    assert "Traceback" not in result.stderr


def test_batch_mode_answers_every_line_in_order_and_never_stops(env):
    stdin = "老旧小区改造谁牵头\n\n".encode() + b"\xff\xfe\n" + ("长" * 2100 + "\n").encode() + "充电桩\n".encode()
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "answer", "-", "--json"],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert result.returncode == 0 and len(lines) == 5
    assert lines[0]["lead_units"] == ["市房管局"] and "citations" in lines[4]
    assert [line.get("line") for line in lines[1:4]] == [2, 3, 4]
    assert "请输入" in lines[1]["error"] and "UTF-8" in lines[2]["error"] and "过长" in lines[3]["error"]
