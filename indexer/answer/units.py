"""Unit questions (市数据局今年牵头哪些任务): every item the unit, or its former or later name, is named in,
narrowed to the topic when the question names one (市教育局 + 低空经济: both, or not found).

A former or later name counts only in a year whose documents do not name the unit itself beside it
(Engine.unit_items); a name several units match asks which one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..foundation.text import normalise_query
from ..messages import say
from ..records import Detail, DocKind, Intent, Item, Link, Relation, Retriever, Role
from ..search.engine import Engine, UnitTask
from ..search.question import Question, asks_who
from ..search.retrieve import Hit
from ..search.roles import helpers_of_lead
from ..search.scopes import is_district
from ..search.topic_words import is_filler
from .asks import asked_details
from .document import title_words
from .grounding import ATTRIBUTE, ELSEWHERE, MAX_PHRASE, absent, ground, held_whole, unheld_attributes
from .model import Answer, Grounding, UnitEntry
from .salience import phrases
from .scope import scope
from .sections import part_items
from .select import (
    aggregate_units,
    alone_on,
    asked_together,
    role_words,
    searched_units,
    span_words,
    units_by_role,
    year_notes,
)
from .wording import unit_summary, units_by_year

SLOGAN = re.compile(r"[促稳扩强抓保提优][\u4e00-\u9fa5]{2}")  # a verb and the area of work it names: 促消费
BRACKETED = re.compile(r"[(（][^()（）]*[)）]$")  # 市委宣传部(市文明办): a body's second name


def unit_answer(
    engine: Engine,
    q: Question,
    years: tuple[int, ...],
    kinds: tuple[DocKind, ...] | None,
    top_k: int,
    retrievers: tuple[Retriever, ...] | None,
) -> Answer:
    scoped = scope(engine, years, kinds, review=False, question=q.text)
    base = Answer(
        question=q.raw,
        intent=Intent.UNIT_ITEMS,
        years=list(years),
        units=list(q.units),
        topic=q.topic,
        notes=year_notes(engine, years) + scoped.notes,
        searched=searched_units(q, q.units, years, kinds),
        summary="",
        citations=[],
    )  # the fields every unit answer shares; summary and citations follow
    if scoped.nothing_left:
        return replace(base, summary=scoped.reason, citations=[], found=False)
    roles = dict(q.roles)  # 商务局牵头、财政局配合: each unit in its own role, on the items they share
    by_unit = {unit: engine.unit_items(unit, years, kinds, roles.get(unit, q.role)) for unit in q.units}
    tasks = [
        t
        for unit_tasks in by_unit.values()
        for t in unit_tasks
        if (not q.alone or alone_on(t.item, q.role, q.units, q.beside))
        and not (q.no_district and any(is_district(u) for u in t.item.units if u not in q.units))
    ]
    together = len(by_unit) > 1 and (asked_together(q.text) or bool(roles) or q.crossed)
    if together:
        shared = set.intersection(*_bodies(by_unit).values())
        shared = _crossed(by_unit, shared) if q.crossed else shared
        tasks = [t for t in tasks if t.item.id in shared]
    docs = {t.item.doc_id for t in tasks}
    part = part_items(q.text, (i for i in engine.items if i.doc_id in docs), _words(engine))
    if part is not None:  # 第(一)部分里, 制造业、服务业、数字经济这几块: the part is the topic
        tasks, q = [t for t in tasks if t.item.id in part], replace(q, topic="")
    named = {t.item.id for t in tasks}
    matched = [item for item in engine.items if item.id in named]
    grounding = Grounding()
    q = replace(q, topic=without_titles(engine, q.topic))  # 2号建议案办理中 names a document, not a topic
    unused = unused_words(engine, q)
    if unused:  # 名下, 列为, 自个儿: how the question is put, no topic of the documents
        q = replace(q, topic=" ".join(w for w in q.topic.split() if w not in unused))
        words = "、".join(f"“{w}”" for w in unused)
        base = replace(base, notes=[*base.notes, say("answer.unit_words_unused", words=words)])
    topical = bool(matched and (phrases(engine, q.topic) or section_terms(engine, q.topic)))
    common = () if topical or not matched else common_words(engine, q.topic)
    if topical or common:
        matched, grounding = _on_topic(engine, q, matched, retrievers) if topical else _holding(engine, matched, common)
        if not matched:
            return replace(
                base,
                summary=say(
                    "answer.unit_topic_absent",
                    units="、".join(q.units),
                    span=span_words(years),
                    role=role_words(q),
                    topic=_unmatched(q, grounding),
                ),
                citations=[],
                found=False,
                grounding=grounding,
            )
    kept = {item.id for item in matched}
    tasks = [t for t in tasks if t.item.id in kept]
    names = _names_with_links(by_unit, kept)
    hits = [Hit(item, 1.0 / (rank + 1)) for rank, item in enumerate(matched)]
    entries = [e for e in _entries(names, tasks, q.role) if roles.get(e.unit, e.role) is e.role]
    lead, resp = units_by_role(entries)
    linked_only = not any(t.named_as in q.units for t in tasks)
    summary = unit_summary(q, years, names, matched, only_linked=linked_only, kinds=kinds or ())
    if (together and asks_who(q.text) or helpers_of_lead(q.text)) and matched:
        # 两家一块儿出现的那条谁挑头, 投促局挑头的那几件事拉了哪些单位配合: the items' own lists
        lead, resp, entries = aggregate_units(matched)
        summary += units_by_year(engine, entries)
    return replace(
        base,
        summary=summary,
        citations=hits[: max(top_k, len(hits))],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        found=bool(matched),
        grounding=grounding,
    )


# A unit's item the whole corpus ranks this high for the topic is on it, said in other words (促消费 for
# 主题消费活动). Dev sweep 0/3/5/8/12: unit-question Recall@5 0.866/0.879/0.890/0.903/0.912, their citation
# precision 0.955/0.953/0.947/0.931/0.905; 8 keeps precision above 0.93. It holds also when no word of the
# topic is in the unit's items (航空运输 for 航线, 航空快线), unless a detail is asked (罚单怎么交); dev sweep
# 0/3/5/8 for that case: 3 more unit questions answered at 3, 5 and 8, no unanswerable one lost on dev.
TOPIC_RANK = 8


def _on_topic(
    engine: Engine, q: Question, matched: list[Item], retrievers: tuple[Retriever, ...] | None
) -> tuple[list[Item], Grounding]:
    """The unit's items that are on the question's topic, best first, and how the topic was grounded."""
    ranked = engine.rank(q.topic, None, retrievers, depth=len(engine.items))
    order = {h.item.id: r for r, h in enumerate(ranked)}
    matched = sorted(matched, key=lambda item: order.get(item.id, len(order)))
    hits = [Hit(item, 1.0) for item in matched]
    if not phrases(engine, q.topic):  # a part of a document (民生实事): the items under its heading
        terms = section_terms(engine, q.topic)
        texts = engine.texts
        kept = [item for item in matched if any(t in texts[engine.by_id[item.id]] for t in terms)]
        return kept, Grounding(terms if kept else (), () if kept else terms)
    grounding, grounded = ground(engine, q.topic, hits, q.text)
    if grounding.missing and (
        held_whole(engine, grounding) or unheld_attributes(grounding) or _unsaid(engine, grounding)
    ):
        return [], grounding  # 长江 alone is not 长江大保护, which other items hold whole; 地址 is stated by none
    keep = {h.item.id for h in grounded} | {item.id for item in matched if _headed(item, grounding.matched)}
    # a fee, a date or a sanction needs words stating it; a topic with no salient word, the judge's items
    if keep or (grounding.missing and set(asked_details(q.text)) <= {Detail.NUMBER}):
        # the topic said in other words: an item of the unit the whole corpus ranks near the top for it
        keep |= {item.id for item in matched if order.get(item.id, len(order)) < TOPIC_RANK}
    return [item for item in matched if item.id in keep], grounding


def _headed(item: Item, terms: tuple[str, ...]) -> bool:
    """A work slogan (促消费, 稳投资, 稳外贸) names the part its noun heads (做强消费主引擎, 夯实投资硬支撑):
    every item under that sub-heading is on it, though its own text says 数字消费 or nothing of 促."""
    heading = item.path[-1] if item.path else ""
    return any(SLOGAN.fullmatch(t) and t[1:] in heading for t in terms)


def _words(engine: Engine) -> Callable[[str], list[str]]:
    return lambda text: [w for w in engine.tokenizer.whole_words(text) if not is_filler(w)]


def _unmatched(q: Question, grounding: Grounding) -> str:
    """The topic as the answer names it: the terms missing beside those found (“审定”), never stray words."""
    return "、".join(f"“{t}”" for t in grounding.missing) if grounding.matched else q.topic


def _unsaid(engine: Engine, grounding: Grounding) -> bool:
    """Some of the topic found, more of it missing, and some in no document at all (由哪位市领导审定): the
    unit's item that shares a word (领导) is about something else. With nothing found, the unit's items
    the corpus ranks first for the topic stand (航空运输 for 航线)."""
    return (
        bool(grounding.matched) and len(grounding.missing) > len(grounding.matched) and bool(absent(engine, grounding))
    )


def common_words(engine: Engine, topic: str) -> tuple[str, ...]:
    """The topic's words the documents use too widely to be salient (交通建设 of 在交通建设上挑了什么头): two or
    more of them beside a unit still narrow its items, to those that say them all."""
    words = (w for run in topic.split() for w in engine.tokenizer.whole_words(run))
    common = tuple(dict.fromkeys(w for w in words if len(w) >= 2 and not is_filler(w) and engine.share(w) > 0))
    return common if len(common) >= 2 else ()  # one such word is how the question is put (同时出现, 落到头上)


def _holding(engine: Engine, items: list[Item], words: tuple[str, ...]) -> tuple[list[Item], Grounding]:
    kept = [item for item in items if all(w in engine.texts[engine.by_id[item.id]] for w in words)]
    return kept, Grounding(words if kept else (), () if kept else words)


def unused_words(engine: Engine, q: Question) -> tuple[str, ...]:
    """Runs of the topic no document uses any two characters of (名下, 列为, 自个儿, 一栏): asked beside a unit,
    they say how the question is put. A run the documents speak of in part (航空运输, 托育托位) stays a
    constraint, and so does any run when a detail is asked (罚单怎么交) or the run names a fee or a place."""
    if set(asked_details(q.text)) - {Detail.NUMBER}:
        return ()
    runs = [r for r in q.topic.split() if r and not ATTRIBUTE.search(r) and not ELSEWHERE.search(r)]
    unused = tuple(r for r in runs if not any(engine.share(r[i : i + 2]) for i in range(len(r) - 1)))
    return unused if unused and phrases(engine, " ".join(unused)) else ()


def without_titles(engine: Engine, topic: str) -> str:
    """The topic without the words of the documents' titles (办理, 目标任务): beside a unit they say
    which document's tasks are asked, not what the tasks are about."""
    titles = title_words(engine)
    runs = ("".join(w for w in engine.tokenizer.whole_words(run) if w not in titles) for run in topic.split())
    return " ".join(r for r in runs if r)


