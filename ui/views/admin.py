"""索引维护 (admin): the index status, a document upload into the corpus and a rebuild after the
corpus changed. Hidden in read-only mode; behind the admin login when one is configured."""
from __future__ import annotations

import streamlit as st

from indexer.config import Settings
from indexer.errors import UploadRejected
from indexer.present.messages import say
from ui import access, common, upload

access.require_admin()
engine = common.get_engine()

st.markdown("##### 索引维护")
config = engine.config
st.text("\n".join([
    f"建立时间：{config.get('built_at', '未知')}",
    f"文档：{len(engine.documents)} 份；条目：{len(engine.items)} 条；单位名称：{len(engine.catalog.names)} 个",
    "向量模型：" + "、".join(f"{k}={v['model']}" for k, v in config.get("dense", {}).items()),
    f"语料指纹：{config.get('corpus_fingerprint', '')}",
] + [f"注意：{w}" for w in config.get("warnings", [])]))
done = st.session_state.pop("rebuild_message", None)
if done:
    st.success(done)
if st.button("重新建立索引", icon=":material/refresh:", key="rebuild",
             help="语料更新后使用；建立期间其他查询仍使用旧索引"):
    with st.spinner("正在重新建立索引…"):
        try:
            st.session_state.rebuild_message = common.rebuild_index()
            for cached in ("answers", "comparisons"):      # answers from the old index
                st.session_state.pop(cached, None)
        except Exception:  # the old index stays in place and in use
            common.log.exception("rebuild failed")
            st.error("重建失败，继续使用原索引。详情已记录在服务器日志中。")
            st.stop()
    st.rerun()

st.markdown("##### 上传文件到语料库")
st.caption(f"只接受 .txt 文本（UTF-8 或 GBK），不超过 {upload.MAX_BYTES // 1024 // 1024} MB；"
           "同名文件不会被覆盖。上传后点“重新建立索引”。")
uploaded = st.file_uploader("选择文件", type=["txt"], key="corpus_upload", accept_multiple_files=False)
if uploaded is not None and st.button("保存到语料库", icon=":material/upload_file:", key="upload_save"):
    try:
        saved = upload.save_upload(uploaded.name, uploaded.getvalue(), Settings().corpus_dir)
        common.log.info("uploaded %s (%d bytes)", saved, uploaded.size)
        st.success(say("upload.done", name=saved.name))
    except UploadRejected as err:
        st.error(err.message)
