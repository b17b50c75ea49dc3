"""Sums, differences and ratios of two figures the documents give apart (AED台数是急救站个数的几倍).

No item states 800台 ÷ 10个, and no item holds both AED and 急救站, so a topic search refuses the
question as two subjects apart. Staff asking it want the two figures and what they make: each operand
is asked on its own, as a plain fact question of the same years and documents, and the answer cites
the item of each, computing the result only where each item gives one figure in the operand's measure.
An operand the documents give no figure for makes the whole question not found, naming that operand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from ..messages import say
from ..messages.labels import citation_label
from ..search.question import Question
from .model import Answer
from .select import aggregate_units


class Operation(StrEnum):
    SUM = "sum"
    DIFFERENCE = "difference"
    RATIO = "ratio"
    SHARE = "share"  # a ratio said as a percentage (占比多少)


SYMBOL = {Operation.SUM: "+", Operation.DIFFERENCE: "−", Operation.RATIO: "÷", Operation.SHARE: "÷"}


# Two operands and what is done with them, in staff's words; the first pattern that splits the question wins. An
# operand runs within one clause; 比 of 占比, 对比, 比例 compares nothing.
_A = r"(?P<a>[^。？?；;]+?)"
_B = r"(?P<b>[^，,。？?；;]+?)"
_THAN = r"(?<![占对相类无好])比(?![例重较如起])"
ASKED: tuple[tuple[Operation, re.Pattern[str]], ...] = (
    (Operation.RATIO, re.compile(rf"{_A}是{_B}的(?:多少|几)倍")),
    (Operation.RATIO, re.compile(rf"{_A}[，,]?除以{_B}(?=[，,。？?]|$)")),
    (Operation.SHARE, re.compile(rf"{_A}(?:在|占){_B}(?:里|中)?(?:面)?的?算?(?:占比|的?比例|比重|百分之几)")),
    (Operation.SHARE, re.compile(rf"{_A}[，,]?(?:大约|大概|约)?占{_B}的?(?:几成|百分之几)")),  # 1050个，占…总数的几成
    (Operation.RATIO, re.compile(rf"{_A}(?:大约|大概|约)?(?:顶|抵|相当于)(?:几|多少)个{_B}(?=[，,。？?]|$)")),
    (Operation.DIFFERENCE, re.compile(rf"{_A}(?:要|的)?{_THAN}{_B}(?:多|高|少|低|快|慢)(?:涨|出|增长|了)*(?:多少|几)")),
    (Operation.DIFFERENCE, re.compile(rf"{_A}(?:跟|和|与){_B}(?:相差|差了?)(?:多少|几)")),
    (
        Operation.SUM,
        re.compile(
            rf"{_A}(?:和|与|跟|加上|再加)(?![^，,。？?；;]*?(?:有关|相关|沾边)){_B}[，,]?(?:两样|两项|两个|两者|二者)?"
            r"(?:加起来|加在一起|合起来|相加|合计|总共|一共)"  # 跟“街”有关的事一共几条: the items related, counted
        ),
    ),
)
CONTEXT_END = re.compile(r"[，,：:]")
LOOSE_ENDS = "要的算是，,："
COMPARED = re.compile(r"(?:比起来|相比|比较|比)$")  # 跟杭州比差多少: 杭州 is the operand
# A measure the operand says (AED台数, 急救站个数, 按家次算, 增长几个点) → the measure its figure carries.
MEASURE_SAID = re.compile(r"(家次|人次|台|个|家|所|座|条|项|名|人|公里|亩|套|辆|万元|亿元|元)(?:数|次数)?")
FIGURE = re.compile(
    r"(?<![\d.第])(\d+(?:\.\d+)?)(万亿|万|亿)?(%|家\(次\)|家次|人次|[台个家所座条项名人亩套辆元]|公里)?"
)
SCALE = {"": 1, "万": 1e4, "亿": 1e8, "万亿": 1e12}


@dataclass(frozen=True)
class Operand:
    said: str  # as the question says it
    asked: str  # the fact question asked of it


def asked_operation(text: str) -> tuple[Operation, Operand, Operand] | None:
    """The operation and its two operands, each with the question's own context (前年定目标时，…)."""
    for operation, pattern in ASKED:
        match = pattern.search(text)
        if not match:
            continue
        first, second = match.group("a"), COMPARED.sub("", match.group("b")).strip(LOOSE_ENDS)
        cut = max((m.end() for m in CONTEXT_END.finditer(first)), default=0)
        context, first = first[:cut], first[cut:].strip(LOOSE_ENDS)
        if len(first) >= 2 and len(second) >= 2:
            return operation, Operand(first, f"{context}{first}是多少"), Operand(second, f"{context}{second}是多少")
    return None