def section_terms(engine: Engine, topic: str) -> tuple[str, ...]:
    """Runs of the topic too common to be salient that head a part of a document (民生实事 heads
    2023's part 四): asked beside a unit, they narrow its items to that part."""
    runs = (normalise_query(r).strip(" 年") for r in topic.split())  # normalising joins the runs
    return tuple(
        r
        for r in runs
        if 2 <= len(r) <= MAX_PHRASE and not is_filler(r) and any(r in h for i in engine.items for h in i.path)
    )


def link_label(unit: str, other: str, link: Link) -> str:
    """`原名市科技局（改名），与市科技创新局为同一职能`; a merge (`已并入市自然资源和城乡建设局（合并）`)
    never claims one body: the merged unit is only part of the new one."""
    if link.relation is Relation.MERGED:
        return say(f"units.link.{link}", other=other, unit=unit)
    return say(
        "units.link",
        direction=say(f"units.direction.{link.direction}"),
        other=other,
        relation=say(f"units.relation.{link.relation}"),
        unit=unit,
    )


def _crossed(by_unit: dict[str, list[UnitTask]], shared: set[str]) -> set[str]:
    """The shared items where one unit leads and the other supports (互相牵头配合)."""
    held = [{t.item.id: t.role for t in unit_tasks} for unit_tasks in by_unit.values()]
    return {i for i in shared if len({h[i] for h in held}) == len(held)}


