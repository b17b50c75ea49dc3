"""Which documents a question may be answered from, relaxed one step at a time and said out loud.

A question may name a year and a kind the corpus lacks (2025年政府工作报告: there is no
2025 report). The kind is relaxed first, keeping the year; a year the corpus does not
have at all is never replaced by another: the answer says so and finds nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..messages.labels import kind_label
from ..store import Filter


@dataclass
class Scope:
    where: Filter | None
    notes: list[str] = field(default_factory=list)
    missing_years: tuple[int, ...] = ()      # asked for, and in no document at all

    @property
    def nothing_left(self) -> bool:
        return bool(self.missing_years) and self.where is None


def document_years(engine, review: bool) -> set[int]:
    """Years a question can be about: a document's year, and with review the year a report reviews."""
    years = {d.year for d in engine.documents}
    if review:
        years |= {d.year - 1 for d in engine.documents if d.kind == "report"}
    return years


def scope(engine, years, kinds, review: bool) -> Scope:
    years = tuple(years or ())
    missing = tuple(y for y in years if y not in document_years(engine, review))
    if years and len(missing) == len(years):
        have = "、".join(f"{y}年" for y in sorted({d.year for d in engine.documents}))
        return Scope(None, [f"现有文件的年份：{have}。"], missing)
    present = tuple(y for y in years if y not in missing)
    where = Filter.where(present, kinds, with_review=review, by_document=review)
    notes = []
    if where is not None and kinds and not engine.columns.mask(where).any():
        where = Filter.where(present, None, with_review=review, by_document=review)
        span = "、".join(f"{y}年" for y in present) or "语料"
        asked = "、".join(kind_label(k) for k in kinds)
        found = sorted({kind_label(d.kind) for d in engine.documents if not present or d.year in present})
        notes.append(f"没有{span}{asked}，以下来自{span}{'、'.join(found)}。")
    return Scope(where, notes, missing)
