"""Two-column pages (a gazette, a bulletin) read column by column, not across.

Grouping boxes by height alone would put the left column's line and the right column's
line at the same height into one line, so item 36 would get item 80's units. A page is
two columns when one vertical gutter near its middle runs down the body with text on both
sides and no other gutter does (a table has one between every two cells; tables.py reads
those). Lines crossing the gutter (a title above the columns) are read first.
"""

from __future__ import annotations

Box = tuple[str, float, float, float, float]  # text, x0, x1, top, bottom

MIDDLE = (0.3, 0.7)  # where on the text width a column gutter may lie
MIN_GUTTER = 6.0  # page units (points): narrower is a space between words
SIDE_SHARE = 0.25  # each column holds at least this share of the boxes
WIDE_SHARE = 0.6  # a box wider than this share of the text is a line across both columns
CROSSING_SHARE = 0.2  # at most this share of the boxes may cross the gutter (titles)


def split_columns(boxes: list[Box]) -> tuple[list[Box], list[Box], list[Box]] | None:
    """(across, left, right) when the page is set in two columns, else None."""
    if len(boxes) < 8:
        return None
    page_width = max(b[2] for b in boxes) - min(b[1] for b in boxes)
    narrow = [b for b in boxes if b[2] - b[1] < WIDE_SHARE * page_width]  # a wide line is across the page
    if len(narrow) < 8:
        return None
    gutters, width, x_min = _gutters(narrow)
    if len(gutters) != 1 or not MIDDLE[0] * width <= sum(gutters[0]) / 2 - x_min <= MIDDLE[1] * width:
        return None
    lo, hi = gutters[0]
    middle = (lo + hi) / 2
    across = [b for b in boxes if b[1] < lo and b[2] > hi]
    left = [b for b in boxes if b[2] <= middle and b not in across]
    right = [b for b in boxes if b[1] >= middle and b not in across]
    if min(len(left), len(right)) < SIDE_SHARE * len(narrow):
        return None
    if any(_gutters([b for b in side if b[2] - b[1] < WIDE_SHARE * page_width / 2])[0] for side in (left, right)):
        return None  # a column of its own split again: cells of a table
    return across, left, right


def _gutters(boxes: list[Box]) -> tuple[list[tuple[float, float]], float, float]:
    """x ranges at least MIN_GUTTER wide that few boxes cross, with text on both sides;
    with the text's width and left edge."""
    x_min, x_max = min(b[1] for b in boxes), max(b[2] for b in boxes)
    width = x_max - x_min
    if width <= 0:
        return [], width, x_min
    allowed = CROSSING_SHARE * len(boxes)
    found, start = [], None
    steps = int(width) + 1
    for k in range(steps + 1):
        x = x_min + k
        quiet = k < steps and sum(1 for b in boxes if b[1] < x < b[2]) <= allowed
        if quiet and start is None:
            start = x
        elif not quiet and start is not None:
            if x - start >= MIN_GUTTER and x_min < start and x < x_max:
                found.append((start, x))
            start = None
    return found, width, x_min
