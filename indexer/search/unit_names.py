"""Unit names cut into parts, and the rules that say one name may stand for another.

A catalog name splits into prefix (市, 武汉), core and suffix (局, 委, 办, 管委会…): 市人才工作局
is 市 + 人才工作 + 局. Two cores match when one abbreviates the other (人社 of 人力资源和社会保障),
is a stretch of it (林业 in 园林林业) or says a long core another way (临空港经开区 for 临空港开发区).
The catalog (units.py) applies these rules to every name the documents use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIXES = ("武汉市", "武汉", "市")
# typed suffix → the suffix class it compares in (委员会 is 委, 办公室 is 办)
SUFFIXES = {
    "管委会": "管委会",
    "委员会": "委",
    "办公室": "办",
    "人民政府": "政府",
    "政府": "政府",
    "集团": "集团",
    "公司": "公司",
    "局": "局",
    "委": "委",
    "办": "办",
    "部": "部",
    "支队": "支队",
    "社": "社",  # 市供销社, typed 武汉市供销合作社
    "台": "台",  # 武汉广电台, typed 武汉广播电视台
}
LONGEST_SUFFIX = max(map(len, SUFFIXES))
# A name the documents shorten to 办 or 委, typed in full (武汉仲裁委办公室): the rest of the suffix is the name's too.
FULL_TAIL = {"办": "(?:公室)?", "委": "(?:员会)?"}
AGENCIES = frozenset("局 委 办".split())
ANNOTATION = re.compile(r"\(.*\)$")
# a typed name runs over Chinese characters that are no question words (哪个局, 由谁办)
NAME_RUN = re.compile(r"[\u4e00-\u9fff]+")
SPAN_BREAK = re.compile(r"[哪谁什么由的与及跟把被对在是了]")  # 和 stays: 发展和改革委员会
NOT_IN_A_NAME = re.compile(r"[哪谁什么由的和与及、把被对在是了]")
# What cannot stand before a name inside a longer one: 和 or 局 before it ends another (市经信局和市科技创新局).
NAME_STOP = re.compile(r"[^\u4e00-\u9fff]|[哪谁什么由的和与及、把被对在是了局委办部会]")
# A suffix that starts a word with the next character is no suffix: 汇报办理, 部署, 委托.
GLUED = {
    "办": "理法好事实结成展",
    "局": "面势限",
    "委": "托屈",
    "部": "署分件位门",
    "社": "会区团保科",
    "台": "阶账风湾上",
}
# A city unit's name as staff write it (市档案局, 市口岸办); see unknown.
UNIT_SHAPE = re.compile(
    r"(?<![城都超门])市(?P<core>[\u4e00-\u9fff]{1,8}?)"
    rf"(?:管理局|委员会|办公室|局(?![{GLUED['局']}])|委(?![{GLUED['委']}])|办(?![{GLUED['办']}]))"
)
# The body a unit's core starts with, which staff drop: 市委外办 is 外办, 市政府国资委 is 国资委.
OWNERS = ("委", "政府")
LONGEST_NAME = 14


@dataclass(frozen=True)
class Parts:
    """A unit name cut in three: 市 | 人才工作 | 局 (class 局)."""

    prefix: str
    core: str
    suffix: str  # the class: 局, 委, 办, 政府, 管委会…; "" when the name ends otherwise

    @classmethod
    def of(cls, name: str) -> Parts:
        base = ANNOTATION.sub("", name)
        prefix = next((p for p in PREFIXES if base.startswith(p) and len(base) > len(p) + 1), "")
        return cls(prefix, *split_suffix(base[len(prefix) :]))


def split_suffix(rest: str) -> tuple[str, str]:
    for size in range(min(LONGEST_SUFFIX, len(rest) - 1), 0, -1):
        if rest[-size:] in SUFFIXES:
            return rest[:-size], SUFFIXES[rest[-size:]]
    return rest, ""


def without_owner(core: str, rest: str) -> tuple[str, str] | None:
    """(core, name) without the body that owns the unit (外, 外办 of 委外, 委外办), or None when it has none."""
    owner = next((o for o in OWNERS if core.startswith(o) and len(core) > len(o)), "")
    return (core[len(owner) :], rest[len(owner) :]) if owner else None


def glued(text: str, end: int) -> bool:
    """The suffix ending at `end` starts a word with the next character (汇报办理)."""
    return (text[end : end + 1] or "\0") in GLUED.get(text[end - 1 : end], "")


# A qualifier staff leave out of a unit's short name: 资规 and 资建 of 自然资源规划, 自然资源和城乡建设.
DROPPED_QUALIFIER = "自然"


def is_abbreviation(short: str, long: str) -> bool:
    """`short` keeps `long`'s first character and the rest in order (人社 of 人力资源和社会保障), the qualifier
    自然 left out or not."""
    if long.startswith(DROPPED_QUALIFIER) and not short.startswith(DROPPED_QUALIFIER[0]):
        long = long.removeprefix(DROPPED_QUALIFIER)
    return len(short) < len(long) and short[:1] == long[:1] and in_order(short, long)


def in_order(short: str, long: str) -> bool:
    """Every character of `short` in `long`, in order."""
    chars = iter(long)
    return all(ch in chars for ch in short)


def matches(typed: str, known: str) -> bool:
    """One core an abbreviation, an expansion or a stretch of the other (林业 in 园林林业)."""
    return is_abbreviation(typed, known) or is_abbreviation(known, typed) or (len(typed) >= 2 and typed in known)


def shortens(typed: str, known: str) -> bool:
    """The typed core is the known one, its start or its abbreviation (城管 of 城管执法), never longer; never a
    stretch from its middle or end (促进 is no 投资促进: 国际贸易促进委员会 is another body)."""
    return known.startswith(typed) or is_abbreviation(typed, known)


def reworded(typed: str, known: str) -> bool:
    """A long core said another way between the same ends (临空港经开区 for 临空港开发区): the same first
    three and last characters, and most characters shared."""
    if min(len(typed), len(known)) < 5 or typed[:3] != known[:3] or typed[-1] != known[-1]:
        return False
    return len(set(typed) & set(known)) >= 0.7 * max(len(set(typed)), len(set(known)))


def words_dropped(typed: str, known: str) -> bool:
    """A long name typed with words left out (数字公共基础设施领导小组办公室 for 城市数字公共基础设施建设工作领导小组
    办公室): eight characters or more, all of them in the known name in order, and three fifths of its length."""
    return 8 <= len(typed) < len(known) and 5 * len(typed) >= 3 * len(known) and in_order(typed, known)


def without_hosts(found: list[str]) -> list[str]:
    """设在市公安局的那个…领导小组办公室: the unit in another's brackets is where that one sits, not a unit asked."""
    hosts = {m.group()[1:-1] for name in found for m in ANNOTATION.finditer(name)}
    return [u for u in found if u not in hosts]


