"""End to end: the real app under `streamlit run`, driven in headless Debian chromium.

The server starts against an empty index folder, so the first page load goes through the
start-up build exactly as on a fresh machine. Shared addresses are opened at phone (390 px)
and desktop (1280 px) widths; screenshots land in tests/artifacts/.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urlencode

import pytest

from tests.e2e.browser import DESKTOP, NO_OVERFLOW, PHONE, WAIT, address, open_page, playwright_or_skip, settle, shot

LEAD = "市城市数字公共基础设施建设工作领导小组办公室(市公安局)"

sync_api = playwright_or_skip()
expect = sync_api.expect


@pytest.fixture(scope="module")
def e2e_tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="module")
def server(e2e_tmp):
    from tests.e2e.browser import running_app

    tmp = e2e_tmp
    env = {
        "POLQA_INDEX": str(tmp / "index"),
        "POLQA_EVAL_RUNS": str(tmp / "runs"),
        "POLQA_FEEDBACK": str(tmp / "feedback.jsonl"),
        "POLQA_ADMIN_HEADER": "X-Forwarded-User",
        "POLQA_TRUSTED_PROXIES": "127.0.0.1",  # the browser stands in for an authenticating proxy
    }
    with running_app(tmp, env) as url:
        yield url


def test_first_visit_shows_the_start_page(server, browser):
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
        summary = page.get_by_text("年：牵头", exact=False).first
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
    assert all(re.fullmatch(r"2025\S*·\S+\d+", r["条目"]) for r in rows), [r["条目"] for r in rows]  # 2025·二(三)56
    assert all("?item=" in r["链接"] for r in rows)
    plan = [int(r["顺序"]) for r in rows if r["条目"].startswith("2025·")]
    assert plan and plan == sorted(plan)  # default: each document's own order


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


def test_unit_table_row_opens_the_item_in_place_at_1280(server, browser):
    page = open_page(browser, address(server, q="2025年市数据局牵头哪些任务"), DESKTOP)
    try:
        grid = page.locator(".st-key-unit_table_wide [data-testid='stDataFrame']").first
        expect(grid).to_be_visible(timeout=WAIT)
        settle(page)
        assert page.locator(".st-key-unit_cards").is_hidden()  # cards only below 640 px
        box = grid.bounding_box()
        assert box and box["x"] + box["width"] <= DESKTOP["width"]  # nothing off-screen to the right
        pages_before = len(page.context.pages)
        page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's selection box
        expect(page.get_by_text("上下文", exact=True)).to_be_visible(timeout=WAIT)
        assert "item=" in page.url and len(page.context.pages) == pages_before  # same tab, same session
    finally:
        page.close()


def test_phone_shows_unit_cards_and_labelled_page_links(server, browser):
    page = open_page(browser, address(server, q="哪些单位负责低空经济", unit="市发改委"), PHONE)
    try:
        card = page.locator(".st-key-unit_card_0")
        expect(card).to_be_visible(timeout=WAIT)
        settle(page)
        assert page.locator(".st-key-unit_table_wide").is_hidden()
        expect(card).to_contain_text("低空")  # the task text is readable
        nav = page.locator(".st-key-phone_nav")
        for title in ("问答", "年度对比", "单位", "文档"):
            expect(nav.get_by_text(title, exact=True)).to_be_visible()
        # the unit filter applies to the summary and lives in the address
        expect(page.get_by_text("已按单位筛选：市发改委", exact=False)).to_be_visible()
        assert "unit=" in page.url
        shot(page, "units-cards-390")
        card.get_by_role("button").first.click()
        expect(page.get_by_text("上下文", exact=True)).to_be_visible(timeout=WAIT)
    finally:
        page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_units_page_address_shows_the_unit_table_and_opens_an_item_in_place(server, browser, viewport):
    """单位 page from a shared address: the 问答 page's unit table (cards on a phone), a row opening its
    item on the same page and the way back keeping the unit and year in the address."""
    page = open_page(browser, f"{server}/units?" + urlencode({"unit": "市数据局", "year": 2025}), viewport, "单位任务")
    try:
        heading = page.get_by_text("市数据局的任务（", exact=False)
        expect(heading).to_be_visible(timeout=WAIT)
        settle(page)
        assert page.evaluate(NO_OVERFLOW)
        pages_before = len(page.context.pages)
        if viewport is PHONE:
            assert page.locator(".st-key-unit_table_wide").is_hidden()
            card = page.locator(".st-key-unit_card_0")
            expect(card).to_be_visible()
            expect(card).to_contain_text("2025")  # the short label, the unit, its role and the task text
            expect(card).to_contain_text("市数据局")
            card.scroll_into_view_if_needed()
            shot(page, "units-page-390")
            card.get_by_role("button").first.click()
        else:
            assert page.locator(".st-key-unit_cards").is_hidden()
            grid = page.locator(".st-key-unit_table_wide [data-testid='stDataFrame']").first
            expect(grid).to_be_visible()
            box = grid.bounding_box()
            assert box and box["y"] + 35 + 17 < DESKTOP["height"]  # the table's first row on the first screen
            assert box and box["x"] + box["width"] <= DESKTOP["width"]
            shot(page, "units-page-1280")
            page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's selection box
        expect(page.get_by_text("上下文", exact=True)).to_be_visible(timeout=WAIT)
        assert "item=" in page.url and "unit=" in page.url and len(page.context.pages) == pages_before
        page.get_by_role("button", name="返回单位任务").click()
        expect(heading).to_be_visible(timeout=WAIT)
        assert "item=" not in page.url and "year=2025" in page.url
    finally:
        page.close()


def test_units_page_export_holds_the_filtered_rows_with_real_links(server, browser):
    import openpyxl

    page = open_page(browser, f"{server}/units?" + urlencode({"unit": "市数据局", "year": 2025}), DESKTOP, "单位任务")
    try:
        expect(page.get_by_text("市数据局的任务（", exact=False)).to_be_visible(timeout=WAIT)
        settle(page)
        button = page.get_by_role("button", name="下载 Excel")
        button.scroll_into_view_if_needed()
        with page.expect_download(timeout=WAIT) as download:
            button.click()
        book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))  # the path has no .xlsx
    finally:
        page.close()
    sheet = book["条目"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    assert rows and {r[header.index("年份")].value for r in rows} == {2025}
    links = [r[header.index("链接")] for r in rows]
    assert all(c.hyperlink is not None and "?item=" in c.hyperlink.target for c in links)
    assert all(c.hyperlink.target.startswith(server) for c in links)  # no POLQA_PUBLIC_URL: the app's own
    assert ["单位", "市数据局"] in [[c.value for c in r] for r in book["筛选"].iter_rows()]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_comparison_address_leads_with_what_changed(server, browser, viewport):
    page = open_page(
        browser, f"{server}/compare?compare=招商引资&years=2023,2025", viewport, ready="牵头与责任单位的变化"
    )
    try:
        expect(page.get_by_text("2023年由市招商办牵头", exact=False)).to_be_visible(timeout=WAIT)
        expect(page.get_by_text("改名或合并 1 个", exact=False)).to_be_visible()
        expect(page.get_by_text("数值的变化", exact=True)).to_be_visible()
        expect(page.get_by_text("2025年 · 相关条目", exact=False)).to_be_attached()
        settle(page)
        assert "compare=" in page.url and "years=2023%2C2025" in page.url or "years=2023,2025" in page.url
        shot(page, f"compare-{viewport['width']}")
    finally:
        page.close()


def test_streamlit_chrome_is_hidden_and_a_typed_address_stays_text(server, browser):
    question = "https://example.com 低空经济谁负责"
    page = open_page(browser, address(server, q=question), DESKTOP)
    try:
        expect(page.get_by_text("问：" + question)).to_be_visible(timeout=WAIT)
        settle(page)
        assert page.locator("a[href*='example.com']").count() == 0
        assert page.locator("[data-testid='stMainMenu']").is_hidden()
        assert (
            page.locator("[data-testid='stStatusWidget']").count() == 0
            or page.locator("[data-testid='stStatusWidget']").is_hidden()
        )
        assert page.get_by_text("用时", exact=False).count() == 0  # not an admin here: no timings
    finally:
        page.close()


def test_history_survives_a_reload_and_a_thumbs_down_takes_a_reason(server, browser, e2e_tmp):
    question = "老旧小区改造谁牵头"
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(address(server, q=question))
        expect(page.get_by_text("年：牵头", exact=False).first).to_be_visible(timeout=WAIT * 4)
        settle(page)
        assert any(c["name"] == "polqa_history" for c in context.cookies())
        page.goto(server)  # a reload, a new session
        page.get_by_label("请输入问题").wait_for(timeout=WAIT)
        settle(page)
        expect(page.get_by_role("button", name=question)).to_be_attached(timeout=WAIT)

        page.goto(address(server, q=question))
        expect(page.get_by_text("年：牵头", exact=False).first).to_be_visible(timeout=WAIT)
        settle(page)
        page.locator("[data-testid='stFeedback'] button").nth(1).click()  # 👎
        reason = page.get_by_label("哪里不对？（可选）")
        expect(reason).to_be_visible(timeout=WAIT)
        reason.fill("漏了市住房和城市更新局")
        page.get_by_role("button", name="提交说明").click()
        # the vote's own "已记录您的反馈" is already on the page: wait for the reason's words
        expect(page.get_by_text("已记录您的说明", exact=False)).to_be_visible(timeout=WAIT)
        expect(reason).to_be_hidden(timeout=WAIT)
    finally:
        context.close()
    import json

    lines = [json.loads(line) for line in (e2e_tmp / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [v["rating"] for v in lines[-2:]] == ["down", "reason"] and lines[-1]["reason"] == "漏了市住房和城市更新局"
    from eval import feedback  # the reason reaches python -m eval.feedback from the file the app wrote

    votes, _ = feedback.read_votes(e2e_tmp / "feedback.jsonl")
    assert feedback.reason_counts(votes)["漏了市住房和城市更新局"] == 1
