"""Targets against results and plan diffs as the CLI prints them and the app shows them: one rendering each."""

from __future__ import annotations

from collections import Counter

from ..answer.plan_diff import ItemMatch, PlanDiff, body
from ..answer.target_links import RULE, TargetLink
from ..messages import say
from ..records import Item, LinkStatus

LINK_COLUMNS = [
    "状态",
    "目标",
    "指标",
    "目标值",
    "目标条目",
    "领域",
    "牵头单位",
    "责任单位",
    "结果",
    "结果值",
    "结果段落",
]


def link_json(link: TargetLink) -> dict:
    t, o = link.target, link.outcome
    return {
        "target": {
            "id": t.id,
            "item_id": t.item_id,
            "year": t.year,
            "text": t.text,
            "indicator": t.indicator,
            "value": t.value,
            "unit": t.unit,
            "comparator": str(t.comparator),
            "measure": str(t.measure),
            "area": t.area,
            "units": {"lead": list(t.lead_units), "responsible": list(t.responsible_units)},
        },
        "outcome": None
        if o is None
        else {
            "id": o.id,
            "item_id": o.item_id,
            "year": o.year,
            "text": o.text,
            "value": o.value,
            "unit": o.unit,
            "measure": str(o.measure),
            "sentence": o.sentence,
        },
        "status": str(link.status),
        "status_label": link.status.label,
        "rule": RULE,
    }


def link_row(link: TargetLink) -> dict:
    """One table / Excel row, Chinese column names."""
    t, o = link.target, link.outcome
    return dict(
        zip(
            LINK_COLUMNS,
            [
                link.status.label,
                t.text,
                t.indicator,
                f"{t.value:g}{t.unit}",
                t.item_id,
                t.area,
                "、".join(t.lead_units),
                "、".join(t.responsible_units),
                o.text if o else "",
                f"{o.value:g}{o.unit}" if o else "",
                o.item_id if o else "",
            ],
            strict=False,
        )
    )


def format_link(link: TargetLink) -> str:
    t, o = link.target, link.outcome
    outcome = say("targets.outcome", text=o.text, item=o.item_id) if o else say("targets.no_outcome")
    return say(
        "targets.line",
        status=link.status.label,
        target=t.text,
        item=t.item_id,
        lead="、".join(t.lead_units) or "—",
        outcome=outcome,
    )


def format_links(links: list[TargetLink], year: int) -> str:
    counts = Counter(str(k.status) for k in links)
    head = [
        say("targets.rule", rule=RULE),
        say("targets.count", year=year, n=len(links), **{s.value: counts.get(s.value, 0) for s in LinkStatus}),
    ]
    return "\n".join(head + [format_link(k) for k in links])


def _item_json(item: Item) -> dict:
    return {
        "id": item.id,
        "year": item.year,
        "text": body(item),
        "lead_units": list(item.lead_units),
        "responsible_units": list(item.responsible_units),
        "citation": item.citation,
    }


def match_json(match: ItemMatch) -> dict:
    return {
        "status": match.status,
        "later": _item_json(match.later),
        "earlier": [_item_json(e) for e in match.earlier],
        "score": round(match.score, 4),
        "values": [{"indicator": v.indicator, "before": v.before, "after": v.after} for v in match.values],
        "units": [{"before": u.before, "after": u.after, "relation": u.relation} for u in match.units],
    }


def dropped_json(item: Item) -> dict:
    return {"status": "不再列出", "later": None, "earlier": [_item_json(item)], "score": 0.0, "values": [], "units": []}


def diff_json(diff: PlanDiff) -> list[dict]:
    return [match_json(m) for m in diff.matches] + [dropped_json(i) for i in diff.dropped]


def format_match(match: ItemMatch) -> str:
    if not match.earlier:
        return say("diff.added", later=match.later.id, text=body(match.later))
    lines = [
        say(
            "diff.continued",
            later=match.later.id,
            earlier="、".join(e.id for e in match.earlier),
            text=body(match.later),
        )
    ]
    lines += [say("diff.value", indicator=v.indicator, before=v.before, after=v.after) for v in match.values]
    lines += [
        say("diff.unit", before=u.before, after=u.after, relation=f"（{u.relation}）" if u.relation else "")
        for u in match.units
    ]
    return "\n".join(lines)


def format_diff(diff: PlanDiff) -> str:
    continued = sum(1 for m in diff.matches if m.earlier)
    head = say(
        "diff.count",
        later=diff.later_year,
        earlier=diff.earlier_year,
        n=len(diff.matches),
        continued=continued,
        added=len(diff.matches) - continued,
        dropped=len(diff.dropped),
    )
    dropped = [say("diff.dropped", earlier=i.id, text=body(i)) for i in diff.dropped]
    return "\n".join([head] + [format_match(m) for m in diff.matches] + dropped)
