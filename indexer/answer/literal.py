"""Questions about the words or figures themselves: every item in scope that holds them, in document order.

Staff check a document for a word (带“试点”两个字的工作, “总部”这个词出现在哪几条) or a figure
(“8家”这个数对应哪些事, 目标数是1000的有几个, 按“家”计数的指标). The answer is a complete list, which
ranking cannot promise and the judge would refuse as off topic; it is a plain scan of the items'
own text (not their headings, which would sweep every item under 民生实事), and "not found" says
the word or figure does not occur in what was asked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import numpy as np

from ..foundation.text import normalise_query
from ..messages import say
from ..messages.labels import kind_label
from ..records import Detail, DocKind, Item
from ..search.engine import Engine
from ..search.question import Question
from ..search.retrieve import Hit
from ..search.vocabulary import vocabulary
from .arithmetic import SCALE, asked_operation
from .asks import asked_details
from .literal_asks import FIGURE_PARTS, Literal, asked_literals
from .model import Answer, unfound
from .scope import Scope, scope
from .select import aggregate_units, role_words, span_words

# Details a scan for the words cannot answer: who coined them, why, whether it happened or may happen.
BEYOND_WORDS = frozenset({Detail.PERSON, Detail.AUTHORITY, Detail.REASON, Detail.OUTCOME, Detail.PERMISSION})
QUANTITIES = frozenset({Detail.NUMBER, Detail.MONEY, Detail.LENGTH, Detail.AREA})
# The largest or smallest of the figures asked (按座算的哪件数量最大, 论长度最短的一项): the extreme items alone.
EXTREME = re.compile(r"最(?P<large>[大多高长])|最(?P<small>[小少低短])")
WHICH = re.compile(r"哪|几(?:处|条|项|个)|另一处|各处")  # 一处指…另一处指什么 asks where, then what
OCCURRENCES = re.compile(
    r"(?:几|多少)(?:段|处|条|项|次|回|遍|个地方|件|句|样)|(?:地方|段落|条目|句子?)(?:有|一共|总共|共)?(?:几|多少)个?"
)  # how often a word is said (出现在几段, 说到它的地方有几个), not a figure of its topic
LISTED = 40  # the items shown of a longer list; the count is always the whole
# The report said bare (报告部署部分说到“7个”, 报告里写了几次“30家”): a scan reads only it; named as a plan's
# parent (报告分解方案) it is the plan.
REPORT_SAID = re.compile(r"报告(?![^，,。？?]{0,4}(?:分解|目标任务|责任))")


def literal_answer(
    engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> Answer | None:
    """Every item in scope whose own text holds the literals asked; None when the question asks none."""
    literals = asked_literals(q.text)
    words_only = not any(lit.figure for lit in literals)  # what a figure means, its item says
    asked = set(asked_details(q.text))
    if not literals or (words_only and Detail.MEANING in asked and not WHICH.search(q.text)):
        return None  # “数化武汉”这个提法是什么意思 asks a meaning; 出现在哪几条、各是什么意思 asks where first
    if asked & BEYOND_WORDS:
        return None  # “产业转型闯关”这个提法是哪位领导提出的: who said it, which no item's words say
    if words_only and asked & QUANTITIES and not OCCURRENCES.search(q.text):
        return None  # “耐心资本”这个说法，让利比例定的多少: a figure of the topic, not how often the word is said
    if asked_operation(q.text):
        return None  # 按家次算，除以合作处个数: a figure of each operand, not every item counted in 家次
    if not (kinds or years) and REPORT_SAID.search(q.text):
        kinds = (DocKind.REPORT,)
    scoped = scope(engine, years, kinds, False, (), q.text)
    shown = "、".join(lit.shown for lit in literals)
    searched = {
        "topic": shown,
        "literal": [lit.shown for lit in literals],
        "years": list(years),
        "kinds": [str(k) for k in kinds or ()],
    }
    base = unfound(q, years, searched)
    if scoped.nothing_left:
        return replace(base, summary=scoped.reason)
    allowed = _unit_items(engine, q, years, kinds, literals)
    items = [
        item
        for item in in_named_part(q.text, scoped_items(engine, scoped))
        if (allowed is None or item.id in allowed) and _held(item, literals)
    ]
    items.sort(key=lambda item: -_count_held(item, literals))  # the item holding all the figures first
    if not items and all(lit.loose for lit in literals):
        return None  # 前年“创建”、今年“建成”，两条各落在哪: the quotes were no words asked, the topic answers
    if not items:
        return replace(base, summary=_absent(engine, q, years, literals, shown, unit_filtered=allowed is not None))
    summary = say("answer.literal_found", literal=shown, count=len(items))
    if (extreme := EXTREME.search(q.text)) and (measured := _extremes(items, literals, bool(extreme["large"]))):
        items, value = measured  # 按座算的哪件数量最大: the item with the largest figure in 座
        summary = say("answer.literal_extreme", literal=shown, extreme=extreme.group(), value=value, count=len(items))
    lead, resp, entries = aggregate_units(items[:LISTED])  # the unit lists follow the items cited
    return replace(
        base,
        summary=summary,
        citations=[Hit(item, 1.0) for item in items[:LISTED]],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        found=True,
    )


def _extremes(items: list[Item], literals: tuple[Literal, ...], large: bool) -> tuple[list[Item], str] | None:
    """The items whose figure in the measure asked is the largest (or smallest), and that figure; None unless a
    measure is asked and its figures read."""
    measures = [lit for lit in literals if lit.figure and lit.measure]
    valued = [(v, item) for item in items if (v := _value(item, measures)) is not None]
    if not valued:
        return None
    best = max(v for v, _ in valued) if large else min(v for v, _ in valued)
    return [item for v, item in valued if v == best], f"{best:g}{measures[0].measure}"


def _value(item: Item, measures: list[Literal]) -> float | None:
    """The item's largest figure in the measures asked (万 and 亿 read), or None."""
    values = [
        float(m.group(1)) * SCALE[m.group(2) or ""]
        for lit in measures
        for m in FIGURE_PARTS.finditer(_own_words(item))
        if lit.pattern.match(_own_words(item), m.start())
    ]
    return max(values) if values else None


