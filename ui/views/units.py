"""单位: every item a unit leads or takes part in, by year, with renamed predecessors/successors."""

from __future__ import annotations

import streamlit as st

from ui import charts, common, data, export
from ui.common import md

DEFAULT_UNIT = "市数据局"

engine = common.get_engine()
names = engine.catalog.names

request = st.session_state.pop("unit_request", None)
if request in names:
    st.session_state.unit_pick = request
if st.session_state.get("unit_pick") not in names:
    st.session_state.unit_pick = DEFAULT_UNIT if DEFAULT_UNIT in names else names[0]

st.markdown("##### 单位任务")
st.caption(
    "选择单位（可输入名称搜索，新旧名称均可），查看其牵头和参与的全部条目。改名或合并前后的单位一并列出，并标明原名/现名。"
)
unit = st.selectbox(
    "单位", names, key="unit_pick", format_func=lambda n: common.unit_label(engine, n), persist_state="session"
)

frame = data.unit_items(engine, unit)
linked = engine.unit_names(unit)
if len(linked) > 1:
    st.info(
        md(
            "已包含改名或合并前后的单位："
            + "；".join(f"{n}（{data.LINK_MARKS.get(m, m)}）" for n, m in linked.items() if m)
        )
    )

lead = frame[frame["角色"] == "牵头"]
part = frame[frame["角色"] == "责任"]
common.figures(
    [
        ("牵头", f"{len(lead)} 项"),
        ("责任单位", f"{len(part)} 项"),
        ("涉及年度", "、".join(f"{y}年" for y in sorted(frame["年份"].unique())) or "无"),
    ],
    colors={"责任单位": "violet", "涉及年度": "gray"},
)

if frame.empty:
    st.warning(f"文件中没有列出{unit}的任务。")
    st.stop()

by_year = data.unit_counts_by_year(frame)
by_area = data.unit_counts_by_area(frame)
common.download_buttons(
    "unit",
    export.file_stem("单位任务", unit),
    {"条目": frame, "按年度": by_year.reset_index(names="年度"), "按领域": by_area.reset_index(names="领域")},
    {"条目": frame},
)

chart_year, chart_area = st.columns([1, 3], gap="medium")
with chart_year:
    st.markdown("**按年度**")
    charts.bar_chart(by_year, "年度")
with chart_area:
    top = by_area.head(15)
    st.markdown(f"**按领域**（前 {len(top)} 个）" if len(by_area) > len(top) else "**按领域**")
    charts.bar_chart(top, "领域", horizontal=True, height=max(160, 34 * len(top) + 50))

st.markdown("##### 条目（按年度）")
years = sorted(frame["年份"].unique())
tabs = st.tabs([f"{y}年（{(frame['年份'] == y).sum()}）" for y in years])
for tab, year in zip(tabs, years, strict=False):
    with tab:
        rows = frame[frame["年份"] == year]
        for role, title in (("牵头", "作为牵头单位"), ("责任", "作为责任单位")):
            selected = rows[rows["角色"] == role]
            if selected.empty:
                continue
            st.markdown(f"**{title}**（{len(selected)} 项）")
            for _, row in selected.iterrows():
                item = engine.item(row["编号"])
                mark = row["单位名称"] if row["单位名称"] != unit else ""
                label = common.item_label(None, item) + (f" — {md(mark)}" if mark else "")
                with st.expander(label):
                    common.show_item_body(item)

with st.expander("表格视图（与导出内容相同）"):
    st.dataframe(
        frame, hide_index=True, width="stretch", column_config={"条目内容": st.column_config.TextColumn(width="large")}
    )
