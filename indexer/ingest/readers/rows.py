"""Table rows as the lines the parser understands, shared by every reader that finds a table.

Responsibility tables put an item in a row: 序号 | 工作任务 | 牵头单位 | 责任单位, sometimes
with 完成时限 or 牵头市领导. The parser expects one line per item, `1.任务。(牵头单位:A;责任单位:B)`,
so a header row that names the unit columns decides how the following rows are joined. Columns
that are neither the task nor a unit list (a deadline, a leader) are kept as fields of the line,
never glued into its text. A table without a 序号 column but with a task column (工作任务 |
牵头单位 | 责任单位) numbers its rows in order (RowCounter). A table without such a header is read
row by row, cells joined by a space.
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
TASK_HEADERS = re.compile(r"^(工作|目标|重点|主要|具体)?(任务|工作|事项|措施)(内容|名称|事项)?$")
PART_ROW = re.compile(r"^[一二三四五六七八九十]+、")  # a part heading spanning the table: its items count from 1
OWN_NUMBER = re.compile(r"^(\d{1,3}[.．、](?!\d)|[(（][一二三四五六七八九十]+[)）])")  # a task cell numbering itself
LABELLED = re.compile(r"(单位|單位)\s*[:：]")
NUMBER_CELL = re.compile(r"^(\d{1,3})[.．、]?$|^([(（][一二三四五六七八九十]+[)）])$")
OPEN, CLOSE = "(（", ")）"


@dataclass(frozen=True)
class Columns:
    """What each column of a responsibility table holds, from its header row."""

    number: int | None
    units: dict[int, str]  # column → the clause label its header stands for
    fields: dict[int, str] = field(default_factory=dict)  # column → a field name (deadline, leader)
    task: int | None = None  # the 工作任务 column

    @property
    def counted(self) -> bool:
        """Rows are numbered by their order: no 序号 column, but a task column says rows are items."""
        return self.number is None and self.task is not None


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
    task = next((i for i, name in enumerate(names) if TASK_HEADERS.match(name)), None)
    return Columns(number, units, fields, task)


class RowCounter:
    """The numbers of a table without a 序号 column: a row with a task and a unit or field is the
    next item; a row that is only text (a heading spanning the table) is not, and a part heading
    (一、…) starts the count again, as the published plans number items within each part."""

    def __init__(self) -> None:
        self.count = 0

    def number(self, cells: list[str], columns: Columns | None) -> int | None:
        if columns is None or not columns.counted:
            return None
        text = "".join(cells).strip()
        if PART_ROW.match(text):
            self.count = 0
        task = cells[columns.task].strip() if columns.task is not None and columns.task < len(cells) else ""
        others = set(columns.units) | set(columns.fields)
        if not task or OWN_NUMBER.match(task) or not any(cells[i].strip() for i in others if i < len(cells)):
            return None
        self.count += 1
        return self.count


def angled(cell: str) -> str:
    """Brackets inside a unit cell become 〈〉, as the published text writes a note inside a clause
    (各区人民政府〈含开发区…，下同〉), so the clause's own parentheses still close where they should."""
    return "".join("〈" if c in OPEN else "〉" if c in CLOSE else c for c in cell)


def row_line(cells: list[str], columns: Columns | None, counted: int | None = None) -> TextLine | None:
    """One table row as one line (None for an empty row). A cell's paragraphs are separated by
    newlines: a unit cell's become a list (join_paragraphs), any other cell's are joined by a space.
    `counted`: the row's number in a table without a 序号 column (RowCounter)."""
    units_at = columns.units if columns is not None else {}
    cells = [
        join_paragraphs(c.split("\n")) if i in units_at else " ".join(p.strip() for p in c.split("\n") if p.strip())
        for i, c in enumerate(cells)
    ]
    if columns is None:
        text = " ".join(c for c in cells if c)
        return TextLine(text) if text else None
    number, number_at = f"{counted}." if counted is not None else "", columns.number
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
    counter = RowCounter()
    for cells in rows:
        header = header_columns(cells)
        if header is not None:
            columns = header
            continue
        line = row_line(cells, columns, counter.number(cells, columns))
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
