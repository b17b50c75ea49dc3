"""What a question about a figure counts, and how: the measure asked (多少辆), the thing counted (多少个码头泊位),
the count a 哪3个 question gives, a figure per one or per part, a change, a share, a part of a given whole.

asks.py reads which details a question asks; this module reads the figure asked more closely, and detail.py and
figures.py decide whether an item's figure answers it.
"""

from __future__ import annotations

import re

# A measure asked outright (多少辆, 几座, 多少万吨); 个 and 项 count anything, so they name no measure.
MEASURE_ASKED = re.compile(
    r"(?:多少|(?<!十)几(?![十百千]))(?:万|亿)?(家|座|所|条|场|次|名|人|台|套|处|件|张|辆|户|吨|间|栋|艘|架|盏|棵|株|床|公顷|亩|立方米|立方|微克|毫克|千瓦|兆瓦|标箱|字|平方公里|平方米|公里|千米|"
    r"英寸|年一遇|公斤|千克|分钟|小时|米(?=[宽长高深厚])|"  # 几米宽, 多少年一遇: a measure the documents rarely give
    r"(?<=[少万亿])(?:片|支|只(?![是有能要]))(?=[\u4e00-\u9fff]))"  # 多少片晶圆; never 哪几片, 多少片 (片区), 多少只是
)

COUNTED = re.compile(
    r"(?:多少|几)(?:万|亿)?(?:个|家|座|所|条|处|件|吨|辆|台|套|户|名)([\u4e00-\u9fa5]{2,10}?)(?=的|[，,。？?！!；;\s]|吗|呢|$)"
)

ASKED_CLASS = re.compile(r"哪(?:[两二三四五六七八九十\d]+|几|些)(?:个|家|座|所|条|项|张|处|件|大)?")

SPOKEN_NUMBER = "一二两三四五六七八九十百千"
SPOKEN = re.compile(f"[{SPOKEN_NUMBER}]+")
PLACES = {"十": 10, "百": 100, "千": 1000}
ASKED_COUNT = re.compile(r"哪([两二三四五六七八九十\d]+)(个|家|座|所|条|项|张|处|件)")


# A figure per one (每家最高能贷多少, 分到每个区是多少, 人均): a total says nothing of it. A figure per part
# (各类分别多少) needs at least two figures.
PER_ASKED = re.compile(
    r"每(?:个|家|户|人|位|年|月|所|项)?[\u4e00-\u9fa5]{0,4}(?:多少|几|多大)|"
    r"每(?:个|家|户|所|项|座|条|台|辆|张|处|间)[\u4e00-\u9fa5]{0,8}?(?:多少|几(?![年月天周])|多大|比例)|"  # 每座抽排能力多少
    r"(?<!共享)单(?:个|村|户|家|人|所|套|台|场|次|车|辆|栋|站|座)[\u4e00-\u9fa5]{0,6}(?:多少|几|多大)|(?:人均|户均|平均|最高|最多)(?:是|有|能|可以|可)?[\u4e00-\u9fa5]{0,2}(?:多少|几)"
)
PARTS_ASKED = re.compile(  # 各类人才多少人 asks all kinds together: 各 before a kind word is no split
    r"(?:分别|各自)(?:是|有|要|为)?[\u4e00-\u9fa5]{0,3}(?:多少|几)|各(?![类项级种地区个])(?:是|有|要|为)?[\u4e00-\u9fa5]?(?:多少|几)|"
    r"各(?:个)?区[^，。？?]{0,4}分配|分配到各(?:个)?区"
)
# A change asked (比上一年高了多少): a level alone (占比78.8%) does not say it.
CHANGE_ASKED = re.compile(
    r"比(?:上一?年|去年|上年|前一年|往年|以前|之前)[^，。？?]{0,4}(?:高|多|增加|提高|增长|上升|少|低|下降|减少)了?(?:多少|几)|"
    r"同比[^，。？?]{0,2}(?:增长|增加|提高|上升|下降|减少|涨|降)了?(?:多少|几)"
)

