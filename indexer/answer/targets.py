"""Questions about targets met (2023年地区生产总值增长目标完成了吗 / 市人社局2023年哪些目标没完成).

The answer states the target, the report's result and the verdict, and cites both items. The
question's indicator is found by the share of a target indicator's character bigrams the question
holds (all of 充电桩's); a unit named in the question lists that unit's targets instead.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..messages import say
from ..messages.labels import citation_label
from ..records import Intent, LinkStatus, Outcome, Target
from ..search.engine import Engine
from ..search.question import Question
from ..search.retrieve import Hit
from ..store import Filter
from ..store.targets import read_targets
from .model import Answer
from .relevance import judge
from .select import search_text
from .target_links import RULE, TargetLink, bigrams, link_all
from .wording import figure_sentence

MIN_COVERAGE = 1.0  # every bigram of the indicator is in the question
# or, said in other order or shortened, nearly all its characters and half its bigrams
MIN_CHARS, MIN_CHAR_SHARE, MIN_LOOSE = 4, 0.85, 0.5
JOINERS = re.compile(r"[和与及、]")
NOT_MET_WORDS = re.compile(r"(没|未)有?完成|没完成|没有完成|未达到|没达到|没实现")


@lru_cache(maxsize=4)
def _load(folder: str, stamp: float) -> tuple[tuple[Target, ...], tuple[Outcome, ...]]:
    targets, outcomes = read_targets(Path(folder))
    return tuple(targets), tuple(outcomes)


def load_targets(engine: Engine) -> tuple[list[Target], list[Outcome]]:
    """The engine's index folder, read once per build (the config's time stamps a build)."""
    targets, outcomes = _load(*_build(engine))
    return list(targets), list(outcomes)


def load_links(engine: Engine) -> list[TargetLink]:
    """Every target linked to its result, computed once per build (about 0.9 s), like the targets."""
    return list(_links(*_build(engine)))


def _build(engine: Engine) -> tuple[str, float]:
    """The index folder and its build's time stamp: the key both caches read by."""
    folder = engine.settings.index_folder.resolve()
    config = folder / "config.json"
    return str(folder), config.stat().st_mtime if config.exists() else 0.0


@lru_cache(maxsize=4)
def _links(folder: str, stamp: float) -> tuple[TargetLink, ...]:
    targets, outcomes = _load(folder, stamp)
    return tuple(link_all(list(targets), list(outcomes)))


def coverage(indicator: str, text: str) -> float:
    grams = bigrams(indicator)
    return sum(g in text for g in grams) / len(grams) if grams else 0.0


def pick_year(links: list[TargetLink], years: tuple[int, ...]) -> int | None:
    """The asked year; with no year asked, the latest year a report looks back on. A year asked that
    no report looks back on has none (2025年…实际完成了多少): the scope rule says so."""
    reported = sorted({k.target.year for k in links if k.outcome is not None})
    asked = [y for y in years if y in reported]
    if years and not asked:
        return None
    return asked[0] if asked else (reported[-1] if reported else None)


def char_share(indicator: str, text: str) -> float:
    """The share of the indicator's characters (和 and 、 aside) the question holds, for an indicator
    said in other order or shortened (品牌店旗舰店 for 品牌店和旗舰店, 燃气老管网改造 for 老旧燃气管网改造)."""
    chars = JOINERS.sub("", indicator)
    return sum(c in text for c in chars) / len(chars) if len(chars) >= MIN_CHARS else 0.0


def matching(links: list[TargetLink], text: str) -> list[TargetLink]:
    """Targets whose indicator the question names; of equal targets (part 二 and 民生实事) the first."""
    scored = [(_named(k.target.indicator, text), len(k.target.indicator), k) for k in links]
    best = max((s for s, _, _ in scored), default=0.0)
    if best < MIN_COVERAGE:
        return []
    longest = max(n for s, n, _ in scored if s == best)
    chosen, seen = [], set()
    for s, n, k in scored:
        key = (k.target.indicator, k.target.value, k.target.unit)
        if s == best and n == longest and key not in seen:
            seen.add(key)
            chosen.append(k)
    return chosen


def _named(indicator: str, text: str) -> float:
    """1.0 or more when the question names the indicator: 2 when it spells it, less when it holds its characters."""
    exact = coverage(indicator, text)
    if exact >= MIN_COVERAGE:
        return 2.0
    share = char_share(indicator, text)
    return MIN_COVERAGE + (share + exact) / 4 if share >= MIN_CHAR_SHARE and exact >= MIN_LOOSE else exact


