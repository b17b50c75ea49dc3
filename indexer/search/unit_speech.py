"""Units as staff speak of them without writing a unit's name.

Staff point at a bureau by its line of work (公安那边, 教育口, 商务部门, 住建那块), at a district's
government by its place (蔡甸那边的区政府; where a unit's tasks are asked, the place alone: 武昌那边被写进去的
条目), and sometimes write a body's official full name where the
documents use the short one (共青团武汉市委 for 团市委, 武汉市妇女联合会 for 市妇联), or give another name
in brackets beside the one read (外事办（市委外办）). Each rule reads a span as catalog names; the catalog (units.py) settles them like any typed name, so several bureaus
matching one pointer are asked about, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .unit_names import AGENCIES, Parts, bare_place, in_order, is_abbreviation, without_owner

# A pointer after a bureau's line of work; 口 not where it starts a word (口岸, 口径).
POINTER = re.compile(r"那边|这边|那块|这块|那头|口(?![岸径号碑子罩腔袋味感])|部门|条线|系统")
# What a department does, said between its line of work and the pointer (国资监管部门, 教育主管部门).
FUNCTION = re.compile(r"(?:监管|主管|管理|行政|执法)$")
LONGEST_CORE = 6
# A verb right before the line of work makes it a task (稳投资这块, 促消费那块, 抓招商这边), not a bureau.
DOING = tuple("稳促扩抓搞保拉提")
PARTICLES = frozenset("的之和与及在是对给把被从跟同里上中")  # a word ends before them (市里的教育这块)
POINTED = AGENCIES | {"部", "支队"}  # what staff call a department: 公安部门, 宣传部门, 消防部门
GENERAL = frozenset("政府 职能 相关 有关 主管 行政 业务 其他 其它 各个".split())  # 政府部门: any department
# A district's government or a zone's committee named by its place: 洪山那边的区政府, 长江新区那边的管委会,
# 武昌那边（区政府）.
PLACE_BODY = re.compile(r"(?:那边|这边)?的?[(（]?(?P<body>区(?:人民)?政府|管委会)[)）]?")  # 武昌那边（区政府）
LONGEST_PLACE = 6  # 临空港开发区
FEDERATION = "联合会"  # 武汉市妇女联合会 is the documents' 市妇联
# A national body's Wuhan branch by its official name (中国国际贸易促进委员会武汉市分会 is the documents' 市贸促会).
BRANCH = re.compile(r"(?:中国)?(?P<body>[\u4e00-\u9fa5]{2,12}?)(?:委员会)?武汉(?:市)?分会")
# Official names of party and league bodies, in the documents' short form.
OFFICIAL = ((re.compile(r"共青团(?:武汉)?市委(?:员会)?"), "团市委"), (re.compile(r"中共(?:武汉)?市委(?!员)"), "市委"))
# Words that say which body is meant, right before its name (车谷那边的 经开区管委会): the unit's place, no topic.
DESCRIBES = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:那边|这边|那头|那一片|那块儿?)的?(?=\s)")
# Units said to meet on an item in staff's words (搭伙, 交集, 碰头, 碰到一起): cut from the topic, and said together.
MEETING = (
    r"同在|同台|联手|搭伙|搭档|交集|交叉|重合|重叠|碰了?头|碰了?面|(?:碰|凑|走)(?:到|在)?一(?:起|块儿?)|(?i:\bshared\b|\boverlap)|"
    r"搭(?:了|上)?边|扯上(?:了)?关系|"
    r"共同(?=的?(?:任务|事项|事|活|工作|承担|参与|负责|干|做|办|出力|推进|牵头|配合))"  # never 共同富裕, 共同缔造
)
# Two or more units said to stand on one item (两家一块儿出现, 被写进同一条任务, 并排出现, 排在一条任务的配合名单里):
# how the item is pointed at, which the units asked already say; what is left is the topic, if any.
CO_NAMED = re.compile(
    r"(?:这|那)?[两二三四五六七几](?:家|个)(?=[一都同并在\s，,]|$)|"
    r"(?:一块儿?|一起|一同|同时|并排|并列|同框|都)(?:被)?(?:出现|挂名|挂了名|写进|列进|列在|写在|排在|沾边|沾上边)?在?|"
    r"(?:被)?(?:写|列|排|放)?(?:进|在|到)?同一(?:条|项|件|个)(?:任务|事项|条目|事)?里?|"
    r"(?:被)?(?:写|列|排)?(?:进|在)?一条任务的?|"  # its 配合名单 is a role's list, cut with the units said (UNITS_SAID)
    r"(?<=都在)(?:名单|单子)(?:里|上)?|"  # 两家都在名单里: the item's unit list
    rf"{MEETING}|唯一"
)
# The same, said plainly enough to point at the items the units share (一块儿出现在哪条, 被写进同一条).
SAID_TOGETHER = re.compile(
    r"一块儿?|一起|一齐|一同|同时|并排|并列|同框|双双|同[一几](?:条|项|件)|一条任务|(?:都|共同)(?:被)?(?:出现|挂名|写进|列进|列在|写在|排在)|"
    r"都在(?:名单|单子)(?:里|上)|"  # 两家都在名单里
    rf"{MEETING}|都被(?:写|点|列|挂)|(?i:\bboth\b|\bcommon\b)|"  # which tasks have both 交通局 and 数据局
    r"也在(?=里面|其中|里头|名单|上面|的|吗|[，,。？?]|$)"  # 外办那两项，文旅局是不是也在里面; 名下的条目里，投促局也在的
)


def said_together(text: str, units: tuple[str, ...]) -> bool:
    """Units said to stand on one item (一块儿出现, 被写进同一条): the unit path finds the items they share."""
    return len(units) > 1 and bool(SAID_TOGETHER.search(text))


# Districts or bodies counted (两个区, 这两家国企, 这几个部门): the units asked, said again.
UNITS_SAID = re.compile(
    r"(?:这|那|[两三四五六七几])个区(?![\u4e00-\u9fff])|"
    r"(?:(?:这|那)[两二三四五六七几]?|[两二三四五六七几])(?:个|家)(?:市属)?(?:国企|国有企业|企业|集团|公司|单位|部门)"
    r"(?=[在的里中都各分\s，,。？?]|$)|"  # 武汉金控、武汉投控这两家国企在…: the units asked, said again
    r"作为(?:市属|国有|一家)?(?:国企|国有企业|企业|集团|公司|单位|部门|区政府|管委会)|"  # 投控集团作为市属国企
    r"(?:配合|责任|参与|牵头)(?:单位)?名单里?|(?:被)?(?:写|列|拉)进(?:了)?(?:配合|责任|参与|牵头)单位"  # 配合名单
)
CITY = re.compile(r"^(?:武汉市|武汉|市)")
# A unit's other name beside the one read, in or before brackets (外事办(市委外办), 市委外办(外事办)): the read
# name is cut to a space, and the other is no topic.
_UNIT_END = r"[\u4e00-\u9fff]{0,7}(?:局|委|办|会|部|集团|公司|政府|小组|办公室)"
# What an official name keeps before the part read as a unit (武汉市人民|检察院, 国家|税务总局武汉市税务局, 市委|网信办
# in full): left alone between the spaces that replaced names, it is no topic.
LEFT_OF_NAME = re.compile(
    r"(?<![\u4e00-\u9fff])(?=[\u4e00-\u9fff])(?:中共|国家)?(?:武汉市|武汉|市)?(?:中级人民|人民|人|委)?(?=\s)"
)
ALIAS_BESIDE = re.compile(rf"{_UNIT_END}\s*\(\s*\)|(?<=\s)\(\s*{_UNIT_END}\s*\)")


# A pointer between a place and its body (光谷那个管委会, 黄陂那边的区政府): the place's body, named.
POINTED_BODY = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:那个|这个|那边的?|这边的?|那块儿?的?|那一片的?)(?=管委会|区政府|区人民政府)"
)


# The districts said as taking a part in a task (各个区协同, 各区配合, 各新城区跟着干): 各区人民政府 (各新城区人民政府),
# which the documents list; 分到各区 and 各区通用 say where or for whom, no unit.
DISTRICTS_ACTING = re.compile(
    r"(?<!只拉)(?<!只有)(?<!只带)(?<!仅有)各个?(新城)?区(?=协同|配合|参与|牵头|负责|承担|一起|跟着)"
)
# Two to four places or remits sharing one body word (东湖高新和武汉经开区两个管委会, 江岸、江汉两个区政府, 文旅和生态环境两个局,
# 商务、经信、财政三个局):
# each one's body.
SHARED_BODY = re.compile(
    r"(?P<list>[\u4e00-\u9fff]{2,6}?(?:(?:和|与|、|跟|及)[\u4e00-\u9fff]{2,6}?){1,3})(?:这|那)?"
    r"(?:两个|两家|俩|三个|三家|四个|四家)(?P<body>管委会|区政府|局(?!长|面|势|部))"
)
JOIN = re.compile(r"(和|与|、|跟|及)")


def official(text: str) -> str:
    """Official full names of party and league bodies in the documents' form (共青团武汉市委 → 团市委)."""
    for pattern, short in OFFICIAL:
        text = pattern.sub(short, text)
    return text


