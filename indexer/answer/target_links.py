"""Each target linked to the report's result on the same indicator and year, with a status.

The rule (also printed by the CLI, `RULE`):
- candidates are the results about the target's year whose indicator names the same thing
  (`indicators.similarity` ≥ MATCH_THRESHOLD, chosen on eval/targets/dev.jsonl), or every kind of it
  (各类公园 for 口袋公园: a whole, never comparable); a result counting projects above another size
  (亿元以上项目 for 50亿元以上项目) is about other projects and no candidate;
- a candidate is comparable when the measure agrees (增长 with 增长, 新增 never with 总量; an unmarked
  amount with either) and the unit of measure is the same after 万/亿 scaling;
- the best comparable candidate (highest overlap, then the closest value) decides met / not_met
  by the comparator; only incomparable candidates → not_comparable; none → no_report;
- a result read in the same sentence as a whole another target of the item was measured against
  (公办幼儿园、中小学89所，新增学位6.54万个 for 公办幼儿园45所，新增学位1.2万个) shares its scope: not comparable.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from ..ingest.quantities import scaled
from ..records import Comparator, LinkStatus, Outcome, Target, TargetLink
from .indicators import bigrams, counts_same, similarity, whole_of

__all__ = ["RULE", "TargetLink", "bigrams", "link_all", "link_target", "same_size", "same_stage", "similarity"]

MATCH_THRESHOLD = 0.65
ABOUT_TOLERANCE = 0.1
RULE = (
    f"同一年份、指标相同（去掉级别、总数、阶段词后字符二元组重合度≥{MATCH_THRESHOLD}，首字与中心词对应；缩写视为相同）"
    "且口径相同（增长对增长，新增不对总量，计量单位、级别、项目阶段与规模一致，不是合计或“各类”整体）的结果"
    f"与目标比较：以上/达到/突破/未注明 → 结果≥目标为完成；以内 → 结果≤目标为完成；左右 → 结果≥目标的{round((1 - ABOUT_TOLERANCE) * 100)}%为完成；"
    "只有口径不同的结果 → 口径不同；没有结果、只有维护对建设的结果、或结果已用于同一条目另一阶段的目标 → 报告未提及。"
)


LEVELS = ("国家级", "省级", "市级", "区级")
# A project's stage is part of what is counted: 开工 900 and 建成投产 126 count different projects.
STAGES = (
    ("start", re.compile(r"开工")),
    ("done", re.compile(r"建成|投产|竣工")),
    ("ongoing", re.compile(r"续建|加快建设|在建")),
    ("signed", re.compile(r"签约")),
    ("planned", re.compile(r"谋划|储备")),
    ("upkeep", re.compile(r"维护|疏捞|养护")),
)
COUNT_UNITS = {"个", "处", "座", "家", "所", "项"}  # classifiers of one count: 19处易渍水点 = 19个易渍水点


def comparable(target: Target, outcome: Outcome) -> bool:
    """Same measure, same unit of measure, same administrative level, same stage, the same thing counted,
    and not a part against a whole."""
    return (
        target.measure.comparable(outcome.measure)
        and same_unit(target.unit, outcome.unit)
        and same_level(target.indicator, outcome.indicator)
        and same_stage(target.text, outcome.text)
        and counts_same(target.indicator, outcome.indicator)
        and not part_of_whole(target.indicator, outcome.indicator)
        and not whole_of(target.indicator, outcome.indicator)
        and (joined_before(target) or not joined_before(outcome))
    )


def stage_of(text: str) -> str:
    return next((name for name, pattern in STAGES if pattern.search(text)), "")


def other_action(target: Target, outcome: Outcome) -> bool:
    """One side keeps up what exists (维护, 疏捞, 养护), the other builds: a different action."""
    stages = {stage_of(target.text), stage_of(outcome.text)}
    return "upkeep" in stages and len(stages) == 2


def same_stage(a: str, b: str) -> bool:
    """开工 against 建成, 续建 against 开工 …: different counts; a stage named on one side only does not decide."""
    sa, sb = stage_of(a), stage_of(b)
    if "upkeep" in (sa, sb):  # upkeep (疏捞维护5000公里) is never a count of what was built
        return sa == sb
    return not (sa and sb) or sa == sb


def same_unit(a: str, b: str) -> bool:
    (_scale_a, base_a), (_scale_b, base_b) = scaled(1, a), scaled(1, b)
    return base_a == base_b or (base_a in COUNT_UNITS and base_b in COUNT_UNITS)


def same_level(a: str, b: str) -> bool:
    """市级以上 and 省级以上 count different sets; a level named on one side only does not decide."""
    la, lb = [x for x in LEVELS if x in a], [x for x in LEVELS if x in b]
    return not (la and lb) or la == lb


def joined_before(quantity: Target | Outcome) -> bool:
    """整理和提升工业园区, 新增光伏、生物质发电等装机容量: what comes before the indicator joins two actions or
    kinds, so the number counts them together."""
    at = quantity.text.find(quantity.indicator)
    return at > 0 and any(mark in quantity.text[:at] for mark in ("和", "、", "及"))


def part_of_whole(target: str, outcome: str) -> bool:
    """A result counting two things together (公办幼儿园、中小学89所) says nothing of one of them."""
    joined = lambda s: "、" in s or "和" in s or "及" in s  # noqa: E731
    return "、" in outcome and not joined(target)


SIZE = re.compile(r"(\d+(?:\.\d+)?|十|百|千)?(亿元|万元)以上")
TENS = {"十": 10.0, "百": 100.0, "千": 1000.0}


def size_of(text: str) -> float | None:
    """50亿元以上项目 → 5e9; 亿元以上项目 → 1e8; None when no size is named."""
    found = SIZE.search(text)
    if not found:
        return None
    number = found.group(1) or "1"
    return scaled(TENS.get(number) or float(number), found.group(2))[0]


def same_size(a: str, b: str) -> bool:
    """Projects above 50亿元 and above 1亿元 are different sets; a size named on one side only does not decide."""
    x, y = size_of(a), size_of(b)
    return x is None or y is None or x == y


def candidate(target: Target, outcome: Outcome, threshold: float) -> float | None:
    """The indicator score of a result about the target's year and indicator; None when it is not one.
    Upkeep against building (疏捞维护管网 / 新改建管网) is another action on the thing, not another count of
    one action: the report says nothing of the upkeep (no_report, not not_comparable)."""
    if outcome.year != target.year or not same_size(target.text, outcome.text) or other_action(target, outcome):
        return None
    score = similarity(target.indicator, outcome.indicator)
    if score >= threshold:
        return score
    return threshold if whole_of(target.indicator, outcome.indicator) else None


def judge(target: Target, outcome: Outcome) -> LinkStatus:
    want, got = scaled(target.value, target.unit)[0], scaled(outcome.value, outcome.unit)[0]
    if target.comparator is Comparator.AT_MOST:
        met = got <= want
    elif target.comparator is Comparator.ABOUT:
        met = got >= want * (1 - ABOUT_TOLERANCE)
    else:
        met = got >= want
    return LinkStatus.MET if met else LinkStatus.NOT_MET


def link_target(target: Target, outcomes: list[Outcome], threshold: float = MATCH_THRESHOLD) -> TargetLink:
    scores = [(candidate(target, o, threshold), o) for o in outcomes]
    scored = [(s, o) for s, o in scores if s is not None]
    if not scored:
        return TargetLink(target, None, LinkStatus.NO_REPORT)
    good = [(s, o) for s, o in scored if comparable(target, o)]
    if not good:
        score, best = max(scored, key=lambda p: p[0])
        return TargetLink(target, best, LinkStatus.NOT_COMPARABLE, score)
    score, best = max(good, key=lambda p: (p[0], -_distance(target, p[1])))
    return TargetLink(target, best, judge(target, best), score)


def _distance(target: Target, outcome: Outcome) -> float:
    want, got = scaled(target.value, target.unit)[0], scaled(outcome.value, outcome.unit)[0]
    return abs(math.log(got / want)) if want > 0 and got > 0 else math.inf


def link_all(
    targets: list[Target], outcomes: list[Outcome], year: int | None = None, threshold: float = MATCH_THRESHOLD
) -> list[TargetLink]:
    links = [link_target(t, outcomes, threshold) for t in targets if year is None or t.year == year]
    return siblings_result(shared_scope(links))


def shared_scope(links: list[TargetLink]) -> list[TargetLink]:
    """A result in the sentence of a whole one target of the item met (幼儿园、中小学89所) counts the same whole."""
    wholes = {
        (k.target.item_id, k.outcome.sentence)
        for k in links
        if k.outcome is not None and k.status is LinkStatus.NOT_COMPARABLE and whole_against(k.target, k.outcome)
    }
    return [
        replace(k, status=LinkStatus.NOT_COMPARABLE)
        if k.outcome is not None
        and k.status in (LinkStatus.MET, LinkStatus.NOT_MET)
        and (k.target.item_id, k.outcome.sentence) in wholes
        else k
        for k in links
    ]


def whole_against(target: Target, outcome: Outcome) -> bool:
    return part_of_whole(target.indicator, outcome.indicator) or whole_of(target.indicator, outcome.indicator)


def siblings_result(links: list[TargetLink]) -> list[TargetLink]:
    """A result another target of the same item is measured by (开工亿元以上项目900个 → 新开工917个) is that
    target's; for its sibling of another stage (续建1840个) the report says nothing: no_report."""
    measured = {
        (k.target.item_id, k.outcome.id): k.target.id
        for k in links
        if k.outcome is not None and k.status in (LinkStatus.MET, LinkStatus.NOT_MET)
    }
    return [
        TargetLink(k.target, None, LinkStatus.NO_REPORT)
        if k.outcome is not None
        and k.status is LinkStatus.NOT_COMPARABLE
        and measured.get((k.target.item_id, k.outcome.id), k.target.id) != k.target.id
        else k
        for k in links
    ]
