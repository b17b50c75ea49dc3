"""计划对比: each item of the later plan beside its nearest items of the earlier one.

延续 with value and lead-unit changes (renames labelled), 新增, and the earlier items 不再列出.
The choice lives in the address (?from=2023&to=2025&unit=市科技创新局&show=延续), so it can be shared.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indexer.answer.plan_diff import body, diff_plans
from indexer.answer.targets import load_targets
from indexer.records import DocKind
from indexer.store.targets import read_plan_vectors
from ui import common, loading

KINDS = ["全部", "延续", "新增", "不再列出"]
ALL = "全部"

engine = loading.get_engine()
years = sorted({d.year for d in engine.documents if d.kind is DocKind.PLAN})
st.markdown("##### 计划对比")
st.caption(
    "后一年计划的每一条与前一年最接近的条目对照：共享量化指标，或文字相似度达到在标注开发集上选定的阈值，"
    "才算延续；没有对应的是新增；前一年有而后一年没有对应的列为不再列出。单位改名、合并按单位更名表标注。"
)
if len(years) < 2:
    st.warning("语料中的责任分解方案不足两个年度，无法对比。")
    st.stop()

params = st.query_params
pick = lambda key, default: int(params[key]) if params.get(key, "").isdigit() and int(params[key]) in years else default  # noqa: E731
row = st.columns([1, 1, 2, 1], vertical_alignment="bottom")
earlier = row[0].selectbox("前一年", years, index=years.index(pick("from", years[-2])), format_func=common.year_label)
later = row[1].selectbox("后一年", years, index=years.index(pick("to", years[-1])), format_func=common.year_label)
units = [ALL] + sorted(
    {u for i in engine.items if i.year in (earlier, later) and i.kind is DocKind.PLAN for u in i.units}
)
unit = row[2].selectbox("单位", units, index=units.index(params["unit"]) if params.get("unit") in units else 0)
show = row[3].selectbox("显示", KINDS, index=KINDS.index(params["show"]) if params.get("show") in KINDS else 0)
want = {
    "from": str(earlier),
    "to": str(later),
    **({"unit": unit} if unit != ALL else {}),
    **({"show": show} if show != ALL else {}),
}
if {k: v for k, v in params.to_dict().items() if k in ("from", "to", "unit", "show")} != want:
    for key in ("from", "to", "unit", "show"):
        params.pop(key, None)
    params.update(want)
if earlier >= later:
    st.warning("请选择两个不同的年度，前一年在前。")
    st.stop()

targets, _ = load_targets(engine)
meaning = read_plan_vectors(engine.settings.index_folder)
diff = diff_plans(
    engine.items, targets, engine.links, earlier, later, unit=None if unit == ALL else unit, meaning=meaning
)
continued = [m for m in diff.matches if m.earlier]
added = [m for m in diff.matches if not m.earlier]
common.figures(
    [
        (f"{later}年条目", len(diff.matches)),
        ("延续", len(continued)),
        ("新增", len(added)),
        ("不再列出", len(diff.dropped)),
    ],
    {"延续": "green", "新增": "blue", "不再列出": "gray"},
)

rows = [
    {
        "状态": m.status,
        "后一年条目": m.later.id,
        "后一年内容": body(m.later),
        "前一年条目": "、".join(e.id for e in m.earlier),
        "前一年内容": "\n".join(body(e) for e in m.earlier),
        "数值变化": "；".join(f"{v.indicator}：{v.before} → {v.after}" for v in m.values),
        "牵头单位变化": "；".join(
            f"{u.before} → {u.after}" + (f"（{u.relation}）" if u.relation else "") for u in m.units
        ),
    }
    for m in diff.matches
] + [
    {
        "状态": "不再列出",
        "后一年条目": "",
        "后一年内容": "",
        "前一年条目": i.id,
        "前一年内容": body(i),
        "数值变化": "",
        "牵头单位变化": "",
    }
    for i in diff.dropped
]
frame = pd.DataFrame(rows)
if show != ALL:
    frame = frame[frame["状态"] == show]
common.download_buttons("plan_diff", f"计划对比_{earlier}_{later}", {"计划对比": frame}, {})

for n, r in enumerate(frame.to_dict("records"), start=1):
    head = r["后一年内容"] or r["前一年内容"]
    short = head if len(head) <= 48 else head[:48] + "…"
    with st.expander(common.md(f"{n}. 【{r['状态']}】{short}")):
        if r["后一年条目"]:
            st.caption(common.md(f"{later}年（{r['后一年条目']}）"))
            st.text(r["后一年内容"])
        if r["前一年条目"]:
            st.caption(common.md(f"{earlier}年（{r['前一年条目']}）"))
            st.text(r["前一年内容"])
        for key in ("数值变化", "牵头单位变化"):
            if r[key]:
                st.markdown(f"**{key}**：" + common.md(r[key]))