def scoped_items(engine: Engine, scoped: Scope) -> list[Item]:
    """Every item the scope allows, in corpus order: a listing scans them all."""
    inside = engine.columns.mask(scoped.where) if scoped.where is not None else np.ones(len(engine.items), bool)
    return [item for row, item in enumerate(engine.items) if inside[row]]


def in_named_part(question: str, items: list[Item]) -> list[Item]:
    """The items under a top part the question names by its heading (四、民生实事) or by the glossary's word for
    it (惠民实事): 民生实事里按“家”计数的 scans that part, not the plan."""
    names = {_part_name(i) for i in items} - {""}
    said = {n for n in names if len(n) >= 4 and any(_named(question, w) for w in (n, *_said_for(n)))}
    return [i for i in items if _part_name(i) in said] if said else items


def _named(question: str, name: str) -> bool:
    """Named as where to look, not set aside (除了工作目标那段, 民生实事不算)."""
    at = question.find(name)
    return at >= 0 and not SET_ASIDE.search(question[max(0, at - 6) : at + len(name) + 6])


SET_ASIDE = re.compile(r"除了?|以外|之外|不算|除外|不含|不包括")


def _part_name(item: Item) -> str:
    top = item.path[0] if item.path else ""
    return top.split("、", 1)[1] if "、" in top else ""


@lru_cache(maxsize=64)
def _said_for(name: str) -> tuple[str, ...]:
    return tuple(typed for typed, meant in vocabulary() if meant == name)


def _unit_items(
    engine: Engine,
    q: Question,
    years: tuple[int, ...],
    kinds: tuple[DocKind, ...] | None,
    literals: tuple[Literal, ...],
) -> set[str] | None:
    """Asked of a unit (数据局牵头的任务里带“平台”的), only its items in the role asked, under its names of each year;
    a unit read from the word asked (长江新区在报告里出现在几段) is that word, not whose items to scan."""
    words = [lit.shown.strip("“”") for lit in literals if not lit.figure]
    units = [unit for unit in q.units if not any(word in unit for word in words)]
    if not units:
        return None
    return {t.item.id for unit in units for t in engine.unit_items(unit, years, kinds, q.role)}


@lru_cache(maxsize=4096)
def _own_words(item: Item) -> str:
    """The item's text without its unit clauses, or 带“数据” would hold every item 市数据局 is in."""
    return normalise_query("。".join(c.task for c in item.clauses) if item.clauses else item.text).lower()


def _count_held(item: Item, literals: tuple[Literal, ...]) -> int:
    text = _own_words(item)
    return sum(bool(lit.pattern.search(text)) for lit in literals)


def _held(item: Item, literals: tuple[Literal, ...]) -> bool:
    text = _own_words(item)
    figures = [lit for lit in literals if lit.figure]
    words = [lit for lit in literals if not lit.figure]
    return all(w.pattern.search(text) for w in words) and (not figures or any(f.pattern.search(text) for f in figures))


def _absent(
    engine: Engine, q: Question, years: tuple[int, ...], literals: tuple[Literal, ...], shown: str, unit_filtered: bool
) -> str:
    """Not in scope; the documents that do hold it are named, so staff see the question's scope was the cause."""
    if unit_filtered:
        units = "、".join(q.units)
        return say("answer.literal_unit_absent", units=units, span=span_words(years), role=role_words(q), literal=shown)
    held = sorted({(i.year, i.doc_kind) for i in engine.items if _held(i, literals)})
    if held:
        elsewhere = "、".join(f"{y}年{kind_label(k)}" for y, k in held)
        return say("answer.literal_elsewhere", literal=shown, elsewhere=elsewhere)
    return say("answer.literal_absent", literal=shown)
