"""Unit links: a renamed or merged bureau, valid only across years whose documents do not name both."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from .core import Item


class Relation(StrEnum):
    """How two unit names in unit_renames.tsv are linked."""

    RENAMED = "renamed"  # one body, a new name
    MERGED = "merged"  # the old body folded into the new one
    ALIAS = "alias"  # two spellings of one unit inside one corpus (applied at ingest)


class Direction(StrEnum):
    SUCCESSOR = "successor"  # the later name
    PREDECESSOR = "predecessor"  # the earlier name


class Link(StrEnum):
    """A linked name as seen from the unit asked about; the value (`renamed:successor`) is
    what labels and the JSON output key on. Code reads `relation` and `direction`."""

    RENAMED_SUCCESSOR = "renamed:successor"
    RENAMED_PREDECESSOR = "renamed:predecessor"
    MERGED_SUCCESSOR = "merged:successor"
    MERGED_PREDECESSOR = "merged:predecessor"

    @classmethod
    def of(cls, relation: Relation, direction: Direction) -> Link:
        return cls(f"{relation}:{direction}")

    @property
    def relation(self) -> Relation:
        return LINK_PARTS[self][0]

    @property
    def direction(self) -> Direction:
        return LINK_PARTS[self][1]


LINK_PARTS = {Link.of(r, d): (r, d) for r in (Relation.RENAMED, Relation.MERGED) for d in Direction}


@dataclass(frozen=True)
class UnitLink:
    """A renamed or merged unit as the reviewed corpus/unit_renames.tsv records it."""

    old: str
    new: str
    relation: Relation
    evidence: str


@dataclass(frozen=True)
class UnitLinks:
    """Renamed and merged units; aliases are other spellings of one unit.

    A link connects an old name in an old year to a new name in a later year. Where the
    documents of one year name both units (市乡村振兴局 and 市农业农村局 in 2023), they were two
    bodies that year, so the link does not apply to that year: `presence` (unit → the years
    whose documents name it, filled from the items by `seen_in`) says which years those are."""

    links: tuple[UnitLink, ...] = ()
    presence: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def aliases(self) -> dict[str, str]:
        return {r.old: r.new for r in self.links if r.relation is Relation.ALIAS}

    @property
    def names(self) -> set[str]:
        return {name for r in self.links for name in (r.old, r.new)}

    def seen_in(self, items: Iterable[Item]) -> UnitLinks:
        """The same links, knowing which years' documents name each unit."""
        years: dict[str, set[int]] = {}
        for item in items:
            for unit in item.units:
                years.setdefault(unit, set()).add(item.year)
        return UnitLinks(self.links, tuple(sorted((u, tuple(sorted(y))) for u, y in years.items())))

    @cached_property
    def _years(self) -> dict[str, tuple[int, ...]]:
        return dict(self.presence)

    def years_of(self, name: str) -> tuple[int, ...]:
        return self._years.get(name, ())

    def coexist(self, one: str, other: str, year: int) -> bool:
        """Both names stand in that year's documents: two units that year, whatever the link says."""
        return year in self.years_of(one) and year in self.years_of(other)

    def related(self, name: str, year: int | None = None) -> dict[str, Link]:
        """Predecessors and successors of a unit, each with how it is linked; given a year,
        only those that may stand for the unit in that year (never one named beside it)."""
        related: dict[str, Link] = {}
        for r in self.links:
            if r.relation is Relation.ALIAS or name not in (r.old, r.new):
                continue
            other, direction = (r.new, Direction.SUCCESSOR) if r.old == name else (r.old, Direction.PREDECESSOR)
            if year is None or not self.coexist(name, other, year):
                related[other] = Link.of(r.relation, direction)
        return related

    def to_json(self) -> list[dict]:
        return [{"old": r.old, "new": r.new, "relation": str(r.relation), "evidence": r.evidence} for r in self.links]

    @classmethod
    def from_json(cls, rows: list[dict]) -> UnitLinks:
        return cls(tuple(UnitLink(r["old"], r["new"], Relation(r["relation"]), r.get("evidence", "")) for r in rows))
