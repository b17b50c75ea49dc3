"""年度对比: one topic in two years, items side by side, and which units were added, dropped or renamed."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from indexer.errors import QueryError
from indexer.messages import labels
from ui import access, common, comparing, data, export, loading
from ui.common import md

TOPICS = ["招商引资", "低空经济", "老旧小区改造", "就业", "人工智能", "养老服务", "数字经济", "营商环境"]


def show_side_item(item, key: str) -> None:
    with st.container(border=True, key=key):
        st.markdown(f"**{md(labels.short_label(item))}** · {md(item.citation)}")
        st.text(item.text)
        st.caption(md(f"来源：{data.source_text(item)}"))


engine = loading.get_engine()
years = sorted({d.year for d in engine.documents if d.kind.names_units})


def apply_url() -> None:
    """`?compare=招商引资&years=2023,2025` fills the page once; after that the page writes the address."""
    p = st.query_params
    current = (p.get("compare", ""), p.get("years", ""))
    if not current[0] or current == st.session_state.get("_cmp_url"):
        return
    st.session_state._cmp_url = current
    st.session_state.cmp_topic = " ".join(current[0].split())[:100]
    asked = [int(y) for y in current[1].split(",") if y.strip().isdigit() and int(y) in years]
    if len(asked) >= 2:
        st.session_state.cmp_a, st.session_state.cmp_b = asked[0], asked[-1]


def write_url(topic: str, first: int, last: int) -> None:
    want = {"compare": topic, "years": f"{first},{last}"}
    if st.query_params.to_dict() != want:
        st.query_params.from_dict(want)
    st.session_state._cmp_url = (want["compare"], want["years"])


request = st.session_state.pop("cmp_request", None)
if request:
    st.session_state.cmp_topic = request["topic"]
    if len(request["years"]) >= 2 and request["years"][0] in years and request["years"][-1] in years:
        st.session_state.cmp_a, st.session_state.cmp_b = request["years"][0], request["years"][-1]
apply_url()
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
st.caption(
    "同一主题在两个年度的变化：谁牵头、单位的改名与增减、指标数值的变化，再并排列出条目。"
    "只比较列有责任单位的文件（责任分解方案、建议案办理工作方案）。地址栏链接可直接转发。"
)
if len(years) < 2:
    st.warning("语料中列有责任单位的文件不足两个年度，无法对比。")
    st.stop()

row = st.columns([3, 1, 1], vertical_alignment="bottom")
topic = row[0].text_input(
    "主题", key="cmp_topic", placeholder="输入主题，例如：招商引资", max_chars=100, persist_state="session"
)
first = row[1].selectbox("年度一", years, key="cmp_a", format_func=common.year_label, persist_state="session")
last = row[2].selectbox("年度二", years, key="cmp_b", format_func=common.year_label, persist_state="session")
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
        cache[key] = data.ask(engine, data.AnswerRequest(f"{topic} {first}年与{last}年对比"))
        while len(cache) > 10:
            cache.pop(next(iter(cache)))
    return cache[key]


try:
    answer = compare(topic, first, last)
except QueryError as err:
    st.warning(err.message)
    st.stop()
write_url(topic, first, last)
side = data.comparison_items(engine, answer)
side = {first: side.get(first, []), last: side.get(last, [])}
lead = comparing.lead_table(engine, side)
changed = comparing.changed_figures(side)

with st.container(border=True, key="compare_headline"):
    st.text(comparing.headline(topic, side, lead, changed))
    figures = [(f"{first}年条目", f"{len(side[first])} 项"), (f"{last}年条目", f"{len(side[last])} 项")]
    if access.is_admin():
        figures.append(("用时", f"{answer.elapsed_ms:.0f} 毫秒"))
    common.figures(figures, colors={"用时": "gray"})
    for note in answer.notes:
        st.info(md(note))

st.markdown("##### 牵头与责任单位的变化")
st.caption("每个单位在两个年度的角色；改名或合并的单位标明原名、现名。")
if lead.empty:
    st.caption("两个年度的相关条目都没有列出单位。")
else:
    st.dataframe(lead, hide_index=True, width="stretch", key="cmp_lead")

st.markdown("##### 数值的变化")
if changed.empty:
    st.caption("相互对应的条目中没有数值变化（或没有可对应的条目）。")
else:
    st.caption("按原文相近程度把两个年度的条目一一对应，列出其中数字的变化。")
    st.dataframe(changed.iloc[:, :4], hide_index=True, width="stretch", key="cmp_figures")

meta = pd.DataFrame(
    [
        ("主题", topic),
        ("年度", f"{first}年 与 {last}年"),
        ("结论", comparing.headline(topic, side, lead, changed)),
        ("导出时间", datetime.now().strftime("%Y-%m-%d %H:%M")),
    ],
    columns=["项目", "内容"],
)
sheets = {
    "对比摘要": meta,
    "单位变化": lead,
    "数值变化": changed,
    f"{first}年条目": data.citation_rows(side[first]),
    f"{last}年条目": data.citation_rows(side[last]),
}
common.download_buttons(
    "compare",
    export.file_stem("年度对比", topic),
    sheets,
    {"条目": data.comparison_rows(engine, answer), "单位变化": lead},
)

st.markdown("##### 条目对照")
left, right = st.columns(2, gap="medium")
for column, year, other in ((left, first, last), (right, last, first)):
    core, related = comparing.split_core(topic, side[year], side[other])
    with column:
        st.markdown(f"**{year}年**（核心条目 {len(core)} 项）")
        if not side[year]:
            st.caption("该年度没有与主题相关的条目。")
        for n, item in enumerate(core):
            show_side_item(item, f"cmp_core_{year}_{n}")
        if related:
            st.markdown(f"**{year}年 · 相关条目**（{len(related)} 项，用词相近，非同一任务）")
            for n, item in enumerate(related):
                show_side_item(item, f"cmp_related_{year}_{n}")