def spoken_bodies(text: str) -> str:
    """A place's body said with a pointer between (光谷那个管委会) or two places sharing one body word
    (东湖高新和武汉经开区两个管委会), each written as its place's body."""
    text = POINTED_BODY.sub("", text)
    return SHARED_BODY.sub(lambda m: _each_with(m["list"], m["body"]), text)


def _each_with(listed: str, body: str) -> str:
    """商务、经信、财政 + 局 → 商务局、经信局、财政局."""
    return "".join(p if JOIN.fullmatch(p) else p + body for p in JOIN.split(listed))


def agency_cores(parts: dict[str, Parts]) -> list[tuple[str, str]]:
    """(name, core) of every bureau, commission and office, a party or government office's core without its owner
    (委, 政府): what a pointer names (built once per catalog)."""
    return [(name, _ownerless(p.core)) for name, p in parts.items() if p.suffix in POINTED]


def _ownerless(core: str) -> str:
    """委外 → 外, 政府国资 → 国资: the core a pointer names."""
    dropped = without_owner(core, core)
    return dropped[0] if dropped else core


def federation_cores(parts: dict[str, Parts]) -> dict[str, str]:
    """name → the short core a federation's full name keeps (市妇联 → 妇), built once per catalog."""
    return {name: p.core.removesuffix("联") for name, p in parts.items() if p.core.endswith("联")}


