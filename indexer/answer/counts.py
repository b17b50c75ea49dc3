"""Counts: a figure that names the set a question asks about must be held by the item that answers it.

Staff quote the documents' own counts to say which set they mean (244项重大项目具体有哪些, 那30项承诺制的涉企
许可, 183个村的生活污水设施). An item on the same subject with another count, or none (谋划推进…等重大项目), is
about another set: citing it answers a question nobody asked. So the items holding the count answer; with
none, the question is not found and the message names the count. A question joining several things
(城市更新年、26个重点单元、老旧住宅加装电梯) asks of each, so there an item holding no count still stands; a
figure the asker checks (是不是说要建30家) is answered by the item with the true one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..search.retrieve import Hit
from .grounding import conjuncts

if TYPE_CHECKING:
    from ..search.engine import Engine

# A figure right before its measure and the thing counted (244项重大项目, 10万亩国家储备林); 4050人员 is a name,
# 2023年 a year, 62.4% a rate.
COUNTED = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?(?:万|亿)?)(个|项|家次|家|座|所|条|处|件|名|场|台|辆|户|套|批|公里|亩|公顷|"
    r"万平方米|平方米|人次|人(?!员))(?=[\u4e00-\u9fa5“])"
)
# A figure the asker checks (是不是说要建30家, 我记得是…, 是10家吧) is answered by the item with the true one.
CHECKED = re.compile(
    r"是不是|是否(?:说|写|定)|对不对|对吗|对唔对|啱唔啱|没记错|记得|记错|还是说|印象|核对|核一下|确认一下|吧[？?。！!]?$"
)
NUMERALS = dict(zip("123456789", "一二三四五六七八九", strict=True)) | {"2": "二|两"}


def asked_counts(question: str) -> tuple[str, ...]:
    """The counts the question names its set by (244项, 10万亩)."""
    if CHECKED.search(question):
        return ()
    return tuple(dict.fromkeys(m.group(1) + m.group(2) for m in COUNTED.finditer(question)))


@lru_cache(maxsize=256)
def _figure(count: str) -> re.Pattern[str]:
    """The count as an item writes it: the same digits standing alone (30 is not in 300, whatever the
    measure: 30家 and 30个 are one count), a single digit only with its measure, in digits or numerals (3个
    and 三个; 4处特色里份 is another set than 4个示范点)."""
    parts = re.fullmatch(r"([\d.]+(?:万|亿)?)(.*)", count)
    figure, measure = parts.groups() if parts else (count, "")
    digits = rf"(?<![\d.]){re.escape(figure)}(?![\d.])"
    if figure not in NUMERALS:
        return re.compile(digits)
    return re.compile(rf"(?:{digits}|(?<![一二三四五六七八九十两百千])(?:{NUMERALS[figure]})){re.escape(measure)}")


def holds_count(text: str, counts: tuple[str, ...]) -> bool:
    return any(_figure(c).search(text) for c in counts)


def holding(engine: Engine, counts: tuple[str, ...], hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if holds_count(engine.texts[engine.by_id[h.item.id]], counts)]


def with_counts(engine: Engine, question: str, supporting: list[Hit], grounded: list[Hit]) -> tuple[list[Hit], str]:
    """(the items that answer, the count none of the items on the topic holds, or ""). The judge's items
    holding the count, else the items on the topic holding it (the judge may prefer 等重大项目 to 244项重大项目)."""
    counts = asked_counts(question)
    if not counts:
        return supporting, ""
    held = holding(engine, counts, supporting) or holding(engine, counts, grounded)
    if not held:
        return supporting, "、".join(counts)
    return (supporting if len(conjuncts(engine, question)) > 1 else held), ""
