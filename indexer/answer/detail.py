"""The detail a question asks for, and whether an item states it.

Most questions the documents cannot answer are not off the topic: they ask a detail of a
topic the documents cover (江汉十桥 什么时候通车, 高端酒店 是哪几个品牌, 首店 能拿多少奖励).
The items on the topic say that the work will be done, not when, where, for how much or by
which company. So a question that asks for a kind of detail is answered only by an item that
states one in the sentence that names the topic: a date for 什么时候, a sum in 元 for
多少钱, a figure for 多少, a place for 在哪里. The question's wording decides what is asked
(its question words, never its topic: asks.py), the item's wording whether it is there.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..encode.passages import strip_clauses
from ..records import Detail
from .asks import PAYS_ASKED, REACHED, TECHNIQUE
from .choice import choice_named
from .figure_asks import (
    CHANGE_ASKED,
    MEASURE_ASKED,
    PARTS_ASKED,
    PER_ASKED,
    asked_class,
    counted_as_asked,
    counted_noun,
    whole_and_part,
)
from .figures import RANK, measured_figure, outside_field, rank_asked
from .names import JOINED, NAMES, named_of_class, new_names, new_pair, of_class
from .spelling import spelled_in

# Wuhan's districts and functional zones: a place an item may name (汉阳、江夏、东湖高新区).
DISTRICTS = (
    "江岸 江汉 硚口 汉阳 武昌 青山 洪山 东西湖 汉南 蔡甸 江夏 黄陂 新洲 东湖高新区 武汉经开区 长江新区 临空港 光谷 汉口 汉正街"
).split()
# What states each detail. A figure is a digit that is not a year (2025年) or a line's number (5号线).
FIGURE = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?(?!\d|年|号|届|\.\d)|翻番|翻一番|\d+(?:\.\d+)?倍|"
    r"[一二两三四五六七八九十百千]+(?:个|家|座|所|条|项|场|次|名|台|套|处|件|张|万)|(?<!一)[二两三四五六七八九十百千]+批|"  # 一批 counts nothing
    r"(?<![第一二两三四五六七八九十百])[两三四五六七八九十百]+大(?=[\u4e00-\u9fa5])"  # 十大工程 counts its projects
)
STATES: dict[Detail, re.Pattern[str]] = {
    # 23个50亿元以上(项目) bounds a class of projects; 到位资金5800亿元以上 is a sum
    Detail.MONEY: re.compile(
        r"(?<![\d.个])\d(?:[\d.]*)\s*(?:多|余)?[十百千万亿]{0,3}元(?!以上[\u4e00-\u9fa5]|以下[\u4e00-\u9fa5])"
    ),
    Detail.LENGTH: re.compile(r"\d(?:[\d.]*)\s*(?:多|余)?(?:公里|千米|米)"),
    Detail.AREA: re.compile(r"\d(?:[\d.]*)\s*(?:多|余)?(?:万)?(?:平方米|平方公里|平方千米|亩|公顷)"),
    Detail.DAY: re.compile(  # 2号线, 2号建议案, 附表3号 are names, not days
        r"\d{1,2}日|\d{1,2}号(?!线|建议案|议案|提案|附表|文|楼|院|馆|令|门)|\d{1,2}[:：]\d{2}|\d{1,2}点|每天|全天|\d+小时"
    ),
    Detail.MEANING: re.compile(r"即|是指|指的是|也就是|简称|为主题|主题为|主题是"),
    Detail.PENALTY: re.compile(r"处罚|罚款|罚没|吊销|责令|惩戒"),
    Detail.AGE: re.compile(r"\d+(?:周)?岁|月龄|婴幼儿|学龄"),
    Detail.OUTCOME: re.compile(  # a plan's 建成通车 is an aim: only words that report a result
        r"成功|获评|获批|荣获|入选|被评为|被授予|被列为|跻身|摘得|创成|通过验收|获得国家|已(?:经)?(?:建成|通车|开通|完工|投用|开业)|"
        r"(?<![年前争将要保体])(?:建成|开通运营|通车运营|投入运营|投入使用|竣工|完工|开业)(?=[,，。;；、]|$)"  # 项目建成, the review's
    ),
    Detail.TIME: re.compile(
        r"定期|每(?:月|季度|年|周|半年)|按(?:月|季度|年)|\d{1,2}月|\d{1,2}日|\d{4}年(?:底|前|内|起)|年底|年内|月底|上半年|下半年|季度|底前|(?:\d+|[一两二三四五六七八九十半]+)个?(?:工作日|小时|分钟|天|周|月)|(?:结束|完成|竣工|建成)后"
    ),
    Detail.PLACE: re.compile(
        rf"(?:{'|'.join(DISTRICTS)})(?!区?人民政府|管委会)|[\u4e00-\u9fa5]{{2,}}(?:街道|路|大道|商圈|片区|广场|码头|湾)|设在|位于|落户|选址|在[^，,。；;]{{2,12}}办公"
    ),
    Detail.COMPANY: re.compile(r"公司|集团"),
    Detail.PERSON: re.compile(r"[\u4e00-\u9fa5]{2,3}同志"),  # the documents name offices, never people
    Detail.AUTHORITY: re.compile(
        r"(?:国家|中央)[\u4e00-\u9fa5]{0,8}?(?:部|委员会|委(?!会)|总局)|(?:工信|科技|商务|财政|交通运输)部"
    ),
    Detail.PROCEDURE: re.compile(r"报名|申请|申报|流程|程序|条件|办法|细则|指南"),
    Detail.NAMES: NAMES,
    Detail.UPKEEP: re.compile(r"管养|养护|管护|运维|维护|保洁|维修|运营"),
    Detail.REASON: re.compile(r"之所以|原因是|是因为|因为|由于|鉴于"),
    Detail.PERMISSION: re.compile(
        r"可以|允许|准许|不得|禁止|严禁|必须|须|应当|无需|不需|免于|免费|免收|不收|不再|一律"
    ),
    Detail.NUMBER: FIGURE,
}
# A stage's dates head its paragraph, and a company may be named among the item's units (市城投集团).
WHOLE_ITEM = frozenset({Detail.TIME, Detail.DAY, Detail.COMPANY, Detail.AUTHORITY, Detail.REASON})
ROLE_ASKED = re.compile(r"参与|负责|牵头|配合|承担|责任")  # 哪些区和企业参与: the units are the answer
YEAR_ASKED = re.compile(r"哪一?年")
YEAR_OR_TIME = re.compile(rf"{STATES[Detail.TIME].pattern}|(?<!\d)\d{{4}}年")
# Measures, not counters: a figure in 万平方米 right after the clause naming the topic is the topic's
# (打造全要素创新空间,新建…120万平方米以上), and so are people (推进“武汉工匠”计划,培育…8000人以上),
# as a count of 个 there may be of anything.
MEASURES = ("平方公里", "平方米", "公里", "千米", "亩", "公顷", "吨", "千瓦", "兆瓦", "立方米", "标箱", "人", "名")
COUNT_ASKED = re.compile(r"(?:几|多少)(?:个|家|座|所|处|项|条|件)(?!点|百分点)")
PERCENT = re.compile(r"\d+(?:\.\d+)?\s*[%％]")
CHANGE = re.compile(r"增长|提高|提升|增加|上升|下降|减少|降低|百分点|同比|比上年|增幅|翻番|连增")
GIVEN_MEMBERS = re.compile(r"除了?([^，,。？?]{2,20}?)(?:之外|以外|外)?(?=[，,]|还|另|其)")
CLAUSE_END = re.compile(r"[，,；;。！？]")
SENTENCE_END = re.compile(r"[；;。！？]")
SENTENCE_CLAUSE = re.compile(r"[，,]")
MONEY_OR_FREE = re.compile(f"{STATES[Detail.MONEY].pattern}|免费|自费|收费标准")
PER_STATED = re.compile(r"每|人均|户均|平均|[日年月周]均|最高|最多|不超过|上限|分别|其中|各\d")
# A place word after a verb or a quantity names no place (新建街道…综合体, 各街道), and 路 ends common nouns
# (集成电路, 思路, 线路) as often as street names.
NO_NAME = re.compile(
    r"(?:新建|建设|建成|打造|改造|提升|推进|实施|各|每个|全市|所有)(?:街道|片区|广场|码头|商圈)$|(?:电|线|思|道|铁|公|出|航|网|套|水)路$"
)


def states(detail: Detail, text: str, terms: tuple[str, ...] = (), question: str = "", wanted: int = 1) -> bool:
    """The item states the detail in a clause that names one of the topic's terms (any clause
    when none is given): 建设武昌滨江天街等3个消费新地标,引育5家高端酒店 names no place for 免税店."""
    if detail is Detail.CHOICE:  # either thing named anywhere in the item, its headings too
        return choice_named(question, text)
    if detail is Detail.SECTION:  # every item sits under its document's headings
        return True
    if detail is Detail.COMPANY and not ROLE_ASKED.search(question):  # 责任单位:市城投集团 is no contractor
        return bool(STATES[detail].search(strip_clauses(text)))
    if detail in WHOLE_ITEM:
        return bool(((detail is Detail.TIME and year_stated(question)) or STATES[detail]).search(text))
    if detail is Detail.OUTCOME:  # 获批 asked is no topic word: the clause must name what was reached
        terms = tuple(t for t in terms if not re.search(REACHED, t)) or terms
    if detail is Detail.NUMBER and rank_asked(question):
        terms = outside_field(terms, question)
    body = strip_clauses(text)
    clauses = [c for c in CLAUSE_END.split(body) if c]
    least = min(max(wanted, 2) if detail is Detail.NAMES else wanted, len(terms))  # names: beside two terms
    counted = counted_as_asked(question)
    near = (
        [c for c in clauses if sum(spelled_in(t, c) for t in terms) >= (1 if counted and counted in c else least)]
        if terms
        else clauses
    )
    if detail in (Detail.NUMBER, Detail.MONEY) and PER_ASKED.search(question) and not PER_STATED.search(body):
        return False  # 每家最高能贷多少: an item stating only totals does not answer it (日均 may stand a clause away)
    if detail is Detail.NUMBER and CHANGE_ASKED.search(question):  # 比上一年高了多少: a level alone is no change
        near = [c for c in near if CHANGE.search(c)]
    if detail is Detail.NAMES:  # 哪两个地区: 地区 is what the names are, so a name may end in it
        kinds = asked_class(question)
        count = int(counted[:-1]) if counted[:-1].isdigit() else 0
        classed = (
            [
                c
                for c in clauses
                if c not in near and (of_class(c, kinds, count) or (_names(c, terms) and of_class(c, "", count)))
            ]
            if wanted == 1 and count
            else []
        )
        # 完善多式联运体系,推动A、B建设提升: as many names as asked, after the clause naming the topic (a list
        # ending …、B和C has one more)
        led = (
            [c for c in _led(body, near) if of_class(c, "", count) and not JOINED.search(c)]
            if wanted == 1 and count
            else []
        )
        if count == 2 and any(new_pair(c, question) for c in near):
            return True
        # 实施A工程。…实施B工程: 哪几个工程 named one by one
        if (near or wanted == 1) and named_of_class(body, kinds, question):
            return True
        if count and any(of_class(c, kinds, count) for c in near):  # 四个新城是哪四个: a list of four on the topic
            return True
        # 哪几处重点工程，武汉关阳台算一个吗: a member given, the list closed by the class asked (等重点工程)
        return any(
            new_names(c, question, tuple(t for t in held if t not in kinds), aside)
            or kinds
            and new_names(c, question, held, aside)
            for c in near + classed + led
            for held, aside in [_beyond_given(c, terms, question)]
        )
    if detail is Detail.PROCEDURE:
        return any(procedure_stated(question).search(c) for c in near)
    if detail is Detail.MONEY:
        return any(money_stated(question).search(c) for c in near)
    if detail is Detail.PLACE:  # 打造世界级商圈 names the topic, not where it is
        return any(_new_place(c, question) for c in near)
    pattern = measured_figure(question) if detail is Detail.NUMBER else None
    measure = MEASURE_ASKED.search(question) if detail is Detail.NUMBER else None
    if measure is not None and measure.group(1) in MEASURES or pattern is RANK:
        near = near + _led(body, near)
    named = [t for t in terms if t in counted_noun(question)] if detail is Detail.NUMBER else []
    needed = len(named) - (len(named) >= 3)  # of three words one may stand in the clause before (收集转运站 of 垃圾…)
    stated = pattern or _counted_bare(question) if detail is Detail.NUMBER else None
    if detail is Detail.NUMBER and pattern is None and COUNT_ASKED.search(question):
        near = [PERCENT.sub(" ", c) for c in near]  # 几个国控断面: a rate (优良率90.9%) counts nothing
    return any((stated or STATES[detail]).search(c) and sum(spelled_in(t, c) for t in named) >= needed for c in near)


def _counted_bare(question: str) -> re.Pattern[str] | None:
    """A figure, or a numeral right before the thing counted (几个省会 is answered by 四省会城市)."""
    noun = counted_noun(question)[:2]
    return _figure_or_numeral_before(noun) if len(noun) == 2 else None


@lru_cache(maxsize=64)
def _figure_or_numeral_before(noun: str) -> re.Pattern[str]:  # read for every item cited: compiled once
    return re.compile(rf"{FIGURE.pattern}|[一二两三四五六七八九十]{re.escape(noun)}")


def _led(body: str, near: list[str]) -> list[str]:
    """The clause right after a clause on the topic, in its sentence: the topic is said first, its names follow."""
    sentences = ([c for c in SENTENCE_CLAUSE.split(x) if c] for x in SENTENCE_END.split(body))
    return [b for cs in sentences for a, b in zip(cs, cs[1:], strict=False) if a in near and b not in near]


def _new_place(clause: str, question: str) -> bool:
    """A district, or a named place that is not the question's own (世界级商圈 asked, 汉口 stated)."""
    if any(d in clause and d not in question for d in DISTRICTS):
        return True
    return any(
        m.group()[-3:] not in question and not NO_NAME.search(m.group()) for m in STATES[Detail.PLACE].finditer(clause)
    )


