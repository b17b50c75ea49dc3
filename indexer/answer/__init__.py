"""Answer: from a question and the engine's hits to the items cited and the units they name.

`answer(engine, AnswerRequest(...))` is the one entry point; the CLI, the app, the eval and
the bench call it. The search layer below never imports this package.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace

from ..messages import say
from ..records import Detail, DocKind, Intent
from ..search.engine import Engine
from ..search.kinds import named_kinds
from ..search.question import Question
from .arithmetic import arithmetic_answer
from .asks import asked_details
from .compare import compare_answer, kind_years
from .document import document_answer, document_aspect
from .literal import literal_answer
from .literal_asks import asked_literals
from .model import Answer, Comparison, Grounding, RenamedUnit, UnitEntry
from .placed import placed
from .premise import corrected, unbelieved, without_guess
from .reasons import undivided, unexplained
from .request import AnswerRequest
from .scope import named_absent
from .shared_leads import listed_most_answer, shared_lead_answer, unled_answer
from .targets import target_answer
from .topic import topic_answer
from .units import unit_answer
from .unknown_units import unclear_unit_answer, unknown_unit_answer

__all__ = ["Answer", "AnswerRequest", "Comparison", "Grounding", "RenamedUnit", "UnitEntry", "answer"]


# Asked of a unit (市数据局现在的局长叫什么名字), a detail no task item states: answered as a topic question,
# which says the documents do not give it, never with the unit's tasks.
UNSTATED_OF_UNITS = frozenset({Detail.PERSON, Detail.AUTHORITY})
# Whether a named unit is among a topic's units (政法委算不算责任单位): asked of the unit's items on the topic.
WHETHER = re.compile(r"算不算|是不是|是否|有没有|有无|[是算][^，。？?]{0,12}吗")


def answer(engine: Engine, request: AnswerRequest) -> Answer:
    started = time.perf_counter()
    q = engine.understand(request.question)
    years = request.years or q.years
    kinds = request.kinds or q.kinds or None
    review = not request.years  # filters the user set are strict; a year read from the question may be a review year
    top_k = request.top_k or engine.settings.top_k
    retrievers = request.retrievers
    absent = named_absent(engine, q.text)  # 3号建议案, 2025年政府工作报告: no such document
    # 带“11家”的那个目标, 以“加快培育”开头的任务: the items holding them, no framing
    literal = any(lit.figure or lit.opening for lit in asked_literals(q.text))
    aspect = document_aspect(engine, q) if not (request.units or absent or literal) else None
    document = document_answer(engine, q, aspect, years, kinds) if aspect else None
    if absent:  # 3号建议案, 2025年政府工作报告: no such document
        result = Answer(
            question=q.raw,
            intent=q.intent,
            years=list(years),
            units=list(q.units),
            topic=q.topic,
            summary=absent,
            citations=[],
            found=False,
        )
    elif document is not None:
        result = document
    elif (listed := literal_answer(engine, q, _literal_years(engine, q, years, kinds), kinds)) is not None:
        result = listed  # 带“试点”两个字的工作, “8家”这个数: every item holding it
    elif (
        shared := shared_lead_answer(engine, q, years, kinds)
        or listed_most_answer(engine, q, years, kinds)
        or unled_answer(engine, q, years, kinds)
    ) is not None:
        result = shared  # 两个部门一块儿挂帅的, 责任单位最多的那条: the items by how many units they name
    elif q.intent is Intent.TARGET and (found := target_answer(engine, q, years)) is not None:
        result = found  # target, result and verdict; else answered as a topic question below
    elif (
        q.units
        and (q.intent is Intent.UNIT_ITEMS or (q.intent is Intent.COMPARE and not q.topic))
        and not UNSTATED_OF_UNITS & set(asked_details(q.raw))
    ):
        # 市数据局2023年和2025年的任务有什么不同: the unit's items of each year, under each year's name
        result = unit_answer(engine, without_guess(engine, q) or unbelieved(q), years, kinds, top_k, retrievers)
        if (
            not result.found
            and q.topic
            and q.role is None
            and (said := said_of(engine, q, lambda a: topic_answer(engine, a, years, kinds, top_k, retrievers)))
        ):
            result = said  # 市发改委在建议案办理中还要汇总什么: the scheme's paragraph that names it, no unit clause
        if not result.found and (
            fixed := corrected(engine, q, lambda a: topic_answer(engine, a, years, kinds, top_k, retrievers))
        ):
            result = fixed  # 低空商业航线应该是经信局牵头的吧: the task, with who does it
    elif q.intent is Intent.UNIT_ITEMS and q.unclear_units:
        result = unclear_unit_answer(engine, q, years, kinds)
    elif q.intent is Intent.UNIT_ITEMS and q.unknown_units:
        result = unknown_unit_answer(engine, q, years, kinds, retrievers)
    elif q.intent is Intent.COMPARE or (not (request.years or request.kinds) and across_years(engine, q, years, kinds)):
        result = compare_answer(engine, q, years, kinds, top_k, retrievers)
    else:
        result = topic_answer(engine, q, years, kinds, top_k, retrievers, review, _units(engine, request.units))
        fact = lambda a: topic_answer(engine, a, a.years or years, kinds, top_k, retrievers)  # noqa: E731
        if not result.found and (worked := arithmetic_answer(q, engine.understand, fact)) is not None:
            result = worked  # AED台数是急救站个数的几倍: each figure's item, and what they make
    # 数据局的预算: the unit's items, or why none; never in the report, which names no units (去年报告讲体育这块)
    if (
        result.found
        and q.units
        and (q.intent in (Intent.FACT, Intent.SEARCH) or (q.intent is Intent.TOPIC_UNITS and WHETHER.search(q.text)))
        and not mentioned(engine, result, q.units)
        and not reports_only(engine, years, kinds)
    ):
        result = unit_answer(engine, q, years, kinds, top_k, retrievers)
    result = unexplained(q.raw, result)  # 为啥往下调: the items say what, never why
    result = undivided(q, result)  # 工商联具体负责干啥: the items list units, never how they split a task
    result = placed(q.text, result)  # 放在哪一节: the cited items' headings, said
    if q.respelled:  # 独脚兽 read as 独角兽: said, so staff see what was searched
        pairs = "、".join(say("answer.respelled_pair", typed=t, read=r) for t, r in q.respelled)
        result.notes.append(say("answer.respelled", pairs=pairs))
    if q.described:  # 管工业的局 read as 市经信局: a reading of the question, said
        pairs = "、".join(say("answer.described_pair", typed=t, unit=u) for t, u in q.described)
        result.notes.append(say("answer.respelled", pairs=pairs))
    if request.units:  # said, so a forwarded answer never reads as the whole picture
        result.notes.append(say("answer.unit_filter", units="、".join(request.units)))
    result.elapsed_ms = (time.perf_counter() - started) * 1000
    return result


def _literal_years(
    engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> tuple[int, ...]:
    """A wording compared across documents of different years (去年的报告和建议案里“闯关”, 前年分工方案和政协建议案里
    各拿“梯度”说什么): each document's own year, so no year narrows it; within one kind the years asked stand (23年和
    25年方案)."""
    compared = q.intent is Intent.COMPARE and len(kinds or ()) > 1
    return () if compared or across_years(engine, q, years, kinds) else years


def across_years(engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None) -> bool:
    """Documents named together whose years differ (去年的报告和建议案, 前年的方案和2号建议案): the year said
    belongs to one of them, so each is read in its own year, side by side, as a comparison."""
    named = named_kinds(q.text)  # 2023年方案 is the plan, not the plan and the scheme beside it
    if q.units or q.intent is Intent.TARGET or DocKind.NOTICE in named or len(named) < 2 or len(years) != 1:
        return False  # a plan's notice speaks of the report (通知说政府工作报告是…承诺): one document asked
    return not all(years[0] in kind_years(engine, k, years) for k in named)


def reports_only(engine: Engine, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None) -> bool:
    """Every document in scope names no units (the 2024 report): a unit asked there can only be a topic."""
    scoped = [d for d in engine.documents if (not years or d.year in years) and (not kinds or d.kind in kinds)]
    return bool(scoped) and not any(d.kind.names_units for d in scoped)


def said_of(engine: Engine, q: Question, search: Callable[[Question], Answer]) -> Answer | None:
    """A unit's topic none of its items holds, answered from paragraphs that name the unit in their text and carry
    no unit clause (a scheme's 工作安排, a report's review): the unit is then one of the topic's words. An item
    whose clauses name the unit never answers here: its role was the unit path's to judge; nor does a role asked
    (投控集团…要配合的), which only unit clauses state."""
    names = {n for unit in q.units for n in engine.unit_names(unit)}
    forms = sorted({f for n in names for f in engine.catalog.forms_of(n)} | names, key=len, reverse=True)
    form = next((f for f in forms if f in q.text), None)
    if form is None:
        return None
    asked = replace(q, topic=f"{form} {q.topic}", intent=Intent.SEARCH)
    found = search(asked)
    cited = [h for h in found.citations if not h.item.units and any(f in h.item.text for f in forms)]
    if not found.found or not cited or cited[0] is not found.citations[0]:
        return None  # the best hit is a task whose clauses the unit path has read, or names no unit
    return replace(
        found,
        summary=say("answer.best_item", citation=cited[0].item.citation),
        citations=cited,
        intent=q.intent,
        topic=q.topic,
        lead_units=[],
        responsible_units=[],
        unit_entries=[],
    )


def mentioned(engine: Engine, result: Answer, units: tuple[str, ...]) -> bool:
    """Some cited item names one of the units, among its units or in its text under any of its names."""
    names = {n for unit in units for n in engine.unit_names(unit)}
    forms = {f for n in names for f in engine.catalog.forms_of(n)} | names
    return any(names & set(h.item.units) or any(f in h.item.text for f in forms) for h in result.citations)


def _units(engine: Engine, asked: tuple[str, ...]) -> tuple[str, ...]:
    """The catalog's names for the units the user filtered on, with their renamed predecessors/successors."""
    names: list[str] = []
    for unit in asked:
        found, _ = engine.catalog.find(unit)
        for name in found or (unit,):
            names.extend(engine.unit_names(name))
    return tuple(dict.fromkeys(names))
