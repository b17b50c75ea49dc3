"""索引维护 (admin): the index status, a document upload into the corpus and a rebuild after the
corpus changed. Hidden in read-only mode; behind the admin login when one is configured."""

from __future__ import annotations

import streamlit as st

from indexer.config import Settings
from ui import access, common, documents, loading, upload

access.require_admin()
engine = loading.get_engine()

st.markdown("##### 索引维护")
config = engine.config
st.text(
    "\n".join(
        [
            f"建立时间：{common.local_time(config.get('built_at', ''))}",
            f"文档：{len(engine.documents)} 份；条目：{len(engine.items)} 条；单位名称：{len(engine.catalog.names)} 个",
            "向量模型：" + "、".join(f"{k}={v['model']}" for k, v in config.get("dense", {}).items()),
            f"语料指纹：{config.get('corpus_fingerprint', '')}",
        ]
        + [f"注意：{w}" for w in config.get("warnings", [])]
    )
)
done = st.session_state.pop("rebuild_message", None)
if done:
    st.success(done)
if st.button(
    "重新建立索引", icon=":material/refresh:", key="rebuild", help="语料更新后使用；建立期间其他查询仍使用旧索引"
):
    with st.spinner("正在重新建立索引…"):
        try:
            st.session_state.rebuild_message = loading.rebuild_index()
            for cached in ("answers", "comparisons"):  # answers from the old index
                st.session_state.pop(cached, None)
        except Exception:  # the old index stays in place and in use
            common.log.exception("rebuild failed")
            st.error("重建失败，继续使用原索引。详情已记录在服务器日志中。")
            st.stop()
    st.rerun()

st.markdown("##### 加入文档")
st.caption(
    f"可上传 .txt、Word（.docx/.doc/.wps）、网页、PDF（含扫描件）、OFD 或扫描图片，不超过 "
    f"{upload.MAX_BYTES // 1024 // 1024} MB。先预览识别出的标题、年份、类型和前几条，确认后加入语料库并重建索引。"
)
# a new key after each success empties the uploader (else the added file is previewed again as a duplicate)
uploaded = st.file_uploader(
    "选择文件",
    type=[s.lstrip(".") for s in upload.SUFFIXES],
    key=f"corpus_upload_{st.session_state.get('upload_round', 0)}",
)
if uploaded is not None:
    documents.show_upload(uploaded, Settings())

st.markdown("##### 删除文档")
documents.show_removal(engine, Settings())
