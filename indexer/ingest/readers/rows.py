"""Table rows as the lines the parser understands, shared by the Word and web-page readers.

Responsibility tables put an item in a row: 序号 | 工作任务 | 牵头单位 | 责任单位. The
parser expects one line per item, `1.任务。(牵头单位:A;责任单位:B)`, so a header row
that names the unit columns decides how the following rows are joined. A table
without such a header is read row by row, its cells joined with a space.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_HEADERS = re.compile(r"^(序号|编号|編號|序號|项次|項次)$")
# column header → the clause label the unit parser knows (units.py reads 牵头单位 and 责任单位 only)
UNIT_HEADERS = ((re.compile(r"^(牵头|牽頭)(责任)?(单位|單位|部门|部門)$"), "牵头单位"),
                (re.compile(r"^(责任|責任|配合|协办|協辦)(单位|單位|部门|部門)$"), "责任单位"))
LABELLED = re.compile(r"(单位|單位)\s*[:：]")
NUMBER_CELL = re.compile(r"^(\d{1,3})[.．、]?$")


@dataclass(frozen=True)
class Columns:
    """What each column of a responsibility table holds, from its header row."""
    number: int | None
    units: dict[int, str]        # column → the clause label its header stands for (牵头单位 / 责任单位)


def _squeeze(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def header_columns(cells: list[str]) -> Columns | None:
    """The row's column roles if it is the header of a responsibility table."""
    names = [_squeeze(c) for c in cells]
    units = {i: label for i, name in enumerate(names) for rule, label in UNIT_HEADERS if rule.match(name)}
    if not units:
        return None
    number = next((i for i, name in enumerate(names) if NUMBER_HEADERS.match(name)), None)
    return Columns(number, units)


def row_line(cells: list[str], columns: Columns | None) -> str:
    """One table row as one line ('' for an empty row)."""
    cells = [c.strip() for c in cells]
    if columns is None:
        return " ".join(c for c in cells if c)
    number, number_at = "", columns.number
    if number_at is not None and number_at < len(cells):
        match = NUMBER_CELL.match(_squeeze(cells[number_at]))
        number = f"{match.group(1)}." if match else ""
        number_at = number_at if match else None   # a theme row spanning the table is text
    text = " ".join(c for i, c in enumerate(cells) if c and i != number_at and i not in columns.units)
    units = "；".join(c if LABELLED.search(c) else f"{columns.units[i]}：{c}"   # a cell may name its own roles
                     for i, c in enumerate(cells) if i in columns.units and c)
    if not text and not units:
        return ""
    return number + text + (f"（{units}）" if units else "")


def table_lines(rows: list[list[str]]) -> list[str]:
    """Every row of a table in order; a header row starts a new column layout and is not a line."""
    lines: list[str] = []
    columns: Columns | None = None
    for cells in rows:
        header = header_columns(cells)
        if header is not None:
            columns = header
            continue
        line = row_line(cells, columns)
        if line:
            lines.append(line)
    return lines
