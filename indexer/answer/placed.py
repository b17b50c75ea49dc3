"""Where the document places the items an answer cites (放在哪一节, 挂在哪个小标题底下).

The citation names an item's place by number (二（三）第48项); staff asking under which heading a task sits,
or whether it went into one part or another, need the headings' own words. Every item of a plan or a report
stands under its document's headings, so the answer is the items it already found, their headings said.
"""

from __future__ import annotations

from ..messages import say
from ..messages.labels import citation_label
from ..records import Detail
from .asks import asked_details
from .model import Answer

PLACED_SHOWN = 3


def placed(question: str, result: Answer) -> Answer:
    """The answer, with each of its first items' headings in a note when the question asks where they sit."""
    if not result.found or Detail.SECTION not in asked_details(question):
        return result
    for hit in result.citations[:PLACED_SHOWN]:
        if hit.item.path:
            headings = " › ".join(hit.item.path)
            result.notes.append(say("answer.placed", where=citation_label(hit.item), headings=headings))
    return result
