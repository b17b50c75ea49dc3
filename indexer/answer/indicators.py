"""Whether a plan's indicator and a report's indicator name the same thing (issue 23).

The base measure is the overlap coefficient of character bigrams, which reads paraphrases well
(微循环道路 / 微循环路, 留汉就业创业大学生 / 大学生留汉就业创业) but also counts chance overlaps between
different things: 新城区老旧供水管网 holds 水管 and 管网 of 排水管网, 百里长江生态廊道节点项目 holds 点项 and 项目
of 重点项目. So, before the overlap is taken, each indicator is cut to its core, and two guards apply:
- the core drops what other rules judge: an administrative level (市级 / 省级, `same_level`), an
  aggregate word (托位总数 is 托位 counted as a stock, the measure says so), a stage or action at the end
  (城市书房建设, 数字经济产业园建设和提档升级: `same_stage`), a union mark at the start (各类公园);
- the modifier: the first two characters of the shorter core (排水 of 排水管网) must be in the longer one;
- the head: the last character of one core (what is counted: 台 of 平台, 量 of 注册量) must be in the other;
- an indicator made only of generic words (重点项目, 活动, 设施) names nothing and must be equal.
An abbreviation reads as the same indicator: the shorter core's characters in order in the longer, with
at most one character between two of them (技改项目 in 技术改造项目, 数字化产线 in 数字化生产线).
"""

from __future__ import annotations

import re

LEVEL_WORDS = re.compile(r"国家级|省级|市级|区级|以上")
AGGREGATE_END = re.compile(r"(总数|总量|数)$")
ACTION_END = re.compile(
    r"(建设和提档升级|提档升级|优化升级|更新改造|建设|有力推进|全面启动|建成投用|建成开放|开通运营)$"
)
ACTION_START = re.compile(r"^(启动|推进|推动|加快)")
UNION_START = re.compile(r"^(各类|各种|各项)")
GENERIC_WORDS = re.compile(r"重点|项目|工程|活动|设施|建设|任务|工作")
PUNCTUATION = re.compile(r"[\W_]")
GENERIC_HEAD = re.compile(r"(企业|设施)$")  # 小巨人企业 counts 小巨人, 二次供水设施 counts 二次供水
CARRIER = re.compile(r"(企业|设施|项目)$")  # 垃圾处理项目 and 垃圾集中处理设施 both count what treats 垃圾


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def overlap(a: str, b: str) -> float:
    """Overlap coefficient of character bigrams: 城镇新增就业 vs 城镇新增就业 = 1, 绿道 vs 林荫路 = 0.
    A two-character indicator must be equal: 活动 is inside every 某某活动 and names none of them."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y or (min(len(x), len(y)) == 1 and a != b):
        return 0.0
    return len(x & y) / min(len(x), len(y))


def core(indicator: str) -> str:
    """The indicator without what other rules judge: 市级众创孵化载体 → 众创孵化载体, 托位总数 → 托位."""
    text = PUNCTUATION.sub("", LEVEL_WORDS.sub("", indicator))
    text = ACTION_START.sub("", UNION_START.sub("", text))
    for pattern in (ACTION_END, AGGREGATE_END):
        cut = pattern.sub("", text)
        text = cut if len(cut) >= 2 else text
    return text


def generic(indicator: str) -> bool:
    """重点项目, 设施建设: nothing is left once the generic words are gone."""
    return len(GENERIC_WORDS.sub("", indicator)) < 2


def similarity(a: str, b: str) -> float:
    """How surely two indicators name the same thing: the bigram overlap of their cores, or 0 when a guard
    fails; two cores that both end with a generic carrier are also compared without it (垃圾处理项目 /
    垃圾集中处理设施: 垃圾处理 / 垃圾集中处理)."""
    x, y = core(a), core(b)
    bare = [CARRIER.sub("", c) if len(c) >= 5 else c for c in (x, y)]
    both = bare[0] != x and bare[1] != y  # each counts a generic carrier of something: compare the somethings
    return max(_similarity(x, y), _similarity(*bare) if both else 0.0)


def _similarity(x: str, y: str) -> float:
    if x == y:
        return 1.0 if x else 0.0
    if generic(x) or generic(y):
        return 0.0
    short, long = sorted((x, y), key=len)
    if abbreviates(short, long):
        return 1.0
    if short[:2] not in long or not (x[-1] in y or y[-1] in x):
        return 0.0
    return overlap(x, y)


def abbreviates(short: str, long: str) -> bool:
    """技改项目 in 技术改造项目, 数字化产线 in 数字化生产线: the short name's characters in order, each gap in the
    long one a single character (a word cut to one of its characters). A gap of two or more is a word put
    in, which narrows: 亿元产业项目 is not 亿元项目. Four characters at least, so that chance cannot do it."""
    if len(short) < 4 or generic(short):
        return False
    pattern = re.compile("[^\\W]?".join(map(re.escape, short)))
    return bool(pattern.search(long))


def counts_same(target: str, outcome: str) -> bool:
    """What the target counts (the last character of its core, or of any part of a list) is named by the
    result: 老旧小区成片改造示范点 counts 示范点, which 老旧小区改造 does not name. A generic head (企业, 设施) is left
    off, and a carrier (项目) when the result ends with another one (垃圾处理项目 / 垃圾集中处理设施)."""
    result = core(outcome)
    other = CARRIER.search(result)
    heads = [core(part) for part in re.split(r"[、和及]", target) if part]
    heads = [_head(h, other.group(0) if other else "") for h in heads if h]
    return not heads or any(h[-1] in result for h in heads)


def _head(text: str, carrier: str) -> str:
    own = CARRIER.search(text)
    if len(text) <= 4 or not own:
        return text
    return text[: own.start()] if GENERIC_HEAD.search(text) or (carrier and carrier != own.group(0)) else text


def whole_of(target: str, outcome: str) -> bool:
    """各类公园 against 口袋公园, 单元 against 重点单元: the result counts every kind of what the target counts one
    kind of. The whole is marked (各类) or a bare two-character head that is not generic (活动 names nothing)."""
    if UNION_START.match(target):
        return False
    marked = UNION_START.match(outcome)
    head = core(outcome)
    bare = len(head) == 2 and not generic(head)
    whole = (bool(marked) and len(head) >= 2) or bare
    return whole and core(target).endswith(head) and core(target) != head
