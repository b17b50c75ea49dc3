"""Tables the pages show and export, built from engine records; no Streamlit here.

Every table is a pandas DataFrame with Chinese column names, so what a page shows
and what a download holds are the same rows in the same order.
"""
from __future__ import annotations

import re
from collections import Counter, OrderedDict

import pandas as pd

from indexer.records import KIND_LABELS, Item
from indexer.units import related_units

RELATION = {"renamed": "改名", "merged": "合并"}
ROLE_LABELS = {"lead": "牵头", "responsible": "参与"}
NO_PART = "（文首，未分章节）"

# The citation columns every export shares, in order.
CITATION_COLUMNS = ["序号", "编号", "出处", "年份", "文件类型", "标题路径", "条目内容", "牵头单位", "责任单位", "来源"]


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def join(values) -> str:
    return "、".join(values)


def source_text(item: Item) -> str:
    """`2025-plan-responsibility.txt 第83行`; merged duplicates list every source."""
    return "；".join(f"{s.file} 第{s.line}行" for s in item.sources)


def path_text(item: Item) -> str:
    return " › ".join(item.path)


def short_heading(heading: str, limit: int = 24) -> str:
    """`(三)在发展新质生产力上争先善为,著力构建…` → `(三)在发展新质生产力上争先善为` for chart labels."""
    head = re.split(r"[,，;；。]", heading, maxsplit=1)[0]
    return head if len(head) <= limit else head[:limit] + "…"


def area_of(item: Item) -> str:
    """The area an item belongs to: its second heading, else its first, else none."""
    if len(item.path) > 1:
        return item.path[1]
    return item.path[0] if item.path else NO_PART


def citation_rows(items: list[Item]) -> pd.DataFrame:
    rows = [{"序号": n, "编号": i.id, "出处": i.citation, "年份": i.year, "文件类型": kind_label(i.kind),
             "标题路径": path_text(i), "条目内容": i.text, "牵头单位": join(i.lead_units),
             "责任单位": join(i.responsible_units), "来源": source_text(i)}
            for n, i in enumerate(items, start=1)]
    return pd.DataFrame(rows, columns=CITATION_COLUMNS)


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


def answer_units_table(answer) -> pd.DataFrame:
    """Both roles in one table (for export)."""
    frames = []
    for role in ("lead", "responsible"):
        frame = unit_table(answer, role)
        frame.insert(0, "角色", ROLE_LABELS[role] if role == "lead" else "责任")
        frames.append(frame)
    frame = pd.concat(frames, ignore_index=True)
    return frame.fillna(0) if len(frame) else frame


def answer_meta(answer, filters: dict[str, str], exported_at: str) -> pd.DataFrame:
    rows = [("问题", answer.question), ("答案", answer.summary),
            ("牵头单位", join(answer.lead_units) or "无"), ("责任单位", join(answer.responsible_units) or "无")]
    rows += [(k, v) for k, v in filters.items()]
    rows += [("说明", n) for n in answer.notes]
    rows += [("用时", f"{answer.elapsed_ms:.0f} 毫秒"), ("导出时间", exported_at)]
    return pd.DataFrame(rows, columns=["项目", "内容"])


# --------------------------------------------------------------------------- comparison

def comparison_items(engine, answer) -> dict[int, list[Item]]:
    comparison = answer.comparison or {}
    return {int(y): [engine.item(i) for i in ids] for y, ids in comparison.get("items", {}).items()}


def comparison_unit_changes(answer) -> pd.DataFrame:
    c = answer.comparison or {}
    years = c.get("years", [])
    first, last = (years[0], years[-1]) if years else ("", "")
    rows = [{"变化": "新增", "单位": u, "说明": f"{last}年出现，{first}年未出现"} for u in c.get("added", [])]
    rows += [{"变化": "不再出现", "单位": u, "说明": f"{first}年出现，{last}年未出现"} for u in c.get("dropped", [])]
    rows += [{"变化": "改名或合并", "单位": f"{r['from']} → {r['to']}",
              "说明": f"{RELATION.get(r['relation'], r['relation'])}：{first}年为{r['from']}，{last}年为{r['to']}"}
             for r in c.get("renamed", [])]
    rows += [{"变化": "保留", "单位": u, "说明": "两年均出现"} for u in c.get("kept", [])]
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

