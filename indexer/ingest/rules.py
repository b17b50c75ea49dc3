"""The reviewed data files that shape records: mojibake repairs and unit renames.

Both live in the corpus folder (`repairs.tsv`, `unit_renames.tsv`), so a corpus at
POLQA_CORPUS brings its own. The build copies the unit links into the index, so
answering never reads the corpus folder. Which years a link applies to is not
written here: it follows from the documents (see `UnitLinks.seen_in`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError
from ..foundation.tsv import read_tsv
from ..records import Relation, UnitLink, UnitLinks

REPAIRS = "repairs.tsv"
RENAMES = "unit_renames.tsv"


@dataclass(frozen=True)
class CorpusRules:
    repairs: tuple[tuple[str, str], ...] = ()  # longest broken span first
    units: UnitLinks = UnitLinks()

    @classmethod
    def load(cls, corpus_dir: Path) -> CorpusRules:
        pairs = [(r["broken"], r["fixed"]) for r in read_tsv(corpus_dir / REPAIRS) if r.get("broken")]
        links = tuple(read_link(row) for row in read_tsv(corpus_dir / RENAMES) if row.get("old"))
        # longest first, so an overlapping shorter key never pre-empts a longer one
        return cls(tuple(sorted(pairs, key=lambda p: -len(p[0]))), UnitLinks(links))


def read_link(row: dict) -> UnitLink:
    """One reviewed row; a relation outside the three stops the build with the row named."""
    old, new = row["old"].strip(), (row.get("new") or "").strip()
    try:
        relation = Relation((row.get("relation") or "").strip())
    except ValueError:
        raise CorpusError(
            "units.bad_relation", RENAMES, old=old, relation=row.get("relation") or "", allowed="、".join(Relation)
        ) from None
    if not new or new == old:
        raise CorpusError("units.bad_link", RENAMES, old=old, new=new)
    return UnitLink(old, new, relation, (row.get("evidence") or "").strip())
