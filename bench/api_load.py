"""Load on the HTTP API: N clients ask dev questions over real HTTP for a while; every error counts.

The server runs in its own process (`python -m indexer serve` on a free port, this project's
index), as a deployment would; the clients are threads here, each asking /answer (and every
fourth request /search) with the dev questions in turn. Result: requests, errors, p50/p95.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from eval.evaluator import QUESTIONS, load_questions

from .report import ROOT, machine, save, stats_ms

READY_SECONDS = 180


def run(args) -> dict:
    questions = [q["question"] for q in load_questions(QUESTIONS / "dev.jsonl")]  # dev only, never test
    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115  (closed when the server stops) not a pipe: a chatty server must never block on a full one
    server = subprocess.Popen(
        [sys.executable, "-m", "indexer", "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log,
        env=os.environ.copy(),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(base, server)
        questions = answerable(base, questions)
        result = load(base, questions, args.clients, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    result = {
        "machine": machine(),
        "clients": args.clients,
        "seconds": args.seconds,
        "questions": len(questions),
        **result,
    }
    path = save("api-load", result)
    print(
        f"{args.clients} 个客户端 {args.seconds} 秒：{result['requests']} 次请求，错误 {result['errors']} 次；"
        f"p50 {result['latency']['p50_ms']} ms，p95 {result['latency']['p95_ms']} ms → {path}",
        file=sys.stderr,
    )
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise RuntimeError("server not ready")


def answerable(base: str, questions: list[str]) -> list[str]:
    """One pass as warm-up; input refused as bad (？？？ → 400 请输入问题) is left out, as in probes."""
    return [
        q for q in questions if not ask(f"{base}/answer?" + urllib.parse.urlencode({"q": q})).startswith("HTTP 400")
    ]


def load(base: str, questions: list[str], clients: int, seconds: float) -> dict:
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        i = n
        while time.monotonic() < stop:
            q = questions[i % len(questions)]
            path = "/search" if i % 4 == 3 else "/answer"
            started = time.perf_counter()
            problem = ask(base + path + "?" + urllib.parse.urlencode({"q": q}))
            with lock:
                times.append(time.perf_counter() - started)
                if problem:
                    errors.append(problem)
            i += clients

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "requests": len(times),
        "errors": len(errors),
        "error_samples": errors[:5],
        "per_second": round(len(times) / seconds, 1),
        "latency": stats_ms(times),
    }


def ask(url: str) -> str:
    """ "" when the server answered 200 with JSON, else what went wrong."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            json.loads(response.read())
            return "" if response.status == 200 else f"HTTP {response.status}"
    except urllib.error.HTTPError as err:
        return f"HTTP {err.code}: {err.read()[:200].decode(errors='replace')}"
    except (urllib.error.URLError, OSError, ValueError) as err:
        return repr(err)
