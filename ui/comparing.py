"""What changed between two years on one topic, as tables: who leads each year (renames labelled),
figures that changed between matching items, and core items apart from merely related ones.

Built from the comparison answer's own items; no Streamlit here, so the page and its export
hold the same rows.
"""

from __future__ import annotations

import re

import pandas as pd

from indexer.messages.labels import LINK_MARKS, RELATION, join, short_label
from indexer.records import Item

FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|万亿|亿元|万元|亿|万|家|个|条|人|张|公里|平方米|亩|座|套|所|项|户|千瓦|辆|次|倍|年)"
)
MATCHING = 0.3  # two items of different years are the same task above this bigram overlap


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[(（](牵头单位|责任单位)[:：].*?[)）]", "", text)
    chars = [c for c in text if c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def similarity(a: str, b: str) -> float:
    """Shared character bigrams over the smaller set: a restated task scores high whatever its units."""
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def split_core(topic: str, items: list[Item], others: list[Item]) -> tuple[list[Item], list[Item]]:
    """Core items name the topic itself or restate a task of the other year; the rest are related
    (they share words with the topic, e.g. 联合招商 for 招商引资, but are another task)."""
    topic = "".join(topic.split())
    core = [i for i in items if topic in i.text or any(similarity(i.text, o.text) >= MATCHING for o in others)]
    return core, [i for i in items if i not in core]


def lead_table(engine, side: dict[int, list[Item]]) -> pd.DataFrame:
    """One row per unit: its role each year (lead counted first) and what changed, renames named."""
    years = sorted(side)
    first, last = years[0], years[-1]
    roles = {y: _roles(side[y]) for y in years}
    units = list(dict.fromkeys(u for y in years for u in roles[y]))
    rows = []
    for unit in units:
        row = {"单位": unit}
        for y in years:
            row[f"{y}年"] = roles[y].get(unit, "—")
        row["变化"] = _change(engine, unit, roles[first], roles[last], first, last)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["单位"] + [f"{y}年" for y in years] + ["变化"])
    order = {"牵头": 0, "责任": 1}
    if len(frame):
        frame["_k"] = [min(order.get(str(frame.loc[n, f"{y}年"])[:2], 2) for y in years) for n in frame.index]
        frame = frame.sort_values("_k", kind="stable").drop(columns="_k").reset_index(drop=True)
    return frame


def _roles(items: list[Item]) -> dict[str, str]:
    lead, resp = {}, {}
    for item in items:
        for u in item.lead_units:
            lead[u] = lead.get(u, 0) + 1
        for u in item.responsible_units:
            if u not in item.lead_units:
                resp[u] = resp.get(u, 0) + 1
    roles = {u: f"牵头 {n} 项" for u, n in lead.items()}
    for u, n in resp.items():
        roles[u] = roles[u] + f"，责任 {n} 项" if u in roles else f"责任 {n} 项"
    return roles


def _change(engine, unit: str, before: dict, after: dict, first: int, last: int) -> str:
    links = engine.links.related(unit)
    if unit in before and unit in after:
        was, now = before[unit].startswith("牵头"), after[unit].startswith("牵头")
        return "保留" if was == now else ("改为牵头" if now else "不再牵头")
    for other, relation in links.items():
        if unit in after and other in before:
            return f"{RELATION.get(relation.split(':')[0], '')}：{LINK_MARKS.get(relation, '')}{other}"
        if unit in before and other in after:
            return f"{RELATION.get(relation.split(':')[0], '')}：{LINK_MARKS.get(relation, '')}{other}"
    return f"{last}年新增" if unit in after else f"{last}年不再出现"


def changed_figures(side: dict[int, list[Item]]) -> pd.DataFrame:
    """Pairs of matching items (one per year) whose figures differ: 10家 → 15家."""
    years = sorted(side)
    first, last = years[0], years[-1]
    rows, used = [], set()
    for old in side[first]:
        scored = [(similarity(old.text, new.text), new) for new in side[last] if new.id not in used]
        if not scored:
            continue
        score, new = max(scored, key=lambda p: p[0])
        was, now = figures(old.text), figures(new.text)
        if score >= MATCHING and was and now and was != now:
            used.add(new.id)
            rows.append(
                {
                    f"{first}年条目": short_label(old),
                    f"{first}年数值": join(was),
                    f"{last}年条目": short_label(new),
                    f"{last}年数值": join(now),
                    f"{first}年原文": old.text,
                    f"{last}年原文": new.text,
                }
            )
    columns = [f"{first}年条目", f"{first}年数值", f"{last}年条目", f"{last}年数值", f"{first}年原文", f"{last}年原文"]
    return pd.DataFrame(rows, columns=columns)


def figures(text: str) -> list[str]:
    text = re.sub(r"[(（](牵头单位|责任单位)[:：].*?[)）]", "", text)
    return [" ".join(m.split()) for m in FIGURE.findall(text) if not re.fullmatch(r"20\d\d年", m.strip())]


def headline(topic: str, side: dict[int, list[Item]], lead: pd.DataFrame, figures_changed: pd.DataFrame) -> str:
    """The sentence the page opens with: who leads each year and how much changed."""
    years = sorted(side)
    parts = []
    for y in (years[0], years[-1]):
        if not side[y]:
            parts.append(f"{y}年没有相关条目")
            continue
        leads = (
            [u for u, r in zip(lead["单位"], lead[f"{y}年"], strict=False) if str(r).startswith("牵头")]
            if len(lead)
            else []
        )
        parts.append(f"{y}年由{join(leads) or '（未列牵头单位）'}牵头")
    renamed = (
        [
            c
            for c, now in zip(lead["变化"], lead[f"{years[-1]}年"], strict=False)
            if c.startswith(("改名", "合并")) and now != "—"
        ]
        if len(lead)
        else []
    )
    added = sum(1 for c in lead["变化"] if c.endswith("新增")) if len(lead) else 0
    dropped = sum(1 for c in lead["变化"] if c.endswith("不再出现")) if len(lead) else 0
    tail = [
        f"新增单位 {added} 个" if added else "",
        f"不再出现 {dropped} 个" if dropped else "",
        f"改名或合并 {len(renamed)} 个" if renamed else "",
        f"数值变化 {len(figures_changed)} 处" if len(figures_changed) else "",
    ]
    return f"“{topic}”：" + "，".join(parts) + ("；" + "，".join(t for t in tail if t) if any(tail) else "") + "。"
