"""Table rows as the lines the parser understands, shared by every reader that finds a table.

Responsibility tables put an item in a row: 序号 | 工作任务 | 牵头单位 | 责任单位, sometimes
with 完成时限 or 牵头市领导. The parser expects one line per item, `1.任务。(牵头单位:A;责任单位:B)`,
so a header row that names the unit columns decides how the following rows are joined. Columns
that are neither the task nor a unit list (a deadline, a leader) are kept as fields of the line,
never glued into its text. A table without such a header is read row by row, cells joined by a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .base import TextLine

NUMBER_HEADERS = re.compile(r"^(序号|编号|編號|序號|项次|項次)$")
# column header → the clause label the unit parser knows (units.py reads 牵头单位 and 责任单位 only)
UNIT_HEADERS = (
    (re.compile(r"^(市级)?(牵头|牽頭)(责任)?(单位|單位|部门|部門)$"), "牵头单位"),
    (re.compile(r"^(责任|責任|配合|协办|協辦|参与|參與)(单位|單位|部门|部門)$"), "责任单位"),
)
FIELD_HEADERS = (
    (re.compile(r"^(完成)?(时限|時限|时间|時間|期限)(要求)?$"), "deadline"),
    (re.compile(r"^(牵头|牽頭|责任|責任|分管)?(市)?(领导|領導)$"), "leader"),
)
LABELLED = re.compile(r"(单位|單位)\s*[:：]")
NUMBER_CELL = re.compile(r"^(\d{1,3})[.．、]?$|^([(（][一二三四五六七八九十]+[)）])$")
OPEN, CLOSE = "(（", ")）"


@dataclass(frozen=True)
class Columns:
    """What each column of a responsibility table holds, from its header row."""

    number: int | None
    units: dict[int, str]  # column → the clause label its header stands for
    fields: dict[int, str] = field(default_factory=dict)  # column → a field name (deadline, leader)


def squeeze(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def header_columns(cells: list[str]) -> Columns | None:
    """The row's column roles if it is the header of a responsibility table."""
    names = [squeeze(c) for c in cells]
    units = {i: label for i, name in enumerate(names) for rule, label in UNIT_HEADERS if rule.match(name)}
    if not units:
        return None
    number = next((i for i, name in enumerate(names) if NUMBER_HEADERS.match(name)), None)
    fields = {i: key for i, name in enumerate(names) for rule, key in FIELD_HEADERS if rule.match(name)}
    return Columns(number, units, fields)


def angled(cell: str) -> str:
    """Brackets inside a unit cell become 〈〉, as the published text writes a note inside a clause
    (各区人民政府〈含开发区…，下同〉), so the clause's own parentheses still close where they should."""
    return "".join("〈" if c in OPEN else "〉" if c in CLOSE else c for c in cell)


def row_line(cells: list[str], columns: Columns | None) -> TextLine | None:
    """One table row as one line (None for an empty row). A cell's paragraphs are separated by
    newlines: a unit cell's become a list (join_paragraphs), any other cell's are joined by a space."""
    units_at = columns.units if columns is not None else {}
    cells = [
        join_paragraphs(c.split("\n")) if i in units_at else " ".join(p.strip() for p in c.split("\n") if p.strip())
        for i, c in enumerate(cells)
    ]
    if columns is None:
        text = " ".join(c for c in cells if c)
        return TextLine(text) if text else None
    number, number_at = "", columns.number
    if number_at is not None and number_at < len(cells):
        match = NUMBER_CELL.match(squeeze(cells[number_at]))
        number = f"{match.group(1)}." if match and match.group(1) else (match.group(2) if match else "")
        number_at = number_at if match else None  # a theme row spanning the table is text
    taken = set(columns.units) | set(columns.fields) | {number_at}
    text = " ".join(c for i, c in enumerate(cells) if c and i not in taken)
    units = "；".join(
        angled(c) if LABELLED.search(c) else f"{columns.units[i]}：{angled(c)}"
        for i, c in enumerate(cells)
        if i in columns.units and c
    )  # a cell may name its own roles
    fields = tuple((columns.fields[i], squeeze(c)) for i, c in enumerate(cells) if i in columns.fields and c)
    if not text and not units:
        return None
    return TextLine(number + text + (f"（{units}）" if units else ""), fields=fields)


def table_lines(rows: list[list[str]]) -> list[TextLine]:
    """Every row of a table in order; a header row (also one repeated on a later page) is not a line."""
    lines: list[TextLine] = []
    columns: Columns | None = None
    for cells in rows:
        header = header_columns(cells)
        if header is not None:
            columns = header
            continue
        line = row_line(cells, columns)
        if line is not None:
            lines.append(line)
    return lines


def join_paragraphs(paragraphs: list[str]) -> str:
    """A cell's paragraphs as one text: a unit per paragraph must not run into the next
    (市自然资源和城乡建设局 / 市发改委), so a paragraph that ends without punctuation is followed by ，
    (a paragraph is a unit or a group of them, and ，is what separates groups in a clause)."""
    out = ""
    for text in (p.strip() for p in paragraphs):
        if not text:
            continue
        if out and not re.search(r"[。；;，,、:：）)〉]$", out):
            out += "，"
        out += text
    return out
