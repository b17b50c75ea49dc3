"""Adding and removing corpus documents from the admin page: preview, confirm, then rebuild.

The checks and the corpus change are indexer.manage's, the same the CLI runs
(`python -m indexer add` / `remove`), so the app and the CLI can never disagree.
"""

from __future__ import annotations

import shutil

import streamlit as st

from indexer.errors import PolqaError
from indexer.messages import say
from indexer.records import KIND_LABELS, DocKind
from ui import common, loading, upload


def show_upload(uploaded, settings) -> None:
    """Preview what the upload would add; on confirmation add it and rebuild with progress."""
    from indexer.manage import add_documents, preview_in_worker

    try:
        path = upload.stage_upload(uploaded.name, uploaded.getvalue())
    except PolqaError as err:
        st.error(common.md(err.message))
        return
    try:
        year, kind = _given_meta()
        try:
            placed = preview_in_worker(settings, path, year, kind)
        except PolqaError as err:
            st.error(common.md(err.message))
            st.caption("识别不出年份或类型时，可在上面指定后重试。")
            return
        st.info(
            common.md(
                say(
                    "upload.preview",
                    title=placed.title or placed.name,
                    year=placed.year,
                    kind=KIND_LABELS.get(DocKind(placed.kind), placed.kind),
                    items=placed.items,
                )
            )
        )
        for note in placed.notes:
            st.caption(common.md(note))
        st.text("\n".join(placed.first_items) or "（没有编号条目）")
        if st.button("确认加入并重建索引", icon=":material/upload_file:", key="upload_confirm", type="primary"):
            _change(lambda: add_documents(settings, [path], year, kind), "upload.added", uploaded.name)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


def show_removal(engine, settings) -> None:
    from indexer.manage import remove_document

    labels = {d.doc_id: f"{d.title}（{d.doc_id}，{len(d.files)} 个文件）" for d in engine.documents}
    doc = st.selectbox(
        "文档", list(labels), format_func=labels.get, key="remove_doc", index=None, placeholder="选择要删除的文档"
    )
    sure = st.checkbox("确认从语料库删除这份文档的全部文件", key="remove_sure", disabled=doc is None)
    if st.button("删除并重建索引", icon=":material/delete:", key="remove_confirm", disabled=not (doc and sure)):
        _change(lambda: remove_document(settings, doc), "upload.removed", doc)


def _given_meta() -> tuple[int | None, str | None]:
    """Year and kind typed by the admin, for a file whose text does not say them."""
    with st.expander("指定年份或类型（识别不出时使用）"):
        year = st.number_input("年份", min_value=2000, max_value=2100, value=None, step=1, key="upload_year")
        kind = st.selectbox(
            "文件类型",
            [str(k) for k in DocKind],
            index=None,
            key="upload_kind",
            format_func=lambda k: KIND_LABELS.get(DocKind(k), k),
        )
    return (int(year) if year else None), kind


def _change(apply, done_key: str, name: str) -> None:
    """Change the corpus, then rebuild; other sessions answer from the old index meanwhile."""
    bar = st.progress(0.1, text="正在更新语料库…")
    try:
        messages = apply()
        bar.progress(0.4, text="正在重建索引（只为新内容计算向量）…")
        summary = loading.rebuild_index()
        bar.progress(1.0, text="完成")
    except PolqaError as err:
        bar.empty()
        st.error(common.md(err.message))
        return
    except Exception:  # the old index stays in place and in use
        bar.empty()
        common.log.exception("corpus change failed: %s", name)
        st.error("操作失败，继续使用原索引。详情已记录在服务器日志中。")
        return
    for cached in ("answers", "comparisons"):
        st.session_state.pop(cached, None)
    st.session_state.upload_round = st.session_state.get("upload_round", 0) + 1  # an empty uploader
    st.session_state.rebuild_message = "\n".join([*messages, say(done_key, summary=summary)])
    st.rerun()