def restated(links: list[TargetLink], chosen: list[TargetLink]) -> list[TargetLink]:
    """The same targets set again elsewhere in the plan (民生实事 repeating part 二): cited after the first."""
    keys = {(k.target.indicator, k.target.value, k.target.unit) for k in chosen}
    return [k for k in links if (k.target.indicator, k.target.value, k.target.unit) in keys and k not in chosen]


def verdict(link: TargetLink) -> str:
    t, o = link.target, link.outcome
    if o is None:
        return say("answer.target_no_report", year=t.year, target=t.text, target_item=t.item_id, report_year=t.year + 1)
    return say(
        "answer.target_verdict",
        year=t.year,
        target=t.text,
        target_item=t.item_id,
        report_year=t.year + 1,
        outcome=o.text,
        outcome_item=o.item_id.split(".")[0],
        status=link.status.label,
    )


def cited(engine: Engine, links: list[TargetLink]) -> list[Hit]:
    ids = dict.fromkeys(i for k in links for i in (k.target.item_id, k.outcome.item_id if k.outcome else None) if i)
    return [Hit(engine.item(i), 1.0) for i in ids if i in engine.by_id]


def unit_summary(engine: Engine, q: Question, year: int, links: list[TargetLink]) -> tuple[str, list[TargetLink]]:
    """A unit's targets counted by status; the ones not met first, then those the report cannot settle.
    Asked 哪些…没完成, only those are listed; asked otherwise, every target is."""
    mine = [k for k in links if held_by(engine, q, k)]
    counts = {s.value: sum(k.status is s for k in mine) for s in LinkStatus}
    head = say("answer.target_unit_summary", unit="、".join(q.units), year=year, n=len(mine), **counts)
    order = [LinkStatus.NOT_MET, LinkStatus.NOT_COMPARABLE, LinkStatus.NO_REPORT]
    if not NOT_MET_WORDS.search(q.text):
        order.insert(0, LinkStatus.MET)
    chosen = [k for status in order for k in mine if k.status is status]
    lines = [head] + ([say("answer.target_unit_open")] if chosen and LinkStatus.MET not in order else [])
    return "\n".join(lines + [verdict(k) for k in chosen]), chosen


def held_by(engine: Engine, q: Question, link: TargetLink) -> bool:
    """The target is one of the asked units' own, as lead or responsible unit, under any earlier name."""
    names = {name for unit in q.units for name in engine.unit_names(unit)}
    return bool(names & set(link.target.lead_units + link.target.responsible_units))


def target_answer(engine: Engine, q: Question, years: tuple[int, ...] = ()) -> Answer | None:
    """None when no target fits the question: the caller then answers it as a topic question."""
    links = load_links(engine)
    year = pick_year(links, years or q.years)
    if year is None:
        return None
    links = [k for k in links if k.target.year == year]
    if q.units and (named := matching(links, q.text)):
        chosen = [k for k in named if held_by(engine, q, k)]  # 市人社局的城镇新增就业目标完成了吗: that target only
        if not chosen:
            return None  # 江夏区的城镇新增就业目标: the city's target is no district's, as a topic question says
        summary = "\n".join(verdict(k) for k in chosen)
    elif q.units:
        summary, chosen = unit_summary(engine, q, year, links)
    else:
        chosen = matching(links, q.text)
        if not chosen:
            return None
        summary = "\n".join(verdict(k) for k in chosen)
    later = later_plans(engine, q, year, years or q.years) if not q.units else []
    return Answer(
        question=q.raw,
        intent=Intent.TARGET,
        years=[year, *(h.item.year for h in later)],
        units=list(q.units),
        topic=q.topic,
        summary="\n".join([summary, *(later_line(engine, q, h) for h in later)]),
        citations=cited(engine, chosen + restated(links, chosen)) + later,
        notes=[say("targets.rule", rule=RULE)],
        searched={"topic": q.topic, "years": [year], "kinds": []},
    )


def later_plans(engine: Engine, q: Question, year: int, asked: tuple[int, ...]) -> list[Hit]:
    """A later year asked beside the result (2023年实际…，2024年计划…): that year's best item on the topic,
    from the items speaking of it (the 2024 report's plan, not its look back on 2023)."""
    found: list[Hit] = []
    query = search_text(q)
    for later in sorted(y for y in set(asked) if y > year):
        hits = [
            h for h in engine.rank(query, Filter.where([later]), question=q.text) if engine.speaks_of(h.item) == later
        ]
        ok, supporting, _ = judge(engine, query, hits)
        found.extend(supporting[:1] if ok else [])
    return found


def later_line(engine: Engine, q: Question, hit: Hit) -> str:
    return say(
        "answer.target_later_year",
        year=hit.item.year,
        text=figure_sentence(hit.item.text, q.text),
        item=citation_label(hit.item),
    )
