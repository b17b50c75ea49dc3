"""What a topic answer says: the summary sentence, and when nothing is cited, why.

Every sentence is a message-catalog key. A unit summary goes year by year with an old name
carrying its later one (市政务服务大数据局（现市数据局）); a figure question quotes the sentence of
the best item that holds a figure; a refusal names what the documents do not say.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..encode.passages import strip_clauses
from ..messages import say
from ..records import Direction, DocKind, Intent, Item, Role
from ..search.question import Question
from ..search.retrieve import Hit
from .grounding import absent, unheld_attributes
from .model import Grounding, UnitEntry
from .scope import Scope
from .select import role_words, span_words
from .spelling import spelled_in

if TYPE_CHECKING:
    from ..search.engine import Engine


def missing_summary(engine: Engine, grounding: Grounding, hits: list[Hit], scoped: Scope) -> str:
    """Why nothing is cited: the scope has no document, or the documents do not speak of a term."""
    if scoped.nothing_left:
        return scoped.reason or say("answer.not_found")
    if grounding.unstated:
        return detail_summary(grounding, hits)
    named_missing = {*unheld_attributes(grounding), *absent(engine, grounding)}
    missing = tuple(t for t in grounding.missing if t in named_missing) or grounding.missing
    if not missing:
        return say("answer.not_found")
    named = "、".join(f"“{t}”" for t in missing)
    where = next((h.item for h in hits if any(spelled_in(t, h.item.text.lower()) for t in grounding.matched)), None)
    if not grounding.matched or where is None:
        return say("answer.never_mentioned", missing=named)
    matched = "、".join(f"“{t}”" for t in grounding.matched)
    return say("answer.not_mentioned", matched=matched, where=where.citation, missing=named)


def detail_summary(grounding: Grounding, hits: list[Hit]) -> str:
    """文件提到了“江汉十桥”（…），但没有写明时间."""
    details = "、".join(say(f"detail.{d}") for d in grounding.unstated)
    where = next((h.item for h in hits if any(spelled_in(t, h.item.text.lower()) for t in grounding.matched)), None)
    matched = "、".join(f"“{t}”" for t in grounding.matched) or say("answer.the_topic")
    place = where.citation if where else hits[0].item.citation if hits else ""
    return say("answer.detail_unstated", matched=matched, where=place, details=details)


def topic_summary(engine: Engine, q: Question, query: str, hits: list[Hit], entries: list[UnitEntry]) -> str:
    if not hits:
        return say("answer.not_found")
    if q.intent is Intent.FACT:
        top = hits[0].item
        year = engine.speaks_of(top)  # the 2024 report's review of 2023 says what 2023 achieved
        return say("answer.fact", year=year, sentence=figure_sentence(top.text, query), citation=top.citation)
    if any(e.role is Role.LEAD for e in entries):
        return units_by_year(engine, entries)
    return say("answer.best_item", citation=hits[0].item.citation)


def units_by_year(engine: Engine, entries: list[UnitEntry]) -> str:
    """牵头/参与 units year by year, newest first; an old name carries its later one (现市数据局)."""
    years = sorted({y for e in entries for y in e.items}, reverse=True)
    parts = []
    for year in years:
        lead = [_named(engine, e.unit) for e in entries if e.role is Role.LEAD and year in e.items]
        resp = [_named(engine, e.unit) for e in entries if e.role is Role.RESPONSIBLE and year in e.items]
        parts.append(
            say(
                "answer.units_by_year",
                year=year,
                lead="、".join(lead) or say("answer.none"),
                responsible="、".join(resp) or say("answer.none"),
            )
        )
    text = "；".join(parts) + "。"
    if len(years) == 1:
        text += say("answer.units_one_year", year=years[0])
    return text


def _named(engine: Engine, unit: str) -> str:
    later = [other for other, link in engine.links.related(unit).items() if link.direction is Direction.SUCCESSOR]
    return say("answer.renamed_now", old=unit, new="、".join(later)) if later else unit


def figure_sentence(text: str, query: str) -> str:
    """The sentence of an item that holds a figure and shares most characters with the question."""
    sentences = [s.strip() for s in re.split(r"(?<=[。；;])", strip_clauses(text)) if s.strip()]
    if not sentences:
        return text
    wanted = set(query)
    return max(sentences, key=lambda s: (any(ch.isdigit() for ch in s), len(wanted & set(s)), -len(s)))


def unit_summary(
    q: Question,
    years: tuple[int, ...],
    names: dict[str, str | None],
    matched: list[Item],
    only_linked: bool = False,
    kinds: tuple[DocKind, ...] = (),
) -> str:
    """A unit the asked years' documents never name (2023年市数据局) is answered under its other name, and
    the summary says so first: its count is the other name's, never the unit's own."""
    units = "、".join(q.units)
    links = [v for v in names.values() if v]
    if matched and only_linked and links and years:
        return say(
            "units.only_linked",
            span=span_words(years),
            units=units,
            links="；".join(links),
            others="、".join(n for n, v in names.items() if v),
            role=role_words(q),
            count=len(matched),
        )
    span, role = span_words(years), role_words(q)
    if kinds:  # 政协2号方案有没有给司法局分派活: the documents searched, named, not every document of the years
        named = "的" + "、".join(k.label for k in kinds)
        return (
            say("units.found_in", units=units, span=span, kinds=named, role=role, count=len(matched))
            if matched
            else say("units.none_in", units=units, span=span, kinds=named, role=role)
        ) + (say("units.with_links", links="；".join(links)) if links else "")
    summary = (
        say("units.found", units=units, span=span, role=role, count=len(matched))
        if matched
        else say("units.none", units=units, span=span, role=role)
    )
    return summary + (say("units.with_links", links="；".join(links)) if links else "")
