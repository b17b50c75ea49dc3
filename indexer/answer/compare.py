"""Comparisons (2023年和2025年招商引资分工的变化): the topic's items per year and how the units changed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..messages import say
from ..messages.labels import kind_label
from ..records import Direction, DocKind, Intent, Retriever
from ..search.engine import Engine
from ..search.question import Question
from ..search.retrieve import Hit
from ..store import Filter
from .grounding import ground
from .literal_asks import QUOTE
from .model import Answer, Comparison, RenamedUnit
from .relevance import DEPTH, judge
from .salience import salient_terms
from .scope import reviewed_years
from .select import aggregate_units, search_text, year_notes

UNIT_KINDS = (DocKind.PLAN, DocKind.PROPOSAL)
RESULT_SAID = re.compile(r"落到|达到|实际|底|完成|建成|新增了|做到了|回顾")  # what the year reached, not aimed at
REPORT_SIDE = 2  # paragraphs a report side cites: a result or a target is said in one or two


def compare_answer(
    engine: Engine,
    q: Question,
    years: tuple[int, ...],
    kinds: tuple[DocKind, ...] | None,
    top_k: int,
    retrievers: tuple[Retriever, ...] | None,
) -> Answer:
    plan_years = sorted({d.year for d in engine.documents if d.kind.names_units})
    if len(years) < 2 and (year := one_year_of(engine, years, kinds)):
        return kinds_answer(engine, q, year, kinds or (), top_k, retrievers)
    asked = years
    years = tuple(years) if len(years) >= 2 else named_years(engine, years, kinds) or tuple(plan_years[-2:])
    q = _quoted_topic(engine, q)
    query = search_text(q)
    side = {
        year: _side(engine, query, q.topic, year, year_named(engine, year, asked, kinds), retrievers) for year in years
    }
    if (reviewed := _result_then_plan(engine, q.text, years)) is not None:  # 23年落到多少，24年想拉到多少
        side = {y: _report_side(engine, query, q.topic, reviewed + 1, y, retrievers) for y in years}
    absent = tuple(y for y in years if not side[y])
    no_units = unitless(engine, years, side)
    comparison = compare_units(
        engine,
        years,
        {y: {u for h in side[y] for u in h.item.units} for y in years},
        {y: [h.item.id for h in side[y]] for y in years},
        absent,
        no_units,
    )
    merged = [h for pair in _interleave([side[y] for y in years]) for h in pair]
    lead, resp, entries = aggregate_units([h.item for h in merged])
    searched = {"topic": query, "years": list(years), "kinds": [str(k) for k in kinds or UNIT_KINDS]}
    if len(absent) == len(years):
        return Answer(
            question=q.raw,
            intent=Intent.COMPARE,
            years=list(years),
            units=list(q.units),
            topic=query,
            summary=say("answer.not_found"),
            citations=[],
            notes=year_notes(engine, years),
            found=False,
            searched=searched,
            related=engine.rank(query, Filter.where(years, kinds or UNIT_KINDS), retrievers)[:3],
        )
    return Answer(
        question=q.raw,
        intent=Intent.COMPARE,
        years=list(years),
        units=list(q.units),
        topic=query,
        summary=_summary(query, years, side, comparison, no_units),
        citations=merged[: max(top_k, len(merged))],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        comparison=comparison,
        notes=year_notes(engine, years),
        searched=searched,
    )


def one_year_of(engine: Engine, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None) -> int | None:
    """The one year whose documents of two kinds or more are compared (今年的分解方案和建议案), or None when the
    kinds named stand in different years (2024年报告和2号建议案)."""
    if len(kinds or ()) < 2 or named_years(engine, years, kinds):
        return None
    held = [{d.year for d in engine.documents if d.kind is kind} for kind in kinds or ()]
    shared = set(years or ()) or set.intersection(*held)
    return next((y for y in sorted(shared) if all(y in h for h in held)), None)


def kinds_answer(
    engine: Engine,
    q: Question,
    year: int,
    kinds: tuple[DocKind, ...],
    top_k: int,
    retrievers: tuple[Retriever, ...] | None,
) -> Answer:
    """Two documents of one year side by side (2025年分解方案和建议案分别怎么说): each one's items on the topic."""
    query = search_text(q)
    side = {kind: _side(engine, query, q.topic, year, (kind,), retrievers) for kind in kinds}
    merged = [h for pair in _interleave(list(side.values())) for h in pair]
    lead, resp, entries = aggregate_units([h.item for h in merged])
    counts = "，".join(
        say("answer.compare_kind_count", year=year, kind=kind_label(k), count=len(hits)) for k, hits in side.items()
    )
    return Answer(
        question=q.raw,
        intent=Intent.COMPARE,
        years=[year],
        units=list(q.units),
        topic=query,
        summary=say("answer.compare_kinds", topic=query, counts=counts) if merged else say("answer.not_found"),
        citations=merged[: max(top_k, len(merged))],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        notes=year_notes(engine, (year,)),
        found=bool(merged),
        searched={"topic": query, "years": [year], "kinds": [str(k) for k in kinds]},
        related=[] if merged else engine.rank(query, Filter.where([year], kinds), retrievers)[:3],
    )