def year_stated(question: str) -> re.Pattern[str] | None:
    """哪一年 is answered by a year (2023年成功获批), which a plan's 2025年 beside its aim is not for 什么时候."""
    return YEAR_OR_TIME if YEAR_ASKED.search(question) else None


def money_stated(question: str) -> re.Pattern[str]:
    """A sum; asked whether it is free or who pays (要自己掏钱吗), 免费 or 自费 answers too."""
    return MONEY_OR_FREE if PAYS_ASKED.search(question) else STATES[Detail.MONEY]


def procedure_stated(question: str) -> re.Pattern[str]:
    """How to apply, or the rule applied: 认定 and 标准 state a procedure only when the question asks
    that act (认定标准, 执行什么标准); 认定支持人才 says nothing of how to apply for a flat."""
    if TECHNIQUE.search(question):  # 什么处理工艺: a way to apply says nothing of it
        return TECHNIQUE
    asked = (("认定", "认定"), ("标准", "(?<!高)标准"))
    return _procedure_pattern(tuple(pattern for word, pattern in asked if word in question))


@lru_cache(maxsize=8)
def _procedure_pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join((STATES[Detail.PROCEDURE].pattern, *extra)))


def unstated(
    details: tuple[Detail, ...],
    on_topic: list[str],
    nearby: list[str] | None = None,
    terms: tuple[str, ...] = (),
    question: str = "",
) -> tuple[Detail, ...]:
    """The asked details no item states: an item on the topic in any clause naming one of its terms,
    another cited item only in a clause naming two (新增床位500张 says nothing of 医疗综合体's beds).
    Names count only beyond those the question already gives (范湖立交、常青立交等12个节点 does not
    answer 除了范湖立交和常青立交还有哪些). A detail read from the whole item (a company among its
    units) is the topic's only in an item on the topic."""
    split = whole_and_part(question) if {Detail.NUMBER, Detail.MONEY} & set(details) else None
    if split:  # the whole's item, read without the whole's figure, by the part's words
        on_topic = [t.replace(split[0], " ") for t in on_topic if split[0] in t]
        nearby = [t.replace(split[0], " ") for t in nearby or [] if split[0] in t]
        terms = tuple(t for t in terms if spelled_in(t, split[1])) or (split[1],)  # a part no item names
    if {Detail.TIME, Detail.OUTCOME} <= set(details):  # 哪一年获批: the year of the approval, in one item
        on_topic = [t for t in on_topic if states(Detail.OUTCOME, t, terms, question)]
        nearby = [t for t in nearby or [] if states(Detail.OUTCOME, t, terms, question, wanted=2)]
    stated = tuple(
        d
        for d in details
        if any(states(d, t, terms, question) for t in on_topic)
        or (d not in WHOLE_ITEM and any(states(d, t, terms, question, wanted=2) for t in nearby or []))
    )
    return tuple(d for d in details if d not in stated or not _parts_stated(d, on_topic, terms, question))


