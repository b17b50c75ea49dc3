"""Question understanding: years, units (by the names staff type; see units.py), intent and the topic words.

Questions are normalised like the documents first, so traditional characters,
full-width punctuation and stray spaces read the same as clean input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..foundation.text import normalise_query
from ..records import DocKind, Intent, Role
from .framing import ASKER, EACH_ITEMS_OTHERS, OTHERS_ASKED, without_own_office
from .kinds import find_kinds, named_kinds
from .roles import (
    ALONE,
    ALONE_LEAD,
    CROSSED,
    NO_OTHER,
    ONLY_BESIDE,
    PAIRED_SAID,
    ROLE_STATED,
    ROLE_WORDS,
    SUPPORT_ONLY,
    SUPPORT_SET_ASIDE,
    asked_role,
    crossed_roles,
    helpers_of_lead,
    led_by_other,
    paired_roles,
    plain_roles,
)
from .scopes import INCLUDED, MARK, MARKED_CLAUSE, NO_DISTRICT, told_apart
from .topic_words import is_filler, plain_words, topic_of
from .unit_names import GLUED, UnitChoice, UnitReading
from .unit_speech import (
    CO_NAMED,
    DESCRIBES,
    DISTRICTS_ACTING,
    UNITS_SAID,
    only_places,
    said_together,
    without_own_place,
)
from .units import UnitCatalog
from .vocabulary import translate_english
from .years import SHORT_YEAR, find_years

# 分别, 各自: each of two documents named is asked the same thing (报告和建议案里分别怎么说), side by side.
EACH = re.compile(r"分别|各自|各是|两处|两份")
COMPARE = re.compile(
    r"对比|比较(?![好多大快高强难少近远贵便合靠重集突明稳成完优知有])|比一比|(?:有|啥|什么|何|怎么|怎样|哪些)[\u4e00-\u9fa5]{0,2}变化|变化(?:了|是|在|大|多|情况)|(?<![各每全本])区别|不同|异同|相比|变了|差异(?!化)|(?<!优化)(?<!结构)调整|一样(?:吗|不|么|没有)|不一样|(?<![a-z])vs(?![a-z])"
)  # 优化调整 is a task's verb
WHO = re.compile(
    r"哪些单位|哪个单位|哪些部门|哪个部门|哪家|哪几(?!项|件|条|个?(?:任务|工作(?!组)|事|方面))|谁|由谁|什么单位|什么部门|牵头单位|责任单位|"
    r"牵头部门|责任部门|主管(?:部门|单位)|哪(?:个|些)(?:局|委)|(?:单位|部门)(?:有|是)哪|相关(?:的)?(?:单位|部门)|who|which (?:department|unit|agenc|bureau)|responsible|in charge",
    re.I,
)
# Words too general to narrow a unit's tasks (市城投集团参与哪些项目建设): alone they ask for all of them.
GENERIC = frozenset(
    "项目 建设 项目建设 内容 领域 重点 重点工作 重点任务 举措 措施 工程 哪些项目 哪些方面 完成 推进 落实 开展 实施 一年 市级 全市 市里 需要 直接 同时 共同 一条 那一条 那条".split()
)
# A zone's body asked whether it has a share of the work (经开区管委会在数据要素上有分工吗): the unit, not the place.
SHARE_ASKED = re.compile(r"有(?:没有)?分工|分工(?:吗|没有)")
UNIT_TASKS = re.compile(
    r"牵头|负责|承担|参与|配合|任务|干什么|做什么|管什么|干哪些|做哪些|干啥|做啥|哪些事|哪件事|哪些活|什么活|哪项|哪几项|工作|事项|"
    r"哪几条|哪些条|那几条|几条|多少条|条目|干的事|做的事|办的事|什么事|啥事|名下|[几两三四五]件事|几项|多少项|摊到|摊上|摊了|分到|点名|点到名|啥活|的活(?!动)|(?:事|事项|任务)[^，。？?]{0,4}(?:多少|几)件|"
    r"有没有(?:它的)?份|有份(?:吗|没有?)|(?:被|给)?(?:列|写|拉)进去|列入(?:了)?(?:吗|没有)|挂(?:了|过)?名|"  # 城管执法委有没有份
    r"lead|tasks?|responsible for|in charge of|what does",
    re.I,
)
# How much is asked (多少台, 几家, 多少亿元): the measure word belongs to the answer, not to the topic.
QUANTITY = re.compile(
    r"(?:多少|几)(?:万|亿)?(?:个|家|条|座|处|台|张|户|项|所|名|位|次|批|辆|套|间|栋|场|亩|元|人|公里|平方米|"
    r"款|种(?!植|子|养|业|质)|组(?!织|建|团|成|合)|类(?!型|别)|倍|成(?![\u4e00-\u9fa5]))?|"
    r"(?:那|这)?[两二三四五六七八九十]+(?:条|项|件)(?=任务|工作|事|活|条目)"  # 那两条任务: the items asked, counted
)  # 哪几种“风”, 几组, 能占几成: the count word goes with the count, never onto the next word (种风, 占成)
# Whether a target was met (完成了吗 / 没完成 / 达到目标没有); never 完成情况 (the notice's 季度报送完成情况).
TARGET = re.compile(
    r"完成了?(吗|没有|没)|(没|未)有?完成|完成目标|目标完成|(实现|达到|达成)(目标)?了?(吗|没有)|"
    r"计划[^，。？?]{0,12}实际|计划[^。？?]{0,16}(?:最后|最终|结果)[^。？?]{0,6}了?(?:多少|几)|实际[^。？?]{0,16}(?:比|超过?|多于|少于)[^。？?]{0,10}(?:计划|目标)|实际(?:完成|建成|建了|畅通|改造|新增|实现|达到)?了?(?:多少|几|情况)"  # plan beside result
)
FACT = re.compile(
    r"多少|目标|几个|几家|几条|几座|数量|比例|增长|指标|规模|达到|%|万|亿|是什么|what|how (?:many|much)", re.I
)


@dataclass(frozen=True)
class Question:
    raw: str
    text: str
    intent: Intent
    years: tuple[int, ...]
    units: tuple[str, ...]
    role: Role | None  # the role asked: 牵头 (lead), 配合、不牵头 (responsible only), or any
    topic: str
    kinds: tuple[DocKind, ...] = ()  # documents the question names (建议案 → proposal)
    unknown_units: tuple[str, ...] = ()  # unit-shaped names the corpus never names (市档案局)
    unclear_units: tuple[UnitChoice, ...] = ()  # typed names several units match (市委办): ask which
    respelled: tuple[tuple[str, str], ...] = ()  # (typed, read): a mistyped term read as the documents' (独脚兽)
    described: tuple[tuple[str, str], ...] = ()  # (typed, unit): a unit said by what it does (管工业的局)
    alone: bool = False  # the unit with no other unit on the item (一家单独扛), or with role LEAD the only lead
    beside: tuple[str, ...] = ()  # with alone: the only other units allowed on the item (配合方只有各区政府)
    roles: tuple[tuple[str, Role], ...] = ()  # each unit's own role (商务局牵头、财政局配合): the items both stand on
    crossed: bool = False  # two units, one leading and the other supporting, either way (互相牵头配合)
    no_district: bool = False  # items naming no district government (没让区政府掺和)


UNIT_KIND_ASKED = re.compile(r"哪(?:些|几个|个|几)(?:区人民政府|区政府|新区管委会|管委会)")
# A part of the documents set aside (除民生实事外, 民生实事不算): what is left out is no topic to search for.
SET_ASIDE = re.compile(
    r"除(?:了)?[\u4e00-\u9fa5“”]{2,8}?(?:以外|之外|外)|[\u4e00-\u9fa5“”]{2,6}?(?<!算)(?:不算|除外)|(?<![含括算])不(?:含|包括|算)[\u4e00-\u9fa5“”]{2,12}?(?=[的，,。？?\s)）]|$)"
)

# Where a term is mentioned (出现在哪些地方, 出现了几次, 在哪些任务里提到, 写在几条里, 跟街有关的事一共几条): the items
# mentioning it are the answer.
OCCURRENCE = re.compile(
    r"(?:都|分别)?(?:出现|提到|提及|写到|说到|用)(?:了|过)?在?(?:哪些地方|哪里|哪儿|几次|多少次|[一两二三四五六七八九十]次|哪几处|几处|哪几条目?|哪些条目?|哪些任务|哪几项)|"
    r"(?:在|于)哪(?:些|几)(?:地方|任务|条目?|段落|部分|份文件|个文件|处)(?:里|中)?(?:提到|出现|写到|说到|讲到)(?:了|过)?|(?:原文(?:中|里)?)?写到|(?:说|讲|提)到(?=的)|二字|两个字|的地方(?:有|是)?哪(?:几|些)处?|"
    r"(?:写|落|列|放|分)在几条(?:任务|条目)?(?:里|中)|(?:相关|有关|沾边|挂钩)的(?:事|条目|事项|任务)?(?:[（(][^）)]{0,30}[）)])?(?:一共|总共|共)(?:有)?几条(?=[？?，,。]|$)|"
    r"(?:都|分别)?(?:放|写|挂|列|落|讲|说)?在哪(?:些|条|几条|一条|项|几项|一部分|个部分|部分|几份|份|几段|一段|段)(?:任务|条目|部分|段|项|文件)?"
    r"(?:下面|下|里面|里|中)?(?:写了|写的|写到|提到|提及|出现|讲的|讲到|说的|说到)?(?:了|过)?(?=[？?，,、。！!；;\s]|$)"
)  # 物流在哪些任务下面写了, 分别放在哪条任务: where in the document, not a place

# The part a named unit plays in a task, asked (担什么责任, 是啥角色, 各是什么身份): a question of its items and roles, not a topic.
ROLE_ASKED = re.compile(
    r"(?:担|承担|负|扛|担负)(?:的|了)?(?:什么|啥|哪些|怎样的|哪种)(?:责任|角色)|(?:是|当|演|扮演)?(?:什么|啥|哪种|怎样的|哪个)角色|(?<!以)是(?:什么|啥|哪种)身份"
)
# A unit-shaped word the catalog did not read (卫建委): another unit is named, so a place beside it is no unit asked.
# A suffix glued to the next word is none (unit_names.GLUED), nor 委员 (a member), 办公 or a verb's 办 (督办, 承办).
_NOT_AFTER = {"局": GLUED["局"], "委": GLUED["委"] + "员", "办": GLUED["办"] + "公"}
OTHER_UNIT = re.compile(
    r"[\u4e00-\u9fff](?:"
    + "|".join(
        rf"{'(?<![督承主协交举创开包代申查兴])' if s == '办' else ''}{s}(?![{c}])" for s, c in _NOT_AFTER.items()
    )
    + "|集团|公司)"
)


def detect_intent(text: str, years: tuple[int, ...], units: tuple[str, ...]) -> Intent:
    if TARGET.search(text):
        return Intent.TARGET
    compared = COMPARE.search(text) and not (told_apart(text) and len(years) < 2)
    if compared or (len(years) >= 2 and not units) or (EACH.search(text) and len(named_kinds(text)) >= 2):
        return Intent.COMPARE
    if units and (UNIT_TASKS.search(text) or ROLE_ASKED.search(text)) and not asks_who(text):
        return Intent.UNIT_ITEMS
    if WHO.search(text):
        return Intent.TOPIC_UNITS
    if FACT.search(text):
        return Intent.FACT
    if units:
        return Intent.UNIT_ITEMS
    return Intent.SEARCH


# A unit set aside beside another (城建集团（不是城建局）, 除了发改委以外): the other is the one asked about.
UNIT_SET_ASIDE = re.compile(
    rf"{SET_ASIDE.pattern}|(?:不是|并非|而非)[\u4e00-\u9fa5]{{2,14}}?(?=[)）,，、。？?\s]|$)|[“\"][^”\"]{{2,14}}[”\"]的?(?:不算|除外|不要)"
)  # 写“各区人民政府”的不算: the unit quoted is set aside


def _read_units(catalog: UnitCatalog, text: str, years: tuple[int, ...]) -> UnitReading:
    """The units the question names, less those it sets aside while naming another."""
    reading = catalog.read(text, years)
    aside = {u for m in UNIT_SET_ASIDE.finditer(text) for u in catalog.read(m.group(), years).units}
    kept = tuple(u for u in reading.units if u not in aside)
    if not aside or not kept or len(kept) == len(reading.units):
        return reading
    return UnitReading(kept, reading.unclear, catalog.read(UNIT_SET_ASIDE.sub(" ", text), years).rest)


def only_beside(catalog: UnitCatalog, text: str, years: tuple[int, ...], units: tuple[str, ...]) -> tuple[str, ...]:
    """The units said to be the only others on the asked unit's items (配合方只有各区政府), when another is asked."""
    said = {u for m in ONLY_BESIDE.finditer(text) for u in catalog.read(m.group("who"), years).units}
    return tuple(u for u in units if u in said) if any(u not in said for u in units) else ()


