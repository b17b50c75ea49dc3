"""问答: a question in, the answer first (summary, units with their items), then the cited items.

The address carries the question (`?q=…&year=…&kind=…`), so an answer can be shared: opening
such a link answers at once. `?item=<id>` shows one item in its document (ui/item_view.py).
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from indexer.errors import QueryError
from indexer.messages import labels, say
from indexer.records import Intent
from ui import access, answer_box, ask_state, browser, common, data, export, item_view, loading, unit_table
from ui.common import md

EXAMPLES = [
    "哪些单位负责低空经济？",
    "老旧小区改造谁牵头？",
    "市数据局今年牵头哪些任务？",
    "2023年和2025年在招商引资上的分工有什么变化？",
    "2025年城镇新增就业目标是多少？",
]
KEPT_ANSWERS = 20

engine = loading.get_engine()


# --------------------------------------------------------------------------- answers


def run_query(question: str, year, kind, unit):
    """The answer with every filter in the request, so what the page shows (summary, counts, table,
    citations, export) is what `answer --json` and the API return for the same filters."""
    request = data.AnswerRequest(
        question, years=(year,) if year else (), kinds=(kind,) if kind else (), units=(unit,) if unit else ()
    )
    answer = data.ask(engine, request)
    return answer, answer.citations


def cached_query(question: str, year, kind, unit):
    answers = st.session_state.setdefault("answers", {})
    key = (question, year, kind, unit)
    if key not in answers:
        answers[key] = run_query(question, year, kind, unit)
        while len(answers) > KEPT_ANSWERS:
            answers.pop(next(iter(answers)))
    return answers[key]


def show_intro() -> None:
    st.pills("示例问题", EXAMPLES, key="example", on_change=ask_state.pick_example)
    st.markdown("##### 收录文件")
    counts = {}
    for item in engine.items:
        counts[item.doc_id] = counts.get(item.doc_id, 0) + 1
    columns = st.columns(len(engine.documents))
    for column, document in zip(columns, engine.documents, strict=False):
        column.metric(
            common.md(data.document_label(document)),
            f"{counts.get(document.doc_id, 0)} 条",
            help=common.md(document.title),
            border=True,
        )  # a tooltip renders Markdown too
    st.markdown(
        "##### 可以这样问\n"
        "- **主题找单位**：哪些单位负责低空经济？老旧小区改造谁牵头？\n"
        "- **单位找任务**：市数据局今年牵头哪些任务？（含改名前后的单位）\n"
        "- **指标数字**：2025年城镇新增就业目标是多少？\n"
        "- **年度变化**：2023年和2025年在招商引资上的分工有什么变化？\n\n"
        "每条答案都注明出处（文件、章节、条目序号），点开可看原文与上下文，可导出 Excel / CSV；"
        "浏览器地址栏中的链接可直接转发给同事。"
    )


def show_history() -> None:
    history = ask_state.load_history()
    if history != st.session_state.get("_history_saved"):
        browser.save_history_cookie(history)  # kept in the browser across reloads
        st.session_state._history_saved = list(history)
    with st.sidebar:
        st.markdown(f"**{say('app.history_title')}**")
        if not history:
            st.caption(say("app.history_empty"))
        for n, past in enumerate(history):
            st.button(
                md(past if len(past) <= 40 else past[:40] + "…"),
                key=f"history_{n}",
                type="tertiary",
                on_click=ask_state.ask_again,
                args=(past,),
                icon=":material/history:",
            )
        if history:
            st.button(
                say("app.history_clear"),
                key="history_clear",
                on_click=ask_state.clear_history,
                icon=":material/delete_sweep:",
            )


def show_not_found(answer) -> None:
    st.warning(f"**{say('app.not_found')}**")
    st.caption(md(say("app.searched", searched=labels.searched_label(answer.searched or {"topic": answer.topic}))))
    if answer.related:
        st.markdown(f"##### 相关条目（不作为答案，{len(answer.related)} 条）")
        st.caption("以下条目与问题用词相近，但不能回答这个问题，仅供参考。")
        for n, hit in enumerate(answer.related):
            common.item_button(hit.item, key=f"related_{n}", prefix="相关条目（不作为答案）· ")
            st.text(labels.summary_text(hit.item.text, 120))


def show_comparison(answer) -> None:
    c = answer.comparison
    if not c:
        return
    st.markdown(f"##### 单位变化（{c.years[0]}年 → {c.years[-1]}年）")
    st.dataframe(data.comparison_unit_changes(answer), hide_index=True, width="stretch")
    if st.button("在「年度对比」中并排查看", icon=":material/compare_arrows:", key="to_compare"):
        st.session_state.cmp_request = {"topic": answer.topic, "years": list(c.years)}
        st.switch_page("ui/views/compare.py")


def show_citations(answer, hits) -> None:
    st.markdown(f"##### 引用条目（{len(hits)}）")
    if not hits:
        st.caption("没有找到符合筛选条件的条目。可以放宽年份、文件类型或单位筛选再试。")
        return
    basis = answer.basis_ids
    st.caption(
        "按相关度排序，点出处查看条目原文、上下文和其他年份的相近条目。"
        + ("标【依据】的条目是上方单位名单的来源。" if basis else "")
    )
    for n, hit in enumerate(hits, start=1):
        mark = "【依据】" if hit.item.id in basis else ""
        common.item_button(hit.item, key=f"cite_{n}", prefix=f"{n}. {mark}")
        st.text(hit.item.text if n == 1 and answer.intent == Intent.FACT else labels.summary_text(hit.item.text, 120))


# --------------------------------------------------------------------------- page

ask_state.apply_url(engine)
if st.session_state.get("asked") and len(st.session_state.asked) <= ask_state.MAX_QUESTION:
    ask_state.remember(st.session_state.asked)
show_history()

item_id = st.query_params.get("item")
if item_id:
    item_view.show(engine, item_id, st.session_state.get("asked", ""))
    st.stop()

with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
    st.text_input(
        "请输入问题",
        key="question",
        placeholder="例如：哪些单位负责低空经济？（输入后按回车或点“查询”）",
        on_change=ask_state.ask,
        width="stretch",
        persist_state="session",
    )
    st.button("查询", type="primary", on_click=ask_state.ask, key="ask_button", icon=":material/search:")

year_now, kind_now, unit_now = (st.session_state.get(k) for k in ("f_year", "f_kind", "f_unit"))
chosen = [
    common.year_label(year_now) if year_now else "",
    common.kind_label(kind_now) if kind_now else "",
    unit_now or "",
]
with st.expander("筛选" + ("：" + " · ".join(c for c in chosen if c) if any(chosen) else "（年份、文件类型、单位）")):
    filters = st.columns([1, 1, 2])
    year = common.year_select(filters[0], engine, "f_year")
    kind = common.kind_select(filters[1], engine, "f_kind")
    unit = filters[2].selectbox(
        "单位",
        engine.catalog.names,
        index=None,
        placeholder="全部单位（可输入名称搜索）",
        key="f_unit",
        format_func=lambda n: common.unit_label(engine, n),
        persist_state="session",
        help="只看涉及该单位（含改名前后名称）的条目",
    )

warning = st.session_state.pop("url_warning", None)
if warning:
    st.info(md(warning))

question = st.session_state.get("asked", "")
if not question:
    show_intro()
    st.stop()
if len(question) > ask_state.MAX_QUESTION:
    st.warning(say("query.too_long", limit=ask_state.MAX_QUESTION) + f"（当前 {len(question)} 字）")
    st.stop()

try:
    answer, hits = cached_query(question, year, kind, unit)
except QueryError as err:
    st.warning(err.message)
    st.stop()
ask_state.write_url(question, year, kind, unit)

with st.container(border=True, key="answer_box"):
    with st.container(key="asked_question"):  # plain text: an address typed in never becomes a link
        st.text(f"问：{answer.question if len(answer.question) <= 200 else answer.question[:200] + '…'}")
    if answer.found:
        st.text(answer.summary)
        figures = [
            ("牵头单位", f"{len(answer.lead_units)} 个"),
            ("责任单位", f"{len(answer.responsible_units)} 个"),
            ("引用条目", f"{len(hits)} 条"),
        ]
        if access.is_admin():  # internal figures are for whoever runs the system
            figures.append(("用时", f"{answer.elapsed_ms:.0f} 毫秒"))
        common.figures(figures, colors={"责任单位": "violet", "引用条目": "gray", "用时": "gray"})
    for note in answer.notes:
        st.info(md(note))
    answer_box.show_generated_summary(answer, hits)
    answer_box.show_feedback(answer, year, kind, unit)

if not answer.found:
    show_not_found(answer)
    st.stop()

filter_text = {"年份": common.year_label(year), "文件类型": common.kind_label(kind), "单位": unit or "全部单位"}
units_frame = data.unit_rows(engine, answer, browser.base_url())
unit_table.show_units(units_frame, answer)
show_comparison(answer)
show_citations(answer, hits)

citations = data.citation_rows([h.item for h in hits])
export_units = units_frame
sheets = {
    "答案": data.answer_meta(answer, filter_text, datetime.now().strftime("%Y-%m-%d %H:%M")),
    "单位与条目": export_units,
    "引用条目": citations,
}
if answer.comparison:
    sheets["单位变化"] = data.comparison_unit_changes(answer)
st.markdown("##### 导出")
common.download_buttons(
    "answer", export.file_stem("政策问答", answer.question), sheets, {"单位与条目": export_units, "引用条目": citations}
)
