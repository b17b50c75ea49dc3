"""The values every stage speaks in: documents, unit clauses, items, unit links, targets, and the enums
that name them.

Records are frozen so that a record handed to the index, the answer builder and the app is the same
value everywhere; JSON round-trips keep the index folder free of pickle. The enums are `StrEnum`s: they
compare equal to, and serialise as, their plain values, so the index format and the CLI's JSON stay stable.
"""

from .core import (
    KIND_LABELS,
    BuildReport,
    Clause,
    Detail,
    DocKind,
    Document,
    Intent,
    Item,
    Limits,
    Retriever,
    Role,
    Source,
)
from .targets import Comparator, LinkStatus, Measure, Outcome, Target, TargetLink
from .units import LINK_PARTS, Direction, Link, Relation, UnitLink, UnitLinks

__all__ = [
    "DocKind",
    "KIND_LABELS",
    "Role",
    "Detail",
    "Intent",
    "Retriever",
    "Document",
    "Clause",
    "Source",
    "Item",
    "BuildReport",
    "Limits",
    "Relation",
    "Direction",
    "Link",
    "LINK_PARTS",
    "UnitLink",
    "UnitLinks",
    "Comparator",
    "Measure",
    "LinkStatus",
    "Target",
    "Outcome",
    "TargetLink",
]
