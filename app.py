"""政策问答 — offline search and Q&A over Wuhan city government documents.

Run:  streamlit run app.py   (or `make run`; POLQA_HOST chooses the address, 127.0.0.1 by default)
The model and index load once per server (st.cache_resource); a missing or stale index
is built on first start with a progress bar. Pages live in ui/views/, helpers in ui/.
Errors never reach the page as a traceback: they are logged, and the page says so in Chinese.
Read-only deployments (listening beyond loopback, read from the socket, or POLQA_READONLY=1) have no
admin area; an index is built from a page load only for an admin (ui/access.py, indexer/access.py).
"""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

st.set_page_config(
    page_title="政策问答 · 武汉市政府文件检索",
    page_icon="📑",
    layout="wide",
    initial_sidebar_state="collapsed",
    menu_items={"About": "政策问答：武汉市政府文件离线检索与问答。全部计算在本机完成，不联网。"},
)

from indexer.messages import say  # noqa: E402  (after set_page_config)
from ui import access, browser, loading, stale  # noqa: E402

log = logging.getLogger("polqa.app")
if not logging.getLogger().handlers:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

st.html(browser.LAYOUT_CSS)
st.markdown("### :material/policy: 政策问答")
st.html(
    '<div class="polqa-subtitle" style="color:#666;font-size:0.85rem;margin-top:-0.6rem">'
    "武汉市政府文件离线检索与问答 · 2023年、2025年政府工作报告目标任务责任分解方案 · "
    "2024年政府工作报告 · 2025年市政协建议案办理工作方案 · 本机运行，不联网</div>"
)

access.check_start()  # refuses to serve admin beyond loopback unguarded; warns about an admin header
try:
    engine = loading.get_engine()
    stale.warn_if_stale(engine)
    pages = {
        "": [
            st.Page("ui/views/ask.py", title="问答", icon=":material/question_answer:", url_path="ask", default=True),
            st.Page("ui/views/compare.py", title="年度对比", icon=":material/compare_arrows:", url_path="compare"),
            st.Page("ui/views/units.py", title="单位", icon=":material/apartment:", url_path="units"),
            st.Page("ui/views/documents.py", title="文档", icon=":material/description:", url_path="documents"),
            st.Page("ui/views/targets.py", title="目标完成情况", icon=":material/task_alt:", url_path="targets"),
            st.Page("ui/views/plan_diff.py", title="计划对比", icon=":material/difference:", url_path="plan-diff"),
        ]
    }
    if not access.read_only():
        pages["管理"] = [
            st.Page("ui/views/evaluation.py", title="评测", icon=":material/analytics:", url_path="evaluation"),
            st.Page("ui/views/admin.py", title="索引维护", icon=":material/build:", url_path="admin"),
        ]
    current = st.navigation(pages, position="top")
    with st.container(key="phone_nav", horizontal=True, gap="small"):
        for page in (p for group in pages.values() for p in group):
            st.page_link(page, label=page.title, icon=page.icon)
    current.run()
except ScriptControlException:  # st.stop / st.rerun / st.switch_page: Streamlit's own flow
    raise
except Exception:  # logged in full; the user reads one Chinese sentence
    log.exception("page failed")
    st.error(say("app.internal"))
