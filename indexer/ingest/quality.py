"""A check after reading: does what came out look like the document, or like fragments of it?

A table read line by line across its columns, or two columns merged, still gives text, and
a plain 已添加 would hide that the records are pieces. For a kind whose items carry units
(a plan, a proposal scheme) most numbered items should name units, numbers should not sit
glued to unit names, and numbered items should outnumber stray paragraphs.
"""

from __future__ import annotations

import re

from ..messages import say
from ..records import DocKind, Item

UNIT_KINDS = (DocKind.PLAN, DocKind.PROPOSAL)
MIN_ITEMS = 3  # too few items to judge
NO_UNITS_SHARE = 0.5  # more items than this without units is suspect
GLUED_MIN = 3  # this many records with a number glued to a unit name is suspect
GLUED = re.compile(r"(?<![\d.．、])\d{1,3}\s*市[\u4e00-\u9fff]{1,10}?(局|委|办)(?!\w*单位)")


def reading_problems(kind: DocKind, items: list[Item]) -> list[str]:
    """What looked wrong, as short phrases; empty when the records look whole."""
    numbered = [i for i in items if i.number is not None and i.kind is not DocKind.NOTICE]
    fragments = [i for i in items if i.number is None and i.kind is not DocKind.NOTICE]
    problems = []
    if kind in UNIT_KINDS:
        bad = sum(1 for i in numbered if not i.units)
        if len(numbered) >= MIN_ITEMS and bad > NO_UNITS_SHARE * len(numbered):
            problems.append(say("layout.no_units", bad=bad, total=len(numbered)))
        if len(fragments) > max(2 * len(numbered), 10):
            problems.append(say("layout.fragments", fragments=len(fragments), items=len(numbered)))
    glued = sum(1 for i in items if GLUED.search(i.text))
    if glued >= GLUED_MIN:
        problems.append(say("layout.glued_numbers", count=glued))
    return problems


def cleanliness(kind: DocKind, items: list[Item]) -> tuple[int, int, int, int]:
    """Which of two copies of one document to keep as primary: more items with units, then more
    numbered items, then (where items carry units) fewer stray fragments, then more records."""
    numbered = [i for i in items if i.number is not None and i.kind is not DocKind.NOTICE]
    fragments = sum(1 for i in items if i.number is None and i.kind is not DocKind.NOTICE)
    with_units = sum(1 for i in numbered if i.units)
    return with_units, len(numbered), -fragments if kind in UNIT_KINDS else 0, len(items)
