"""Read-only is decided inside a real `streamlit run` from the socket it listens on, not from
configuration: bound to every interface it is read-only even though nothing says so."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.e2e.browser import CHROMIUM, ROOT, chromium, free_port, stop, wait_healthy

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")


def probe(tmp_path, bind: str, env: dict) -> str:
    port = free_port()
    log = tmp_path / f"probe-{port}.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "tests/e2e/access_probe.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        bind,
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc, log)
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("text=/read_only=|拒绝启动/", timeout=60_000)
            return page.inner_text("[data-testid='stMain']")
    finally:
        stop(proc)


def test_a_server_on_every_interface_is_read_only_whatever_the_host_variable_says(tmp_path):
    shown = probe(tmp_path, "0.0.0.0", {"POLQA_HOST": "127.0.0.1", "POLQA_READONLY": ""})
    assert "addresses=0.0.0.0" in shown and "read_only=True" in shown and "admin=False" in shown


def test_a_loopback_server_is_admin_for_a_local_visitor(tmp_path):
    shown = probe(tmp_path, "127.0.0.1", {"POLQA_READONLY": "", "POLQA_ADMIN_PASSWORD": ""})
    assert "addresses=127.0.0.1" in shown and "read_only=False" in shown and "admin=True" in shown


def test_admin_enabled_on_every_interface_without_a_password_is_refused(tmp_path):
    shown = probe(tmp_path, "0.0.0.0", {"POLQA_READONLY": "0", "POLQA_ADMIN_PASSWORD": "", "POLQA_TRUSTED_PROXIES": ""})
    assert "拒绝启动" in shown and "read_only=" not in shown
