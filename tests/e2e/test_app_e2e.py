"""End to end: the real app under `streamlit run`, driven in headless Debian chromium.

The server starts against an empty index folder, so the first page load goes through
the start-up build exactly as on a fresh machine. Screenshots land in tests/artifacts/.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT = 60          # the server answering its health check
READY_TIMEOUT = 240         # first page: build the index (cold: ~30 s) and load the model
ANSWER_TIMEOUT = 60

if not CHROMIUM.exists():
    pytest.skip("需要 Debian chromium：/usr/bin/chromium 不存在（apt-get install -y chromium）", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="需要 playwright：.venv/bin/pip install playwright")


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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    port = free_port()
    env = {**os.environ, "POLQA_INDEX": str(tmp / "index"), "POLQA_EVAL_RUNS": str(tmp / "runs")}
    log = tmp / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc, log)
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def test_ask_in_the_browser_shows_the_answer(server, browser):
    expect = sync_api.expect
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    try:
        page.goto(server)
        box = page.get_by_label("请输入问题")
        box.wait_for(state="visible", timeout=READY_TIMEOUT * 1000)
        expect(page.get_by_text("收录文件")).to_be_visible(timeout=30_000)
        expect(page.get_by_text("老旧小区改造谁牵头？", exact=True)).to_be_visible()
        expect(page.get_by_text("2025年 责任分解方案")).to_be_visible()
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "e2e-start.png"))

        box.fill("哪些单位负责低空经济")
        box.press("Enter")
        summary = page.get_by_text("牵头单位：", exact=False).first
        expect(summary).to_be_visible(timeout=ANSWER_TIMEOUT * 1000)
        expect(summary).to_contain_text("市发改委")
        expect(page.get_by_text("单位分工", exact=True)).to_be_visible()
        expect(page.get_by_role("button", name="下载 Excel")).to_be_visible()
        expect(page.get_by_text("引用条目（", exact=False).first).to_be_attached()
        # let the unit tables (canvas grids) finish drawing before the screenshot
        expect(page.locator("[data-testid='stDataFrame'] canvas").first).to_be_visible(timeout=20_000)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(ARTIFACTS / "e2e-answer.png"))

        # a cited item opens to its full text and source line
        page.get_by_text("引用条目（", exact=False).first.scroll_into_view_if_needed()
        first = page.locator("[data-testid='stExpander'] summary").first
        first.click()
        expect(page.get_by_text("来源：", exact=False).first).to_be_visible(timeout=10_000)

        # the comparison page opens from the top navigation and shows both years
        page.get_by_role("link", name="年度对比").click()
        expect(page.get_by_text("条目对照", exact=True)).to_be_visible(timeout=ANSWER_TIMEOUT * 1000)
        expect(page.get_by_text("2023年", exact=True).first).to_be_attached()
        page.screenshot(path=str(ARTIFACTS / "e2e-compare.png"))
    finally:
        page.close()
    assert (ARTIFACTS / "e2e-answer.png").stat().st_size > 10_000
