"""Items by how many units they name: led by more than one (两个部门一块儿挂帅的, 牵头单位写了两家的), the
longest or shortest list of a role (哪一条列的责任单位最多, 配合部门名单最长的几条), or, within a named part,
no lead written (没写牵头单位、只列了责任单位的) or a lead other than the unit asked (不归经信局挑头的), or, within
a named document, no place for the unit asked (经信局完全没沾边的建议案任务).

Staff check which tasks have two heads, since a shared lead is where follow-up stalls, and which carry the
most units, since those take the most co-ordination. The answer is every item in scope with that count,
which ranking cannot list completely, read off the items' own unit lists; no unit is asked (两家一起牵头 of
named units is the unit path's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..messages import say
from ..messages.labels import kind_label
from ..records import DocKind, Item, Role
from ..search.engine import Engine
from ..search.question import Question
from ..search.retrieve import Hit
from .literal import in_named_part, scoped_items
from .literal_asks import QUOTE
from .model import Answer, unfound
from .scope import scope
from .sections import part_items
from .select import aggregate_units, span_words

COUNTS = {"两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
LEAD = r"(?:牵头|挂帅|挑头|领衔)"
# 两个部门一块儿挂帅, 牵头单位写了两家, 三家单位共同牵头; 多家/联合/共同/双 牵头, 牵头单位不止一家: two or more.
COUNTED = re.compile(
    rf"(?P<n>[两二三四234]|多)(?:个|家)(?:单位|部门)?(?:一起|一块儿?|共同|联合|同时)?{LEAD}|"
    rf"{LEAD}(?:单位|部门)(?:写了?|有|列了?|是|为)?(?P<m>[两二三四234]|多)(?:个|家)"
)
SEVERAL = re.compile(rf"(?:联合|共同|双){LEAD}|{LEAD}(?:单位|部门)不止一(?:个|家)")
# The longest or shortest list of a role, asked of the items (哪一条列的责任单位最多, 配合的单位写得最少的是哪一项).
LISTED_MOST = re.compile(
    r"(?P<role>牵头|责任|配合|参与|协办)?的?(?:单位|部门)(?:名单|数量|个数|数)?[^，。？?\d]{0,4}?最(?P<extreme>[多长少短])(?![能可])"
)
WHICH_ITEMS = re.compile(r"哪(?:一|几)?(?:条|项|件)|哪(?:个|些)任务|什么任务")
# Items whose lead is not written (没写牵头单位、只列了责任单位的): under the notices their 责任单位 lead, so the
# unit lists show a lead; staff ask for them to see where no lead was named. 由谁牵头 asks the notice's rule.
UNLED = re.compile(r"(?:没|未|没有)(?:写|列|标|注)?明?牵头(?:单位)?|无牵头单位|只(?:列|写|挂|有|标)了?(?:个)?责任单位")
RULE_ASKED = re.compile(r"谁(?:来|算)?(?:牵头|负责)|(?:哪个|什么)单位(?:来)?牵头|算牵头")
# A part's items another unit leads (不归经信局挑头的, 不是商务局领头的): those the unit asked does not lead.
NOT_LED_BY = re.compile(r"(?<!是)不(?:归|是|由)([^，,。？?]{1,10}?)(?:牵头|挂帅|挑头|领衔|领头|带头)")
LISTED = re.compile(r"哪(?:一|几|两|三)?(?:条|项|件|个|些)|几条")
RESPONSIBLE_WRITTEN = re.compile(r"[（(]责任单位")
# A document's items the unit asked is not on (经信局完全没沾边的建议案任务, 科创局压根没出现的是哪几项).
ABSENT_UNIT = re.compile(r"(?<!有)(?:完全|压根|根本)?(?:没|没有)(?:沾边|份|参与|挂名|出现|涉及)")


def unled_answer(
    engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> Answer | None:
    """The items of a named part written without a lead or led by other units than the one asked, or a named
    document's items the unit asked is not on; None unless the question asks for such items."""
    unled = bool(UNLED.search(q.text)) and not q.units and not RULE_ASKED.search(q.text)
    other = len(q.units) == 1 and any(
        engine.catalog.find(m.group(1))[0] == q.units for m in NOT_LED_BY.finditer(q.text)
    )
    absent = len(q.units) == 1 and bool(ABSENT_UNIT.search(q.text)) and bool(kinds)
    if not (unled or other or absent) or not LISTED.search(q.text):
        return None
    scoped = scope(engine, years, kinds, False, (), q.text)
    if scoped.nothing_left:
        return None
    items = [item for item in scoped_items(engine, scoped) if item.units]
    part = part_items(q.text, items, lambda text: engine.tokenizer.whole_words(text))
    named = [item for item in items if item.id in part] if part else _under_quoted(q.text, in_named_part(q.text, items))
    if named is items and not absent:
        return None  # no part named: the topic path reads which items the question means; a document, for absent
    if unled:
        chosen, said = [i for i in named if not _lead_written(i)], say("answer.unled_said")
    elif absent:
        held = {t.item.id for t in engine.unit_items(q.units[0], years, kinds, None)}
        chosen, said = [i for i in named if i.id not in held], say("answer.unit_absent_said", unit=q.units[0])
    else:
        led = {t.item.id for t in engine.unit_items(q.units[0], years, kinds, Role.LEAD)}
        chosen, said = [i for i in named if i.id not in led], say("answer.not_led_by_said", unit=q.units[0])
    base = unfound(q, years, {"topic": said, "years": list(years), "kinds": [str(k) for k in kinds or ()]})
    if not chosen:
        return replace(base, summary=say("answer.unled_none", said=said))
    lead, resp, entries = aggregate_units(chosen)
    return replace(
        base,
        summary=say("answer.unled", said=said, count=len(chosen)),
        citations=[Hit(item, 1.0) for item in chosen],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        found=True,
    )


