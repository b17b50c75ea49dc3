"""Streamlit pieces every page shares: safe text, item display, filters and downloads (the engine
itself is loaded in `loading.py`).

Document text is only ever passed to st.text, st.dataframe or through `md()`, which
escapes every Markdown character, so nothing in a document can render as markup.
"""

from __future__ import annotations

import logging
import re

import streamlit as st

from indexer.messages import labels
from indexer.records import DocKind, Item

from . import data, export

log = logging.getLogger("polqa.app")

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def md(text) -> str:
    """The one escaping path for document text in a Markdown context (labels, captions, tooltips,
    messages naming a file): it reads as written, never as Markdown, HTML or a :directive:."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


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
