"""Readable Chinese output for the terminal: the answer first, then numbered citations."""

from __future__ import annotations

from ..messages.labels import RELATION, join, kind_label, role_label, source_place
from ..records import Item


def format_item(item: Item) -> str:
    lines = [
        f"[{item.id}] {item.citation}",
        f"  {' / '.join(item.path)}" if item.path else None,
        f"  {item.text}",
        f"  牵头单位: {join(item.lead_units)}" if item.lead_units else None,
        f"  责任单位: {join(item.responsible_units)}" if item.responsible_units else None,
        "  来源: " + "; ".join(source_place(s) for s in item.sources),
    ]
    lines += [f"  注: {note}" for note in item.notes]
    return "\n".join(line for line in lines if line)


def format_hits(query: str, hits) -> str:
    lines = [f"检索: {query}  ({len(hits)} 条)"]
    for n, hit in enumerate(hits, start=1):
        lines += _citation(n, hit)
    return "\n".join(lines) + "\n"


def format_answer(answer) -> str:
    lines = [f"问: {answer.question}", f"答: {answer.summary}"]
    if answer.unit_entries:
        lines.append("单位:")
        for entry in answer.unit_entries:
            years = "; ".join(f"{y}年 {len(ids)} 项" for y, ids in sorted(entry.items.items()))
            link = f"  [{entry.link}]" if entry.link else ""
            lines.append(f"  {role_label(entry.role)} {entry.unit}: {years}{link}")
    if answer.comparison:
        c = answer.comparison
        renamed = "、".join(f"{r.old}→{r.new}（{RELATION.get(r.relation, r.relation)}）" for r in c.renamed)
        lines.append(
            f"对比 {c.years[0]} → {c.years[-1]}: 新增 {join(c.added) or '无'}; "
            f"不再出现 {join(c.dropped) or '无'}; 改名 {renamed or '无'}"
        )
    lines += [f"注: {note}" for note in answer.notes]
    if not answer.found:
        lines.append(f"检索范围: {searched_text(answer.searched)}")
        if answer.related:
            lines.append("相关条目（不作为答案，仅供参考）:")
            for n, hit in enumerate(answer.related, start=1):
                lines += _citation(n, hit)
        return "\n".join(lines) + "\n"
    lines.append(f"依据 ({len(answer.citations)} 条, {answer.elapsed_ms:.0f} ms):")
    for n, hit in enumerate(answer.citations, start=1):
        lines += _citation(n, hit)
    return "\n".join(lines) + "\n"


def searched_text(searched: dict) -> str:
    """`主题“南极科考站建设”；年份 全部；文件 全部`"""
    years = "、".join(f"{y}年" for y in searched.get("years") or ()) or "全部"
    kinds = "、".join(kind_label(k) for k in searched.get("kinds") or ()) or "全部"
    parts = [f"主题“{searched.get('topic') or '（无）'}”"]
    if searched.get("units"):
        parts.append("单位 " + join(searched["units"]))
    return "；".join(parts + [f"年份 {years}", f"文件 {kinds}"])


def _citation(n: int, hit) -> list[str]:
    item = hit.item
    lines = [f"[{n}] {item.citation}  ({item.id})", f"    {item.text}"]
    if item.lead_units:
        lines.append(f"    牵头: {join(item.lead_units)}  责任: {join(item.responsible_units) or '—'}")
    lines.append("    来源: " + "; ".join(source_place(s) for s in item.sources))
    return lines
