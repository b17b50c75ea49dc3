"""文档: each document's structure (parts, areas, themes, items) with item counts, and the index status."""

from __future__ import annotations

import streamlit as st

from ui import common, data, export, loading
from ui.common import md

engine = loading.get_engine()
documents = {d.doc_id: d for d in engine.documents}

st.markdown("##### 文档结构")
if st.session_state.get("doc_pick") not in documents:
    st.session_state.doc_pick = next(iter(documents))
doc_id = st.segmented_control(
    "文件",
    list(documents),
    key="doc_pick",
    required=True,
    persist_state="session",
    format_func=lambda d: data.document_label(documents[d]),
)
document = documents[doc_id or next(iter(documents))]
items = data.document_items(engine, document.doc_id)
outline = data.document_outline(items)
parts = data.document_parts(items)

with st.container(border=True):
    st.markdown(f"**{md(document.title)}**")
    facts = [f"{document.year}年", data.kind_label(document.kind)]
    if document.issued:
        facts.append(f"印发/发布日期 {document.issued}")
    if document.number:
        facts.append(f"文号 {document.number}")
    facts.append("来源文件 " + "、".join(document.files))
    st.caption(md(" · ".join(facts)))
    units = {u for i in items for u in i.units}
    common.figures(
        [
            ("条目", f"{len(items)} 条"),
            ("部分", f"{len(parts)} 个"),
            ("领域", f"{sum(1 for p in parts.values() for a in p if a)} 个"),
            ("涉及单位", f"{len(units)} 个"),
        ]
    )
    for unit, definition in document.definitions:
        st.caption(md(f"注：{unit}，{definition}（下同）"))

common.download_buttons(
    "document",
    export.file_stem(data.document_label(document)),
    {"结构": outline, "条目": data.citation_rows(items)},
    {"条目": data.citation_rows(items)},
)

st.markdown("##### 目录与条目数")
st.dataframe(
    outline,
    hide_index=True,
    width="stretch",
    height=min(38 * (len(outline) + 1), 420),
    column_config={"条目数": st.column_config.NumberColumn(width="small")},
)

st.markdown("##### 逐部分浏览")
for part, areas in parts.items():
    count = sum(len(v) for v in areas.values())
    with st.expander(md(f"{part}（{count} 条）")):
        for area, members in areas.items():
            if area:
                st.markdown(f"**{md(area)}**（{len(members)} 条）")
            st.dataframe(
                data.section_rows(members),
                hide_index=True,
                width="stretch",
                column_config={"条目内容": st.column_config.TextColumn(width="large")},
            )

with st.expander("索引状态"):
    config = engine.config
    st.text(
        "\n".join(
            [
                f"建立时间：{common.local_time(config.get('built_at', ''))}",
                f"文档：{len(engine.documents)} 份；条目：{len(engine.items)} 条；单位名称：{len(engine.catalog.names)} 个",
            ]
            + [f"注意：{w}" for w in config.get("warnings", [])]
        )
    )