def named_years(engine: Engine, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None) -> tuple[int, ...]:
    """The years of the documents named (2024年报告和2号建议案: 2024 and 2025), each kind in the year asked
    where it has a document there, else in every year it has one; () unless that makes two years or more."""
    found = {year for kind in kinds or () for year in kind_years(engine, kind, years)}
    return tuple(sorted(found)) if len(found) >= 2 else ()


def kind_years(engine: Engine, kind: DocKind, asked: tuple[int, ...]) -> set[int]:
    """The years a kind named is read in: those asked where it has a document, else every year it has one; a
    plan's notice, no document of its own, in the years asked."""
    have = {d.year for d in engine.documents if d.kind is kind}
    return ((have & set(asked)) or have) if have else set(asked)


def year_named(
    engine: Engine, year: int, asked: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> tuple[DocKind, ...] | None:
    """The kinds named that are read in this year: 前年的分解方案和2号建议案 reads 2025 for the 建议案 alone, not
    for the 2025 plan beside it."""
    if not kinds:
        return kinds
    return tuple(k for k in kinds if year in kind_years(engine, k, asked)) or kinds


def year_kinds(engine: Engine, year: int) -> tuple[DocKind, ...]:
    """What a year is compared from: its plans and schemes, or, in a year with neither (2024), its
    report: the 2024 report's target stands beside the 2023 plan's."""
    have = {d.kind for d in engine.documents if d.year == year}
    return tuple(k for k in UNIT_KINDS if k in have) or tuple(sorted(have)) or UNIT_KINDS


def unitless(engine: Engine, years: Sequence[int], side: dict[int, list[Hit]]) -> tuple[int, ...]:
    """Years whose cited items name no units (a report's): units cannot change against them."""
    return tuple(y for y in years if side[y] and not any(h.item.doc_kind.names_units for h in side[y]))


def _side(
    engine: Engine,
    query: str,
    topic: str,
    year: int,
    kinds: tuple[DocKind, ...] | None,
    retrievers: tuple[Retriever, ...] | None,
) -> list[Hit]:
    """The year's items on the topic, as the judge supports them; their units are compared."""
    # 2023年计划和2024年报告: 报告 names 2024's side only
    named = tuple(k for k in kinds or () if _has(engine, year, k))
    hits = engine.rank(query, Filter.where([year], named or year_kinds(engine, year)), retrievers)
    found, supporting, _ = judge(engine, query, hits)
    if not found:
        return []
    # unit lists only from items on the topic; a year whose items hold none of its terms (招商 for
    # 招商引资) keeps the judge's items, so the comparison is not made against an empty year
    _, grounded = ground(engine, topic, supporting)
    on_topic = {h.item.id for h in grounded} or {h.item.id for h in supporting}
    return [h for h in supporting if h.item.id in on_topic][: engine.settings.answer_items]


def _result_then_plan(engine: Engine, question: str, years: tuple[int, ...]) -> int | None:
    """The earlier of two years asked, when a report of the later one reviews it and the earlier year's result is
    asked (数字经济占比23年落到多少，24年想拉到多少): that report's review and plan are the two sides."""
    if len(years) != 2 or years[1] != years[0] + 1 or years[0] not in reviewed_years(engine):
        return None
    said = re.search(rf"(?:20)?{years[0] % 100}年([^，,。；;？?]*)", question)
    return years[0] if said and RESULT_SAID.search(said.group(1)) else None


def _report_side(
    engine: Engine, query: str, topic: str, report_year: int, year: int, retrievers: tuple[Retriever, ...] | None
) -> list[Hit]:
    """The report's paragraphs on the topic that speak of the year: its review for the year before, else its plan."""
    hits = [
        h
        for h in engine.rank(query, Filter.where([report_year], [DocKind.REPORT]), retrievers)
        if engine.speaks_of(h.item) == year
    ]
    found, supporting, _ = judge(engine, query, hits)
    _, grounded = ground(engine, topic, supporting if found else hits[:DEPTH])
    return (grounded or (supporting if found else []))[:REPORT_SIDE]


def _quoted_topic(engine: Engine, q: Question) -> Question:
    """A phrase the question quotes and the documents hold is what is compared (“具有全国影响力”这顶帽子,
    去年报告扣在了啥上面): the words around it say how it is asked."""
    quoted = [w for w in re.findall(QUOTE, q.text) if len(w) >= 2 and any(w.lower() in t for t in engine.texts)]
    rest = q.topic
    for word in quoted:
        rest = rest.replace(word.lower(), " ")
    if not quoted or any(engine.share(w) for w in salient_terms(engine, rest)):  # 武汉经开区打造“中国车谷”
        return q
    return replace(q, topic=" ".join(dict.fromkeys(quoted)))


def _has(engine: Engine, year: int, kind: DocKind) -> bool:
    where = Filter.where([year], [kind])
    return where is None or bool(engine.columns.mask(where).any())


def _summary(
    query: str, years: tuple[int, ...], side: dict[int, list[Hit]], comparison: Comparison, no_units: tuple[int, ...]
) -> str:
    first, last = years[0], years[-1]
    if no_units and not any(not side[y] for y in years):
        counts = "，".join(say("answer.compare_count", year=y, count=len(side[y])) for y in years)
        reports = "、".join(f"{y}年" for y in no_units)
        return say("answer.compare_unitless", topic=query, counts=counts, years=reports)
    if comparison.absent:
        absent = "、".join(f"{y}年" for y in comparison.absent)
        counts = "，".join(say("answer.compare_count", year=y, count=len(side[y])) for y in years if side[y])
        return say("answer.compare_absent", topic=query, absent=absent, counts=counts)
    return say(
        "answer.compare",
        topic=query,
        first=first,
        first_count=len(side[first]),
        last=last,
        last_count=len(side[last]),
        added=len(comparison.added),
        dropped=len(comparison.dropped),
        renamed=len(comparison.renamed),
    )


def compare_units(
    engine: Engine,
    years: Sequence[int],
    units: dict[int, set[str]],
    items: dict[int, list[str]],
    absent: tuple[int, ...] = (),
    unitless: tuple[int, ...] = (),
) -> Comparison:
    """Added, dropped and renamed units; none of them when the topic is absent from a year, or a
    year's documents name no units."""
    first, last = years[0], years[-1]
    if absent or unitless:
        return Comparison(tuple(years), items, (), (), (), (), absent)
    renamed = tuple(
        RenamedUnit(old, new, link.relation)
        for old in sorted(units[first] - units[last])
        for new, link in engine.links.related(old).items()
        if link.direction is Direction.SUCCESSOR and new in units[last]
    )
    olds, news = {r.old for r in renamed}, {r.new for r in renamed}
    return Comparison(
        tuple(years),
        items,
        tuple(sorted(units[last] - units[first] - news)),
        tuple(sorted(units[first] - units[last] - olds)),
        renamed,
        tuple(sorted(units[first] & units[last])),
        absent,
    )


def _interleave(lists: list[list[Hit]]) -> Iterator[list[Hit]]:
    longest = max((len(x) for x in lists), default=0)
    for i in range(longest):
        yield [x[i] for x in lists if i < len(x)]