def arithmetic_answer(
    q: Question, understand: Callable[[str], Question], answer_fact: Callable[[Question], Answer]
) -> Answer | None:
    """Both operands' items and, where each gives one figure, what they make; None when no operation is asked."""
    asked = asked_operation(q.text)
    if asked is None:
        return None
    operation, first, second = asked
    answers = [answer_fact(_with_years(understand(o.asked), q)) for o in (first, second)]
    pairs = list(zip((first, second), answers, strict=True))
    if not all(a.found and a.citations for _, a in pairs):
        if not any(a.found for _, a in pairs):
            return None
        missing, found = (next(o.said for o, a in pairs if a.found is held) for held in (False, True))
        return _unfound(q, answers, say("answer.arithmetic_missing", found=found, missing=missing))
    hits = list({h.item.id: h for h in (answers[0].citations[0], answers[1].citations[0])}.values())
    values = [_figure(o.said, a.citations[0].item.text) for o, a in pairs]
    parts = "；".join(
        say("answer.arithmetic_part", operand=o.said, where=citation_label(a.citations[0].item)) for o, a in pairs
    )
    result = _computed(operation, values[0], values[1])
    lead, resp, entries = aggregate_units([h.item for h in hits])
    return replace(
        answers[0],
        question=q.raw,
        intent=q.intent,
        topic=q.topic,
        summary=say("answer.arithmetic", parts=parts, result=result),
        citations=hits,
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        related=[],
        notes=[],
    )


def _with_years(asked: Question, q: Question) -> Question:
    """An operand said without its year (新增急救站个数) is of the question's years."""
    return asked if asked.years or not q.years else replace(asked, years=q.years)


def _unfound(q: Question, answers: list[Answer], summary: str) -> Answer:
    return replace(
        answers[0],
        question=q.raw,
        summary=summary,
        citations=[],
        found=False,
        lead_units=[],
        responsible_units=[],
        unit_entries=[],
        related=[],
    )


def _figure(said: str, text: str) -> tuple[float, str] | None:
    """The figure the operand quotes (300个工业项目), else the one figure of the item in the measure the operand says
    (台 of AED台数); None when it is not one."""
    quoted = [m for m in FIGURE.finditer(said) if m.group(3)]
    if len(quoted) == 1 and quoted[0].group(0) in text:
        return float(quoted[0].group(1)) * SCALE[quoted[0].group(2) or ""], _measure(quoted[0].group(3))
    measure = MEASURE_SAID.search(said)
    figures = [(m, _measure(m.group(3) or "")) for m in FIGURE.finditer(text)]
    if measure:
        figures = [(m, unit) for m, unit in figures if unit == _measure(measure.group(1))]
    if len(figures) != 1:
        return None
    match, unit = figures[0]
    return float(match.group(1)) * SCALE[match.group(2) or ""], unit


def _measure(unit: str) -> str:
    return "家次" if unit in ("家(次)", "家次") else unit


def _computed(operation: Operation, first: tuple[float, str] | None, second: tuple[float, str] | None) -> str:
    """按文件数字计算：800台 ÷ 10个 = 80; nothing where a figure is unclear or the division is by nothing."""
    dividing = operation in (Operation.RATIO, Operation.SHARE)
    if first is None or second is None or (dividing and second[0] == 0):
        return say("answer.arithmetic_uncomputed")
    a, b = first[0], second[0]
    value = {
        Operation.SUM: a + b,
        Operation.DIFFERENCE: a - b,
        Operation.RATIO: a / (b or 1),
        Operation.SHARE: 100 * a / (b or 1),
    }[operation]
    shown = f"{_number(value)}%" if operation is Operation.SHARE else _number(value)
    if operation in (Operation.SUM, Operation.DIFFERENCE) and first[1] == "%" == second[1]:
        shown = f"{_number(value)}个百分点"
    expression = f"{_number(a)}{first[1]} {SYMBOL[operation]} {_number(b)}{second[1]}"
    return say("answer.arithmetic_result", expression=expression, value=shown)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