def _names_other(text: str) -> bool:
    """The question asks who (谁牵头) or names a unit the catalog does not read: a place in it is no unit asked."""
    return asks_who(text) or bool(OTHER_UNIT.search(text))


def understand(
    raw: str, catalog: UnitCatalog, latest_year: int, words: Callable[[str], list[str]] | None = None
) -> Question:
    words = words or plain_words()
    text = without_own_office(plain_roles(translate_english(normalise_query(raw), words)))
    # 各个区协同, 各新城区跟着干: the districts' governments, as listed
    text = DISTRICTS_ACTING.sub(r"各\1区人民政府", text)
    years, rest = find_years(text, latest_year)
    kinds, rest = find_kinds(rest, SHORT_YEAR.sub(lambda m: f"20{m.group(1)}年", text))
    no_district = bool(NO_DISTRICT.search(rest))
    rest = NO_DISTRICT.sub(MARK, rest)  # 没让区政府掺和: a filter on the items, neither a unit nor a topic
    rest = UNIT_KIND_ASKED.sub("哪些单位", rest)  # 哪些区政府参与 asks which units, it names none
    reading, typed = _read_units(catalog, rest, years), rest
    if not (reading.units or reading.unclear) and UNIT_TASKS.search(rest):
        reading = catalog.read_withheld(rest, years)  # 妇联参与的任务: the unit, though the documents use the word
    if not (reading.units or reading.unclear) and UNIT_TASKS.search(rest) and not _names_other(ASKER.sub(" ", rest)):
        reading = catalog.read_places(rest)  # 江夏被点名的任务: the district, though the documents use the place
    units, unclear, rest = reading.units, reading.unclear, reading.rest
    rest = DESCRIBES.sub(" ", rest) if units else rest  # 车谷那边的经开区管委会: which body, no topic
    unknown = () if units or unclear else catalog.unknown(rest)
    asked = _without_names(text, units)  # 市直各相关部门, 各“965”产业链牵头单位: a unit's own name asks nothing
    intent = detect_intent(asked, years, units or unknown or tuple(c.typed for c in unclear))
    together = said_together(text, units)  # 东湖高新区和洪山区同时被点到: the bodies asked, not places
    helped = helpers_of_lead(text)  # 经开区管委会担主责的事，跟着配合的都是谁: the zone's body leads
    if (
        intent is Intent.UNIT_ITEMS
        and only_places(units, text)
        and not (UNIT_TASKS.search(text) or ROLE_ASKED.search(text) or SHARE_ASKED.search(text) or together)
    ):
        # 长江新区要加快建设哪三个组团: a district or zone is the place asked about, not a unit asked for tasks
        intent, units, rest = (Intent.FACT if FACT.search(text) else Intent.SEARCH), (), typed
    elif intent in (Intent.TOPIC_UNITS, Intent.FACT) and only_places(units, text) and not (together or helped):
        units, rest = (), typed  # 支持长江新区建设由谁负责: the zone is the topic, its government one of the answers
    rest = without_own_place(rest, units)
    role = asked_role(NO_DISTRICT.sub(" ", text))  # 不需要区里跟着干 is the districts' part, not the unit's role
    if role is Role.LEAD and units and led_by_other(text, catalog.names, units):
        role = None
    beside = only_beside(catalog, text, years, units)
    units = tuple(u for u in units if u not in beside)
    alone = bool(units) and bool(ALONE.search(text) or ALONE_LEAD.search(text) or beside)
    rest = NO_OTHER.sub(" ", ALONE_LEAD.sub(" ", ALONE.sub(" ", rest))) if alone else rest
    asked_how = (ASKER, ROLE_ASKED, OCCURRENCE, SUPPORT_SET_ASIDE, SUPPORT_ONLY, SET_ASIDE, QUANTITY, ROLE_WORDS)
    crossed = len(units) == 2 and crossed_roles(text)
    role = None if len(units) == 2 and CROSSED.search(text) else role  # 互相配合: working together, in any role
    roles = _paired(catalog, text, years, units) if intent in (Intent.UNIT_ITEMS, Intent.TOPIC_UNITS) else ()
    roles = () if crossed else roles
    paired = (CO_NAMED, CROSSED) * (len(units) > 1) + (PAIRED_SAID,) * bool(roles or crossed)  # 两家一块儿, 为主、为辅
    for said in asked_how + ((UNITS_SAID, EACH_ITEMS_OTHERS) if units else ()) + paired:
        rest = said.sub(" ", rest)  # words that say how the question asks, not what about
    rest = INCLUDED.sub(" ", rest) if intent is Intent.UNIT_ITEMS and units else rest  # 含收入目标: scope, no topic
    rest = MARKED_CLAUSE.sub(" ", rest)  # 哪几件压根没让区政府掺和: the whole clause says the filter
    topic = topic_of(rest, words)
    if units and all(
        word in GENERIC or len(word.strip()) < 2 or is_filler(word) for word in words(topic)
    ):  # 政府办的: nothing left
        topic = ""
    if intent is Intent.TOPIC_UNITS and units and not topic:  # 市体育局作为责任单位出现在哪些条目: its own items
        intent = Intent.UNIT_ITEMS
        role = None if asks_who(asked) and not helped else role  # 两家同时挂名的那一条，谁牵头: the item's lead
    if intent is Intent.UNIT_ITEMS and units and OTHERS_ASKED.search(text) and not said_together(text, units):
        intent, role = Intent.TOPIC_UNITS, None  # 经开区挑头的那个基地，还有谁: the others on its item
    roles = roles if intent is Intent.UNIT_ITEMS else ()
    units = tuple(dict.fromkeys([*units, *(u for u, _ in roles)]))  # the zone a role was said of
    crossed = crossed and intent is Intent.UNIT_ITEMS
    role = None if roles or crossed else role
    return Question(
        raw,
        text,
        intent,
        years,
        units,
        role,
        topic,
        kinds,
        unknown,
        unclear,
        alone=alone,
        beside=beside,
        roles=roles,
        crossed=crossed,
        no_district=no_district and bool(units) and intent is Intent.UNIT_ITEMS,
    )


