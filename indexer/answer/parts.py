"""Parts of a question that each need their own item.

Asked of two things joined and each on its own (上市公司和专精特新小巨人分别定了多少), the judge may
choose the item on one of them only; the other's item is on the topic too and answers its part.
Asked for a district's share of a figure (29.26万城镇新增就业里新城区贡献了多少), only an item on that
figure can say how it is shared: an item naming the district on something else (推动4个新城区…) cannot.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..search.question import Question
from ..search.retrieve import Hit
from .asks import asked_spans
from .grounding import conjuncts, term_groups
from .model import Grounding
from .places import narrowing_places
from .spelling import spelled_in

if TYPE_CHECKING:
    from ..search.engine import Engine

EACH_PART = re.compile(r"分别|各自|各是|各有|各要|各由|各归")  # each of the things joined is asked on its own
FIGURE = re.compile(r"\d")  # a term that is a figure (29.26, 600个) names what a district's share is of


def with_each_part(
    engine: Engine, q: Question, grounding: Grounding, supporting: list[Hit], grounded: list[Hit]
) -> list[Hit]:
    """Asked of two things joined (上市公司和专精特新小巨人分别定了多少), each is answered by its own item:
    a part no item the judge chose holds gets the best-ranked item on the topic that holds it."""
    if not EACH_PART.search(q.text) or len(conjuncts(engine, q.text)) < 2:
        return supporting  # 铁路、水运、公路、航空几张网: one thing said in its parts
    chosen = {h.item.id: h for h in supporting}
    for group in matched_groups(engine, q, grounding):
        if group and not any(holds(engine, h, group) for h in supporting):
            part = next((h for h in grounded if holds(engine, h, group)), None)
            if part is not None:
                chosen.setdefault(part.item.id, part)
    return list(chosen.values())


def beside_place(engine: Engine, q: Question, grounding: Grounding, grounded: list[Hit]) -> list[Hit]:
    """The items on the figure a district's share is asked of: 推动4个新城区… is on the run 新城区贡献 and
    holds nothing of 29.26万城镇新增就业, so it says nothing of the district's part of that figure."""
    if not narrowing_places(q.text):
        return grounded
    figures = [g for g in matched_groups(engine, q, grounding) if any(FIGURE.search(t) for t in g)]
    if not figures:
        return grounded
    return [h for h in grounded if any(holds(engine, h, g) for g in figures)]


def matched_groups(engine: Engine, q: Question, grounding: Grounding) -> list[set[str]]:
    """The topic's term groups (grounding.term_groups), each cut to the terms some hit supports."""
    terms = (*grounding.matched, *grounding.missing)
    groups = term_groups(engine, q.topic, terms, q.text, asked_spans(q.text))
    return [g & set(grounding.matched) for g in groups]


def holds(engine: Engine, hit: Hit, group: set[str]) -> bool:
    text = engine.texts[engine.by_id[hit.item.id]]
    return all(spelled_in(t, text) for t in group)
