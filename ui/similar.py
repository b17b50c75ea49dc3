"""Items of other years that restate an item, by text alone (the unit only breaks ties).

Similarity is the share of the item's character bigrams, weighted by rarity (IDF over the
corpus), that the other item also has: 低空 counts, 推动 hardly does. A report paragraph that
mentions 低空经济 among other things scores high; the same unit's GDP target does not.
Below THRESHOLD nothing is offered: "其他年份没有相近条目" is more honest than a weak match.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter

from indexer.records import Item

from .comparing import bigrams

THRESHOLD = 0.25  # weighted share of the item's bigrams; read off a few items by hand, not tuned on eval
PER_YEAR = 2

_WEIGHTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine → (bigrams by id, idf)


def _weights(engine) -> tuple[dict[str, set[str]], dict[str, float]]:
    if engine not in _WEIGHTS:
        grams = {i.id: bigrams(i.text) for i in engine.items}
        counts = Counter(g for s in grams.values() for g in s)
        total = len(engine.items)
        _WEIGHTS[engine] = (grams, {g: math.log(total / c) for g, c in counts.items()})
    return _WEIGHTS[engine]


def similarity(engine, item: Item, other: Item) -> float:
    grams, idf = _weights(engine)
    own = grams[item.id]
    whole = sum(idf[g] for g in own)
    return sum(idf[g] for g in own & grams[other.id]) / whole if whole else 0.0


def other_years(engine, item: Item, threshold: float = THRESHOLD) -> dict[int, list[tuple[Item, float, list[str]]]]:
    """Per other year, up to PER_YEAR items at or above threshold, most similar first; among
    equally similar ones (to two decimals) those sharing a unit first. Each with the shared units."""
    units = set(item.units)
    found: dict[int, list[tuple[Item, float, list[str]]]] = {}
    for year in engine.years:
        if year == item.year:
            continue
        scored = [(similarity(engine, item, o), o) for o in engine.items if o.year == year]
        ranked = sorted(
            (p for p in scored if p[0] >= threshold), key=lambda p: (-round(p[0], 2), not units & set(p[1].units))
        )
        if ranked:
            found[year] = [(o, s, [u for u in o.units if u in units]) for s, o in ranked[:PER_YEAR]]
    return found
