"""Places: a district the question narrows its topic to must be named by the item that answers it.

The plans set city-wide targets (滚动实施项目600个以上, 新增外贸实绩企业300家) and name a district
only where the task is that district's (青山区 beside 钢铁, 汉阳区 beside 博览中心). A question after a
district's share of a city-wide figure (落到青山区的有几个, 江岸区要冲几家, 新城区那边布点多少) is not
answered by the city's figure, and 各区人民政府 among an item's units says that every district helps,
not how much each one does. A district that is the asker's own office (我是硚口区政府办的) or the unit
asked about (青山区政府负责什么) is the units path's to read, never a place here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..search.retrieve import Hit

if TYPE_CHECKING:
    from ..search.engine import Engine

# Wuhan's thirteen districts, typed with 区 (绿水青山 is no district), its development zones as the documents
# name them (东湖高新区管委会, 支持临空港经开区…), and the two groups of districts they name.
DISTRICT_NAME = r"(?:江岸|江汉|硚口|汉阳|武昌|青山|洪山|东西湖|汉南|蔡甸|江夏|黄陂|新洲)"
DISTRICT = DISTRICT_NAME + "区"
PLACE = re.compile(
    DISTRICT + r"|(?<!武汉)新城区(?!域)|中心城区|东湖高新区|长江新区|(?:武汉|临空港)?经开区|临空港(?:开发区)?"
)
# Every district's share asked (落到各区各多少个, 分到每个区是多少, 三个开发区…各是多少): only an item that sets
# figures district by district answers it, one giving two districts or zones a figure each.
EACH_DISTRICT = re.compile(
    r"(?:落到|分到|分解到|摊到|分摊到|分配到|分给)(?:各个?|每个)(?:新城区|区)|"
    r"(?:各个?|每个|[两三四五六七八九十\d]+个)(?:国家级)?(?:开发区|新城区|中心城区|区)[^，。？?]{0,10}?(?:各|分别)(?:是|有|要|定了?)?(?:多少|几)|"
    r"(?:各个?|每个)区(?:各|分别)?(?:要|能|分到|落)?(?:各|分别)?是?(?:多少|几)"
)
EACH = "各区"
# The place as an office, the asker's or the one asked about: 青山区政府, 硚口区人民政府办, 我是江汉区的.
OFFICE_AFTER = re.compile(r"(?:人民)?政府|区委|管委会|政府办|办公室")
OFFICE_BEFORE = re.compile(r"(?:我|我们|咱)(?:是|在)?[^，,。？?\s]{0,2}$")


def narrowing_places(question: str) -> tuple[str, ...]:
    """The districts the question narrows its topic to, without those it names as an office."""
    places = [
        m.group()
        for m in PLACE.finditer(question)
        if not OFFICE_AFTER.match(question, m.end()) and not OFFICE_BEFORE.search(question[: m.start()])
    ]
    return tuple(dict.fromkeys(places + ([EACH] if EACH_DISTRICT.search(question) else [])))


def unheld_places(engine: Engine, question: str, on_topic: list[Hit]) -> tuple[str, ...]:
    """The districts the question narrows its topic to that no item on the topic names."""
    texts = [engine.texts[engine.by_id[h.item.id]] for h in on_topic]
    return tuple(p for p in narrowing_places(question) if not any(names_place(p, t) for t in texts))


def names_place(place: str, text: str) -> bool:
    """The text names the place: a district alone or in a list sharing one 区 (黄陂、江夏、新洲区人民政府;
    江汉、硚口、武昌), a zone as written (临空港 for 临空港经开区 and 临空港开发区 alike)."""
    if place == EACH:
        return (
            len(set(re.findall(rf"({DISTRICT_NAME}|东湖高新区|长江新区|经开区|临空港)[^，,。；;\d]{{0,6}}\d", text)))
            >= 2
        )
    if re.fullmatch(DISTRICT, place):
        return re.search(rf"{place[:-1]}(?:区|[、和及与,，])", text) is not None
    return (place[:3] if place.startswith("临空港") else place) in text