def _paired(
    catalog: UnitCatalog, text: str, years: tuple[int, ...], units: tuple[str, ...]
) -> tuple[tuple[str, Role], ...]:
    """Each unit's own role, of the units read; or of one unit read and a zone said by its place with a role of
    its own (经开区挑大梁、经信局跟着出力: the zone's 管委会)."""
    if len(units) > 1:
        paired = paired_roles(text, lambda said: catalog.read(said, years).units, units)
        return paired if {u for u, _ in paired} <= set(units) else ()
    zones: set[str] = set()

    def read(said: str) -> tuple[str, ...]:
        if found := catalog.read(said, years).units:
            return found
        zones.update(zone := _zone(catalog, said, years))
        return zone

    paired = paired_roles(text, read, units)
    said = {u for u, _ in paired}
    return paired if units and set(units) < said and said - set(units) <= zones else ()


def _zone(catalog: UnitCatalog, said: str, years: tuple[int, ...]) -> tuple[str, ...]:
    """A zone said by its place alone (经开区, 长江新区): its 管委会, when the catalog has one."""
    return catalog.read(said + "管委会", years).units if said.endswith("区") else ()


def _without_names(text: str, units: tuple[str, ...]) -> str:
    for unit in units:
        text = text.replace(unit, " ")
    return text


def asks_who(text: str) -> bool:
    """Who is asked (谁牵头, 哪些单位), beyond a role the question states of a unit it names."""
    return bool(WHO.search(ROLE_STATED.sub(" ", text)))
