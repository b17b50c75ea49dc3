"""One item in its document (`?item=<id>`): heading path, the items around it, the question's
words marked, where it stands in the source file, and the same task in other years.

Document text reaches the page only escaped: st.text, `md()` for Markdown labels, or
`highlight_html`, which escapes everything and adds only <mark> tags.
"""
from __future__ import annotations

import streamlit as st

from indexer.messages import labels
from indexer.present.highlight import highlight_html, marked_phrases, words_to_mark
from indexer.messages import say
from indexer.records import Item

from . import common
from .common import md

AROUND = 2          # items shown before and after
OTHER_YEARS = 2     # similar items shown per other year


def neighbours(engine, item: Item) -> tuple[list[Item], list[Item]]:
    members = [i for i in engine.items if i.doc_id == item.doc_id]
    at = next(n for n, i in enumerate(members) if i.id == item.id)
    return members[max(0, at - AROUND):at], members[at + 1:at + 1 + AROUND]


def other_years(engine, item: Item) -> dict[int, list[tuple[Item, list[str]]]]:
    """Per other year, the items most like this one (ranked by its own text with a year filter);
    those naming one of its units first, each with the shared units."""
    units = set(item.units)
    found: dict[int, list[tuple[Item, list[str]]]] = {}
    for year in engine.years:
        if year == item.year:
            continue
        hits = engine.search(item.text, top_k=6, year=year)
        ranked = sorted(hits, key=lambda h: not (units & set(h.item.units)))   # stable: shared units first
        chosen = [(h.item, [u for u in h.item.units if u in units]) for h in ranked[:OTHER_YEARS]]
        if chosen:
            found[year] = chosen
    return found


def show(engine, item_id: str, question: str = "") -> None:
    common.scroll_to_top(item_id)
    back = "返回答案" if question else "返回问答"
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
    st.caption("按本条原文在其他年份的文件中检索，同一单位的排在前面；仅供对照，不一定是同一项任务。")
    continued = other_years(engine, item)
    if not continued:
        st.caption("其他年份没有相近条目。")
    for year, pairs in continued.items():
        st.markdown(f"**{year}年**")
        for n, (other, shared) in enumerate(pairs):
            common.item_button(other, key=f"other_{year}_{n}")
            st.text(labels.summary_text(other.text, 120))
            if shared:
                st.caption(md("同一单位：" + labels.join(shared)))
