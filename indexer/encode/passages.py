"""The text each retriever sees for an item.

Dense vectors get the item's topic words: its theme heading and its text without the
unit clauses (a long list of bureaus would drown the topic). BM25 also sees the units,
so a query that names a bureau matches its items.
"""

from __future__ import annotations

import re

from ..records import Item

CLAUSE = re.compile(r"\([^()]*单位\s*:[^()]*\)|〈[^〈〉]*单位\s*:[^〈〉]*〉")


def strip_clauses(text: str) -> str:
    return CLAUSE.sub("", text).strip()


def dense_text(item: Item) -> str:
    heading = item.path[-1] if item.path else ""
    body = strip_clauses(item.text)
    return f"{heading}：{body}" if heading and heading not in body else body


def lexical_text(item: Item) -> str:
    return " ".join([*item.path[-2:], item.text, " ".join(item.units)])
