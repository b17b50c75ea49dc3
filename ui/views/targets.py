"""目标完成情况: each plan target beside the next report's result, with the verdict and the rule.

Filters live in the address (?year=2023&unit=市人社局&status=not_met), so a filtered view can be shared.
Every row opens both items; the table downloads as Excel.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from indexer.answer.target_links import RULE
from indexer.answer.targets import load_links
from indexer.messages import say
from indexer.present.targets import link_row
from indexer.records import LinkStatus
from ui import common, loading

STATUS_COLORS = {
    LinkStatus.MET: "#2e7d32",
    LinkStatus.NOT_MET: "#c62828",
    LinkStatus.NO_REPORT: "#9e9e9e",
    LinkStatus.NOT_COMPARABLE: "#f9a825",
}
ALL = "全部"
TOP_BARS = 15

engine = loading.get_engine()
links = load_links(engine)
years = sorted({k.target.year for k in links})
st.markdown("##### 目标完成情况")
st.caption(say("targets.rule", rule=RULE))
if not links:
    st.warning(say("targets.none_in_index"))
    st.stop()

params = st.query_params
reported = sorted({k.target.year for k in links if k.outcome is not None}) or years
year_default = (
    int(params["year"]) if params.get("year", "").isdigit() and int(params["year"]) in years else reported[-1]
)
row = st.columns([1, 2, 2], vertical_alignment="bottom")
year = row[0].selectbox("计划年份", years, index=years.index(year_default), format_func=common.year_label)
in_year = [k for k in links if k.target.year == year]
units = [ALL] + sorted({u for k in in_year for u in k.target.lead_units + k.target.responsible_units})
unit = row[1].selectbox(
    "单位（牵头或责任）", units, index=units.index(params["unit"]) if params.get("unit") in units else 0
)
statuses = [ALL] + [s.value for s in LinkStatus]
status = row[2].selectbox(
    "状态",
    statuses,
    index=statuses.index(params["status"]) if params.get("status") in statuses else 0,
    format_func=lambda s: s if s == ALL else LinkStatus(s).label,
)
want = {"year": str(year), **({"unit": unit} if unit != ALL else {}), **({"status": status} if status != ALL else {})}
if {k: v for k, v in params.to_dict().items() if k in ("year", "unit", "status")} != want:
    for key in ("year", "unit", "status"):
        params.pop(key, None)
    params.update(want)

shown = [
    k
    for k in in_year
    if (unit == ALL or unit in k.target.lead_units + k.target.responsible_units)
    and (status == ALL or k.status == status)
]
counts = {s: sum(k.status is s for k in shown) for s in LinkStatus}
common.figures(
    [("目标", f"{len(shown)} 项")] + [(s.label, f"{n} 项") for s, n in counts.items()],
    {
        LinkStatus.MET.label: "green",
        LinkStatus.NOT_MET.label: "red",
        LinkStatus.NO_REPORT.label: "gray",
        LinkStatus.NOT_COMPARABLE.label: "orange",
    },
)
if not shown:
    st.info("没有符合筛选条件的目标。")
    st.stop()


def short_area(area: str) -> str:
    """(一)著力扩大内需,持续增强稳增长内生动力 → 著力扩大内需: a label that fits beside a bar on a phone."""
    name = re.split(r"[,，]", re.sub(r"^([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)", "", area))[0]
    return name[:12] + ("…" if len(name) > 12 else "")


def status_chart(by: str, frame: pd.DataFrame) -> None:
    """Stacked bars of verdicts per area or lead unit; labels horizontal and uncut (Altair)."""
    import altair as alt

    order = [s.label for s in LinkStatus]
    color = alt.Color(
        "状态:N",
        scale=alt.Scale(domain=order, range=[STATUS_COLORS[s] for s in LinkStatus]),
        legend=alt.Legend(orient="bottom", title=None, columns=2),
    )
    top = frame[by].value_counts().index[:TOP_BARS]
    counts = frame[frame[by].isin(top)].groupby([by, "状态"]).size().reset_index(name="目标数")
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y(f"{by}:N", sort="-x", axis=alt.Axis(title=None, labelLimit=150, labelOverlap=False)),
            x=alt.X("sum(目标数):Q", axis=alt.Axis(title="目标数", tickMinStep=1, format="d")),
            color=color,
            order=alt.Order("状态:N"),
            tooltip=[by, "状态", "目标数"],
        )
    )
    st.altair_chart(chart.properties(height=max(160, 30 * counts[by].nunique())), width="stretch")
    if frame[by].nunique() > TOP_BARS:
        st.caption(f"只显示目标最多的 {TOP_BARS} 个类别；完整数据见下方表格和 Excel。")


frame = pd.DataFrame([link_row(k) for k in shown])
frame["领域简称"] = frame["领域"].map(short_area)
frame["牵头"] = frame["牵头单位"].map(lambda s: s.split("、")[0] if s else "（未列牵头）")
tabs = st.tabs(["按领域", "按牵头单位"])
with tabs[0]:
    status_chart("领域简称", frame)
with tabs[1]:
    status_chart("牵头", frame)

stem = f"目标完成情况_{year}" + (f"_{unit}" if unit != ALL else "")
common.download_buttons("targets", stem, {"目标完成情况": frame.drop(columns=["牵头", "领域简称"])}, {})
for n, link in enumerate(shown, start=1):
    t, o = link.target, link.outcome
    label = f"{n}. 【{link.status.label}】{t.text} → {o.text if o else say('targets.no_outcome')}"
    with st.expander(common.md(label)):
        left, right = st.columns(2)
        with left:
            st.caption(common.md(f"目标（{t.item_id}）"))
            common.show_item_body(engine.item(t.item_id))
        with right:
            st.caption(common.md(f"结果（{o.item_id}）" if o else say("targets.no_outcome")))
            if o is not None and o.item_id in engine.by_id:
                common.show_item_body(engine.item(o.item_id))
