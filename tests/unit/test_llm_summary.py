"""The optional generated summary against a small local OpenAI-compatible server (http.server in a
thread, started here): off by default, written from the cited items only, discarded when it cites
anything else, failures ignored."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from indexer.answer import AnswerRequest, summary
from indexer.answer import answer as answer_of
from indexer.messages.labels import citation_label


class FakeModel:
    """Records each request; answers with `reply(items_in_prompt)`, or fails as told."""

    def __init__(self):
        self.requests, self.reply, self.status, self.delay = [], "", 200, 0.0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
                outer.requests.append((self.path, body))
                time.sleep(outer.delay)
                data = json.dumps(
                    {"choices": [{"message": {"role": "assistant", "content": outer.reply}}]}, ensure_ascii=False
                ).encode("utf-8")
                try:
                    self.send_response(outer.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (the timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def model(monkeypatch):
    for name in ("POLQA_LLM_URL", "POLQA_LLM_MODEL", "POLQA_LLM_KEY", "POLQA_LLM_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeModel()
    yield fake
    fake.close()


@pytest.fixture()
def cited(mini_engine):
    answer = answer_of(mini_engine, AnswerRequest("哪些单位负责低空经济"))
    items = [h.item for h in answer.citations[:3]]
    assert items
    return items


def test_off_without_the_setting(model, cited):
    assert not summary.enabled()
    assert summary.summarise("哪些单位负责低空经济", cited) is None
    assert model.requests == []


def test_the_prompt_holds_the_cited_items_only_and_a_faithful_summary_is_kept(model, cited, monkeypatch):
    monkeypatch.setenv("POLQA_LLM_URL", model.url)
    monkeypatch.setenv("POLQA_LLM_MODEL", "local-model")
    label = citation_label(cited[0])
    model.reply = f"低空经济由相关单位牵头推进［{label}］。"
    assert summary.enabled()
    assert summary.summarise("哪些单位负责低空经济", cited) == model.reply
    ((path, body),) = model.requests
    assert path == "/v1/chat/completions" and body["model"] == "local-model"
    prompt = body["messages"][-1]["content"]
    assert "哪些单位负责低空经济" in prompt
    for item in cited:
        assert citation_label(item) in prompt and " ".join(item.text.split())[:40] in prompt
    assert prompt.count("［") == len(cited)  # nothing but the cited items


def test_the_path_follows_the_url_given(model, cited):
    model.reply = "摘要。"
    summary.summarise("问题", cited, url=model.url + "/v1")
    summary.summarise("问题", cited, url=model.url + "/chat/completions")
    assert [p for p, _ in model.requests] == ["/v1/chat/completions", "/chat/completions"]


@pytest.mark.parametrize(
    "reference",
    [
        "［2031年责任分解方案·九(九)·第99项］",
        "【9】",
        "见 2031-plan-九-99",
        "2031年责任分解方案·九(九)·第99项",
        "另见第987项",
    ],
)
def test_a_summary_citing_anything_else_is_discarded(model, cited, reference):
    model.reply = f"低空经济由相关单位牵头［{citation_label(cited[0])}］，{reference}。"
    assert summary.summarise("哪些单位负责低空经济", cited, url=model.url) is None


def test_failures_are_logged_and_ignored(model, cited, caplog):
    model.status = 500
    assert summary.summarise("问题", cited, url=model.url) is None
    model.status, model.delay, model.reply = 200, 1.5, "太慢了。"
    assert summary.summarise("问题", cited, url=model.url, timeout=0.3) is None
    assert summary.summarise("问题", cited, url="http://127.0.0.1:9") is None  # nothing listens
    assert sum("summary not generated" in r.message for r in caplog.records) == 3
