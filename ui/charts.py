"""Charts with readable Chinese labels (Altair; labels never rotated or cut)."""

from __future__ import annotations

import streamlit as st


def bar_chart(frame, title_axis: str, horizontal: bool = False, height: int = 300) -> None:
    """Stacked 牵头/参与 bars with readable Chinese labels (Altair, labels never rotated or cut)."""
    import altair as alt

    long = frame.reset_index(names="类别").melt(id_vars="类别", var_name="角色", value_name="条目数")
    order = list(frame.index)
    color = alt.Color(
        "角色:N",
        scale=alt.Scale(domain=list(frame.columns), range=["#1f5fa8", "#9cb9d9"]),
        legend=alt.Legend(orient="bottom", title=None),
    )
    category = alt.Axis(labelAngle=0, labelLimit=340, labelOverlap=False, title=None)
    count = alt.Axis(title="条目数", tickMinStep=1, format="d")
    if horizontal:
        encoding = {"y": alt.Y("类别:N", sort=order, axis=category), "x": alt.X("sum(条目数):Q", axis=count)}
    else:
        encoding = {"x": alt.X("类别:N", sort=order, axis=category), "y": alt.Y("sum(条目数):Q", axis=count)}
    chart = alt.Chart(long).mark_bar().encode(color=color, tooltip=["类别", "角色", "条目数"], **encoding)
    st.altair_chart(chart.properties(height=height), width="stretch")
