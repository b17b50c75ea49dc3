"""The HTTP API on the real corpus and models: for the same question it answers what the CLI prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from indexer.api.routes import create_app
from tests.conftest import ROOT

QUESTIONS = ["哪些单位负责低空经济", "市经信局2025年牵头哪些工作", "2023年和2025年招商引资有什么变化"]


@pytest.fixture(scope="module")
def client(engine):
    return TestClient(create_app(engine.settings, engine=engine))


def cli_json(settings, *args):
    env = {**os.environ, "POLQA_INDEX": str(settings.index_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "indexer", *args, "--json"],
        cwd=ROOT,
        text=True,
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_answers_equal_the_cli_json_for_the_same_questions(client, settings):
    for question in QUESTIONS:
        api = client.get("/answer", params={"q": question}).json()
        cli = cli_json(settings, "answer", question)[0]
        api.pop("elapsed_ms"), cli.pop("elapsed_ms")
        assert api == cli and api["citations"], question


def test_search_equals_the_cli_json(client, settings):
    api = client.get("/search", params={"q": "充电桩", "year": "2025", "top_k": "5"}).json()
    cli = cli_json(settings, "search", "充电桩", "--year", "2025", "--top-k", "5")[0]
    assert api == cli and {h["year"] for h in api} == {2025}


def test_item_and_unit_endpoints_on_the_real_corpus(client):
    item = client.get("/items/2025-plan-二-56").json()
    assert item["citation"] == "2025年责任分解方案 二（三）第56项"
    unit = client.get("/units/市经信局/items", params={"year": "2025"}).json()
    assert unit["unit"] == "市经信局" and unit["count"] >= 10
    assert {t["item"]["year"] for t in unit["items"]} == {2025}


def test_targets_and_diff_equal_the_cli_json_on_the_real_corpus(client, settings):
    api = client.get("/targets", params={"year": "2023", "status": "not_met"}).json()
    assert api == cli_json(settings, "targets", "--year", "2023", "--status", "not_met")
    assert api and {t["status"] for t in api} == {"not_met"} and all(t["outcome"] for t in api)
    unit = client.get("/targets", params={"year": "2023", "unit": "市人社局"}).json()
    assert unit == cli_json(settings, "targets", "--year", "2023", "--unit", "市人社局") and unit
    diff = client.get("/diff", params={"earlier": "2023", "later": "2025", "unit": "市投资促进局"}).json()
    assert diff == cli_json(settings, "diff", "2023", "2025", "--unit", "市投资促进局") and diff
