"""Find the unit clauses of an item and turn them into canonical unit lists.

The sources write `(牵头单位:A;责任单位:B、C,D)` after each sub-task; `、` joins units of
one kind, `,` joins kinds, and `黄陂、江夏、新洲区人民政府` shares one suffix among three
district governments. A clause may also sit inside angle brackets within a larger
parenthesis (`(其中,X〈牵头单位:A〉;Y〈牵头单位:B〉;责任单位:C)`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from ..records import Clause

NO_ALIASES: Mapping[str, str] = MappingProxyType({})

LEAD, RESP = "牵头单位", "责任单位"
PAREN = re.compile(r"\(([^()]*?单位\s*:[^()]*)\)")
ANGLE = re.compile(r"〈([^〈〉]*?单位\s*:[^〈〉]*)〉")
FIELD = re.compile(rf"({LEAD}|{RESP})\s*:\s*(.*)$", re.S)
DEFINITION = re.compile(r"^(?P<unit>[^〈]+)〈(?P<body>[^〈〉]*?)[,，]?\s*下同\s*〉$")
ANNOTATION = re.compile(r"〈([^〈〉]*)〉")
# A definition note; each match starts at a 〈 and never crosses another, so a scan is linear.
# The unit before it is found by walking back (a leading `[^…]+` group was quadratic on a long line).
DEFINITION_NOTE = re.compile(r"〈([^〈〉]*?)[,，]\s*下同\s*〉")
UNIT_STOPS = frozenset(":;,、()〈〉")
SHARED_SUFFIXES = ("区人民政府", "县人民政府", "管委会")
ORG_ENDINGS = (
    "局",
    "委",
    "办",
    "府",
    "会",
    "部",
    "院",
    "集团",
    "公司",
    "中心",
    "室",
    "队",
    "社",
    "联",
    "台",
    "行",
    "组",
    "厅",
    "处",
    "所",
    "站",
    "校",
    "大学",
    "单位",
    "网",
)


def split_clauses(text: str, aliases: Mapping[str, str] = NO_ALIASES) -> list[Clause]:
    """Every unit clause with the sub-task text that precedes it."""
    clauses: list[Clause] = []
    start = 0
    for match in PAREN.finditer(text):
        task = _task_text(text[start : match.start()])
        clauses.extend(_paren_clauses(match.group(1), task, aliases))
        start = match.end()
    return clauses


def _task_text(fragment: str) -> str:
    return fragment.strip().strip(";。,，").strip()


def _paren_clauses(inner: str, task: str, aliases: Mapping[str, str]) -> list[Clause]:
    """A plain clause, or angle sub-clauses each bound to its own sub-task."""
    subs = list(ANGLE.finditer(inner))
    if not subs:
        lead, resp = _fields(inner, aliases)
        return [Clause(task, lead, resp)]
    clauses, start = [], 0
    for sub in subs:
        sub_task = _task_text(inner[start : sub.start()]).removeprefix("其中").strip(",，")
        lead, resp = _fields(sub.group(1), aliases)
        clauses.append(Clause(sub_task or task, lead, resp))
        start = sub.end()
    shared_lead, shared_resp = _fields(inner[start:], aliases)
    if shared_lead or shared_resp:
        clauses.append(Clause(task, shared_lead, shared_resp))
    return clauses


def _fields(inner: str, aliases: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {LEAD: (), RESP: ()}
    for part in split_outside_angles(inner, ";；"):
        field = FIELD.search(part)
        if field:
            found[field.group(1)] = found[field.group(1)] + split_units(field.group(2), aliases)
    return found[LEAD], found[RESP]


def split_outside_angles(text: str, separators: str) -> list[str]:
    """Separators inside 〈…〉 belong to a note (下同 definitions), not to the list."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += (ch == "〈") - (ch == "〉")
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def split_units(value: str, aliases: Mapping[str, str] = NO_ALIASES) -> tuple[str, ...]:
    units: list[str] = []
    for group in split_outside_angles(value, ",，"):
        parts = [canonical_unit(p, aliases) for p in split_outside_angles(group, "、")]
        units.extend(expand_shared_suffix([p for p in parts if p]))
    return tuple(dict.fromkeys(units))


def expand_shared_suffix(parts: list[str]) -> list[str]:
    """`黄陂、江夏、新洲区人民政府` → three governments; full names pass through."""
    if len(parts) < 2:
        return parts
    last = parts[-1]
    suffix = next((s for s in SHARED_SUFFIXES if last.endswith(s) and len(last) > len(s)), None)
    if suffix is None:
        return parts
    expanded = []
    for part in parts[:-1]:
        if part.endswith(ORG_ENDINGS) or part.startswith(("市", "各")):
            expanded.append(part)
        elif suffix == "管委会":
            expanded.append(part + suffix)
        else:
            expanded.append(part.removesuffix("区").removesuffix("县") + suffix)
    return expanded + [last]


def canonical_unit(name: str, aliases: Mapping[str, str] = NO_ALIASES) -> str:
    """One spelling per unit: no spaces or stray punctuation; 下同 notes are cut off."""
    name = re.sub(r"\s+", "", name).strip("。.;；:：,，")
    definition = DEFINITION.match(name)
    if definition:
        name = definition.group("unit")
    name = ANNOTATION.sub(lambda m: f"({m.group(1)})", name)
    return aliases.get(name, name)


def find_definitions(text: str, aliases: Mapping[str, str] = NO_ALIASES) -> list[tuple[str, str]]:
    """`各区人民政府〈含开发区、长江新区、风景区管委会,下同〉` → (unit, what it includes)."""
    found, floor = [], 0
    for match in DEFINITION_NOTE.finditer(text):
        start = match.start()
        while start > floor and text[start - 1] not in UNIT_STOPS:
            start -= 1
        if start < match.start():
            found.append((canonical_unit(text[start : match.start()], aliases), match.group(1).strip()))
        floor = match.end()
    return found


def item_units(clauses: list[Clause]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Union over clauses; where the item names no lead, its responsible units lead."""
    lead = tuple(dict.fromkeys(u for c in clauses for u in c.lead_units))
    resp = tuple(dict.fromkeys(u for c in clauses for u in c.responsible_units))
    return (lead or resp), resp
