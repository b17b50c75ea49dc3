"""单位: every item a unit leads or takes part in, renamed predecessors/successors included, in the
问答 page's unit table (ui/unit_table.py: short labels, 顺序, one row per unit and item, opened in place,
cards on a phone).

The address carries the unit and the filters (`units?unit=市数据局&year=2025&kind=plan`), so a view can
be shared; the year and kind filters apply to the figures, the charts, the table and the export alike.
`?item=<id>` shows one item in place, with a way back to the table.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from indexer.foundation.text import normalise_query
from indexer.messages import say
from ui import ask_state, browser, charts, common, data, export, item_view, loading, unit_table
from ui.common import md

DEFAULT_UNIT = "市数据局"
URL_KEYS = ("unit", "year", "kind")

engine = loading.get_engine()
names = engine.catalog.names


def unit_from_url(name: str) -> str | None:
    """The catalog's name for a unit in the address: exact, else one the name resolves to alone (数据局)."""
    if name in names:
        return name
    found, _ = engine.catalog.find(normalise_query(name))
    return found[0] if len(found) == 1 else None


def apply_url() -> None:
    """A shared address sets the unit and filters once; after that the page writes the address."""
    current = tuple(st.query_params.get(k, "") for k in URL_KEYS)
    if current == st.session_state.get("_units_url_applied"):
        return
    st.session_state._units_url_applied = current
    unit, year, kind = current
    st.session_state.u_year, st.session_state.u_kind = ask_state.filters_from_url(engine, year, kind)
    found = unit_from_url(unit) if unit else None
    if found:
        st.session_state.unit_pick = found
    elif unit:  # said beside a year or kind warning, not instead of it
        said = [st.session_state.get("url_warning"), say("units_page.bad_unit", unit=unit)]
        st.session_state.url_warning = "".join(w for w in said if w)


def write_url(unit: str, year, kind) -> None:
    want = ask_state.filter_params(year, kind, unit)
    if {k: v for k, v in st.query_params.to_dict().items() if k in URL_KEYS} != want:
        for key in URL_KEYS:
            st.query_params.pop(key, None)
        st.query_params.update(want)
    st.session_state._units_url_applied = tuple(st.query_params.get(k, "") for k in URL_KEYS)


def show_filters() -> tuple[str, int | None, object]:
    row = st.columns([2, 1, 1], vertical_alignment="bottom")
    unit = row[0].selectbox(
        "单位", names, key="unit_pick", format_func=lambda n: common.unit_label(engine, n), persist_state="session"
    )
    year = common.year_select(row[1], engine, "u_year")
    kind = common.kind_select(row[2], engine, "u_kind")
    return unit, year, kind


def show_figures(frame: pd.DataFrame) -> None:
    common.figures(
        [
            ("牵头", f"{(frame['角色'] == '牵头').sum()} 项"),
            ("责任单位", f"{(frame['角色'] == '责任').sum()} 项"),
            ("涉及年度", "、".join(f"{y}年" for y in sorted(frame["年份"].unique())) or "无"),
        ],
        colors={"责任单位": "violet", "涉及年度": "gray"},
    )


def show_charts(by_year: pd.DataFrame, by_area: pd.DataFrame) -> None:
    chart_year, chart_area = st.columns([1, 3], gap="medium")
    with chart_year:
        st.markdown("**按年度**")
        charts.bar_chart(by_year, "年度")
    with chart_area:
        top = by_area.head(15)
        st.markdown(f"**按领域**（前 {len(top)} 个）" if len(by_area) > len(top) else "**按领域**")
        charts.bar_chart(top, "领域", horizontal=True, height=max(160, 34 * len(top) + 50))


def filter_sheet(unit: str, year, kind, linked: dict) -> pd.DataFrame:
    """What the export holds: the unit, the names it includes and the filters, as the page had them."""
    rows = [
        ("单位", unit),
        ("包含名称", "、".join(linked)),
        ("年份", common.year_label(year)),
        ("文件类型", common.kind_label(kind)),
        ("导出时间", datetime.now().strftime("%Y-%m-%d %H:%M")),
    ]
    return pd.DataFrame(rows, columns=["项目", "内容"])


# --------------------------------------------------------------------------- page

if st.session_state.get("unit_pick") not in names:
    st.session_state.unit_pick = DEFAULT_UNIT if DEFAULT_UNIT in names else names[0]
apply_url()

item_id = st.query_params.get("item")
if item_id:
    item_view.show(engine, item_id, back=say("units_page.back"))
    st.stop()

st.markdown(f"##### {say('units_page.title')}")
st.caption(say("units_page.hint"))
unit, year, kind = show_filters()
write_url(unit, year, kind)
warning = st.session_state.pop("url_warning", None)
if warning:
    st.info(md(warning))

linked = engine.unit_names(unit)
if len(linked) > 1:
    marks = "；".join(f"{n}（{data.LINK_MARKS.get(m, m)}）" for n, m in linked.items() if m)
    st.info(md(say("units_page.linked", names=marks)))

tasks = engine.unit_items(unit, years=(year,) if year else None, kinds=(kind,) if kind else None)
frame = data.unit_task_rows(engine, tasks, browser.base_url())
show_figures(frame)
if frame.empty:
    scope = "".join(x for x in (common.year_label(year) if year else "", common.kind_label(kind) if kind else ""))
    st.warning(md(say("units_page.none", scope=scope, unit=unit)))
    st.stop()

unit_table.show_table(frame, say("units_page.table", unit=unit, count=len(frame)))  # the rows first
by_year = data.unit_counts_by_year(frame)
by_area = data.unit_counts_by_area(engine, frame)
stem = export.file_stem("单位任务", unit + (str(year) if year else "") + (str(kind) if kind else ""))
common.download_buttons(
    "unit",
    stem,
    {
        "条目": frame,
        "筛选": filter_sheet(unit, year, kind, linked),
        "按年度": by_year.reset_index(names="年度"),
        "按领域": by_area.reset_index(names="领域"),
    },
    {"条目": frame},
)
st.markdown("##### 统计")
show_charts(by_year, by_area)
