"""Streamlit pieces every page shares: the engine (loaded once per server), safe text and downloads.

Document text is only ever passed to st.text, st.dataframe or through `md()`, which
escapes every Markdown character, so nothing in a document can render as markup.
"""

from __future__ import annotations

import logging
import math
import os
import re
import threading
import time

import streamlit as st

from indexer.config import Settings
from indexer.errors import IndexUnavailable, PolqaError
from indexer.messages import labels, say
from indexer.records import DocKind, Item

from . import data, export

log = logging.getLogger("polqa.app")

BUILD_SCALE = 45  # seconds; a cold build (models + every embedding) takes ~1-3 min on two cores
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def md(text) -> str:
    """The one escaping path for document text in a Markdown context (labels, captions, tooltips,
    messages naming a file): it reads as written, never as Markdown, HTML or a :directive:."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


# --------------------------------------------------------------------------- engine


@st.cache_resource(show_spinner=False)
def _build_lock() -> threading.Lock:
    return threading.Lock()


@st.cache_resource(show_spinner=False)
def _load_index(folder: str):
    """Step one of loading: the index files (records, vectors, BM25), checked."""
    from indexer.search import Engine

    return Engine.load(Settings())


@st.cache_resource(show_spinner=False)
def _load_engine(folder: str):
    """One engine per index folder and server process; the query model is loaded up front."""
    engine = _load_index(folder)
    engine.warm_up()
    return engine


_READY: set[str] = set()  # folders whose engine this process has loaded (no loading message then)


def _index_key() -> str:
    """The build the index link points at now: a build published by `python -m indexer build`
    while the app runs is a new key, so the next page load uses it (the old engine is dropped)."""
    key = os.path.realpath(Settings().index_folder)
    if _LAST_KEY and _LAST_KEY[-1] != key:
        log.info("index changed: %s -> %s", _LAST_KEY[-1], key)
        _load_index.clear()
        _load_engine.clear()
        _READY.clear()
    _LAST_KEY[:] = [key]
    return key


_LAST_KEY: list[str] = []


def _load_with_progress(folder: str):
    """The first visit after a start shows what is loading instead of a blank page."""
    if folder in _READY:
        return _load_engine(folder)
    slot = st.empty()
    with slot.container():
        bar = st.progress(0.05, text=say("app.loading") + " 1/2 读取索引")
        _load_index(folder)
        bar.progress(0.45, text=say("app.loading") + " 2/2 加载检索模型")
        engine = _load_engine(folder)
        bar.progress(1.0, text="加载完成")
    slot.empty()
    _READY.add(folder)
    return engine


_FAILED: dict[str, str] = {}  # index folder → why its last build failed: not retried on every page load


def get_engine():
    """The engine; builds the index first (with a progress bar) when it is missing or stale, but
    only for an admin, and not again after a failed build until an admin asks."""
    from . import access

    try:
        return _load_with_progress(_index_key())
    except IndexUnavailable as err:
        reason = err.message
    except PolqaError as err:  # the model is not installed
        st.error(err.message)
        st.stop()
    key, admin = _index_key(), access.is_admin()
    if key in _FAILED:
        st.error(say("access.build_failed", reason=_FAILED[key]))
        if admin and st.button(say("access.retry_build"), key="retry_build"):
            _FAILED.pop(key, None)
            st.rerun()
        st.stop()
    if not admin:
        st.error(say("access.no_index", reason=reason.split("请运行")[0].strip()))
        st.stop()
    build_with_progress(reason)
    try:
        return _load_with_progress(_index_key())
    except PolqaError as err:
        st.error(f"索引已重建但仍无法加载：{err.message}")
        st.stop()


def build_with_progress(reason: str, title: str = "正在建立索引") -> None:
    """Run build_index in a worker thread while a progress bar shows the elapsed time."""
    from indexer.build import build_index
    from indexer.search import Engine

    outcome: dict = {}

    def work():
        try:
            with _build_lock():
                try:  # another session may have built it meanwhile
                    Engine.load(Settings())
                    outcome["summary"] = "索引已由其他会话建好"
                    return
                except IndexUnavailable:
                    pass
                outcome["summary"] = build_index(Settings(), progress=False).describe()
        except PolqaError as err:  # shown to the user below, never swallowed
            outcome["error"] = err.message
        except Exception:  # unexpected: logged in full, a short line for the user
            log.exception("index build failed")
            outcome["error"] = say("app.internal")

    with st.status(f"{title}…", expanded=True) as status:
        st.text(f"原因：{reason.split('请运行')[0].strip()}")
        st.text(
            "正在读取语料、计算全部条目的向量并写入索引，完成后自动进入系统。首次建立约需 1–3 分钟；之后启动只需几秒。"
        )
        bar = st.progress(0.0, text="准备中…")
        worker = threading.Thread(target=work, name="polqa-build", daemon=True)
        started = time.monotonic()
        worker.start()
        while worker.is_alive():
            elapsed = time.monotonic() - started
            # the build reports no steps: the bar follows the elapsed time and never claims to be done
            bar.progress(min(1 - math.exp(-elapsed / BUILD_SCALE), 0.97), text=f"已用时 {elapsed:.0f} 秒")
            worker.join(0.5)
        if "error" in outcome:
            _FAILED[_index_key()] = outcome["error"]
            status.update(label="建立索引失败", state="error")
            st.error(md(f"建立索引失败：{outcome['error']}"))
            st.stop()
        bar.progress(1.0, text=f"完成，用时 {time.monotonic() - started:.0f} 秒")
        st.text(outcome["summary"])
        status.update(label="索引已建立", state="complete", expanded=False)
    _load_index.clear()
    _load_engine.clear()
    _READY.clear()


def rebuild_index() -> str:
    """Rebuild on request (corpus updated); other sessions keep answering from the old index."""
    from indexer.build import build_index

    with _build_lock():
        summary = build_index(Settings(), progress=False)
    _FAILED.clear()
    _load_index.clear()
    _load_engine.clear()
    _READY.clear()
    return summary.describe().splitlines()[0]


# --------------------------------------------------------------------------- display

# Static layout CSS only (no document text ever goes through unsafe HTML): less empty space
# above the first heading, so the answer shows on the first screen.


def local_time(stamp: str) -> str:
    """An ISO time from the index or a log (UTC) in the server's local time: `2026-12-04 20:38`."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return stamp or "未知"


