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


def cli_lines(settings, monkeypatch, *args) -> list:
    """`targets|diff --json` print one JSON object per line: the API returns them as one list."""
    for name, value in {"POLQA_CORPUS": settings.corpus_dir, "POLQA_INDEX": settings.index_dir}.items():
        monkeypatch.setenv(name, str(value))
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main([*args, "--json"]) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


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
        ("/targets", {"year": "2030", "status": "done"}, 400, "参数 status 应为 met、not_met"),
        ("/targets", {}, 400, "缺少参数 year"),
        ("/targets", {"year": "20x0"}, 400, "四位年份"),
        ("/targets", {"year": "2019"}, 404, "没有 2019 年计划的量化目标"),
        ("/targets", {"year": "2030", "unit": "市某某局"}, 404, "没有单位“市某某局”"),
        ("/diff", {"earlier": "2031", "later": "2030"}, 400, "早的在前"),
        ("/diff", {"earlier": "2030"}, 400, "缺少参数 later"),
    ],
)
def test_errors_are_chinese_json_with_the_right_status(client, path, params, status, words):
    response = client.get(path, params=params)
    assert response.status_code == status and words in response.json()["error"] and response.json()["key"]


@pytest.mark.parametrize(
    "params, args",
    [
        ({"year": "2030"}, ("--year", "2030")),
        ({"year": "2030", "unit": "市科技创新局"}, ("--year", "2030", "--unit", "市科技创新局")),
        (
            {"year": "2030", "unit": "市房管局", "status": "met"},
            ("--year", "2030", "--unit", "市房管局", "--status", "met"),
        ),
    ],
)
def test_targets_equal_the_cli_json(client, mini_settings, monkeypatch, params, args):
    response = client.get("/targets", params=params)
    expected = cli_lines(mini_settings, monkeypatch, "targets", *args)
    assert response.status_code == 200 and response.json() == expected and expected
    assert {t["status"] for t in expected} <= {"met", "not_met", "no_report", "not_comparable"}


def test_diff_equals_the_cli_json(client, mini_settings, monkeypatch):
    response = client.get("/diff", params={"earlier": "2030", "later": "2031"})
    expected = cli_lines(mini_settings, monkeypatch, "diff", "2030", "2031")
    assert response.status_code == 200 and response.json() == expected
    assert {"不再列出"} < {m["status"] for m in expected}  # continued or new items beside the dropped ones
    unit = client.get("/diff", params={"earlier": "2030", "later": "2031", "unit": "市科技创新局"})
    assert unit.json() == cli_lines(mini_settings, monkeypatch, "diff", "2030", "2031", "--unit", "市科技创新局")


def test_an_index_without_targets_is_503_with_the_rebuild_command(mini_engine, mini_settings, tmp_path):
    """An index built before targets existed: the other endpoints answer, /targets says to rebuild."""
    import shutil
    from dataclasses import replace

    old = replace(mini_settings, index_dir=tmp_path)
    shutil.copytree(mini_settings.index_folder.resolve(), old.index_folder)
    config = json.loads((old.index_folder / "config.json").read_text(encoding="utf-8"))
    for name in ("targets.jsonl", "outcomes.jsonl"):
        config["checksums"].pop(name, None)
        (old.index_folder / name).unlink(missing_ok=True)
    (old.index_folder / "config.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    response = TestClient(create_app(old, engine=mini_engine)).get("/targets", params={"year": "2030"})
    assert response.status_code == 503 and response.json()["key"] == "targets.none_in_index"
    assert "python -m indexer build" in response.json()["error"]


def test_missing_index_is_503_with_the_rebuild_command(mini_settings, tmp_path):
    from dataclasses import replace

    broken = TestClient(create_app(replace(mini_settings, index_dir=tmp_path)))
    response = broken.get("/answer", params={"q": "充电桩"})
    assert response.status_code == 503 and "python -m indexer build" in response.json()["error"]


def test_docs_are_served_offline(client):
    page = client.get("/docs").text
    assert "/docs-static/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert client.get("/docs-static/swagger-ui-bundle.js").status_code == 200
    assert {"/search", "/answer", "/items/{item_id}", "/units/{name}/items", "/targets", "/diff"} <= set(
        client.get("/openapi.json").json()["paths"]
    )


@pytest.mark.parametrize(
    "host, forced, expected",
    [("127.0.0.1", "", False), ("0.0.0.0", "", True), ("0.0.0.0", "0", False), ("127.0.0.1", "1", True)],
)
def test_read_only_follows_the_app_rules(monkeypatch, host, forced, expected):
    monkeypatch.setenv("POLQA_READONLY", forced)
    assert access.read_only(host) is expected and access.admin_allowed(host, {}) is False