def pointed(text: str, agencies: list[tuple[str, str]], outside: str = "") -> Iterator[tuple[str, set[str]]]:
    """(公安那边, {市公安局}): the shortest line of work before a pointer that a bureau, commission or
    office keeps from its own core's start (公安 of 公安, 交通 of 交通运输; never 执法 of 城管执法), a function
    word between them read first (交通管理部门 is 交通's, not 通信管理's). A stretch the documents use as
    words (`outside`) points at nobody."""
    for match in POINTER.finditer(text):
        function = FUNCTION.search(text[: match.start()])
        for end in ([function.start()] if function else []) + [match.start()]:
            found = _line_of_work(text, end, agencies)
            if (
                found
                and text[found[0] : match.end()] not in outside
                and not _ends_a_word(text, found[0], end, outside)
                and not text[: found[0]].endswith(DOING)
            ):
                yield text[found[0] : match.end()], found[1]
                break


def _ends_a_word(text: str, start: int, end: int, outside: str) -> bool:
    """The line of work ends a longer term the documents use (职业教育这块 is the topic 职业教育, not 教育's bureau):
    the two characters before it, no particle among them, make a word of the corpus with it."""
    before = text[max(start - 2, 0) : start]
    return (
        len(before) == 2
        and all("\u4e00" <= c <= "\u9fff" and c not in PARTICLES for c in before)
        and before + text[start:end] in outside
    )


def _line_of_work(text: str, end: int, agencies: list[tuple[str, str]]) -> tuple[int, set[str]] | None:
    """(start, bureaus) of the shortest stretch ending at `end` that names bureaus: without 市 (市公安 is 公安),
    or with it where it starts the core itself (市场监管, never 市场 of it)."""
    for start in range(end - 2, max(end - LONGEST_CORE, 0) - 1, -1):
        for core, exact in ((CITY.sub("", text[start:end]), False), (text[start:end], True)):
            if len(core) < 2 or core in GENERAL:
                continue
            names = {n for n, known in agencies if core == known} or {
                n for n, known in agencies if not exact and is_abbreviation(core, known)
            }
            if names:
                return start, names
    return None


