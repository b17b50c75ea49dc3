"""One item in its document (`?item=<id>`): heading path, the items around it, the question's
words marked, where it stands in the source file, and the same task in other years.

Document text reaches the page only escaped: st.text, `md()` for Markdown labels, or
`highlight_html`, which escapes everything and adds only <mark> tags.
"""

from __future__ import annotations

import streamlit as st

from indexer.messages import labels, say
from indexer.present.highlight import highlight_html, marked_phrases, words_to_mark
from indexer.records import Item

from . import browser, common, similar
from .common import md

AROUND = 2  # items shown before and after


def neighbours(engine, item: Item) -> tuple[list[Item], list[Item]]:
    members = [i for i in engine.items if i.doc_id == item.doc_id]
    at = next(n for n, i in enumerate(members) if i.id == item.id)
    return members[max(0, at - AROUND) : at], members[at + 1 : at + 1 + AROUND]


def show(engine, item_id: str, question: str = "", back: str = "") -> None:
    """back: the back button's label where the item was opened from (the 单位 page's table)."""
    browser.scroll_to_top(item_id)
    back = back or ("返回答案" if question else "返回问答")
    st.button(back, key="item_back", on_click=common.close_item, icon=":material/arrow_back:")
    try:
        item = engine.item(item_id)
    except KeyError:
        st.warning(md(say("app.no_item", item=item_id)))
        return

    st.markdown(f"##### {md(labels.citation_label(item))}")
    st.caption(md(f"{item.title} · {labels.kind_label(item.kind)} · {item.year}年"))
    if item.path:
        st.caption(md("标题路径：" + labels.path_text(item)))

    words = words_to_mark(question, item.text, engine.tokenizer)
    with st.container(border=True, key="item_text"):
        st.html(f'<div class="polqa-item">{highlight_html(item.text, words)}</div>')
    if words:
        st.caption(md("已标出问题中的词：" + "、".join(marked_phrases(item.text, words))))
    facts = []
    if item.lead_units:
        facts.append("牵头单位：" + labels.join(item.lead_units))
    if item.responsible_units:
        facts.append("责任单位：" + labels.join(item.responsible_units))
    facts.append("原文位置：" + labels.source_label(item))
    facts += [f"注：{n}" for n in item.notes]
    for line in facts:
        st.caption(md(line))

    before, after = neighbours(engine, item)
    st.markdown("##### 上下文")
    if not before and not after:
        st.caption("该文件只有这一条。")
    for n, near in enumerate(before):
        common.item_button(near, key=f"near_before_{n}", prefix="前一条 · " if n == len(before) - 1 else "前文 · ")
        st.text(labels.summary_text(near.text, 120))
    st.caption(md("▶ 本条：" + labels.citation_label(item)))
    for n, near in enumerate(after):
        common.item_button(near, key=f"near_after_{n}", prefix="后一条 · " if n == 0 else "后文 · ")
        st.text(labels.summary_text(near.text, 120))

    st.markdown("##### 其他年份的相近条目")
    st.caption(
        "按原文用词的相近程度（罕见词权重高）在其他年份中查找，同样相近时同一单位的排在前面；仅供对照，不一定是同一项任务。"
    )
    continued = similar.other_years(engine, item)
    if not continued:
        st.caption("其他年份没有相近条目。")
    for year, found in continued.items():
        st.markdown(f"**{year}年**")
        for n, (other, score, shared) in enumerate(found):
            common.item_button(other, key=f"other_{year}_{n}")
            st.text(labels.summary_text(other.text, 120))
            st.caption(md(f"相近程度 {score:.0%}" + ("；同一单位：" + labels.join(shared) if shared else "")))