def unknown(text: str, names: list[str]) -> tuple[str, ...]:
    """Unit-shaped names in `text` that no unit of the corpus carries.

    Asked what such a unit does, the documents have no answer; answering from the topic
    would put other units' tasks under its name. A name whose core lies inside a known
    unit (市卫健局 → 市卫健委) is not counted: it may be a form the catalog lacks."""
    found = []
    for match in UNIT_SHAPE.finditer(text):
        core = match.group("core")
        if not NOT_IN_A_NAME.search(core) and not any(core in known for known in names):
            found.append(match.group())
    return tuple(found)


@dataclass(frozen=True)
class UnitChoice:
    """A typed name several catalog units match equally: the answer asks which one."""

    typed: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class UnitReading:
    """What a question says about units: resolved names, unclear ones, and the text left."""

    units: tuple[str, ...]
    unclear: tuple[UnitChoice, ...]
    rest: str


def lineages(names: list[str], renames: list[tuple[str, str]]) -> dict[str, int]:
    """Names connected by renames and merges, or the same name with and without a note
    (市委宣传部, 市委宣传部(市文明办)), share a number."""
    group = {name: i for i, name in enumerate(names)}
    pairs = [*renames, *((name, ANNOTATION.sub("", name)) for name in names if ANNOTATION.search(name))]
    for old, new in pairs:
        a, b = group.get(old), group.get(new)
        if a is not None and b is not None and a != b:
            group = {name: (a if g == b else g) for name, g in group.items()}
    return group


def bare_place(unit: str) -> str:
    """A district's or zone's place as staff say it alone: 洪山 for 洪山区人民政府, 长江新区 for 长江新区管委会."""
    place = unit.removesuffix("人民政府").removesuffix("管委会")
    return place[:-1] if place.endswith("区") and len(place) > 2 else place
