"""The unit table of the 问答 and 单位 pages: one row per unit and item, opened in place; cards on a phone."""

from __future__ import annotations

import streamlit as st

from indexer.present.serialise import UNIT_ROW_COLUMNS
from indexer.records import Intent

from . import common
from .common import md

CARDS = 60  # unit rows shown as cards on a phone; the export has them all


def show_units(frame, answer) -> None:
    if frame.empty:
        if answer.citations and not any(h.item.units for h in answer.citations[:3]):
            st.caption("相关条目出自不列责任单位的文件（如政府工作报告），因此没有单位分工。")
        return
    if answer.intent == Intent.UNIT_ITEMS and answer.units:
        title = f"{'、'.join(answer.units)}的任务（{len(frame)} 项）"
    else:
        units = frame["单位"].nunique()
        title = f"单位与条目（{units} 个单位，{frame['编号'].nunique()} 个条目，{len(frame)} 行）"
    show_table(frame, title)


def show_table(frame, title: str) -> None:
    """Rows of data.unit_frame under their title: a table on wide screens, cards below 640 px; a row
    opens its item on the same page (`?item=`), which the page shows with ui/item_view.py."""
    st.markdown(f"##### {md(title)}")
    st.session_state.unit_table_ids = list(frame["编号"])
    with st.container(key="unit_table_wide"):
        st.caption("每行一个单位与一个条目，按年份和文中顺序排列；点表头可排序，点选一行即在本页打开该条目。")
        st.dataframe(
            frame[UNIT_ROW_COLUMNS],
            hide_index=True,
            width="stretch",
            key="unit_table",
            on_select=open_selected,
            selection_mode="single-row",
            column_config={
                "年份": st.column_config.NumberColumn(format="%d", width="small"),
                "顺序": st.column_config.NumberColumn(format="%d", width="small", help="条目在原文件中的顺序"),
                "条目": st.column_config.TextColumn(width="medium"),
                "单位": st.column_config.TextColumn(width="medium"),
                "出处": st.column_config.TextColumn(width="medium"),
                "角色": st.column_config.TextColumn(width="small"),
                "摘要": st.column_config.TextColumn(width="large"),
            },
        )
    show_unit_cards(frame)


def open_selected() -> None:
    """A row picked in the unit table opens its item on this page (same session, same tab)."""
    rows = st.session_state.get("unit_table", {}).get("selection", {}).get("rows", [])
    ids = st.session_state.get("unit_table_ids", [])
    if rows and rows[0] < len(ids):
        common.open_item(ids[rows[0]])


def show_unit_cards(frame) -> None:
    """Phones (below 640 px, CSS in browser.LAYOUT_CSS): one card per row, the task text readable."""
    with st.container(key="unit_cards"):
        for n, row in enumerate(frame.head(CARDS).itertuples(index=False)):
            with st.container(border=True, key=f"unit_card_{n}"):
                st.button(
                    md(f"{row.条目} · {row.单位}（{row.角色}）"),
                    key=f"unit_card_open_{n}",
                    type="tertiary",
                    on_click=common.open_item,
                    args=(row.编号,),
                    icon=":material/article:",
                )
                st.caption(md(row.摘要))
        if len(frame) > CARDS:
            st.caption(f"另有 {len(frame) - CARDS} 行，请下载 Excel 查看全部。")
