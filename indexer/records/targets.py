"""Targets a plan sets, results a report gives, and the links between them (issue 23)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Comparator(StrEnum):
    """How a target's value binds: the wording after (or before) the number in the plan."""

    AT_LEAST = "以上"  # 以上 / 超过; a bare number (完成260个) is read as at least too
    ABOUT = "左右"
    AT_MOST = "以内"  # 以内 / 以下 / 控制在
    EXCEED = "突破"
    REACH = "达到"


class Measure(StrEnum):
    """What a number counts. 新增 and 总量 are kept apart: an added amount never meets a stock target.
    AMOUNT is a number the wording does not mark either way (完成260个, 技术合同成交额达到1450亿元)."""

    GROWTH = "growth"  # 增长6.5%: change over the year before
    ADDED = "added"  # 新增 / 新建 / 净增 …: done within the year, said so
    TOTAL = "total"  # 总量 / 总数 / 累计 / 总里程 …: a stock, said so
    AMOUNT = "amount"  # neither said: comparable with both
    LEVEL = "level"  # 涨幅3%, 占比11%: a rate that is not a growth of the indicator

    def comparable(self, other: Measure) -> bool:
        if Measure.AMOUNT in (self, other):
            return {self, other} <= {Measure.AMOUNT, Measure.ADDED, Measure.TOTAL}
        return self is other


class LinkStatus(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NO_REPORT = "no_report"  # the report says nothing about the indicator
    NOT_COMPARABLE = "not_comparable"  # a result on the indicator exists but measures something else

    @property
    def label(self) -> str:
        return {"met": "已完成", "not_met": "未完成", "no_report": "报告未提及", "not_comparable": "口径不同"}[
            self.value
        ]


@dataclass(frozen=True)
class Target:
    """One quantitative target of a plan item: 城镇新增就业 22 万人 以上 in 2023."""

    id: str  # item id + "#" + ordinal within the item
    item_id: str
    year: int
    indicator: str
    value: float
    unit: str  # unit of measure as written: %, 万人, 个, 亿元 …
    comparator: Comparator
    measure: Measure
    text: str  # the clause the target was read from
    area: str = ""  # the plan's part or section heading
    lead_units: tuple[str, ...] = ()
    responsible_units: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Target:
        return cls(
            **{
                **data,
                "comparator": Comparator(data["comparator"]),
                "measure": Measure(data["measure"]),
                "lead_units": tuple(data["lead_units"]),
                "responsible_units": tuple(data["responsible_units"]),
            }
        )


@dataclass(frozen=True)
class Outcome:
    """One quantitative statement of a report's review: 城镇新增就业 29.26 万人 in 2023."""

    id: str  # paragraph item id + "#" + ordinal
    item_id: str
    year: int  # the year the statement is about (the report's year - 1)
    indicator: str
    value: float
    unit: str
    measure: Measure
    text: str  # the clause
    sentence: str  # the whole sentence, for a reader

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Outcome:
        return cls(**{**data, "measure": Measure(data["measure"])})


@dataclass(frozen=True)
class TargetLink:
    """A target, the result linked to it (None: the report is silent) and the verdict."""

    target: Target
    outcome: Outcome | None
    status: LinkStatus
    score: float = 0.0  # indicator similarity of the link
