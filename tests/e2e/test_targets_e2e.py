"""目标完成情况 and 计划对比 under `streamlit run` in headless chromium, at 390 px and 1280 px.

Both pages are opened from a shared address; a row opens both items; nothing is wider than the screen.
The server reuses this checkout's embedding cache (POLQA_CACHE), so its start-up build embeds nothing.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.e2e.browser import DESKTOP, NO_OVERFLOW, PHONE, ROOT, WAIT, open_page, playwright_or_skip, settle, shot

sync_api = playwright_or_skip()
expect = sync_api.expect


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests.e2e.browser import running_app

    tmp = tmp_path_factory.mktemp("e2e-targets")
    env = {
        "POLQA_INDEX": str(tmp / "index"),
        "POLQA_CACHE": str(ROOT / "embeddings" / "cache"),
        "POLQA_EVAL_RUNS": str(tmp / "runs"),
        "POLQA_FEEDBACK": str(tmp / "feedback.jsonl"),
    }
    with running_app(tmp, env) as url:
        yield url


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_targets_page_from_a_shared_address_opens_both_items(server, browser, viewport):
    url = f"{server}/targets?" + urlencode({"year": 2023, "unit": "市人社局", "status": "met"})
    page = open_page(browser, url, viewport, ready="目标完成情况")
    try:
        row = page.get_by_text("城镇新增就业22万人以上 → 城镇新增就业29.26万人", exact=False).first
        expect(row).to_be_visible(timeout=WAIT)
        expect(page.get_by_role("button", name="下载 Excel")).to_be_visible()
        row.click()
        expect(page.get_by_text("目标（2023-plan-一-2）", exact=True).first).to_be_visible(timeout=WAIT)
        expect(page.get_by_text("结果（2024-report-p12.1）", exact=True).first).to_be_visible()
        settle(page)
        assert page.evaluate(NO_OVERFLOW)
        assert "unit=" in page.url and "status=met" in page.url
        shot(page, f"targets-{viewport['width']}")
    finally:
        page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_plan_diff_page_labels_a_rename(server, browser, viewport):
    url = f"{server}/plan-diff?" + urlencode({"from": 2023, "to": 2025, "unit": "市投资促进局", "show": "延续"})
    page = open_page(browser, url, viewport, ready="计划对比")
    try:
        row = page.get_by_text("产业项目到位资金5800亿元", exact=False).first
        expect(row).to_be_visible(timeout=WAIT)
        row.click()
        expect(page.get_by_text("市招商办 → 市投资促进局（改名）", exact=False).first).to_be_visible(timeout=WAIT)
        settle(page)
        assert page.evaluate(NO_OVERFLOW)
        shot(page, f"plan-diff-{viewport['width']}")
    finally:
        page.close()
