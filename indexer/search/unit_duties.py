"""A unit said by what it does (管工业的局, 办学校的那个局, 商事仲裁那个办公室), read as the unit.

Staff who do not recall a bureau's name say its line of work. Read as typed, 管工业的局 names no unit:
the question becomes a topic search for 工业 and its unit list mixes every body near industry. The
reviewed table unit_duties.tsv gives each unit's lines of work; a description is read as a unit only
where every line of work it says names one and the same unit in the asked years, and only where it
points at one body (管水的局, 治水的那个局). Where it asks which bodies do the work (负责就业的部门有哪些,
管就业的是哪个部门) it is a topic's units, and stays as typed. The answer says what was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..foundation.tsv import read_tsv
from ..records import UnitLinks

DUTIES = Path(__file__).with_name("unit_duties.tsv")
WORK = r"(?:(?!的)[\u4e00-\u9fff、])"
POINTER = r"(?:那个|这个|那家|这家|那一个|那)"
BODY = r"(?P<body>局|委员会|委|办公室|办|部门|单位|机关|集团|公司)"
VERB = r"(?:主管|分管|负责|主抓|专管|管|抓|搞|办|治)"
NOT_ASKED = r"(?!是|有|为|包括|都有|呢|[？?]|$)"  # 负责就业的部门是哪个: the units are asked, none pointed at
# 管工业的(那个)局, 负责民生救助的部门, 办学校的那个局; or the work and a pointer alone: 商事仲裁那个办公室.
DESCRIBED = re.compile(
    rf"(?:{VERB}(?P<work>{WORK}{{1,10}}?)的{POINTER}?(?:市直|市级|市里的?)?|(?P<bare>{WORK}{{2,8}}?){POINTER}){BODY}{NOT_ASKED}"
)
# Two bodies sharing one body word (管钱袋子的和管医院的两个部门) or said by their line of work and counted
# (警察和城管两家): each read on its own.
SHARED = re.compile(
    rf"(?P<x>{VERB}(?P<xw>{WORK}{{1,10}}?)的)(?:和|与|跟|、)(?P<y>{VERB}(?P<yw>{WORK}{{1,10}}?)的(?:这|那)?(?:两个|两家|俩)?{BODY})"
    + NOT_ASKED
)
NAMED = r"(?<![局委办会团司府])"  # a unit's own name (金融办和国资委两家) is the catalog's to read
COUNTED = re.compile(
    rf"(?P<xw>{WORK}{{2,6}}?){NAMED}(?:和|与|跟|、)(?P<yw>{WORK}{{2,6}}?){NAMED}(?=(?:这|那)?(?:两家|两个部门|两个单位|俩))"
)
COMPANIES = ("集团", "公司")


@lru_cache(maxsize=1)
def duties() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(unit, its lines of work) as unit_duties.tsv reviews them."""
    return tuple((r["unit"], tuple(r["duties"].split())) for r in read_tsv(DUTIES) if r.get("unit"))


class UnitDuties:
    """Lines of work → the catalog units that do them."""

    def __init__(self, names: Iterable[str], links: UnitLinks, table: Iterable[tuple[str, tuple[str, ...]]] = ()):
        self.links = links
        known = set(names)
        self._doers: dict[str, set[str]] = {}
        for unit, works in table or duties():
            for work in works if unit in known else ():
                self._doers.setdefault(work, set()).add(unit)
        self._longest = max(map(len, self._doers), default=0)

    def read(self, text: str, years: tuple[int, ...], latest: int) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The text with each description of one unit replaced by the unit's name, and (typed, unit) for each."""
        years = years or (latest,)
        paired = self._pairs(text, years)
        text = _replaced(text, paired)
        described: list[tuple[str, str]] = []
        for match in DESCRIBED.finditer(text):
            work = match.group("work") or match.group("bare")
            found = self._unit_of(work, match.group("body"), years)
            if found:
                start = match.start() if match.group("work") else match.start("bare") + found[1]
                described.append((text[start : match.end()], found[0]))
        return _replaced(text, described), tuple(paired + described)

    def _pairs(self, text: str, years: tuple[int, ...]) -> list[tuple[str, str]]:
        """(typed, unit) of two bodies said with one body word or counted, each by its work: both, or neither."""
        for match in SHARED.finditer(text):
            x, y = (self._unit_of(match.group(w), match.group("body"), years) for w in ("xw", "yw"))
            if x and y and x[0] != y[0]:
                return [(match.group("x"), x[0]), (match.group("y"), y[0])]
        for match in COUNTED.finditer(text):
            x, y = (self._unit_of(match.group(w), "部门", years) for w in ("xw", "yw"))
            if x and y and x[0] != y[0]:
                return [(match.group("xw")[x[1] :], x[0]), (match.group("yw")[y[1] :], y[0])]
        return []

    def _unit_of(self, work: str, body: str, years: tuple[int, ...]) -> tuple[str, int] | None:
        """The one unit every line of work said names in the years, and where the first line starts."""
        said = self._works_in(work)
        if not said:
            return None
        units: set[str] | None = None
        for _, line in said:
            doers = {u for u in self._in_years(self._doers[line], years) if _fits(u, body)}
            units = doers if units is None else units & doers
        return (units.pop(), said[0][0]) if units and len(units) == 1 else None

    def _works_in(self, work: str) -> list[tuple[int, str]]:
        """(start, line of work), longest first at each place; a one-character line only where it is all that is said."""
        if work in self._doers:
            return [(0, work)]
        found: list[tuple[int, str]] = []
        at = 0
        while at < len(work):
            line = next(
                (
                    work[at:end]
                    for end in range(min(len(work), at + self._longest), at + 1, -1)
                    if work[at:end] in self._doers
                ),
                "",
            )
            if line:
                found.append((at, line))
            at += len(line) or 1
        return found

    def _in_years(self, units: set[str], years: tuple[int, ...]) -> set[str]:
        """The units under the names the asked years' documents use: a predecessor read as its successor."""
        kept: set[str] = set()
        for unit in units:
            if set(years) & set(self.links.years_of(unit)):
                kept.add(unit)
                continue
            for year in years:
                kept |= {u for u in self.links.related(unit, year) if year in self.links.years_of(u)}
        return kept


def _fits(unit: str, body: str) -> bool:
    """A company is said as one (管地铁的那个集团); a bureau, commission or office as a 局, 委, 办, 部门 or 单位."""
    return unit.endswith(COMPANIES) == body.endswith(COMPANIES) or body in ("部门", "单位")


def _replaced(text: str, read: list[tuple[str, str]]) -> str:
    for typed, unit in read:
        text = text.replace(typed, unit, 1)
    return text
