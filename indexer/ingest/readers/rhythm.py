"""Where a table on a page stops, from the vertical spacing of its lines.

Inside a cell the lines follow one another at the line spacing; a new row adds the cell's
padding and its rule, so a row starts after a wider gap (about 1.7 times in ruled tables,
in their scans as in their PDFs). What follows the last row (a closing remark, a 附件 line, a
signature) is no part of the row above it: it lies further below than the row's own lines,
is set in a bigger font, crosses the columns, opens like a closing line, or stands on a page
where the repeated header row no longer appears. A table without a 序号 column has its rows told
apart by the same spacing (spaced_starts).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .placed import PlacedLine

# a closing line: 附件：/附件1, 附表, 抄送：, 特此通知, （此页无正文）; not a cell's line that merely opens with 附件
CLOSING = re.compile(r"^\s*[(（]?\s*((附件|附表)\s*[:：\d一二三四五六七八九十]|抄送\s*[:：]|特此通知|此页无正文)")
TALLER = 1.3  # a line this many times the table's usual height is body text, not a cell's
WITHIN_SLACK = 1.3  # a row's own lines are never further apart than this many line gaps
SPLIT_ROW_ONLY = 0.8  # with one-line rows only: a gap this share of a row's is already another row
SPLIT_LINE_ONLY = 1.5  # with no row starts measured: a gap this many line gaps is another row
SPLIT_NOTHING = 2.0  # with nothing measured: a gap this many line heights
BREAK = 1.3  # row starts lie at least this many times further apart than a row's own lines
LINE_GAP = 1.7  # a row's own lines lie at most this many line heights apart


@dataclass(frozen=True)
class Rhythm:
    """The table's spacing: a gap above `split` starts something new; `height` is its usual line height."""

    split: float
    height: float


def gap(previous: PlacedLine, line: PlacedLine) -> float | None:
    """How far below the line before this one starts; None across a page break."""
    return line.y - previous.y if previous.page == line.page else None


def measure(lines: list[PlacedLine], starts: list[bool]) -> Rhythm:
    """The spacing inside rows and at row starts (`starts[i]`: line i opens a row or crosses the table)."""
    height = statistics.median(line.height for line in lines) if lines else 1.0
    within: list[float] = []
    between: list[float] = []
    for i in range(1, len(lines)):
        space = gap(lines[i - 1], lines[i])
        if space is not None and space > 0:
            (between if starts[i] else within).append(space)
    if within and between:
        line_gap = statistics.median(within)
        split = max((line_gap + statistics.median(between)) / 2, WITHIN_SLACK * line_gap)
    elif between:
        split = SPLIT_ROW_ONLY * statistics.median(between)
    elif within:
        split = SPLIT_LINE_ONLY * statistics.median(within)
    else:
        split = SPLIT_NOTHING * height
    return Rhythm(split, height)


def spaced_starts(lines: list[PlacedLine]) -> list[bool | None]:
    """Row starts told by spacing alone (a table without a 序号 column): the gaps fall in two groups,
    a row's own lines close together and row starts further apart; the first jump of BREAK between
    sorted gaps, above a gap no wider than LINE_GAP line heights, separates them. Without such a jump
    every line is a row. None at a page's top, where the spacing cannot tell."""
    gaps = [gap(a, b) for a, b in zip(lines, lines[1:], strict=False)]
    height = statistics.median(line.height for line in lines) if lines else 1.0
    known = sorted(g for g in gaps if g is not None and g > 0)
    split = next(
        (
            (low * high) ** 0.5
            for low, high in zip(known, known[1:], strict=False)
            if high > BREAK * low and low <= LINE_GAP * height
        ),
        None,
    )
    return [True] + [None if g is None else split is None or g > split for g in gaps]


def leaves(previous: PlacedLine, line: PlacedLine, crossing: bool, rhythm: Rhythm, headed: set[int]) -> bool:
    """Whether `line`, after a table's last row start, is past the table rather than in that row.
    `headed`: the pages whose top repeats the header row (a table repeating it is gone from a page without it)."""
    if crossing or CLOSING.match(line.text) or line.height > TALLER * rhythm.height:
        return True
    space = gap(previous, line)
    if space is None:
        return len(headed) > 1 and line.page not in headed
    return space > rhythm.split
