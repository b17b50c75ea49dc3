"""Which documents a question may be answered from: every constraint at once, never relaxed.

A question may name a year and a kind the corpus lacks (2023年市政协建议案: the only
proposal scheme is 2025's). Answering from another document with a note puts words in
a document that does not exist; the answer is "not found", naming the documents there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import say
from ..messages.labels import kind_label
from ..records import DocKind
from ..search.engine import Engine
from ..store import Filter


@dataclass
class Scope:
    where: Filter | None
    notes: list[str] = field(default_factory=list)
    missing_years: tuple[int, ...] = ()  # asked for, and in no document at all
    reason: str = ""  # why nothing is left ("" when something is)

    @property
    def nothing_left(self) -> bool:
        return bool(self.reason)


def document_years(engine: Engine, review: bool) -> set[int]:
    """Years a question can be about: a document's year, and with review the year a report reviews."""
    years = {d.year for d in engine.documents}
    if review:
        years |= {d.year - 1 for d in engine.documents if d.kind == "report"}
    return years


def documents_list(engine: Engine) -> str:
    """The documents there are, by year and kind (2023年责任分解方案、2024年政府工作报告…)."""
    return "、".join(f"{y}年{kind_label(k)}" for y, k in sorted({(d.year, d.kind) for d in engine.documents}))


def scope(
    engine: Engine, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None, review: bool, units: tuple[str, ...] = ()
) -> Scope:
    years = tuple(years or ())
    missing = tuple(y for y in years if y not in document_years(engine, review))
    if years and len(missing) == len(years):
        have = "、".join(f"{y}年" for y in sorted({d.year for d in engine.documents}))
        asked = "、".join(f"{y}年" for y in years)
        return Scope(
            None,
            [say("answer.years_present", years=have)],
            missing,
            say("answer.no_year_document", years=asked, have=documents_list(engine)),
        )
    present = tuple(y for y in years if y not in missing)
    where = Filter.where(present, kinds, units or None, with_review=review, by_document=review)
    in_kinds = Filter.where(present, kinds, with_review=review, by_document=review)  # the units aside
    if where is not None and kinds and in_kinds is not None and not engine.columns.mask(in_kinds).any():
        span = "、".join(f"{y}年" for y in present)
        asked = span + "、".join(kind_label(k) for k in kinds)
        return Scope(None, [], missing, say("answer.no_document", asked=asked, have=documents_list(engine)))
    return Scope(where, [], missing)
