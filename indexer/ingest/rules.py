"""The reviewed data files that shape records: mojibake repairs and unit renames.

Both live in the corpus folder (`repairs.tsv`, `unit_renames.tsv`), so a corpus at
POLQA_CORPUS brings its own. The build copies the unit links into the index, so
answering never reads the corpus folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..foundation.tsv import read_tsv
from ..records import UnitLink, UnitLinks

REPAIRS = "repairs.tsv"
RENAMES = "unit_renames.tsv"
RELATION_LABELS = {"renamed": "改名", "merged": "合并", "successor": "现名", "predecessor": "原名"}


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
