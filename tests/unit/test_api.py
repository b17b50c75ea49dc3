"""The HTTP API on the mini corpus: the CLI's JSON, Chinese errors with the right status, offline docs."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from fastapi.testclient import TestClient

from indexer import cli
from indexer.api import access
from indexer.api.routes import create_app


@pytest.fixture(scope="module")
def client(mini_engine):
    return TestClient(create_app(mini_engine.settings, engine=mini_engine))


def cli_json(settings, monkeypatch, *args) -> object:
    """What `python -m indexer … --json` prints for the same index (in process, same settings)."""
    for name, value in {
        "POLQA_CORPUS": settings.corpus_dir,
        "POLQA_INDEX": settings.index_dir,
        "POLQA_MODEL": "hashing",
        "POLQA_RETRIEVERS": "dense,bm25",
    }.items():
        monkeypatch.setenv(name, str(value))
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main([*args, "--json"]) == 0
    return json.loads(out.getvalue())


def without_timing(answer: dict) -> dict:
    return {k: v for k, v in answer.items() if k != "elapsed_ms"}


@pytest.mark.parametrize("question", ["低空经济由哪些单位负责", "市科技局2030年牵头哪些工作", "充电桩"])
def test_answer_equals_the_cli_json(client, mini_settings, monkeypatch, question):
    response = client.get("/answer", params={"q": question})
    assert response.status_code == 200
    assert without_timing(response.json()) == without_timing(cli_json(mini_settings, monkeypatch, "answer", question))


def test_answer_filters_equal_the_cli_json(client, mini_settings, monkeypatch):
    response = client.get("/answer", params={"q": "科技成果转化", "year": "2030", "kind": "plan"})
    expected = cli_json(mini_settings, monkeypatch, "answer", "科技成果转化", "--year", "2030", "--kind", "plan")
    assert without_timing(response.json()) == without_timing(expected)
    assert {c["year"] for c in response.json()["citations"]} == {2030}


def test_search_equals_the_cli_json(client, mini_settings, monkeypatch):
    response = client.get("/search", params={"q": "中试平台", "top_k": "3", "unit": "市科技局"})
    expected = cli_json(mini_settings, monkeypatch, "search", "中试平台", "--top-k", "3", "--unit", "市科技局")
    assert response.status_code == 200 and response.json() == expected and len(expected) >= 1


def test_item_is_the_items_json_line(client, mini_settings, monkeypatch):
    response = client.get("/items/2030-plan-二-1")
    assert response.status_code == 200
    assert response.json()["lead_units"] == ["市科技局"] and response.json()["sources"][0]["file"] == "2030-plan.txt"


def test_unit_items_follow_the_unit_and_its_short_name(client):
    full = client.get("/units/市科技局/items").json()
    short = client.get("/units/科技局/items").json()
    assert full == short and full["unit"] == "市科技局" and full["count"] == len(full["items"]) >= 1
    assert {t["role"] for t in full["items"]} <= {"lead", "responsible"}
    only = client.get("/units/市科技局/items", params={"year": "2031"}).json()
    assert {t["item"]["year"] for t in only["items"]} == {2031}


@pytest.mark.parametrize(
    "path, params, status, words",
    [
        ("/answer", {"q": "？？"}, 400, "请输入问题"),
        ("/answer", {}, 400, "请输入问题"),
        ("/search", {"q": "x", "kind": "memo"}, 400, "kind 应为"),
        ("/search", {"q": "x", "top_k": "101"}, 400, "1 到 100"),
        ("/search", {"q": "x", "top_k": "-1"}, 400, "1 到 100"),
        ("/answer", {"q": "x", "year": "0"}, 400, "四位年份"),
        ("/items/no-such-item", {}, 404, "没有这个条目"),
        ("/units/不存在的局/items", {}, 404, "没有找到单位"),
        ("/nowhere", {}, 404, "没有这个接口"),
    ],
)
def test_errors_are_chinese_json_with_the_right_status(client, path, params, status, words):
    response = client.get(path, params=params)
    assert response.status_code == status and words in response.json()["error"] and response.json()["key"]


def test_missing_index_is_503_with_the_rebuild_command(mini_settings, tmp_path):
    from dataclasses import replace

    broken = TestClient(create_app(replace(mini_settings, index_dir=tmp_path)))
    response = broken.get("/answer", params={"q": "充电桩"})
    assert response.status_code == 503 and "python -m indexer build" in response.json()["error"]


def test_docs_are_served_offline(client):
    page = client.get("/docs").text
    assert "/docs-static/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    assert {"/search", "/answer", "/items/{item_id}", "/units/{name}/items"} <= set(
        client.get("/openapi.json").json()["paths"]
    )


@pytest.mark.parametrize(
    "host, forced, expected",
    [("127.0.0.1", "", False), ("0.0.0.0", "", True), ("0.0.0.0", "0", False), ("127.0.0.1", "1", True)],
)
def test_read_only_follows_the_app_rules(monkeypatch, host, forced, expected):
    monkeypatch.setenv("POLQA_READONLY", forced)
    assert access.read_only(host) is expected and access.admin_allowed(host, {}) is False