def districts(text: str, names: Iterable[str]) -> Iterator[tuple[str, set[str]]]:
    """(洪山那边的区政府, {洪山区人民政府}), (长江新区那边的管委会, {长江新区管委会}): the shortest place before
    the body that names one."""
    known = set(names)
    for match in PLACE_BODY.finditer(text):
        body = "区人民政府" if match.group("body") != "管委会" else "管委会"
        for size in range(2, LONGEST_PLACE + 1):
            place = text[max(match.start() - size, 0) : match.start()]
            if place + body in known:
                yield place + match.group(), {place + body}
                break


def federations(text: str, short: dict[str, str]) -> Iterator[tuple[str, set[str]]]:
    """(武汉市妇女联合会, {市妇联}): a federation's full name whose start the short name keeps, in order."""
    at = text.find(FEDERATION)
    while at >= 0:
        for start in range(at - 2, max(at - LONGEST_CORE, 0) - 1, -1):
            full = text[start:at]
            names = {n for n, core in short.items() if core and core[0] == full[0] and in_order(core, full)}
            if names:
                city = next((p for p in ("武汉市", "武汉", "市") if text[:start].endswith(p)), "")
                yield city + full + FEDERATION, names
                break
        at = text.find(FEDERATION, at + 1)


def place_forms(names: Iterable[str], forms: Iterable[str]) -> dict[str, str]:
    """Place → district government (武昌 → 武昌区人民政府), for the places no form of the catalog already reads."""
    known = set(forms)
    places = {bare_place(n): n for n in names if n.endswith("区人民政府") and not n.startswith(("各", "相关"))}
    return {place: name for place, name in places.items() if place not in known}


def places_in(text: str, places: dict[str, str], outside: str) -> tuple[tuple[str, ...], str]:
    """Districts named by their place alone (武昌那边, 写了江夏的), read as their governments, and the text without
    them. A place the documents go on with as one word (武昌古城, 武昌湾: `outside`, the corpus without unit names)
    is the place, not the district."""
    found: list[str] = []
    for place in sorted(places, key=len, reverse=True):
        for match in re.finditer(re.escape(place) + "(?:那边|这边|那块|这块)?(?=(.?))", text):
            after = match.group(1)
            pointed_at = match.end() > match.start() + len(place)
            if pointed_at or not "\u4e00" <= after <= "\u9fff" or place + after not in outside:
                found.append(places[place])
                text = text[: match.start()] + " " + text[match.end() :]
                break
    return tuple(dict.fromkeys(found)), text


def branches(text: str, names: Iterable[str]) -> Iterator[tuple[str, set[str]]]:
    """(中国国际贸易促进委员会武汉分会, {市贸促会}): a branch's official name holding, in order, every character of one
    catalog name that ends in 会 (贸促会 in 国际贸易促进…会)."""
    for match in BRANCH.finditer(text):
        full = match.group("body") + "会"
        found = {n for n in names if n.endswith("会") and len(short := CITY.sub("", n)) >= 3 and in_order(short, full)}
        if len(found) == 1:
            yield match.group(), found


def without_own_place(rest: str, units: tuple[str, ...]) -> str:
    """The question without the asked district's place said again (我是硚口区政府办的…要硚口干的): it is the
    unit, never a topic its items must hold."""
    for unit in (u for u in units if u.endswith("区人民政府")):
        place = re.escape(bare_place(unit))
        rest = re.sub(f"{place}区|{place}(?!区)", " ", rest)
    return rest


def only_places(units: tuple[str, ...], text: str) -> bool:
    """Every unit is a district or zone government, typed without 政府 or 管委会 (长江新区, not 洪山区政府)."""
    return bool(units) and all(u.endswith(("人民政府", "管委会")) and not _body_typed(u, text) for u in units)


def _body_typed(unit: str, text: str) -> bool:
    """The unit's place typed with its government or committee: 洪山区政府, 武昌那边（区政府）, 长江新区管委会."""
    return unit in text or bool(re.search(re.escape(bare_place(unit)) + r"[^，。？?,]{0,6}?(?:政府|管委会)", text))
