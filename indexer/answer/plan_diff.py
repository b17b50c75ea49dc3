"""Plan against plan: each item of the later plan matched to its nearest items of the earlier one.

A match needs evidence: the two texts share enough IDF-weighted character bigrams (cosine ≥
MATCH_THRESHOLD, chosen on eval/targets/dev.jsonl's `match` rows; a second item only at ≥ SECOND_RATIO
of the first's score; a bigram never spans a number: 活动1000场 is not 动场), or they share a target indicator
(same measure, bigram overlap ≥ the link threshold). Wording shared by chance (举办…活动…场以上, 特色化发展)
is checked against meaning: given the plan items' dense vectors (plan_vectors.npz, written by the build),
an earlier item is a candidate only when it is closer in meaning to the later one than most of its plan
(z-score over the earlier plan ≥ MEANING_FLOOR). A later item without a match is 新增; an earlier
item no later item matched is 不再列出. A continued item (延续) lists its value changes
(充电桩6万个 → 8万个) and lead-unit changes, a rename or merge labelled from corpus/unit_renames.tsv.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..ingest.quantities import scaled
from ..ingest.targets import UNIT_CLAUSE
from ..records import DocKind, Item, Target, UnitLinks
from .target_links import MATCH_THRESHOLD as INDICATOR_THRESHOLD
from .target_links import same_size, same_stage, same_unit, similarity

MATCH_THRESHOLD = 0.2  # dev sweep 0.15–0.4 (eval/targets/dev.jsonl, match rows)
PHRASE = 4  # characters (dev: 4 also finds 中试平台, 航天新城, 消费活动; its edges below keep out 统筹推进武)
COMMON_ITEMS = 3  # a stretch one character shorter than a phrase in this many items is wording, not a name
COMMON_WORD_ITEMS = 20  # a two-character word in this many plan items (推进, 城市) is no edge of a name
SECOND_RATIO = 0.9  # a second earlier item only when nearly as close as the first (援藏 vs 援疆: 0.79 / 0.50)
MEANING_FLOOR = 1.0  # standard deviations above the earlier plan's mean closeness (dev sweep in eval/targets/README.md)
RELATION_LABELS = {"renamed": "改名", "merged": "合并"}


@dataclass(frozen=True)
class ValueChange:
    indicator: str
    before: str  # 6万个
    after: str  # 8万个


@dataclass(frozen=True)
class UnitChange:
    before: str
    after: str
    relation: str  # 改名 / 合并 / "" when the units are not linked


@dataclass
class ItemMatch:
    later: Item
    earlier: list[Item] = field(default_factory=list)
    score: float = 0.0
    values: list[ValueChange] = field(default_factory=list)
    units: list[UnitChange] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "延续" if self.earlier else "新增"


@dataclass
class PlanDiff:
    earlier_year: int
    later_year: int
    matches: list[ItemMatch]
    dropped: list[Item]


def body(item: Item) -> str:
    return UNIT_CLAUSE.sub("", item.text.splitlines()[-1])


def plan_items(items: list[Item], year: int) -> list[Item]:
    return [i for i in items if i.year == year and i.kind is DocKind.PLAN and i.doc_kind is DocKind.PLAN]


def _grams(text: str) -> Counter:
    """Character bigrams within runs of Chinese: none across a number or punctuation (活动1000场 has no 动场)."""
    runs = re.split(r"[\W\dA-Za-z_]+", text)
    return Counter(run[i : i + 2] for run in runs for i in range(len(run) - 1))


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    grams = [_grams(t) for t in texts]
    df = Counter(g for c in grams for g in c)
    idf = {g: math.log(len(texts) / n) + 1 for g, n in df.items()}
    vectors = []
    for c in grams:
        v = {g: n * idf[g] for g, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({g: x / norm for g, x in v.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(g, 0.0) for g, x in a.items())


def shares_indicator(a: list[Target], b: list[Target]) -> bool:
    """The same indicator counted the same way: measure, project size (亿元以上 vs 50亿元以上) and stage
    (新开工 vs 谋划) agree."""
    return any(
        x.measure.comparable(y.measure)
        and similarity(x.indicator, y.indicator) >= 0.99
        and len(x.indicator) >= 3
        and same_size(x.text, y.text)
        and same_stage(x.text, y.text)
        for x in a
        for y in b
    )


def repeats(early: list[Item], by_item: dict[str, list[Target]]) -> dict[str, Item]:
    """An item whose every target an item before it already sets (the 民生实事 list restating part 二's
    新增品牌连锁便利店200家) repeats that item: a match to it is a match to the item it repeats."""
    keys = {e.id: {(t.indicator, t.value, t.unit) for t in by_item.get(e.id, [])} for e in early}
    found: dict[str, Item] = {}
    for n, e in enumerate(early):
        first = next((f for f in early[:n] if keys[e.id] and keys[e.id] <= keys[f.id]), None)
        if first is not None:
            found[e.id] = found.get(first.id, first)
    return found


def choose(
    item: Item,
    scored: list[tuple[float, Item]],
    by_item: dict[str, list[Target]],
    threshold: float,
    rare: dict[str, set[str]],
) -> list[tuple[float, Item]]:
    """The earlier items the later one continues, strongest evidence first: close wording (the first,
    and a second nearly as close) or a shared indicator among the two closest; failing that, a shared
    indicator further down (技改项目 for 技术改造项目); failing that, a phrase only these two items hold."""
    mine = by_item.get(item.id, [])
    chosen = [
        (s, e)
        for k, (s, e) in enumerate(scored[:2])
        if (s >= threshold and (k == 0 or s >= SECOND_RATIO * scored[0][0]))
        or shares_indicator(mine, by_item.get(e.id, []))
    ]
    chosen = chosen or [p for p in scored if shares_indicator(mine, by_item.get(p[1].id, []))][:2]
    if chosen or not rare.get(item.id):
        return chosen
    counts = [(len(rare[item.id] & rare.get(e.id, set())), s, e) for s, e in scored]
    most = max((c for c, _, _ in counts), default=0)
    return [(s, e) for c, s, e in counts if c == most][:1] if most else []


def close_in_meaning(
    item: Item, scored: list[tuple[float, Item]], early: list[Item], meaning: Mapping[str, np.ndarray]
) -> list[tuple[float, Item]]:
    """The candidates closer in meaning to the later item than most of the earlier plan: a dense cosine at
    least MEANING_FLOOR standard deviations above the plan's mean (a relative floor: a model's cosines
    crowd together, 0.90–0.97 for e5). Without vectors for the item every candidate stays."""
    known = [e.id for e in early if e.id in meaning]
    if item.id not in meaning or len(known) < 2:
        return scored
    closeness = np.stack([meaning[i] for i in known]) @ meaning[item.id]
    spread = float(closeness.std()) or 1.0
    z = dict(zip(known, ((closeness - closeness.mean()) / spread).tolist(), strict=True))
    return [(s, e) for s, e in scored if z.get(e.id, MEANING_FLOOR) >= MEANING_FLOOR]


def phrases(text: str, size: int = PHRASE) -> set[str]:
    """Stretches of `size` Chinese characters, never across punctuation, digits or Latin letters."""
    runs = re.split(r"[\W\dA-Za-z_]+", text)
    return {run[i : i + size] for run in runs for i in range(len(run) - size + 1)}


def rare_phrases(early: list[Item], late: list[Item]) -> dict[str, set[str]]:
    """Each item's phrases that one item of each plan holds and no other (中试平台, 航天新城, 股权投资机构):
    a name the two plans share and nothing else does. A phrase that begins or ends with a common stretch
    one character shorter (统筹推进 of 筹推进武: in COMMON_ITEMS items or more) or with a word used everywhere
    (推进城市, 城市治理, 国际合作: 推进, 城市, 国际 in COMMON_WORD_ITEMS items or more) is a habit of wording, not a name."""
    texts = {i.id: body(i) for i in early + late}
    own = {i: phrases(t) for i, t in texts.items()}
    edge = PHRASE - 1
    common = {g for g, n in Counter(g for t in texts.values() for g in phrases(t, edge)).items() if n >= COMMON_ITEMS}
    words = {g for g, n in Counter(g for t in texts.values() for g in phrases(t, 2)).items() if n >= COMMON_WORD_ITEMS}
    once_early = {g for g, n in Counter(g for i in early for g in own[i.id]).items() if n == 1}
    once_late = {g for g, n in Counter(g for i in late for g in own[i.id]).items() if n == 1}
    unique = {g for g in once_early & once_late if not ({g[:edge], g[-edge:]} & common or {g[:2], g[-2:]} & words)}
    return {i: grams & unique for i, grams in own.items()}


def diff_plans(
    items: list[Item],
    targets: list[Target],
    links: UnitLinks,
    earlier_year: int,
    later_year: int,
    threshold: float = MATCH_THRESHOLD,
    unit: str | None = None,
    meaning: Mapping[str, np.ndarray] | None = None,
) -> PlanDiff:
    early, late = plan_items(items, earlier_year), plan_items(items, later_year)
    vectors = _vectors([body(i) for i in early + late])
    by_item: dict[str, list[Target]] = {}
    for t in targets:
        by_item.setdefault(t.item_id, []).append(t)
    repeated = repeats(early, by_item)
    rare = rare_phrases([e for e in early if e.id not in repeated], late)
    matches = []
    for n, item in enumerate(late):
        v = vectors[len(early) + n]
        best: dict[str, tuple[float, Item]] = {}
        for k, e in enumerate(early):
            own = repeated.get(e.id, e)
            best[own.id] = max(best.get(own.id, (0.0, own)), (cosine(v, vectors[k]), own), key=lambda p: p[0])
        scored = close_in_meaning(item, sorted(best.values(), key=lambda p: -p[0]), early, meaning or {})
        chosen = choose(item, scored, by_item, threshold, rare)
        match = ItemMatch(item, [e for _, e in chosen], chosen[0][0] if chosen else 0.0)
        if chosen:
            match.values = value_changes(
                by_item.get(item.id, []), [t for _, e in chosen for t in by_item.get(e.id, [])]
            )
            match.units = unit_changes(chosen[0][1], item, links)
        matches.append(match)
    matched = {e.id for m in matches for e in m.earlier}
    dropped = [e for e in early if repeated.get(e.id, e).id not in matched]
    if unit:
        matches = [m for m in matches if unit in m.later.units or any(unit in e.units for e in m.earlier)]
        dropped = [e for e in dropped if unit in e.units]
    return PlanDiff(earlier_year, later_year, matches, dropped)


def value_changes(later: list[Target], earlier: list[Target]) -> list[ValueChange]:
    """Targets paired one to one, most similar indicator first, then the closest value; same unit only."""
    pairs = sorted(
        (
            (similarity(t.indicator, e.indicator), -_distance(t, e), n, k)
            for n, t in enumerate(later)
            for k, e in enumerate(earlier)
            if same_unit(t.unit, e.unit)
        ),
        reverse=True,
    )
    used_later, used_earlier, changes = set(), set(), []
    for score, _, n, k in pairs:
        if score < INDICATOR_THRESHOLD or n in used_later or k in used_earlier:
            continue
        used_later.add(n)
        used_earlier.add(k)
        t, e = later[n], earlier[k]
        before, after = f"{e.value:g}{e.unit}", f"{t.value:g}{t.unit}"
        if before != after:
            changes.append(ValueChange(t.indicator, before, after))
    return changes


def _distance(a: Target, b: Target) -> float:
    x, y = scaled(a.value, a.unit)[0], scaled(b.value, b.unit)[0]
    return abs(math.log(x / y)) if x > 0 and y > 0 else math.inf


def unit_changes(earlier: Item, later: Item, links: UnitLinks) -> list[UnitChange]:
    if earlier.lead_units == later.lead_units:
        return []
    changes = []
    for old in earlier.lead_units:
        if old in later.lead_units:
            continue
        related = links.related(old)
        new = next((u for u in later.lead_units if u in related), None)
        if new is not None:
            changes.append(UnitChange(old, new, RELATION_LABELS.get(related[new].split(":")[0], "")))
        elif later.lead_units:
            changes.append(UnitChange(old, "、".join(later.lead_units), ""))
    return changes
