"""What the app keeps in and sends to the browser: the page's style, scrolling, the question history
cookie and the app's own address for links in exports. Only our own static scripts; no document text
or typed question ever becomes markup or script here."""

from __future__ import annotations

import json
import os
import re

import streamlit as st

LAYOUT_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 3.2rem; padding-bottom: 3rem; }
mark { background: #ffe58a; padding: 0 1px; }
.polqa-item { font-size: 1.05rem; line-height: 1.8; white-space: pre-wrap; }
.polqa-near { color: #555; font-size: 0.95rem; line-height: 1.6; white-space: pre-wrap; }
/* Streamlit's own English chrome: the ⋮ menu, the running/"Stop" widget, deploy and table toolbars
   (their tooltips are English and cannot be translated; the page has its own 下载 Excel/CSV) */
[data-testid="stMainMenu"], [data-testid="stStatusWidget"], [data-testid="stAppDeployButton"],
[data-testid="stElementToolbar"], [data-testid="stToolbarActions"] { display: none !important; }
/* the uploader's "Drag and drop / Limit 20MB per file" and "Browse files", said in Chinese */
[data-testid="stFileUploaderDropzoneInstructions"] > div > span,
[data-testid="stFileUploaderDropzoneInstructions"] > div > small { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {
  content: "将文件拖到此处，或点右侧按钮选择（单个文件不超过 20 MB）"; font-size: 0.9rem; }
[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"] { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"]::after {
  content: "选择文件"; font-size: 0.9rem; }
/* phones: the pages as labelled links (the top navigation folds into an unlabelled icon there) */
.st-key-phone_nav { display: none; }
/* unit rows: a table on wide screens, cards on phones (where a table hides the task text) */
.st-key-unit_cards { display: none; }
/* phones: the answer's first lines on the first screen */
@media (max-width: 640px) {
  .st-key-unit_table_wide { display: none; }
  .st-key-phone_nav { display: flex; }
  .st-key-unit_cards { display: flex; }
  [data-testid="stMainBlockContainer"] { padding-top: 3.6rem; padding-left: 0.8rem; padding-right: 0.8rem; }
  .polqa-subtitle { display: none; }
  h3 { font-size: 1.2rem !important; padding: 0 0 0.3rem 0 !important; }
}
</style>
"""


# --------------------------------------------------------------------------- addresses

# Our own static script (no document text in it): a new view starts at its top, not at the
# scroll position of the button that opened it.
_TO_TOP = (
    "<script>/* {key} */ (() => { const main = document.querySelector('[data-testid=\"stMain\"]');"
    " if (main) main.scrollTo(0, 0); window.scrollTo(0, 0); })();</script>"
)


def scroll_to_top(key: str) -> None:
    st.html(_TO_TOP.replace("{key}", re.sub(r"[^\w-]", "", key)), unsafe_allow_javascript=True)


HISTORY_COOKIE = "polqa_history"
HISTORY_CHARS = 40


def history_from_cookie(limit: int, longest: int) -> list[str]:
    """The questions this browser asked before (its own cookie); anything malformed is ignored."""
    from urllib.parse import unquote

    try:
        raw = st.context.cookies.get(HISTORY_COOKIE) or "[]"
        values = json.loads(unquote(raw))
    except Exception:  # no session context (tests) or a cookie we did not write
        return []
    if not isinstance(values, list):
        return []
    return [" ".join(v.split()) for v in values if isinstance(v, str) and v.strip() and len(v) <= longest][:limit]


def save_history_cookie(history: list[str]) -> None:
    """Our own script writes the cookie; the questions enter it as an ASCII-only JSON literal
    (`<` escaped), so nothing typed can end the script or become markup."""
    kept = [q for q in history if len(q) <= HISTORY_CHARS]  # a cut question would ask something else
    literal = json.dumps(kept, ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e")
    script = (
        "<script>(() => { const v = "
        + literal
        + "; document.cookie = '"
        + HISTORY_COOKIE
        + "=' + encodeURIComponent(JSON.stringify(v)) + '; max-age=31536000; path=/; SameSite=Strict'; })();"
        "</script>"
    )
    st.html(script, unsafe_allow_javascript=True)


def base_url() -> str:
    """The app's address without query, for links in exports: POLQA_PUBLIC_URL when set (the address
    colleagues reach, e.g. behind a proxy; the browser's own may be 127.0.0.1), else the browser's."""
    public = os.environ.get("POLQA_PUBLIC_URL", "").strip()
    if public:
        return public.rstrip("/") + "/"
    try:
        url = st.context.url or ""
    except Exception:
        return ""
    return url.split("?", 1)[0]
