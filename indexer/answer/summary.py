"""An optional short summary written by a language model from the cited items only.

Off unless POLQA_LLM_URL names an OpenAI-compatible server (`…/v1`, `…/chat/completions`
or a bare host, which gets `/v1/chat/completions`); POLQA_LLM_MODEL and POLQA_LLM_KEY are
passed on when set, POLQA_LLM_TIMEOUT (seconds, default 8) bounds the wait. The prompt holds
the question and the cited items' labels and texts, nothing else. A summary that refers to
anything the answer did not cite (a bracketed reference, a citation-like label or an item id
that is not among them) is discarded: the answer shown never claims a source it does not list.
Every failure is logged and ignored; the app is the same without a summary. Stdlib only.
"""

from __future__ import annotations

import json
import logging
import os
import re
import urllib.error
import urllib.request
from typing import Any

from ..messages.labels import citation_label
from ..records import Item

log = logging.getLogger("polqa.summary")

TIMEOUT = 8.0
MAX_ITEMS = 8
MAX_CHARS = 600  # of each item's text in the prompt
MAX_SUMMARY = 400
SYSTEM = (
    "你是武汉市政府文件问答助手。只根据下面给出的条目回答问题，用中文写两到三句简短摘要。"
    "提到某条内容时，用方括号写出它的出处标签，例如［{example}］。"
    "不要引用未给出的条目，不要编造单位、数字或日期；条目不能回答时就说明这一点。"
)
BRACKETED = re.compile(r"[\[［【〔]([^\]］】〕]{1,80})[\]］】〕]")
LABEL_LIKE = re.compile(r"\d{4}年[^\s，。；、,;［\[【〔]{0,30}?·[^\s，。；、,;］\]】〕]*?第\d+[项段条](?:（\d+/\d+）)?")
ITEM_ID = re.compile(r"\d{4}-(?:plan|report|proposal|notice)[\w\-]*")
NUMBERED = re.compile(r"·?第\d+[项段条]")


def enabled() -> bool:
    return bool(os.environ.get("POLQA_LLM_URL", "").strip())


def endpoint(url: str) -> str:
    url = url.strip().rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def messages(question: str, items: list[Item]) -> list[dict]:
    """The prompt: the question and, numbered, each cited item's label and text."""
    lines = [f"［{citation_label(i)}］{' '.join(i.text.split())[:MAX_CHARS]}" for i in items[:MAX_ITEMS]]
    example = citation_label(items[0]) if items else "2025年责任分解方案·二(一)·第6项"
    return [
        {"role": "system", "content": SYSTEM.format(example=example)},
        {"role": "user", "content": f"问题：{question}\n\n条目：\n" + "\n".join(lines)},
    ]


def cites_only(summary: str, items: list[Item]) -> bool:
    """True when every reference in the summary is one of the cited items (by label, number or id)."""
    labels = {citation_label(i) for i in items}
    ids = {i.id for i in items}
    for ref in BRACKETED.findall(summary):
        ref = ref.strip()
        if ref not in labels and not (ref.isdigit() and 1 <= int(ref) <= len(items)):
            return False
    mentions = LABEL_LIKE.findall(summary) + NUMBERED.findall(summary)
    if any(m not in labels and not any(m in label for label in labels) for m in mentions):
        return False
    return all(m in ids for m in ITEM_ID.findall(summary))


def _post(url: str, body: dict[str, object], timeout: float) -> Any:
    """The decoded JSON reply, of whatever shape the server sent: the caller reads it inside a try
    that turns a wrong shape (KeyError, IndexError, TypeError) into no summary."""
    headers = {"Content-Type": "application/json"}
    key = os.environ.get("POLQA_LLM_KEY", "").strip()
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        endpoint(url), data=json.dumps(body, ensure_ascii=False).encode("utf-8"), headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def summarise(question: str, items: list[Item], url: str | None = None, timeout: float | None = None) -> str | None:
    """The model's summary of the cited items, or None (off, no items, failed, or citing something else)."""
    url = url if url is not None else os.environ.get("POLQA_LLM_URL", "")
    if not url.strip() or not items:
        return None
    timeout = timeout if timeout is not None else float(os.environ.get("POLQA_LLM_TIMEOUT") or TIMEOUT)
    body = {"messages": messages(question, items), "temperature": 0, "max_tokens": 300}
    if os.environ.get("POLQA_LLM_MODEL"):
        body["model"] = os.environ["POLQA_LLM_MODEL"]
    try:
        reply = _post(url, body, timeout)
        text = " ".join(str(reply["choices"][0]["message"]["content"]).split())
    except (OSError, ValueError, KeyError, IndexError, TypeError) as err:  # urllib errors are OSErrors
        log.warning("summary not generated (%s): %s", endpoint(url), err)
        return None
    if not text:
        return None
    if not cites_only(text, items):
        log.warning("summary discarded: it refers to items the answer did not cite: %s", text[:200])
        return None
    return text if len(text) <= MAX_SUMMARY else text[:MAX_SUMMARY] + "…"
