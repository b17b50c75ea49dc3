"""问答: a question in, the answer first (summary, units by role and year), then the cited items."""
from __future__ import annotations

from datetime import datetime

import streamlit as st

from indexer.errors import QueryError
from indexer.records import Role
from ui import common, data, export
from ui.common import md

EXAMPLES = ["哪些单位负责低空经济？", "老旧小区改造谁牵头？", "市数据局今年牵头哪些任务？",
            "2023年和2025年在招商引资上的分工有什么变化？", "2025年城镇新增就业目标是多少？"]
KEPT_ANSWERS = 20

engine = common.get_engine()


def ask() -> None:
    st.session_state.asked = " ".join(st.session_state.get("question", "").split())


def pick_example() -> None:
    choice = st.session_state.get("example")
    if choice:
        st.session_state.question = choice
        st.session_state.asked = choice
    st.session_state.example = None


def run_query(question: str, year, kind, unit):
    """The engine's answer, and the items to cite once the unit filter is applied."""
    answer = engine.answer(question, year=year, kind=kind)
    hits = answer.citations
    if unit:
        names = set(engine.unit_names(unit))
        hits = [h for h in hits if names & set(h.item.units)]
        shown = {h.item.id for h in hits}
        extra = engine.search(question, top_k=engine.settings.top_k, year=year, kind=kind, unit=unit)
        hits += [h for h in extra if h.item.id not in shown][:max(0, engine.settings.top_k - len(hits))]
    return answer, hits


def cached_query(question: str, year, kind, unit):
    answers = st.session_state.setdefault("answers", {})
    key = (question, year, kind, unit)
    if key not in answers:
        answers[key] = run_query(question, year, kind, unit)
        while len(answers) > KEPT_ANSWERS:
            answers.pop(next(iter(answers)))
    return answers[key]


def show_intro() -> None:
    st.markdown("##### 收录文件")
    counts = {}
    for item in engine.items:
        counts[item.doc_id] = counts.get(item.doc_id, 0) + 1
    columns = st.columns(len(engine.documents))
    for column, document in zip(columns, engine.documents):
        column.metric(data.document_label(document), f"{counts.get(document.doc_id, 0)} 条",
                      help=document.title, border=True)
    st.markdown(
        "##### 可以这样问\n"
        "- **主题找单位**：哪些单位负责低空经济？老旧小区改造谁牵头？\n"
        "- **单位找任务**：市数据局今年牵头哪些任务？（含改名前后的单位）\n"
        "- **指标数字**：2025年城镇新增就业目标是多少？\n"
        "- **年度变化**：2023年和2025年在招商引资上的分工有什么变化？\n\n"
        "每条答案都注明出处（文件、章节、条目序号、原文行号），可导出 Excel / CSV。")


def show_units(answer) -> None:
    if not answer.unit_entries:
        if answer.citations and not any(h.item.units for h in answer.citations[:3]):
            st.caption("相关条目出自不列责任单位的文件（如政府工作报告），因此没有单位分工。")
        return
    st.markdown("##### 单位分工")
    left, right = st.columns(2)
    for column, role, title in ((left, Role.LEAD, "牵头单位"), (right, Role.RESPONSIBLE, "责任单位")):
        table = data.unit_table(answer, role)
        with column:
            st.markdown(f"**{title}**（{len(table)} 个）")
            if table.empty:
                st.caption("无")
            else:
                st.dataframe(table.drop(columns=["条目编号"]), hide_index=True, width="stretch",
                             column_config={"单位": st.column_config.TextColumn(width="medium"),
                                            "说明": st.column_config.TextColumn(width="medium")})


def show_comparison(answer) -> None:
    c = answer.comparison
    if not c:
        return
    st.markdown(f"##### 单位变化（{c.years[0]}年 → {c.years[-1]}年）")
    st.dataframe(data.comparison_unit_changes(answer), hide_index=True, width="stretch")
    if st.button("在「年度对比」中并排查看", icon=":material/compare_arrows:", key="to_compare"):
        st.session_state.cmp_request = {"topic": answer.topic, "years": list(c.years)}
        st.switch_page("ui/views/compare.py")


with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
    st.text_input("请输入问题", key="question", placeholder="例如：哪些单位负责低空经济？（输入后按回车或点“查询”）",
                  on_change=ask, max_chars=300, width="stretch", persist_state="session")
    st.button("查询", type="primary", on_click=ask, key="ask_button", icon=":material/search:")
st.pills("示例问题", EXAMPLES, key="example", on_change=pick_example)

filters = st.columns([1, 1, 2])
year = filters[0].selectbox("年份", engine.years, index=None, placeholder="全部年份", key="f_year",
                            format_func=common.year_label, persist_state="session")
kind = filters[1].selectbox("文件类型", common.kind_options(engine), index=None, placeholder="全部文件",
                            key="f_kind", format_func=common.kind_label, persist_state="session")
unit = filters[2].selectbox("单位", engine.catalog.names, index=None, placeholder="全部单位（可输入名称搜索）",
                            key="f_unit", format_func=lambda n: common.unit_label(engine, n), persist_state="session",
                            help="只看涉及该单位（含改名前后名称）的条目")

question = st.session_state.get("asked", "")
if not question:
    show_intro()
    st.stop()

try:
    answer, hits = cached_query(question, year, kind, unit)
except QueryError as err:
    st.warning(err.message)
    st.stop()

st.markdown("##### 答案")
with st.container(border=True):
    st.caption(md(f"问：{answer.question}"))
    st.text(answer.summary)
    common.figures([("牵头单位", f"{len(answer.lead_units)} 个"), ("责任单位", f"{len(answer.responsible_units)} 个"),
                    ("引用条目", f"{len(hits)} 条"), ("用时", f"{answer.elapsed_ms:.0f} 毫秒")],
                   colors={"责任单位": "violet", "引用条目": "gray", "用时": "gray"})
    for note in answer.notes:
        st.info(md(note))
    if unit:
        st.caption(md(f"已按单位筛选：{unit}（含改名前后名称），引用条目只列涉及该单位的条目。"))

filter_text = {"年份": common.year_label(year), "文件类型": common.kind_label(kind),
               "单位": unit or "全部单位"}
citations = data.citation_rows([h.item for h in hits])
units_table = data.answer_units_table(answer)
sheets = {"答案": data.answer_meta(answer, filter_text, datetime.now().strftime("%Y-%m-%d %H:%M")),
          "单位分工": units_table, "引用条目": citations}
if answer.comparison:
    sheets["单位变化"] = data.comparison_unit_changes(answer)
common.download_buttons("answer", export.file_stem("政策问答", answer.question), sheets,
                        {"引用条目": citations, "单位分工": units_table})

show_units(answer)
show_comparison(answer)

st.markdown(f"##### 引用条目（{len(hits)}）")
if not hits:
    st.caption("没有找到符合筛选条件的条目。可以放宽年份、文件类型或单位筛选再试。")
basis = answer.basis_ids
st.caption("按相关度排序，点开查看全文、标题路径和原文位置。" +
           ("标【依据】的条目是上方单位名单的来源。" if basis else ""))
for n, hit in enumerate(hits, start=1):
    common.show_item(n, hit.item, expanded=(n == 1 and answer.intent == "fact"), basis=hit.item.id in basis)
