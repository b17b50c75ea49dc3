"""年度对比: one topic in two years, items side by side, and which units were added, dropped or renamed."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from indexer.errors import QueryError
from indexer.answer import AnswerRequest, Comparison
from indexer.answer import answer as answer_of
from ui import common, data, export
from ui.common import md

TOPICS = ["招商引资", "低空经济", "老旧小区改造", "就业", "人工智能", "养老服务", "数字经济", "营商环境"]

engine = common.get_engine()
years = sorted({d.year for d in engine.documents if d.kind.names_units})

request = st.session_state.pop("cmp_request", None)
if request:
    st.session_state.cmp_topic = request["topic"]
    if len(request["years"]) >= 2 and request["years"][0] in years and request["years"][-1] in years:
        st.session_state.cmp_a, st.session_state.cmp_b = request["years"][0], request["years"][-1]
st.session_state.setdefault("cmp_topic", "招商引资")
if st.session_state.get("cmp_a") not in years:
    st.session_state.cmp_a = years[0] if years else None
if st.session_state.get("cmp_b") not in years:
    st.session_state.cmp_b = years[-1] if years else None


def pick_topic() -> None:
    if st.session_state.get("cmp_pick"):
        st.session_state.cmp_topic = st.session_state.cmp_pick
    st.session_state.cmp_pick = None


st.markdown("##### 年度对比")
st.caption("同一主题在两个年度的任务条目并排对照，并列出新增、不再出现和改名或合并的单位。"
           "只比较列有责任单位的文件（责任分解方案、建议案办理工作方案）。")
if len(years) < 2:
    st.warning("语料中列有责任单位的文件不足两个年度，无法对比。")
    st.stop()

row = st.columns([3, 1, 1], vertical_alignment="bottom")
topic = row[0].text_input("主题", key="cmp_topic", placeholder="输入主题，例如：招商引资", max_chars=100,
                          persist_state="session")
first = row[1].selectbox("年度一", years, key="cmp_a", format_func=common.year_label,
                         persist_state="session")
last = row[2].selectbox("年度二", years, key="cmp_b", format_func=common.year_label,
                        persist_state="session")
st.pills("常用主题", TOPICS, key="cmp_pick", on_change=pick_topic)

topic = " ".join((topic or "").split())
if not topic:
    st.info("请输入或选择一个主题。")
    st.stop()
if first == last:
    st.warning("请选择两个不同的年度。")
    st.stop()
first, last = sorted((first, last))


def compare(topic: str, first: int, last: int):
    cache = st.session_state.setdefault("comparisons", {})
    key = (topic, first, last)
    if key not in cache:
        cache[key] = answer_of(engine, AnswerRequest(f"{topic} {first}年与{last}年对比"))
        while len(cache) > 10:
            cache.pop(next(iter(cache)))
    return cache[key]


try:
    answer = compare(topic, first, last)
except QueryError as err:
    st.warning(err.message)
    st.stop()
comparison = answer.comparison or Comparison((first, last), {}, (), (), (), ())
side = data.comparison_items(engine, answer)
changes = data.comparison_unit_changes(answer)

with st.container(border=True):
    st.text(answer.summary)
    common.figures([(f"{first}年条目", f"{len(side.get(first, []))} 项"), (f"{last}年条目", f"{len(side.get(last, []))} 项"),
                    ("新增单位", f"{len(comparison.added)} 个"), ("不再出现", f"{len(comparison.dropped)} 个"),
                    ("改名或合并", f"{len(comparison.renamed)} 个"), ("用时", f"{answer.elapsed_ms:.0f} 毫秒")],
                   colors={"新增单位": "green", "不再出现": "red", "改名或合并": "orange", "用时": "gray"})
    for note in answer.notes:
        st.info(md(note))

meta = pd.DataFrame([("主题", topic), ("年度", f"{first}年 与 {last}年"), ("结论", answer.summary),
                     ("导出时间", datetime.now().strftime("%Y-%m-%d %H:%M"))], columns=["项目", "内容"])
sheets = {"对比摘要": meta, f"{first}年条目": data.citation_rows(side.get(first, [])),
          f"{last}年条目": data.citation_rows(side.get(last, [])), "单位变化": changes}
common.download_buttons("compare", export.file_stem("年度对比", topic), sheets,
                        {"条目": data.comparison_rows(engine, answer), "单位变化": changes})

st.markdown("##### 单位变化")
columns = st.columns(4)
groups = [("新增", comparison.added), ("不再出现", comparison.dropped),
          ("改名或合并", [f"{r.old} → {r.new}（{data.RELATION.get(r.relation, r.relation)}）"
                      for r in comparison.renamed]),
          ("两年都有", comparison.kept)]
for column, (title, names) in zip(columns, groups):
    with column.container(border=True):
        st.markdown(f"**{title}**（{len(names)}）")
        st.text("\n".join(names) if names else "无")

st.markdown("##### 条目对照")
left, right = st.columns(2, gap="medium")
for column, year in ((left, first), (right, last)):
    items = side.get(year, [])
    with column:
        st.markdown(f"**{year}年**（{len(items)} 项）")
        if not items:
            st.caption("该年度没有与主题相关的条目。")
        for item in items:
            with st.container(border=True):
                st.markdown(f"**{md(item.citation)}**")
                st.text(item.text)
                if item.path:
                    st.caption(md(f"标题路径：{data.path_text(item)}"))
                st.caption(md(f"来源：{data.source_text(item)}"))