def _parts_stated(detail: Detail, texts: list[str], terms: tuple[str, ...], question: str) -> bool:
    """Asked a figure per part (各类分别多少), two figures answer it, in one item or two (文化惠民活动1500场,
    公园文化季活动600场); one total (资金1000亿元) does not."""
    if detail not in (Detail.NUMBER, Detail.MONEY) or not PARTS_ASKED.search(question):
        return True
    stating = [t for t in texts if states(detail, t, terms, question)]
    figures = sum(
        len(FIGURE.findall(c)) for t in stating for c in CLAUSE_END.split(strip_clauses(t)) if _names(c, terms)
    )
    return len(stating) >= 2 or figures >= 2


def _beyond_given(clause: str, terms: tuple[str, ...], question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the topic's terms, the members set aside) in a clause listing the members the question sets aside
    (除了光谷车谷还有哪三个谷): there they are members beside the ones asked, not the topic listed as a sibling."""
    given = GIVEN_MEMBERS.search(question)
    aside = tuple(t for t in terms if given and t in given.group(1))
    if not aside or not all(t in clause for t in aside):
        return terms, ()
    return tuple(t for t in terms if t not in aside) or terms, aside


def _names(clause: str, terms: tuple[str, ...]) -> bool:
    return not terms or any(spelled_in(t, clause) for t in terms)
