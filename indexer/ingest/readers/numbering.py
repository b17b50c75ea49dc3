"""Word's automatic numbering, resolved into the labels a reader sees on screen (一、 （一） 1.).

A numbered paragraph stores no number, only (numId, ilvl); the label comes from
numbering.xml: numId → abstractNum, whose level gives the format (decimal,
chineseCounting, …), the pattern (`%1、`, `（%2）`) and the start.

Counters run per abstractNum, as Word shows them: numIds sharing one abstractNum
continue one sequence, and a numId that carries a `startOverride` restarts the level
it names where it first appears (that is how Word writes "restart at 1"). A numId of
another abstractNum is a list of its own. Using a level resets the levels below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import overload

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
CN_DIGITS = "零一二三四五六七八九"
CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = ""  # lvlText, e.g. "%1、"
    start: int = 1
    legal: bool = False  # isLgl: every number in the label in digits (一、 above, 1.1 here)


@dataclass
class NumberingDefinitions:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → levels
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → {ilvl: start}
    level_overrides: dict[str, dict[int, Level]] = field(default_factory=dict)

    def level(self, num_id: str, ilvl: int) -> Level | None:
        if ilvl in self.level_overrides.get(num_id, {}):
            return self.level_overrides[num_id][ilvl]
        return self.abstract.get(self.nums.get(num_id, ""), {}).get(ilvl)

    def start(self, num_id: str, ilvl: int) -> int:
        level = self.level(num_id, ilvl)
        return self.overrides.get(num_id, {}).get(ilvl, level.start if level else 1)


@overload
def _val(element, tag: str, default: str) -> str: ...
@overload
def _val(element, tag: str, default: None = None) -> str | None: ...
def _val(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val", default) if child is not None else default


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    legal = lvl.find(W + "isLgl")
    return Level(
        fmt=_val(lvl, "numFmt", "decimal"),
        text=_val(lvl, "lvlText", "") or "",
        start=_int(_val(lvl, "start"), 1),
        legal=legal is not None and legal.get(W + "val", "1") not in ("0", "false", "off"),
    )


def parse_numbering(root) -> NumberingDefinitions:
    """root: the <w:numbering> element of word/numbering.xml (None when the file has none)."""
    defs = NumberingDefinitions()
    if root is None:
        return defs
    links = _parse_abstracts(root, defs)
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId")
        abstract_id = _val(num, "abstractNumId", "")
        defs.nums[num_id] = links.get(abstract_id, abstract_id)
        for override in num.iter(W + "lvlOverride"):
            ilvl = _int(override.get(W + "ilvl"), 0)
            start = _val(override, "startOverride")
            if start is not None:
                defs.overrides.setdefault(num_id, {})[ilvl] = _int(start, 1)
            lvl = override.find(W + "lvl")
            if lvl is not None:
                defs.level_overrides.setdefault(num_id, {})[ilvl] = _level(lvl)
    return defs


def _parse_abstracts(root, defs: NumberingDefinitions) -> dict[str, str]:
    """Levels of every abstractNum; returns the list-style links: an abstractNum with only a
    numStyleLink takes its levels (and its count) from the one whose styleLink has that name."""
    by_style, linking = {}, {}
    for abstract in root.iter(W + "abstractNum"):
        abstract_id = abstract.get(W + "abstractNumId")
        defs.abstract[abstract_id] = {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(W + "lvl")}
        if _val(abstract, "styleLink"):
            by_style[_val(abstract, "styleLink")] = abstract_id
        if _val(abstract, "numStyleLink") and not defs.abstract[abstract_id]:
            linking[abstract_id] = _val(abstract, "numStyleLink")
    return {a: by_style[style] for a, style in linking.items() if style in by_style}


class Counter:
    """The running numbers of every list in one document, in reading order."""

    def __init__(self, defs: NumberingDefinitions):
        self.defs = defs
        self.counts: dict[str, list[int | None]] = {}  # abstractNum (or lone numId) → count per level
        self.entered: set[tuple[str, int]] = set()  # (numId, ilvl) already used

    def label(self, num_id: str | None, ilvl: int) -> str:
        """The label of the next paragraph at (num_id, ilvl); '' for no numbering or a bullet."""
        if not num_id or num_id == "0":
            return ""
        level = self.defs.level(num_id, ilvl)
        if level is None:
            return ""
        counts = self.counts.setdefault(self.defs.nums.get(num_id) or f"num:{num_id}", [None] * LEVELS)
        restart = (num_id, ilvl) not in self.entered and ilvl in self.defs.overrides.get(num_id, {})
        self.entered.add((num_id, ilvl))
        current = None if restart else counts[ilvl]
        counts[ilvl] = self.defs.start(num_id, ilvl) if current is None else current + 1
        counts[ilvl + 1 :] = [None] * (LEVELS - ilvl - 1)
        if level.fmt == "bullet":
            return ""
        return self._fill(num_id, level, counts)

    def _fill(self, num_id: str, level: Level, counts: list[int | None]) -> str:
        out = level.text
        for i in range(LEVELS):
            marker = f"%{i + 1}"
            if marker in out:
                fmt = "decimal" if level.legal else (self.defs.level(num_id, i) or Level()).fmt
                count = counts[i]
                value = count if count is not None else self.defs.start(num_id, i)
                out = out.replace(marker, format_number(value, fmt))
        return out


def format_number(n: int, fmt: str) -> str:
    """One counter value in one of Word's number formats (unknown formats fall back to digits)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "japaneseCounting",
        "ideographDigital",
    ):
        return chinese_numeral(n) if fmt != "ideographDigital" else "".join(CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_numeral(n, CN_LEGAL, "拾佰仟")
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = HEAVENLY_STEMS if fmt == "ideographTraditional" else EARTHLY_BRANCHES
        return cycle[(n - 1) % len(cycle)]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "none":
        return ""
    return str(n)


def chinese_numeral(n: int, digits: str = CN_DIGITS, names: str = "十百千") -> str:
    """As headings write them: 十, 十一, 二十, 一百零三, 一千零五; beyond 9999 digit by digit."""
    if not 0 < n < 10000:
        return "".join(digits[int(d)] for d in str(n))
    out, gap = "", False
    for power, name in ((1000, names[2]), (100, names[1]), (10, names[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            gap = bool(out)
            continue
        out += ("零" if gap else "") + digits[digit] + name
        gap = False
    return out[1:] if 10 <= n < 20 and digits is CN_DIGITS else out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ROMAN:
        while n >= value:
            out, n = out + numeral, n - value
    return out