def _under_quoted(question: str, items: list[Item]) -> list[Item]:
    """The items under a heading the question quotes (民生实事“便利市民出行”那节), else all of them."""
    quoted = re.findall(QUOTE, question)
    under = [i for i in items if any(w in heading for w in quoted for heading in i.path)]
    return under or items


def _lead_written(item: Item) -> bool:
    """The item names its lead; one listing only 责任单位 has them lead by the notice's rule."""
    return "牵头单位" in item.text or not RESPONSIBLE_WRITTEN.search(item.text)


def asked_leads(question: str) -> tuple[int, bool] | None:
    """(the number of lead units asked, whether more also count), or None when no count of leads is asked."""
    if match := COUNTED.search(question):
        said = match.group("n") or match.group("m")
        return (2, True) if said == "多" else (COUNTS[said], False)
    return (2, True) if SEVERAL.search(question) else None


def shared_lead_answer(
    engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> Answer | None:
    """Every item in scope with the number of lead units asked; None when the question asks no such count."""
    asked = asked_leads(q.text)
    if asked is None or q.units:
        return None
    count, or_more = asked
    scoped = scope(engine, years, kinds, False, (), q.text)
    said = say("answer.shared_leads_count", count=count) + (say("answer.shared_leads_more") if or_more else "")
    base = unfound(q, years, {"topic": said, "years": list(years), "kinds": [str(k) for k in kinds or ()]})
    if scoped.nothing_left:
        return replace(base, summary=scoped.reason)
    leads = (lambda n: n >= count) if or_more else (lambda n: n == count)
    items = [item for item in scoped_items(engine, scoped) if leads(len(item.lead_units))]
    span = span_words(years) + (f"的{'、'.join(kind_label(k) for k in kinds)}" if kinds else "")
    if not items:
        return replace(base, summary=say("answer.shared_leads_none", span=span, said=said))
    lead, resp, entries = aggregate_units(items)
    return replace(
        base,
        summary=say("answer.shared_leads", span=span, said=said, count=len(items)),
        citations=[Hit(item, 1.0) for item in items],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        found=True,
    )


def listed_most_answer(
    engine: Engine, q: Question, years: tuple[int, ...], kinds: tuple[DocKind, ...] | None
) -> Answer | None:
    """The items in scope naming the most (or fewest) units in the role asked; None when no such list is asked."""
    asked = LISTED_MOST.search(q.text)
    if asked is None or q.units or not WHICH_ITEMS.search(q.text):
        return None
    scoped = scope(engine, years, kinds, False, (), q.text)
    base = unfound(q, years, {"topic": asked.group(), "years": list(years), "kinds": [str(k) for k in kinds or ()]})
    if scoped.nothing_left:
        return replace(base, summary=scoped.reason)
    role = {"牵头": Role.LEAD, None: None}.get(asked.group("role"), Role.RESPONSIBLE)
    counted = [(len(item.units_in(role) if role else item.units), item) for item in scoped_items(engine, scoped)]
    counted = [(n, item) for n, item in counted if n]
    if not counted:
        return None
    best = max(n for n, _ in counted) if asked.group("extreme") in "多长" else min(n for n, _ in counted)
    items = [item for n, item in counted if n == best]
    lead, resp, entries = aggregate_units(items)
    return replace(
        base,
        summary=say("answer.listed_most", said=asked.group(), units=best, count=len(items)),
        citations=[Hit(item, 1.0) for item in items],
        lead_units=lead,
        responsible_units=resp,
        unit_entries=entries,
        found=True,
    )