MARKS = {"renamed:successor": "现名", "renamed:predecessor": "原名",
         "merged:successor": "合并后单位", "merged:predecessor": "合并前单位"}
LABELS = {"renamed:successor": "现名{}", "renamed:predecessor": "原名{}",
          "merged:successor": "已并入{}", "merged:predecessor": "含原{}"}


def unit_label(name: str) -> str:
    """Selectbox label: old names point to the current one and the other way round."""
    links = related_units(name)
    if not links:
        return name
    parts = [LABELS.get(relation, relation + " {}").format(other) for other, relation in links.items()]
    return f"{name}（{'，'.join(parts)}）"


def unit_names(engine, name: str) -> "OrderedDict[str, str]":
    """The unit and its predecessors/successors, each with the mark shown beside it."""
    names = OrderedDict([(name, "")])
    for other, relation in related_units(name).items():
        names[other] = MARKS.get(relation, relation)
    return names


def unit_items(engine, name: str) -> pd.DataFrame:
    """Every item naming the unit (or a renamed predecessor/successor) as lead or responsible."""
    names = unit_names(engine, name)
    rows = []
    for item in engine.items:
        for used, mark in names.items():
            if used not in item.units:
                continue
            role = "牵头" if used in item.lead_units else "参与"
            rows.append({"年份": item.year, "角色": role, "单位名称": used + (f"（{mark}）" if mark else ""),
                         "出处": item.citation, "领域": area_of(item), "条目内容": item.text,
                         "牵头单位": join(item.lead_units), "责任单位": join(item.responsible_units),
                         "文件类型": kind_label(item.kind), "编号": item.id, "来源": source_text(item)})
            break
    columns = ["年份", "角色", "单位名称", "出处", "领域", "条目内容", "牵头单位", "责任单位", "文件类型", "编号", "来源"]
    frame = pd.DataFrame(rows, columns=columns)
    if len(frame):
        frame = frame.sort_values(["年份", "角色"], ascending=[True, False], kind="stable").reset_index(drop=True)
    return frame


def unit_counts_by_year(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=["牵头", "参与"])
    table = pd.crosstab(frame["年份"].astype(str) + "年", frame["角色"])
    return table.reindex(columns=["牵头", "参与"], fill_value=0)


def unit_counts_by_area(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=["牵头", "参与"])
    labels = frame["年份"].astype(str) + "年 " + frame["领域"].map(short_heading)
    table = pd.crosstab(labels, frame["角色"]).reindex(columns=["牵头", "参与"], fill_value=0)
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


# --------------------------------------------------------------------------- documents

def document_items(engine, doc_id: str) -> list[Item]:
    return [i for i in engine.items if i.doc_id == doc_id]


def document_outline(items: list[Item]) -> pd.DataFrame:
    """Parts, areas and themes in document order, each with its item count."""
    counts: Counter = Counter()
    order: list[tuple[str, str, str]] = []
    for item in items:
        key = (item.path[0] if item.path else NO_PART,
               item.path[1] if len(item.path) > 1 else "",
               item.path[2] if len(item.path) > 2 else "")
        if key not in counts:
            order.append(key)
        counts[key] += 1
    rows = [{"部分": p, "领域": a, "主题": t, "条目数": counts[(p, a, t)]} for p, a, t in order]
    return pd.DataFrame(rows, columns=["部分", "领域", "主题", "条目数"])


def document_parts(items: list[Item]) -> "OrderedDict[str, OrderedDict[str, list[Item]]]":
    """part → area → items, in document order."""
    parts: OrderedDict = OrderedDict()
    for item in items:
        part = item.path[0] if item.path else NO_PART
        area = item.path[1] if len(item.path) > 1 else ""
        parts.setdefault(part, OrderedDict()).setdefault(area, []).append(item)
    return parts


def section_rows(items: list[Item]) -> pd.DataFrame:
    rows = [{"出处": i.citation, "主题": i.path[2] if len(i.path) > 2 else "", "条目内容": i.text,
             "牵头单位": join(i.lead_units), "责任单位": join(i.responsible_units), "编号": i.id}
            for i in items]
    return pd.DataFrame(rows, columns=["出处", "主题", "条目内容", "牵头单位", "责任单位", "编号"])


def document_label(document) -> str:
    return f"{document.year}年 {kind_label(document.kind)}"
