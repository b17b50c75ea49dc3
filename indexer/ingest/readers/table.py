"""A responsibility table on a page (a PDF's text layer or a scan's OCR boxes) read cell by cell.

A page holds only positioned text, so the table is recovered from geometry: the header row
(序号 | 工作任务 | 牵头单位 | 责任单位 …, recognised by rows.header_columns) says which columns
there are; the boundary between two columns is where the fewest text boxes of the table's
body lie between their headers' centres (the gutter); a row starts where the number column
holds a number, so a cell wrapped over several lines, or over a page break, stays one cell.
A line whose text crosses a gutter is a heading row spanning the table. The header repeated
on later pages is dropped. The table stops after its last row (rhythm.py): what follows is
running text.
"""

from __future__ import annotations

from .base import TextLine
from .placed import Box, PlacedLine, glue, lowest
from .rhythm import leaves, measure, spaced_starts
from .rows import NUMBER_CELL, Columns, RowCounter, header_columns, row_line, squeeze

SENTENCE_END = ("。", "；", ";", "！", "？")


def find_header(lines: list[PlacedLine]) -> int | None:
    """Index of the first line that is a responsibility table's header row."""
    return next((i for i, line in enumerate(lines) if _header(line) is not None), None)


def is_header(line: PlacedLine) -> bool:
    return _header(line) is not None


def _header(line: PlacedLine) -> Columns | None:
    if len(line.boxes) < 3:
        return None
    columns = header_columns([box[0] for box in line.boxes])
    # rows are told apart by their number, or by spacing where a task column says rows are items
    return columns if columns is not None and (columns.number is not None or columns.counted) else None


def read_table(header: PlacedLine, body: list[PlacedLine]) -> tuple[list[TextLine], list[PlacedLine]]:
    """The table's rows as item lines, and the lines after the table (running text, or another table).
    A closing remark under the last row is text of its own, never the end of that row's task."""
    columns = _header(header)
    if columns is None:
        raise ValueError("read_table needs a header row (see find_header)")
    end = _end(header, body, columns)
    return table_lines(header, columns, [line for line in body[:end] if _header(line) is None]), body[end:]


def table_lines(header: PlacedLine, columns: Columns, body: list[PlacedLine]) -> list[TextLine]:
    cells = _all_cells(header, body)
    starts = _starts(body, cells, columns)
    rows: list[tuple[list[PlacedLine], list[list[str]]]] = []
    for line, row_cells, start in zip(body, cells, starts, strict=True):
        if row_cells is None:  # a heading across the table
            rows.append(([line], [[line.text]]))
        elif start or not rows or len(rows[-1][1]) == 1 or start is None and _ended(rows[-1][1], row_cells, columns):
            rows.append(([line], [[c] if c else [] for c in row_cells]))
        else:
            rows[-1][0].append(line)
            for pieces, text in zip(rows[-1][1], row_cells, strict=False):
                if text:
                    pieces.append(text)
    counter = RowCounter()
    return [line for placed, cells in rows for line in [_row(placed, cells, columns, counter)] if line is not None]


def _all_cells(header: PlacedLine, body: list[PlacedLine]) -> list[list[str] | None]:
    bounds = boundaries(header.boxes, [box for line in body for box in line.boxes])
    return [_cells(line, bounds) for line in body]


def _starts(body: list[PlacedLine], cells: list[list[str] | None], columns: Columns) -> list[bool | None]:
    """Whether each line opens a row: by its number, or where rows are counted, by the spacing
    (None: at a page's top, where spacing cannot tell; see _ended). A line across the table does."""
    if not columns.counted:
        return [c is None or _starts_row(c, columns) for c in cells]
    return [True if c is None else start for c, start in zip(cells, spaced_starts(body), strict=True)]


def _ended(pieces: list[list[str]], cells: list[str], columns: Columns) -> bool:
    """At a page's top, whether a counted row broken by the page ended there: its task ended a
    sentence and the line opens a task (a line with units only goes on with the row's unit cells)."""
    at = columns.task
    if at is None or at >= len(pieces) or not pieces[at] or not cells[at]:
        return False
    return pieces[at][-1].rstrip().endswith(SENTENCE_END)


