"""Recognise a document's structure: notice, title, parts, areas, themes and items.

Numbering restarts in each part (and, in the proposal scheme, in each area), so a
draft keeps its whole heading path; ids are assigned once the whole document has
been seen and we know where numbers repeat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from .documents import DATE_LINE, DOC_NUMBER

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
PART = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
AREA = re.compile(r"^\(([一二三四五六七八九十]+)\)(.+)$")
THEME = re.compile(r"^——(.+)$")
ITEM = re.compile(r"^(\d{1,3})[.．、](?!\d)\s*(.+)$")
HAS_CLAUSE = re.compile(r"\([^()]*单位\s*:")
HEADING_MAX = 45


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the source file
    raw: str
    text: str  # normalised
    notes: tuple[str, ...] = ()
    page: int | None = None  # from paged formats
    confidence: float | None = None  # from OCR
    fields: tuple[tuple[str, str], ...] = ()  # a table row's extra columns (deadline, leader)


class Block(StrEnum):
    """What a parsed line is: a numbered task item, a numbered target, a plain paragraph, the issuing notice."""

    ITEM = "item"
    TARGET = "target"
    PARAGRAPH = "paragraph"
    NOTICE = "notice"

    @property
    def numbered(self) -> bool:
        return self in (Block.ITEM, Block.TARGET)


@dataclass(frozen=True)
class Place:
    """The headings a line stands under while the body is read."""

    part: tuple[str, str] | None = None
    area: tuple[str, str] | None = None
    theme: str | None = None


@dataclass
class Draft:
    role: Block
    line: Line
    text: str
    number: int | None = None
    part: tuple[str, str] | None = None  # ("二", "重点工作")
    area: tuple[str, str] | None = None  # ("三", "著力建设科技创新中心…")
    theme: str | None = None
    subheading: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        heads = []
        if self.part:
            heads.append(f"{self.part[0]}、{self.part[1]}")
        if self.area:
            heads.append(f"({self.area[0]}){self.area[1]}")
        for extra in (self.theme, self.subheading):
            if extra:
                heads.append(extra)
        return tuple(heads)


@dataclass
class ParsedDocument:
    title_lines: list[str] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    issued_line: str | None = None
    drafts: list[Draft] = field(default_factory=list)


def cn_to_int(numeral: str) -> int:
    """一 … 九十九, enough for the (二十) areas of part 四."""
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return CN_DIGITS.get(tens, 1) * 10 + CN_DIGITS.get(ones, 0)
    return CN_DIGITS[numeral]


def is_heading(text: str) -> bool:
    return len(text) <= HEADING_MAX and "。" not in text.rstrip("。")[:-1] and not HAS_CLAUSE.search(text)


def first_sentence(text: str) -> str:
    return text.split("。", 1)[0]


def split_notice(lines: list[Line]) -> tuple[list[Line], list[Line], str | None]:
    """The issuing notice ends at its signature date, if the file has one near the top."""
    for i, line in enumerate(lines[:30]):
        if DATE_LINE.match(line.text) and i > 0:
            return lines[: i + 1], lines[i + 1 :], line.text
    return [], lines, None


def parse_document(lines: list[Line]) -> ParsedDocument:
    doc = ParsedDocument(head=[line.text for line in lines[:12]])
    notice, body, doc.issued_line = split_notice(lines)
    doc.drafts.extend(_notice_drafts(notice))
    rest = _take_title(body, doc)
    doc.drafts.extend(_body_drafts(rest))
    return doc


def _notice_drafts(notice: list[Line]) -> list[Draft]:
    drafts = []
    for i, line in enumerate(notice):
        signer = i + 2 >= len(notice)  # the signing office and the date
        if signer or DOC_NUMBER.fullmatch(line.text) or "关于印发" in line.text and len(line.text) < 90:
            continue
        drafts.append(Draft(Block.NOTICE, line, line.text))
    return drafts


ISSUER = re.compile(r"^(湖北省|武汉市|市)?\S{0,16}(人民政府|人民政府办公厅|办公厅|办公室|委员会|政协)$")
DATED = re.compile(r"^[(（—\-－\s]*\d{4}年\d{1,2}月\d{1,2}日")


def _take_title(body: list[Line], doc: ParsedDocument) -> list[Line]:
    """Short leading lines with no heading marker form the title; it ends at the issuing body or
    the date line under it (an uploaded file's `武汉市人民政府` / `2025年1月20日` is no part of it)."""
    i = 0
    while i < len(body) and _is_title_line(body[i].text) and not _ends_title(body[i].text, bool(doc.title_lines)):
        doc.title_lines.append(body[i].text)
        i += 1
    if not doc.title_lines and doc.head:
        doc.title_lines.append(doc.head[0])
    return body[i:]


def _ends_title(text: str, started: bool) -> bool:
    return bool(DATED.match(text)) or started and bool(ISSUER.match(text))


def _is_title_line(text: str) -> bool:
    return is_heading(text) and not text.endswith(("。", "!", ":")) and not _is_marker(text)


def _is_marker(text: str) -> bool:
    return bool(PART.match(text) or AREA.match(text) or THEME.match(text) or ITEM.match(text))


def _body_drafts(lines: list[Line]) -> list[Draft]:
    drafts: list[Draft] = []
    place = Place()
    open_headings: list[tuple[int, Line, int, Place]] = []  # level, line, drafts when opened, place

    def close(level: int) -> None:
        """A heading nothing was written under is kept as a paragraph, so no text is lost."""
        while open_headings and open_headings[-1][0] >= level:
            _, line, count, snapshot = open_headings.pop()
            if len(drafts) == count:
                drafts.append(
                    Draft(Block.PARAGRAPH, line, line.text, None, snapshot.part, snapshot.area, snapshot.theme)
                )

    def open_heading(level: int, line: Line, under: Place) -> Place:
        """Opens the heading; returns the place the lines after it stand under."""
        close(level)
        open_headings.append((level, line, len(drafts), under))
        return under

    for line in lines:
        text = line.text
        part, area, theme = place.part, place.area, place.theme
        if (m := PART.match(text)) and is_heading(m.group(2)):
            place = open_heading(1, line, Place(part=(m.group(1), m.group(2).rstrip("。"))))
        elif m := AREA.match(text):
            numeral, rest = m.groups()
            if HAS_CLAUSE.search(rest):
                drafts.append(Draft(Block.TARGET, line, rest, cn_to_int(numeral), part, area, theme))
            elif is_heading(rest):
                place = open_heading(2, line, replace(place, area=(numeral, rest.rstrip("。")), theme=None))
            else:
                close(2)
                place = replace(place, area=(numeral, first_sentence(rest)), theme=None)
                drafts.append(Draft(Block.PARAGRAPH, line, text, None, part, place.area, None))
        elif m := THEME.match(text):
            place = open_heading(3, line, replace(place, theme=m.group(1)))
        elif m := ITEM.match(text):
            drafts.append(Draft(Block.ITEM, line, m.group(2), int(m.group(1)), part, area, theme))
        else:
            sub = first_sentence(text)
            subheading = sub if len(sub) <= 16 and len(text) > len(sub) + 1 else None
            drafts.append(Draft(Block.PARAGRAPH, line, text, None, part, area, theme, subheading))
    close(1)
    return drafts
