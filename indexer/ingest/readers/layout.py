"""From positioned lines on pages to the one-item-per-line text the parser reads.

PDF, OFD and OCR all yield lines with a position; what a page adds to the text is the
same for all three: running headers and footers, page numbers, and items wrapped over
several lines (even over a page break). Those are undone here, once, from geometry:
a line continues the one before when that one ran to the right margin and this one
does not open a new item or heading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from .base import TextLine
from .columns import split_columns
from .placed import PlacedLine, glue, lowest
from .table import find_header, is_header, read_table

PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$|^(page|p\.)\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
NEW_BLOCK = re.compile(
    r"^\s*(\d{1,3}[.．、](?!\d)|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、"
    r"|——|--|附件|附表|第[一二三四五六七八九十\d]+[章节条])"
)
CLAUSE_START = re.compile(r"^\s*[(（]\s*(牵头|责任|配合|其中|含|[a-zü\u0101-\u01dc]+[)）])")
EDGE_LINES = 2  # how many lines at a page's top and bottom may be running headers/footers
RUNNING_SHARE = 0.5  # a line is running when it repeats on at least this share of pages
PAGE_MARGIN_LINES = 8  # a page's own right margin is trusted from this many lines in a column
WRAP_INDENT = 4.0  # a wrapped paragraph's first line may be indented this many character heights
FULL_SLACK = 2.5  # a wrapped line ends within this many character heights of the right margin


def assemble(lines: list[PlacedLine]) -> list[TextLine]:
    """Clean page furniture away, read a responsibility table by its columns, and join wrapped
    lines of the running text back into their item."""
    body = drop_page_furniture(lines, keep=is_header)  # a header row repeats on every page's top
    out: list[TextLine] = []
    while (header := find_header(body)) is not None:  # text, a table, the text after it (another table)
        rows, after = read_table(body[header], body[header + 1 :])
        out += join_wrapped(body[:header]) + rows
        body = after
    return out + join_wrapped(body)


def drop_page_furniture(
    lines: list[PlacedLine], keep: Callable[[PlacedLine], bool] = lambda line: False
) -> list[PlacedLine]:
    pages = _by_page(lines)
    running = _running_texts(pages)
    kept = []
    for page_lines in pages.values():
        edges = {id(line) for line in page_lines[:EDGE_LINES] + page_lines[-EDGE_LINES:]}
        for line in page_lines:
            at_edge = id(line) in edges
            if at_edge and not keep(line) and (PAGE_NUMBER.match(line.text.strip()) or _shape(line.text) in running):
                continue
            kept.append(line)
    return kept


def _by_page(lines: list[PlacedLine]) -> dict[int, list[PlacedLine]]:
    pages: dict[int, list[PlacedLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return pages


def _shape(text: str) -> str:
    """Headers differ from page to page only in their numbers."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_texts(pages: dict[int, list[PlacedLine]]) -> set[str]:
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page_lines in pages.values():
        counts.update({_shape(line.text) for line in page_lines[:EDGE_LINES] + page_lines[-EDGE_LINES:]})
    return {shape for shape, n in counts.items() if shape and n >= max(2, RUNNING_SHARE * len(pages))}


def join_wrapped(lines: list[PlacedLine]) -> list[TextLine]:
    if not lines:
        return []
    right = _margins(lines)
    out: list[TextLine] = []
    previous: PlacedLine | None = None
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if previous is not None and out and _continues(previous, line, right[previous.page, previous.column]):
            last = out[-1]
            out[-1] = TextLine(glue(last.text, text), last.page, lowest(last.confidence, line.confidence))
        else:
            out.append(TextLine(text, line.page, line.confidence))
        previous = line
    return out


def _margins(lines: list[PlacedLine]) -> dict[tuple[int, int], tuple[float, float]]:
    """Left and right margin of each page's column (a last page may hold the left column only); a
    page with too few lines to tell takes the column's margins over the whole document."""
    groups: dict[tuple[int, int], list[PlacedLine]] = {}
    for line in lines:
        groups.setdefault((line.page, line.column), []).append(line)
    overall = {
        column: _edges([line for line in lines if line.column == column]) for column in {line.column for line in lines}
    }
    return {key: _edges(group) if len(group) >= PAGE_MARGIN_LINES else overall[key[1]] for key, group in groups.items()}


