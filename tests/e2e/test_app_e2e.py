"""End to end: the real app under `streamlit run`, driven in headless Debian chromium.

The server starts against an empty index folder, so the first page load goes through the
start-up build exactly as on a fresh machine. Shared addresses are opened at phone (390 px)
and desktop (1280 px) widths; screenshots land in tests/artifacts/.
"""
from __future__ import annotations

import csv
import io
import re

import pytest

from tests.e2e.browser import ANSWER_TIMEOUT, CHROMIUM, DESKTOP, PHONE, ROOT, address, open_page, settle

ARTIFACTS = ROOT / "tests" / "artifacts"
LEAD = "市城市数字公共基础设施建设工作领导小组办公室(市公安局)"

if not CHROMIUM.exists():
    pytest.skip("需要 Debian chromium：/usr/bin/chromium 不存在（apt-get install -y chromium）", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="需要 playwright：.venv/bin/pip install playwright")
expect = sync_api.expect
WAIT = ANSWER_TIMEOUT * 1000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests.e2e.browser import running_app

    tmp = tmp_path_factory.mktemp("e2e")
    env = {"POLQA_INDEX": str(tmp / "index"), "POLQA_EVAL_RUNS": str(tmp / "runs"),
           "POLQA_FEEDBACK": str(tmp / "feedback.jsonl"), "POLQA_ADMIN_HEADER": "X-Forwarded-User"}
    with running_app(tmp, env) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from tests.e2e.browser import chromium

    with chromium() as browser:
        yield browser


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"e2e-{name}.png"))


def test_first_visit_builds_and_shows_the_start_page(server, browser):
    page = open_page(browser, server, DESKTOP)
    try:
        expect(page.get_by_text("收录文件")).to_be_visible(timeout=WAIT)
        expect(page.get_by_text("老旧小区改造谁牵头？", exact=True)).to_be_visible()
        expect(page.get_by_text("2025年 责任分解方案")).to_be_visible()
    finally:
        page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_shared_address_answers_and_a_citation_opens_its_document(server, browser, viewport):
    question = "城市数字公共基础设施建设谁牵头"
    page = open_page(browser, address(server, q=question), viewport)
    try:
        expect(page.get_by_label("请输入问题")).to_have_value(question, timeout=WAIT)
        summary = page.get_by_text("牵头单位：", exact=False).first
        expect(summary).to_contain_text(LEAD, timeout=WAIT)
        settle(page)
        # the answer's first lines are on the first screen, without scrolling
        box = summary.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + 60 <= viewport["height"], box
        shot(page, f"answer-{viewport['width']}")

        # the first citation opens the item in its document, under its own address
        page.get_by_role("button", name=re.compile(r"^1\. ")).first.click()
        expect(page.get_by_text("上下文", exact=True)).to_be_visible(timeout=WAIT)
        expect(page.get_by_text("其他年份的相近条目", exact=True)).to_be_attached()
        expect(page.locator("mark").first).to_contain_text("城市数字公共基础设施")
        expect(page.get_by_text("原文位置：", exact=False).first).to_be_attached()
        assert "item=" in page.url and "q=" in page.url
        settle(page)
        shot(page, f"item-{viewport['width']}")
        item_url = page.url
    finally:
        page.close()
    # the item's address opens the same view in a fresh tab
    page = open_page(browser, item_url, viewport, ready="上下文")
    try:
        expect(page.locator("mark").first).to_contain_text("城市数字公共基础设施")
    finally:
        page.close()


def test_unit_question_address_shows_and_exports_its_tasks(server, browser):
    page = open_page(browser, address(server, q="2025年市数据局牵头哪些任务"), DESKTOP)
    try:
        expect(page.get_by_text("市数据局的任务（", exact=False)).to_be_visible(timeout=WAIT)
        expect(page.locator("[data-testid='stDataFrame'] canvas").first).to_be_visible(timeout=WAIT)
        settle(page)
        shot(page, "units-1280")
        button = page.get_by_role("button", name="CSV·单位与条目")
        button.scroll_into_view_if_needed()
        with page.expect_download(timeout=WAIT) as download:
            button.click()
        rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    finally:
        page.close()
    assert rows, "the exported unit table is empty"
    assert {r["单位"] for r in rows} == {"市数据局"} and {r["角色"] for r in rows} == {"牵头"}
    assert {r["年份"] for r in rows} == {"2025"}
    assert all(re.fullmatch(r"2025年\S+·.+·第\d+项", r["条目"]) for r in rows), [r["条目"] for r in rows]
    assert all("?item=" in r["链接"] for r in rows)


def test_not_found_address_says_so_and_shows_no_unit_table(server, browser):
    page = open_page(browser, address(server, q="南极科考站建设由哪些单位负责"), PHONE)
    try:
        expect(page.get_by_text("没有找到相关条目")).to_be_visible(timeout=WAIT)
        expect(page.get_by_text("检索范围：", exact=False)).to_be_visible()
        settle(page)
        assert page.locator("[data-testid='stDataFrame']").count() == 0
        assert page.get_by_text("单位与条目", exact=False).count() == 0
        shot(page, "not-found-390")
    finally:
        page.close()


def test_admin_pages_need_the_trusted_proxy_header(server, browser):
    """POLQA_ADMIN_HEADER: without the header the admin page refuses; with it (as a reverse proxy
    that authenticated the user would send) the rebuild button is there."""
    page = open_page(browser, server, DESKTOP)
    try:
        page.goto(f"{server}/admin")
        expect(page.get_by_text("需要经过认证的访问才能使用管理功能")).to_be_visible(timeout=WAIT)
        assert page.get_by_role("button", name="重新建立索引").count() == 0
    finally:
        page.close()
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", extra_http_headers={"X-Forwarded-User": "zhang"})
    try:
        page = context.new_page()
        page.goto(f"{server}/admin")
        expect(page.get_by_role("button", name="重新建立索引")).to_be_visible(timeout=WAIT)
    finally:
        context.close()
