"""The reviewed data files that shape records: mojibake repairs and unit renames.

Both live in the corpus folder (`repairs.tsv`, `unit_renames.tsv`), so a corpus at
POLQA_CORPUS brings its own. The build copies the unit links into the index, so
answering never reads the corpus folder.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..records import UnitLink

REPAIRS = "repairs.tsv"
RENAMES = "unit_renames.tsv"
RELATION_LABELS = {"renamed": "改名", "merged": "合并", "successor": "现名", "predecessor": "原名"}


def read_tsv(path: Path) -> list[dict]:
    """Rows of a tab-separated file whose `#` lines are comments."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


@dataclass(frozen=True)
class UnitLinks:
    """Renamed and merged units; aliases are other spellings of one unit."""
    links: tuple[UnitLink, ...] = ()

    @property
    def aliases(self) -> dict[str, str]:
        return {r.old: r.new for r in self.links if r.relation == "alias"}

    @property
    def names(self) -> set[str]:
        return {name for r in self.links for name in (r.old, r.new)}

    def related(self, name: str) -> dict[str, str]:
        """Predecessors and successors of a unit, each with how it is linked (`renamed:successor`)."""
        related: dict[str, str] = {}
        for r in self.links:
            if r.relation == "alias":
                continue
            if r.old == name:
                related[r.new] = f"{r.relation}:successor"
            elif r.new == name:
                related[r.old] = f"{r.relation}:predecessor"
        return related

    def to_json(self) -> list[dict]:
        return [{"old": r.old, "new": r.new, "relation": r.relation, "evidence": r.evidence} for r in self.links]

    @classmethod
    def from_json(cls, rows: list[dict]) -> "UnitLinks":
        return cls(tuple(UnitLink(r["old"], r["new"], r["relation"], r.get("evidence", "")) for r in rows))


@dataclass(frozen=True)
class CorpusRules:
    repairs: tuple[tuple[str, str], ...] = ()   # longest broken span first
    units: UnitLinks = UnitLinks()

    @classmethod
    def load(cls, corpus_dir: Path) -> "CorpusRules":
        pairs = [(r["broken"], r["fixed"]) for r in read_tsv(corpus_dir / REPAIRS) if r.get("broken")]
        links = tuple(UnitLink(r["old"], r["new"], r["relation"], r["evidence"])
                      for r in read_tsv(corpus_dir / RENAMES) if r.get("old"))
        # longest first, so an overlapping shorter key never pre-empts a longer one
        return cls(tuple(sorted(pairs, key=lambda p: -len(p[0]))), UnitLinks(links))