def _edges(lines: list[PlacedLine]) -> tuple[float, float]:
    starts = sorted(line.x0 for line in lines)
    return starts[int(0.1 * (len(starts) - 1))], _right_margin(lines)


def _right_margin(lines: list[PlacedLine]) -> float:
    """Where full lines end: the right edge most lines reach (a high quantile, not the maximum)."""
    edges = sorted(line.x1 for line in lines)
    return edges[int(0.9 * (len(edges) - 1))]


def _continues(previous: PlacedLine, line: PlacedLine, margins: tuple[float, float]) -> bool:
    """A wrapped line filled the width: it ran to the right margin and began near the left one.
    A right-aligned signature (武汉市人民政府 over its date) or a centred title only reaches the right."""
    left, right = margins
    size = max(previous.height, 1e-6)
    ran_to_margin = previous.x1 >= right - FULL_SLACK * size and previous.x0 <= left + WRAP_INDENT * size
    in_table = previous.cells > 1 or line.cells > 1
    if in_table:
        return False
    if CLAUSE_START.match(line.text) and not previous.text.rstrip().endswith(("）", ")")):
        return True  # a unit clause or a gloss never starts an item: the line before broke early
    return ran_to_margin and not NEW_BLOCK.match(line.text)


def rows(
    boxes: list[tuple[str, float, float, float, float]], page: int, confidence: list[float] | None = None
) -> list[PlacedLine]:
    """A page's lines in reading order: on a two-column page what crosses both columns, then
    the left column, then the right one (columns.py)."""
    split = split_columns(boxes)
    if split is None:
        return _lines(boxes, page, confidence)
    score = dict(zip(map(id, boxes), confidence, strict=False)) if confidence else {}
    out: list[PlacedLine] = []
    for column, part in enumerate(split):
        lines = _lines(part, page, [score[id(b)] for b in part] if score else None)
        out.extend(replace(line, column=column) for line in lines)
    return out


def _lines(
    boxes: list[tuple[str, float, float, float, float]], page: int, confidence: list[float] | None = None
) -> list[PlacedLine]:
    """Group text boxes (text, x0, x1, y_top, y_bottom) into lines: boxes that overlap vertically
    by over half the smaller height are one line, read left to right; table cells become a row."""
    order = sorted(range(len(boxes)), key=lambda i: ((boxes[i][3] + boxes[i][4]) / 2, boxes[i][1]))
    groups: list[list[int]] = []
    for i in order:
        if groups and _same_row(boxes[groups[-1][-1]], boxes[i]):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [_row_line(sorted(g, key=lambda i: boxes[i][1]), boxes, page, confidence) for g in groups]


def _same_row(a, b) -> bool:
    overlap = min(a[4], b[4]) - max(a[3], b[3])
    return overlap > 0.5 * min(a[4] - a[3], b[4] - b[3])


def _row_line(group: list[int], boxes, page: int, confidence) -> PlacedLine:
    height = max(boxes[i][4] - boxes[i][3] for i in group)
    text, cells = boxes[group[0]][0], 1
    for before, after in zip(group, group[1:], strict=False):
        wide = boxes[after][1] - boxes[before][2] > 0.8 * height
        cells += wide
        text += (" " if wide else "") + boxes[after][0]
    scores = [confidence[i] for i in group] if confidence else []
    text = re.sub(r"\s+", " ", text).strip()  # a run's own trailing space plus the gap's
    return PlacedLine(
        text,
        page,
        min(boxes[i][1] for i in group),
        max(boxes[i][2] for i in group),
        min(boxes[i][3] for i in group),
        height,
        sum(scores) / len(scores) if scores else None,
        cells,
        tuple(boxes[i] for i in group),
    )
