"""What an answer is: the summary, the cited hits, the units by role, and for comparisons the change."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Detail, Intent, Relation, Role
from ..search.question import Question
from ..search.retrieve import Hit


@dataclass
class UnitEntry:
    unit: str
    role: Role
    items: dict[int, list[str]] = field(default_factory=dict)  # year → item ids
    link: str | None = None  # e.g. "原名 市科技局（改名）"

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.items.values())

    @property
    def item_ids(self) -> list[str]:
        return [i for year in sorted(self.items) for i in self.items[year]]


@dataclass(frozen=True)
class RenamedUnit:
    old: str
    new: str
    relation: Relation


@dataclass(frozen=True)
class Comparison:
    years: tuple[int, ...]
    items: dict[int, list[str]]  # year → item ids on the topic
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    renamed: tuple[RenamedUnit, ...]
    kept: tuple[str, ...]
    absent: tuple[int, ...] = ()  # years whose documents do not have the topic at all


@dataclass(frozen=True)
class Grounding:
    """Which of the question's salient terms the cited items support, and which none of them does."""

    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    unstated: tuple[Detail, ...] = ()  # details the question asks that no item on its topic states
    verified: float | None = None  # the verifier's best p over the first hits, when it read a refused question


@dataclass(kw_only=True)
class Answer:
    question: str
    intent: Intent
    years: list[int]
    units: list[str]
    topic: str
    summary: str
    citations: list[Hit]
    lead_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    unit_entries: list[UnitEntry] = field(default_factory=list)
    comparison: Comparison | None = None
    notes: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0
    found: bool = True  # False: nothing supports the question ("没有找到相关条目")
    related: list[Hit] = field(default_factory=list)  # shown apart, never cited, never feeding unit lists
    searched: dict = field(default_factory=dict)  # what was searched: topic, years, kinds
    grounding: Grounding = field(default_factory=Grounding)

    @property
    def basis_ids(self) -> set[str]:
        """Items the unit lists were drawn from."""
        return {i for entry in self.unit_entries for i in entry.item_ids}


def unfound(q: Question, years: tuple[int, ...], searched: dict[str, Any]) -> Answer:
    """The answer a listing starts from: nothing cited yet."""
    return Answer(
        question=q.raw,
        intent=q.intent,
        years=list(years),
        units=list(q.units),
        topic=q.topic,
        summary="",
        citations=[],
        found=False,
        searched=searched,
    )
