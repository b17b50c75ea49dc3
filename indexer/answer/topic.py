"""Topic questions (低空经济由哪些单位负责), facts and plain searches: the best grounded items and their units."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..messages import say
from ..messages.labels import kind_label
from ..records import Detail, DocKind, Intent, Retriever
from ..search.question import Question
from ..search.retrieve import Hit
from .asks import asked_details, asked_spans
from .counts import with_counts
from .declined import declined
from .detail import states, unstated
from .grounding import apart, asked_absent, asked_whether, core_runs, ground, held_whole, refuses, unheld_attributes
from .model import Answer, Grounding, unfound
from .parts import beside_place, with_each_part
from .places import unheld_places
from .pointing import carries, pointed_units
from .relevance import DEPTH, found_probability, judge
from .reviews import results_first, review_first, with_reviews
from .salience import asks_only_whether, phrases, without_foreign
from .scope import Scope, asks_plan, outside_scope, report_years, scope
from .select import aggregate_units, search_text, unit_sources, year_notes
from .verifier import APART_P, CHECKED, accepted, load_verifier, reads_none
from .wording import missing_summary, topic_summary

if TYPE_CHECKING:
    from ..search.engine import Engine

Years = tuple[int, ...]
Kinds = tuple[DocKind, ...] | None
Retrievers = tuple[Retriever, ...] | None
# The judge's p an item that does not hold the topic's terms needs, to be cited beside items that do
# (dev: citation precision 0.785 → 0.806, recall@5 0.950 → 0.948).
OFF_TOPIC_P = 0.2
# Asks for the units themselves (由哪个单位牵头), not for what a document asks of them (对负责人的要求).
ASKS_UNITS = re.compile(
    r"哪(?:个|些|家)(?:单位|部门)|(?:牵头|责任)单位(?:是|有)(?:谁|哪)|由谁|谁(?:负责|牵头|来管|管|在抓|在推)"
)


def candidates(
    engine: Engine,
    q: Question,
    years: Years,
    kinds: Kinds,
    retrievers: Retrievers,
    review: bool = False,
    units: tuple[str, ...] = (),
) -> tuple[str, list[Hit], Scope]:
    """The hits a topic answer chooses from, and how the scope was read (notes, missing years)."""
    query = without_foreign(engine, q.text if asks_only_whether(engine, q.topic) else search_text(q))
    scoped = scope(engine, years, kinds, review, units, q.text)
    hits = engine.rank(
        query, scoped.where, retrievers, question=q.text
    )  # where None when nothing is left: related only
    hits = (
        review_first(engine, q.text, with_reviews(engine, q, years, query, hits, retrievers)) if scoped.where else hits
    )
    return query, hits, scoped


def topic_answer(
    engine: Engine,
    q: Question,
    years: Years,
    kinds: Kinds,
    top_k: int,
    retrievers: Retrievers,
    review: bool = False,
    units: tuple[str, ...] = (),
) -> Answer:
    pointed = pointed_units(engine, q)
    units = units or tuple(n for names in pointed for n in names)
    request = declined(q.text)
    if nothing_asked(q) or request:
        absent = "" if request else scope(engine, years, kinds, review, units, q.text).reason
        searched = {"topic": "", "years": list(years), "kinds": [str(k) for k in kinds or ()]}
        return replace(unfound(q, years, searched), summary=absent or say(request or "answer.nothing_to_search"))
    query, hits, scoped = candidates(engine, q, years, kinds, retrievers, review, units)
    hits = sorted(hits, key=lambda h: not carries(h, pointed)) if pointed else hits  # the item pointed at first
    if not scoped.reason and ASKS_UNITS.search(q.text) and kinds and all(DocKind(k) is DocKind.REPORT for k in kinds):
        scoped.reason = say("answer.kind_names_no_units", kinds="、".join(kind_label(DocKind(k)) for k in kinds))
    notes = year_notes(engine, years) + scoped.notes
    searched = {"topic": query, "years": list(years), "kinds": [str(k) for k in kinds or ()], "units": list(units)}
    found, supporting, p = judge(engine, query, hits)
    grounding, grounded = ground(engine, q.topic, hits[:DEPTH], q.text, asked_spans(q.text))
    if found and refuses(engine, grounding, found_probability(engine, query, hits)):
        found = False
    if not found and pointed and not grounding.missing and (held := [h for h in grounded if carries(h, pointed)]):
        found, supporting = True, held  # its units point at the item, and it holds every word of the topic
    if not found and not scoped.nothing_left:
        found, supporting, grounding = second_reading(engine, q, grounding, hits, supporting, judged=True)
    supporting = with_each_part(engine, q, grounding, supporting, grounded) if found else supporting
    supporting, unheld = with_counts(engine, q.text, supporting, grounded) if found else (supporting, "")
    if unheld:  # 武汉都市圈244项重大项目具体有哪些: 谋划推进…等重大项目 is another set
        found, scoped.reason = False, say("answer.count_unheld", counts=unheld)
    if found and (details := unstated_details(engine, q, grounding, supporting, grounded)):
        found, grounding = False, replace(grounding, unstated=details)
    if found and (
        places := unheld_places(engine, q.text, beside_place(engine, q, grounding, grounded) or supporting[:1])
    ):
        found = False  # 600个技改项目落到青山区的有几个: the city's figure is no district's share
        scoped.reason = say("answer.place_unstated", places="、".join(places))
    split = apart(engine, q.topic, grounding, hits[:DEPTH], q.text, asked_spans(q.text)) if found else ()
    if split and grounding.verified is None and reads_none(engine.settings.verifier_file, q.text, hits[:CHECKED]):
        found = False
        scoped.reason = say("answer.terms_apart", terms="、".join(f"“{t}”" for t in split))
    unread = found and grounding.verified is None
    asked, whether = (asked_absent(engine, grounding, q.text), asked_whether(grounding, q.text)) if unread else ((), ())
    if whether:  # 主播有没有补助: no cited item holds the thing a yes/no question asks is there
        found = False
    elif asked and reads_none(engine.settings.verifier_file, q.text, hits[:CHECKED], APART_P):
        found = False  # 新增急救站配几辆救护车: the item on 急救站 is no answer on 救护车
    elsewhere = other_scope(engine, scoped, grounding, q.text) or whole_elsewhere(engine, scoped, q, grounding)
    if elsewhere and found and grounding.verified is None:  # 底座 only in 2024: the 2025 item may say it otherwise
        read, second, checked = second_reading(engine, q, grounding, hits, supporting)
        elsewhere, supporting, grounding = ({}, second, checked) if read else (elsewhere, supporting, grounding)
    if elsewhere:
        found = False
        scoped.reason = say(
            "answer.scope_term_absent",
            span=_scope_span(years, kinds),
            missing="、".join(f"“{t}”" for t in elsewhere),
            elsewhere="、".join(dict.fromkeys(d for docs in elsewhere.values() for d in docs)),
        )
    if found and grounding.verified is not None:
        missing = "、".join(f"“{t}”" for t in grounding.missing)
        notes = [*notes, say("answer.verified", missing=missing) if missing else say("answer.verified_judged")]
    base: dict[str, Any] = {
        "question": q.raw,
        "intent": q.intent,
        "years": list(years),
        "units": list(q.units),
        "topic": q.topic,
        "notes": notes,
        "searched": searched,
        "grounding": grounding,
    }
    if not found or scoped.nothing_left:
        return Answer(
            **base,
            summary=missing_summary(engine, grounding, hits, scoped),
            citations=[],
            found=False,
            related=hits[:3],
        )
    on_topic = {h.item.id for h in grounded}
    cited = cited_items(supporting, on_topic, {h.item.id: float(pi) for h, pi in zip(hits[: len(p)], p, strict=True)})
    if q.intent is Intent.TOPIC_UNITS:
        cited = with_units(cited)
    cited = [h for h in cited if carries(h, pointed)] or cited
    cited = with_details(engine, q, cited, grounding)
    if years:  # a report's review answers for the year it reviews, its plan for its own year
        named = {y - 1 for y in report_years(engine, q.text) if y in years}  # 2024年报告回顾: its review speaks of 2023
        speaking = [h for h in cited if engine.speaks_of(h.item) in {*years, *named}]
        if not speaking and asks_plan(q.text):  # 2024年目标 asked, only 2023's result stated
            return Answer(
                **base,
                summary=say("answer.year_aim_unstated", years="、".join(f"{y}年" for y in years)),
                citations=[],
                found=False,
                related=cited[:3],
            )
        cited = results_first(engine, q, years, speaking or cited, grounded, grounding)
    # the unit lists follow from the items cited, on the topic first
    unit_hits = unit_sources([h for h in cited if h.item.id in on_topic] or cited, engine.settings.answer_items)
    if q.intent is Intent.FACT:
        unit_hits = unit_hits[:1]
    lead, resp, entries = aggregate_units([h.item for h in unit_hits])
    return Answer(
        **base,
        summary=topic_summary(engine, q, query, cited, entries),
        citations=cited[:top_k],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
    )


def second_reading(
    engine: Engine, q: Question, grounding: Grounding, hits: list[Hit], supporting: list[Hit], judged: bool = False
) -> tuple[bool, list[Hit], Grounding]:
    """The verifier's reading of a question refused for words no hit in scope holds, or (`judged`) by the
    judge though hits hold every word (建议案提出要绘制哪两张图: dev, 3 answerable read at p 0.63–0.88, the
    unanswerable at most 0.14): found on the first hits it accepts, its best p kept in the grounding either
    way. Never for an attribute no hit holds (起步价): that refusal is a rule."""
    path = engine.settings.verifier_file
    wording = grounding.missing or (judged and grounding.matched)
    verifier = load_verifier(path) if path and wording and not unheld_attributes(grounding) else None
    if verifier is None:
        return False, supporting, grounding
    first = hits[:CHECKED]
    p = verifier.probabilities(q.text, [h.item for h in first])
    chosen = [first[i] for i in accepted(p, verifier.threshold)]
    return bool(chosen), chosen or supporting, replace(grounding, verified=round(max(p, default=0.0), 4))


def unstated_details(
    engine: Engine, q: Question, grounding: Grounding, supporting: list[Hit], grounded: list[Hit]
) -> tuple[Detail, ...]:
    """The details the question asks (a date, a sum, a place) that no item it would cite states."""
    asked = asked_details(q.text)
    if not asked:
        return ()
    on_topic = {h.item.id for h in grounded} | {h.item.id for h in supporting[:1]}  # and the judge's best
    texts = engine.texts
    inside = [texts[engine.by_id[h.item.id]] for h in supporting if h.item.id in on_topic]
    beside = [texts[engine.by_id[h.item.id]] for h in supporting if h.item.id not in on_topic]
    return unstated(asked, inside, beside, topic_words(grounding, q.text), q.text)


def topic_words(grounding: Grounding, question: str) -> tuple[str, ...]:
    """The matched terms a clause must name beside the detail, without those inside the words that ask
    it (免费 of 免费吗): a clause about something else that is free says nothing of the topic."""
    spans = asked_spans(question, frozenset({Detail.NUMBER, Detail.NAMES}))
    return tuple(t for t in grounding.matched if not any(t in span for span in spans)) or grounding.matched


def other_scope(engine: Engine, scoped: Scope, grounding: Grounding, text: str = "") -> dict[str, tuple[str, ...]]:
    """The topic's missing terms, with the documents that hold them, when one item outside the asked
    year or kind holds the whole topic (老旧小区改造 in 2023, asked of 2025): that combination is
    absent. A paraphrase's words stay missing everywhere, and keep the judge's answer. A term listed
    beside one the scope holds (车联网、车路协同) is an alternative, not a part of the topic."""
    missing = tuple(t for t in grounding.missing if not _listed_beside(text, t, grounding.matched))
    if not missing or scoped.where is None:
        return {}
    outside = outside_scope(engine, scoped.where, missing)
    return outside if outside and held_whole(engine, grounding) else {}


def _listed_beside(text: str, term: str, matched: tuple[str, ...]) -> bool:
    """The term is listed next to one the scope holds (车联网、车路协同 in 2025): the list is answered by that one."""
    return any(f"{m}、{term}" in text or f"{term}、{m}" in text for m in matched)


def _listed(text: str, run: str) -> bool:
    """The run is one of a list (车联网、车路协同): an alternative, which the scope may hold another of."""
    return f"、{run}" in text or f"{run}、" in text


def whole_elsewhere(engine: Engine, scoped: Scope, q: Question, grounding: Grounding) -> dict[str, tuple[str, ...]]:
    """A run of the topic (数据资产化) that only items outside the asked year or kind hold whole, while the
    items in scope hold its words apart (数据…, …资产): that combination is absent too. A run grounding
    matched in scope, through a variant or a close neighbour, is there; so is one with a single salient
    word (低空 of 低空经济, in 低空航线)."""
    typed = re.sub(r"\s", "", q.text.lower())  # 突破多少项关键核心技术: the topic's 突破关键核心技术 was never typed
    runs = tuple(
        core
        for run, words in phrases(engine, q.topic)
        if len(set(words) & set(grounding.matched)) >= 2
        for core in core_runs(engine, run)
        if len(core) >= 4
        and core not in grounding.matched
        and run not in grounding.matched
        and core in typed
        and not _listed(q.text, core)
    )
    return outside_scope(engine, scoped.where, runs) if scoped.where is not None else {}


def _scope_span(years: Years, kinds: Kinds) -> str:
    """2025年, 2025年建议案办理工作方案: the part of the corpus the question was held to."""
    return "、".join(f"{y}年" for y in years) + "、".join(kind_label(k) for k in kinds or ())


def cited_items(supporting: list[Hit], on_topic: set[str], p: dict[str, float]) -> list[Hit]:
    """The judge's items; one that holds none of the topic's terms beside items that do is nearby, not
    an answer, unless the judge is surer of it (OFF_TOPIC_P). Without an item on the topic all stand."""
    if not any(h.item.id in on_topic for h in supporting):
        return supporting
    return [h for h in supporting if h.item.id in on_topic or p.get(h.item.id, 1.0) >= OFF_TOPIC_P]


def with_units(cited: list[Hit]) -> list[Hit]:
    """Asked who is responsible, the items that name units answer it; a report paragraph beside them
    names none and is nearby, not an answer. With no item naming units, all stand."""
    named = [h for h in cited if h.item.lead_units or h.item.responsible_units]
    return named or cited


def with_details(engine: Engine, q: Question, cited: list[Hit], grounding: Grounding) -> list[Hit]:
    """Asked a figure, a date or a place, the items that state it answer; one beside them that states
    none is nearby, not an answer. With no item stating it, all stand."""
    asked = asked_details(q.text)
    if not asked or len(cited) < 2:
        return cited
    texts = engine.texts
    stating = [
        h for h in cited if any(states(d, texts[engine.by_id[h.item.id]], grounding.matched, q.text) for d in asked)
    ]
    return stating or cited


def nothing_asked(q: Question) -> bool:
    """A question whose topic is empty once years, kinds, units and question words are cut (2025年哪些单位牵头):
    any item would be an answer to it, so none is; input with no words at all stays a QueryError."""
    return sum(ch.isalnum() for ch in q.topic) < 2 and not q.units and any(ch.isalnum() for ch in q.text)