def _end(header: PlacedLine, body: list[PlacedLine], columns: Columns) -> int:
    """Where in `body` the table stops: at the first line after its last row start that leaves it
    (rhythm.leaves); the body's end when none does. The header repeated on later pages is skipped."""
    inside = [(at, line) for at, line in enumerate(body) if _header(line) is None]
    lines = [line for _, line in inside]
    cells = _all_cells(header, lines)
    starts = [bool(start) for start in _starts(lines, cells, columns)]
    opened = [i for i, c in enumerate(cells) if c is not None and starts[i]]
    if not opened:
        return len(body)
    rhythm = measure(lines[: opened[-1] + 1], starts)  # measured on the rows above: not on what may follow
    headed = {header.page} | {line.page for line in body if _header(line) is not None}
    for i in range(opened[-1] + 1, len(lines)):
        if leaves(lines[i - 1], lines[i], cells[i] is None, rhythm, headed):
            return inside[i][0]
    return len(body)


def boundaries(header: tuple[Box, ...], body: list[Box]) -> list[float]:
    """Between each two header cells, the x where fewest body boxes lie (ties: the widest such gap's middle)."""
    centres = [(box[1] + box[2]) / 2 for box in header]
    bounds: list[float] = []
    for left, right in zip(centres, centres[1:], strict=False):
        steps = [left + (right - left) * k / 100 for k in range(101)]
        cover = [sum(1 for box in body if box[1] <= x <= box[2]) for x in steps]
        low = min(cover)
        best, run_start, best_len = (left + right) / 2, None, -1
        for k, count in enumerate(cover + [low + 1]):
            if count == low and run_start is None:
                run_start = k
            elif count != low and run_start is not None:
                if k - run_start > best_len:
                    best, best_len = (steps[run_start] + steps[k - 1]) / 2, k - run_start
                run_start = None
        bounds.append(best)
    return bounds


def _cells(line: PlacedLine, bounds: list[float]) -> list[str] | None:
    """The line's text per column, or None for a heading across the table: a lone box crossing a
    gutter by over a character on each side. Where OCR ran two cells of a row into one box, the
    box is cut at the gutter."""
    cells = [""] * (len(bounds) + 1)
    boxes = list(line.boxes)
    if len(boxes) == 1 and _crossed(boxes[0], bounds):
        return None
    for piece in (cut for box in boxes for cut in _cut(box, bounds)):
        text, x0, x1 = piece[0].strip(), piece[1], piece[2]
        column = sum(1 for b in bounds if (x0 + x1) / 2 > b)
        if text:
            cells[column] = glue(cells[column], text) if cells[column] else text
    return cells


def _crossed(box: Box, bounds: list[float]) -> list[float]:
    size = max(box[4] - box[3], 1.0)
    return [b for b in bounds if box[1] < b - size and box[2] > b + size]


def _cut(box: Box, bounds: list[float]) -> list[Box]:
    """Split a box at the gutters it crosses, where its characters reach them (a Latin letter or
    digit counted half as wide as a Chinese character)."""
    crossed = _crossed(box, bounds)
    if not crossed:
        return [box]
    text, x0, x1, top, bottom = box
    widths = [0.5 if ch.isascii() else 1.0 for ch in text]
    scale = (x1 - x0) / max(sum(widths) + len(crossed), 1e-6)  # each gutter about a character wide
    pieces, start, reach, left = [], 0, x0, x0
    for cut in crossed:
        end = start
        while end < len(text) and reach + widths[end] * scale / 2 < cut:
            reach += widths[end] * scale
            end += 1
        pieces.append((text[start:end], left, reach, top, bottom))
        reach += scale
        start, left = end, reach
    return pieces + [(text[start:], left, x1, top, bottom)]


def _starts_row(cells: list[str], columns: Columns) -> bool:
    at = columns.number
    return at is not None and bool(NUMBER_CELL.match(squeeze(cells[at])))


def _row(placed: list[PlacedLine], cells: list[list[str]], columns: Columns, counter: RowCounter) -> TextLine | None:
    confidence = None
    for line in placed:
        confidence = lowest(confidence, line.confidence)
    if len(cells) == 1:
        counter.number(cells[0], columns)  # a part heading restarts the count
        return TextLine(cells[0][0], placed[0].page, confidence)
    joined = []
    for pieces in cells:
        text = ""
        for piece in pieces:
            text = glue(text, piece) if text else piece
        joined.append(text)
    row = row_line(joined, columns, counter.number(joined, columns))
    return None if row is None else TextLine(row.text, placed[0].page, confidence, row.fields)
