"""Targets from plans and results from reports, read at build time from the item records.

A target is a quantity in a plan item (part 一's 主要预期目标 and every numbered item).
A result is a quantity in a report's review of the year before: the paragraphs from the first
这一年 / 过去一年 up to 一年来 / 今年 (the 2024 report's 这一年 and (一)–(七) paragraphs).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..foundation.tsv import read_tsv
from ..records import DocKind, Item, Outcome, Target
from .quantities import Quantity, read_quantities, sentences

ALIASES_FILE = Path(__file__).with_name("indicator_aliases.tsv")
UNIT_CLAUSE = re.compile(r"[(（](牵头单位|责任单位)[^)）]*[)）]\s*$")
HEADING_NUMBER = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")  # (一)过去一年工作回顾 reads as 过去一年…
REVIEW_START = ("这一年", "过去一年")
REVIEW_END = ("今年", "同时,我们也清醒", "同时，我们也清醒")


def load_aliases(path: Path = ALIASES_FILE) -> dict[str, str]:
    return {row["name"]: row["same_as"] for row in read_tsv(path) if row.get("name") and row.get("same_as")}


def canonical(indicator: str, aliases: dict[str, str]) -> str:
    for name, same_as in aliases.items():
        indicator = indicator.replace(name, same_as)
    return indicator


def extract_targets(items: list[Item], aliases: dict[str, str] | None = None) -> list[Target]:
    aliases = load_aliases() if aliases is None else aliases
    targets: list[Target] = []
    for item in items:
        if item.kind is not DocKind.PLAN or item.doc_kind is not DocKind.PLAN:
            continue
        text = UNIT_CLAUSE.sub("", item.text.splitlines()[-1])
        found = [q for s in sentences(text) for q in read_quantities(s)]
        targets += [_target(item, n, q, aliases) for n, q in enumerate(found, start=1)]
    return targets


def _target(item: Item, n: int, q: Quantity, aliases: dict[str, str]) -> Target:
    area = item.path[1] if len(item.path) > 1 else (item.path[0] if item.path else "")
    return Target(
        f"{item.id}#{n}",
        item.id,
        item.year,
        canonical(q.indicator, aliases),
        q.value,
        q.unit,
        q.comparator,
        q.measure,
        q.text,
        area,
        item.lead_units,
        item.responsible_units,
    )


def review_items(items: list[Item]) -> list[Item]:
    """A report's paragraphs that look back on the year before, in document order."""
    chosen: list[Item] = []
    for doc_id in dict.fromkeys(i.doc_id for i in items if i.doc_kind is DocKind.REPORT):
        inside = False
        for item in (i for i in items if i.doc_id == doc_id):
            body = HEADING_NUMBER.sub("", item.text.splitlines()[-1])
            if inside and body.startswith(REVIEW_END):
                break
            inside = inside or body.startswith(REVIEW_START)
            if inside:
                chosen.append(item)
    return chosen


def extract_outcomes(items: list[Item], aliases: dict[str, str] | None = None) -> list[Outcome]:
    """Results of the reviewed year; a sentence two overlapping chunks share is read once."""
    aliases = load_aliases() if aliases is None else aliases
    outcomes: list[Outcome] = []
    seen: set[tuple[str, str]] = set()
    for item in review_items(items):
        paragraph = item.paragraph
        n = 0
        for sentence in sentences(item.text.splitlines()[-1]):
            if (paragraph, sentence) in seen:
                continue
            seen.add((paragraph, sentence))
            for q in read_quantities(sentence):
                n += 1
                outcomes.append(
                    Outcome(
                        f"{item.id}#{n}",
                        item.id,
                        item.year - 1,
                        canonical(q.indicator, aliases),
                        q.value,
                        q.unit,
                        q.measure,
                        q.text,
                        sentence,
                    )
                )
    return outcomes
