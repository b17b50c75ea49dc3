"""Each target linked to the report's result on the same indicator and year, with a status.

The rule (also printed by the CLI, `RULE`):
- candidates are the results about the target's year whose indicator shares enough character
  bigrams with the target's (overlap coefficient ≥ MATCH_THRESHOLD, chosen on eval/targets/dev.jsonl);
- a candidate is comparable when the measure agrees (增长 with 增长, 新增 never with 总量; an unmarked
  amount with either) and the unit of measure is the same after 万/亿 scaling;
- the best comparable candidate (highest overlap, then the closest value) decides met / not_met
  by the comparator; only incomparable candidates → not_comparable; none → no_report.
"""

from __future__ import annotations

import math
import re

from ..ingest.quantities import scaled
from ..records import Comparator, LinkStatus, Outcome, Target, TargetLink

MATCH_THRESHOLD = 0.65
ABOUT_TOLERANCE = 0.1
RULE = (
    f"同一年份、指标相近（字符二元组重合度≥{MATCH_THRESHOLD}）且口径相同（增长对增长，新增不对总量，计量单位一致）的结果"
    f"与目标比较：以上/达到/突破/未注明 → 结果≥目标为完成；以内 → 结果≤目标为完成；左右 → 结果≥目标的{round((1 - ABOUT_TOLERANCE) * 100)}%为完成；"
    "只有口径不同的结果 → 口径不同；没有结果 → 报告未提及。"
)


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def similarity(a: str, b: str) -> float:
    """Overlap coefficient of character bigrams: 城镇新增就业 vs 城镇新增就业 = 1, 绿道 vs 林荫路 = 0.
    A two-character indicator must be equal: 活动 is inside every 某某活动 and names none of them."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y or (min(len(x), len(y)) == 1 and a != b):
        return 0.0
    return len(x & y) / min(len(x), len(y))


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
    """Same measure, same unit of measure, same administrative level, and not a part against a whole."""
    return (
        target.measure.comparable(outcome.measure)
        and same_unit(target.unit, outcome.unit)
        and same_level(target.indicator, outcome.indicator)
        and same_stage(target.text, outcome.text)
        and not part_of_whole(target.indicator, outcome.indicator)
    )


def stage_of(text: str) -> str:
    return next((name for name, pattern in STAGES if pattern.search(text)), "")


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


def part_of_whole(target: str, outcome: str) -> bool:
    """A result counting two things together (公办幼儿园、中小学89所) says nothing of one of them."""
    joined = lambda s: "、" in s or "和" in s or "及" in s  # noqa: E731
    return "、" in outcome and not joined(target)


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
    scored = [(similarity(target.indicator, o.indicator), o) for o in outcomes if o.year == target.year]
    scored = [(s, o) for s, o in scored if s >= threshold]
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
    return [link_target(t, outcomes, threshold) for t in targets if year is None or t.year == year]
