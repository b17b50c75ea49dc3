"""A result asked (2023年实际新增多少, 办理了几件): the report that reviews the year answers, not its plan.

The plan states a target; the next year's report states what was done. Its long review paragraphs rank
below the plan's short items naming the same target, so the best of them are judged among the first hits,
and cited alone when the judge keeps any.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import DocKind, Retriever
from ..search.question import Question
from ..search.retrieve import Hit
from ..store import Filter
from .asks import asked_details
from .detail import states
from .model import Grounding
from .relevance import DEPTH
from .scope import asks_done, asks_plan, reviewed_years

if TYPE_CHECKING:
    from ..search.engine import Engine

Years = tuple[int, ...]
Retrievers = tuple[Retriever, ...] | None

REVIEWS_JUDGED = 2  # a review's best paragraphs judged beside the plan's items when a result is asked
REVIEW_SAID = re.compile(r"回顾|回望")  # 报告回顾营商环境那一节: the review part is asked, not the plan


def review_first(engine: Engine, question: str, hits: list[Hit]) -> list[Hit]:
    """Asked of a report's review (回顾扩内需那部分), its review paragraphs answer; the plan part on the same
    topic is nearby. The review's hits among those judged go first, in their order; one ranked below them is
    too far from the question to be moved up (dev: moving every review hit up lost two answers for one)."""
    if not REVIEW_SAID.search(question):
        return hits
    back = [h for h in hits[:DEPTH] if h.item.id in engine.review_ids]
    ids = {h.item.id for h in back}
    return [*back, *(h for h in hits if h.item.id not in ids)]


def with_reviews(
    engine: Engine, q: Question, years: Years, query: str, hits: list[Hit], retrievers: Retrievers
) -> list[Hit]:
    """Asked what a year achieved (2023年实际新增多少), the report that reviews that year answers, and its long
    review paragraphs rank below the plan's short items that name the same target: its best ones are judged
    among the first few hits."""
    reviewed = [y + 1 for y in years if y in reviewed_years(engine)]
    if not reviewed or not asks_done(q.text):
        return hits
    where = Filter.where(reviewed, [DocKind.REPORT])
    reviews = [h for h in engine.rank(query, where, retrievers, question=q.text) if engine.speaks_of(h.item) in years]
    held = {h.item.id for h in hits[:DEPTH]}
    extra = [h for h in reviews[:REVIEWS_JUDGED] if h.item.id not in held]
    ids = {h.item.id for h in extra}
    return [*hits[:REVIEWS_JUDGED], *extra, *(h for h in hits[REVIEWS_JUDGED:] if h.item.id not in ids)]


def results_first(
    engine: Engine, q: Question, years: Years, cited: list[Hit], grounded: list[Hit], grounding: Grounding
) -> list[Hit]:
    """Asked what a year achieved (2023年实际新增多少), the report's review of that year answers; the year's
    plan states a target, not a result. The judge's review paragraphs are cited alone when there are any, else
    the best one on the topic that states the detail asked."""
    if not asks_done(q.text) or asks_plan(q.text):
        return cited
    reviews = [h for h in cited if h.item.id in engine.review_ids and engine.speaks_of(h.item) in years]
    if reviews:
        return reviews
    asked = asked_details(q.text)
    texts = engine.texts
    stating = [
        h
        for h in grounded
        if h.item.id in engine.review_ids
        and engine.speaks_of(h.item) in years
        and all(states(d, texts[engine.by_id[h.item.id]], grounding.matched, q.text) for d in asked)
    ]
    return stating[:1] or cited