def figures(pairs, colors=None) -> None:
    """Key figures as a row of small badges: `牵头单位 3 个` …"""
    colors = colors or {}
    with st.container(horizontal=True, gap="small"):
        for label, value in pairs:
            st.badge(md(f"{label} {value}"), color=colors.get(label, "blue"))


def item_label(n: int | None, item: Item, preview: int = 46, basis: bool = False) -> str:
    text = " ".join(item.text.split())
    short = text if len(text) <= preview else text[:preview] + "…"
    head = f"{n}. " if n is not None else ""
    return md(f"{head}{'【依据】' if basis else ''}{labels.citation_label(item)}｜{short}")


def show_item_body(item: Item) -> None:
    """Full text and where it comes from; all plain text."""
    st.text(item.text)
    details = []
    if item.path:
        details.append(f"标题路径：{data.path_text(item)}")
    details.append(f"文件：{item.title}（{data.kind_label(item.kind)}，{item.year}年）")
    details.append(f"原文位置：{labels.source_label(item)}")
    if item.lead_units:
        details.append(f"牵头单位：{data.join(item.lead_units)}")
    if item.responsible_units:
        details.append(f"责任单位：{data.join(item.responsible_units)}")
    for note in item.notes:
        details.append(f"注：{note}")
    for line in details:
        st.caption(md(line))


def show_item(n: int | None, item: Item, expanded: bool = False, basis: bool = False) -> None:
    with st.expander(item_label(n, item, basis=basis), expanded=expanded):
        show_item_body(item)


def download_buttons(key: str, stem: str, sheets: dict, csv_tables: dict) -> None:
    """Excel with every table, and one CSV per table; all built from the rows on screen."""
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            "下载 Excel",
            export.to_xlsx(sheets),
            file_name=f"{stem}.xlsx",
            mime=export.XLSX_MIME,
            key=f"{key}_xlsx",
            icon=":material/table_view:",
            on_click="ignore",
        )
        for label, frame in csv_tables.items():
            st.download_button(
                f"CSV·{label}",
                export.to_csv(frame),
                file_name=f"{stem}_{label}.csv",
                mime=export.CSV_MIME,
                key=f"{key}_csv_{label}",
                icon=":material/download:",
                on_click="ignore",
            )


year_label = labels.year_label


def kind_options(engine) -> list:
    present = {item.kind for item in engine.items}
    return [k for k in DocKind if k in present]


def kind_label(kind) -> str:
    return "全部文件" if kind is None else labels.kind_label(kind)


def year_select(where, engine, key: str):
    """The year filter every page shows: empty means all years; kept across pages of the session."""
    return where.selectbox(
        "年份",
        engine.years,
        index=None,
        placeholder="全部年份",
        key=key,
        format_func=year_label,
        persist_state="session",
    )


def kind_select(where, engine, key: str):
    """The document-kind filter every page shows, over the kinds the corpus has."""
    return where.selectbox(
        "文件类型",
        kind_options(engine),
        index=None,
        placeholder="全部文件",
        key=key,
        format_func=kind_label,
        persist_state="session",
    )


def unit_label(engine, name: str) -> str:
    return labels.unit_label(name, engine.links.related(name))


def open_item(item_id: str) -> None:
    """Callback: show one item in its document (`?item=<id>`), keeping the question for highlighting."""
    st.query_params["item"] = item_id


def close_item() -> None:
    st.query_params.pop("item", None)


def item_button(item: Item, key: str, prefix: str = "") -> None:
    """The item's citation as a link-like button that opens the item view in the same tab."""
    st.button(
        md(prefix + labels.citation_label(item)),
        key=key,
        type="tertiary",
        on_click=open_item,
        args=(item.id,),
        icon=":material/article:",
    )
