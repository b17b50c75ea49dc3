"""Tables the pages show and export, built from engine records; no Streamlit here.

Every table is a pandas DataFrame with Chinese column names, so what a page shows
and what a download holds are the same rows in the same order.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter, OrderedDict

import pandas as pd

from indexer.answer import AnswerRequest
from indexer.answer import answer as ask  # every page asks with the filters in one AnswerRequest
from indexer.messages.labels import (
    LINK_MARKS,
    NO_PART,
    RELATION,
    area_of,
    join,
    kind_label,
    path_text,
    source_text,
    unit_label,
)
from indexer.present.serialise import (
    CITATION_COLUMNS,
    UNIT_ROW_EXPORT,
    citation_row,
    unit_row,
)
from indexer.records import Item, Role

__all__ = [
    "AnswerRequest",
    "ask",
    "LINK_MARKS",
    "NO_PART",
    "RELATION",
    "area_of",
    "join",
    "kind_label",
    "path_text",
    "source_text",
    "unit_label",
]


def short_heading(heading: str, limit: int = 24) -> str:
    """`(三)在发展新质生产力上争先善为,著力构建…` → `(三)在发展新质生产力上争先善为` for chart labels."""
    head = re.split(r"[,，;；。]", heading, maxsplit=1)[0]
    return head if len(head) <= limit else head[:limit] + "…"


def citation_rows(items: list[Item]) -> pd.DataFrame:
    return pd.DataFrame([citation_row(n, i) for n, i in enumerate(items, start=1)], columns=CITATION_COLUMNS)


# --------------------------------------------------------------------------- answers


def unit_table(answer, role: str) -> pd.DataFrame:
    """Units of one role with their item counts per year (the answer's unit_entries)."""
    years = sorted({y for e in answer.unit_entries for y in e.items})
    rows = []
    for entry in (e for e in answer.unit_entries if e.role == role):
        row = {"单位": entry.unit, "条目数": entry.count}
        for year in years:
            row[f"{year}年"] = len(entry.items.get(year, []))
        row["条目编号"] = "；".join(i for y in sorted(entry.items) for i in entry.items[y])
        row["说明"] = entry.link or ""
        rows.append(row)
    columns = ["单位", "条目数"] + [f"{y}年" for y in years] + ["条目编号", "说明"]
    return pd.DataFrame(rows, columns=columns)


def unit_rows(engine, answer, base_url: str = "") -> pd.DataFrame:
    """One row per (unit, item) behind the answer's unit lists, the role 牵头 where the unit leads
    the item (else 责任). Columns: UNIT_ROW_EXPORT (the page shows UNIT_ROW_COLUMNS)."""
    pairs = [
        (entry.unit, role, item_id)
        for role in (Role.LEAD, Role.RESPONSIBLE)  # lead first: a unit named in both roles keeps 牵头
        for entry in answer.unit_entries
        if entry.role == role
        for item_id in entry.item_ids
    ]
    return unit_frame(engine, pairs, base_url)


def unit_task_rows(engine, tasks, base_url: str = "") -> pd.DataFrame:
    """The 单位 page's rows: one per item the unit is named in (engine.unit_items), under the name the
    item uses, an old or new name marked (市政务服务大数据局（原名）). Same columns as unit_rows."""
    pairs = [
        (t.named_as + (f"（{LINK_MARKS.get(t.relation, t.relation)}）" if t.relation else ""), t.role, t.item.id)
        for t in tasks
    ]
    return unit_frame(engine, pairs, base_url)


def unit_frame(engine, pairs, base_url: str = "") -> pd.DataFrame:
    """(unit, role, item id) pairs as unit table rows, the first role of a pair kept; sorted by year,
    then the item's place in its document, 牵头 first. base_url makes the export's links absolute."""
    rows: dict[tuple[str, str], dict] = {}
    for unit, role, item_id in pairs:
        if (unit, item_id) not in rows:
            row = unit_row(unit, role, engine.item(item_id), document_order(engine, item_id))
            row["链接"] = base_url + row["链接"]
            row["_at"] = engine.by_id[item_id]
            rows[(unit, item_id)] = row
    frame = pd.DataFrame(list(rows.values()), columns=UNIT_ROW_EXPORT + ["_at"])
    frame = frame.sort_values(["年份", "_at", "角色"], key=_role_first, kind="stable")
    return frame.drop(columns=["_at"]).reset_index(drop=True)


def _role_first(column: pd.Series) -> pd.Series:
    return column.map({"牵头": 0, "责任": 1}) if column.name == "角色" else column


def document_order(engine, item_id: str) -> int:
    """The item's place in its document, from 1 (the corpus keeps each document's items in order)."""
    if engine not in _POSITIONS:
        counters: Counter = Counter()
        positions = {}
        for item in engine.items:
            counters[item.doc_id] += 1
            positions[item.id] = counters[item.doc_id]
        _POSITIONS[engine] = positions
    return _POSITIONS[engine][item_id]


_POSITIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine → item id → place


def answer_units_table(answer) -> pd.DataFrame:
    """Both roles in one table (for export)."""
    frames = []
    for role in Role:
        frame = unit_table(answer, role)
        frame.insert(0, "角色", role.label)
        frames.append(frame)
    frame = pd.concat(frames, ignore_index=True)
    return frame.fillna(0) if len(frame) else frame


def answer_meta(answer, filters: dict[str, str], exported_at: str) -> pd.DataFrame:
    rows = [
        ("问题", answer.question),
        ("答案", answer.summary),
        ("牵头单位", join(answer.lead_units) or "无"),
        ("责任单位", join(answer.responsible_units) or "无"),
    ]
    rows += list(filters.items())
    rows += [("说明", n) for n in answer.notes]
    rows += [("导出时间", exported_at)]
    return pd.DataFrame(rows, columns=["项目", "内容"])


# --------------------------------------------------------------------------- comparison


def comparison_items(engine, answer) -> dict[int, list[Item]]:
    comparison = answer.comparison
    return {int(y): [engine.item(i) for i in ids] for y, ids in comparison.items.items()} if comparison else {}


def comparison_unit_changes(answer) -> pd.DataFrame:
    c = answer.comparison
    rows = []
    if c is not None:
        first, last = c.years[0], c.years[-1]
        rows += [{"变化": "新增", "单位": u, "说明": f"{last}年出现，{first}年未出现"} for u in c.added]
        rows += [{"变化": "不再出现", "单位": u, "说明": f"{first}年出现，{last}年未出现"} for u in c.dropped]
        rows += [
            {
                "变化": "改名或合并",
                "单位": f"{r.old} → {r.new}",
                "说明": f"{RELATION.get(r.relation, r.relation)}：{first}年为{r.old}，{last}年为{r.new}",
            }
            for r in c.renamed
        ]
        rows += [{"变化": "保留", "单位": u, "说明": "两年均出现"} for u in c.kept]
    return pd.DataFrame(rows, columns=["变化", "单位", "说明"])


def comparison_rows(engine, answer) -> pd.DataFrame:
    """Items of both years in one table, the year first."""
    frames = []
    for year, items in comparison_items(engine, answer).items():
        frame = citation_rows(items)
        frame.insert(0, "对比年份", year)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else citation_rows([]).assign(对比年份=[])


# --------------------------------------------------------------------------- units


def unit_counts_by_year(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=["牵头", "责任"])
    table = pd.crosstab(frame["年份"].astype(str) + "年", frame["角色"])
    return table.reindex(columns=["牵头", "责任"], fill_value=0)


def unit_counts_by_area(engine, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of a unit table counted by year and area (the item's second heading), most first."""
    if frame.empty:
        return pd.DataFrame(columns=["牵头", "责任"])
    areas = frame["编号"].map(lambda item_id: short_heading(area_of(engine.item(item_id))))
    labels = frame["年份"].astype(str) + "年 " + areas
    table = pd.crosstab(labels, frame["角色"]).reindex(columns=["牵头", "责任"], fill_value=0)
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


# --------------------------------------------------------------------------- documents


def document_items(engine, doc_id: str) -> list[Item]:
    return [i for i in engine.items if i.doc_id == doc_id]


def document_outline(items: list[Item]) -> pd.DataFrame:
    """Parts, areas and themes in document order, each with its item count."""
    counts: Counter = Counter()
    order: list[tuple[str, str, str]] = []
    for item in items:
        key = (
            item.path[0] if item.path else NO_PART,
            item.path[1] if len(item.path) > 1 else "",
            item.path[2] if len(item.path) > 2 else "",
        )
        if key not in counts:
            order.append(key)
        counts[key] += 1
    rows = [{"部分": p, "领域": a, "主题": t, "条目数": counts[(p, a, t)]} for p, a, t in order]
    return pd.DataFrame(rows, columns=["部分", "领域", "主题", "条目数"])


def document_parts(items: list[Item]) -> OrderedDict[str, OrderedDict[str, list[Item]]]:
    """part → area → items, in document order."""
    parts: OrderedDict = OrderedDict()
    for item in items:
        part = item.path[0] if item.path else NO_PART
        area = item.path[1] if len(item.path) > 1 else ""
        parts.setdefault(part, OrderedDict()).setdefault(area, []).append(item)
    return parts


def section_rows(items: list[Item]) -> pd.DataFrame:
    rows = [
        {
            "出处": i.citation,
            "主题": i.path[2] if len(i.path) > 2 else "",
            "条目内容": i.text,
            "牵头单位": join(i.lead_units),
            "责任单位": join(i.responsible_units),
            "编号": i.id,
        }
        for i in items
    ]
    return pd.DataFrame(rows, columns=["出处", "主题", "条目内容", "牵头单位", "责任单位", "编号"])


def document_label(document) -> str:
    return f"{document.year}年 {kind_label(document.kind)}"