# A part of a figure the question gives (4250亿里面新能源车占多少, 1.5万场演出，其中演唱会有几场): only an item
# stating that whole can split it, and only by another figure beside the part's own words.
WHOLE = (  # a figure that is no year, day or name (2号建议案, 第3部分), its unit and what it counts, then 里/中
    r"(?<![\d.第])(\d+(?:\.\d+)?)(?![\d.]|\s*(?:年|月|日|号|届|期|批次))\s*(?:多|余)?[万亿千百]*[%％]?"
    r"(?:[\u4e00-\u9fa5A-Za-z()（）]{0,10}?(?:的目标|的任务|这个数|这个目标)?[，,]?(?:里面|里头|当中|之中|其中|中间|里)"
    r"|[\u4e00-\u9fa5A-Za-z]{2,10}?中)"  # 6万个充电桩中; never the 中 of 20家中试平台
)
WHOLE_GIVEN = re.compile(
    WHOLE
    + r"[，,的]?(?:的)?([^，,。？?]{1,14}?)(?:占|有|是|分别|各|要|能|达到|增长|增加|享受|获得|拿到)[^，,。？?]{0,3}(?:多少|几|多大)"
)
# The part said after the count (600场活动里，有多少场是免费的): the same ask, its words after 是.
PART_AFTER = re.compile(WHOLE + r"[，,]?有?(?:多少|几)[个场家项次名人条所座处套台]?(?:是|为|属于)([^，,。？?]{1,14})")
# The parts named after the whole, each asked on its own (6.54万个新增学位，幼儿园和中小学各占多少; 42万千瓦装机，
# 光伏单独算是多少).
WHOLE_SPLIT = re.compile(
    r"(?<![\d.第])(\d+(?:\.\d+)?)(?![\d.]|\s*(?:年|月|日|号|届|期|批次))\s*(?:多|余)?[万亿千百]*[%％]?"
    r"[\u4e00-\u9fa5A-Za-z()（）]{0,10}?[，,]([^，,。？?]{1,14}?)(?:各|分别|单独)(?:占|有|是|算是|算|要)?[^，,。？?]{0,3}(?:多少|几)"
)
PART_END = re.compile(r"(?:要|能|会|将|可以|大概|大约)+$")
# A share asked (贴息比例是多少, 占比几成) is answered by a percentage, not by a count.
RATE_ASKED = re.compile(r"比例|比率|占比|百分之几|几成|百分比|占了?多少|占了?几")


def asked_class(question: str) -> str:
    """The words after 哪两个 / 哪些 up to 的 or the clause's end (地区, 贸易类大会和交易会): the kind of
    name asked."""
    asked = ASKED_CLASS.search(question)
    return re.split(r"[的，,。？?！!；;\s]", question[asked.end() :], maxsplit=1)[0] if asked else ""


def counted_noun(question: str) -> str:
    """What a count asks of (多少个码头泊位 → 码头泊位): the topic's words in it must stand beside the
    figure, since a figure of another thing (停车泊位12万个) is no answer. Empty when the count names
    nothing after its measure."""
    asked = COUNTED.search(question)
    return asked.group(1) if asked else ""


def counted_as_asked(question: str) -> str:
    """The count a 哪3个 question gives (3个), which a clause listing them repeats (…远洋里商业街3个特色街区)."""
    asked = ASKED_COUNT.search(question)
    if asked is None:
        return ""
    return in_digits(asked.group(1) + asked.group(2))


def whole_and_part(question: str) -> tuple[str, str] | None:
    """(the whole's figure, the words naming the part) when a part of a given figure is asked."""
    given = WHOLE_GIVEN.search(question) or PART_AFTER.search(question) or WHOLE_SPLIT.search(question)
    return (given.group(1), PART_END.sub("", given.group(2))) if given else None


def in_digits(figure: str) -> str:
    """一百处以上 → 100处以上, 七个 → 7个, 两个 → 2个: a spoken figure in digits, as the documents write them."""
    spoken = SPOKEN.match(figure)
    if not spoken:
        return figure
    total, digit = 0, 0
    for c in spoken.group():
        if c in PLACES:
            total += (digit or 1) * PLACES[c]
            digit = 0
        else:
            digit = "零一二三四五六七八九".find(c) if c != "两" else 2
    return f"{total + digit}{figure[spoken.end() :]}"
