"""The real app under `streamlit run` and headless Debian chromium, for the browser test and
the screenshot script (`python -m tests.e2e.screenshots`).

The server is our own child process in its own process group; `stop` ends that group only.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 60  # the server answering its health check
READY_TIMEOUT = 240  # first page: build the index (cold: ~30 s) and load the model
ANSWER_TIMEOUT = 60
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WAIT = ANSWER_TIMEOUT * 1000  # Playwright's timeouts are in milliseconds
NO_OVERFLOW = "() => document.documentElement.scrollWidth <= window.innerWidth + 1"  # nothing wider than the screen


def playwright_or_skip():
    """Playwright's sync API for a browser test module, or the whole module skipped with the reason."""
    import pytest

    if not CHROMIUM.exists():
        pytest.skip(
            "需要 Debian chromium：/usr/bin/chromium 不存在（apt-get install -y chromium）", allow_module_level=True
        )
    return pytest.importorskip("playwright.sync_api", reason="需要 playwright：.venv/bin/pip install playwright")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT} s:\n{log.read_text(errors='replace')}")


def stop(proc: subprocess.Popen) -> None:
    """Stop the server we started (its own process group), politely first."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


@contextlib.contextmanager
def running_app(folder: Path, env: dict | None = None):
    """`streamlit run app.py` on a free local port; yields its base URL. `folder` holds the log.

    The index is built first, as an operator would: a visitor who is not admin never starts a build
    (issue 25), and these servers trust no proxy, so none of their visitors is."""
    port = free_port()
    env = {**os.environ, "POLQA_CACHE": str(ROOT / "embeddings" / "cache"), **(env or {})}
    log = folder / "streamlit.log"
    subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--quiet"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=START_TIMEOUT * 4,
    )
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc, log)
        yield url
    finally:
        stop(proc)


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def address(base: str, **params) -> str:
    """A shared address: `http://…/?q=…&year=…`."""
    return f"{base}/?{urlencode(params)}" if params else base


def open_page(browser, url: str, viewport: dict, ready: str = ""):
    """A new page at `url`, waited for until the question box (or the text `ready`) is there:
    the first visit after a start builds the index and loads the model."""
    page = browser.new_page(viewport=viewport, locale="zh-CN", accept_downloads=True)
    page.goto(url)
    shown = page.get_by_text(ready, exact=True).first if ready else page.get_by_label("请输入问题")
    shown.wait_for(state="visible", timeout=READY_TIMEOUT * 1000)
    return page


def settle(page, ms: int = 800) -> None:
    """Let Streamlit finish its rerun (no element still marked stale) before reading or a screenshot."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=ANSWER_TIMEOUT * 1000)
    page.wait_for_timeout(ms)


def shot(page, name: str) -> None:
    """A screenshot of what a person would see, kept under tests/artifacts/ for a failed run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"e2e-{name}.png"))