def _bodies(by_unit: dict[str, list[UnitTask]]) -> dict[str, set[str]]:
    """Each body's items, its names listed with and without a bracketed second name (市委宣传部 and
    市委宣传部(市文明办)) taken together: asked with another unit, it is one of two, not two of three."""
    bodies: dict[str, set[str]] = {}
    for unit, unit_tasks in by_unit.items():
        bodies.setdefault(BRACKETED.sub("", unit), set()).update(t.item.id for t in unit_tasks)
    return bodies


def _names_with_links(by_unit: dict[str, list[UnitTask]], kept: set[str]) -> dict[str, str | None]:
    """The units asked about, then every other name a kept item was found under, with its label."""
    names: dict[str, str | None] = dict.fromkeys(by_unit)
    for unit, tasks in by_unit.items():
        for task in tasks:
            if task.relation and task.item.id in kept and task.named_as not in names:
                names[task.named_as] = link_label(unit, task.named_as, Link(task.relation))
    return names


def _entries(names: dict[str, str | None], tasks: list[UnitTask], asked: Role | None) -> list[UnitEntry]:
    entries: list[UnitEntry] = []
    for name, link in names.items():
        for role in (asked,) if asked else tuple(Role):
            entry = UnitEntry(name, role, link=link)
            for item in dict.fromkeys(t.item for t in tasks if t.named_as == name):
                if name in item.units_in(role):
                    entry.items.setdefault(item.year, []).append(item.id)
            if entry.count:
                entries.append(entry)
    return entries
