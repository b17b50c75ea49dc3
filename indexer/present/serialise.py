"""One record, one rendering: the CLI's JSON, the app's tables and the Excel/CSV exports all come from here."""

from __future__ import annotations

from ..messages.labels import (
    area_of,
    join,
    kind_label,
    path_text,
    role_label,
    short_label,
    source_label,
    source_text,
    summary_text,
)
from ..records import Item

CITATION_COLUMNS = ["序号", "编号", "出处", "年份", "文件类型", "标题路径", "条目内容", "牵头单位", "责任单位", "来源"]


# --------------------------------------------------------------------------- JSON


def item_json(item: Item) -> dict:
    """The record as the CLI prints it: every field, sources without their raw line."""
    data = item.to_json()
    data["sources"] = [source_json(s) for s in item.sources]
    return data


def source_json(source) -> dict:
    """File and line always; page and OCR confidence only when the format has them."""
    data = {"file": source.file, "line": source.line}
    if source.page is not None:
        data["page"] = source.page
    if source.confidence is not None:
        data["confidence"] = round(source.confidence, 4)
    return data


def hit_json(hit) -> dict:
    i = hit.item
    return {
        "id": i.id,
        "year": i.year,
        "kind": i.kind,
        "title": i.title,
        "citation": i.citation,
        "path": list(i.path),
        "number": i.number,
        "text": i.text,
        "lead_units": list(i.lead_units),
        "responsible_units": list(i.responsible_units),
        "sources": [source_json(s) for s in i.sources],
        "notes": list(i.notes),
        "score": round(float(hit.score), 6),
        "ranks": dict(hit.ranks),
        "signals": {k: round(float(v), 4) for k, v in hit.signals.items()},
    }


def unit_entry_json(entry) -> dict:
    return {
        "unit": entry.unit,
        "role": entry.role,
        "count": entry.count,
        "items": {str(y): ids for y, ids in sorted(entry.items.items())},
        "link": entry.link,
    }


def comparison_json(c) -> dict | None:
    if c is None:
        return None
    return {
        "years": list(c.years),
        "items": {str(y): ids for y, ids in c.items.items()},
        "added": list(c.added),
        "dropped": list(c.dropped),
        "renamed": [{"from": r.old, "to": r.new, "relation": r.relation} for r in c.renamed],
        "kept": list(c.kept),
        "absent_years": list(c.absent),
    }


def answer_json(a) -> dict:
    return {
        "question": a.question,
        "intent": a.intent,
        "years": a.years,
        "units": a.units,
        "topic": a.topic,
        "summary": a.summary,
        "lead_units": a.lead_units,
        "responsible_units": a.responsible_units,
        "unit_details": [unit_entry_json(e) for e in a.unit_entries],
        "comparison": comparison_json(a.comparison),
        "notes": a.notes,
        "citations": [hit_json(h) for h in a.citations],
        "elapsed_ms": round(a.elapsed_ms, 1),
        "found": a.found,
        "related": [hit_json(h) for h in a.related],
        "searched": a.searched,
        "grounding": {
            "matched": list(a.grounding.matched),
            "missing": list(a.grounding.missing),
            "unstated": [str(d) for d in a.grounding.unstated],
            "verified": a.grounding.verified,
        },
    }


# --------------------------------------------------------------------------- table rows


def citation_row(n: int, item: Item) -> dict:
    return {
        "序号": n,
        "编号": item.id,
        "出处": item.citation,
        "年份": item.year,
        "文件类型": kind_label(item.kind),
        "标题路径": path_text(item),
        "条目内容": item.text,
        "牵头单位": join(item.lead_units),
        "责任单位": join(item.responsible_units),
        "来源": source_text(item),
    }


# --------------------------------------------------------------------------- app tables

UNIT_ROW_COLUMNS = ["年份", "顺序", "条目", "单位", "角色", "摘要", "出处"]
UNIT_ROW_EXPORT = [
    "年份",
    "顺序",
    "条目",
    "单位",
    "角色",
    "摘要",
    "出处",
    "条目内容",
    "牵头单位",
    "责任单位",
    "原文位置",
    "编号",
    "链接",
]


def item_address(item_id: str, question: str = "") -> str:
    """The item's own address in the app (relative, so it works behind any host name)."""
    from urllib.parse import urlencode

    params = {"item": item_id}
    if question:
        params["q"] = question
    return "?" + urlencode(params)


def unit_row(unit: str, role, item: Item, order: int) -> dict:
    """One (unit, item) row of the app's unit tables: the short label (`2025·二(三)56`), the item's
    place in its document (`顺序`, so a sort by it is the document's order); export adds the rest."""
    return {
        "年份": item.year,
        "顺序": order,
        "条目": short_label(item),
        "单位": unit,
        "角色": role_label(role),
        "摘要": summary_text(item.text),
        "出处": item.title + (f" › {area_of(item)}" if item.path else ""),
        "条目内容": item.text,
        "牵头单位": join(item.lead_units),
        "责任单位": join(item.responsible_units),
        "原文位置": source_label(item),
        "编号": item.id,
        "链接": item_address(item.id),
    }


def unit_task_json(task) -> dict:
    """One item a unit is named in (the API's /units/{name}/items): the role, the name the item
    uses (a predecessor's or successor's, with how it is linked) and the item as `items --json`."""
    return {"role": task.role, "named_as": task.named_as, "relation": task.relation, "item": item_json(task.item)}
